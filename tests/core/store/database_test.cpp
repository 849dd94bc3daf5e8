// Opening: a fresh file gets the whole schema; older files are migrated step by step; WAL and foreign keys
// on.
#include "storefixtures.h"
#include "testpaths.h"

#include "compare/comparison.h"
#include "store/cjktokenizer.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sqlutil.h"
#include "store/targettext.h"
#include "store/textpack.h"
#include "store/unitlinks.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <zstd.h>

#include <algorithm>
#include <functional>

using namespace pc;
using namespace pc::test;

namespace {

// Two plans (乙区 2020, 重庆市 2019) and their three measures, as an old schema stored them: the rows
// the upgrade tests add their targets to.
constexpr const char* kTwoPlansDocuments =
    "INSERT INTO documents(id, doc_id, jurisdiction, level, year, sha256) VALUES (1, 'b-2020', '乙区', "
    "'district', 2020, 'x'), (2, 'city-2019', '重庆市', 'municipal', 2019, 'y')";
constexpr const char* kTwoPlansMeasures =
    "INSERT INTO measures(id, document_id, ordinal, number, title, body) VALUES (10, 1, 0, 1, '用水', "
    "'用水报装3日'), (11, 1, 1, 7, '用电', '用电报装5日'), (12, 2, 0, 2, '用水', '用水报装6日')";

// Four targets of those measures with awkward fields (NULL texts and numbers, texts holding the row
// string's own delimiters, a user-added, a rejected and a corrected target; one of another indicator).
constexpr const char* kTwoPlansTargets =
    "INSERT INTO targets(id, measure_id, document_id, ordinal, area, indicator, scope, kind, "
    "comparator, value, unit, baseline, deadline, span_start, span_end, quote, sentence, confidence, "
    "qualitative, rejected, added_by, corrected_fields, section, section_heading, row_version) VALUES "
    "(100, 11, 1, 1, 'water', 'wa.time', '12:3,-', 'level', '<=', 5, '日', 7.25, '2025-06', 40, 42, "
    "'5日', '-3:用水,' || char(31) || '报装5日:9,', 0.8333333333333334, 0, 0, NULL, 'value,unit', "
    "'measure', '一、用水', 4), "
    "(101, 10, 1, 0, 'water', 'wa.time', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 10, NULL, NULL, "
    "NULL, 1, 1, 0, 1, '', 'goal', '', 1), "
    "(102, 12, 2, 0, 'water', 'wa.time', '', 'level', '<=', 6, '日', NULL, '', 20, 22, '6日', "
    "'用水报装6日', 0.5, 0, 1, NULL, '', 'table', '表1', 2), "
    "(103, 12, 2, 0, 'water', 'el.time', '', 'level', '<=', 9, '日', NULL, '', 30, 32, '9日', "
    "'用电9日', 0.5, 0, 0, NULL, '', 'measure', '', 1)";

QString pragma(Database& db, const char* name) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA ") + QString::fromLatin1(name)) || !q.next())
        return {};
    return q.value(0).toString();
}

// Every row `sql` gives, its columns joined by `separator`, NULL spelled `null`; a failed query gives
// its error text, which no expected list holds.
QStringList rowsOf(QSqlDatabase c, const QString& sql, QChar separator,
                   const QString& null = QStringLiteral("NULL")) {
    QSqlQuery q(c);
    if (!q.exec(sql))
        return {q.lastError().text()};
    QStringList out;
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields << (q.isNull(i) ? null : q.value(i).toString());
        out << fields.join(separator);
    }
    return out;
}

QStringList tableNames(Database& db) {
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' AND "
        "name NOT LIKE 'measure_fts_%' AND name NOT LIKE 'measure_chars_%' ORDER BY name"));
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

// A raw connection (no Database) with the search tokenizer, as old PlanCompare versions left files.
QSqlDatabase rawConnection(const QString& path) {
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    raw.setDatabaseName(path);
    if (raw.open()) {
        sqlite3* handle = *static_cast<sqlite3* const*>(raw.driver()->handle().constData());
        fts::registerTokenizer(handle);
        store::textpack::registerFunctions(handle);
        store::registerTargetTextFunctions(handle);  // migration 19 derives the targets' texts
        store::unitlinks::registerFunctions(handle); // migration 22 packs the unit links
    }
    return raw;
}

void closeRaw(QSqlDatabase& raw) {
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

// Writes a file at schema `version` through a raw connection (no upgrade) holding the rows the `sql`
// statements insert, then runs `more` (for values SQL text cannot spell, such as a blob): the first
// failure, naming the statement, or success.
::testing::AssertionResult writeOldFile(const QString& path, int version,
                                        std::initializer_list<const char*> sql,
                                        const std::function<bool(QSqlQuery&)>& more = {}) {
    QSqlDatabase raw = rawConnection(path);
    ::testing::AssertionResult result = ::testing::AssertionSuccess();
    if (!raw.isOpen() || !store::migrate(raw, version).ok()) {
        result = ::testing::AssertionFailure() << "could not make a version " << version << " file";
    } else {
        QSqlQuery q(raw);
        for (const char* statement : sql) {
            if (!q.exec(QString::fromUtf8(statement))) {
                result = ::testing::AssertionFailure()
                         << statement << ": " << q.lastError().text().toStdString();
                break;
            }
        }
        if (result && more && !more(q))
            result = ::testing::AssertionFailure() << q.lastError().text().toStdString();
        q.finish();
    }
    closeRaw(raw);
    return result;
}

} // namespace

TEST(Database, EmptyFileGetsTheLatestSchemaInWalModeWithForeignKeys) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/folder/plans.sqlite"));
    Result<std::unique_ptr<Database>> db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), 25);
    EXPECT_EQ(Database::latestSchemaVersion(), 25);
    EXPECT_EQ(pragma(**db, "journal_mode"), QStringLiteral("wal"));
    EXPECT_EQ(pragma(**db, "foreign_keys"), QStringLiteral("1"));
    EXPECT_EQ(tableNames(**db), (QStringList{QStringLiteral("agencies"),
                                             QStringLiteral("agency_measures_fresh"),
                                             QStringLiteral("agency_measures_merged"),
                                             QStringLiteral("areas"),
                                             QStringLiteral("compare_rows_fresh"),
                                             QStringLiteral("compare_rows_merged"),
                                             QStringLiteral("document_files"),
                                             QStringLiteral("documents"),
                                             QStringLiteral("indicators"),
                                             QStringLiteral("issues"),
                                             QStringLiteral("measure_areas_fresh"),
                                             QStringLiteral("measure_areas_merged"),
                                             QStringLiteral("measure_fts"),
                                             QStringLiteral("measures"),
                                             QStringLiteral("notes"),
                                             QStringLiteral("overrides"),
                                             QStringLiteral("plan_corrections"),
                                             QStringLiteral("plan_set_members"),
                                             QStringLiteral("plan_sets"),
                                             QStringLiteral("search_pending"),
                                             QStringLiteral("sections"),
                                             QStringLiteral("sources"),
                                             QStringLiteral("target_history"),
                                             QStringLiteral("targets")}));
    EXPECT_EQ((*db)->path(), path);
}

TEST(Database, ReopeningKeepsDataAndDoesNotMigrateAgain) {
    QTemporaryDir dir;
    const QString path = freshDatabaseLocation(dir.filePath(QStringLiteral("plans.sqlite")));
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
            QSqlDatabase raw = rawConnection(path);
            ASSERT_TRUE(raw.isOpen());
            ASSERT_TRUE(store::migrate(raw, from).ok());
            closeRaw(raw);
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
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
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

TEST(Database, UpgradesAVersion2FileCopyingMeasureNumbersOntoTargetsAndComparesByTheCoveringIndex) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.sqlite"));
    {
        // Rows as version 2 stored them: targets without the measure's ordinal and number.
        QSqlDatabase raw = rawConnection(path);
        ASSERT_TRUE(raw.isOpen());
        ASSERT_TRUE(store::migrate(raw, 2).ok());
        QSqlQuery q(raw);
        for (const char* sql :
             {kTwoPlansDocuments, kTwoPlansMeasures,
              "INSERT INTO targets(id, measure_id, document_id, ordinal, indicator, value, unit, span_start, "
              "span_end, quote) VALUES (100, 11, 1, 1, 'wa.time', 5, 'day', 40, 42, '5日'), "
              "(101, 10, 1, 0, 'wa.time', 3, 'day', 10, 12, '3日'), "
              "(102, 12, 2, 0, 'wa.time', 6, 'day', 20, 22, '6日')"}) {
            ASSERT_TRUE(q.exec(QString::fromUtf8(sql))) << sql;
        }
        q.finish();
        closeRaw(raw);
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    EXPECT_EQ(rowsOf((*db)->connection(),
                     QStringLiteral("SELECT id, measure_ordinal, measure_number FROM targets ORDER BY id"),
                     QLatin1Char(':')),
              (QStringList{QStringLiteral("100:1:7"), QStringLiteral("101:0:1"), QStringLiteral("102:0:2")}));
    // Municipal plan first, then measures in document order.
    TargetFilter waterTime;
    waterTime.indicator = QStringLiteral("wa.time");
    const QList<ComparisonRow> rows = (*db)->targets(waterTime).value();
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[0].targetId, 102);
    EXPECT_EQ(rows[0].docId, QStringLiteral("city-2019"));
    EXPECT_EQ(rows[0].measureNumber, 2);
    EXPECT_EQ(rows[1].targetId, 101);
    EXPECT_EQ(rows[1].measureNumber, 1);
    EXPECT_EQ(rows[2].targetId, 100);
    EXPECT_EQ(rows[2].measureNumber, 7);
    EXPECT_EQ(rows[2].value, 5.0);
    EXPECT_EQ(rows[2].jurisdiction, QStringLiteral("乙区"));
    // A target added without the measure fields (as an older build would) gets them from the trigger.
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO targets(id, measure_id, document_id, ordinal, indicator) "
                                      "VALUES (103, 11, 1, 2, 'wa.time')")));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT measure_ordinal, measure_number FROM targets WHERE id = 103")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    EXPECT_EQ(q.value(1).toInt(), 7);
    q.finish();
    EXPECT_EQ((*db)->targets(waterTime)->size(), 4);
    // The comparison reads one range of compare_rows only: no targets, measures or documents rows
    // (rowqueries.cpp's query by indicator, migration 12); since schema 25 the range of its merged rows
    // and the few fresh rows of plans not merged yet.
    ASSERT_TRUE(q.exec(QStringLiteral(
        "EXPLAIN QUERY PLAN SELECT c.target_id, c.document_id, c.measure_ordinal, c.span_start, c.value, "
        "c.baseline, c.confidence, c.row FROM compare_rows c WHERE c.indicator = 'wa.time' AND c.rejected = "
        "0")));
    QStringList plan;
    while (q.next())
        plan << q.value(3).toString();
    EXPECT_EQ(plan, (QStringList{QStringLiteral("COMPOUND QUERY"), QStringLiteral("LEFT-MOST SUBQUERY"),
                                 QStringLiteral("SEARCH compare_rows_merged USING PRIMARY KEY (indicator=?)"),
                                 QStringLiteral("UNION ALL"), QStringLiteral("SCAN compare_rows_fresh")}));
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
    const QString path = freshDatabaseLocation(dir.filePath(QStringLiteral("shared.sqlite")));
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

