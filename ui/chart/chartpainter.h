// The one chart painter: a bar per jurisdiction (or a baseline/target pair) for one indicator,
// used by the Chart view, exports, the printed report, --screenshot and `plancompare-cli chart`.
#pragma once

#include "chartstyle.h"
#include "compare/comparison.h"

#include <QList>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>

class QPaintDevice;

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace pc::ui {

// The unit most level targets among `rows` use (null when none is a level target with a value).
QString mostCommonLevelUnit(const QList<ComparisonRow>& rows);

struct ChartBar {
    QString label; // 渝中区 (Yuzhong District), or 渝中区·scope when a plan sets several
    std::optional<double> baseline;
    double target = 0;
    QString deadline;
    bool operator==(const ChartBar&) const = default;
};

// What the chart shows, derived from comparison rows: only rows with a number in the chart's unit.
struct ChartSeriesData {
    QString title;
    QString unit;      // as stored (工作日): which rows are plotted
    QString unitLabel; // the value axis title in the chart's language (working days)
    QList<ChartBar> bars;
    bool hasBaselines = false;
    QStringList sources;    // 辖区 · 文号 · date of every plotted row
    QStringList notPlotted; // "江津区（提及，未设数值）", "重庆市（压减 50%，单位不同）"
    bool operator==(const ChartSeriesData&) const = default;
};

class ChartPainter {
public:
    static ChartSeriesData seriesFor(const QList<ComparisonRow>& rows, const ChartStyle& style);
    // A new QChart (caller owns) with fonts, axes and labels set; used by the interactive view.
    static QChart* createChart(const ChartSeriesData& data, const ChartStyle& style);
    // Paints the document of logical size `size` scaled to fill `device` (aspect ratio kept).
    static void render(const ChartSeriesData& data, QPaintDevice& device, const QSizeF& size,
                       const ChartStyle& style);
    static void render(const QList<ComparisonRow>& rows, QPaintDevice& device, const QSizeF& size,
                       const ChartStyle& style) {
        render(seriesFor(rows, style), device, size, style);
    }
    // Height of the source footer for a document of width `width`.
    static qreal footerHeight(const ChartSeriesData& data, const ChartStyle& style);
};

} // namespace pc::ui
