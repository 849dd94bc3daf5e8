// A target's quote and sentence as functions of its plan's stored source text (schema 19).
#pragma once

#include "common/result.h"
#include "dialect.h"

#include <QString>

struct sqlite3;

namespace pc::store {

// The sentence around a target's span, for display beside the number: back to the previous sentence
// end (at most 200 characters), on to the next one (included unless a line or tab break), trimmed. A
// null string when the span does not lie in `source`.
QString sentenceAround(const QString& source, qsizetype start, qsizetype end);
// The text of the span, or a null string when it does not lie in `source`.
QString quoteAt(const QString& source, qsizetype start, qsizetype end);

// Since schema 19 SQLite stores a target's sentence and quote as NULL where they equal
// sentenceAround / quoteAt of the plan's stored source (`sources.text`) and the target's span — every
// imported target; user-added targets keep their own — and readers take the SQL below, which gives
// back the stored value or derives it. The SQL functions pc_sentence(source, start, end) and
// pc_quote(source, start, end) (`source` as stored: text, or a packed BLOB) keep the last few
// unpacked sources per thread, keyed by their stored bytes, so that rows grouped by plan unpack each
// plan once. PostgreSQL keeps both values in full: the expressions are the plain columns there.
// `t` prefixes the column names ("t.", "new."; empty means "targets.").
QString sentenceSql(Engine engine, const QString& t = QString());
QString quoteSql(Engine engine, const QString& t = QString());

// A target's parsed value of `column` (area, indicator, scope, kind, comparator, value, unit, baseline,
// deadline). Since schema 21 SQLite stores the parser's copies p_* as NULL while the target has no
// corrected field (corrected_fields = ''): they are the effective values then. A correction first copies
// the effective values into p_* (parsedCopySql), the reset of corrections copies them back and clears
// them. PostgreSQL keeps p_* filled; the expression reads the same there. `t` as above.
QString parsedSql(const QString& column, const QString& t = QString());
// The statement that keeps a target's parsed values aside before its first correction: p_* = the
// effective values where nothing is corrected yet (one placeholder: the target's id).
QString parsedCopySql();

// Tells this thread's pc_sentence and pc_quote that the sources value `stored` (as bound: bytes or text)
// reads as `text`, so that the targets of a plan just stored derive their texts without unpacking what
// the importer has just packed. Only for a text that reads back as itself (valid UTF-16).
void rememberSource(const QVariant& stored, const QString& text);

// Registers pc_sentence and pc_quote on a SQLite connection.
Status registerTargetTextFunctions(sqlite3* db);

} // namespace pc::store