// Version 4: a target may stand outside every measure (a 工作目标 paragraph); old rows keep their
// measure and are marked as read from one.
TEST(Database, UpgradesAVersion3FileToTargetsThatMayStandOutsideMeasures) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v3.sqlite"));
    ASSERT_TRUE(writeOldFile(
        path, 3,
        {"INSERT INTO documents(id, doc_id, jurisdiction, level, year, sha256) VALUES "
         "(1, 'b-2020', '乙区', 'district', 2020, 'x')",
         "INSERT INTO measures(id, document_id, ordinal, number, title, body) VALUES "
         "(10, 1, 0, 3, '用水', '用水报装3日')",
         "INSERT INTO targets(id, measure_id, document_id, ordinal, indicator, value, unit, span_start, "
         "span_end, quote) VALUES (100, 10, 1, 0, 'wa.time', 3, '日', 10, 12, '3日')"}));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT measure_id, measure_number, section, section_heading FROM targets")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 10);
    EXPECT_EQ(q.value(1).toInt(), 3);
    EXPECT_EQ(q.value(2).toString(), QStringLiteral("measure"));
    EXPECT_EQ(q.value(3).toString(), QString());
    EXPECT_FALSE(q.next());
    ASSERT_TRUE(q.exec(
        QStringLiteral("SELECT \"notnull\" FROM pragma_table_info('targets') WHERE name = 'measure_id'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
}

TEST(Database, StoresATargetOutsideEveryMeasureWithItsSection) {
    QTemporaryDir dir;
    auto db = Database::open(freshDatabaseLocation(dir.filePath(QStringLiteral("t.sqlite"))));
    ASSERT_TRUE(db.ok());
    PlanSpec p = samplePlans()[2];
    p.preface = QStringLiteral("一、工作目标\n到2025年，用水报装时间压缩至3个工作日。\n");
    Analysis a = makeAnalysis(p);
    Target goal;
    goal.docId = p.docId;
    goal.measureIndex = -1;
    goal.indicator = QStringLiteral("wa.time");
    goal.area = QStringLiteral("water");
    goal.kind = QStringLiteral("level");
    goal.comparator = QStringLiteral("=");
    goal.value = 3;
    goal.unit = QStringLiteral("工作日");
    goal.deadline = QStringLiteral("2025-12");
    goal.quote = QStringLiteral("压缩至3个工作日");
    const qsizetype at = a.document.source.indexOf(goal.quote);
    ASSERT_GE(at, 0);
    goal.span = {at, at + goal.quote.size()};
    goal.section = QStringLiteral("goal");
    goal.sectionHeading = QStringLiteral("一、工作目标");
    a.targets.prepend(goal);
    ASSERT_TRUE((*db)->importAnalysis(a).ok());
    TargetFilter f;
    f.docId = p.docId;
    const QList<ComparisonRow> rows = (*db)->targets(f).value();
    ASSERT_EQ(rows.size(), a.targets.size());
    int goals = 0;
    for (const ComparisonRow& r : rows) {
        if (r.quote == goal.quote) {
            ++goals;
            EXPECT_EQ(r.section, QStringLiteral("goal"));
            EXPECT_EQ(r.sectionHeading, QStringLiteral("一、工作目标"));
            EXPECT_EQ(r.measureNumber, 0);
            EXPECT_EQ(r.measureId, 0);
        } else {
            EXPECT_EQ(r.section, QStringLiteral("measure"));
            EXPECT_GT(r.measureNumber, 0);
        }
    }
    EXPECT_EQ(goals, 1);
    // Plans read in document order: the goal paragraph before the first measure.
    EXPECT_EQ(rows.first().quote, goal.quote);
}

namespace {

// FTS5's own check that the index holds exactly the tokens of the measures' text.
bool searchIndexMatchesMeasures(Database& db) {
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')"));
}

QStringList triggerNames(Database& db) {
    QSqlQuery q(db.connection());
    QStringList names;
    // The search index's (the unit links' trigger of schema 22 is not theirs).
    if (q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                              "'measures' AND name LIKE 'measures\\_fts%' ESCAPE '\\' ORDER BY name")))
        while (q.next())
            names << q.value(0).toString();
    return names;
}

} // namespace

// Version 8 fills the search index once per plan instead of through an insert trigger: a version 7
// file keeps every row, its index and its search results (same measures, same bm25 scores), and plans
// imported, re-imported and removed afterwards keep the index equal to the measures' text.
TEST(Database, UpgradesAVersion7FileKeepingSearchResultsAndIndexesLaterImports) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v7.sqlite"));
    QList<std::pair<qint64, double>> before;
    {
        QSqlDatabase raw = rawConnection(path);
        ASSERT_TRUE(raw.isOpen());
        ASSERT_TRUE(store::migrate(raw, 7).ok());
        QSqlQuery q(raw);
        for (const char* sql :
             {"INSERT INTO documents(id, doc_id, jurisdiction, level, year, sha256) VALUES "
              "(1, 'b-2020', '乙区', 'district', 2020, 'x'), (2, 'c-2021', '丙区', 'district', 2021, 'y')",
              "INSERT INTO measures(id, document_id, ordinal, number, title, body, units) VALUES "
              "(10, 1, 0, 1, '用水报装', '用水报装时间压缩至3个工作日', '区水务局'), "
              "(11, 1, 1, 2, '用电', '低压用电报装5日，用水用气同步办理', ''), "
              "(12, 2, 0, 1, '', '不动产登记1个工作日办结', '区规划自然资源局')"}) {
            ASSERT_TRUE(q.exec(QString::fromUtf8(sql))) << sql;
        }
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT rowid, bm25(measure_fts, 4.0, 1.0, 0.5) FROM measure_fts "
                                          "WHERE measure_fts MATCH '\"用水\"' ORDER BY rowid")));
        while (q.next())
            before.append({q.value(0).toLongLong(), q.value(1).toDouble()});
        q.finish();
        closeRaw(raw);
    }
    ASSERT_EQ(before.size(), 2);
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(triggerNames(**db),
              (QStringList{QStringLiteral("measures_fts_delete"), QStringLiteral("measures_fts_update")}));
    EXPECT_EQ((*db)->counts()->measures, 3);
    const Result<QList<SearchHit>> water = (*db)->search(QStringLiteral("用水"));
    ASSERT_TRUE(water.ok());
    QList<std::pair<qint64, double>> after;
    for (const SearchHit& h : *water)
        after.append({h.measureId, h.score});
    std::sort(after.begin(), after.end());
    ASSERT_EQ(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].first, before[i].first);
        EXPECT_DOUBLE_EQ(after[i].second, before[i].second);
    }
    EXPECT_EQ((*db)->search(QStringLiteral("不动产登记"))->size(), 1);
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));

    for (const PlanSpec& p : samplePlans())
        ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(p)).ok());
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    EXPECT_EQ((*db)->search(QStringLiteral("一站式"))->size(), 1);
    EXPECT_EQ((*db)->search(QStringLiteral("用水"))->size(), 2 + 3); // two old measures, three new
    // A re-import replaces the plan's index rows; a removal drops them.
    PlanSpec dazu = samplePlans()[1];
    dazu.measures[0].body = QStringLiteral("用水报装办理时间不超过3个工作日，推行零跑腿。");
    dazu.measures[0].targets = {
        {QStringLiteral("办理时间不超过3个工作日"), QStringLiteral("wa.time"), 3, QStringLiteral("工作日")}};
    ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(dazu)).ok());
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    EXPECT_EQ((*db)->search(QStringLiteral("零跑腿"))->size(), 1);
    EXPECT_EQ((*db)->search(QStringLiteral("一站式"))->size(), 0);
    ASSERT_TRUE((*db)->removeDocument((*db)->documentByDocId(QStringLiteral("dazu-2019"))->id).ok());
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    EXPECT_EQ((*db)->search(QStringLiteral("零跑腿"))->size(), 0);
}

namespace {

// Rows of the FTS5 index (one per token occurrence) as fts5vocab counts them.
qint64 indexedTokens(QSqlDatabase& db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_instances USING "
                               "fts5vocab(main, measure_fts, 'instance')")) ||
        !q.exec(QStringLiteral("SELECT count(*) FROM temp.fts_instances")) || !q.next())
        return -1;
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    q.exec(QStringLiteral("DROP TABLE temp.fts_instances"));
    return n;
}

QList<qint64> charMatches(QSqlDatabase& db, const QString& character) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT rowid FROM measure_fts WHERE measure_fts MATCH ? ORDER BY rowid"));
    q.addBindValue(QString(QLatin1Char('"') + character + QLatin1Char('"')));
    QList<qint64> out;
    if (q.exec())
        while (q.next())
            out << q.value(0).toLongLong();
    return out;
}

} // namespace

// Migration 14: unit spellings equal to the agency's name become NULL, the others stay; the zlib
// source a version-12 importer stored still reads, and a re-import stores a Zstandard frame.
TEST(Database, UpgradesAVersion12FileDroppingUnitSpellingsThatRepeatTheAgencyName) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v12.sqlite"));
    const QString source =
        QStringLiteral("一、推进用水报装全流程网上办理，办理时间压缩至3个工作日。\n").repeated(20);
    ASSERT_TRUE(writeOldFile(
        path, 12,
        {"INSERT INTO documents(id, doc_id, jurisdiction, level, year, sha256) VALUES "
         "(1, 'b-2020', '乙区', 'district', 2020, 'x')",
         "INSERT INTO measures(id, document_id, ordinal, number, title, body, units) VALUES "
         "(10, 1, 0, 1, '用水报装', '用水报装全流程办理时间压缩至3个工作日', '县水利局 区财政局')",
         "INSERT INTO agencies(id, name) VALUES (1, '区水利局'), (2, '区财政局')",
         "INSERT INTO measure_agencies(measure_id, agency_id, role, ordinal, written) VALUES "
         "(10, 1, 'lead', 0, '县水利局'), (10, 2, 'partner', 1, '区财政局')"},
        [&](QSqlQuery& q) {
            q.prepare(QStringLiteral("INSERT INTO sources(document_id, text) VALUES (1, ?)"));
            q.addBindValue(qCompress(source.toUtf8(), 1)); // what schema 12 stored
            return q.exec();
        }));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT agency_id, written IS NULL, coalesce(written, '') FROM "
                                      "measure_agencies ORDER BY ordinal")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    EXPECT_EQ(q.value(1).toInt(), 0);
    EXPECT_EQ(q.value(2).toString(), QStringLiteral("县水利局"));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 2);
    EXPECT_EQ(q.value(1).toInt(), 1);
    EXPECT_FALSE(q.next());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
    q.finish();
    EXPECT_EQ((*db)->documentSource(1).value(), source);
    MeasureFilter f;
    f.documentId = 1;
    const Result<QList<MeasureRecord>> ms = (*db)->measures(f);
    ASSERT_TRUE(ms.ok());
    ASSERT_EQ(ms->size(), 1);
    EXPECT_EQ(ms->first().lead, QStringList{QStringLiteral("区水利局")});
    EXPECT_EQ(ms->first().partners, QStringList{QStringLiteral("区财政局")});
    // A new import stores its source as a Zstandard frame.
    qint64 id = 0;
    PlanSpec longPlan = samplePlans()[1];
    for (int i = 0; i < 30; ++i)
        longPlan.preface += QStringLiteral("第%1条 持续优化营商环境，提升市场主体满意度。\n").arg(i + 1);
    ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(longPlan), &id).ok());
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT hex(substr(text, 1, 4)) FROM sources WHERE document_id = %1").arg(id)));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("28B52FFD"));
}

// Version 15 packs the measures' bodies and headings in place (long ones become BLOBs, short ones, titles
// and units stay text), and the
// search index, rebuilt over the measures_text view, finds the same measures with the same scores as
// FTS5's own bm25 over the plain texts; the rows read back unchanged and deleting a plan keeps the index
// equal to the texts.
TEST(Database, UpgradesAVersion14FilePackingMeasureTextsWithTheSameSearchResults) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v14.sqlite"));
    const QString body = QStringLiteral("深化工程建设项目审批制度改革，社会投资低风险项目从立项到不动产登记全"
                                        "流程办理时间压缩至15个工作日以内，"
                                        "推行用水用气报装与施工许可并联办理。");
    ASSERT_TRUE(writeOldFile(
        path, 14,
        {kTwoPlansDocuments,
         "INSERT INTO measures(id, document_id, ordinal, number, title, body, units, area_heading) VALUES "
         "(10, 1, 0, 1, '用水', '用水报装3日', '区水利局', NULL), "
         "(11, 1, 1, 7, '深化工程建设项目审批制度改革', '', '区住房城乡建委 区规划自然资源局 区水利局', "
         "'二、持续优化工程建设项目审批'), "
         "(12, 2, 0, 2, '用水', '用水报装6日', '', '')",
         "INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"},
        [&](QSqlQuery& q) {
            q.prepare(QStringLiteral("UPDATE measures SET body = ? WHERE id = 11"));
            q.addBindValue(body);
            return q.exec() &&
                   q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"));
        }));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT id, typeof(title), typeof(body), typeof(units), "
                                      "typeof(area_heading) FROM measures ORDER BY id")));
    QStringList types;
    while (q.next())
        types << q.value(0).toString() + QLatin1Char(':') + q.value(1).toString() + QLatin1Char(',') +
                     q.value(2).toString() + QLatin1Char(',') + q.value(3).toString() + QLatin1Char(',') +
                     q.value(4).toString();
    // Version 20 then moves each measure's four texts into one value in body (the test below).
    EXPECT_EQ(types,
              (QStringList{QStringLiteral("10:text,blob,text,null"), QStringLiteral("11:text,blob,text,null"),
                           QStringLiteral("12:text,blob,text,null")}));
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
    q.finish();
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    MeasureFilter f;
    f.documentId = 1;
    const Result<QList<MeasureRecord>> ms = (*db)->measures(f);
    ASSERT_TRUE(ms.ok()) << ms.errorMessage().toStdString();
    ASSERT_EQ(ms->size(), 2);
    EXPECT_EQ(ms->at(1).title, QStringLiteral("深化工程建设项目审批制度改革"));
    EXPECT_EQ(ms->at(1).body, body);
    EXPECT_EQ(ms->at(1).areaHeading, QStringLiteral("二、持续优化工程建设项目审批"));
    for (const QString& query : {QStringLiteral("用水"), QStringLiteral("水"), QStringLiteral("不动产登记"),
                                 QStringLiteral("水利局"), QStringLiteral("审批")}) {
        SCOPED_TRACE(query.toStdString());
        const Result<QList<SearchHit>> hits = (*db)->search(query);
        ASSERT_TRUE(hits.ok()) << hits.errorMessage().toStdString();
        QList<std::pair<qint64, double>> got;
        for (const SearchHit& h : *hits)
            got.append({h.measureId, h.score});
        EXPECT_FALSE(got.isEmpty());
        EXPECT_EQ(got, referenceBm25(**db, fts::buildMatchQuery(query)->fts5));
    }
    ASSERT_TRUE((*db)->removeDocument(1).ok());
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    EXPECT_TRUE((*db)->search(QStringLiteral("不动产登记"))->isEmpty());
    ASSERT_EQ((*db)->search(QStringLiteral("用水"))->size(), 1);
}

