// Table models over hand-built rows: contents, sort roles, colours, corrections through undo.
#include "data/corrections.h"
#include "fakedata.h"
#include "models/ambition.h"
#include "models/comparisonmodel.h"
#include "models/matrixmodel.h"
#include "models/measuresmodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

MatrixInput matrixInput(test::FakeData& data) {
    MatrixInput in;
    in.areas = data.areas();
    in.plans = data.plans().value();
    for (const Indicator& ind : data.indicators()) {
        const QList<ComparisonRow> rows = data.rows(ind.id).value();
        if (rows.isEmpty() && ind.id != QLatin1String("wa.time"))
            continue;
        in.indicators << ind;
        in.rows.insert(ind.id, rows);
    }
    in.coverage = data.coverage(QStringLiteral("water")).value();
    return in;
}

} // namespace

TEST(MatrixModel, ShowsTargetsPerPlanWithMentionsAndEmptyCells) {
    test::FakeData data;
    MatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setInput(matrixInput(data));
    ASSERT_EQ(model.rowCount(), 2); // wa.time, ga.time (wa.price has no rows)
    ASSERT_EQ(model.columnCount(), 2 + 4);
    const int wa = model.rowOf(QStringLiteral("wa.time"));
    ASSERT_EQ(wa, 0);
    EXPECT_EQ(model.index(wa, MatrixModel::AreaColumn).data().toString(), QStringLiteral("获得用水"));
    EXPECT_EQ(model.index(wa, MatrixModel::IndicatorColumn).data().toString(),
              QStringLiteral("用水报装时限"));
    // Columns: 重庆市, 江津区, 武隆区, 渝中区.
    EXPECT_EQ(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("重庆市\n2019"));
    const QModelIndex yuzhong = model.index(wa, MatrixModel::FirstPlanColumn + 3);
    EXPECT_EQ(yuzhong.data().toString(), QStringLiteral("≤ 8 工作日\n2023-12"));
    EXPECT_EQ(yuzhong.data(MatrixModel::SortRole).toDouble(), 8.0);
    EXPECT_TRUE(yuzhong.data(Qt::ToolTipRole).toString().contains(QStringLiteral("不超过")));
    const QModelIndex wulong = model.index(wa, MatrixModel::FirstPlanColumn + 2);
    EXPECT_EQ(wulong.data().toString(), QStringLiteral("提及，未设数值"));
    EXPECT_EQ(wulong.data(MatrixModel::CoverageRole).toInt(), int(Coverage::MentionedNoNumber));
    EXPECT_FALSE(wulong.data(MatrixModel::SortRole).isValid());
    // Ambition: lower is better for time: 重庆市 7 best (1.0), 江津区 9 worst (0.0), 渝中区 8 in between.
    EXPECT_DOUBLE_EQ(model.index(wa, 2).data(MatrixModel::AmbitionRole).toDouble(), 1.0);
    EXPECT_DOUBLE_EQ(model.index(wa, 3).data(MatrixModel::AmbitionRole).toDouble(), 0.0);
    EXPECT_DOUBLE_EQ(yuzhong.data(MatrixModel::AmbitionRole).toDouble(), 0.5);
    EXPECT_NE(model.index(wa, 2).data(Qt::BackgroundRole), model.index(wa, 3).data(Qt::BackgroundRole));
    // ga.time has a single value: nothing to rank against, so no colour.
    EXPECT_FALSE(model.index(1, 5).data(MatrixModel::AmbitionRole).isValid());
}

TEST(MatrixModel, SortsCellsByRawNumber) {
    test::FakeData data;
    MatrixModel model;
    MatrixInput in = matrixInput(data);
    model.setInput(in);
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.setSortRole(MatrixModel::SortRole);
    proxy.sort(MatrixModel::FirstPlanColumn + 3, Qt::DescendingOrder); // 渝中区: ga 10 before wa 8
    EXPECT_EQ(proxy.index(0, MatrixModel::IndicatorColumn).data().toString(),
              QStringLiteral("用气报装总时限"));
    proxy.sort(MatrixModel::FirstPlanColumn + 3, Qt::AscendingOrder);
    EXPECT_EQ(proxy.index(0, MatrixModel::IndicatorColumn).data().toString(), QStringLiteral("用水报装时限"));
}

