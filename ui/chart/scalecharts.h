// Charts that stay readable for 40 jurisdictions and many years (Qt Charts, like ChartPainter):
// sorted horizontal bars with the municipal target as a reference line, the distribution of one
// indicator across plans (box plot with its median, and every plan as a point), and the trend of an
// indicator over the years per jurisdiction (step lines of target against deadline).
#pragma once

#include "chartstyle.h"
#include "common/result.h"
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

enum class ScaleChartKind { Bars, Distribution, Trend };
// bars | distribution | trend (the CLI's --kind, the GUI's chooser)
QString scaleChartKindName(ScaleChartKind kind);
std::optional<ScaleChartKind> scaleChartKindFromName(const QString& name);

struct RankedBar {
    QString label; // full jurisdiction name; + year when it has several plans; + · scope when scoped
    double value = 0;
    bool municipal = false;
    QString docId;
    bool operator==(const RankedBar&) const = default;
};

struct TrendPoint {
    double x = 0; // deadline as a fractional year (2020-12 → 2020.92), else the plan's year
    double value = 0;
    bool operator==(const TrendPoint&) const = default;
};

struct TrendLine {
    QString label;            // jurisdiction
    QList<TrendPoint> points; // by x
    bool operator==(const TrendLine&) const = default;
};

// The plotted content, derived from comparison rows: only level targets in the chart's unit.
struct ScaleChartData {
    ScaleChartKind kind = ScaleChartKind::Bars;
    QString title;
    QString unit;
    QString unitLabel;
    QList<RankedBar> bars;           // Bars (sorted by value, lowest first) and Distribution
    std::optional<double> reference; // the municipal target (level plan, no scope first)
    QString referenceLabel;          // 市级目标 ≤ 7 工作日
    QList<TrendLine> lines;          // Trend
    std::optional<double> median;    // Distribution
    double lowerQuartile = 0, upperQuartile = 0, minimum = 0, maximum = 0;
    QStringList sources;
    QStringList notPlotted;
    bool operator==(const ScaleChartData&) const = default;
};

class ScaleCharts {
public:
    static ScaleChartData dataFor(ScaleChartKind kind, const QList<ComparisonRow>& rows,
                                  const ChartStyle& style);
    // A new QChart (caller owns) with fonts, axes, series and the reference line.
    static QChart* createChart(const ScaleChartData& data, const ChartStyle& style);
    // The document size that keeps every bar readable (22 px a bar) and the width of the labels.
    static QSizeF preferredSize(const ScaleChartData& data);
    static void render(const ScaleChartData& data, QPaintDevice& device, const QSizeF& size,
                       const ChartStyle& style);
    // PNG, SVG or PDF by suffix, at preferredSize unless `size` is given.
    static Status write(const ScaleChartData& data, const QString& path, const ChartStyle& style,
                        std::optional<QSizeF> size = std::nullopt, int dpi = 96);
};

} // namespace pc::ui
