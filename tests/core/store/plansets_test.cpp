// Plan metadata in the store (schema 6): corrections of a plan's jurisdiction, year and kind that
// survive re-imports, and plan sets (latest per jurisdiction, one year, all, named).
#include "compare/planselection.h"
#include "storefixtures.h"
#include "testpaths.h"

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::test;

namespace {

// In memory on SQLite; a new database on the test server when the suite runs on PostgreSQL.
std::unique_ptr<Database> memoryDb() {
    auto db = openTestDatabase();
    EXPECT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_TRUE((*db)->storeTaxonomy(sampleAreas(), sampleIndicators()).ok());
    return std::move(db).value();
}

// 重庆市 2019; 大足区 2019 and 2021; 渝中区 2023 — the samples plus a later 大足 plan.
std::unique_ptr<Database> dbWithFourPlans() {
    auto db = memoryDb();
    QList<PlanSpec> plans = samplePlans();
    PlanSpec later = plans[1];
    later.docId = QStringLiteral("dazu-2021");
    later.year = 2021;
    later.preface = QStringLiteral("2021年\n");
    later.measures[0].body = QStringLiteral("用水报装实行“一站式”服务，办理时间不超过3个工作日。");
    later.measures[0].targets[0].quote = QStringLiteral("办理时间不超过3个工作日");
    later.measures[0].targets[0].value = 3;
    plans.append(later);
    for (const PlanSpec& p : plans)
        EXPECT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    return db;
}

QStringList docIds(const QList<PlanInfo>& ps) {
    QStringList out;
    for (const PlanInfo& p : ps)
        out << p.docId;
    return out;
}

} // namespace

TEST(PlanSets, LatestKeepsOnePlanPerJurisdictionAndYearAllAndNamedSetsChooseTheirs) {
    auto db = dbWithFourPlans();
    EXPECT_EQ(docIds(compare::plans(*db, PlanSelection::all()).value()),
              (QStringList{QStringLiteral("city-2019"), QStringLiteral("dazu-2019"),
                           QStringLiteral("dazu-2021"), QStringLiteral("yuzhong-2023")}));
    EXPECT_EQ(docIds(compare::plans(*db, PlanSelection::latest()).value()),
              (QStringList{QStringLiteral("city-2019"), QStringLiteral("dazu-2021"),
                           QStringLiteral("yuzhong-2023")}));
    EXPECT_EQ(docIds(compare::plans(*db, PlanSelection::ofYear(2019)).value()),
              (QStringList{QStringLiteral("city-2019"), QStringLiteral("dazu-2019")}));

    ASSERT_TRUE(
        db->savePlanSet(QStringLiteral("足渝"), {QStringLiteral("yuzhong-2023"), QStringLiteral("dazu-2019")})
            .ok());
    EXPECT_EQ(db->planSetNames().value(), QStringList{QStringLiteral("足渝")});
    EXPECT_EQ(docIds(compare::plans(*db, PlanSelection::named(QStringLiteral("足渝"))).value()),
              (QStringList{QStringLiteral("dazu-2019"), QStringLiteral("yuzhong-2023")}));

    // The comparison follows the set: wa.time has four targets in all, three in the latest plans.
    EXPECT_EQ(compare::byIndicator(*db, QStringLiteral("wa.time"), PlanSelection::all())->size(), 4);
    const QList<ComparisonRow> latest =
        compare::byIndicator(*db, QStringLiteral("wa.time"), PlanSelection::latest()).value();
    ASSERT_EQ(latest.size(), 3);
    EXPECT_EQ(latest[1].docId, QStringLiteral("dazu-2021"));
    EXPECT_EQ(latest[1].value, 3.0);
    const QList<CoverageCell> cells =
        compare::coverageOfArea(*db, QStringLiteral("water"), PlanSelection::named(QStringLiteral("足渝")))
            .value();
    EXPECT_EQ(cells.size(), 2);

    // Unknown set or plan: named in the error.
    const auto unknown = compare::plans(*db, PlanSelection::named(QStringLiteral("无此集合")));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, QStringLiteral("not-found"));
    EXPECT_TRUE(unknown.errorMessage().contains(QStringLiteral("无此集合")));
    const Status badPlan = db->savePlanSet(QStringLiteral("x"), {QStringLiteral("nowhere-2020")});
    ASSERT_FALSE(badPlan.ok());
    EXPECT_TRUE(badPlan.errorMessage().contains(QStringLiteral("nowhere-2020")));
    ASSERT_TRUE(db->removePlanSet(QStringLiteral("足渝")).ok());
    EXPECT_TRUE(db->planSetNames()->isEmpty());
}

TEST(PlanSets, KeyRoundTripsEveryMode) {
    for (const PlanSelection& s : {PlanSelection::latest(), PlanSelection::all(), PlanSelection::ofYear(2021),
                                   PlanSelection::named(QStringLiteral("川渝 对比"))})
        EXPECT_EQ(PlanSelection::fromKey(s.key()), s) << s.key().toStdString();
}

