// Charts for many jurisdictions (see scalecharts.h), drawn with Qt Charts through a QGraphicsScene.
#include "scalecharts.h"

#include "chartexport.h"
#include "chartpainter.h"
#include "export/reporthtml.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace pc::ui {

namespace {

QString valueText(double v) {
    return QString::number(v, 'g', 10);
}

// Quantile by linear interpolation between order statistics (type 7, as R and NumPy by default).
double quantile(const QList<double>& sorted, double q) {
    if (sorted.isEmpty())
        return 0;
    const double pos = q * double(sorted.size() - 1);
    const qsizetype lo = qsizetype(std::floor(pos));
    const qsizetype hi = std::min<qsizetype>(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - double(lo)) * (sorted[hi] - sorted[lo]);
}

double fractionalYear(const ComparisonRow& r) {
    if (r.deadline.size() >= 7 && r.deadline[4] == QLatin1Char('-')) {
        bool okY = false, okM = false;
        const int y = r.deadline.left(4).toInt(&okY);
        const int m = r.deadline.mid(5, 2).toInt(&okM);
        if (okY && okM)
            return y + (m - 1) / 12.0;
    }
    return r.year;
}

} // namespace

QString scaleChartKindName(ScaleChartKind kind) {
    switch (kind) {
    case ScaleChartKind::Bars:
        return QStringLiteral("bars");
    case ScaleChartKind::Distribution:
        return QStringLiteral("distribution");
    case ScaleChartKind::Trend:
        return QStringLiteral("trend");
    }
    return {};
}

std::optional<ScaleChartKind> scaleChartKindFromName(const QString& name) {
    for (ScaleChartKind k : {ScaleChartKind::Bars, ScaleChartKind::Distribution, ScaleChartKind::Trend})
        if (scaleChartKindName(k) == name)
            return k;
    return std::nullopt;
}

ScaleChartData ScaleCharts::dataFor(ScaleChartKind kind, const QList<ComparisonRow>& rows,
                                    const ChartStyle& style) {
    ScaleChartData d;
    d.kind = kind;
    d.title = style.title;
    d.unit = style.unit.isEmpty() ? mostCommonLevelUnit(rows) : style.unit;
    const Language lang = style.language;
    const bool en = lang == Language::English;
    d.unitLabel = naming::unitName(d.unit, lang);
    auto noted = [&](const QString& who, const QString& note) {
        return en ? QString(who + QStringLiteral(" (") + note + QStringLiteral(")"))
                  : QString(who + QStringLiteral("（") + note + QStringLiteral("）"));
    };
    // Which plans a jurisdiction has among the plotted rows (the year tells them apart), and how
    // many plotted targets each plan has (the scope tells those apart).
    QHash<QString, QList<int>> yearsOf;
    QHash<QString, int> perPlan;
    QList<const ComparisonRow*> plotted;
    for (const ComparisonRow& r : rows) {
        const QString who = naming::jurisdictionName(r.jurisdiction, lang);
        if (!r.value) {
            d.notPlotted << noted(who, r.qualitative
                                           ? naming::qualitativeText(lang)
                                           : naming::coverageText(Coverage::MentionedNoNumber, lang));
            continue;
        }
        if (r.unit != d.unit || r.kind != QLatin1String("level")) {
            d.notPlotted << noted(who, report::targetText(r, lang) + (en ? QStringLiteral(", not comparable")
                                                                         : QStringLiteral("，口径不同")));
            continue;
        }
        plotted << &r;
        if (!yearsOf[r.jurisdiction].contains(r.year))
            yearsOf[r.jurisdiction] << r.year;
        ++perPlan[r.docId];
        const QString src = report::citation(r, lang);
        if (!d.sources.contains(src))
            d.sources << src;
    }
    // The municipal target: the municipal plan's first unscoped target, else its first.
    for (const ComparisonRow* r : plotted) {
        if (r->level != QLatin1String("municipal"))
            continue;
        if (!d.reference || r->scope.isEmpty()) {
            d.reference = *r->value;
            d.referenceLabel = (en ? QStringLiteral("Municipal target ") : QStringLiteral("市级目标 ")) +
                               report::targetText(*r, lang) +
                               (r->scope.isEmpty() ? QString() : QStringLiteral(" · ") + r->scope);
            if (r->scope.isEmpty())
                break;
        }
    }
    if (kind == ScaleChartKind::Trend) {
        QHash<QString, qsizetype> lineOf;
        for (const ComparisonRow* r : plotted) {
            if (perPlan.value(r->docId) > 1 && !r->scope.isEmpty())
                continue; // a scoped target beside the plan's general one is another quantity
            const QString who = naming::jurisdictionName(r->jurisdiction, lang);
            auto it = lineOf.constFind(who);
            if (it == lineOf.constEnd()) {
                it = lineOf.insert(who, d.lines.size());
                d.lines.append({who, {}});
            }
            d.lines[*it].points.append({fractionalYear(*r), *r->value});
        }
        for (TrendLine& l : d.lines)
            std::stable_sort(l.points.begin(), l.points.end(),
                             [](const TrendPoint& a, const TrendPoint& b) { return a.x < b.x; });
        // Jurisdictions with a history first (they are what a trend shows), then by name.
        std::stable_sort(d.lines.begin(), d.lines.end(), [](const TrendLine& a, const TrendLine& b) {
            return a.points.size() > b.points.size();
        });
        return d;
    }
    QHash<QString, int> measureSeen;
    for (const ComparisonRow* r : plotted) {
        RankedBar b;
        b.label = naming::jurisdictionName(r->jurisdiction, lang);
        if (yearsOf.value(r->jurisdiction).size() > 1)
            b.label += QLatin1Char(' ') + QString::number(r->year);
        if (perPlan.value(r->docId) > 1) {
            QString scope = r->scope;
            if (scope.size() > 14)
                scope = scope.left(13) + QStringLiteral("…");
            b.label +=
                QStringLiteral(" · ") +
                (scope.isEmpty()
                     ? (en ? QStringLiteral("measure %1") : QStringLiteral("措施%1")).arg(r->measureNumber)
                     : scope);
        }
        // Equal labels (two unscoped targets of one measure) still need their own bar.
        if (const int seen = measureSeen[b.label]++; seen > 0)
            b.label += QStringLiteral(" [%1]").arg(seen + 1);
        b.value = *r->value;
        b.municipal = r->level == QLatin1String("municipal");
        b.docId = r->docId;
        d.bars << b;
    }
    std::stable_sort(d.bars.begin(), d.bars.end(),
                     [](const RankedBar& a, const RankedBar& b) { return a.value < b.value; });
    if (kind == ScaleChartKind::Distribution && !d.bars.isEmpty()) {
        QList<double> values;
        for (const RankedBar& b : std::as_const(d.bars))
            values << b.value; // already sorted
        d.median = quantile(values, 0.5);
        d.lowerQuartile = quantile(values, 0.25);
        d.upperQuartile = quantile(values, 0.75);
        d.minimum = values.first();
        d.maximum = values.last();
    }
    return d;
}

