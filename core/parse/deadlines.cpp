// Deadline recognition with one compiled expression.
#include "deadlines.h"

#include <QRegularExpression>

#include <algorithm>

namespace pc::parse {
namespace {

QString ym(int year, int month) {
    if (year < 1900 || year > 2100 || month < 1 || month > 12)
        return {};
    return QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
}

} // namespace

QString findDeadline(QStringView text, int planYear) {
    // 1 已完成 | 2 year 3 month (4 day) | 5 今年/本年/年内/年底 | 6 month-only 月底前
    static const QRegularExpression re(
        QStringLiteral("(已完成)"
                       "|(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月(?:(\\d{1,2})日)?)?"
                       "|(今年内|今年底|今年年底|本年度内|年内|年底前)"
                       "|(?<![\\d年])(\\d{1,2})\\s*月底前"));
    // Every form holds 完, 年 or 月: most cells and bodies have none and need no regex.
    if (std::none_of(text.begin(), text.end(),
                     [](QChar c) { return c == u'年' || c == u'月' || c == u'完'; }))
        return {};
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength(1))
            return QStringLiteral("已完成");
        if (m.capturedLength(2)) {
            if (m.capturedLength(4))
                continue; // a full date (issue date, event date) is not a deadline
            const int year = m.capturedView(2).toInt();
            // A bare year counts only when it reads as a time limit: 2019年底前, 2023年, 2019年内.
            const int month = m.capturedLength(3) ? m.capturedView(3).toInt() : 12;
            const QString r = ym(year, month);
            if (!r.isEmpty())
                return r;
            continue;
        }
        if (m.capturedLength(5)) {
            if (planYear > 0)
                return ym(planYear, 12);
            continue;
        }
        if (m.capturedLength(6) && planYear > 0)
            return ym(planYear, m.capturedView(6).toInt());
    }
    return {};
}

QString deadlineCell(QStringView cell, int planYear) {
    return findDeadline(cell.trimmed(), planYear);
}

QString laterDeadline(const QString& a, const QString& b) {
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    if (a == QStringLiteral("已完成"))
        return b;
    if (b == QStringLiteral("已完成"))
        return a;
    return a < b ? b : a;
}

} // namespace pc::parse