// Version 20 moves each measure's title, body, units and area heading into one value in body (title and
// units '', the heading NULL), from every form version 19 left them in (packed or plain bodies and
// headings, a NULL and an empty heading, empty texts): every reader gives the same texts, the search
// index (not rebuilt) still holds exactly their tokens and finds the same measures with the same scores,
// and later deletes keep it so.
TEST(Database, UpgradesAVersion19FileToOneValuePerMeasureWithTheSameTextsAndSearchResults) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v19.sqlite"));
    const QString body =
        QStringLiteral("深化工程建设项目审批制度改革，社会投资低风险项目从立项到不动产登记全"
                       "流程办理时间压缩至15个工作日以内，推行用水用气报装与施工许可并联办理。");
    const QString heading = QStringLiteral("二、持续优化工程建设项目审批服务，全面提升审批效率和服务水平");
    const QString units = QStringLiteral("区住房城乡建委 区规划自然资源局 区水利局");
    QStringList before;
    const QString texts =
        QStringLiteral("SELECT id, %1, %2, %3, coalesce(%4, '<null>') FROM measures ORDER BY id");
    const auto readTexts = [](QSqlQuery& q, QStringList& out) {
        while (q.next())
            out << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toString(), q.value(4).toString()}
                       .join(QLatin1Char('|'));
    };
    QStringList storedTypes;
    ASSERT_TRUE(writeOldFile(path, 19, {kTwoPlansDocuments}, [&](QSqlQuery& q) {
        // As schema 15-19 store them: long bodies and headings packed (pc_pack), the rest plain.
        q.prepare(QStringLiteral(
            "INSERT INTO measures(id, document_id, ordinal, number, title, body, units, area_heading) VALUES "
            "(10, 1, 0, 1, '深化工程建设项目审批制度改革', pc_pack(?), ?, pc_pack(?)), "
            "(11, 1, 1, 2, '', '', '', NULL), (12, 2, 0, 1, '用水', '用水报装6日', '区水利局', ''), "
            "(13, 2, 1, 2, '用电', pc_pack(?), '', '三、用电')"));
        for (const QString& v :
             {body, units, heading, QString(body + QStringLiteral("低压小微企业用电报装零上门。"))})
            q.addBindValue(v);
        // The importer indexes a plan's measures itself (migration 8): rows written here are indexed here.
        if (!q.exec() || !q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')")) ||
            !q.exec(QStringLiteral("SELECT group_concat(typeof(body) || typeof(area_heading)) "
                                   "FROM measures")) ||
            !q.next())
            return false;
        storedTypes << q.value(0).toString();
        if (!q.exec(texts.arg(QStringLiteral("pc_text(title)"), QStringLiteral("pc_text(body)"),
                              QStringLiteral("pc_text(units)"), QStringLiteral("pc_text(area_heading)"))))
            return false;
        readTexts(q, before);
        return before.size() == 4;
    }));
    // The file holds every form: packed and plain bodies, packed, plain and NULL headings.
    EXPECT_EQ(storedTypes.value(0), QStringLiteral("blobblob,textnull,texttext,blobtext"));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM measures WHERE title = '' AND units = '' AND "
                                      "area_heading IS NULL AND typeof(body) = 'blob' AND hex(substr(body, "
                                      "1, 1)) IN ('02', '03')")) &&
                q.next());
    EXPECT_EQ(q.value(0).toInt(), 4);
    QStringList after;
    ASSERT_TRUE(q.exec(texts.arg(QStringLiteral("pc_title(body, title)"), QStringLiteral("pc_body(body)"),
                                 QStringLiteral("pc_units(body, units)"),
                                 QStringLiteral("pc_heading(body, area_heading)"))));
    readTexts(q, after);
    EXPECT_EQ(after, before);
    ASSERT_EQ(after.size(), 4);
    EXPECT_EQ(after[0], QStringList({QStringLiteral("10"), QStringLiteral("深化工程建设项目审批制度改革"),
                                     body, units, heading})
                            .join(QLatin1Char('|')));
    EXPECT_EQ(after[1], QStringLiteral("11||||<null>"));
    q.finish();
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    MeasureFilter f;
    f.documentId = 1;
    const Result<QList<MeasureRecord>> ms = (*db)->measures(f);
    ASSERT_TRUE(ms.ok()) << ms.errorMessage().toStdString();
    ASSERT_EQ(ms->size(), 2);
    EXPECT_EQ(ms->at(0).title, QStringLiteral("深化工程建设项目审批制度改革"));
    EXPECT_EQ(ms->at(0).body, body);
    EXPECT_EQ(ms->at(0).areaHeading, heading);
    EXPECT_TRUE(ms->at(1).body.isEmpty());
    for (const QString& query : {QStringLiteral("用水"), QStringLiteral("水"), QStringLiteral("不动产登记"),
                                 QStringLiteral("水利局"), QStringLiteral("审批"), QStringLiteral("用电")}) {
        SCOPED_TRACE(query.toStdString());
        const Result<QList<SearchHit>> hits = (*db)->search(query);
        ASSERT_TRUE(hits.ok()) << hits.errorMessage().toStdString();
        QList<std::pair<qint64, double>> got;
        for (const SearchHit& h : *hits)
            got.append({h.measureId, h.score});
        EXPECT_FALSE(got.isEmpty());
        EXPECT_EQ(got, referenceBm25(**db, fts::buildMatchQuery(query)->fts5));
    }
    const QList<SearchHit> water = (*db)->search(QStringLiteral("水利局")).value();
    const auto ten =
        std::find_if(water.begin(), water.end(), [](const SearchHit& h) { return h.measureId == 10; });
    ASSERT_NE(ten, water.end());
    EXPECT_EQ(ten->title, QStringLiteral("深化工程建设项目审批制度改革"));
    ASSERT_TRUE((*db)->removeDocument(1).ok());
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    const QList<SearchHit> left = (*db)->search(QStringLiteral("不动产登记")).value();
    ASSERT_EQ(left.size(), 1);
    EXPECT_EQ(left.first().measureId, 13);
    ASSERT_EQ((*db)->search(QStringLiteral("用电"))->size(), 1);
}

// Version 11 rebuilds SQLite's search index with one token per character position (pc_cjk2), version
// 13 as a set of characters, bigrams and words per measure without positions: a version 10 file finds
// the same measures with the same bm25 scores for one-, two- and many-character queries, a run-final
// character (电 before 力 and before ，) and a quoted phrase across a space; deletes and re-imports keep
// the index equal to the measures' text.
TEST(Database, UpgradesAVersion10FileToTheOneTokenPerCharacterSearchIndexWithTheSameResults) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v10.sqlite"));
    const QStringList queries{
        QStringLiteral("电"),      QStringLiteral("用水"),          QStringLiteral("报装全流程"),
        QStringLiteral("工作日"),  QStringLiteral("\"用水 报装\""), QStringLiteral("5G"),
        QStringLiteral("5G电"),    QStringLiteral("水 OR 气"),      QStringLiteral("局"),
        QStringLiteral("一网通办")};
    QList<QList<std::pair<qint64, double>>> before;
    qint64 tokensBefore = 0;
    {
        QSqlDatabase raw = rawConnection(path);
        ASSERT_TRUE(raw.isOpen());
        ASSERT_TRUE(store::migrate(raw, 10).ok());
        QSqlQuery q(raw);
        for (const char* sql :
             {"INSERT INTO documents(id, doc_id, jurisdiction, level, year, sha256) VALUES "
              "(1, 'b-2020', '乙区', 'district', 2020, 'x'), (2, 'c-2021', '丙区', 'district', 2021, 'y')",
              "INSERT INTO measures(id, document_id, ordinal, number, title, body, units) VALUES "
              "(10, 1, 0, 1, '用水报装', '用水报装全流程办理时间压缩至3个工作日', '区水务局'), "
              "(11, 1, 1, 2, '用电', '低压用电报装5个工作日，用水，报装同步办理', '区供电公司'), "
              "(12, 1, 2, 3, '', '新建5G电站，5G基站100个；办电一网通办', '区经信委'), "
              "(13, 2, 0, 1, '用气', '用气报装全流程不超过4个工作日，水电气网联合报装', ''), "
              "(14, 2, 1, 2, '不动产', '不动产登记1个工作日办结，一网通办率达到100%', '区规划自然资源局')",
              // Version 8–10 importers filled the index per plan.
              "INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"}) {
            ASSERT_TRUE(q.exec(QString::fromUtf8(sql))) << sql;
        }
        for (const QString& query : queries) {
            const Result<fts::MatchQuery> mq = fts::buildMatchQuery(query);
            ASSERT_TRUE(mq.ok());
            ASSERT_TRUE(q.prepare(QStringLiteral("SELECT rowid, bm25(measure_fts, 4.0, 1.0, 0.5) AS s FROM "
                                                 "measure_fts WHERE measure_fts MATCH ? ORDER BY s, rowid")));
            q.addBindValue(mq->expression); // the old index: the engine-neutral expression
            ASSERT_TRUE(q.exec()) << query.toStdString();
            QList<std::pair<qint64, double>> rows;
            while (q.next())
                rows.append({q.value(0).toLongLong(), q.value(1).toDouble()});
            before.append(rows);
        }
        q.finish();
        tokensBefore = indexedTokens(raw);
        closeRaw(raw);
    }
    // Every query finds something, and the quoted phrase both spellings (报装 and ，报装).
    for (const auto& rows : before)
        EXPECT_FALSE(rows.isEmpty());
    EXPECT_EQ(before[4].size(), 2);
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(triggerNames(**db),
              (QStringList{QStringLiteral("measures_fts_delete"), QStringLiteral("measures_fts_update")}));
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const Result<QList<SearchHit>> hits = (*db)->search(queries[i]);
        ASSERT_TRUE(hits.ok()) << queries[i].toStdString() << hits.errorMessage().toStdString();
        ASSERT_EQ(hits->size(), before[i].size()) << queries[i].toStdString();
        for (qsizetype k = 0; k < hits->size(); ++k) {
            EXPECT_EQ(hits->at(k).measureId, before[i][k].first) << queries[i].toStdString();
            EXPECT_DOUBLE_EQ(hits->at(k).score, before[i][k].second) << queries[i].toStdString();
        }
    }
    // The old index held a unigram and a bigram for every character but a run's last; the new one a
    // token per position. Here: 121 CJK characters in 25 runs and 8 words (5G, 100, 3 …).
    EXPECT_EQ(tokensBefore, 121 + (121 - 25) + 8);

    // Since version 13 the index lists, without positions, which measures hold each character (气 in
    // 13 only), each bigram and each word.
    EXPECT_EQ(charMatches((*db)->connection(), QStringLiteral("气")), QList<qint64>{13});
    EXPECT_EQ(charMatches((*db)->connection(), QStringLiteral("网")), (QList<qint64>{12, 13, 14}));
    EXPECT_EQ(charMatches((*db)->connection(), QStringLiteral("通办")), (QList<qint64>{12, 14}));
    EXPECT_EQ(charMatches((*db)->connection(), QStringLiteral("5g")), QList<qint64>{12});
    ASSERT_TRUE((*db)->removeDocument((*db)->documentByDocId(QStringLiteral("c-2021"))->id).ok());
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    EXPECT_EQ((*db)->search(QStringLiteral("不动产"))->size(), 0);
    EXPECT_EQ(charMatches((*db)->connection(), QStringLiteral("气")), QList<qint64>{});
    EXPECT_EQ(charMatches((*db)->connection(), QStringLiteral("网")), QList<qint64>{12});
    for (const PlanSpec& p : samplePlans())
        ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(p)).ok());
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    EXPECT_EQ((*db)->search(QStringLiteral("一站式"))->size(), 1);
}