QSizeF ScaleCharts::preferredSize(const ScaleChartData& data) {
    if (data.kind != ScaleChartKind::Bars)
        return {900, 560};
    const qreal height = 140 + 24 * qreal(std::max<qsizetype>(data.bars.size(), 8));
    return {900, std::max<qreal>(500, height)};
}

QChart* ScaleCharts::createChart(const ScaleChartData& data, const ChartStyle& style) {
    const bool en = style.language == Language::English;
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setTitleFont(chartFont(style, 1.4, true));
    chart->setTitle(data.title);
    chart->legend()->setFont(chartFont(style));
    chart->legend()->setAlignment(Qt::AlignBottom);
    const QString unitTitle = data.unitLabel.isEmpty() ? data.unit : data.unitLabel;
    double maxValue = data.reference.value_or(0);
    for (const RankedBar& b : data.bars)
        maxValue = std::max(maxValue, b.value);
    for (const TrendLine& l : data.lines)
        for (const TrendPoint& p : l.points)
            maxValue = std::max(maxValue, p.value);
    auto valueAxis = [&]() {
        auto* axis = new QValueAxis;
        axis->setRange(0, maxValue > 0 ? maxValue * 1.12 : 1);
        axis->applyNiceNumbers();
        axis->setLabelFormat(maxValue >= 10 || maxValue == 0 ? QStringLiteral("%.0f")
                                                             : QStringLiteral("%.1f"));
        axis->setTitleText(unitTitle);
        axis->setTitleFont(chartFont(style));
        axis->setLabelsFont(chartFont(style, 0.9));
        return axis;
    };
    QPen referencePen(QColor(0xc0, 0x39, 0x2b));
    referencePen.setWidthF(2);
    referencePen.setStyle(Qt::DashLine);

    if (data.kind == ScaleChartKind::Bars) {
        auto* series = new QHorizontalBarSeries;
        auto* set = new QBarSet(en ? QStringLiteral("Target") : QStringLiteral("目标"));
        set->setColor(style.targetColor);
        set->setBorderColor(style.targetColor.darker(120));
        set->setLabelFont(chartFont(style, 0.85));
        set->setLabelColor(QColor(0x1a, 0x1a, 0x1a));
        // The municipal plan's bars stand out (a selected bar has its own colour).
        set->setSelectedColor(QColor(0xc0, 0x39, 0x2b));
        QStringList categories;
        for (qsizetype i = 0; i < data.bars.size(); ++i) {
            categories << data.bars[i].label;
            set->append(data.bars[i].value);
        }
        for (qsizetype i = 0; i < data.bars.size(); ++i)
            if (data.bars[i].municipal)
                set->selectBar(int(i));
        series->append(set);
        series->setBarWidth(0.75);
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        series->setLabelsFormat(QStringLiteral("@value"));
        chart->addSeries(series);
        auto* axisY = new QBarCategoryAxis;
        axisY->append(categories);
        axisY->setLabelsFont(chartFont(style, 0.9));
        axisY->setTruncateLabels(false); // full jurisdiction names, never 重庆高新…
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        QValueAxis* axisX = valueAxis();
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
        chart->legend()->setVisible(data.reference.has_value());
        if (data.reference) {
            // A vertical line at the municipal target across every bar, on its own hidden 0–1 axis.
            auto* line = new QLineSeries;
            line->setName(data.referenceLabel);
            line->setPen(referencePen);
            line->append(*data.reference, 0);
            line->append(*data.reference, 1);
            chart->addSeries(line);
            line->attachAxis(axisX);
            auto* unitAxis = new QValueAxis;
            unitAxis->setRange(0, 1);
            unitAxis->setVisible(false);
            chart->addAxis(unitAxis, Qt::AlignRight);
            line->attachAxis(unitAxis);
            // Only the line in the legend, not the bar set.
            const QList<QLegendMarker*> markers = chart->legend()->markers(series);
            for (QLegendMarker* m : markers)
                m->setVisible(false);
        }
        return chart;
    }

    if (data.kind == ScaleChartKind::Distribution) {
        auto* box = new QBoxPlotSeries;
        box->setName(data.median
                         ? (en ? QStringLiteral("Median %1 (n = %2)") : QStringLiteral("中位数 %1（n = %2）"))
                               .arg(valueText(*data.median))
                               .arg(data.bars.size())
                         : QString());
        if (data.median) {
            auto* set = new QBoxSet(data.minimum, data.lowerQuartile, *data.median, data.upperQuartile,
                                    data.maximum, en ? QStringLiteral("Plans") : QStringLiteral("各方案"));
            set->setBrush(QColor(0xd6, 0xe4, 0xf4));
            set->setPen(QPen(style.targetColor, 2));
            box->append(set);
        }
        box->setBoxWidth(0.35);
        chart->addSeries(box);
        auto* category = new QBarCategoryAxis;
        category->append(en ? QStringLiteral("Plans") : QStringLiteral("各方案"));
        category->setLabelsFont(chartFont(style));
        chart->addAxis(category, Qt::AlignBottom);
        box->attachAxis(category);
        QValueAxis* axisY = valueAxis();
        chart->addAxis(axisY, Qt::AlignLeft);
        box->attachAxis(axisY);
        // Every plan as a point beside the box (a strip), spread so that equal values stay visible.
        auto* strip = new QScatterSeries;
        strip->setName(en ? QStringLiteral("One plan") : QStringLiteral("单个方案"));
        strip->setMarkerSize(8);
        strip->setColor(QColor(0x2f, 0x6d, 0xb5, 160));
        strip->setBorderColor(Qt::white);
        QHash<double, int> sameValue;
        for (const RankedBar& b : data.bars) {
            const int k = sameValue[b.value]++;
            strip->append(0.28 + 0.035 * (k % 8), b.value);
        }
        chart->addSeries(strip);
        auto* xAxis = new QValueAxis;
        xAxis->setRange(-0.5, 0.5);
        xAxis->setVisible(false);
        chart->addAxis(xAxis, Qt::AlignTop);
        strip->attachAxis(xAxis);
        strip->attachAxis(axisY);
        if (data.reference) {
            auto* line = new QLineSeries;
            line->setName(data.referenceLabel);
            line->setPen(referencePen);
            line->append(-0.5, *data.reference);
            line->append(0.5, *data.reference);
            chart->addSeries(line);
            line->attachAxis(xAxis);
            line->attachAxis(axisY);
        }
        return chart;
    }

    // Trend: a step line per jurisdiction (a target holds until the next plan changes it).
    double minX = 1e9, maxX = -1e9;
    for (const TrendLine& l : data.lines)
        for (const TrendPoint& p : l.points) {
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
        }
    if (minX > maxX)
        minX = maxX = 2020;
    auto* axisX = new QValueAxis;
    axisX->setRange(std::floor(minX) - 0.5, std::ceil(maxX) + 0.5);
    axisX->setTickType(QValueAxis::TicksDynamic);
    axisX->setTickAnchor(std::floor(minX));
    axisX->setTickInterval(1);
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    axisX->setTitleText(en ? QStringLiteral("Deadline") : QStringLiteral("完成时限"));
    axisX->setTitleFont(chartFont(style));
    axisX->setLabelsFont(chartFont(style, 0.9));
    QValueAxis* axisY = valueAxis();
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    static const QList<QColor> palette{QColor(0x2f, 0x6d, 0xb5), QColor(0xe6, 0x7e, 0x22),
                                       QColor(0x27, 0xae, 0x60), QColor(0x8e, 0x44, 0xad),
                                       QColor(0x16, 0xa0, 0x85), QColor(0xd3, 0x54, 0x00),
                                       QColor(0x7f, 0x8c, 0x8d), QColor(0x2c, 0x3e, 0x50)};
    // The legend names at most twelve jurisdictions; the others are drawn in grey without a name.
    for (qsizetype i = 0; i < data.lines.size(); ++i) {
        const TrendLine& l = data.lines[i];
        auto* line = new QLineSeries;
        const bool named = i < 12;
        line->setName(l.label);
        QPen pen(named ? palette[i % palette.size()] : QColor(0xcc, 0xcc, 0xcc));
        pen.setWidthF(named ? 2.2 : 1.2);
        line->setPen(pen);
        for (qsizetype k = 0; k < l.points.size(); ++k) {
            if (k > 0)
                line->append(l.points[k].x, l.points[k - 1].value);
            line->append(l.points[k].x, l.points[k].value);
        }
        line->setPointsVisible(true);
        chart->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axisY);
        if (!named)
            for (QLegendMarker* m : chart->legend()->markers(line))
                m->setVisible(false);
    }
    return chart;
}

