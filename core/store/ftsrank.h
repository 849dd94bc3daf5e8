// pc_bm25: FTS5's bm25 ranking with the per-phrase row counts kept between searches of one connection.
#pragma once

#include "common/result.h"

struct sqlite3;

namespace pc::fts {

inline constexpr const char* kRankFunctionName = "pc_bm25";

// Registers pc_bm25(fts_table, key, weight...) on one connection. It computes exactly what FTS5's
// bm25(fts_table, weight...) computes, but bm25 counts the rows holding each phrase of the query (its
// IDF) by walking the phrase's whole index on every query — at 10,000 plans 200,000 rows for 电. pc_bm25
// keeps those counts per connection under `key`, which the caller makes out of the MATCH expression
// and the database's state (PRAGMA data_version and the connection's total changes): any change gives
// a new key, so a count is never used for another state of the index. An empty or NULL key counts
// every time.
Status registerRankFunction(sqlite3* db);

} // namespace pc::fts
