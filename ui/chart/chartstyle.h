// How a chart document looks: fonts, title, unit and the sources printed under it.
#pragma once

#include "naming/naming.h"

#include <QColor>
#include <QFont>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace pc::ui {

struct ChartStyle {
    // Left alone Qt picks Noto Sans CJK JP for Chinese; ask for the Simplified Chinese face.
    QString fontFamily = QStringLiteral("Noto Sans CJK SC");
    qreal fontPointSize = 10;
    QString title; // indicator name; empty = none
    QString unit;  // unit the chart plots (as stored); empty = the most common unit of the rows
    Language language = Language::Chinese; // legend, axis, jurisdictions, footer
    bool showSources = true;               // cite 辖区 · 文号 under the chart
    QColor targetColor = QColor(0x2f, 0x6d, 0xb5);
    QColor baselineColor = QColor(0xb8, 0xc2, 0xcc);
};

// The style's face (with the Simplified Chinese CJK faces behind it) at `scale` times its size.
inline QFont chartFont(const ChartStyle& style, qreal scale = 1.0, bool bold = false) {
    QFont f(style.fontFamily);
    f.setFamilies({style.fontFamily, QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC")});
    f.setPointSizeF(style.fontPointSize * scale);
    f.setBold(bold);
    return f;
}

// The fixed document size every export and the print preview use (never the window's size).
inline QSizeF defaultChartSize() {
    return {800, 500};
}

} // namespace pc::ui
