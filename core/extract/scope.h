// The scope of a target: the qualifier in the plan's words (水表口径DN100以下, 小型社会投资项目), with
// dates, verbs, the measured noun and a prior value taken off.
#pragma once

#include <QString>
#include <QStringView>

namespace pc::extract::grammar {

QString cleanScope(QStringView s);

} // namespace pc::extract::grammar