namespace {

// The rows of an indicator through the comparison's own path (migration 12's index entries on SQLite)
// and through the column-by-column path every other filter takes (the area adds a condition).
struct BothPaths {
    QList<ComparisonRow> compact;
    QList<ComparisonRow> columns;
};

BothPaths rowsBothWays(Database& db, const QString& indicator, const QString& area, bool includeRejected) {
    TargetFilter byIndicator;
    byIndicator.indicator = indicator;
    byIndicator.includeRejected = includeRejected;
    TargetFilter byArea = byIndicator;
    byArea.area = area;
    const Result<QList<ComparisonRow>> compact = db.targets(byIndicator);
    const Result<QList<ComparisonRow>> columns = db.targets(byArea);
    EXPECT_TRUE(compact.ok()) << compact.errorMessage().toStdString();
    EXPECT_TRUE(columns.ok()) << columns.errorMessage().toStdString();
    return {compact ? *compact : QList<ComparisonRow>{}, columns ? *columns : QList<ComparisonRow>{}};
}

} // namespace

// Version 12: the comparison reads compare_rows, the numbers and one string per target, instead of a
// 25-column index. A version-10 file with awkward rows (NULL texts and numbers, texts holding the string's
// own delimiters, a user-added, a rejected and a corrected target) gives the same rows through the
// index entries as through the table's columns.
TEST(Database, UpgradesAVersion10FileToCompactComparisonRowsThatEqualTheColumns) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v10.sqlite"));
    {
        QSqlDatabase raw = rawConnection(path);
        ASSERT_TRUE(raw.isOpen());
        ASSERT_TRUE(store::migrate(raw, 10).ok());
        QSqlQuery q(raw);
        for (const char* sql : {kTwoPlansDocuments, kTwoPlansMeasures, kTwoPlansTargets}) {
            ASSERT_TRUE(q.exec(QString::fromUtf8(sql))) << sql << q.lastError().text().toStdString();
        }
        q.finish();
        closeRaw(raw);
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    for (const bool includeRejected : {false, true}) {
        SCOPED_TRACE(includeRejected);
        const BothPaths rows =
            rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), includeRejected);
        ASSERT_EQ(rows.compact.size(), includeRejected ? 3 : 2);
        EXPECT_EQ(rows.compact, rows.columns);
        for (qsizetype i = 0; i < rows.compact.size(); ++i) {
            // operator== takes a NULL text for an empty one: NULLs must stay NULL.
            EXPECT_EQ(rows.compact[i].quote.isNull(), rows.columns[i].quote.isNull());
            EXPECT_EQ(rows.compact[i].scope.isNull(), rows.columns[i].scope.isNull());
            EXPECT_EQ(rows.compact[i].sentence.isNull(), rows.columns[i].sentence.isNull());
        }
    }
    const QList<ComparisonRow> rows =
        rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), true).compact;
    // Municipal plan first; within a plan, measures in document order.
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[0].targetId, 102);
    EXPECT_TRUE(rows[0].rejected);
    EXPECT_EQ(rows[0].sectionHeading, QStringLiteral("表1"));
    EXPECT_EQ(rows[1].targetId, 101);
    EXPECT_TRUE(rows[1].userAdded);
    EXPECT_TRUE(rows[1].qualitative);
    EXPECT_FALSE(rows[1].value.has_value());
    EXPECT_TRUE(rows[1].quote.isNull());
    EXPECT_TRUE(rows[1].unit.isNull());
    EXPECT_EQ(rows[1].end, 0);
    const ComparisonRow& r = rows[2];
    EXPECT_EQ(r.targetId, 100);
    EXPECT_EQ(r.measureNumber, 7);
    EXPECT_EQ(r.measureId, 11);
    EXPECT_EQ(r.scope, QStringLiteral("12:3,-"));
    EXPECT_EQ(r.sentence, QString::fromUtf8("-3:用水,\x1f报装5日:9,"));
    EXPECT_EQ(r.value, 5.0);
    EXPECT_EQ(r.baseline, 7.25);
    EXPECT_EQ(r.confidence, 0.8333333333333334);
    EXPECT_EQ(r.correctedFields, (QStringList{QStringLiteral("value"), QStringLiteral("unit")}));
    EXPECT_TRUE(r.corrected);
    EXPECT_EQ(r.version, 4);
    EXPECT_EQ(r.start, 40);
    EXPECT_EQ(r.end, 42);
    EXPECT_EQ(r.docId, QStringLiteral("b-2020"));
    // The comparison reads compare_rows only.
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT c.row FROM compare_rows c WHERE c.indicator = "
                              "'wa.time'")));
    QStringList plan;
    while (q.next())
        plan << q.value(3).toString();
    EXPECT_TRUE(plan.contains(QStringLiteral("SEARCH compare_rows_merged USING PRIMARY KEY (indicator=?)")))
        << plan.join(QLatin1Char(';')).toStdString();
    q.finish();
    // A target inserted without its measure fields (migration 3's trigger fills them) is listed with them.
    ASSERT_TRUE(
        q.exec(QStringLiteral("INSERT INTO targets(id, measure_id, document_id, ordinal, area, indicator) "
                              "VALUES (104, 12, 2, 1, 'water', 'wa.time')")));
    const BothPaths after = rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), true);
    ASSERT_EQ(after.compact.size(), 4);
    EXPECT_EQ(after.compact, after.columns);
    EXPECT_EQ(after.compact[0].targetId, 104); // no span: first in its measure
    EXPECT_EQ(after.compact[0].measureNumber, 2);
}

// Version 16: compare_rows without the sentence. A version-14 file (rows written by migration 12's
// triggers, sentence included) gets its rows rebuilt in ten texts; the comparison gives every field
// but the sentence, Database::readSentences the targets' sentences, and the rows read with sentences
// equal the targets' columns; the triggers write the new layout for later targets.
TEST(Database, UpgradesAVersion14FileToComparisonRowsWithoutTheSentence) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v14.sqlite"));
    ASSERT_TRUE(writeOldFile(
        path, 14, {kTwoPlansDocuments, kTwoPlansMeasures, kTwoPlansTargets},
        [](QSqlQuery& q) { // migration 12's rows hold the sentence
            return q.exec(QStringLiteral("SELECT count(*) FROM compare_rows WHERE instr(row, '用水报装6日') "
                                         "OR instr(row, '报装5日:9,')")) &&
                   q.next() && q.value(0).toInt() == 2;
        }));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT indicator, target_id, row FROM compare_rows ORDER BY indicator, "
                              "target_id")));
    QStringList stored;
    while (q.next())
        stored << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ') +
                      q.value(2).toString();
    // Seven integers, then ten texts <bytes>:<text> (or - for NULL) back to back: no sentence.
    EXPECT_EQ(stored,
              (QStringList{
                  QStringLiteral("el.time 103 2,12,32,0,0,0,1,5:water0:5:level2:<=3:日0:4:9日0:7:measure0:"),
                  QStringLiteral("wa.time 100 7,11,42,0,0,0,4,5:water6:12:3,-5:level2:<=3:日7:2025-064:5日"
                                 "10:value,unit7:measure12:一、用水"),
                  QStringLiteral("wa.time 101 1,10,0,1,0,1,1,5:water------0:4:goal0:"),
                  QStringLiteral("wa.time 102 2,12,22,0,1,0,2,5:water0:5:level2:<=3:日0:4:6日0:5:table4:表1"),
              }));
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
    q.finish();
    const BothPaths rows = rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), true);
    ASSERT_EQ(rows.compact.size(), 3);
    EXPECT_EQ(rows.compact, rows.columns);
    EXPECT_EQ(rows.compact[2].sentence, QString::fromUtf8("-3:用水,\x1f报装5日:9,"));
    EXPECT_TRUE(rows.compact[1].sentence.isNull());
    TargetFilter lean;
    lean.indicator = QStringLiteral("wa.time");
    lean.includeRejected = true;
    lean.sentences = false;
    QList<ComparisonRow> shown = (*db)->targets(lean).value();
    ASSERT_EQ(shown.size(), 3);
    for (const ComparisonRow& r : std::as_const(shown))
        EXPECT_TRUE(r.sentence.isNull()) << r.targetId;
    ASSERT_TRUE((*db)->readSentences(shown).ok());
    EXPECT_EQ(shown, rows.columns);
    // A target written after the upgrade goes through the new triggers.
    ASSERT_TRUE(
        q.exec(QStringLiteral("INSERT INTO targets(id, measure_id, document_id, ordinal, area, indicator, "
                              "quote, sentence, span_start, span_end) VALUES (104, 12, 2, 1, 'water', "
                              "'wa.time', '8日', '用水报装8日', 50, 52)")));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT row FROM compare_rows WHERE target_id = 104")));
    ASSERT_TRUE(q.next());
    EXPECT_FALSE(q.value(0).toString().contains(QStringLiteral("用水报装8日")));
    q.finish();
    const BothPaths after = rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), true);
    ASSERT_EQ(after.compact.size(), 4);
    EXPECT_EQ(after.compact, after.columns);
    EXPECT_EQ(after.compact[1].sentence, QStringLiteral("用水报装8日"));
}

