// Unit families: targets compare only within a family (working days vs calendar days stay distinct
// units, but both are durations). Used by the grammar and by the classifier.
#pragma once

#include <QString>

namespace pc {

enum class UnitClass { None, Time, Percent, Money, Count, Area, Length, Power };
UnitClass unitClass(const QString& unit);

} // namespace pc
