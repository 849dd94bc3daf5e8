// Opening: a fresh file gets the whole schema; older files are migrated step by step; WAL and foreign keys
// on.
#include "storefixtures.h"
#include "testpaths.h"

#include "store/database.h"
#include "store/migrations.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::test;

namespace {

QString pragma(Database& db, const char* name) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA ") + QString::fromLatin1(name)) || !q.next())
        return {};
    return q.value(0).toString();
}

QStringList tableNames(Database& db) {
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' AND "
        "name NOT LIKE 'measure_fts_%' ORDER BY name"));
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace

TEST(Database, EmptyFileGetsTheLatestSchemaInWalModeWithForeignKeys) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/folder/plans.sqlite"));
    Result<std::unique_ptr<Database>> db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), 2);
    EXPECT_EQ(Database::latestSchemaVersion(), 2);
    EXPECT_EQ(pragma(**db, "journal_mode"), QStringLiteral("wal"));
    EXPECT_EQ(pragma(**db, "foreign_keys"), QStringLiteral("1"));
    EXPECT_EQ(
        tableNames(**db),
        (QStringList{QStringLiteral("agencies"), QStringLiteral("areas"), QStringLiteral("documents"),
                     QStringLiteral("indicators"), QStringLiteral("issues"),
                     QStringLiteral("measure_agencies"), QStringLiteral("measure_fts"),
                     QStringLiteral("measures"), QStringLiteral("notes"), QStringLiteral("overrides"),
                     QStringLiteral("sections"), QStringLiteral("sources"), QStringLiteral("targets")}));
    EXPECT_EQ((*db)->path(), path);
}

TEST(Database, ReopeningKeepsDataAndDoesNotMigrateAgain) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plans.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(samplePlans()[0])).ok());
    }
    auto again = Database::open(path);
    ASSERT_TRUE(again.ok()) << again.errorMessage().toStdString();
    EXPECT_EQ((*again)->counts()->documents, 1);
    EXPECT_EQ((*again)->search(QStringLiteral("用水"))->size(), 1);
}

TEST(Database, MigratesFromEveryEarlierVersion) {
    for (int from = 0; from < Database::latestSchemaVersion(); ++from) {
        SCOPED_TRACE(from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            // A file left at version `from` by the steps of that time.
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            ASSERT_TRUE(raw.open());
            ASSERT_TRUE(store::migrate(raw, from).ok());
            raw.close();
            raw = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        }
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
        EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
        ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(samplePlans()[2])).ok());
        EXPECT_EQ((*db)->search(QStringLiteral("外线"))->size(), 1);
    }
}

TEST(Database, UpgradesTheVersion1FixtureKeepingItsRowsAndIndexingThem) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    ASSERT_TRUE(QFile::copy(dataDir() + QStringLiteral("/store/v1.sqlite"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), 2);
    const QList<SearchHit> hits = (*db)->search(QStringLiteral("办电")).value();
    ASSERT_EQ(hits.size(), 1);
    EXPECT_EQ(hits[0].docId, QStringLiteral("old-2018"));
    const QList<ComparisonRow> rows = (*db)->targets().value();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].value, 4.0);
    EXPECT_TRUE(rows[0].corrected);
    const QList<OverrideRecord> ov = (*db)->overrides().value();
    ASSERT_EQ(ov.size(), 1);
    ASSERT_TRUE((*db)->applyOverrides(rows[0].documentId).ok());
    EXPECT_TRUE((*db)->overrides()->first().applies);
    EXPECT_EQ((*db)->targets()->first().value, 4.0);
}

TEST(Database, RefusesAFileFromANewerVersion) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, QStringLiteral("db-too-new"));
    EXPECT_TRUE(db.errorMessage().contains(path));
}

TEST(Database, TwoConnectionsOnOneFileSeeEachOthersCommits) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.sqlite"));
    auto a = Database::open(path);
    auto b = Database::open(path);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    ASSERT_TRUE((*a)->importAnalysis(makeAnalysis(samplePlans()[1])).ok());
    EXPECT_EQ((*b)->counts()->documents, 1);
    EXPECT_EQ((*b)->search(QStringLiteral("一站式"))->size(), 1);
}

TEST(Database, TaxonomySnapshotRoundTrips) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    EXPECT_EQ(db->indicators().value(), sampleIndicators());
    EXPECT_EQ(db->areas().value(), sampleAreas());
}
