// Fresh rows merged in bulk (schema 25): a plan's transaction writes its comparison rows, unit keys and
// area keys into compare_rows_fresh, agency_measures_fresh and measure_areas_fresh; the search index's
// catch-up moves them into the merged tables. Every reader gives the same rows before and after the
// merge, after a killed import and the next open, after corrections and removals of plans not merged
// yet, and in a copy (whose digest equals the original's).
#include "digests.h"
#include "storefixtures.h"

#include "compare/comparison.h"
#include "store/database.h"
#include "store/databasecopy.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace pc;
using namespace pc::test;

namespace {

qint64 count(Database& db, const QString& sql) {
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// Rows in the fresh tables and in the merged ones: "fresh compare, agency, area | merged …".
QString layout(Database& db) {
    return QStringLiteral("%1 %2 %3 | %4 %5 %6")
        .arg(count(db, QStringLiteral("SELECT count(*) FROM compare_rows_fresh")))
        .arg(count(db, QStringLiteral("SELECT count(*) FROM agency_measures_fresh")))
        .arg(count(db, QStringLiteral("SELECT count(*) FROM measure_areas_fresh")))
        .arg(count(db, QStringLiteral("SELECT count(*) FROM compare_rows_merged")))
        .arg(count(db, QStringLiteral("SELECT count(*) FROM agency_measures_merged")))
        .arg(count(db, QStringLiteral("SELECT count(*) FROM measure_areas_merged")));
}

// The derived rows agree with their sources, each once: a comparison row per target with an indicator,
// a unit key per (agency, measure) link, an area key per measure with an area.
::testing::AssertionResult consistent(Database& db) {
    const qint64 rows = count(db, QStringLiteral("SELECT count(*) FROM compare_rows"));
    const qint64 targets =
        count(db, QStringLiteral("SELECT count(*) FROM targets WHERE indicator IS NOT NULL"));
    const qint64 keys = count(db, QStringLiteral("SELECT count(*) FROM agency_measures"));
    const qint64 links = count(
        db,
        QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT agency_id, measure_id FROM measure_agencies)"));
    const qint64 joined =
        count(db, QStringLiteral("SELECT count(*) FROM agency_measures am JOIN (SELECT DISTINCT "
                                 "agency_id, measure_id FROM measure_agencies) l USING "
                                 "(agency_id, measure_id)"));
    const qint64 areas = count(db, QStringLiteral("SELECT count(*) FROM measure_areas"));
    const qint64 withArea = count(db, QStringLiteral("SELECT count(*) FROM measures WHERE area IS NOT NULL"));
    const qint64 areaJoined =
        count(db, QStringLiteral("SELECT count(*) FROM measure_areas a JOIN measures m ON "
                                 "m.id = a.measure_id AND m.area = a.area"));
    const qint64 rowsJoined =
        count(db, QStringLiteral("SELECT count(*) FROM compare_rows c JOIN targets t ON t.id "
                                 "= c.target_id AND t.indicator = c.indicator"));
    if (rows != targets || rowsJoined != targets || keys != links || joined != links || areas != withArea ||
        areaJoined != withArea)
        return ::testing::AssertionFailure()
               << "compare rows " << rows << "/" << rowsJoined << " for " << targets << " targets, unit keys "
               << keys << "/" << joined << " for " << links << " links, area keys " << areas << "/"
               << areaJoined << " for " << withArea << " measures";
    return ::testing::AssertionSuccess();
}

// What the readers give: every indicator's comparison rows (both paths of Database::targets), the
// measures of each area and of each unit, and each area's coverage.
QStringList readings(Database& db) {
    QStringList out;
    for (const Indicator& i : sampleIndicators()) {
        for (const bool rejected : {false, true}) {
            TargetFilter f;
            f.indicator = i.id;
            f.includeRejected = rejected;
            const Result<QList<ComparisonRow>> rows = db.targets(f);
            if (!rows) {
                out << rows.errorMessage();
                continue;
            }
            for (const ComparisonRow& r : *rows)
                out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                           .arg(i.id)
                           .arg(r.targetId)
                           .arg(r.docId)
                           .arg(r.value ? QString::number(*r.value) : QStringLiteral("-"))
                           .arg(r.scope, r.quote)
                           .arg(r.version)
                           .arg(r.rejected);
            f.area = i.area; // the targets' columns
            const Result<QList<ComparisonRow>> byArea = db.targets(f);
            out << QStringLiteral("%1 in %2: %3").arg(i.id, i.area).arg(byArea ? byArea->size() : -1);
        }
    }
    for (const QString& area :
         {QStringLiteral("water"), QStringLiteral("electricity"), QStringLiteral("none")}) {
        MeasureFilter f;
        f.area = area;
        const QList<MeasureRecord> ms = db.measures(f).value();
        QStringList ids;
        for (const MeasureRecord& m : ms)
            ids << QString::number(m.id);
        out << area + QStringLiteral(": ") + ids.join(QLatin1Char(','));
        const Result<QList<CoverageCell>> cells = compare::coverageOfArea(db, area);
        if (cells) {
            for (const CoverageCell& c : *cells)
                out << QStringLiteral("%1 %2 %3 %4")
                           .arg(c.indicator, c.docId)
                           .arg(int(c.coverage))
                           .arg(c.targets);
        } else {
            out << area + QStringLiteral(": ") + cells.error().code;
        }
    }
    for (const QString& unit : {QStringLiteral("市水利局"), QStringLiteral("区水务集团"),
                                QStringLiteral("国网重庆电力公司"), QStringLiteral("区财政局")}) {
        MeasureFilter f;
        f.unit = unit;
        QStringList ids;
        const QList<MeasureRecord> ms = db.measures(f).value();
        for (const MeasureRecord& m : ms)
            ids << QString::number(m.id);
        out << unit + QStringLiteral(": ") + ids.join(QLatin1Char(','));
    }
    return out;
}

// Equal readings, or the first lines that differ.
::testing::AssertionResult same(const QStringList& got, const QStringList& expected) {
    if (got == expected)
        return ::testing::AssertionSuccess();
    auto failure = ::testing::AssertionFailure();
    failure << got.size() << " lines for " << expected.size() << ":";
    for (qsizetype i = 0, shown = 0; i < qMax(got.size(), expected.size()) && shown < 6; ++i) {
        const QString g = got.value(i, QStringLiteral("(none)")),
                      e = expected.value(i, QStringLiteral("(none)"));
        if (g != e) {
            failure << "\n  got " << g.toStdString() << "\n  expected " << e.toStdString();
            ++shown;
        }
    }
    return failure;
}

// `count` plans: the sample plans again under other doc ids, the second measure's unit varying.
QList<PlanSpec> manyPlans(int count) {
    const QList<PlanSpec> base = samplePlans();
    QList<PlanSpec> out;
    for (int i = 0; i < count; ++i) {
        PlanSpec p = base[i % base.size()];
        p.docId = QStringLiteral("plan-%1").arg(i, 3, 10, QLatin1Char('0'));
        if (p.measures.size() > 1)
            p.measures[1].lead = {i % 2 ? QStringLiteral("区财政局") : QStringLiteral("市水利局")};
        out << p;
    }
    return out;
}

std::unique_ptr<Database> withTaxonomy(const QString& path) {
    std::unique_ptr<Database> db = openFile(path);
    if (db && !db->storeTaxonomy(sampleAreas(), sampleIndicators()))
        return nullptr;
    return db;
}

// The same plans, each merged at once (its own catch-up): what a database before schema 25 held.
std::unique_ptr<Database> mergedReference(const QList<PlanSpec>& plans, QTemporaryDir& dir) {
    std::unique_ptr<Database> ref = withTaxonomy(dir.filePath(QStringLiteral("reference.sqlite")));
    if (!ref)
        return nullptr;
    for (const PlanSpec& p : plans) {
        EXPECT_TRUE(ref->importAnalysis(makeAnalysis(p)).ok());
        EXPECT_TRUE(ref->catchUpSearchIndex().ok());
    }
    EXPECT_EQ(layout(*ref).left(6), QStringLiteral("0 0 0 "));
    return ref;
}

} // namespace

// A batch's plans live in the fresh tables until its catch-up; the readers give the same rows then, after
// the merge, and as the reference whose plans were merged one by one. The merge leaves nothing fresh.
TEST(FreshRows, ReadersSeeTheSameRowsBeforeAndAfterTheMerge) {
    QTemporaryDir dir;
    const QList<PlanSpec> plans = manyPlans(7);
    std::unique_ptr<Database> ref = mergedReference(plans, dir);
    ASSERT_TRUE(ref);
    const QStringList expected = readings(*ref);
    EXPECT_GT(expected.size(), 40);
    std::unique_ptr<Database> db = withTaxonomy(dir.filePath(QStringLiteral("plans.sqlite")));
    ASSERT_TRUE(db);
    db->beginSearchBatch();
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(plans[0])).ok());
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(plans[1])).ok());
    ASSERT_TRUE(db->endSearchBatch().ok()); // two plans merged …
    EXPECT_EQ(layout(*db), QStringLiteral("0 0 0 | 3 4 4"));
    db->beginSearchBatch();
    for (const PlanSpec& p : plans.mid(2))
        ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    // … five waiting: 1 + 2 + 1 + 1 + 2 targets, 0 + 2 + 2 + 0 + 2 unit keys, 1 + 2 + 2 + 1 + 2 measures.
    EXPECT_EQ(layout(*db), QStringLiteral("7 6 8 | 3 4 4"));
    EXPECT_TRUE(consistent(*db));
    EXPECT_TRUE(same(readings(*db), expected));
    {
        std::unique_ptr<Database> reader = openFile(dir.filePath(QStringLiteral("plans.sqlite")), true);
        ASSERT_TRUE(reader);
        EXPECT_TRUE(same(readings(*reader), expected));
    }
    ASSERT_TRUE(db->endSearchBatch().ok());
    EXPECT_EQ(layout(*db), QStringLiteral("0 0 0 | 10 10 12"));
    EXPECT_TRUE(consistent(*db));
    EXPECT_TRUE(same(readings(*db), expected));
    // The merged tables hold exactly the reference's rows.
    const auto rows = [](Database& d, const char* sql) {
        QStringList out;
        QSqlQuery q(d.connection());
        EXPECT_TRUE(q.exec(QString::fromUtf8(sql))) << q.lastError().text().toStdString();
        while (q.next())
            out << q.value(0).toString();
        return out;
    };
    for (const char* sql : {"SELECT indicator || ' ' || target_id || ' ' || row FROM compare_rows_merged",
                            "SELECT agency_id || ' ' || measure_id FROM agency_measures_merged",
                            "SELECT area || ' ' || measure_id FROM measure_areas_merged"})
        EXPECT_EQ(rows(*db, sql), rows(*ref, sql)) << sql;
    // A second catch-up finds nothing to do.
    ASSERT_TRUE(db->catchUpSearchIndex().ok());
    EXPECT_EQ(layout(*db), QStringLiteral("0 0 0 | 10 10 12"));
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));
}

