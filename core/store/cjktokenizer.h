// The FTS5 tokenizer "pc_cjk" (CJK unigrams + bigrams, folded Latin words) and the query builder that
// matches it, so 1-, 2- and n-character Chinese queries all find what they should.
#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

struct sqlite3;

namespace pc::fts {

inline constexpr const char* kTokenizerName = "pc_cjk";

// Registers the tokenizer on one connection (must precede any use of the FTS table).
Status registerTokenizer(sqlite3* db);

// The tokens the tokenizer produces, for tests and benchmarks: document mode gives, per CJK
// character, its unigram and (same position) the bigram starting there; query mode gives one
// token per character position (bigrams, the run's last character as a unigram) so that an
// n-character phrase must occur contiguously. Colocated tokens are prefixed with "+".
QStringList tokenize(const QString& text, bool queryMode);

// A user query as an FTS5 MATCH expression: every word becomes a quoted phrase (so no user input
// can be FTS5 syntax), "quoted phrases" stay phrases, OR between words is kept. `terms` receives
// the literal words for highlighting. An unbalanced quote, a dangling OR or a query without any
// letter, digit or CJK character is an Error with code "search-syntax" and a plain message.
struct MatchQuery {
    QString expression;
    QStringList terms;
};
Result<MatchQuery> buildMatchQuery(const QString& userQuery);

} // namespace pc::fts
