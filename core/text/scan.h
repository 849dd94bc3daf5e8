// Small character scanners shared by the hand-written replacements of regular expressions
// (core/extract/scanners.cpp, core/parse/deadlines.cpp).
#pragma once

#include <QChar>
#include <QStringView>

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

} // namespace pc::text