// The readers take each key's range of the merged table and scan the small fresh one.
TEST(FreshRows, ReadersSearchTheMergedTablesByTheirKey) {
    QTemporaryDir dir;
    std::unique_ptr<Database> db = withTaxonomy(dir.filePath(QStringLiteral("plans.sqlite")));
    ASSERT_TRUE(db);
    const auto plan = [&](const QString& sql) {
        QStringList out;
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
            << q.lastError().text().toStdString();
        while (q.next())
            out << q.value(3).toString();
        return out.join(QLatin1Char(';'));
    };
    const QString compare =
        plan(QStringLiteral("SELECT c.row FROM compare_rows c WHERE c.indicator = 'wa.time'"));
    EXPECT_TRUE(
        compare.contains(QStringLiteral("SEARCH compare_rows_merged USING PRIMARY KEY (indicator=?)")))
        << compare.toStdString();
    EXPECT_TRUE(compare.contains(QStringLiteral("SCAN compare_rows_fresh"))) << compare.toStdString();
    const QString unit = plan(QStringLiteral(
        "SELECT m.id FROM measures m WHERE m.id IN (SELECT am.measure_id FROM agency_measures am WHERE "
        "am.agency_id = (SELECT a.id FROM agencies a WHERE a.name = 'x'))"));
    EXPECT_TRUE(
        unit.contains(QStringLiteral("SEARCH agency_measures_merged USING PRIMARY KEY (agency_id=?)")))
        << unit.toStdString();
    const QString area = plan(QStringLiteral(
        "SELECT m.id FROM measures m WHERE m.id IN (SELECT ma.measure_id FROM measure_areas ma WHERE "
        "ma.area = 'water')"));
    EXPECT_TRUE(area.contains(QStringLiteral("SEARCH measure_areas_merged USING PRIMARY KEY (area=?)")))
        << area.toStdString();
    EXPECT_TRUE(area.startsWith(QStringLiteral("SEARCH m USING INTEGER PRIMARY KEY (rowid=?)")))
        << area.toStdString();
}