TEST(PlanMetadataStore, ImportCanonicalisesTheJurisdictionWithItsCodeAndACorrectionSurvivesReimport) {
    auto db = memoryDb();
    PlanSpec p = samplePlans()[1];
    p.jurisdiction = QStringLiteral("石柱县"); // what a title may write; the gazetteer's name is longer
    p.docId = QStringLiteral("shizhu-2020");
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    DocumentRecord d = db->documentByDocId(QStringLiteral("shizhu-2020")).value();
    EXPECT_EQ(d.jurisdiction, QStringLiteral("石柱土家族自治县"));
    EXPECT_EQ(d.jurisdictionCode, QStringLiteral("500240"));
    EXPECT_EQ(d.parsedJurisdiction, QStringLiteral("石柱县"));

    // The guess was wrong: it is 大足's plan, of 2021, a special plan.
    ASSERT_TRUE(
        db->correctPlan(QStringLiteral("shizhu-2020"), QStringLiteral("jurisdiction"), QStringLiteral("大足"))
            .ok());
    ASSERT_TRUE(
        db->correctPlan(QStringLiteral("shizhu-2020"), QStringLiteral("year"), QStringLiteral("2021")).ok());
    ASSERT_TRUE(
        db->correctPlan(QStringLiteral("shizhu-2020"), QStringLiteral("kind"), QStringLiteral("专项方案"))
            .ok());
    d = db->documentByDocId(QStringLiteral("shizhu-2020")).value();
    EXPECT_EQ(d.jurisdiction, QStringLiteral("大足区"));
    EXPECT_EQ(d.jurisdictionCode, QStringLiteral("500111"));
    EXPECT_EQ(d.year, 2021);
    EXPECT_EQ(d.planKind, QStringLiteral("special"));
    EXPECT_EQ(db->planCorrections(QStringLiteral("shizhu-2020"))->size(), 3);
    // The comparison rows carry the corrected jurisdiction.
    EXPECT_EQ(compare::byIndicator(*db, QStringLiteral("wa.time"))->first().jurisdiction,
              QStringLiteral("大足区"));

    // A changed file re-imported: the corrections are applied again.
    p.preface = QStringLiteral("修订版\n");
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    d = db->documentByDocId(QStringLiteral("shizhu-2020")).value();
    EXPECT_EQ(d.jurisdiction, QStringLiteral("大足区"));
    EXPECT_EQ(d.year, 2021);

    // Removing the correction restores the guess.
    ASSERT_TRUE(db->correctPlan(QStringLiteral("shizhu-2020"), QStringLiteral("jurisdiction"), {}).ok());
    EXPECT_EQ(db->documentByDocId(QStringLiteral("shizhu-2020"))->jurisdiction,
              QStringLiteral("石柱土家族自治县"));

    // Bad values are refused with the problem named.
    const Status badYear =
        db->correctPlan(QStringLiteral("shizhu-2020"), QStringLiteral("year"), QStringLiteral("二〇二一"));
    ASSERT_FALSE(badYear.ok());
    EXPECT_EQ(badYear.error().code, QStringLiteral("bad-value"));
    EXPECT_FALSE(
        db->correctPlan(QStringLiteral("nowhere"), QStringLiteral("year"), QStringLiteral("2021")).ok());
    EXPECT_FALSE(
        db->correctPlan(QStringLiteral("shizhu-2020"), QStringLiteral("colour"), QStringLiteral("red")).ok());
}

TEST(PlanMetadataStore, APlanOutsideTheGazetteerKeepsItsJurisdictionWithoutACode) {
    auto db = memoryDb();
    PlanSpec p = samplePlans()[1];
    p.docId = QStringLiteral("mianyang-2022");
    p.jurisdiction = QStringLiteral("绵阳市");
    p.level = QStringLiteral("municipal");
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    const DocumentRecord d = db->documentByDocId(QStringLiteral("mianyang-2022")).value();
    EXPECT_EQ(d.jurisdiction, QStringLiteral("绵阳市"));
    EXPECT_TRUE(d.jurisdictionCode.isEmpty());
    EXPECT_EQ(d.level, QStringLiteral("municipal"));
    // An empty jurisdiction (a plan whose text names none) imports too.
    p.docId = QStringLiteral("nameless");
    p.jurisdiction.clear();
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    EXPECT_TRUE(db->documentByDocId(QStringLiteral("nameless"))->jurisdiction.isEmpty());
}

TEST(PlanSets, CoverageOfASetIsTheWholeCoverageRestrictedToItsPlans) {
    auto db = dbWithFourPlans();
    for (const QString& area : {QStringLiteral("water"), QStringLiteral("electricity")}) {
        SCOPED_TRACE(area.toStdString());
        const QList<PlanInfo> latest = compare::plans(*db, PlanSelection::latest()).value();
        QStringList docs;
        for (const PlanInfo& p : latest)
            docs << p.docId;
        QList<CoverageCell> expected;
        const QList<CoverageCell> whole = compare::coverageOfArea(*db, area).value();
        for (const CoverageCell& c : whole)
            if (docs.contains(c.docId))
                expected << c;
        const QList<CoverageCell> got = compare::coverageOfArea(*db, area, PlanSelection::latest()).value();
        EXPECT_EQ(got, expected);
        EXPECT_EQ(got.size(), expected.size());
        EXPECT_FALSE(got.isEmpty());
    }
    EXPECT_FALSE(compare::coverageOfArea(*db, QStringLiteral("nowhere"), PlanSelection::latest()).ok());
}
