// The workbench on a database built from the seeds through the store's importer.
#include "app/workbench.h"
#include "data/databasedata.h"
#include "export/csv.h"
#include "mainwindow.h"
#include "models/comparisonmodel.h"
#include "models/matrixmodel.h"
#include "report/reportdocument.h"
#include "seeddb.h"
#include "testpaths.h"
#include "views/chartview.h"
#include "views/comparisonview.h"
#include "views/matrixview.h"

#include <QFile>
#include <QFileInfo>
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

// File → 导出数据表 writes the same tables as `plancompare-cli export`, formula cells defused.
TEST(GuiExport, TablesOfAHostilePlanAreDefusedInCsvAndStringsInXlsx) {
    QTemporaryDir dir;
    const QString plan = dir.filePath(QStringLiteral("hostile-2025.txt"));
    {
        QFile f(plan);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("某某县优化营商环境工作方案\n"
                "一、获得电力\n"
                "1.=WEBSERVICE(\"http://x.example/\")压减办电时间。低压小微企业办电时间压缩至5个工作日以内。"
                "（牵头单位：县发展改革委）\n"
                "2.@IMPORTXML(A1)降低办电成本。低压小微企业办电费用降低10%。（牵头单位：县供电公司）\n");
    }
    Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(dir.filePath(QStringLiteral("h.sqlite")));
    ASSERT_TRUE(data.ok()) << data.errorMessage().toStdString();
    const QList<ImportOutcome> out = data.value()->importFiles({plan}, {});
    ASSERT_EQ(out.size(), 1);
    ASSERT_EQ(int(out.first().state), int(ImportOutcome::State::Imported))
        << out.first().message.toStdString();

    const QString csvPath = dir.filePath(QStringLiteral("t.csv"));
    const Status st = data.value()->exportTables(QStringLiteral("csv"), csvPath, QString(), QString());
    ASSERT_TRUE(st.ok()) << st.errorMessage().toStdString();
    QFile f(csvPath);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = csv::parse(QString::fromUtf8(bytes.mid(3)));
    ASSERT_GE(rows.size(), 3); // header + the two targets
    int cells = 0;
    for (const QStringList& r : rows)
        for (const QString& cell : r) {
            ++cells;
            // The comparator column's lone "=" cannot run anything.
            EXPECT_FALSE((cell.startsWith(QLatin1Char('=')) && cell != QStringLiteral("=")) ||
                         cell.startsWith(QLatin1Char('@')) || cell.startsWith(QLatin1Char('+')))
                << cell.toStdString();
        }
    EXPECT_GT(cells, 20);

    const QString measuresCsv = dir.filePath(QStringLiteral("m.xlsx"));
    ASSERT_TRUE(data.value()->exportTables(QStringLiteral("xlsx"), measuresCsv, QString(), QString()).ok());
    EXPECT_GT(QFileInfo(measuresCsv).size(), 1000);
    const Status bad = data.value()->exportTables(
        QStringLiteral("ods"), dir.filePath(QStringLiteral("x.ods")), QString(), QString());
    EXPECT_FALSE(bad.ok());
    EXPECT_TRUE(bad.errorMessage().contains(QStringLiteral("x.ods")));
}
