// Small helpers over QSqlQuery for the store: prepared statements, error values, SQLite codes.
#pragma once

#include "common/result.h"
#include "read/readresult.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <optional>

namespace pc::store {

// Maps a failed query to an Error with a code the user can act on (db-locked, db-corrupt, db-readonly,
// db-full, db-query); `what` says what was being done, `path` names the database file.
Error sqlError(const QSqlError& e, const QString& what, const QString& path);
// The same for a primary SQLite result code and its message.
Error sqlError(int primaryCode, const QString& detail, const QString& what, const QString& path);

// Prepares and runs `sql` with positional bindings; on failure returns the error (see sqlError).
Result<QSqlQuery> exec(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds = {});
Status execStatus(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds = {});

// Null for an empty optional / empty string where a column is nullable.
// The database as messages name it: the file, or postgresql://user@host:port/db (no password).
QString connectionLabel(const QSqlDatabase& db);

QVariant nullable(const QString& s);
template <typename T> QVariant nullable(const std::optional<T>& v) {
    return v ? QVariant::fromValue(*v) : QVariant();
}
std::optional<double> optionalDouble(const QVariant& v);
// '' rather than NULL for NOT NULL text columns (QSQLITE binds a null QString as NULL).
inline QString text(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

QString nowUtc(); // ISO 8601, seconds

// measure_agencies.role (migration 18; the texts 'lead' and 'partner' before): 0 or 1, which SQLite
// stores in the record header alone.
constexpr int kLeadRole = 0;
constexpr int kPartnerRole = 1;

// Stored texts and files (the plan source, the original file) as one Zstandard frame, level 3: on
// Chinese text twice as fast as zlib level 1 and a quarter smaller (0.29 of the UTF-8 against 0.38).
// Rows written before schema 14 hold qCompress (zlib) data, which unpackBytes still reads: a Zstandard
// frame starts with its magic number, a qCompress blob with the big-endian length of its data.
QByteArray packBytes(const QByteArray& raw);
// The bytes packBytes (or qCompress) packed; nullopt when the blob does not decompress to the size it
// records.
std::optional<QByteArray> unpackBytes(const QByteArray& stored);
// Plan source texts are stored compressed (a BLOB) when that is smaller: from schema 17 one Zstandard frame
// against the measures' shipped dictionary (textpack::packFrame; 0.46 of the UTF-8 on other provinces'
// plans instead of 0.59 without it), before that packBytes'; older rows still are TEXT. unpackBytes reads
// all three.
// `alwaysBytes`: compressed even when that is not smaller (PostgreSQL's column is BYTEA only).
QVariant packSource(const QString& text, bool alwaysBytes = false);
// The same with the text's UTF-8 (`utf8` == text.toUtf8()) already at hand (the import compares it
// with the original file: schema 24).
QVariant packSourceUtf8(const QString& text, const QByteArray& utf8, bool alwaysBytes = false);
// document_files.derived (schema 24): where a plan's original file is. Stored: `original` holds it
// (packBytes). Source: an empty `original`; the file is the UTF-8 of sources.text, after a UTF-8 byte
// order mark with BomAndSource.
constexpr int kOriginalStored = 0;
constexpr int kOriginalIsSource = 1;
constexpr int kOriginalIsBomAndSource = 2;
// Page starts as stored in document_files.page_starts (a JSON array of offsets).
QString formatPageStarts(const QList<qsizetype>& starts);
QList<qsizetype> parsePageStarts(const QString& stored);
// A reader's origin map as one compressed blob (null when empty); nullopt from a damaged blob.
QVariant packOrigins(const QList<read::OriginRun>& origins);
std::optional<QList<read::OriginRun>> unpackOrigins(const QByteArray& stored);
// The text of a packed or plain source column; nullopt if a BLOB does not decompress.
std::optional<QString> unpackSource(const QVariant& stored);

} // namespace pc::store
