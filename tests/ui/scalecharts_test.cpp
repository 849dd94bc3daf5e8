// Charts that scale: sorted bars for 41 jurisdictions with the municipal reference line, the
// distribution with its median, and the trend over years as step lines.
#include "chart/scalecharts.h"
#include "gazetteer/gazetteer.h"
#include "testpaths.h"

#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLineSeries>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace pc;
using namespace pc::ui;

namespace {

ComparisonRow row(const gazetteer::Jurisdiction& j, int year, double value, const QString& scope = {}) {
    ComparisonRow r;
    r.docId = j.shortName + QString::number(year);
    r.jurisdiction = j.name;
    r.level = j.level();
    r.year = year;
    r.docNumber = QStringLiteral("某发〔%1〕1号").arg(year);
    r.indicator = QStringLiteral("wa.time");
    r.kind = QStringLiteral("level");
    r.comparator = QStringLiteral("<=");
    r.value = value;
    r.unit = QStringLiteral("工作日");
    r.scope = scope;
    r.measureNumber = 3;
    return r;
}

// 重庆市 (7, and 5 for a scope) and the 38 districts and counties and two zones, values 2..12.
QList<ComparisonRow> fortyOne() {
    QList<ComparisonRow> rows;
    int i = 0, zones = 0;
    for (const gazetteer::Jurisdiction& j : gazetteer::all()) {
        if (j.kind == QLatin1String("zone") && zones++ >= 2)
            continue;
        if (j.kind == QLatin1String("municipality")) {
            rows << row(j, 2019, 7) << row(j, 2019, 5, QStringLiteral("水表口径DN100以下的用水接入"));
            continue;
        }
        rows << row(j, 2021, 2 + (i++ * 5) % 11);
    }
    return rows;
}

ChartStyle style() {
    ChartStyle s;
    s.title = QStringLiteral("用水报装时限");
    return s;
}

} // namespace

TEST(ScaleCharts, BarsAreSortedWithFullNamesScopesAndTheMunicipalReference) {
    const ScaleChartData d = ScaleCharts::dataFor(ScaleChartKind::Bars, fortyOne(), style());
    ASSERT_EQ(d.bars.size(), 42);
    for (qsizetype i = 1; i < d.bars.size(); ++i)
        EXPECT_LE(d.bars[i - 1].value, d.bars[i].value);
    QStringList labels;
    for (const RankedBar& b : d.bars)
        labels << b.label;
    EXPECT_TRUE(labels.contains(QStringLiteral("彭水苗族土家族自治县"))); // full names, not cut
    EXPECT_TRUE(labels.contains(QStringLiteral("重庆市 · 水表口径DN100以下的用…")));
    EXPECT_FALSE(labels.join(QLatin1Char('|')).contains(QStringLiteral("(2)")));
    ASSERT_TRUE(d.reference.has_value());
    EXPECT_EQ(*d.reference, 7.0); // the unscoped municipal target
    EXPECT_EQ(d.referenceLabel, QStringLiteral("市级目标 ≤ 7 工作日"));

    std::unique_ptr<QChart> chart(ScaleCharts::createChart(d, style()));
    auto* bars = qobject_cast<QHorizontalBarSeries*>(chart->series().first());
    ASSERT_NE(bars, nullptr);
    EXPECT_EQ(bars->barSets().first()->count(), 42);
    EXPECT_EQ(bars->barSets().first()->selectedBars().size(), 2); // the municipal bars stand out
    auto* line = qobject_cast<QLineSeries*>(chart->series().last());
    ASSERT_NE(line, nullptr);
    EXPECT_EQ(line->at(0).x(), 7.0);

    // Every bar gets 24 px: the document grows with the bars, and the line is drawn in its red.
    const QSizeF size = ScaleCharts::preferredSize(d);
    EXPECT_GE(size.height(), 42 * 24);
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    ScaleCharts::render(d, image, size, style());
    int red = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            red += c.red() > 170 && c.green() < 90 && c.blue() < 80;
        }
    EXPECT_GT(red, 100);
}

