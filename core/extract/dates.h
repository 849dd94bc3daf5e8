// Dates in a sentence: which govern a target (2025年底前, 今年内, 6月底前) and which do not (a past
// date, a base year, a full date).
#pragma once

#include <QList>
#include <QString>

namespace pc::extract::grammar {

struct DateMention {
    qsizetype start = -1;
    qsizetype end = -1;
    QString yearMonth;     // YYYY-MM; empty if the date governs nothing (past, a base year, a full date)
    bool relative = false; // read against the plan's year (今年, 年内, 6月底前), not written with one
};

// Dates in text[from, to); months without a year and 今年 / 明年 resolve against documentYear.
QList<DateMention> findDates(const QString& text, qsizetype from, qsizetype to, int documentYear);

} // namespace pc::extract::grammar
