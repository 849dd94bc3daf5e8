// The SQLite collation "pc_zh": Chinese names in the order a Chinese reader expects (pinyin, via
// QCollator/ICU) instead of code-point order (大 5927 < 武 6B66 < 江 6C5F < 渝 6E1D).
#pragma once

#include "common/result.h"

struct sqlite3;

namespace pc::store {

inline constexpr const char* kChineseCollation = "pc_zh";

// Registers the collation on one connection; queries use `ORDER BY x COLLATE pc_zh`.
Status registerChineseCollation(sqlite3* db);

} // namespace pc::store