TEST(ScaleCharts, DistributionHasTheMedianAndQuartilesOfThePlottedPlans) {
    QList<ComparisonRow> rows;
    const gazetteer::Jurisdiction* dazu = gazetteer::find(QStringLiteral("大足区"));
    ASSERT_NE(dazu, nullptr);
    for (int v : {9, 1, 5, 3, 7}) {
        ComparisonRow r = row(*dazu, 2019 + v, v);
        r.docId = QStringLiteral("d%1").arg(v);
        rows << r;
    }
    ComparisonRow other = rows.first();
    other.unit = QStringLiteral("%");
    rows << other; // another unit: listed as not plotted
    const ScaleChartData d = ScaleCharts::dataFor(ScaleChartKind::Distribution, rows, style());
    ASSERT_TRUE(d.median.has_value());
    EXPECT_EQ(*d.median, 5.0);
    EXPECT_EQ(d.lowerQuartile, 3.0);
    EXPECT_EQ(d.upperQuartile, 7.0);
    EXPECT_EQ(d.minimum, 1.0);
    EXPECT_EQ(d.maximum, 9.0);
    EXPECT_EQ(d.notPlotted.size(), 1);
    std::unique_ptr<QChart> chart(ScaleCharts::createChart(d, style()));
    EXPECT_EQ(chart->series().first()->name(), QStringLiteral("中位数 5（n = 5）"));
}

TEST(ScaleCharts, TrendIsAStepLinePerJurisdictionOverTheDeadlines) {
    const gazetteer::Jurisdiction* dazu = gazetteer::find(QStringLiteral("大足区"));
    const gazetteer::Jurisdiction* yuzhong = gazetteer::find(QStringLiteral("渝中区"));
    QList<ComparisonRow> rows{row(*dazu, 2021, 5), row(*dazu, 2019, 8), row(*yuzhong, 2023, 4)};
    rows[0].deadline = QStringLiteral("2021-12");
    const ScaleChartData d = ScaleCharts::dataFor(ScaleChartKind::Trend, rows, style());
    ASSERT_EQ(d.lines.size(), 2);
    EXPECT_EQ(d.lines[0].label, QStringLiteral("大足区")); // the one with a history first
    ASSERT_EQ(d.lines[0].points.size(), 2);
    EXPECT_EQ(d.lines[0].points[0].x, 2019.0);
    EXPECT_EQ(d.lines[0].points[0].value, 8.0);
    EXPECT_NEAR(d.lines[0].points[1].x, 2021.0 + 11.0 / 12.0, 1e-9);
    std::unique_ptr<QChart> chart(ScaleCharts::createChart(d, style()));
    auto* line = qobject_cast<QLineSeries*>(chart->series().first());
    ASSERT_NE(line, nullptr);
    // Step: 8 holds until the next deadline, then 5.
    ASSERT_EQ(line->count(), 3);
    EXPECT_EQ(line->at(1).y(), 8.0);
    EXPECT_EQ(line->at(2).y(), 5.0);
}

TEST(ScaleCharts, ExportsPngSvgAndPdfAtTheSizeTheBarsNeed) {
    QTemporaryDir dir;
    const ScaleChartData d = ScaleCharts::dataFor(ScaleChartKind::Bars, fortyOne(), style());
    for (const char* suffix : {"png", "svg", "pdf"}) {
        const QString path = dir.filePath(QStringLiteral("bars.") + QString::fromLatin1(suffix));
        ASSERT_TRUE(ScaleCharts::write(d, path, style()).ok()) << suffix;
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        EXPECT_GT(f.size(), 1000) << suffix;
    }
    const QImage png(dir.filePath(QStringLiteral("bars.png")));
    EXPECT_EQ(png.height(), int(ScaleCharts::preferredSize(d).height()));
    EXPECT_FALSE(ScaleCharts::write(d, dir.filePath(QStringLiteral("bars.bmp")), style()).ok());
}
