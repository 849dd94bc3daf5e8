// Scanners (see scanners.h).
#include "scanners.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <string_view>

namespace pc::extract::grammar {

namespace {

bool startsAt(QStringView s, qsizetype p, QStringView word) {
    return word.size() <= s.size() - p && s.sliced(p, word.size()) == word;
}

constexpr std::array<QStringView, 13> kQualitative = {
    u"立等可取", u"即办即结", u"即办即取", u"当场办结",   u"即来即办",   u"立即办结", u"即时办结",
    u"当日办结", u"当天办结", u"即到即办", u"一次都不跑", u"一次不用跑", u"一次不跑"};

constexpr std::array<QStringView, 11> kZeroNouns = {u"材料", u"费用", u"成本", u"跑动", u"跑腿", u"上门",
                                                    u"审批", u"投资", u"见面", u"证明", u"收费"};

constexpr std::array<QStringView, 10> kMeasuredNouns = {
    u"审批时间",   u"办理时间", u"办理时限", u"办电时限", u"总办理时限",
    u"办理总时限", u"时限",     u"时间",     u"总用时",   u"用时"};

constexpr std::array<QStringView, 38> kScopeVerbs = {
    u"控制在", u"压减至", u"压缩至", u"缩减至", u"减少至", u"减至",   u"降至",   u"不超过",
    u"不高于", u"不低于", u"不少于", u"少于",   u"低于",   u"至少",   u"达到",   u"达",
    u"降低",   u"压缩",   u"压减",   u"减少为", u"简化为", u"放宽至", u"放宽到", u"稳定在",
    u"保持在", u"提高到", u"提高至", u"提升至", u"增加",   u"新增",   u"新建",   u"实现",
    u"约",     u"为",     u"至",     u"在",     u"由",     u"从"};

// Positions from which an optional word of `words` reaches one of `ends`: the ends themselves and,
// for each end and word that ends there, the word's start. A word's last character is compared first,
// inline (most words do not end where the text does).
using Ends = QVarLengthArray<qsizetype, 16>;
template <size_t N> void optionalBefore(QStringView s, Ends& ends, const std::array<QStringView, N>& words) {
    const qsizetype known = ends.size();
    for (qsizetype i = 0; i < known; ++i) {
        const qsizetype e = ends.at(i);
        if (e == 0)
            continue;
        const char16_t last = s.at(e - 1).unicode();
        for (QStringView w : words) {
            const qsizetype len = w.size();
            if (len == 0 || len > e || w.at(len - 1).unicode() != last)
                continue;
            if (std::equal(w.begin(), w.end() - 1, s.begin() + (e - len)) && !ends.contains(e - len))
                ends.append(e - len);
        }
    }
}

} // namespace

QList<ScanMatch> findQualitativePhrases(QStringView s) {
    QList<ScanMatch> out;
    const qsizetype n = s.size();
    for (qsizetype p = 0; p < n;) {
        const char16_t c = s.at(p).unicode();
        // Every phrase starts with 立, 即, 当 or 一 and goes on with one of 等即办来时到场日天次 (一 is
        // common: most of them start no phrase).
        if ((c != u'立' && c != u'即' && c != u'当' && c != u'一') || p + 1 >= n ||
            !QStringView(u"等即办来时到场日天次").contains(s.at(p + 1))) {
            ++p;
            continue;
        }
        qsizetype len = 0;
        for (QStringView w : kQualitative) {
            if (startsAt(s, p, w)) {
                len = w.size();
                break;
            }
        }
        if (len == 0) {
            ++p;
            continue;
        }
        out.append(ScanMatch{p, p + len, p, p + len});
        p += len;
    }
    return out;
}

QList<ScanMatch> findZeroForms(QStringView s) {
    static const QStringView notBefore = u"0123456789０１２３４５６７８９零一二三四五六七八九十百“\"";
    static const QStringView follows = u"、，。；和及）)";
    QList<ScanMatch> out;
    const qsizetype n = s.size();
    for (qsizetype p = 0; p + 3 <= n; ++p) {
        const QChar c = s.at(p);
        if (c != u'零' && c != u'0' && c != u'０')
            continue;
        if (p > 0 && notBefore.contains(s.at(p - 1)))
            continue;
        bool noun = false;
        for (QStringView w : kZeroNouns) {
            if (startsAt(s, p + 1, w)) {
                noun = true;
                break;
            }
        }
        if (!noun)
            continue;
        const qsizetype e = p + 3;
        const bool atEnd = e == n || (e == n - 1 && s.at(e) == u'\n');
        if (!atEnd && !follows.contains(s.at(e)))
            continue;
        out.append(ScanMatch{p, e, p + 1, e});
        p = e - 1; // the next match starts after this one
    }
    return out;
}

qsizetype trailingScopeWordsStart(QStringView s, bool withNoun) {
    const qsizetype end = !s.isEmpty() && s.back() == u'\n' ? s.size() - 1 : s.size();
    Ends at{end};
    optionalBefore(s, at, kScopeVerbs);
    optionalBefore(s, at, std::array<QStringView, 1>{u"再"});
    optionalBefore(s, at, std::array<QStringView, 1>{u"平均"});
    if (withNoun) {
        // The noun is required: only the positions before one remain.
        Ends before;
        for (qsizetype e : at) {
            for (QStringView w : kMeasuredNouns) {
                if (w.isEmpty() || w.size() > e)
                    continue;
                if (s.sliced(e - w.size(), w.size()) == w && !before.contains(e - w.size()))
                    before.append(e - w.size());
            }
        }
        if (before.isEmpty())
            return end;
        optionalBefore(s, before, std::array<QStringView, 2>{u"全流程", u"平均"});
        optionalBefore(s, before, std::array<QStringView, 1>{u"的"});
        return *std::min_element(before.begin(), before.end());
    }
    return *std::min_element(at.begin(), at.end());
}

namespace {

bool isDateDigit(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'０' && u <= u'９');
}

qsizetype skipSpaces(QStringView s, qsizetype p) {
    return text::skipRegexSpaces(s, p);
}

// Up to `most` date digits from p (greedy): their end, or p when none. A run longer than `most` is cut
// at `most`; what follows is then a digit, which no part of a date accepts.
qsizetype digitsFrom(QStringView s, qsizetype p, qsizetype most) {
    return text::digitRunEnd(s, p, most, isDateDigit);
}

// \s*D{1,2}\s*<mark> from p: the end after <mark>, the digits' span; -1 when it does not read so.
qsizetype numberThen(QStringView s, qsizetype p, QChar mark, std::pair<qsizetype, qsizetype>& digits) {
    const qsizetype d = skipSpaces(s, p);
    const qsizetype e = digitsFrom(s, d, 2);
    if (e == d)
        return -1;
    const qsizetype m = skipSpaces(s, e);
    if (m >= s.size() || s.at(m) != mark)
        return -1;
    digits = {d, e};
    return m + 1;
}

bool dateAt(QStringView s, qsizetype p, DateScan& out) {
    out = DateScan();
    out.start = p;
    const qsizetype n = s.size();
    // year 年 [month 月 [day 日]]
    if (digitsFrom(s, p, 4) == p + 4) {
        const qsizetype nian = skipSpaces(s, p + 4);
        if (nian < n && s.at(nian) == u'年') {
            out.part[DateScan::Year] = {p, p + 4};
            out.end = nian + 1;
            std::pair<qsizetype, qsizetype> month;
            const qsizetype afterMonth = numberThen(s, out.end, u'月', month);
            if (afterMonth >= 0) {
                out.part[DateScan::Month] = month;
                out.end = afterMonth;
                std::pair<qsizetype, qsizetype> day;
                const qsizetype afterDay = numberThen(s, out.end, u'日', day);
                if (afterDay >= 0) {
                    out.part[DateScan::Day] = day;
                    out.end = afterDay;
                }
            }
            return true;
        }
    }
    // month 月 before an end of month or a day
    {
        const qsizetype e = digitsFrom(s, p, 2);
        if (e > p) {
            const qsizetype yue = skipSpaces(s, e);
            if (yue < n && s.at(yue) == u'月') {
                const QStringView rest = s.sliced(yue + 1);
                std::pair<qsizetype, qsizetype> day;
                const qsizetype afterDay = numberThen(s, yue + 1, u'日', day);
                if (rest.startsWith(u"底") || rest.startsWith(u"末") || rest.startsWith(u"份") ||
                    rest.startsWith(u"中旬") || rest.startsWith(u"上旬") || rest.startsWith(u"下旬") ||
                    rest.startsWith(u"前") || rest.startsWith(u"内") || afterDay >= 0) {
                    out.part[DateScan::OMonth] = {p, e};
                    out.end = yue + 1;
                    if (afterDay >= 0) {
                        out.part[DateScan::ODay] = day;
                        out.end = afterDay;
                    }
                    return true;
                }
            }
        }
    }
    // The forms below start with 明, 次, 今, 本, 年 or 全, never with a digit (most candidates): no
    // word search for those.
    if (isDateDigit(s.at(p)))
        return false;
    const QStringView rest = s.sliced(p);
    // 明年|次年 [month 月]
    if (rest.startsWith(u"明年") || rest.startsWith(u"次年")) {
        out.part[DateScan::Next] = {p, p + 2};
        out.end = p + 2;
        std::pair<qsizetype, qsizetype> month;
        const qsizetype afterMonth = numberThen(s, out.end, u'月', month);
        if (afterMonth >= 0) {
            out.part[DateScan::NMonth] = month;
            out.end = afterMonth;
        }
        return true;
    }
    // 今年 month 月
    if (rest.startsWith(u"今年")) {
        std::pair<qsizetype, qsizetype> month;
        const qsizetype afterMonth = numberThen(s, p + 2, u'月', month);
        if (afterMonth >= 0) {
            out.part[DateScan::This] = {p, p + 2};
            out.part[DateScan::TMonth] = month;
            out.end = afterMonth;
            return true;
        }
    }
    static constexpr std::array<QStringView, 9> relative = {
        u"今年内", u"今年底", u"今年年底", u"今年", u"本年度", u"年内", u"全年", u"年底前", u"年底"};
    for (QStringView w : relative) {
        if (rest.startsWith(w)) {
            out.part[DateScan::Rel] = {p, p + w.size()};
            out.end = p + w.size();
            return true;
        }
    }
    return false;
}

} // namespace

QList<DateScan> findDateForms(QStringView s) {
    QList<DateScan> out;
    DateScan d;
    // Every form starts with a digit or 明, 次, 今, 本, 年, 全: a table of their low eight bits passes
    // over most characters with one test (the exact test follows for those it lets through).
    static const std::array<quint64, 4> starts = [] {
        std::array<quint64, 4> m{};
        for (char16_t c : std::u16string_view(u"0123456789０１２３４５６７８９明次今本年全"))
            m[(c & 0xff) >> 6] |= quint64(1) << (c & 63);
        return m;
    }();
    const char16_t* u = s.utf16();
    for (qsizetype p = 0; p < s.size();) {
        if (!(starts[(u[p] & 0xff) >> 6] & (quint64(1) << (u[p] & 63)))) {
            ++p;
            continue;
        }
        const QChar c = s.at(p);
        if (!isDateDigit(c) && c != u'明' && c != u'次' && c != u'今' && c != u'本' && c != u'年' &&
            c != u'全') {
            ++p;
            continue;
        }
        if (dateAt(s, p, d)) {
            out.append(d);
            p = d.end;
        } else {
            ++p;
        }
    }
    return out;
}

} // namespace pc::extract::grammar
