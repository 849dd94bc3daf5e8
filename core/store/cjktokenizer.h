// The FTS5 tokenizer "pc_cjk2" (one CJK bigram per character position, folded Latin words) and the
// query builder that matches it, so 1-, 2- and n-character Chinese queries all find what they should.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct fts5_api;

namespace pc::fts {

inline constexpr const char* kTokenizerName = "pc_cjk2";
// Schema 2–10 indexed unigrams and bigrams with this one; registered for the migrations that use it.
inline constexpr const char* kLegacyTokenizerName = "pc_cjk";

// "pc_cjk_chars": every CJK character and Latin word alone, for measure_chars (schema 11), an index of
// which measures hold a character (no positions), used to rank one-character queries.
inline constexpr const char* kCharacterTokenizerName = "pc_cjk_chars";

// "pc_cjk_set" (schema 13): the index of which measures hold which tokens, without positions
// (detail=none). Documents give every CJK character and, colocated, the bigram starting there, and the
// folded Latin words: pc_cjk2's positions (the column sizes bm25 reads are pc_cjk2's), and every
// pc_cjk2 token plus each character alone, so one-character queries are one token. Queries are
// taken verbatim as one token each (the search builds them from pc_cjk2's own tokens, QueryPhrase).
inline constexpr const char* kSetTokenizerName = "pc_cjk_set";

// Registers the four tokenizers on one connection (must precede any use of the FTS table).
Status registerTokenizer(sqlite3* db);

// The connection's FTS5 API (for registering tokenizers and auxiliary functions), or null.
fts5_api* fts5Api(sqlite3* db);

// The tokens pc_cjk2 produces, for tests and benchmarks: document mode gives one token per CJK
// character position, the bigram starting there or, at the end of a run, the character alone; query
// mode the same, except that a run of two or more characters that ends the text leaves out its last
// character (the bigram before it holds it). An n-character phrase must occur contiguously; a query
// character that ends a run matches every token starting with it (a prefix token, see MatchQuery).
QStringList tokenize(const QString& text, bool queryMode);

// How many positions pc_cjk2 gives the text (FTS5's column size for bm25).
int tokenCount(const QString& text);
int tokenCount(const char* utf8, int bytes);

// The query's one CJK character (电, "电"), or empty when it is anything else.
QString singleCharacter(const QString& userQuery);

// A user query as an FTS5 MATCH expression: every word becomes a quoted phrase (so no user input
// can be FTS5 syntax), "quoted phrases" stay phrases, OR between words is kept. `terms` receives
// the literal words for highlighting. `expression` is the engine-neutral form (PostgreSQL reads it);
// `fts5` is the same expression for the pc_cjk2 index: a phrase's CJK character that ends a run but
// not the phrase's last bigram (电, 5G电, the 水 of "用水 报装") becomes a prefix token ("电" *), because
// the index holds it only inside the bigram starting there when a CJK character follows. An unbalanced quote,
// a dangling OR or a query without any letter, digit or CJK character is an Error with code "search-syntax"
// and a plain message.
// One phrase of a query as pc_cjk2 tokens (UTF-8, folded) that must stand at consecutive positions of
// one column; a prefix token matches every token starting with it (FTS5's "x" *).
struct QueryToken {
    QByteArray bytes;
    bool prefix = false;
};
struct QueryPhrase {
    QList<QueryToken> tokens;
};
struct MatchQuery {
    QString expression;
    QString fts5;
    QStringList terms;
    // The same query structured: phrases in the order FTS5 numbers them in `fts5`, and the OR-groups
    // of phrases that must all occur (indices into phrases).
    QList<QueryPhrase> phrases;
    QList<QList<int>> groups;
};
Result<MatchQuery> buildMatchQuery(const QString& userQuery);

// pc_cjk2's tokens of a UTF-8 text in document mode, one per position (for checking phrases).
struct DocumentTokens {
    std::string arena;                      // the tokens' bytes, one after another
    std::vector<std::pair<int, int>> spans; // per position: offset in arena, length
    std::string_view at(size_t i) const {
        return std::string_view(arena).substr(size_t(spans[i].first), size_t(spans[i].second));
    }
};
void documentTokens(const char* utf8, int bytes, DocumentTokens& out);

// How many instances of the phrase the tokens hold (overlapping ones counted, as FTS5 counts phrase
// instances in a column).
int phraseInstances(const DocumentTokens& tokens, const QueryPhrase& phrase);

// The same count on a column's UTF-8 text without building its tokens: pc_cjk2's document mode run once,
// each token compared with the phrase's as it comes. `positions`, when given, receives the column's
// positions (tokenCount).
int phraseInstances(const char* utf8, int bytes, const QueryPhrase& phrase, int* positions = nullptr);

// The text whose occurrences (overlapping ones counted) are exactly the phrase's instances, when there
// is one: a chain of overlapping CJK bigrams (报装 装全 全流 流程: 报装全流程) or one CJK character as a
// prefix (电*: every 电 starts a token). Empty for anything else (words, run-final characters, prefixes
// inside a phrase), which documentTokens and phraseInstances check.
QByteArray phraseLiteral(const QueryPhrase& phrase);

} // namespace pc::fts
