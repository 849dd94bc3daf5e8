// Comparison rows: municipal first, districts after; coverage tells number / mention / silence apart.
#include "storefixtures.h"

#include "compare/comparison.h"
#include "compare/planselection.h"
#include "store/database.h"

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

// A comparison reads every plan's rows without their sentences (schema 16's compare_rows holds none);
// Database::readSentences fills them for the rows shown, equal to the targets' own column, and the
// selection's comparison (what the CLI and the GUI ask) hands out rows with their sentences.
TEST(Compare, ByIndicatorLeavesSentencesToTheRowsShown) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const QString water = QStringLiteral("wa.time");
    TargetFilter byArea; // the targets' columns, sentence included
    byArea.indicator = water;
    byArea.area = QStringLiteral("water");
    const QList<ComparisonRow> columns = db->targets(byArea).value();
    ASSERT_EQ(columns.size(), 3);
    for (const ComparisonRow& r : columns)
        EXPECT_FALSE(r.sentence.isEmpty()) << r.targetId;
    EXPECT_EQ(columns[1].sentence,
              QStringLiteral("1、提升用水报装效率：用水报装实行“一站式”服务，办理时间不超过5个工作日。"));

    // PostgreSQL reads its targets table (no compare_rows, no kept rows): its rows carry the sentence.
    const bool sqlite = !db->isPostgres();
    const QList<ComparisonRow> lean = compare::byIndicator(*db, water).value();
    ASSERT_EQ(lean.size(), 3);
    for (qsizetype i = 0; i < lean.size(); ++i) {
        if (sqlite)
            EXPECT_TRUE(lean[i].sentence.isNull()) << i;
        else
            EXPECT_EQ(lean[i].sentence, columns[i].sentence) << i;
        ComparisonRow withSentence = lean[i];
        withSentence.sentence = columns[i].sentence;
        EXPECT_EQ(withSentence, columns[i]) << i; // every other field as the columns have it
    }
    QList<ComparisonRow> shown = lean;
    ASSERT_TRUE(db->readSentences(shown).ok());
    EXPECT_EQ(shown, columns);
    // The kept rows are not changed by filling a copy.
    const QList<ComparisonRow> again = compare::byIndicator(*db, water).value();
    if (sqlite) {
        EXPECT_EQ(again.constData(), lean.constData());
        EXPECT_TRUE(again[0].sentence.isNull());
    } else {
        EXPECT_EQ(again, columns);
    }

    // Through a selection: the latest plans (all three here) and every plan, sentences read.
    EXPECT_EQ(compare::byIndicator(*db, water, PlanSelection::latest()).value(), columns);
    EXPECT_EQ(compare::byIndicator(*db, water, PlanSelection::all()).value(), columns);
    TargetFilter f;
    f.indicator = water;
    EXPECT_EQ(db->targets(f).value(), columns);

    // A target removed after the rows were read keeps an empty sentence; a sentence already there stays.
    QList<ComparisonRow> stale = lean;
    stale[0].sentence = QStringLiteral("已有");
    stale[1].sentence.clear();
    stale[2].sentence.clear();
    ASSERT_TRUE(db->removeDocument(lean[2].documentId).ok());
    ASSERT_TRUE(db->readSentences(stale).ok());
    EXPECT_EQ(stale[0].sentence, QStringLiteral("已有"));
    EXPECT_EQ(stale[1].sentence, columns[1].sentence);
    EXPECT_TRUE(stale[2].sentence.isNull());
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
