// The workbench at scale: the plan-set chooser (latest, all, a year, a saved set) that every view
// follows, the matrix' column chooser and its ordering of plans by target, and the area report's
// diffusion section.
#include "app/workbench.h"
#include "mainwindow.h"
#include "models/matrixmodel.h"
#include "report/reportdocument.h"
#include "seeddb.h"
#include "testpaths.h"
#include "views/matrixview.h"
#include "views/plansetchooser.h"

#include <QComboBox>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

class PlanSetsUi : public test::SeedDb {};

QStringList visiblePlanHeaders(MatrixView* view) {
    QStringList out;
    QHeaderView* h = view->table()->horizontalHeader();
    for (int visual = MatrixModel::FirstPlanColumn; visual < h->count(); ++visual) {
        const int logical = h->logicalIndex(visual);
        if (!view->table()->isColumnHidden(logical))
            out << view->model()
                       ->headerData(logical, Qt::Horizontal)
                       .toString()
                       .section(QLatin1Char('\n'), 0, 0);
    }
    return out;
}

} // namespace

TEST_F(PlanSetsUi, TheChooserOffersYearsAndSavedSetsAndTheMatrixFollowsIt) {
    std::unique_ptr<WorkbenchData> data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    QComboBox* combo = w.planSetChooser()->combo();
    QStringList keys;
    for (int i = 0; i < combo->count(); ++i)
        keys << combo->itemData(i).toString();
    EXPECT_EQ(keys, (QStringList{QStringLiteral("latest"), QStringLiteral("all"), QStringLiteral("year:2023"),
                                 QStringLiteral("year:2022"), QStringLiteral("year:2021"),
                                 QStringLiteral("year:2019")}));
    EXPECT_EQ(w.matrixView()->model()->columnCount() - MatrixModel::FirstPlanColumn, 5);

    combo->setCurrentIndex(keys.indexOf(QStringLiteral("year:2019")));
    Q_EMIT combo->activated(combo->currentIndex());
    EXPECT_EQ(visiblePlanHeaders(w.matrixView()),
              (QStringList{QStringLiteral("重庆市"), QStringLiteral("大足区")}));

    // The plans on show saved as a set, which becomes the selection and an entry of the chooser.
    ASSERT_TRUE(w.planSetChooser()->saveCurrentAs(QStringLiteral("二〇一九")));
    EXPECT_EQ(wb.data().planSelection(), PlanSelection::named(QStringLiteral("二〇一九")));
    EXPECT_GE(combo->findData(QStringLiteral("set:二〇一九")), 0);
    EXPECT_EQ(combo->currentData().toString(), QStringLiteral("set:二〇一九"));
    EXPECT_EQ(w.matrixView()->model()->columnCount() - MatrixModel::FirstPlanColumn, 2);
}

TEST_F(PlanSetsUi, TheMatrixOrdersPlansByTheirTargetAndHidesChosenColumns) {
    std::unique_ptr<WorkbenchData> data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    MatrixView* view = w.matrixView();
    view->sortPlansByIndicator(QStringLiteral("wa.time"));
    // 用水 time, lower is better: 大足 4 … the municipal 7 … 渝中 8 (plans without a target last).
    const QStringList order = visiblePlanHeaders(view);
    ASSERT_EQ(order.size(), 5);
    QList<double> values;
    const int row = view->model()->rowOf(QStringLiteral("wa.time"));
    QHeaderView* h = view->table()->horizontalHeader();
    for (int visual = MatrixModel::FirstPlanColumn; visual < h->count(); ++visual) {
        const QVariant v = view->model()->index(row, h->logicalIndex(visual)).data(MatrixModel::SortRole);
        if (v.isValid())
            values << v.toDouble();
    }
    ASSERT_GE(values.size(), 3);
    EXPECT_TRUE(std::is_sorted(values.begin(), values.end()));

    // The column chooser lists every plan; unticking one hides its column.
    QMenu* menu = view->columnChooser()->menu();
    ASSERT_EQ(menu->actions().size(), 5);
    menu->actions().at(1)->setChecked(false);
    EXPECT_EQ(visiblePlanHeaders(view).size(), 4);
}

TEST_F(PlanSetsUi, TheAreaReportEndsWithTheDiffusionOfTheDistrictPlans) {
    std::unique_ptr<WorkbenchData> data = open();
    ReportBuilder builder(*data, QStringLiteral("2026-01-01T00:00:00"));
    const Result<ReportDocument> doc = builder.areaReport(QStringLiteral("water"));
    ASSERT_TRUE(doc.ok()) << doc.errorMessage().toStdString();
    const QString html = doc->html;
    ASSERT_TRUE(html.contains(QStringLiteral("传导：区县方案对上级方案的采纳")));
    // 大足 against the municipal plan it names: 80 measures, 9 municipal ones not taken up.
    const qsizetype at = html.indexOf(QStringLiteral("大足区 · dazu-2019"));
    ASSERT_GE(at, 0);
    EXPECT_TRUE(html.mid(at, 400).contains(QStringLiteral("重庆市 · chongqing-2019")));
    // Every district plan has a row; the municipal plan none of its own.
    for (const char* doc : {"jiangjin-2021", "wulong-2022", "yuzhong-2023"})
        EXPECT_TRUE(html.contains(QStringLiteral(" · ") + QString::fromLatin1(doc))) << doc;
    EXPECT_FALSE(html.contains(QStringLiteral("重庆市 · chongqing-2019</td><td>重庆市")));
}
