// The diffusion view (传导) on the seeds: 大足 against the municipal plan, filters, the summary of every
// plan, and the character differences of a pair.
#include "app/workbench.h"
#include "mainwindow.h"
#include "models/diffusionmodel.h"
#include "seeddb.h"
#include "views/diffusionview.h"

#include <QComboBox>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;
using test::SeedDb;

TEST_F(SeedDb, DiffusionViewAlignsDazuWithTheMunicipalPlan) {
    auto data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    ASSERT_TRUE(w.setView(QStringLiteral("diffusion")));
    DiffusionView* v = w.diffusionView();
    v->reload();
    // Default: the first district plan (大足, pinyin order) against the municipal plan.
    EXPECT_EQ(v->againstBox()->currentData().toString(), QStringLiteral("chongqing-2019"));
    EXPECT_EQ(v->planBox()->currentData().toString(), QStringLiteral("dazu-2019"));
    const DiffusionModel& m = *v->model();
    const align::Summary& s = m.alignment().summary;
    EXPECT_EQ(s.adopted + s.adapted + s.fresh, 80);
    EXPECT_EQ(m.rowCount(), 80 + s.notTakenUp);
    EXPECT_TRUE(v->summaryLabel()->text().contains(QStringLiteral("新增 %1").arg(s.fresh)))
        << v->summaryLabel()->text().toStdString();

    // Measure 3 (降低开办企业费用) takes up municipal measure 3: adopted.
    const QModelIndex third = m.index(2, DiffusionModel::RelationColumn);
    EXPECT_EQ(m.index(2, DiffusionModel::AgainstNumberColumn).data().toInt(), 3);
    EXPECT_EQ(third.data().toString(), QStringLiteral("采纳"));
    // Measure 2's municipal title is the fragment 压减: 大足's title is offered, marked as inferred.
    EXPECT_EQ(m.index(1, DiffusionModel::AgainstTitleColumn).data().toString(),
              QStringLiteral("压减（推断：压减企业开办耗时）"));

    // Filters.
    v->showBox()->setCurrentIndex(v->showBox()->findData(int(DiffusionFilter::Show::New)));
    EXPECT_EQ(v->filter()->rowCount(), s.fresh);
    v->showBox()->setCurrentIndex(v->showBox()->findData(int(DiffusionFilter::Show::NotTakenUp)));
    EXPECT_EQ(v->filter()->rowCount(), s.notTakenUp);
    v->showBox()->setCurrentIndex(v->showBox()->findData(int(DiffusionFilter::Show::Stricter)));
    ASSERT_GE(v->filter()->rowCount(), 1);
    EXPECT_EQ(v->filter()->index(0, DiffusionModel::NumberColumn).data().toInt(), 17); // 用水 4 vs 7 工作日
    v->showBox()->setCurrentIndex(0);

    // The summary lists every other plan against the municipal one.
    ASSERT_EQ(v->summaryTable()->rowCount(), 4);
    EXPECT_EQ(v->summaryTable()->item(0, 0)->text(), QStringLiteral("大足区"));
    EXPECT_EQ(v->summaryTable()->item(0, 2)->data(Qt::DisplayRole).toInt(), s.adopted);

    // A pair in the text panes: titles, and the changed parts marked.
    v->showPair(2);
    EXPECT_TRUE(v->planText()->toPlainText().startsWith(QStringLiteral("3 降低开办企业费用")));
    EXPECT_TRUE(v->againstText()->toPlainText().startsWith(QStringLiteral("3 降低开办企业费用")));
    v->showPair(0);
    EXPECT_TRUE(v->planText()->toHtml().contains(QStringLiteral("background-color:#c8f0c8")));

    // Choosing another plan aligns it.
    v->planBox()->setCurrentIndex(v->planBox()->findData(QStringLiteral("yuzhong-2023")));
    EXPECT_EQ(m.alignment().docId, QStringLiteral("yuzhong-2023"));
    EXPECT_EQ(m.alignment().summary.adopted + m.alignment().summary.adapted + m.alignment().summary.fresh,
              90);
}
