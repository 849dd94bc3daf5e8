// Scanners for the interleaved parser (see interleavedscanners.h). \d is ASCII only and \p{Han} the Han
// script extensions (text/scan.h), as in QRegularExpression; a Han character may be a surrogate pair.
#include "interleavedscanners.h"

#include "text/scan.h"

#include <algorithm>
#include <initializer_list>

namespace pc::parse {
namespace {

using text::regexHanAt;

bool isAsciiDigit(QChar c) {
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isNumeral(QChar c) {
    switch (c.unicode()) {
    case u'一':
    case u'二':
    case u'三':
    case u'四':
    case u'五':
    case u'六':
    case u'七':
    case u'八':
    case u'九':
    case u'十':
        return true;
    default:
        return false;
    }
}

// [一二三四五六七八九十]{1,3} followed by `close` at p: the position of `close`, or -1. (A longer run
// of numerals fails: after three of them comes a fourth, not `close`.)
qsizetype numeralsThen(QStringView s, qsizetype p, char16_t close) {
    const qsizetype e = text::digitRunEnd(s, p, 3, isNumeral);
    return e > p && e < s.size() && s.at(e).unicode() == close ? e : -1;
}

bool startsWithAt(QStringView s, qsizetype p, QStringView w) {
    return p + w.size() <= s.size() && s.mid(p, w.size()) == w;
}

bool isListMark(QChar c) {
    return c == u'、' || c == u'，' || c == u',';
}

// The end of the unit name starting at p (after a list mark), or -1.
qsizetype listedUnitEnd(QStringView s, qsizetype p) {
    const qsizetype n = s.size();
    auto closes = [&](qsizetype e) { return e < n && (isListMark(s.at(e)) || s.at(e) == u'。'); };
    // (?:重庆市|重庆|市|国网|人行)\p{Han}{1,8}?(?:局|委|办|院|部|海关|公司|中心), alternatives in order.
    for (QStringView prefix : {u"重庆市", u"重庆", u"市", u"国网", u"人行"}) {
        if (!startsWithAt(s, p, prefix))
            continue;
        qsizetype q = p + prefix.size();
        for (int k = 1; k <= 8; ++k) {
            const qsizetype h = regexHanAt(s, q);
            if (h == 0)
                break;
            q += h;
            for (QStringView suffix : {u"局", u"委", u"办", u"院", u"部", u"海关", u"公司", u"中心"}) {
                if (startsWithAt(s, q, suffix) && closes(q + suffix.size()))
                    return q + suffix.size();
            }
        }
    }
    // \p{Han}{2,8}?公司
    qsizetype q = p;
    for (int k = 1; k <= 8; ++k) {
        const qsizetype h = regexHanAt(s, q);
        if (h == 0)
            break;
        q += h;
        if (k >= 2 && startsWithAt(s, q, u"公司") && closes(q + 2))
            return q + 2;
    }
    return -1;
}

// Whether QRegularExpression would search `s` from `from` at all (PCRE2 checks the UTF-16 it may
// inspect): not from the middle of a surrogate pair, nor when the text from `lookbehind` characters
// before `from` on is not well-formed.
bool subjectOk(QStringView s, qsizetype from, qsizetype lookbehind) {
    if (from > 0 && from < s.size() && QChar::isLowSurrogate(s.at(from).unicode()))
        return false;
    qsizetype p = std::min(from, s.size());
    for (qsizetype k = 0; k < lookbehind && p > 0; ++k) {
        --p;
        if (p > 0 && QChar::isLowSurrogate(s.at(p).unicode()))
            --p;
    }
    return text::isValidUtf16(s.mid(p));
}

} // namespace

QList<ScanSpan> findMeasureNumbers(QStringView s, qsizetype from) {
    QList<ScanSpan> out;
    if (!subjectOk(s, from, 1))
        return out;
    const qsizetype n = s.size();
    for (qsizetype i = std::max<qsizetype>(from, 0); i < n; ++i) {
        if (!isAsciiDigit(s.at(i)))
            continue;
        if (i > 0 && (isAsciiDigit(s.at(i - 1)) || s.at(i - 1) == u'.'))
            continue;
        qsizetype e = i;
        while (e < n && isAsciiDigit(s.at(e)))
            ++e;
        // Every start inside the run fails the look-behind; a run of 4+ digits never matches.
        if (e - i <= 3 && e < n && s.at(e) == u'.' && regexHanAt(s, e + 1) > 0)
            out.append(ScanSpan{i, e + 1, i, e});
        i = e - 1;
    }
    return out;
}

QList<ScanSpan> findAreaHeadings(QStringView s, qsizetype from) {
    QList<ScanSpan> out;
    if (!subjectOk(s, from, 0))
        return out;
    const qsizetype n = s.size();
    auto lookaheadHolds = [&](qsizetype p) {
        if (p == n || (p == n - 1 && s.at(p) == u'\n')) // $: the end, or before a final line feed
            return true;
        if (s.at(p) == u'（' || s.at(p) == u'(')
            return true;
        qsizetype d = p;
        while (d < n && isAsciiDigit(s.at(d)))
            ++d;
        return d > p && d - p <= 3 && d < n && s.at(d) == u'.';
    };
    for (qsizetype i = std::max<qsizetype>(from, 0); i < n; ++i) {
        const qsizetype mark = numeralsThen(s, i, u'、');
        if (mark < 0)
            continue;
        qsizetype p = mark + 1;
        for (int k = 1; k <= 10; ++k) {
            const qsizetype h = regexHanAt(s, p);
            if (h == 0)
                break;
            p += h;
            if (k >= 2 && lookaheadHolds(p)) {
                out.append(ScanSpan{i, p, mark + 1, p});
                i = p - 1; // the next search starts at the end of this match
                break;
            }
        }
    }
    return out;
}

qsizetype findProseHeading(QStringView s) {
    if (!text::isValidUtf16(s))
        return -1;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (isNumeral(s.at(i)) && numeralsThen(s, i, u'、') >= 0)
            return i;
        if (s.at(i) == u'（' && numeralsThen(s, i + 1, u'）') >= 0)
            return i;
    }
    return -1;
}

QList<ScanSpan> findListedUnits(QStringView s) {
    QList<ScanSpan> out;
    if (!text::isValidUtf16(s))
        return out;
    for (qsizetype i = 1; i < s.size(); ++i) {
        if (!isListMark(s.at(i - 1)))
            continue;
        const qsizetype e = listedUnitEnd(s, i);
        if (e > i) {
            out.append(ScanSpan{i, e, i, e});
            i = e - 1;
        }
    }
    return out;
}

} // namespace pc::parse
