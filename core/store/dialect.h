// The one place where the two database engines differ: SQLite (a local file, QSQLITE) and PostgreSQL
// (a team server, QPSQL): connection strings, type names, schema version, transactions, errors.
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace pc::store {

enum class Engine { SQLite, PostgreSQL };

// The engine of an open connection (by its Qt driver).
Engine engineOf(const QSqlDatabase& db);
inline bool isPostgres(const QSqlDatabase& db) {
    return engineOf(db) == Engine::PostgreSQL;
}

// True for "postgresql://…" and "postgres://…" (libpq URIs); anything else is a SQLite file path.
bool isPostgresUri(const QString& location);

// A libpq URI taken apart for QPSQL. The password is never part of what PlanCompare stores or shows:
// libpq reads it from PGPASSWORD or ~/.pgpass when the URI has none.
struct PostgresTarget {
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString user;
    QString password; // only when the URI itself carries one (discouraged)
    QString database;
    QString connectOptions; // key=value;… passed on to libpq (sslmode, connect_timeout …)
    QString display;        // the URI without its password, for messages
};
Result<PostgresTarget> parsePostgresUri(const QString& uri);

// Statement that starts a write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE)
// so two writers queue instead of deadlocking; PostgreSQL locks rows as it goes.
QString beginWrite(Engine e);

// Portable DDL (SQLite spelling: INTEGER PRIMARY KEY, INTEGER, REAL, BLOB, WITHOUT ROWID) in the
// engine's spelling. PostgreSQL: identity bigints, BIGINT, DOUBLE PRECISION (REAL is 4 bytes there),
// BYTEA. Migrations written in plain SQL go through this.
QString translateDdl(Engine e, const QString& sql);

// "INSERT … " that yields the new row's id through insertedId(): PostgreSQL has no last-insert id
// for identity columns, so the statement gets RETURNING id there.
QString returningId(Engine e, const QString& insertSql);
qint64 insertedId(Engine e, QSqlQuery& q);

// Serialises writers of one named thing (a plan's doc id) until the transaction ends: an advisory
// lock on PostgreSQL; nothing on SQLite, whose BEGIN IMMEDIATE already admits one writer at a time.
Status lockName(QSqlDatabase& db, const QString& name);

// " FOR UPDATE OF alias" on PostgreSQL (lock the row read for a change); "" on SQLite.
QString forUpdate(Engine e, const QString& alias);

// The schema version: PRAGMA user_version on SQLite, table plancompare_schema on PostgreSQL.
Result<int> readSchemaVersion(QSqlDatabase& db);
Status writeSchemaVersion(QSqlDatabase& db, int version);

} // namespace pc::store