// Version 18 stores a unit's role as 0 (lead) or 1 (partner) and the parsed area only where an override
// changed the area; the measures read back with the same units, areas and correction marks, and the
// unit filter still finds them through the rebuilt agency index.
TEST(Database, UpgradesAVersion16FileToNumberedUnitRolesAndParsedAreasOnlyWhereTheyDiffer) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v16.sqlite"));
    ASSERT_TRUE(writeOldFile(
        path, 16,
        {kTwoPlansDocuments,
         "INSERT INTO measures(id, document_id, ordinal, number, title, body, area, parsed_area, "
         "area_override) VALUES (10, 1, 0, 1, '用水', '用水报装3日', 'water', 'water', NULL), "
         "(11, 1, 1, 7, '用电', '用电报装5日', 'water', 'electricity', 5), "
         "(12, 2, 0, 2, '用水', '用水报装6日', NULL, NULL, NULL), "
         "(13, 2, 1, 3, '开办', '开办企业1日', 'business_startup', NULL, 6), "
         "(14, 2, 2, 4, '纳税', '纳税时间', 'taxes', 'taxes', 7)",
         "INSERT INTO agencies(id, name) VALUES (1, '区水利局'), (2, '区财政局'), (3, '市发展改革委')",
         "INSERT INTO measure_agencies(measure_id, agency_id, role, ordinal, written) VALUES "
         "(10, 1, 'lead', 0, '县水利局'), (10, 2, 'partner', 1, NULL), (11, 3, 'lead', 0, NULL), "
         "(11, 1, 'lead', 1, NULL), (11, 2, 'partner', 2, NULL), (12, 3, 'partner', 0, NULL), "
         "(13, 1, 'other', 0, NULL)"}));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    const auto rows = [&](const char* sql) {
        return rowsOf((*db)->connection(), QString::fromUtf8(sql), QLatin1Char('|'));
    };
    EXPECT_EQ(
        rows("SELECT measure_id, agency_id, role, typeof(role), ordinal, written FROM measure_agencies "
             "ORDER BY measure_id, ordinal"),
        (QStringList{QStringLiteral("10|1|0|integer|0|县水利局"), QStringLiteral("10|2|1|integer|1|NULL"),
                     QStringLiteral("11|3|0|integer|0|NULL"), QStringLiteral("11|1|0|integer|1|NULL"),
                     QStringLiteral("11|2|1|integer|2|NULL"), QStringLiteral("12|3|1|integer|0|NULL"),
                     QStringLiteral("13|1|1|integer|0|NULL")}));
    // Kept where an override changed the area (the parsed area of 13 was none), cleared where it is the area.
    EXPECT_EQ(rows("SELECT id, area, parsed_area, area_override FROM measures ORDER BY id"),
              (QStringList{QStringLiteral("10|water|NULL|NULL"), QStringLiteral("11|water|electricity|5"),
                           QStringLiteral("12|NULL|NULL|NULL"), QStringLiteral("13|business_startup|NULL|6"),
                           QStringLiteral("14|taxes|taxes|7")}));
    // Since schema 22 the agency's keys are agency_measures (one per agency and measure).
    EXPECT_EQ(rows("SELECT agency_id, measure_id FROM agency_measures ORDER BY 1, 2"),
              (QStringList{QStringLiteral("1|10"), QStringLiteral("1|11"), QStringLiteral("1|13"),
                           QStringLiteral("2|10"), QStringLiteral("2|11"), QStringLiteral("3|11"),
                           QStringLiteral("3|12")}));
    EXPECT_EQ(rows("PRAGMA integrity_check"), QStringList{QStringLiteral("ok")});
    EXPECT_EQ(rows("PRAGMA foreign_key_check"), QStringList{});

    const Result<QList<MeasureRecord>> ms = (*db)->measures({});
    ASSERT_TRUE(ms.ok()) << ms.errorMessage().toStdString();
    QStringList read;
    for (const MeasureRecord& m : *ms)
        read << QStringList{QString::number(m.id),
                            m.area,
                            m.parsedArea,
                            m.areaCorrected ? QStringLiteral("*") : QString(),
                            m.lead.join(QLatin1Char(',')),
                            m.partners.join(QLatin1Char(','))}
                    .join(QLatin1Char('|'));
    EXPECT_EQ(read, (QStringList{QStringLiteral("12|||||市发展改革委"),
                                 QStringLiteral("13|business_startup||*||区水利局"),
                                 QStringLiteral("14|taxes|taxes|*||"),
                                 QStringLiteral("10|water|water||区水利局|区财政局"),
                                 QStringLiteral("11|water|electricity|*|市发展改革委,区水利局|区财政局")}));
    MeasureFilter byUnit;
    byUnit.unit = QStringLiteral("区水利局");
    QList<qint64> ids;
    const QList<MeasureRecord> withUnit = (*db)->measures(byUnit).value();
    for (const MeasureRecord& m : withUnit)
        ids << m.id;
    EXPECT_EQ(ids, (QList<qint64>{13, 10, 11}));
    MeasureFilter byArea;
    byArea.area = QStringLiteral("water");
    EXPECT_EQ((*db)->measures(byArea)->size(), 2);
}

// Version 22: a measure's unit links in one value on its row and (agency, measure) keys for the filter. A
// version-21 file's links (both roles, the same agency in both, gaps in the ordinals, spellings with
// characters JSON escapes and an empty one) read back through the view measure_agencies as they were
// stored, the measures show the same units, the filter by unit finds the same measures, and removing a
// plan leaves no key behind.
TEST(Database, UpgradesAVersion21FileToUnitLinksOnTheMeasureRow) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v21.sqlite"));
    const QStringList links{QStringLiteral("10|1|0|integer|0|县\"水利局\\"),
                            QStringLiteral("10|2|1|integer|1|NULL"),
                            QStringLiteral("10|1|1|integer|2|"),
                            QStringLiteral("11|3|0|integer|0|NULL"),
                            QStringLiteral("11|1|0|integer|4|NULL"),
                            QStringLiteral("11|2|1|integer|9|NULL"),
                            QStringLiteral("12|3|1|integer|0|NULL")};
    ASSERT_TRUE(writeOldFile(
        path, 21,
        {kTwoPlansDocuments, kTwoPlansMeasures,
         "INSERT INTO measures(id, document_id, ordinal, number, title, body) VALUES (13, 2, 1, 3, '开办', "
         "'开办企业1日')",
         "INSERT INTO agencies(id, name) VALUES (1, '区水利局'), (2, '区财政局'), (3, '市发展改革委')",
         "INSERT INTO measure_agencies(measure_id, agency_id, role, ordinal, written) VALUES "
         "(10, 1, 0, 0, '县\"水利局\\'), (10, 2, 1, 1, NULL), (10, 1, 1, 2, ''), (11, 3, 0, 0, NULL), "
         "(11, 1, 0, 4, NULL), (11, 2, 1, 9, NULL), (12, 3, 1, 0, NULL)",
         // The search index as an import would have left it (removing a plan deletes its measures' entries).
         "INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"}));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    const auto rows = [&](const char* sql) {
        return rowsOf((*db)->connection(), QString::fromUtf8(sql), QLatin1Char('|'));
    };
    EXPECT_EQ(rows("SELECT measure_id, agency_id, role, typeof(role), ordinal, written FROM measure_agencies "
                   "ORDER BY measure_id, ordinal, role"),
              links);
    EXPECT_EQ(rows("SELECT type FROM sqlite_master WHERE name = 'measure_agencies'"),
              QStringList{QStringLiteral("view")});
    // A byte a link, two with an ordinal that does not follow the previous one, a spelling its UTF-8 more;
    // nothing for a measure without links.
    EXPECT_EQ(rows("SELECT id, typeof(unit_links), length(unit_links) FROM measures ORDER BY id"),
              (QStringList{QStringLiteral("10|blob|19"), QStringLiteral("11|blob|5"),
                           QStringLiteral("12|blob|1"), QStringLiteral("13|null|NULL")}));
    EXPECT_EQ(rows("SELECT agency_id, measure_id FROM agency_measures ORDER BY 1, 2"),
              (QStringList{QStringLiteral("1|10"), QStringLiteral("1|11"), QStringLiteral("2|10"),
                           QStringLiteral("2|11"), QStringLiteral("3|11"), QStringLiteral("3|12")}));
    EXPECT_EQ(rows("PRAGMA integrity_check"), QStringList{QStringLiteral("ok")});
    EXPECT_EQ(rows("PRAGMA foreign_key_check"), QStringList{});

    QStringList read;
    const QList<MeasureRecord> all = (*db)->measures({}).value();
    for (const MeasureRecord& m : all)
        read << QStringLiteral("%1|%2|%3")
                    .arg(m.id)
                    .arg(m.lead.join(QLatin1Char(',')), m.partners.join(QLatin1Char(',')));
    EXPECT_EQ(read, (QStringList{QStringLiteral("12||市发展改革委"), QStringLiteral("13||"),
                                 QStringLiteral("10|区水利局|区财政局,区水利局"),
                                 QStringLiteral("11|市发展改革委,区水利局|区财政局")}));
    const auto idsWith = [&](const QString& unit) {
        MeasureFilter f;
        f.unit = unit;
        QList<qint64> ids;
        const QList<MeasureRecord> found = (*db)->measures(f).value();
        for (const MeasureRecord& m : found)
            ids << m.id;
        return ids;
    };
    EXPECT_EQ(idsWith(QStringLiteral("区水利局")), (QList<qint64>{10, 11}));
    EXPECT_EQ(idsWith(QStringLiteral("市发展改革委")), (QList<qint64>{12, 11}));
    EXPECT_EQ(idsWith(QStringLiteral("县水利局")), QList<qint64>{});

    const Status removed = (*db)->removeDocument(1);
    ASSERT_TRUE(removed.ok()) << removed.errorMessage().toStdString();
    EXPECT_EQ(rows("SELECT agency_id, measure_id FROM agency_measures ORDER BY 1, 2"),
              QStringList{QStringLiteral("3|12")});
    EXPECT_EQ(rows("SELECT count(*) FROM measure_agencies"), QStringList{QStringLiteral("1")});
    EXPECT_EQ(rows("PRAGMA foreign_key_check"), QStringList{});
}

// Version 19: a target's sentence and quote derived from the source. A version-16 file's targets lose
// the texts that equal what the source and span give (a packed and a plain source), keep the others
// (a sentence edited by hand, a user-added target, empty texts); every reader gives the same texts,
// compare_rows keeps its bytes, and its new triggers write the derived quote for later targets.
TEST(Database, UpgradesAVersion16FileDerivingSentencesAndQuotesFromTheSource) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v16.sqlite"));
    const QString first = QStringLiteral("一、用水报装。\n用水报装3日内办结；用电报装5日。\n");
    const QString second = QStringLiteral("用水报装6日。");
    const qsizetype three = first.indexOf(QStringLiteral("3日"));
    const qsizetype five = first.indexOf(QStringLiteral("5日"));
    const qsizetype six = second.indexOf(QStringLiteral("6日"));
    // id, document, measure, span start, quote, sentence, added by
    struct Row {
        int id, document, measure;
        qsizetype start;
        QString quote, sentence;
        QVariant addedBy;
    };
    const QList<Row> written{
        {200, 1, 10, three, QStringLiteral("3日"), QStringLiteral("用水报装3日内办结；"), QVariant()},
        {201, 1, 11, five, QStringLiteral("5日"), QStringLiteral("用水报装3日内办结；"), QVariant()},
        {202, 1, 11, five, QStringLiteral("5日"), QStringLiteral("用电报装5日。"), QVariant(7)},
        {203, 2, 12, six, QStringLiteral("6日"), QStringLiteral("用水报装6日。"), QVariant()},
        {204, 2, 12, 0, QStringLiteral(""), QStringLiteral(""), QVariant()},
    };
    QStringList rowsBefore;
    ASSERT_TRUE(writeOldFile(path, 16, {kTwoPlansDocuments, kTwoPlansMeasures}, [&](QSqlQuery& q) {
        q.prepare(QStringLiteral("INSERT INTO sources(document_id, text) VALUES (1, ?), (2, ?)"));
        q.addBindValue(store::packSource(first, true)); // a Zstandard BLOB
        q.addBindValue(second);                         // plain text, as short sources are kept
        if (!q.exec())
            return false;
        for (const Row& r : written) {
            q.prepare(
                QStringLiteral("INSERT INTO targets(id, document_id, measure_id, ordinal, area, indicator, "
                               "value, span_start, span_end, quote, sentence, added_by) VALUES (?, ?, ?, "
                               "0, 'water', 'wa.time', 1, ?, ?, ?, ?, ?)"));
            for (const QVariant& v :
                 {QVariant(r.id), QVariant(r.document), QVariant(r.measure), QVariant(r.start),
                  QVariant(r.start + r.quote.size()), QVariant(r.quote), QVariant(r.sentence), r.addedBy})
                q.addBindValue(v);
            if (!q.exec())
                return false;
        }
        if (!q.exec(QStringLiteral("SELECT row FROM compare_rows ORDER BY target_id")))
            return false;
        while (q.next())
            rowsBefore << q.value(0).toString();
        return rowsBefore.size() == 5;
    }));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    EXPECT_EQ(rowsOf((*db)->connection(),
                     QStringLiteral("SELECT id, sentence IS NULL, quote IS NULL FROM targets ORDER BY id"),
                     QLatin1Char(' ')),
              (QStringList{QStringLiteral("200 1 1"), QStringLiteral("201 0 1"), QStringLiteral("202 0 0"),
                           QStringLiteral("203 1 1"), QStringLiteral("204 0 0")}));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT row FROM compare_rows ORDER BY target_id")));
    QStringList rowsAfter;
    while (q.next())
        rowsAfter << q.value(0).toString();
    EXPECT_EQ(rowsAfter, rowsBefore);
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
    q.finish();
    // Both readers: the targets' columns (by area) and compare_rows with the sentences read after.
    const BothPaths rows = rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), true);
    ASSERT_EQ(rows.columns.size(), 5);
    EXPECT_EQ(rows.compact, rows.columns);
    for (const Row& r : written) {
        const auto it = std::find_if(rows.columns.begin(), rows.columns.end(),
                                     [&](const ComparisonRow& c) { return c.targetId == r.id; });
        ASSERT_NE(it, rows.columns.end()) << r.id;
        EXPECT_EQ(it->quote, r.quote) << r.id;
        EXPECT_EQ(it->sentence, r.sentence) << r.id;
    }
    // A later target without its texts: the trigger writes the derived quote into compare_rows.
    ASSERT_TRUE(
        q.exec(QStringLiteral("INSERT INTO targets(id, measure_id, document_id, ordinal, area, indicator, "
                              "span_start, span_end) VALUES (205, 12, 2, 1, 'water', 'wa.time', %1, %2)")
                   .arg(six)
                   .arg(six + 2)));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT row FROM compare_rows WHERE target_id = 205")));
    ASSERT_TRUE(q.next());
    EXPECT_TRUE(q.value(0).toString().contains(QStringLiteral("4:6日")))
        << q.value(0).toString().toStdString();
    q.finish();
    const BothPaths later = rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), true);
    ASSERT_EQ(later.compact.size(), 6);
    EXPECT_EQ(later.compact, later.columns);
}

