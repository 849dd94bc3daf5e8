// Deadline recognition with one compiled expression.
#include "deadlines.h"

#include "text/scan.h"

#include <algorithm>

namespace pc::parse {
namespace {

QString ym(int year, int month) {
    if (year < 1900 || year > 2100 || month < 1 || month > 12)
        return {};
    return text::yearMonth(year, month);
}

bool asciiDigit(QChar c) {
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

qsizetype skipSpaces(QStringView s, qsizetype p) {
    return text::skipRegexSpaces(s, p);
}

// Up to `most` digits from p: their end (p when none). A longer run is cut at `most`; what follows is
// then a digit, which no later part of a deadline accepts, so no shorter run could match either.
qsizetype digitsFrom(QStringView s, qsizetype p, qsizetype most) {
    return text::digitRunEnd(s, p, most, asciiDigit);
}

bool deadlineAt(QStringView s, qsizetype p, DeadlineScan& out) {
    out.group.fill({-1, -1});
    out.start = p;
    const QStringView rest = s.sliced(p);
    if (rest.startsWith(u"已完成")) {
        out.end = p + 3;
        out.group[0] = {p, p + 3};
        return true;
    }
    // year 年 [month 月 [day 日]]
    if (digitsFrom(s, p, 4) == p + 4) {
        const qsizetype nian = skipSpaces(s, p + 4);
        if (nian < s.size() && s.at(nian) == u'年') {
            out.group[1] = {p, p + 4};
            out.end = skipSpaces(s, nian + 1);
            const qsizetype me = digitsFrom(s, out.end, 2);
            const qsizetype yue = skipSpaces(s, me);
            if (me > out.end && yue < s.size() && s.at(yue) == u'月') {
                out.group[2] = {out.end, me};
                out.end = yue + 1;
                const qsizetype de = digitsFrom(s, out.end, 2);
                if (de > out.end && de < s.size() && s.at(de) == u'日') {
                    out.group[3] = {out.end, de};
                    out.end = de + 1;
                }
            }
            return true;
        }
    }
    static constexpr std::array<QStringView, 6> relative = {u"今年内",   u"今年底", u"今年年底",
                                                            u"本年度内", u"年内",   u"年底前"};
    for (QStringView w : relative) {
        if (rest.startsWith(w)) {
            out.end = p + w.size();
            out.group[4] = {p, out.end};
            return true;
        }
    }
    // month 月底前, not right after a digit or 年
    if (p > 0 && (asciiDigit(s.at(p - 1)) || s.at(p - 1) == u'年'))
        return false;
    const qsizetype me = digitsFrom(s, p, 2);
    if (me == p)
        return false;
    const qsizetype yue = skipSpaces(s, me);
    if (!s.sliced(yue).startsWith(u"月底前"))
        return false;
    out.group[5] = {p, me};
    out.end = yue + 3;
    return true;
}

} // namespace

bool nextDeadlineForm(QStringView text, qsizetype from, DeadlineScan& out) {
    for (qsizetype p = from; p < text.size(); ++p) {
        const QChar c = text.at(p);
        // Every form starts with 已, a digit, 今, 本 or 年.
        if ((asciiDigit(c) || c == u'已' || c == u'今' || c == u'本' || c == u'年') &&
            deadlineAt(text, p, out))
            return true;
    }
    return false;
}

QString findDeadline(QStringView text, int planYear) {
    // 1 已完成 | 2 year 3 month (4 day) | 5 今年/本年/年内/年底 | 6 month-only 月底前 (see deadlines.h)
    // Every form holds 完, 年 or 月: most cells and bodies have none and need no scan.
    if (std::none_of(text.begin(), text.end(),
                     [](QChar c) { return c == u'年' || c == u'月' || c == u'完'; }))
        return {};
    DeadlineScan m;
    auto length = [&m](int g) { return m.group[g - 1].second - m.group[g - 1].first; };
    auto view = [&m, text](int g) {
        return text.sliced(m.group[g - 1].first, m.group[g - 1].second - m.group[g - 1].first);
    };
    for (qsizetype from = 0; nextDeadlineForm(text, from, m); from = m.end) {
        if (length(1))
            return QStringLiteral("已完成");
        if (length(2)) {
            if (length(4))
                continue; // a full date (issue date, event date) is not a deadline
            const int year = view(2).toInt();
            // A bare year counts only when it reads as a time limit: 2019年底前, 2023年, 2019年内.
            const int month = length(3) ? view(3).toInt() : 12;
            const QString r = ym(year, month);
            if (!r.isEmpty())
                return r;
            continue;
        }
        if (length(5)) {
            if (planYear > 0)
                return ym(planYear, 12);
            continue;
        }
        if (length(6) && planYear > 0)
            return ym(planYear, view(6).toInt());
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
