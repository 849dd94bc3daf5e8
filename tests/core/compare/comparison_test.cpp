// Comparison rows: municipal first, districts after; coverage tells number / mention / silence apart.
#include "storefixtures.h"

#include "compare/comparison.h"

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::test;

TEST(Compare, ByIndicatorPutsTheMunicipalPlanFirst) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const Result<QList<ComparisonRow>> rows = compare::byIndicator(*db, QStringLiteral("wa.time"));
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 3);
    EXPECT_EQ(rows->at(0).jurisdiction, QStringLiteral("重庆市"));
    EXPECT_EQ(rows->at(0).level, QStringLiteral("municipal"));
    EXPECT_EQ(rows->at(0).value, 6.0);
    EXPECT_EQ(rows->at(0).unit, QStringLiteral("工作日"));
    EXPECT_EQ(rows->at(1).jurisdiction, QStringLiteral("大足区"));
    EXPECT_EQ(rows->at(2).jurisdiction, QStringLiteral("渝中区"));
    EXPECT_EQ(rows->at(2).year, 2023);
    EXPECT_TRUE(compare::byIndicator(*db, QStringLiteral("gp.time.payment"))->isEmpty());
}

TEST(Compare, CoverageSeparatesNumbersMentionsAndSilence) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const Result<QList<CoverageCell>> cells = compare::coverageOfArea(*db, QStringLiteral("electricity"));
    ASSERT_TRUE(cells.ok()) << cells.errorMessage().toStdString();
    ASSERT_EQ(cells->size(), 9); // three electricity indicators × three plans
    auto cell = [&](const char* ind, const char* doc) {
        for (const CoverageCell& c : *cells) {
            if (c.indicator == QString::fromLatin1(ind) && c.docId == QString::fromLatin1(doc))
                return c;
        }
        return CoverageCell{};
    };
    EXPECT_EQ(cell("el.time.low_voltage", "city-2019").coverage, Coverage::NumberSet);
    EXPECT_EQ(cell("el.time.low_voltage", "city-2019").targets, 1);
    EXPECT_EQ(cell("el.time.high_voltage", "city-2019").coverage,
              Coverage::MentionedNoNumber); // 高压… not extracted
    EXPECT_EQ(cell("el.time.low_voltage", "dazu-2019").coverage, Coverage::Silent);
    EXPECT_EQ(cell("el.time.low_voltage", "yuzhong-2023").coverage, Coverage::Silent);
    EXPECT_EQ(cells->first().indicator, QStringLiteral("el.time.low_voltage"));
    EXPECT_EQ(cells->first().docId, QStringLiteral("city-2019"));
    EXPECT_EQ(compare::coverageOfArea(*db, QStringLiteral("nowhere")).error().code,
              QStringLiteral("not-found"));
}

TEST(Compare, PlansAreListedMunicipalFirst) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const QList<PlanInfo> plans = compare::plans(*db).value();
    ASSERT_EQ(plans.size(), 3);
    EXPECT_EQ(plans[0].docId, QStringLiteral("city-2019"));
    EXPECT_EQ(plans[2].docId, QStringLiteral("yuzhong-2023"));
    EXPECT_EQ(compare::coverageName(Coverage::MentionedNoNumber), QStringLiteral("mentioned"));
}
