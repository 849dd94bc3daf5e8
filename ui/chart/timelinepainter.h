// The deadline timeline: one lane per jurisdiction, a mark at each target's deadline.
#pragma once

#include "chartstyle.h"
#include "compare/comparison.h"

#include <QList>
#include <QSizeF>

#include <functional>

class QPaintDevice;
class QPainter;

namespace pc::ui {

// Every string the timeline draws, in the style's language (what paint() writes, for tests and
// accessibility): the title, the lane labels, one label per mark, or the empty message.
struct TimelineText {
    QString title;
    QStringList lanes;
    QStringList marks;
    QString empty; // set when no target has a deadline
};

class TimelinePainter {
public:
    // `label` names a mark (the target text by default; for an area, prefix the indicator).
    using LabelFn = std::function<QString(const ComparisonRow&)>;
    static void render(const QList<ComparisonRow>& rows, QPaintDevice& device, const QSizeF& size,
                       const ChartStyle& style, const LabelFn& label = {});
    static void paint(const QList<ComparisonRow>& rows, QPainter& painter, const QSizeF& size,
                      const ChartStyle& style, const LabelFn& label = {});
    static TimelineText texts(const QList<ComparisonRow>& rows, const ChartStyle& style,
                              const LabelFn& label = {});
};

} // namespace pc::ui
