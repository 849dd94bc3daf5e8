// How ambitious each plan's target is compared with the others for the same indicator.
#pragma once

#include "compare/comparison.h"
#include "taxonomy/taxonomy.h"

#include <QColor>
#include <QList>

#include <optional>

namespace pc::ui {

// Whether ambition means something for a target: time, cost and rates, and counts of steps,
// documents, visits or inspections. Absolute counts (new base stations, firms, trainees) grow with
// the jurisdiction's size and are not ranked.
bool ambitionComparable(const QString& indicatorId, const QString& unit);

// For each row, 0 (least ambitious) … 1 (most ambitious), or nullopt when it cannot be compared
// (no number, a unit or kind the others do not share, fewer than two distinct values, no direction,
// an absolute count — see ambitionComparable).
QList<std::optional<double>> ambition(const QList<ComparisonRow>& rows, Direction better);
// Pale orange (0) → pale green (1); invalid colour for nullopt.
QColor ambitionColor(std::optional<double> score);

} // namespace pc::ui
