// The workbench's coverage cells (提及，未设数值 in the matrix) come from one pass over each plan's
// measures (CoverageBuilder); they must be the cells compare::coverageOfArea gives area by area.
#include "app/workbench.h"
#include "compare/planselection.h"
#include "data/coveragebuilder.h"
#include "seeddb.h"
#include "store/database.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

using namespace pc;
using namespace pc::ui;

namespace {

class CoverageOnSeeds : public test::SeedDb {};

std::string describe(const CoverageCell& c) {
    const QString s = c.indicator + QLatin1Char(' ') + c.docId + QLatin1Char(' ') +
                      QString::number(int(c.coverage)) + QLatin1Char(' ') + QString::number(c.targets);
    return s.toStdString();
}

// Cells as sorted text, so a difference names the cell.
std::vector<std::string> sorted(const QList<CoverageCell>& cells) {
    std::vector<std::string> out;
    for (const CoverageCell& c : cells)
        out.push_back(describe(c));
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_F(CoverageOnSeeds, OnePassGivesTheCellsOfCoverageOfAreaForEveryPlanSet) {
    std::unique_ptr<WorkbenchData> data = open();
    Result<std::unique_ptr<Database>> db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    QList<PlanSelection> selections{PlanSelection::latest()};
    const Result<QList<PlanInfo>> all = data->allPlans();
    ASSERT_TRUE(all.ok());
    for (const PlanInfo& p : *all)
        if (!selections.contains(PlanSelection::ofYear(p.year)))
            selections << PlanSelection::ofYear(p.year);
    ASSERT_GE(selections.size(), 3); // the seeds span several years
    for (const PlanSelection& selection : selections) {
        data->setPlanSelection(selection);
        Workbench wb(*data);
        const Snapshot& snap = wb.snapshot();
        ASSERT_TRUE(snap.error.isEmpty()) << snap.error.toStdString();
        QList<CoverageCell> expected;
        for (const Area& a : data->areas()) {
            Result<QList<CoverageCell>> cells = compare::coverageOfArea(*db.value(), a.id, selection);
            ASSERT_TRUE(cells.ok()) << cells.errorMessage().toStdString();
            expected += cells.value();
        }
        const std::vector<std::string> got = sorted(snap.coverage);
        const std::vector<std::string> want = sorted(expected);
        std::vector<std::string> missing;
        std::vector<std::string> extra;
        std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(missing));
        std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(extra));
        EXPECT_TRUE(missing.empty() && extra.empty())
            << selection.key().toStdString() << ": missing " << testing::PrintToString(missing) << ", extra "
            << testing::PrintToString(extra);
        EXPECT_EQ(snap.coverage.size(), expected.size());
        // Meaningful on the seeds: numbers set, indicators mentioned without a number, and silence.
        const auto count = [&](Coverage c) {
            return std::count_if(snap.coverage.begin(), snap.coverage.end(),
                                 [c](const CoverageCell& cell) { return cell.coverage == c; });
        };
        EXPECT_GT(count(Coverage::NumberSet), 0) << selection.key().toStdString();
        EXPECT_GT(count(Coverage::MentionedNoNumber), 0) << selection.key().toStdString();
        EXPECT_GT(count(Coverage::Silent), 0) << selection.key().toStdString();
    }
}

TEST(CoverageBuilder, MentionsOnlyCountInTheIndicatorsAreaAndTargetsWin) {
    Area water;
    water.id = QStringLiteral("water");
    Area powerArea;
    powerArea.id = QStringLiteral("power");
    const QList<Area> areas{water, powerArea};
    Indicator time;
    time.id = QStringLiteral("wa.time");
    time.area = QStringLiteral("water");
    time.cues = {QStringLiteral("报装"), QStringLiteral("接水")};
    Indicator cost;
    cost.id = QStringLiteral("wa.cost");
    cost.area = QStringLiteral("water");
    cost.cues = {QStringLiteral("费用")};
    Indicator power;
    power.id = QStringLiteral("el.time");
    power.area = QStringLiteral("power");
    power.cues = {QStringLiteral("报装")}; // the same cue in another area
    CoverageBuilder b(areas, {time, cost, power});
    b.addMeasure(QStringLiteral("a"), QStringLiteral("water"), u"优化用水报装", u"压缩时限");
    b.addMeasure(QStringLiteral("b"), QStringLiteral("water"), u"", u"降低接入费用");
    PlanInfo pa;
    pa.documentId = 1;
    pa.docId = QStringLiteral("a");
    pa.jurisdiction = QStringLiteral("甲区");
    PlanInfo pb = pa;
    pb.documentId = 2;
    pb.docId = QStringLiteral("b");
    pb.jurisdiction = QStringLiteral("乙区");
    const QList<PlanInfo> plans{pa, pb};
    ComparisonRow r;
    r.docId = QStringLiteral("b");
    r.indicator = QStringLiteral("wa.time");
    r.area = QStringLiteral("water");
    ComparisonRow o;
    o.docId = QStringLiteral("a");
    o.indicator = QStringLiteral("other:水压");
    o.area = QStringLiteral("water");
    b.addTargets({r, r, o});
    const QList<CoverageCell> cells = b.cells(plans);
    // Coverage: 0 number set, 1 mentioned, 2 silent. water: wa.time, wa.cost, other:水压; power: el.time —
    // each for plans a and b.
    ASSERT_EQ(cells.size(), 8);
    const auto at = [&](int i) { return describe(cells.at(i)); };
    EXPECT_EQ(at(0), "wa.time a 1 0"); // mentioned (报装), no number
    EXPECT_EQ(at(1), "wa.time b 0 2"); // two targets
    EXPECT_EQ(at(2), "wa.cost a 2 0"); // silent
    EXPECT_EQ(at(3), "wa.cost b 1 0"); // 费用
    EXPECT_EQ(at(4), "other:水压 a 0 1");
    EXPECT_EQ(at(5), "other:水压 b 2 0");
    EXPECT_EQ(at(6), "el.time a 2 0"); // 报装 was in a water measure, not a power one
    EXPECT_EQ(at(7), "el.time b 2 0");
    EXPECT_EQ(cells.at(1).jurisdiction, QStringLiteral("乙区"));
}