namespace {

// Per target (by id): its nine parsed copies p_area … p_deadline as stored, NULL spelled "∅".
QStringList storedParsedValues(QSqlDatabase c) {
    return rowsOf(c,
                  QStringLiteral("SELECT id, p_area, p_indicator, p_scope, p_kind, p_comparator, p_value, "
                                 "p_unit, p_baseline, p_deadline FROM targets ORDER BY id"),
                  QLatin1Char(' '), QStringLiteral("∅"));
}

} // namespace

// Schema 21: p_* are NULL while a target has no corrected field. The upgrade clears them in such rows
// (rejected ones too: a rejection changes no field) and keeps them where a field was corrected; the
// comparison rows stay byte for byte; resetting the corrections brings the parsed values back from p_*
// where they are stored and keeps the effective ones where they are NULL.
TEST(Database, UpgradesAVersion19FileKeepingParsedTargetValuesOnlyWhereCorrected) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v19.sqlite"));
    QStringList rowsBefore;
    ASSERT_TRUE(writeOldFile(path, 19, {kTwoPlansDocuments, kTwoPlansMeasures}, [&](QSqlQuery& q) {
        if (!q.exec(QStringLiteral("INSERT INTO sources(document_id, text) VALUES (1, '用水报装3日。'), "
                                   "(2, '用水报装6日。')")))
            return false;
        // 300 as imported; 301 its value corrected 3 → 2 and its scope; 302 rejected only; 303 as
        // imported with NULL fields.
        for (const char* sql :
             {"INSERT INTO targets(id, measure_id, document_id, ordinal, area, indicator, scope, kind, "
              "comparator, value, unit, baseline, deadline, p_area, p_indicator, p_scope, p_kind, "
              "p_comparator, p_value, p_unit, p_baseline, p_deadline, span_start, span_end, "
              "corrected_fields, rejected) VALUES "
              "(300, 10, 1, 0, 'water', 'wa.time', '用水报装', 'max', '<=', 3, '日', NULL, '2020', "
              "'water', 'wa.time', '用水报装', 'max', '<=', 3, '日', NULL, '2020', 4, 6, '', 0), "
              "(301, 11, 1, 1, 'water', 'wa.time', '报装', 'max', '<=', 2, '日', 9, NULL, "
              "'water', 'wa.time', '用水报装', 'max', '<=', 3, '日', 9, NULL, 4, 6, 'value,scope', 0), "
              "(302, 12, 2, 0, 'water', 'wa.time', '用水报装', 'max', '<=', 6, '日', NULL, NULL, "
              "'water', 'wa.time', '用水报装', 'max', '<=', 6, '日', NULL, NULL, 4, 6, '', 1), "
              "(303, 12, 2, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
              "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, '', 0)"}) {
            if (!q.exec(QString::fromUtf8(sql)))
                return false;
        }
        if (!q.exec(QStringLiteral("SELECT target_id || ' ' || row FROM compare_rows ORDER BY target_id")))
            return false;
        while (q.next())
            rowsBefore << q.value(0).toString();
        return rowsBefore.size() == 3;
    }));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(
        storedParsedValues((*db)->connection()),
        (QStringList{QStringLiteral("300 ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅"),
                     QStringLiteral("301 water wa.time 用水报装 max <= 3 日 9 ∅"),
                     QStringLiteral("302 ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅"), QStringLiteral("303 ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅")}));
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT target_id || ' ' || row FROM compare_rows ORDER BY target_id")));
    QStringList rowsAfter;
    while (q.next())
        rowsAfter << q.value(0).toString();
    EXPECT_EQ(rowsAfter, rowsBefore);
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
    EXPECT_FALSE(q.next());
    // The index of targets by indicator is gone; an indicator's targets with a second filter are found
    // through compare_rows.
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'targets_indicator'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    TargetFilter byArea;
    byArea.indicator = QStringLiteral("wa.time");
    byArea.area = QStringLiteral("water");
    byArea.includeRejected = true;
    const QList<ComparisonRow> found = (*db)->targets(byArea).value();
    QList<qint64> ids;
    for (const ComparisonRow& r : found)
        ids << r.targetId;
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (QList<qint64>{300, 301, 302}));
    // The triggers came back: a later change of a target reaches its comparison row.
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE targets SET value = 7 WHERE id = 300")));
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT value FROM compare_rows WHERE target_id = 300")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toDouble(), 7.0);
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE targets SET value = 3 WHERE id = 300")));
    q.finish();
    // No overrides are stored: re-applying them resets both plans' targets to the parser's values.
    ASSERT_TRUE((*db)->applyOverrides(1).ok());
    ASSERT_TRUE((*db)->applyOverrides(2).ok());
    EXPECT_EQ(
        storedParsedValues((*db)->connection()),
        (QStringList{QStringLiteral("300 ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅"), QStringLiteral("301 ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅"),
                     QStringLiteral("302 ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅"), QStringLiteral("303 ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅")}));
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT id, scope, value, baseline, deadline, rejected, corrected_fields "
                              "FROM targets ORDER BY id")));
    QStringList effective;
    while (q.next())
        effective << QStringLiteral("%1 %2 %3 %4 %5 %6 [%7]")
                         .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                              q.value(6).toString());
    EXPECT_EQ(
        effective,
        (QStringList{QStringLiteral("300 用水报装 3  2020 0 []"), QStringLiteral("301 用水报装 3 9  0 []"),
                     QStringLiteral("302 用水报装 6   0 []"), QStringLiteral("303     0 []")}));
}

// Schema 23 feeds the search index in batches: a schema 21 file gets the empty list of waiting measures and
// triggers that leave a waiting measure out of FTS5; its index, rows and results stay as they were, a
// removal of an indexed plan still takes its rows out of the index, and a batch import after the upgrade
// leaves the index whole.
TEST(Database, UpgradesAVersion21FileToTheSearchIndexFedInBatches) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v21.sqlite"));
    QStringList before;
    ASSERT_TRUE(writeOldFile(path, 21, {kTwoPlansDocuments}, [&](QSqlQuery& q) {
        if (!q.exec(QStringLiteral(
                "INSERT INTO measures(id, document_id, ordinal, number, title, body, units) "
                "VALUES (10, 1, 0, 1, '', pc_measure('用水', '用水报装3日', '区水利局', NULL), "
                "''), (11, 1, 1, 7, '', pc_measure('用电', '用电报装5日', '', NULL), ''), "
                "(12, 2, 0, 2, '', pc_measure('用水', '用水报装6日', '', NULL), '')")) ||
            !q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')")) ||
            !q.exec(QStringLiteral("SELECT count(*) FROM measure_fts WHERE measure_fts MATCH '\"报装\"'")) ||
            !q.next())
            return false;
        before << q.value(0).toString();
        return true;
    }));
    EXPECT_EQ(before, QStringList{QStringLiteral("3")});
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(
        rowsOf((*db)->connection(), QStringLiteral("SELECT count(*) FROM search_pending"), QLatin1Char('|')),
        QStringList{QStringLiteral("0")});
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    QList<std::pair<qint64, double>> got;
    const Result<QList<SearchHit>> hits = (*db)->search(QStringLiteral("报装"));
    ASSERT_TRUE(hits.ok()) << hits.errorMessage().toStdString();
    for (const SearchHit& h : *hits)
        got.append({h.measureId, h.score});
    EXPECT_EQ(got.size(), 3);
    EXPECT_EQ(got, referenceBm25(**db, fts::buildMatchQuery(QStringLiteral("报装"))->fts5));
    EXPECT_EQ(triggerNames(**db),
              (QStringList{QStringLiteral("measures_fts_delete"), QStringLiteral("measures_fts_update")}));
    ASSERT_TRUE((*db)->removeDocument(2).ok());
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    (*db)->beginSearchBatch();
    for (const PlanSpec& p : samplePlans())
        ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(p)).ok());
    EXPECT_EQ((*db)->measuresWaitingForIndex().value(), 5);
    EXPECT_EQ((*db)->search(QStringLiteral("报装"))->size(), 2 + 4); // two old measures, four new
    ASSERT_TRUE((*db)->endSearchBatch().ok());
    EXPECT_EQ((*db)->measuresWaitingForIndex().value(), 0);
    EXPECT_TRUE(searchIndexMatchesMeasures(**db));
    EXPECT_EQ((*db)->search(QStringLiteral("报装"))->size(), 2 + 4);
}

// Schema 24 stores a text file that is the UTF-8 of its source as that source (document_files.derived):
// a version 23 file gets the column, its rows stay as they were (derived 0, the bytes in `original`, even
// where they are the source's UTF-8) and read back alike; a plan imported after the upgrade is stored once.
TEST(Database, UpgradesAVersion23FileKeepingItsOriginalFiles) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v23.sqlite"));
    const QString text = QStringLiteral("乙区优化营商环境实施方案\n一、用水报装3日\n");
    const QByteArray utf8 = text.toUtf8();
    const QByteArray pdf("%PDF-1.4 stand-in bytes");
    ASSERT_TRUE(writeOldFile(path, 23, {kTwoPlansDocuments}, [&](QSqlQuery& q) {
        q.prepare(QStringLiteral("INSERT INTO sources(document_id, text) VALUES (1, ?), (2, ?)"));
        q.addBindValue(store::packSource(text));
        q.addBindValue(store::packSource(QStringLiteral("重庆市方案")));
        if (!q.exec())
            return false;
        q.prepare(QStringLiteral("INSERT INTO document_files(document_id, format, size, original) VALUES "
                                 "(1, 'text', ?, ?), (2, 'pdf', ?, ?)"));
        q.addBindValue(utf8.size());
        q.addBindValue(store::packBytes(utf8));
        q.addBindValue(pdf.size());
        q.addBindValue(store::packBytes(pdf));
        return q.exec();
    }));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(rowsOf((*db)->connection(),
                     QStringLiteral("SELECT document_id, format, size, derived, length(original) > 0 FROM "
                                    "document_files ORDER BY document_id"),
                     QLatin1Char('|')),
              (QStringList{QStringLiteral("1|text|%1|0|1").arg(utf8.size()),
                           QStringLiteral("2|pdf|%1|0|1").arg(pdf.size())}));
    EXPECT_EQ((*db)->documentFile(1)->original, utf8);
    EXPECT_EQ((*db)->documentFile(2)->original, pdf);
    // A text plan imported now, with its file's bytes and hash, is stored as its source.
    Analysis a = makeAnalysis(samplePlans()[2]);
    const QByteArray source = a.document.source.toUtf8();
    a.document.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(source, QCryptographicHash::Sha256).toHex());
    qint64 id = 0;
    ASSERT_TRUE((*db)->importAnalysis(a, &id, source).ok());
    EXPECT_EQ(
        rowsOf((*db)->connection(),
               QStringLiteral("SELECT derived, length(original) FROM document_files WHERE document_id = %1")
                   .arg(id),
               QLatin1Char('|')),
        QStringList{QStringLiteral("1|0")});
    EXPECT_EQ((*db)->documentFile(id)->original, source);
}

