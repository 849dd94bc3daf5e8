// Deadlines in plan language ("2019年底前", "2022年6月", "已完成", "今年内") as YYYY-MM.
#pragma once

#include <QString>
#include <QStringView>

namespace pc::parse {

// First deadline expression in text, as "YYYY-MM" or "已完成"; empty if none.
// planYear resolves 今年内 / 年底前 / "10月底前" without a year.
QString findDeadline(QStringView text, int planYear);
// Reads a 时间节点 cell (the whole cell is a date); falls back to findDeadline.
QString deadlineCell(QStringView cell, int planYear);
// Later of two deadlines ("已完成" is the earliest).
QString laterDeadline(const QString& a, const QString& b);

} // namespace pc::parse
