// Deadlines in plan language ("2019年底前", "2022年6月", "已完成", "今年内") as YYYY-MM.
#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <utility>

namespace pc::parse {

// First deadline expression in text, as "YYYY-MM" or "已完成"; empty if none.
// planYear resolves 今年内 / 年底前 / "10月底前" without a year.
QString findDeadline(QStringView text, int planYear);
// Reads a 时间节点 cell (the whole cell is a date); falls back to findDeadline.
QString deadlineCell(QStringView cell, int planYear);
// One deadline expression as the scanner behind findDeadline reads it (written to find what the regular
// expression  (已完成)|(\d{4})\s*年\s*(?:(\d{1,2})\s*月(?:(\d{1,2})日)?)?|(今年内|今年底|今年年底|本年度内|
// 年内|年底前)|(?<![\d年])(\d{1,2})\s*月底前  finds, with ASCII digits and white space; the test keeps
// it as the reference). group[k] is capture group k+1 as [start, end), start -1 where it took no part.
struct DeadlineScan {
    qsizetype start = 0;
    qsizetype end = 0;
    std::array<std::pair<qsizetype, qsizetype>, 6> group;
};
// The leftmost deadline expression starting at or after `from`; false when there is none.
bool nextDeadlineForm(QStringView text, qsizetype from, DeadlineScan& out);
// Later of two deadlines ("已完成" is the earliest).
QString laterDeadline(const QString& a, const QString& b);

} // namespace pc::parse