// Many plans: each row lands in its own plan's column (by document id; a plan not stored, id 0, by its
// doc id), a cell keeps its rows in order, and the last coverage cell listed for a plan wins.
TEST(MatrixModel, PlacesEachRowInItsPlansColumnAmongManyPlans) {
    test::FakeData data;
    MatrixInput in;
    in.areas = data.areas();
    for (const Indicator& ind : data.indicators())
        if (ind.id == QLatin1String("wa.time"))
            in.indicators << ind;
    ASSERT_EQ(in.indicators.size(), 1);
    const auto row = [](qint64 documentId, const QString& docId, double value) {
        ComparisonRow r;
        r.documentId = documentId;
        r.docId = docId;
        r.indicator = QStringLiteral("wa.time");
        r.kind = QStringLiteral("level");
        r.comparator = QStringLiteral("<=");
        r.unit = QStringLiteral("工作日");
        r.value = value;
        return r;
    };
    QList<ComparisonRow> rows;
    for (int i = 0; i < 300; ++i) {
        PlanInfo p;
        p.docId = QStringLiteral("p%1").arg(i);
        p.documentId = i == 7 ? 0 : i + 1;
        p.jurisdiction = QStringLiteral("区%1").arg(i);
        p.year = 2020;
        in.plans << p;
        if (i % 3 == 0)
            rows << row(i + 1, p.docId, i);
    }
    rows << row(0, QStringLiteral("p7"), 70) << row(0, QStringLiteral("p7"), 71);
    in.rows.insert(QStringLiteral("wa.time"), rows);
    const auto cell = [](const QString& docId, Coverage c) {
        CoverageCell cc;
        cc.indicator = QStringLiteral("wa.time");
        cc.docId = docId;
        cc.coverage = c;
        return cc;
    };
    in.coverage << cell(QStringLiteral("p2"), Coverage::MentionedNoNumber)
                << cell(QStringLiteral("p4"), Coverage::Silent)
                << cell(QStringLiteral("p4"), Coverage::MentionedNoNumber)
                << cell(QStringLiteral("p5"), Coverage::MentionedNoNumber)
                << cell(QStringLiteral("p5"), Coverage::Silent);
    MatrixModel model;
    model.setInput(in);
    ASSERT_EQ(model.columnCount(), MatrixModel::FirstPlanColumn + 300);
    for (int i = 0; i < 300; ++i) {
        const QList<ComparisonRow> cellRows = model.cellRows(0, MatrixModel::FirstPlanColumn + i);
        if (i == 7) {
            ASSERT_EQ(cellRows.size(), 2);
            EXPECT_EQ(cellRows.at(0).value, 70.0);
            EXPECT_EQ(cellRows.at(1).value, 71.0);
        } else if (i % 3 == 0) {
            ASSERT_EQ(cellRows.size(), 1) << i;
            EXPECT_EQ(cellRows.at(0).value, double(i));
        } else {
            EXPECT_TRUE(cellRows.isEmpty()) << i;
        }
    }
    const auto coverageOf = [&](int plan) {
        return model.index(0, MatrixModel::FirstPlanColumn + plan).data(MatrixModel::CoverageRole).toInt();
    };
    EXPECT_EQ(coverageOf(2), int(Coverage::MentionedNoNumber));
    EXPECT_EQ(coverageOf(4), int(Coverage::MentionedNoNumber));
    EXPECT_EQ(coverageOf(5), int(Coverage::Silent));
    EXPECT_EQ(coverageOf(1), int(Coverage::Silent));
    EXPECT_EQ(coverageOf(3), int(Coverage::NumberSet)); // a row and no coverage cell
}

TEST(Ambition, ReductionsRankByLargerCutWhateverTheDirection) {
    ComparisonRow a, b;
    a.kind = b.kind = QStringLiteral("reduce_by");
    a.unit = b.unit = QStringLiteral("%");
    a.value = 30;
    b.value = 50;
    const auto s = ambition({a, b}, Direction::Lower);
    EXPECT_DOUBLE_EQ(*s.at(0), 0.0);
    EXPECT_DOUBLE_EQ(*s.at(1), 1.0);
    ComparisonRow c = a;
    c.kind = QStringLiteral("level");
    c.unit = QStringLiteral("工作日");
    const auto mixed = ambition({a, c}, Direction::Lower); // different kinds: not comparable
    EXPECT_FALSE(mixed.at(0).has_value());
    EXPECT_FALSE(mixed.at(1).has_value());
}

TEST(ComparisonModel, ListsWaterTimeRowsInComparisonOrder) {
    test::FakeData data;
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(QStringLiteral("wa.time"), data.rows(QStringLiteral("wa.time")).value(), Direction::Lower);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, ComparisonModel::JurisdictionColumn).data().toString(),
              QStringLiteral("重庆市"));
    EXPECT_EQ(model.index(1, ComparisonModel::JurisdictionColumn).data().toString(),
              QStringLiteral("江津区"));
    EXPECT_EQ(model.index(2, ComparisonModel::JurisdictionColumn).data().toString(),
              QStringLiteral("渝中区"));
    EXPECT_EQ(model.index(0, ComparisonModel::TargetColumn).data().toString(), QStringLiteral("≤ 7 工作日"));
    EXPECT_EQ(model.index(0, ComparisonModel::BaselineColumn).data().toString(), QStringLiteral("12 → 7"));
    EXPECT_EQ(model.index(0, ComparisonModel::ComparatorColumn).data().toString(), QStringLiteral("≤"));
    EXPECT_EQ(model.index(0, ComparisonModel::DocNumberColumn).data().toString(),
              QStringLiteral("渝府办发〔2019〕81号"));
    EXPECT_EQ(model.index(2, ComparisonModel::ValueColumn).data(ComparisonModel::SortRole).toDouble(), 8.0);
    const QString html =
        model.index(2, ComparisonModel::SentenceColumn).data(ComparisonModel::HtmlRole).toString();
    EXPECT_TRUE(html.contains(QStringLiteral("font-weight:bold;\">8</span>"))) << html.toStdString();
    // Without corrections the model is read-only.
    EXPECT_FALSE(model.flags(model.index(0, ComparisonModel::ValueColumn)) & Qt::ItemIsEditable);
}

