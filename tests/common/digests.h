// The canonical digests of `db compare` in tests: whether two databases (or a digest kept from before and
// a database) hold the same rows in every table, with a failure message that names what differs.
#pragma once

#include "store/database.h"
#include "store/databasecopy.h"

#include <QStringList>

#include <gtest/gtest.h>

#include <string>

namespace pc::test {

// Row count of one table in a digest (-1 when absent).
inline qint64 rowsOf(const DatabaseDigest& d, const QString& table) {
    for (const TableDigest& t : d.tables) {
        if (t.table == table)
            return t.rows;
    }
    return -1;
}

// Success when `a` and `b` are equal; otherwise the tables that differ, each with its rows on both sides
// ("absent" for a table one side lacks; "schema" with both versions when the versions differ), e.g.
// "the digests differ in notes (rows 1 vs 2)". For EXPECT_TRUE / ASSERT_TRUE.
inline ::testing::AssertionResult sameDigest(const DatabaseDigest& a, const DatabaseDigest& b) {
    const QStringList differ = digestDifferences(a, b);
    if (differ.isEmpty())
        return ::testing::AssertionSuccess();
    const auto rows = [](const DatabaseDigest& d, const QString& table) {
        const qint64 n = rowsOf(d, table);
        return n < 0 ? std::string("absent") : std::to_string(n);
    };
    ::testing::AssertionResult failure = ::testing::AssertionFailure();
    failure << "the digests differ in";
    const char* separator = " ";
    for (const QString& table : differ) {
        failure << separator << table.toStdString() << " (";
        separator = ", ";
        if (table == QLatin1String("schema"))
            failure << "version " << a.schemaVersion << " vs " << b.schemaVersion << ')';
        else
            failure << "rows " << rows(a, table) << " vs " << rows(b, table) << ')';
    }
    return failure;
}

// The same against `b`'s digest taken now; fails with the error when that digest cannot be taken.
inline ::testing::AssertionResult sameDigest(const DatabaseDigest& a, Database& b) {
    const Result<DatabaseDigest> db = digestDatabase(b);
    if (!db.ok())
        return ::testing::AssertionFailure()
               << "no digest of " << b.path().toStdString() << ": " << db.errorMessage().toStdString();
    return sameDigest(a, *db);
}

// The same for two databases' digests taken now.
inline ::testing::AssertionResult sameDigest(Database& a, Database& b) {
    const Result<DatabaseDigest> da = digestDatabase(a);
    if (!da.ok())
        return ::testing::AssertionFailure()
               << "no digest of " << a.path().toStdString() << ": " << da.errorMessage().toStdString();
    return sameDigest(*da, b);
}

} // namespace pc::test