// A correction keeps the parsed values aside (p_*) before its first change of the target and never
// overwrites them with corrected ones; undoing the corrections brings them back and clears p_* again.
TEST(Database, ParsedTargetValuesAreStoredOnlyWhileATargetIsCorrected) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    TargetFilter f;
    f.indicator = QStringLiteral("wa.time");
    const QList<ComparisonRow> before = db->targets(f).value();
    ASSERT_EQ(before.size(), 3);
    const ComparisonRow& t = before[1];
    const QString id = QString::number(t.targetId);
    const auto parsedOf = [&] {
        for (const QString& row : storedParsedValues(db->connection()))
            if (row.startsWith(id + QLatin1Char(' ')))
                return row.mid(id.size() + 1);
        return QStringLiteral("missing");
    };
    const QString allNull = QStringLiteral("∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅ ∅");
    for (const QString& row : storedParsedValues(db->connection()))
        EXPECT_TRUE(row.endsWith(allNull)) << row.toStdString();
    const Result<qint64> value =
        db->correctTarget(t.targetId, OverrideKind::TargetValue, QStringLiteral("4"));
    ASSERT_TRUE(value.ok()) << value.errorMessage().toStdString();
    const QString parsed = parsedOf();
    EXPECT_NE(parsed, allNull);
    EXPECT_TRUE(parsed.contains(QStringLiteral(" 5 "))) << parsed.toStdString(); // the parser's value
    EXPECT_TRUE(parsed.contains(t.scope)) << parsed.toStdString();
    const Result<qint64> scope =
        db->correctTarget(t.targetId, OverrideKind::TargetScope, QStringLiteral("另一范围"));
    ASSERT_TRUE(scope.ok()) << scope.errorMessage().toStdString();
    EXPECT_EQ(parsedOf(), parsed); // not the corrected value 4
    QList<ComparisonRow> rows = db->targets(f).value();
    EXPECT_EQ(rows[1].value, 4.0);
    EXPECT_EQ(rows[1].scope, QStringLiteral("另一范围"));
    // Undo the value: the scope's correction still applies (anchored on the parsed value), p_* kept.
    ASSERT_TRUE(db->removeOverride(*value).ok());
    rows = db->targets(f).value();
    EXPECT_EQ(rows[1].value, 5.0);
    EXPECT_EQ(rows[1].scope, QStringLiteral("另一范围"));
    EXPECT_EQ(parsedOf(), parsed);
    ASSERT_TRUE(db->removeOverride(*scope).ok());
    rows = db->targets(f).value();
    ASSERT_EQ(rows.size(), before.size());
    rows[1].version = before[1].version; // raised by every correction and undo
    EXPECT_EQ(rows, before);
    EXPECT_EQ(parsedOf(), allNull);
}

// compare_rows follows every change of a target (its triggers): a correction (value and
// row version), its undo, a correction of the indicator, a rejection, removing a plan.
TEST(Database, CompactComparisonRowsFollowCorrectionsUndoAndRemoval) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const auto check = [&](const QString& indicator, qsizetype expected) {
        const BothPaths rows = rowsBothWays(*db, indicator, QStringLiteral("water"), true);
        EXPECT_EQ(rows.compact.size(), expected);
        EXPECT_EQ(rows.compact, rows.columns);
        return rows.compact;
    };
    const QString water = QStringLiteral("wa.time");
    QList<ComparisonRow> rows = check(water, 3);
    ASSERT_EQ(rows[1].docId, QStringLiteral("dazu-2019"));
    const qint64 dazu = rows[1].targetId;
    const qint64 version = rows[1].version;
    const Result<qint64> corrected =
        db->correctTarget(dazu, OverrideKind::TargetValue, QStringLiteral("4"), version);
    ASSERT_TRUE(corrected.ok()) << corrected.errorMessage().toStdString();
    rows = check(water, 3);
    EXPECT_EQ(rows[1].value, 4.0);
    EXPECT_GT(rows[1].version, version);
    EXPECT_EQ(rows[1].correctedFields, QStringList{QStringLiteral("value")});
    ASSERT_TRUE(db->removeOverride(*corrected).ok());
    rows = check(water, 3);
    EXPECT_EQ(rows[1].value, 5.0);
    EXPECT_FALSE(rows[1].corrected);
    const Result<qint64> moved =
        db->correctTarget(dazu, OverrideKind::TargetIndicator, QStringLiteral("el.time.high_voltage"));
    ASSERT_TRUE(moved.ok()) << moved.errorMessage().toStdString();
    check(water, 2);
    ASSERT_TRUE(db->removeOverride(*moved).ok());
    const Result<qint64> rejected = db->rejectTarget(rows[2].targetId);
    ASSERT_TRUE(rejected.ok());
    rows = check(water, 3);
    EXPECT_TRUE(rows[2].rejected);
    TargetFilter shown;
    shown.indicator = water;
    EXPECT_EQ(db->targets(shown)->size(), 2);
    ASSERT_TRUE(db->removeDocument(rows[0].documentId).ok());
    rows = check(water, 2);
    EXPECT_EQ(rows[0].docId, QStringLiteral("dazu-2019"));
}

// An indicator's rows are kept per connection and handed out again (one shared list) until the data
// change: this connection's corrections and imports, a commit by another connection, a transaction
// rolled back after rows were read inside it. A caller changing its copy does not change the kept rows.
TEST(Database, KeptComparisonRowsAreSharedUntilTheDataChange) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kept.sqlite"));
    auto opened = Database::open(path);
    ASSERT_TRUE(opened.ok()) << opened.errorMessage().toStdString();
    std::unique_ptr<Database> db = std::move(opened).value();
    ASSERT_TRUE(db->storeTaxonomy(sampleAreas(), sampleIndicators()).ok());
    const QList<PlanSpec> plans = samplePlans();
    for (const PlanSpec& p : plans)
        ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    const QString water = QStringLiteral("wa.time");
    TargetFilter f;
    f.indicator = water;
    const auto fresh = [&](Database& d) { // the same rows through the per-column path, never kept
        TargetFilter byArea = f;
        byArea.area = QStringLiteral("water");
        return d.targets(byArea).value();
    };

    const QList<ComparisonRow> first = db->targets(f).value();
    ASSERT_EQ(first.size(), 3);
    EXPECT_EQ(first, fresh(*db));
    QList<ComparisonRow> second = db->targets(f).value();
    EXPECT_EQ(second.constData(), first.constData()); // the kept list, not a new read
    second[0].docId = QStringLiteral("changed by the caller");
    const QList<ComparisonRow> third = db->targets(f).value();
    EXPECT_EQ(third.constData(), first.constData());
    EXPECT_EQ(third[0].docId, QStringLiteral("city-2019"));

    // Another connection commits a correction: this one sees it on its next call.
    ASSERT_EQ(first[1].docId, QStringLiteral("dazu-2019"));
    ASSERT_EQ(first[1].value, 5.0);
    {
        auto other = Database::open(path);
        ASSERT_TRUE(other.ok());
        ASSERT_TRUE(
            (*other)->correctTarget(first[1].targetId, OverrideKind::TargetValue, QStringLiteral("4")).ok());
    }
    QList<ComparisonRow> rows = db->targets(f).value();
    EXPECT_NE(rows.constData(), first.constData());
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[1].value, 4.0);
    EXPECT_EQ(rows, fresh(*db));

    // Rows read inside a transaction that is then rolled back: afterwards, the rows as committed.
    QString inside;
    const Status rolledBack = db->withTransaction([&]() -> Status {
        if (Status s = db->correctPlan(QStringLiteral("dazu-2019"), QStringLiteral("jurisdiction"),
                                       QStringLiteral("荣昌区"));
            !s)
            return s;
        inside = db->targets(f).value().value(1).jurisdiction;
        return Error{QStringLiteral("given up"), QStringLiteral("test")};
    });
    EXPECT_FALSE(rolledBack.ok());
    EXPECT_EQ(inside, QStringLiteral("荣昌区"));
    rows = db->targets(f).value();
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[1].jurisdiction, QStringLiteral("大足区"));
    EXPECT_EQ(rows, fresh(*db));

    // Rejected rows are a list of their own; this connection's rejection, import and removal change both.
    TargetFilter withRejected = f;
    withRejected.includeRejected = true;
    ASSERT_TRUE(db->rejectTarget(rows[2].targetId).ok());
    EXPECT_EQ(db->targets(f)->size(), 2);
    EXPECT_EQ(db->targets(withRejected)->size(), 3);
    EXPECT_EQ(db->targets(f)->size(), 2);
    PlanSpec another = plans[2];
    another.docId = QStringLiteral("yuzhong-2024");
    another.year = 2024;
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(another)).ok());
    rows = db->targets(f).value();
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[2].docId, QStringLiteral("yuzhong-2024"));
    EXPECT_EQ(db->targets(withRejected)->size(), 4);
    ASSERT_TRUE(db->removeDocument(rows[0].documentId).ok());
    rows = db->targets(f).value();
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows[0].docId, QStringLiteral("dazu-2019"));
    EXPECT_EQ(rows, fresh(*db));
    db->dropCachedRows();
    EXPECT_EQ(db->targets(f).value(), rows);
}

// Two plans imported in one search batch share one index segment; removing one leaves its entries in
// FTS5 as deletions. Compacting merges the index, so it ends no larger than that of a file that only ever
// held the other plan (without the merge it would keep the removed plan's 1,000 measures' entries and
// their deletions), and the search finds the same rows.
TEST(Database, CompactDropsARemovedPlansEntriesFromASharedIndexSegment) {
    PlanSpec big = samplePlans()[0];
    for (int i = 0; i < 1000; ++i)
        big.measures << MeasureSpec{
            QStringLiteral("water"),
            QStringLiteral("第%1项供水改革").arg(i),
            QStringLiteral("第%1项：推行供水报装网上办理，压减至%2件。").arg(i).arg(i % 7 + 1),
            {},
            {QStringLiteral("市水利局")}};
    const auto indexBytes = [](Database& db) -> qint64 {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE name = 'measure_fts_data'")) ||
            !q.next())
            return -1;
        return q.value(0).toLongLong();
    };
    QTemporaryDir dir;
    auto shared = Database::open(dir.filePath(QStringLiteral("shared.sqlite")));
    ASSERT_TRUE(shared.ok()) << shared.errorMessage().toStdString();
    qint64 bigId = 0;
    (*shared)->beginSearchBatch();
    ASSERT_TRUE((*shared)->importAnalysis(makeAnalysis(big), &bigId).ok());
    ASSERT_TRUE((*shared)->importAnalysis(makeAnalysis(samplePlans()[1])).ok());
    ASSERT_TRUE((*shared)->endSearchBatch().ok());
    const qint64 bothIndexed = indexBytes(**shared);
    ASSERT_TRUE((*shared)->removeDocument(bigId).ok());
    EXPECT_GE(indexBytes(**shared), bothIndexed); // the deletions are written, nothing is merged away
    const auto hitsBefore = (*shared)->search(QStringLiteral("用水"));
    ASSERT_TRUE(hitsBefore.ok());
    ASSERT_FALSE(hitsBefore->isEmpty());
    ASSERT_TRUE((*shared)->compact().ok());

    auto alone = Database::open(dir.filePath(QStringLiteral("alone.sqlite")));
    ASSERT_TRUE(alone.ok()) << alone.errorMessage().toStdString();
    ASSERT_TRUE((*alone)->importAnalysis(makeAnalysis(samplePlans()[1])).ok());
    ASSERT_TRUE((*alone)->compact().ok());

    const qint64 compacted = indexBytes(**shared);
    EXPECT_GT(bothIndexed, 4 * indexBytes(**alone)); // the removed plan was most of the index
    EXPECT_LE(compacted, indexBytes(**alone) + 4096);
    EXPECT_EQ((*shared)->search(QStringLiteral("用水")).value(), *hitsBefore);
    EXPECT_EQ(pragma(**shared, "integrity_check"), QStringLiteral("ok"));
}