// A killed import (the connection gone without ending its batch) leaves its rows fresh: a read-only
// connection reads them, and the next writable open merges them.
TEST(FreshRows, AKilledImportsRowsAreMergedByTheNextOpen) {
    QTemporaryDir dir;
    const QList<PlanSpec> plans = manyPlans(5);
    std::unique_ptr<Database> ref = mergedReference(plans, dir);
    ASSERT_TRUE(ref);
    const QString path = dir.filePath(QStringLiteral("plans.sqlite"));
    {
        std::unique_ptr<Database> db = withTaxonomy(path);
        ASSERT_TRUE(db);
        db->beginSearchBatch();
        for (const PlanSpec& p : plans)
            ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
        EXPECT_EQ(layout(*db), QStringLiteral("7 8 9 | 0 0 0"));
    } // gone without endSearchBatch()
    {
        std::unique_ptr<Database> reader = openFile(path, true);
        ASSERT_TRUE(reader);
        EXPECT_EQ(layout(*reader), QStringLiteral("7 8 9 | 0 0 0"));
        EXPECT_TRUE(same(readings(*reader), readings(*ref)));
    }
    std::unique_ptr<Database> db = openFile(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(layout(*db), QStringLiteral("0 0 0 | 7 8 9"));
    EXPECT_TRUE(consistent(*db));
    EXPECT_TRUE(same(readings(*db), readings(*ref)));
}

// Corrections (a target's value, rejection, a measure's area) and removals reach a row wherever it
// lives: the same operations on fresh rows and on merged ones give the same readings, before and after
// the merge, with every derived row once.
TEST(FreshRows, CorrectionsAndRemovalsOfPlansNotMergedYet) {
    QTemporaryDir dir;
    const QList<PlanSpec> plans = manyPlans(6);
    std::unique_ptr<Database> ref = mergedReference(plans, dir);
    ASSERT_TRUE(ref);
    std::unique_ptr<Database> db = withTaxonomy(dir.filePath(QStringLiteral("plans.sqlite")));
    ASSERT_TRUE(db);
    db->beginSearchBatch();
    for (const PlanSpec& p : plans)
        ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    const auto operations = [&](Database& d) {
        TargetFilter f;
        f.indicator = QStringLiteral("wa.time");
        const QList<ComparisonRow> rows = d.targets(f).value();
        ASSERT_GE(rows.size(), 4);
        ASSERT_TRUE(d.correctTarget(rows[0].targetId, OverrideKind::TargetValue, QStringLiteral("4")).ok());
        ASSERT_TRUE(
            d.correctTarget(rows[3].targetId, OverrideKind::TargetScope, QStringLiteral("全市")).ok());
        ASSERT_TRUE(d.correctTarget(rows[1].targetId, OverrideKind::RejectTarget, QString()).ok());
        const qint64 first = firstMeasureId(d);
        ASSERT_TRUE(d.setMeasureArea(first, QStringLiteral("electricity")).ok());
        ASSERT_TRUE(d.setMeasureArea(first + 3, QStringLiteral("water")).ok());
        ASSERT_TRUE(d.removeDocument(d.documentByDocId(plans[2].docId)->id).ok());
        ASSERT_TRUE(d.removeDocument(d.documentByDocId(plans[5].docId)->id).ok()); // the newest ids …
        PlanSpec again = plans[4];
        again.docId = QStringLiteral("again");
        ASSERT_TRUE(d.importAnalysis(makeAnalysis(again)).ok()); // … taken again
    };
    operations(*db);
    operations(*ref);
    EXPECT_NE(layout(*db).left(6), QStringLiteral("0 0 0 "));
    EXPECT_TRUE(consistent(*db));
    EXPECT_TRUE(consistent(*ref));
    const QStringList expected = readings(*ref);
    EXPECT_TRUE(expected.join(QLatin1Char('\n')).contains(QStringLiteral(" 4 ")))
        << expected.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(same(readings(*db), expected));
    ASSERT_TRUE(db->endSearchBatch().ok());
    ASSERT_TRUE(ref->catchUpSearchIndex().ok());
    EXPECT_EQ(layout(*db), layout(*ref));
    EXPECT_EQ(layout(*db).left(6), QStringLiteral("0 0 0 "));
    EXPECT_TRUE(consistent(*db));
    EXPECT_TRUE(same(readings(*db), expected));
    EXPECT_TRUE(same(readings(*ref), expected));
}

// A copy of a file with fresh rows: the derived tables are left out of the copy and its digest, the
// copy's rows are merged, and its readings and digest equal the original's, before and after that
// one's merge.
TEST(FreshRows, ACopyOfAFileWithFreshRowsIsEqual) {
    QTemporaryDir dir;
    std::unique_ptr<Database> db = withTaxonomy(dir.filePath(QStringLiteral("plans.sqlite")));
    ASSERT_TRUE(db);
    db->beginSearchBatch();
    for (const PlanSpec& p : manyPlans(4))
        ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    const Result<QStringList> tables = copiedTables(*db);
    ASSERT_TRUE(tables.ok());
    for (const QString& t : *tables)
        EXPECT_FALSE(t.startsWith(QLatin1String("compare_rows")) ||
                     t.startsWith(QLatin1String("agency_measures")) ||
                     t.startsWith(QLatin1String("measure_areas")))
            << t.toStdString();
    std::unique_ptr<Database> copy = openFile(dir.filePath(QStringLiteral("copy.sqlite")));
    ASSERT_TRUE(copy);
    const Result<CopyReport> copied = copyDatabase(*db, *copy);
    ASSERT_TRUE(copied.ok()) << copied.errorMessage().toStdString();
    EXPECT_EQ(layout(*copy), QStringLiteral("0 0 0 | 6 6 7"));
    EXPECT_TRUE(consistent(*copy));
    EXPECT_TRUE(same(readings(*copy), readings(*db)));
    const Result<DatabaseDigest> before = digestDatabase(*db);
    ASSERT_TRUE(before.ok()) << before.errorMessage().toStdString();
    EXPECT_TRUE(sameDigest(*before, *copy));
    ASSERT_TRUE(db->endSearchBatch().ok());
    EXPECT_TRUE(sameDigest(*before, *db)); // merged
    EXPECT_TRUE(same(readings(*copy), readings(*db)));
}
