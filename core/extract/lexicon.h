// The grammar's lexicon: units as written, character classes and word-list helpers.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <initializer_list>

namespace pc::extract::grammar {

struct UnitEntry {
    QString written; // as it appears after the number
    QString unit;    // as reported
    double factor;   // multiplier folded into the value (5万人次 → 50000 人次)
};

// Longest first: 个工作日 before 个, 万平方米 before 万.
const QList<UnitEntry>& unitLexicon();
// The longest unit written at the start of `s`, or null.
const UnitEntry* unitAt(QStringView s);

// The character tests run for every character of every sentence: inline, no call per character.
// 。！？ and line breaks, tabs
inline bool isSentenceEnd(QChar c) {
    switch (c.unicode()) {
    case u'。':
    case u'！':
    case u'？':
    case u'!':
    case u'?':
    case u'\n':
    case u'\r':
    case u'\t':
        return true;
    default:
        return false;
    }
}
// ，；： and sentence ends
inline bool isClauseDelimiter(QChar c) {
    switch (c.unicode()) {
    case u'，':
    case u',':
    case u'；':
    case u';':
    case u'：':
    case u':':
        return true;
    default:
        return isSentenceEnd(c);
    }
}
bool isAsciiLetter(QChar c); // half- or full-width Latin letter
// space, ideographic space, no-break space
inline bool isSpace(QChar c) {
    return c == u' ' || c == u'\u3000' || c == u'\u00a0';
}
bool isRangeDash(QChar c); // - — – － ~ ～ 至

bool endsWithAny(QStringView s, std::initializer_list<QStringView> words, QStringView* which = nullptr);
bool startsWithAny(QStringView s, std::initializer_list<QStringView> words, QStringView* which = nullptr);
bool containsAny(QStringView s, std::initializer_list<QStringView> words);
// `word` with one short foreign fragment (2–6 characters) between two of its characters. The
// fragments of the municipal PDF are pieces of unit names, so the gap must look like one (…局, 市…).
bool containsWithGap(QStringView text, QStringView word);
QStringView trimSpaces(QStringView s);

} // namespace pc::extract::grammar
