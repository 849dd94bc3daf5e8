// The one chart painter (Qt Charts rendered through a QGraphicsScene onto any paint device).
#include "chartpainter.h"

#include "export/reporthtml.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QHash>
#include <QLegend>
#include <QPaintDevice>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>

namespace pc::ui {

QString mostCommonLevelUnit(const QList<ComparisonRow>& rows) {
    QHash<QString, int> counts;
    QString best;
    for (const ComparisonRow& r : rows) {
        if (!r.value || r.kind != QLatin1String("level"))
            continue;
        const int n = ++counts[r.unit];
        if (best.isNull() || n > counts.value(best))
            best = r.unit;
    }
    return best;
}

namespace {

QString mostCommonUnit(const QList<ComparisonRow>& rows) {
    const QString best = mostCommonLevelUnit(rows);
    if (best.isNull()) // no level targets: fall back to any valued row
        for (const ComparisonRow& r : rows)
            if (r.value)
                return r.unit;
    return best;
}

} // namespace

ChartSeriesData ChartPainter::seriesFor(const QList<ComparisonRow>& rows, const ChartStyle& style) {
    ChartSeriesData d;
    d.title = style.title;
    d.unit = style.unit.isEmpty() ? mostCommonUnit(rows) : style.unit;
    const Language lang = style.language;
    const bool en = lang == Language::English;
    d.unitLabel = naming::unitName(d.unit, lang);
    // Which kind the chart plots: levels when there are any, else the first valued row's kind.
    QString kind;
    for (const ComparisonRow& r : rows)
        if (r.value && r.unit == d.unit && (kind.isEmpty() || r.kind == QLatin1String("level")))
            kind = r.kind;
    QHash<QString, int> perJurisdiction;
    for (const ComparisonRow& r : rows)
        if (r.value && r.unit == d.unit && r.kind == kind)
            ++perJurisdiction[r.jurisdiction];
    // (…) in the chart's language around a note on a jurisdiction.
    auto noted = [&](const QString& jurisdiction, const QString& note) {
        return en ? QString(jurisdiction + QStringLiteral(" (") + note + QStringLiteral(")"))
                  : QString(jurisdiction + QStringLiteral("（") + note + QStringLiteral("）"));
    };
    for (const ComparisonRow& r : rows) {
        const QString jurisdiction = naming::jurisdictionName(r.jurisdiction, lang);
        if (!r.value) {
            d.notPlotted << noted(jurisdiction,
                                  r.qualitative ? naming::qualitativeText(lang)
                                                : naming::coverageText(Coverage::MentionedNoNumber, lang));
            continue;
        }
        if (r.unit != d.unit || r.kind != kind) {
            d.notPlotted << noted(jurisdiction,
                                  report::targetText(r, lang) + (en ? QStringLiteral(", not comparable")
                                                                    : QStringLiteral("，口径不同")));
            continue;
        }
        ChartBar bar;
        bar.label = jurisdiction;
        if (perJurisdiction.value(r.jurisdiction) > 1)
            bar.label += r.scope.isEmpty() ? QString() : QStringLiteral("·") + r.scope.left(6);
        // The category axis merges equal labels, so every bar needs its own.
        QString unique = bar.label;
        for (int k = 2; std::any_of(d.bars.cbegin(), d.bars.cend(),
                                    [&](const ChartBar& b) { return b.label == unique; });
             ++k)
            unique = bar.label + QStringLiteral(" (%1)").arg(k);
        bar.label = unique;
        bar.baseline = r.baseline;
        bar.target = *r.value;
        bar.deadline = r.deadline;
        d.hasBaselines = d.hasBaselines || r.baseline.has_value();
        d.bars << bar;
        const QString src = report::citation(r, lang);
        if (!d.sources.contains(src))
            d.sources << src;
    }
    return d;
}

QChart* ChartPainter::createChart(const ChartSeriesData& data, const ChartStyle& style) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setTitleFont(chartFont(style, 1.4, true));
    chart->setTitle(data.title);
    chart->legend()->setFont(chartFont(style));
    chart->legend()->setAlignment(Qt::AlignBottom);

