// The engine the store, CLI and model suites run on: SQLite (in memory or a temporary file) by default,
// PostgreSQL when PLANCOMPARE_TEST_PG names the file tests/pg/pgcluster.sh wrote the server's URI to
// (CTest sets it for the *_pg runs). Each call gives a new, empty database on that server.
#pragma once

#include "store/database.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <unistd.h>

namespace pc::test {

inline bool onPostgres() {
    return qEnvironmentVariableIsSet("PLANCOMPARE_TEST_PG");
}

// The server's admin URI (postgresql://postgres@127.0.0.1:PORT/postgres); a missing file fails the
// test with a message: these runs must never silently fall back to SQLite.
inline QString postgresServerUri() {
    const QString file = qEnvironmentVariable("PLANCOMPARE_TEST_PG");
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "PLANCOMPARE_TEST_PG=" << file.toStdString()
                      << " but that file does not exist: the PostgreSQL test server did not start "
                         "(see the pg.start test's output)";
        return {};
    }
    return QString::fromUtf8(f.readAll()).trimmed();
}

// Runs one statement on the server's maintenance database (CREATE DATABASE, roles …).
inline bool postgresAdmin(const QString& sql, QString* error = nullptr) {
    const QUrl url(postgresServerUri());
    if (!url.isValid())
        return false;
    const QString name = QStringLiteral("plancompare-test-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::contains(name)
                              ? QSqlDatabase::database(name, false)
                              : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (!db.isOpen() && !db.open()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        ok = q.exec(sql);
        if (!ok && error)
            *error = q.lastError().text();
    }
    return ok;
}

// A new, empty PostgreSQL database: its URI.
inline QString freshPostgresUri() {
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("pc_t%1_%2").arg(getpid()).arg(++counter);
    QString error;
    if (!postgresAdmin(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 STRATEGY FILE_COPY").arg(name),
                       &error)) {
        ADD_FAILURE() << "cannot create test database " << name.toStdString() << ": " << error.toStdString();
        return {};
    }
    QUrl url(postgresServerUri());
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

// An SQLite file opened (or created) as the application opens it; a failure fails the test with the
// store's message and gives null.
inline std::unique_ptr<Database> openFile(const QString& path, bool readOnly = false) {
    DatabaseOptions o;
    o.readOnly = readOnly;
    Result<std::unique_ptr<Database>> db = Database::open(path, o);
    EXPECT_TRUE(db.ok()) << db.errorMessage().toStdString();
    return db ? std::move(db).value() : nullptr;
}

// Where a test that needs a named database keeps it: a file in `dir` (SQLite) or a new database.
inline QString freshDatabaseLocation(const QString& sqliteFile) {
    return onPostgres() ? freshPostgresUri() : sqliteFile;
}

// The store tests' private database: in memory on SQLite, a new database on PostgreSQL.
inline Result<std::unique_ptr<Database>> openTestDatabase(const DatabaseOptions& options = {}) {
    if (!onPostgres())
        return Database::open(QStringLiteral(":memory:"), options);
    const QString uri = freshPostgresUri();
    if (uri.isEmpty())
        return Error{QStringLiteral("no PostgreSQL test server"), QStringLiteral("db-open")};
    return Database::open(uri, options);
}

} // namespace pc::test
