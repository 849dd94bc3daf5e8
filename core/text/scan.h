// Small character scanners shared by the hand-written replacements of regular expressions
// (core/extract/scanners.cpp, core/parse/deadlines.cpp).
#pragma once

#include <QChar>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <iterator>

namespace pc::text {

// \s of QRegularExpression without UseUnicodePropertiesOption: ASCII white space only (tab, line feed,
// vertical tab, form feed, carriage return, space).
inline bool isRegexSpace(QChar c) {
    const char16_t u = c.unicode();
    return u == u' ' || (u >= 9 && u <= 13);
}

// The first position from p that is not \s (s.size() at the end).
inline qsizetype skipRegexSpaces(QStringView s, qsizetype p) {
    while (p < s.size() && isRegexSpace(s.at(p)))
        ++p;
    return p;
}

// The end of the run of up to `most` characters from p that `isDigit` accepts: p when none. A longer
// run is cut at `most` (greedy, as D{1,most}); what follows is then another such character.
template <typename IsDigit>
qsizetype digitRunEnd(QStringView s, qsizetype p, qsizetype most, IsDigit isDigit) {
    qsizetype e = p;
    while (e < s.size() && e - p < most && isDigit(s.at(e)))
        ++e;
    return e;
}

// \p{Han} of QRegularExpression (PCRE2 10.42): the Han script *extensions*, so besides the ideographs
// it holds the CJK marks 、。《》【】〔〕 and others (not QChar::Script_Han, which leaves them out).
// tests/core/text/scan_test.cpp compares this with the expression for every code point.
inline bool isRegexHan(char32_t c) {
    struct Range {
        char32_t first, last;
    };
    static constexpr Range ranges[] = {
        {0x2E80, 0x2E99},   {0x2E9B, 0x2EF3},   {0x2F00, 0x2FD5},   {0x3001, 0x3003},   {0x3005, 0x3011},
        {0x3013, 0x301F},   {0x3021, 0x302D},   {0x3030, 0x3030},   {0x3037, 0x303F},   {0x30FB, 0x30FB},
        {0x3190, 0x319F},   {0x31C0, 0x31E3},   {0x3220, 0x3247},   {0x3280, 0x32B0},   {0x32C0, 0x32CB},
        {0x32FF, 0x32FF},   {0x3358, 0x3370},   {0x337B, 0x337F},   {0x33E0, 0x33FE},   {0x3400, 0x4DBF},
        {0x4E00, 0x9FFF},   {0xA700, 0xA707},   {0xF900, 0xFA6D},   {0xFA70, 0xFAD9},   {0xFE45, 0xFE46},
        {0xFF61, 0xFF65},   {0x16FE2, 0x16FE3}, {0x16FF0, 0x16FF1}, {0x1D360, 0x1D371}, {0x1F250, 0x1F251},
        {0x20000, 0x2A6DF}, {0x2A700, 0x2B738}, {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0},
        {0x2F800, 0x2FA1D}, {0x30000, 0x3134A}};
    if (c >= 0x4E00 && c <= 0x9FFF) // the unified ideographs: nearly every character of a plan
        return true;
    if (c < 0x2E80)
        return false;
    const Range* r = std::upper_bound(std::begin(ranges), std::end(ranges), c,
                                      [](char32_t v, const Range& x) { return v < x.first; });
    return r != std::begin(ranges) && c <= (r - 1)->last;
}

// The length in UTF-16 units (1, or 2 for a surrogate pair) of the \p{Han} character at p; 0 when
// there is none (end of text, another character, a lone surrogate).
inline qsizetype regexHanAt(QStringView s, qsizetype p) {
    if (p >= s.size())
        return 0;
    const char16_t u = s.at(p).unicode();
    if (QChar::isHighSurrogate(u)) {
        if (p + 1 >= s.size() || !QChar::isLowSurrogate(s.at(p + 1).unicode()))
            return 0;
        return isRegexHan(QChar::surrogateToUcs4(u, s.at(p + 1).unicode())) ? 2 : 0;
    }
    return !QChar::isLowSurrogate(u) && isRegexHan(u) ? 1 : 0;
}

// Whether `s` is well-formed UTF-16 (no lone surrogate). QRegularExpression finds nothing at all in a
// subject that is not, so a scanner that replaces one checks this first.
inline bool isValidUtf16(QStringView s) {
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t u = s.at(i).unicode();
        if (u < 0xD800 || u > 0xDFFF)
            continue;
        if (QChar::isLowSurrogate(u) || i + 1 >= s.size() || !QChar::isLowSurrogate(s.at(i + 1).unicode()))
            return false;
        ++i;
    }
    return true;
}

// "YYYY-MM" for a month of 0–99: what QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, u'0') gives,
// in one allocation instead of two passes and three (every date of every sentence is formatted).
inline QString yearMonth(int year, int month) {
    QString s = QString::number(year);
    s.reserve(s.size() + 3);
    s.append(QLatin1Char('-'));
    s.append(QChar(char16_t(u'0' + month / 10)));
    s.append(QChar(char16_t(u'0' + month % 10)));
    return s;
}

} // namespace pc::text
