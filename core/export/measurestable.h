// One row per measure for the `measures` CSV: the contract columns first, then offsets and confidence.
#pragma once

#include "model/document.h"

#include <QList>
#include <QStringList>

namespace pc {

// doc,area_heading,measure_no,measure_title,lead,partners,deadline,area,start,end,confidence,layout,remark
QStringList measuresHeader();
QList<QStringList> measuresRows(const Document& doc);
// Deadlines of a measure as one cell: each distinct sub-item deadline in order, ';'-separated.
QString measureDeadlineCell(const Measure& m);

} // namespace pc