// Compacting gives the pages of a removed plan back to the file system: the file shrinks, no free page
// is left, and the other plan's rows, search hits and comparison rows are what they were; a read-only
// connection refuses and leaves the file as it was.
TEST(Database, CompactGivesTheFreePagesOfARemovedPlanBackAndKeepsTheRest) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plans.sqlite"));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    PlanSpec big = samplePlans()[0];
    for (int i = 0; i < 1000; ++i)
        big.measures << MeasureSpec{
            QStringLiteral("water"),
            QStringLiteral("第%1项用水改革").arg(i),
            QStringLiteral("第%1项：推行用水报装全流程网上办理，申请材料压减至%2件。").arg(i).arg(i % 7 + 1),
            {},
            {QStringLiteral("市水利局")}};
    qint64 bigId = 0;
    ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(big), &bigId).ok());
    ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(samplePlans()[1])).ok());
    ASSERT_TRUE((*db)->removeDocument(bigId).ok());
    const auto hitsBefore = (*db)->search(QStringLiteral("用水"));
    ASSERT_TRUE(hitsBefore.ok());
    ASSERT_EQ(hitsBefore->size(), 1);
    const auto rowsBefore = compare::byIndicator(**db, QStringLiteral("wa.time"));
    ASSERT_TRUE(rowsBefore.ok());
    ASSERT_EQ(rowsBefore->size(), 1);
    ASSERT_GT(pragma(**db, "freelist_count").toInt(), 5);
    const Result<StoreCounts> countsBefore = (*db)->counts();
    ASSERT_TRUE(countsBefore.ok());

    // Read-only: refused, nothing changed.
    {
        DatabaseOptions ro;
        ro.readOnly = true;
        auto reader = Database::open(path, ro);
        ASSERT_TRUE(reader.ok()) << reader.errorMessage().toStdString();
        const auto refused = (*reader)->compact();
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().code, QStringLiteral("db-readonly"));
        EXPECT_TRUE(refused.errorMessage().contains(path)) << refused.errorMessage().toStdString();
    }
    ASSERT_GT(pragma(**db, "freelist_count").toInt(), 5);

    const auto sizes = (*db)->compact();
    ASSERT_TRUE(sizes.ok()) << sizes.errorMessage().toStdString();
    EXPECT_LT(sizes->second, sizes->first);
    EXPECT_EQ(sizes->second, QFileInfo(path).size());
    EXPECT_EQ(pragma(**db, "freelist_count"), QStringLiteral("0"));
    EXPECT_EQ(pragma(**db, "integrity_check"), QStringLiteral("ok"));
    const Result<StoreCounts> countsAfter = (*db)->counts();
    ASSERT_TRUE(countsAfter.ok());
    EXPECT_EQ(countsAfter->documents, countsBefore->documents);
    EXPECT_EQ(countsAfter->measures, countsBefore->measures);
    EXPECT_EQ(countsAfter->targets, countsBefore->targets);
    EXPECT_EQ((*db)->search(QStringLiteral("用水")).value(), *hitsBefore);
    const auto rowsAfter = compare::byIndicator(**db, QStringLiteral("wa.time"));
    ASSERT_TRUE(rowsAfter.ok());
    ASSERT_EQ(rowsAfter->size(), 1);
    EXPECT_EQ(rowsAfter->first().targetId, rowsBefore->first().targetId);
    EXPECT_EQ(rowsAfter->first().value, rowsBefore->first().value);
    EXPECT_EQ(rowsAfter->first().quote, rowsBefore->first().quote);
    // A new import after compacting is stored and found.
    ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(samplePlans()[0])).ok());
    EXPECT_EQ((*db)->search(QStringLiteral("用水")).value().size(), 2);
}

// A few measures in the wording of such plans (written for these tests), each different.
const QString kPlanText = QStringLiteral(
    "一、优化开办企业服务\n（一）推行企业开办“一网通办”，营业执照、公章刻制、发票申领和社保登记一表填报，"
    "开办时间压缩至1个工作日以内。牵头单位：区市场监管局；配合单位：区税务局、区人力社保局。\n"
    "（二）实行工程建设项目审批告知承诺制，社会投资小型低风险项目审批时间不超过15个工作日。\n"
    "二、提升获得电力水平\n（三）低压小微企业用电报装实现“零上门、零审批、零投资”，办电时间压减至5个工作日，"
    "高压用户报装时间不超过22个工作日。责任单位：国网区供电公司。\n"
    "（四）用水报装全流程办理时限压缩至4个工作日，用气报装压缩至5个工作日，2022年底前完成。\n"
    "三、优化纳税服务\n（五）纳税人年度纳税时间压减至100小时以内，增值税留抵退税平均办理时间不超过3个工作日。"
    "\n"
    "（六）不动产登记一般登记业务办理时间压缩至3个工作日以内，抵押登记1个工作日内办结。\n");

// Version 17: plan texts against the dictionary. A version-16 file holds its plans' texts in every
// earlier form — plain TEXT, a Zstandard frame without a dictionary (schema 14–16), qCompress (schema
// 12 and older) — and one damaged blob; the upgrade repacks the readable three as frames naming the
// shipped dictionary, smaller than before and reading back the same, and leaves the damaged one byte
// for byte (still reported as damage, not lost or replaced).
TEST(Database, UpgradesAVersion16FileToPlanTextsAgainstTheDictionary) {
    const QString text = kPlanText;
    const QByteArray utf8 = text.toUtf8();
    const QByteArray zstdFrame = store::packBytes(utf8);
    const QByteArray zlib = qCompress(utf8, 1);
    const QByteArray damaged = QByteArray::fromHex("0000FFFF0102");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v16.sqlite"));
    ASSERT_TRUE(writeOldFile(
        path, 16,
        {"INSERT INTO documents(id, doc_id, sha256) VALUES (1, 'a', 'x'), (2, 'b', 'y'), (3, 'c', 'z'), "
         "(4, 'd', 'w')"},
        [&](QSqlQuery& q) {
            const QList<QVariant> values{QVariant(text), QVariant(zstdFrame), QVariant(zlib),
                                         QVariant(damaged)};
            for (int i = 0; i < values.size(); ++i) {
                q.prepare(QStringLiteral("INSERT INTO sources(document_id, text) VALUES (?, ?)"));
                q.addBindValue(i + 1);
                q.addBindValue(values[i]);
                if (!q.exec())
                    return false;
            }
            return true;
        }));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT document_id, typeof(text), text FROM sources ORDER BY 1")));
    QList<QByteArray> stored;
    while (q.next()) {
        EXPECT_EQ(q.value(1).toString(), QStringLiteral("blob")) << q.value(0).toInt();
        stored << q.value(2).toByteArray();
    }
    q.finish();
    ASSERT_EQ(stored.size(), 4);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(stored[i].left(4), QByteArray::fromHex("28B52FFD")) << i;
        EXPECT_EQ(ZSTD_getDictID_fromFrame(stored[i].constData(), size_t(stored[i].size())),
                  store::textpack::frameDictionaryId())
            << i;
        EXPECT_LT(stored[i].size(), zstdFrame.size()) << i; // the dictionary's wording is not stored
        EXPECT_EQ((*db)->documentSource(i + 1).value(), text) << i;
    }
    EXPECT_NE(store::textpack::frameDictionaryId(), 0u);
    EXPECT_EQ(stored[3], damaged);
    const Result<QString> broken = (*db)->documentSource(4);
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().code, QStringLiteral("db-corrupt"));
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
}

// Schema 25: fresh rows merged in bulk. A version-24 file's comparison rows and unit keys move to
// compare_rows_merged and agency_measures_merged with their bytes, the index measures_area gives way to
// measure_areas_merged (filled from measures), the old names become views and nothing is fresh; every
// reader gives what it gave, a correction of a merged target moves its row to the fresh table (read the
// same way) and the next catch-up merges it back.
TEST(Database, UpgradesAVersion24FileToFreshRowsMergedInBulk) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v24.sqlite"));
    QStringList compareBefore, keysBefore, areasBefore;
    const auto collect = [](QSqlQuery& q, const char* sql, QStringList& out) {
        if (!q.exec(QString::fromUtf8(sql)))
            return false;
        while (q.next())
            out << q.value(0).toString();
        return true;
    };
    ASSERT_TRUE(writeOldFile(
        path, 24,
        {kTwoPlansDocuments, kTwoPlansMeasures, kTwoPlansTargets,
         "UPDATE measures SET area = CASE id WHEN 11 THEN 'electricity' ELSE 'water' END",
         "INSERT INTO agencies(id, name) VALUES (1, '区水利局'), (2, '区财政局')",
         "INSERT INTO measure_agencies(measure_id, agency_id, role, ordinal, written) VALUES "
         "(10, 1, 0, 0, NULL), (11, 2, 0, 0, NULL), (12, 1, 1, 0, NULL), (12, 2, 0, 1, NULL)"},
        [&](QSqlQuery& q) {
            return collect(q, "SELECT indicator || ' ' || target_id || ' ' || row FROM compare_rows",
                           compareBefore) &&
                   collect(q, "SELECT agency_id || ' ' || measure_id FROM agency_measures", keysBefore) &&
                   collect(q,
                           "SELECT area || ' ' || id FROM measures INDEXED BY measures_area WHERE area IS "
                           "NOT NULL",
                           areasBefore);
        }));
    EXPECT_EQ(compareBefore.size(), 4);
    EXPECT_EQ(keysBefore.size(), 4);
    EXPECT_EQ(areasBefore, (QStringList{QStringLiteral("electricity 11"), QStringLiteral("water 10"),
                                        QStringLiteral("water 12")}));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    const auto rows = [&](const char* sql) {
        return rowsOf((*db)->connection(), QString::fromUtf8(sql), QLatin1Char('|'));
    };
    EXPECT_EQ(rows("SELECT indicator || ' ' || target_id || ' ' || row FROM compare_rows_merged"),
              compareBefore);
    EXPECT_EQ(rows("SELECT indicator || ' ' || target_id || ' ' || row FROM compare_rows"), compareBefore);
    EXPECT_EQ(rows("SELECT agency_id || ' ' || measure_id FROM agency_measures_merged"), keysBefore);
    EXPECT_EQ(rows("SELECT area || ' ' || measure_id FROM measure_areas_merged"), areasBefore);
    EXPECT_EQ(rows("SELECT (SELECT count(*) FROM compare_rows_fresh) || ' ' || (SELECT count(*) FROM "
                   "agency_measures_fresh) || ' ' || (SELECT count(*) FROM measure_areas_fresh)"),
              QStringList{QStringLiteral("0 0 0")});
    EXPECT_EQ(rows("SELECT name || ' ' || type FROM sqlite_master WHERE name IN ('compare_rows', "
                   "'agency_measures', 'measure_areas', 'measures_area') ORDER BY name"),
              (QStringList{QStringLiteral("agency_measures view"), QStringLiteral("compare_rows view"),
                           QStringLiteral("measure_areas view")}));
    EXPECT_EQ(rows("PRAGMA integrity_check"), QStringList{QStringLiteral("ok")});
    EXPECT_EQ(rows("PRAGMA foreign_key_check"), QStringList{});
    const auto idsOf = [&](const MeasureFilter& f) {
        QList<qint64> ids;
        const QList<MeasureRecord> found = (*db)->measures(f).value();
        for (const MeasureRecord& m : found)
            ids << m.id;
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    MeasureFilter water;
    water.area = QStringLiteral("water");
    EXPECT_EQ(idsOf(water), (QList<qint64>{10, 12}));
    MeasureFilter unit;
    unit.unit = QStringLiteral("区财政局");
    EXPECT_EQ(idsOf(unit), (QList<qint64>{11, 12}));
    const BothPaths before = rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), true);
    ASSERT_EQ(before.compact.size(), 3);
    EXPECT_EQ(before.compact, before.columns);
    // A change of a merged target and of a measure's area (as corrections write them; this file holds
    // no source for a correction to anchor on): the rows go to the fresh tables, the readers follow.
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("UPDATE targets SET value = 4, row_version = row_version + 1 WHERE id = 102")));
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE measures SET area = 'water' WHERE id = 11")));
    q.finish();
    EXPECT_EQ(rows("SELECT target_id FROM compare_rows_fresh"), QStringList{QStringLiteral("102")});
    EXPECT_EQ(rows("SELECT count(*) FROM compare_rows_merged"), QStringList{QStringLiteral("3")});
    EXPECT_EQ(rows("SELECT area || ' ' || measure_id FROM measure_areas_fresh"),
              QStringList{QStringLiteral("water 11")});
    EXPECT_EQ(idsOf(water), (QList<qint64>{10, 11, 12}));
    const BothPaths corrected = rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), true);
    ASSERT_EQ(corrected.compact.size(), 3);
    EXPECT_EQ(corrected.compact, corrected.columns);
    EXPECT_TRUE(std::any_of(corrected.compact.cbegin(), corrected.compact.cend(),
                            [](const ComparisonRow& r) { return r.targetId == 102 && r.value == 4.0; }));
    EXPECT_FALSE(std::any_of(before.compact.cbegin(), before.compact.cend(),
                             [](const ComparisonRow& r) { return r.value == 4.0; }));
    ASSERT_TRUE((*db)->catchUpSearchIndex().ok());
    EXPECT_EQ(
        rows("SELECT (SELECT count(*) FROM compare_rows_fresh) || ' ' || (SELECT count(*) FROM "
             "measure_areas_fresh) || ' ' || (SELECT count(*) FROM compare_rows_merged) || ' ' || (SELECT "
             "count(*) FROM measure_areas_merged)"),
        QStringList{QStringLiteral("0 0 4 3")});
    const BothPaths merged = rowsBothWays(**db, QStringLiteral("wa.time"), QStringLiteral("water"), true);
    EXPECT_EQ(merged.compact, corrected.compact);
    EXPECT_EQ(idsOf(water), (QList<qint64>{10, 11, 12}));
}