void ScaleCharts::render(const ScaleChartData& data, QPaintDevice& device, const QSizeF& size,
                         const ChartStyle& style) {
    QPainter painter(&device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const qreal scale = std::min(device.width() / size.width(), device.height() / size.height());
    painter.scale(scale, scale);
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    const bool en = style.language == Language::English;
    QStringList footer;
    if (style.showSources && !data.sources.isEmpty())
        footer << (en ? QStringLiteral("Sources: ") + data.sources.join(QStringLiteral("; "))
                      : QStringLiteral("来源：") + data.sources.join(QStringLiteral("；")));
    if (style.showSources && !data.notPlotted.isEmpty())
        footer << (en ? QStringLiteral("Not plotted: ") + data.notPlotted.join(QStringLiteral(", "))
                      : QStringLiteral("未绘入：") + data.notPlotted.join(QStringLiteral("、")));
    const QFont footerFont = chartFont(style, 0.8);
    const QFontMetricsF fm(footerFont);
    const qreal footerHeight = footer.isEmpty() ? 0 : footer.size() * fm.lineSpacing() * 1.1 + 8;
    const QRectF chartRect(0, 0, size.width(), size.height() - footerHeight);
    {
        QGraphicsScene scene;
        QChart* chart = createChart(data, style);
        scene.addItem(chart);
        chart->setGeometry(chartRect);
        const bool empty = data.kind == ScaleChartKind::Trend ? data.lines.isEmpty() : data.bars.isEmpty();
        if (empty)
            chart->setTitle(data.title + (en ? QStringLiteral("\n(no numeric target to plot)")
                                             : QStringLiteral("\n（没有可绘制的数值目标）")));
        scene.setSceneRect(chartRect);
        scene.render(&painter, chartRect, chartRect);
    }
    painter.setFont(footerFont);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    qreal y = size.height() - footerHeight + 4;
    for (const QString& line : footer) {
        painter.drawText(QRectF(12, y, size.width() - 24, fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(line, Qt::ElideRight, size.width() - 24));
        y += fm.lineSpacing() * 1.1;
    }
}

Status ScaleCharts::write(const ScaleChartData& data, const QString& path, const ChartStyle& style,
                          std::optional<QSizeF> size, int dpi) {
    ChartExportOptions options;
    options.size = size.value_or(preferredSize(data));
    options.dpi = dpi;
    const bool en = style.language == Language::English;
    const QString description = (en ? QStringLiteral("Sources: ") : QStringLiteral("来源：")) +
                                data.sources.join(en ? QStringLiteral("; ") : QStringLiteral("；"));
    return ChartExport::writeDocument(
        data.title, description,
        [&](QPaintDevice& device, const QSizeF& s) { render(data, device, s, style); }, path, options);
}

} // namespace pc::ui
