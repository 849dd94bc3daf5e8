// The chart painter's series and its PNG/SVG/PDF exports.
#include "chart/chartexport.h"
#include "chart/chartpainter.h"
#include "chart/timelinepainter.h"
#include "fakedata.h"
#include "testpaths.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDomDocument>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace pc;
using namespace pc::ui;

namespace {

ChartStyle waterStyle() {
    ChartStyle s;
    s.title = QStringLiteral("用水报装时限");
    return s;
}

} // namespace

TEST(ChartPainter, OneBarPerPlanWithBaselinesAndUnit) {
    test::FakeData data;
    QList<ComparisonRow> rows = data.rows(QStringLiteral("wa.time")).value();
    ComparisonRow mention = rows.first();
    mention.jurisdiction = QStringLiteral("武隆区");
    mention.value.reset();
    rows << mention;
    const ChartSeriesData d = ChartPainter::seriesFor(rows, waterStyle());
    EXPECT_EQ(d.unit, QStringLiteral("工作日"));
    ASSERT_EQ(d.bars.size(), 3);
    EXPECT_EQ(d.bars.at(0).label, QStringLiteral("重庆市"));
    EXPECT_EQ(d.bars.at(0).target, 7.0);
    EXPECT_EQ(d.bars.at(0).baseline, 12.0);
    EXPECT_EQ(d.bars.at(2).label, QStringLiteral("渝中区"));
    EXPECT_EQ(d.bars.at(2).target, 8.0);
    EXPECT_TRUE(d.hasBaselines);
    EXPECT_EQ(d.notPlotted, QStringList{QStringLiteral("武隆区（提及，未设数值）")});
    EXPECT_EQ(d.sources.size(), 3);
    EXPECT_EQ(d.sources.first(), QStringLiteral("重庆市 · 渝府办发〔2019〕81号 · 2019-07-23"));

    std::unique_ptr<QChart> chart(ChartPainter::createChart(d, waterStyle()));
    ASSERT_EQ(chart->series().size(), 1);
    auto* series = qobject_cast<QBarSeries*>(chart->series().first());
    ASSERT_NE(series, nullptr);
    ASSERT_EQ(series->count(), 2); // 基线, 目标
    EXPECT_EQ(series->barSets().at(0)->label(), QStringLiteral("基线"));
    EXPECT_EQ(series->barSets().at(1)->at(0), 7.0);
    EXPECT_EQ(series->barSets().at(1)->at(1), 9.0);
    EXPECT_EQ(series->barSets().at(1)->at(2), 8.0);
    EXPECT_EQ(series->barSets().at(0)->at(0), 12.0);
    EXPECT_EQ(chart->title(), QStringLiteral("用水报装时限"));
}

TEST(ChartPainter, DifferentUnitsAreNotPlottedTogether) {
    test::FakeData data;
    QList<ComparisonRow> rows = data.rows(QStringLiteral("wa.time")).value();
    rows[1].kind = QStringLiteral("reduce_by");
    rows[1].unit = QStringLiteral("%");
    rows[1].value = 50;
    const ChartSeriesData d = ChartPainter::seriesFor(rows, waterStyle());
    ASSERT_EQ(d.bars.size(), 2);
    EXPECT_EQ(d.notPlotted, QStringList{QStringLiteral("江津区（压减 ≤ 50%，口径不同）")});
}

TEST(ChartExport, WritesValidPngSvgAndPdfAtTheRequestedSize) {
    test::FakeData data;
    const ChartSeriesData d =
        ChartPainter::seriesFor(data.rows(QStringLiteral("wa.time")).value(), waterStyle());
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ChartExportOptions opt;
    opt.size = QSizeF(640, 400);
    opt.dpi = 192;

    const QString png = dir.filePath(QStringLiteral("c.png"));
    ASSERT_TRUE(ChartExport::write(d, png, waterStyle(), opt).ok());
    const QByteArray pngBytes = test::readAll(png);
    EXPECT_TRUE(pngBytes.startsWith("\x89PNG\r\n\x1a\n"));
    const QImage image(png);
    EXPECT_EQ(image.size(), QSize(1280, 800));
    EXPECT_EQ(image.pixelColor(2, 2), QColor(Qt::white));
    // The target bars are painted in the style's colour somewhere in the middle band.
    int blue = 0;
    for (int y = 200; y < 700; y += 4)
        for (int x = 100; x < 1200; x += 4)
            if (image.pixelColor(x, y) == waterStyle().targetColor)
                ++blue;
    EXPECT_GT(blue, 500);

    const QString svg = dir.filePath(QStringLiteral("c.svg"));
    ASSERT_TRUE(ChartExport::write(d, svg, waterStyle(), opt).ok());
    QDomDocument dom;
    ASSERT_TRUE(dom.setContent(test::readAll(svg)));
    EXPECT_EQ(dom.documentElement().tagName(), QStringLiteral("svg"));
    EXPECT_EQ(dom.documentElement().elementsByTagName(QStringLiteral("title")).at(0).toElement().text(),
              QStringLiteral("用水报装时限"));
    EXPECT_TRUE(dom.toString().contains(QStringLiteral("渝府办发〔2019〕81号")));
    EXPECT_TRUE(
        dom.documentElement().attribute(QStringLiteral("viewBox")).startsWith(QStringLiteral("0 0 640 400")));

    const QString pdf = dir.filePath(QStringLiteral("c.pdf"));
    ASSERT_TRUE(ChartExport::write(d, pdf, waterStyle(), opt).ok());
    const QByteArray pdfBytes = test::readAll(pdf);
    EXPECT_TRUE(pdfBytes.startsWith("%PDF-"));
    EXPECT_TRUE(pdfBytes.contains("/MediaBox [0 0 480.000000 300.000000]"));
    const test::RunResult text = test::run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.outText().contains(QStringLiteral("用水报装时限")));
    EXPECT_TRUE(text.outText().contains(QStringLiteral("渝中区")));
    const test::RunResult fonts = test::run(QStringLiteral("pdffonts"), {pdf});
    EXPECT_TRUE(fonts.outText().contains(QStringLiteral("NotoSansCJKsc"))) << fonts.outText().toStdString();

    EXPECT_FALSE(ChartExport::write(d, dir.filePath(QStringLiteral("c.bmp")), waterStyle(), opt).ok());
}

TEST(TimelinePainter, PaintsOneLanePerJurisdictionWithADeadline) {
    test::FakeData data;
    QImage image(600, 240, QImage::Format_ARGB32_Premultiplied);
    TimelinePainter::render(data.rows(QStringLiteral("wa.time")).value(), image, QSizeF(600, 240),
                            waterStyle());
    // Two dated targets (2020-12, 2023-12): two dots in the target colour.
    int dots = 0;
    for (int y = 0; y < 240; ++y)
        for (int x = 0; x < 600; ++x)
            if (image.pixelColor(x, y) == waterStyle().targetColor)
                ++dots;
    EXPECT_GT(dots, 40);
}
