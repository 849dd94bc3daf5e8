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
    auto at = [&](qsizetype i) { return i < n ? s.at(i).unicode() : char16_t(0); };
    auto closes = [&](qsizetype e) { return e < n && (isListMark(s.at(e)) || s.at(e) == u'。'); };
    // The suffix (?:局|委|办|院|部|海关|公司|中心) at q followed by a closing mark: the end, or -1.
    auto suffixEnd = [&](qsizetype q) -> qsizetype {
        switch (at(q)) {
        case u'局':
        case u'委':
        case u'办':
        case u'院':
        case u'部':
            return closes(q + 1) ? q + 1 : -1;
        case u'海':
            return at(q + 1) == u'关' && closes(q + 2) ? q + 2 : -1;
        case u'公':
            return at(q + 1) == u'司' && closes(q + 2) ? q + 2 : -1;
        case u'中':
            return at(q + 1) == u'心' && closes(q + 2) ? q + 2 : -1;
        default:
            return -1;
        }
    };
    // (?:重庆市|重庆|市|国网|人行)\p{Han}{1,8}?(?:局|…), the alternatives in order.
    const char16_t c0 = at(p);
    if (c0 == u'重' || c0 == u'市' || c0 == u'国' || c0 == u'人') {
        for (QStringView prefix : {QStringView(u"重庆市"), QStringView(u"重庆"), QStringView(u"市"),
                                   QStringView(u"国网"), QStringView(u"人行")}) {
            if (prefix.front() != c0 || !startsWithAt(s, p, prefix))
                continue;
            qsizetype q = p + prefix.size();
            for (int k = 1; k <= 8; ++k) {
                const qsizetype h = regexHanAt(s, q);
                if (h == 0)
                    break;
                q += h;
                const qsizetype e = suffixEnd(q);
                if (e >= 0)
                    return e;
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
        if (k >= 2 && at(q) == u'公' && at(q + 1) == u'司' && closes(q + 2))
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

QList<ScanSpan> findMeasureNumbers(QStringView s, qsizetype from, int maxDigits) {
    QList<ScanSpan> out;
    const qsizetype n = s.size();
    for (qsizetype i = std::max<qsizetype>(from, 0); i < n; ++i) {
        if (!isAsciiDigit(s.at(i)))
            continue;
        if (i > 0 && (isAsciiDigit(s.at(i - 1)) || s.at(i - 1) == u'.'))
            continue;
        qsizetype e = i;
        while (e < n && isAsciiDigit(s.at(e)))
            ++e;
        // Every start inside the run fails the look-behind; a longer run than maxDigits never matches.
        if (e - i <= maxDigits && e < n && s.at(e) == u'.' && regexHanAt(s, e + 1) > 0)
            out.append(ScanSpan{i, e + 1, i, e});
        i = e - 1;
    }
    if (!out.isEmpty() && !subjectOk(s, from, 1)) // checked only when it matters
        out.clear();
    return out;
}

QList<ScanSpan> findAreaHeadings(QStringView s, qsizetype from) {
    QList<ScanSpan> out;
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
        if (!isNumeral(s.at(i)))
            continue;
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
    if (!out.isEmpty() && !subjectOk(s, from, 0))
        out.clear();
    return out;
}

qsizetype findProseHeading(QStringView s) {
    for (qsizetype i = 0; i < s.size(); ++i) {
        if ((isNumeral(s.at(i)) && numeralsThen(s, i, u'、') >= 0) ||
            (s.at(i) == u'（' && numeralsThen(s, i + 1, u'）') >= 0))
            return text::isValidUtf16(s) ? i : -1;
    }
    return -1;
}

bool isNumberedLine(QStringView s) {
    const qsizetype p = text::skipRegexSpaces(s, 0);
    qsizetype e = p;
    while (e < s.size() && isAsciiDigit(s.at(e)))
        ++e;
    return e > p && e - p <= 3 && e < s.size() && s.at(e) == u'.' &&
           !(e + 1 < s.size() && isAsciiDigit(s.at(e + 1))) && text::isValidUtf16(s);
}

QList<ScanSpan> findListedUnits(QStringView s) {
    QList<ScanSpan> out;
    for (qsizetype i = 1; i < s.size(); ++i) {
        if (!isListMark(s.at(i - 1)))
            continue;
        const qsizetype e = listedUnitEnd(s, i);
        if (e > i) {
            out.append(ScanSpan{i, e, i, e});
            i = e - 1;
        }
    }
    if (!out.isEmpty() && !text::isValidUtf16(s))
        out.clear();
    return out;
}

} // namespace pc::parse
