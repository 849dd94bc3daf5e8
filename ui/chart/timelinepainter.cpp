// The deadline timeline, painted with QPainter so it scales to any device like the bar chart.
#include "timelinepainter.h"

#include "export/reporthtml.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

#include <algorithm>

namespace pc::ui {

namespace {

// YYYY-MM (or YYYY) as fractional years; nullopt when there is no date.
std::optional<double> yearOf(const QString& deadline) {
    bool ok = false;
    const int y = deadline.left(4).toInt(&ok);
    if (!ok || y < 1990)
        return std::nullopt;
    const int m = deadline.size() >= 7 ? deadline.mid(5, 2).toInt() : 12;
    return y + (std::clamp(m, 1, 12) - 0.5) / 12.0;
}

QString titleText(const ChartStyle& style) {
    const bool en = style.language == Language::English;
    return (en ? QStringLiteral("Deadlines") : QStringLiteral("完成期限")) +
           (style.title.isEmpty() ? QString()
                                  : (en ? QStringLiteral(": ") : QStringLiteral("：")) + style.title);
}

QString emptyText(const ChartStyle& style) {
    return style.language == Language::English ? QStringLiteral("No target has a deadline")
                                               : QStringLiteral("没有带期限的目标");
}

QString markText(const ComparisonRow& r, const ChartStyle& style, const TimelinePainter::LabelFn& label) {
    QString text = label ? label(r) : report::targetText(r, style.language);
    return text.isEmpty() ? r.deadline : text + QStringLiteral(" · ") + r.deadline;
}

} // namespace

TimelineText TimelinePainter::texts(const QList<ComparisonRow>& rows, const ChartStyle& style,
                                    const LabelFn& label) {
    TimelineText t;
    t.title = titleText(style);
    QStringList lanes;
    for (const ComparisonRow& r : rows)
        if (yearOf(r.deadline) && !lanes.contains(r.jurisdiction))
            lanes << r.jurisdiction;
    if (lanes.isEmpty())
        t.empty = emptyText(style);
    for (const QString& lane : std::as_const(lanes)) {
        t.lanes << naming::jurisdictionName(lane, style.language);
        for (const ComparisonRow& r : rows)
            if (yearOf(r.deadline) && r.jurisdiction == lane)
                t.marks << markText(r, style, label);
    }
    return t;
}

void TimelinePainter::render(const QList<ComparisonRow>& rows, QPaintDevice& device, const QSizeF& size,
                             const ChartStyle& style, const LabelFn& label) {
    QPainter painter(&device);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal scale = std::min(device.width() / size.width(), device.height() / size.height());
    painter.scale(scale, scale);
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    paint(rows, painter, size, style, label);
}

void TimelinePainter::paint(const QList<ComparisonRow>& rows, QPainter& painter, const QSizeF& size,
                            const ChartStyle& style, const LabelFn& label) {
    QFont f(style.fontFamily);
    f.setPointSizeF(style.fontPointSize * 0.9);
    painter.setFont(f);
    const QFontMetricsF fm(f);

    const Language lang = style.language;
    QStringList lanes; // stored jurisdiction names; drawn in the style's language
    double minYear = 1e9, maxYear = -1e9;
    for (const ComparisonRow& r : rows) {
        if (const auto y = yearOf(r.deadline)) {
            if (!lanes.contains(r.jurisdiction))
                lanes << r.jurisdiction;
            minYear = std::min(minYear, *y);
            maxYear = std::max(maxYear, *y);
        }
    }
    painter.setPen(QColor(0x33, 0x33, 0x33));
    QFont tf = f;
    tf.setBold(true);
    painter.setFont(tf);
    painter.drawText(QRectF(12, 4, size.width() - 24, fm.lineSpacing() * 1.3),
                     Qt::AlignLeft | Qt::AlignVCenter, titleText(style));
    painter.setFont(f);
    if (lanes.isEmpty()) {
        painter.drawText(QRectF(0, 0, size.width(), size.height()), Qt::AlignCenter, emptyText(style));
        return;
    }
    const double first = std::floor(minYear), last = std::max(std::floor(maxYear) + 1, first + 2);
    qreal labelWidth = 0;
    for (const QString& l : lanes)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(naming::jurisdictionName(l, lang)));
    // Room on the right for the label of a mark at the last date.
    const qreal left = 16 + labelWidth + 12, right = size.width() - std::min(220.0, size.width() / 4);
    const qreal top = fm.lineSpacing() * 1.6 + 8, bottom = size.height() - fm.lineSpacing() - 10;
    const qreal laneH = (bottom - top) / lanes.size();
    auto xOf = [&](double year) {
        return left + (year - first) / std::max(1.0, last - first) * (right - left);
    };

    painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 1));
    for (int y = int(first); y <= int(last); ++y) {
        const qreal x = xOf(y);
        painter.drawLine(QPointF(x, top), QPointF(x, bottom));
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(QRectF(x - 30, bottom + 2, 60, fm.lineSpacing()), Qt::AlignCenter,
                         QString::number(y));
        painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 1));
    }
    for (qsizetype i = 0; i < lanes.size(); ++i) {
        const qreal cy = top + laneH * (i + 0.5);
        painter.setPen(QColor(0x22, 0x22, 0x22));
        painter.drawText(QRectF(12, cy - fm.lineSpacing() / 2, labelWidth, fm.lineSpacing()),
                         Qt::AlignRight | Qt::AlignVCenter, naming::jurisdictionName(lanes.at(i), lang));
        painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 1));
        painter.drawLine(QPointF(left, cy), QPointF(right, cy));
        int n = 0;
        for (const ComparisonRow& r : rows) {
            const auto y = yearOf(r.deadline);
            if (!y || r.jurisdiction != lanes.at(i))
                continue;
            const qreal x = xOf(*y);
            painter.setPen(Qt::NoPen);
            painter.setBrush(style.targetColor);
            painter.drawEllipse(QPointF(x, cy), 5, 5);
            const QString text = markText(r, style, label);
            painter.setPen(QColor(0x22, 0x22, 0x22));
            const qreal dy = (n % 2 == 0 ? -1 : 1) * (fm.lineSpacing() * 0.55 + 4);
            painter.drawText(
                QRectF(x + 8, cy + dy - fm.lineSpacing() / 2, size.width() - x - 12, fm.lineSpacing()),
                Qt::AlignLeft | Qt::AlignVCenter, text);
            ++n;
        }
    }
}

} // namespace pc::ui