TEST(ComparisonModel, CorrectionThroughTheModelSurvivesAReloadAndUndoes) {
    test::FakeData data;
    Corrections corrections(data);
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCorrections(&corrections);
    auto reload = [&] {
        model.setRows(QStringLiteral("wa.time"), data.rows(QStringLiteral("wa.time")).value(),
                      Direction::Lower);
    };
    QObject::connect(&corrections, &Corrections::changed, &model, reload);
    reload();
    ASSERT_TRUE(model.flags(model.index(1, ComparisonModel::ValueColumn)) & Qt::ItemIsEditable);
    EXPECT_FALSE(model.setData(model.index(1, ComparisonModel::ValueColumn), QStringLiteral("abc")));
    ASSERT_TRUE(model.setData(model.index(1, ComparisonModel::ValueColumn), 6));
    EXPECT_EQ(model.index(1, ComparisonModel::TargetColumn).data().toString(),
              QStringLiteral("≤ 6 工作日 ✎"));
    // A fresh model over the same store sees the correction.
    ComparisonModel fresh;
    fresh.setRows(QStringLiteral("wa.time"), data.rows(QStringLiteral("wa.time")).value(), Direction::Lower);
    EXPECT_EQ(fresh.index(1, ComparisonModel::ValueColumn).data().toString(), QStringLiteral("6"));
    EXPECT_TRUE(fresh.index(1, 0).data(ComparisonModel::CorrectedRole).toBool());
    corrections.undoStack()->undo();
    EXPECT_EQ(model.index(1, ComparisonModel::ValueColumn).data().toString(), QStringLiteral("9"));
    corrections.undoStack()->redo();
    EXPECT_EQ(model.index(1, ComparisonModel::ValueColumn).data().toString(), QStringLiteral("6"));

    ASSERT_TRUE(corrections.markNotTarget(*model.rowAt(0)));
    EXPECT_EQ(model.rowCount(), 2);
    corrections.undoStack()->undo();
    EXPECT_EQ(model.rowCount(), 3);

    ASSERT_TRUE(corrections.changeIndicator(*model.rowAt(2), QStringLiteral("ga.time")));
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(data.rows(QStringLiteral("ga.time"))->size(), 2);
}

TEST(MeasuresModel, FiltersByJurisdictionAreaAndSearchHits) {
    QList<MeasureRow> rows;
    rows << MeasureRow{1,
                       QStringLiteral("yuzhong-2023"),
                       QStringLiteral("渝中区"),
                       QStringLiteral("district"),
                       QStringLiteral("water"),
                       20,
                       QStringLiteral("用水报装"),
                       QStringLiteral("用水报装全流程不超过8个工作日"),
                       {QStringLiteral("区城市管理局")},
                       {},
                       QStringLiteral("2023-12"),
                       0,
                       10};
    rows << MeasureRow{2,
                       QStringLiteral("chongqing-2019"),
                       QStringLiteral("重庆市"),
                       QStringLiteral("municipal"),
                       QStringLiteral("gas"),
                       3,
                       QStringLiteral("用气"),
                       QStringLiteral("用气报装"),
                       {QStringLiteral("市能源局")},
                       {QStringLiteral("市住房城乡建委"), QStringLiteral("市规划自然资源局")},
                       QString(),
                       0,
                       10};
    MeasuresModel model;
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMeasures(
        rows,
        {Area{QStringLiteral("water"), QStringLiteral("获得用水"), QStringLiteral("Getting water"), {}}},
        {QStringLiteral("chongqing-2019"), QStringLiteral("yuzhong-2023")});
    EXPECT_EQ(model.index(1, MeasuresModel::PartnersColumn).data().toString(),
              QStringLiteral("市住房城乡建委；市规划自然资源局"));
    EXPECT_EQ(model.index(0, MeasuresModel::AreaColumn).data().toString(), QStringLiteral("获得用水"));
    MeasuresFilter filter;
    QAbstractItemModelTester t2(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    filter.setSourceModel(&model);
    filter.sort(MeasuresModel::JurisdictionColumn);
    EXPECT_EQ(filter.index(0, 0).data().toString(), QStringLiteral("重庆市")); // municipal first
    filter.setArea(QStringLiteral("water"));
    ASSERT_EQ(filter.rowCount(), 1);
    filter.setArea({});
    filter.setSearchHits(QList<SearchHit>{{2, 0.5, {}}});
    ASSERT_EQ(filter.rowCount(), 1);
    EXPECT_EQ(filter.index(0, MeasuresModel::NumberColumn).data().toInt(), 3);
    filter.setSearchHits(std::nullopt);
    filter.setJurisdiction(QStringLiteral("渝中区"));
    ASSERT_EQ(filter.rowCount(), 1);
}
