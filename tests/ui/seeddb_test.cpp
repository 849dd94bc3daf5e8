// The workbench on a database built from the seeds through the store's importer.
#include "app/workbench.h"
#include "data/databasedata.h"
#include "mainwindow.h"
#include "models/comparisonmodel.h"
#include "models/matrixmodel.h"
#include "report/reportdocument.h"
#include "seeddb.h"
#include "testpaths.h"
#include "views/chartview.h"
#include "views/comparisonview.h"
#include "views/matrixview.h"

#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

using test::SeedDb;

QList<ComparisonRow> waterRows(WorkbenchData& data) {
    return data.rows(QStringLiteral("wa.time")).value();
}

int column(const MatrixModel& m, const QString& jurisdiction) {
    for (int c = MatrixModel::FirstPlanColumn; c < m.columnCount(); ++c)
        if (m.headerData(c, Qt::Horizontal).toString().startsWith(jurisdiction))
            return c;
    return -1;
}

} // namespace

TEST_F(SeedDb, MatrixShowsYuzhongWaterConnectionEightWorkingDays) {
    auto data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    const MatrixModel& m = *w.matrixView()->model();
    ASSERT_EQ(m.columnCount(), MatrixModel::FirstPlanColumn + 5);
    EXPECT_TRUE(m.headerData(MatrixModel::FirstPlanColumn, Qt::Horizontal)
                    .toString()
                    .startsWith(QStringLiteral("重庆市")));
    const int row = m.rowOf(QStringLiteral("wa.time"));
    ASSERT_GE(row, 0);
    const int yuzhong = column(m, QStringLiteral("渝中区"));
    ASSERT_GE(yuzhong, 0);
    const QModelIndex cell = m.index(row, yuzhong);
    EXPECT_TRUE(cell.data().toString().startsWith(QStringLiteral("≤ 8 工作日")))
        << cell.data().toString().toStdString();
    EXPECT_EQ(cell.data(MatrixModel::SortRole).toDouble(), 8.0);
    EXPECT_TRUE(
        cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("用水报装全流程办理时限不超过")));
}

TEST_F(SeedDb, ComparisonRowsForWaterTimeAreMunicipalFirst) {
    auto data = open();
    Workbench wb(*data);
    MainWindow w(wb);
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    const ComparisonModel& m = *w.comparisonView()->model();
    ASSERT_GE(m.rowCount(), 3);
    EXPECT_EQ(m.rowAt(0)->level, QStringLiteral("municipal"));
    EXPECT_EQ(m.rowAt(0)->jurisdiction, QStringLiteral("重庆市"));
    bool sawDistrict = false;
    QStringList jurisdictions;
    for (int i = 0; i < m.rowCount(); ++i) {
        sawDistrict = sawDistrict || m.rowAt(i)->level == QLatin1String("district");
        EXPECT_FALSE(sawDistrict && m.rowAt(i)->level == QLatin1String("municipal"))
            << "municipal after a district";
        jurisdictions << m.rowAt(i)->jurisdiction;
    }
    EXPECT_TRUE(jurisdictions.contains(QStringLiteral("江津区")));
    EXPECT_TRUE(jurisdictions.contains(QStringLiteral("渝中区")));
    // The 渝中区 row cites its plan.
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.rowAt(i)->jurisdiction == QStringLiteral("渝中区")) {
            EXPECT_EQ(m.index(i, ComparisonModel::DocNumberColumn).data().toString(),
                      QStringLiteral("渝中府办〔2023〕32号"));
            EXPECT_EQ(m.index(i, ComparisonModel::ValueColumn).data().toString(), QStringLiteral("8"));
        }
    // The chart has a bar of 8 for 渝中区 in 工作日.
    const ChartSeriesData& s = w.chartView()->series();
    EXPECT_EQ(s.unit, QStringLiteral("工作日"));
    bool yuzhong = false;
    for (const ChartBar& b : s.bars)
        yuzhong = yuzhong || (b.label.startsWith(QStringLiteral("渝中区")) && b.target == 8.0);
    EXPECT_TRUE(yuzhong);
}

TEST_F(SeedDb, CorrectionThroughTheModelSurvivesReopeningTheDatabase) {
    qint64 target = 0;
    {
        auto data = open();
        Workbench wb(*data);
        ComparisonModel model;
        model.setCorrections(wb.corrections());
        auto reload = [&] {
            model.setRows(QStringLiteral("wa.time"), data->rows(QStringLiteral("wa.time")).value(),
                          Direction::Lower);
        };
        QObject::connect(wb.corrections(), &Corrections::changed, &model, reload);
        reload();
        int row = -1;
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.rowAt(i)->jurisdiction == QStringLiteral("江津区"))
                row = i;
        ASSERT_GE(row, 0) << model.rowCount() << " " << data->rows(QStringLiteral("wa.time"))->size();
        target = model.rowAt(row)->targetId;
        ASSERT_TRUE(model.setData(model.index(row, ComparisonModel::ValueColumn), 6))
            << wb.corrections()->lastError().toStdString();
        ASSERT_TRUE(
            model.setData(model.index(row, ComparisonModel::DeadlineColumn), QStringLiteral("2021-12")));
    }
    auto data = open();
    bool found = false;
    for (const ComparisonRow& r : waterRows(*data))
        if (r.targetId == target) {
            found = true;
            EXPECT_EQ(r.value, 6.0);
            EXPECT_EQ(r.deadline, QStringLiteral("2021-12"));
            EXPECT_TRUE(r.corrected);
        }
    EXPECT_TRUE(found);
    // Undo in a new session is not possible, but the corrections can be removed: undo within one.
    Workbench wb(*data);
    ComparisonRow row;
    for (const ComparisonRow& r : waterRows(*data))
        if (r.targetId == target)
            row = r;
    ASSERT_TRUE(wb.corrections()->markNotTarget(row));
    for (const ComparisonRow& r : waterRows(*data))
        EXPECT_NE(r.targetId, target);
    wb.corrections()->undoStack()->undo();
    int back = 0;
    for (const ComparisonRow& r : waterRows(*data))
        back += r.targetId == target;
    EXPECT_EQ(back, 1);
}

TEST_F(SeedDb, IndicatorReportOnTheSeedsCitesEveryPlan) {
    auto data = open();
    ReportBuilder builder(*data, QStringLiteral("2026-01-02 03:04"));
    const Result<ReportDocument> doc = builder.indicatorReport(QStringLiteral("wa.time"));
    ASSERT_TRUE(doc.ok());
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("wa.pdf"));
    ASSERT_TRUE(doc->write(pdf).ok());
    const QString text = test::run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).outText();
    for (const QString& s :
         {QStringLiteral("用水报装时限"), QStringLiteral("渝府办发〔2019〕81号"),
          QStringLiteral("渝中府办〔2023〕32号"), QStringLiteral("江津府办发〔2021〕113号"),
          QStringLiteral("用水报装全流程办理时限不超过8个工作日")})
        EXPECT_TRUE(text.contains(s)) << s.toStdString();
}
