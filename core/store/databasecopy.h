// Moving a whole database between engines (SQLite ⇄ PostgreSQL, or file to file): every table of the
// schema with its ids, and a canonical digest of a database to prove two copies equal.
#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace pc {

class Database;

// One table of a database's canonical digest: its rows and a SHA-256 over them, independent of the
// engine (values formatted the same way on both, rows taken in no particular order: the digest is
// that of the sorted row hashes) and of column order (columns by name).
struct TableDigest {
    QString table;
    qint64 rows = 0;
    QByteArray sha256; // hex
};

struct DatabaseDigest {
    int schemaVersion = 0;
    QList<TableDigest> tables; // by name
};

// The tables a copy moves and a digest covers: every table of the schema (read from the engine's
// catalogue), without the engine's own (sqlite_*, the FTS5 index, its shadow tables and search_pending,
// plancompare_schema, PostgreSQL's search_* tables of the search index); children after the tables their
// foreign keys reference.
Result<QStringList> copiedTables(Database& db);

// The digest of `db`. Generated columns and PostgreSQL's search_* columns are left out; plan texts are
// compared as text (SQLite may hold them plain or compressed, PostgreSQL always compressed).
Result<DatabaseDigest> digestDatabase(Database& db);

// Tables whose digest differs between `a` and `b` ("schema" when the versions differ); empty: equal.
QStringList digestDifferences(const DatabaseDigest& a, const DatabaseDigest& b);

struct CopyOptions {
    // Called after each table (and every 1,000 rows): table, rows so far. Returning false cancels
    // the copy, which then fails with code "cancelled" and leaves the target as it was.
    std::function<bool(const QString& table, qint64 rows)> progress;
};

struct CopyReport {
    QList<TableDigest> copied; // rows per table (sha256 empty)
    qint64 rows = 0;
    qint64 milliseconds = 0;
};

// Copies every row of `from` (read in one snapshot) into `to`, keeping ids, in one transaction on
// `to`: a failure leaves it as it was. Both must have this PlanCompare's schema version (open `from`
// read-only: a database of another version is refused by Database::open), and `to` must be empty (error code
// "not-empty", naming the database and what it holds). The target's own search index follows the rows
// (SQLite's FTS5 triggers, PostgreSQL's indexes); PostgreSQL's identity sequences are moved past the copied
// ids.
Result<CopyReport> copyDatabase(Database& from, Database& to, const CopyOptions& options = {});

} // namespace pc
