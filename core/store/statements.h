// Prepared SQLite statements kept per connection, for the hot read paths (comparison rows): QSqlQuery
// turns every column of every row into a QVariant, which costs more than the query itself on the
// ten thousand rows an indicator has at 10,000 plans.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace pc::store {

// Owns the statements it prepared; finalizes them when destroyed (before the connection closes).
class StatementCache {
public:
    explicit StatementCache(sqlite3* db)
        : m_db(db) {}
    ~StatementCache();
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    sqlite3* handle() const { return m_db; }
    // The statement for `sql`, prepared on first use; reset with no bindings. `what` and `path` name
    // the work and the file in the error.
    Result<sqlite3_stmt*> get(const QString& sql, const QString& what, const QString& path);
    // The search's rows per phrase, under a key naming the database's state (search.cpp).
    QHash<QByteArray, qint64>& phraseRows() { return m_phraseRows; }
    // Runs the (cached) statement `sql` to completion with `values` bound as QSQLITE binds them (a
    // QByteArray as a BLOB, a null QVariant as NULL); `rowid`, if given, receives the last inserted
    // rowid. For writes repeated once per plan: a statement on `targets` or `measures` compiles their
    // triggers and foreign-key actions, which costs more than running it.
    Status run(const QString& sql, const QVariantList& values, const QString& what, const QString& path,
               qint64* rowid = nullptr);

private:
    sqlite3* m_db = nullptr;
    QHash<QString, sqlite3_stmt*> m_statements;
    QHash<QByteArray, qint64> m_phraseRows;
};

// Resets (and unbinds) a cached statement when leaving scope, so that it holds no read snapshot
// between calls.
class StatementScope {
public:
    explicit StatementScope(sqlite3_stmt* st)
        : m_st(st) {}
    ~StatementScope();
    StatementScope(const StatementScope&) = delete;
    StatementScope& operator=(const StatementScope&) = delete;

private:
    sqlite3_stmt* m_st;
};

// Binds positional values: strings as text, integral types as integers, doubles as reals, null as NULL.
// Binds `v` to parameter `index` (from 1) as QSQLITE would: a QByteArray as a BLOB, text as UTF-16, a
// null value (or null text or bytes) as NULL. The SQLite result code.
int bindVariant(sqlite3_stmt* st, int index, const QVariant& v);
bool bindAll(sqlite3_stmt* st, const QVariantList& values);

// Error for a failed sqlite3_* call (same codes and messages as sqlError for QSqlQuery).
Error sqliteError(sqlite3* db, int rc, const QString& what, const QString& path);

QString columnText(sqlite3_stmt* st, int column); // null QString for NULL
std::optional<double> columnOptionalDouble(sqlite3_stmt* st, int column);

} // namespace pc::store