    auto* series = new QBarSeries;
    QBarSet* baseline = nullptr;
    if (data.hasBaselines) {
        baseline = new QBarSet(style.language == Language::English ? QStringLiteral("Baseline")
                                                                   : QStringLiteral("基线"));
        baseline->setColor(style.baselineColor);
        baseline->setBorderColor(style.baselineColor.darker(120));
        baseline->setLabelFont(chartFont(style, 0.9));
        baseline->setLabelColor(QColor(0x33, 0x33, 0x33));
    }
    auto* target =
        new QBarSet(style.language == Language::English ? QStringLiteral("Target") : QStringLiteral("目标"));
    target->setColor(style.targetColor);
    target->setBorderColor(style.targetColor.darker(120));
    target->setLabelFont(chartFont(style, 0.9, true));
    target->setLabelColor(QColor(0x1a, 0x1a, 0x1a));
    QStringList categories;
    double maxValue = 0;
    for (const ChartBar& b : data.bars) {
        categories << b.label;
        if (baseline)
            baseline->append(b.baseline.value_or(0));
        target->append(b.target);
        maxValue = std::max({maxValue, b.target, b.baseline.value_or(0)});
    }
    if (baseline)
        series->append(baseline);
    series->append(target);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    chart->addSeries(series);
    chart->legend()->setVisible(data.hasBaselines);

    auto* axisX = new QBarCategoryAxis;
    axisX->append(categories);
    axisX->setLabelsFont(chartFont(style));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);

    auto* axisY = new QValueAxis;
    axisY->setRange(0, maxValue > 0 ? maxValue * 1.15 : 1);
    axisY->applyNiceNumbers();
    axisY->setLabelFormat(maxValue >= 10 || maxValue == 0 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    axisY->setTitleText(data.unitLabel.isEmpty() ? data.unit : data.unitLabel);
    axisY->setTitleFont(chartFont(style));
    axisY->setLabelsFont(chartFont(style, 0.9));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    return chart;
}

qreal ChartPainter::footerHeight(const ChartSeriesData& data, const ChartStyle& style) {
    if (!style.showSources)
        return 0;
    const QFontMetricsF fm(chartFont(style, 0.8));
    int lines = data.sources.isEmpty() ? 0 : 1;
    if (!data.notPlotted.isEmpty())
        ++lines;
    return lines * fm.lineSpacing() * 1.1 + (lines ? 8 : 0);
}

void ChartPainter::render(const ChartSeriesData& data, QPaintDevice& device, const QSizeF& size,
                          const ChartStyle& style) {
    QPainter painter(&device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const qreal scale = std::min(device.width() / size.width(), device.height() / size.height());
    painter.scale(scale, scale);
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);

    const qreal footer = footerHeight(data, style);
    const QRectF chartRect(0, 0, size.width(), size.height() - footer);
    {
        QGraphicsScene scene;
        QChart* chart = createChart(data, style);
        scene.addItem(chart); // the scene owns it from here
        chart->setGeometry(chartRect);
        if (data.bars.isEmpty()) {
            chart->setTitle(data.title + (style.language == Language::English
                                              ? QStringLiteral("\n(no numeric target to plot)")
                                              : QStringLiteral("\n（没有可绘制的数值目标）")));
        }
        scene.setSceneRect(chartRect);
        scene.render(&painter, chartRect, chartRect);
    }
    if (footer > 0) {
        painter.setFont(chartFont(style, 0.8));
        painter.setPen(QColor(0x55, 0x55, 0x55));
        const QFontMetricsF fm(painter.font());
        qreal y = size.height() - footer + 4;
        auto line = [&](const QString& text) {
            painter.drawText(QRectF(12, y, size.width() - 24, fm.lineSpacing()),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             fm.elidedText(text, Qt::ElideRight, size.width() - 24));
            y += fm.lineSpacing() * 1.1;
        };
        const bool en = style.language == Language::English;
        if (!data.sources.isEmpty())
            line(en ? QStringLiteral("Sources: ") + data.sources.join(QStringLiteral("; "))
                    : QStringLiteral("来源：") + data.sources.join(QStringLiteral("；")));
        if (!data.notPlotted.isEmpty())
            line(en ? QStringLiteral("Not plotted: ") + data.notPlotted.join(QStringLiteral(", "))
                    : QStringLiteral("未绘入：") + data.notPlotted.join(QStringLiteral("、")));
    }
}

} // namespace pc::ui
