// Whether a text is well-formed UTF-16, four code units at a time: what lets a caller tell
// QRegularExpression that a subject needs no check (PCRE2 checks the whole subject, from the start
// offset to its end, on every match call: 4,000 characters of a plan's head per metadata pattern).
#pragma once

#include "text/scan.h"

#include <QRegularExpression>
#include <QStringView>

#include <cstring>

namespace pc::text {

// The same answer as isValidUtf16: runs without any surrogate code unit (nearly every text) are passed
// over four units at a time; a text that holds one is checked by isValidUtf16.
inline bool isWellFormedUtf16(QStringView s) {
    const char16_t* p = s.utf16();
    const qsizetype n = s.size();
    qsizetype i = 0;
    for (; i + 4 <= n; i += 4) {
        quint64 w;
        std::memcpy(&w, p + i, 8);
        // A unit in D800–DFFF is one whose top five bits are 11011: xor those bits away and look for a
        // lane whose top five bits are all zero.
        const quint64 top = (w & 0xF800F800F800F800ull) ^ 0xD800D800D800D800ull;
        // A lane of `top` is zero exactly when its unit is a surrogate; the classic "has a zero lane"
        // test finds the lowest such lane exactly (lanes hold multiples of 0x800, so a non-zero lane
        // never sets bit 15 of lane − 1 together with bit 15 of its complement), and any hit goes to
        // the exact check.
        if ((top - 0x0001000100010001ull) & ~top & 0x8000800080008000ull)
            return isValidUtf16(s);
    }
    for (; i < n; ++i) {
        if ((p[i] & 0xF800) == 0xD800)
            return isValidUtf16(s);
    }
    return true;
}

// Match options for subjects cut from `text` at characters outside the surrogate range (lines, cells,
// a head of the text checked itself): PCRE2's own check skipped when the text is well-formed, kept
// otherwise (then QRegularExpression finds nothing in a subject that is not, as before).
inline QRegularExpression::MatchOptions subjectOptions(QStringView text) {
    return isWellFormedUtf16(text) ? QRegularExpression::DontCheckSubjectStringMatchOption
                                   : QRegularExpression::NoMatchOption;
}

} // namespace pc::text
