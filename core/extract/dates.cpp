// Dates of the target grammar (see dates.h).
#include "dates.h"

#include "numbers.h"
#include "scanners.h"
#include "text/scan.h"

#include <array>

namespace pc::extract::grammar {

namespace {

QString ym(int year, int month) {
    if (month < 0 || month > 99)
        return QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
    return text::yearMonth(year, month);
}

} // namespace

QList<DateMention> findDates(const QString& text, qsizetype from, qsizetype to, int documentYear) {
    // The forms (see scanners.h): a year with its month and day, a month before an end of month or
    // a day, 明年/次年, 今年 with a month, and the relative words.
    auto toInt = [](QStringView s) {
        int v = 0;
        for (QChar c : s)
            v = v * 10 + (c.unicode() >= u'０' ? c.unicode() - u'０' : c.unicode() - u'0');
        return v;
    };
    QList<DateMention> out;
    // Every form above names a 年 or a 月: most sentences have neither and need no regex.
    const QStringView range = QStringView(text).mid(from, to - from);
    if (!range.contains(u'年') && !range.contains(u'月'))
        return out;
    for (const DateScan& m : findDateForms(range)) {
        auto part = [&](DateScan::Part p) { return m.view(range, p); };
        DateMention d;
        d.start = from + m.start;
        d.end = from + m.end;
        const QStringView after =
            QStringView(text).mid(d.end, std::max<qsizetype>(0, std::min<qsizetype>(6, to - d.end)));
        const QStringView before =
            QStringView(text).mid(std::max(from, d.start - 3), d.start - std::max(from, d.start - 3));
        const bool past = before.endsWith(u"已于") || before.endsWith(u"已") || before.endsWith(u"已在");
        const bool base =
            after.startsWith(u"基础上") || after.startsWith(u"的基础") || after.startsWith(u"水平");
        if (!part(DateScan::Year).isEmpty()) {
            // A digit run just before (e.g. a phone number) means this is no year.
            if (d.start > from && isArabicDigit(text.at(d.start - 1)))
                continue;
            const int y = toInt(part(DateScan::Year));
            int mo = part(DateScan::Month).isEmpty() ? 12 : toInt(part(DateScan::Month));
            // 2020年上半年 / 2020年三季度: the end of that part of the year.
            if (part(DateScan::Month).isEmpty()) {
                static const std::array<std::pair<QStringView, int>, 8> parts = {{{u"上半年", 6},
                                                                                  {u"第一季度", 3},
                                                                                  {u"一季度", 3},
                                                                                  {u"第二季度", 6},
                                                                                  {u"二季度", 6},
                                                                                  {u"第三季度", 9},
                                                                                  {u"三季度", 9},
                                                                                  {u"下半年", 12}}};
                for (const auto& [word, month] : parts) {
                    if (after.startsWith(word)) {
                        mo = month;
                        d.end += word.size();
                        break;
                    }
                }
            }
            const bool fullDate = !part(DateScan::Day).isEmpty();
            if (y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && !past && !base && !fullDate)
                d.yearMonth = ym(y, mo);
        } else if (!part(DateScan::OMonth).isEmpty()) {
            d.relative = true;
            const int mo = toInt(part(DateScan::OMonth));
            if (d.start > from && isArabicDigit(text.at(d.start - 1)))
                continue;
            if (documentYear > 0 && mo >= 1 && mo <= 12 && part(DateScan::ODay).isEmpty() && !past)
                d.yearMonth = ym(documentYear, mo);
        } else if (!part(DateScan::Next).isEmpty()) {
            d.relative = true;
            // 明年(上半年): the year after the plan's.
            const int mo = part(DateScan::NMonth).isEmpty() ? 12 : toInt(part(DateScan::NMonth));
            if (documentYear > 0 && mo >= 1 && mo <= 12 && !past)
                d.yearMonth = ym(documentYear + 1, after.startsWith(u"上半年") ? 6 : mo);
        } else if (!part(DateScan::This).isEmpty()) {
            d.relative = true;
            const int mo = toInt(part(DateScan::TMonth));
            if (documentYear > 0 && mo >= 1 && mo <= 12 && !past)
                d.yearMonth = ym(documentYear, mo);
        } else {
            d.relative = true;
            // 2023年年底前: the year branch already read the date; a bare 年底 is the plan's year.
            if (d.start > from && text.at(d.start - 1) == u'年')
                continue;
            if (documentYear > 0 && !past)
                d.yearMonth = ym(documentYear, 12);
        }
        out << d;
    }
    return out;
}

} // namespace pc::extract::grammar
