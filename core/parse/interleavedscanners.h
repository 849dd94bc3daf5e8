// Hand-written scanners for the interleaved parser's patterns (they ran over the whole text of every
// interleaved plan). Each returns what the regular expression in its comment returned, match for match;
// tests/core/parse/interleavedscanners_test.cpp keeps the expressions and compares.
#pragma once

#include <QList>
#include <QStringView>

namespace pc::parse {

struct ScanSpan {
    qsizetype start = 0; // the whole match
    qsizetype end = 0;
    qsizetype captureStart = 0; // the pattern's group (see each function)
    qsizetype captureEnd = 0;
};

// Measure numbers "6．" (already normalised to "6."): globalMatch of
//   (?<![\d.])(\d{1,3})\.(?=\p{Han})
// from `from` (the characters before `from` still count for the look-behind). Group: the digits.
// With maxDigits = 2, the layout evidence's (?<![\d.])(\d{1,2})\.(?=\p{Han}).
QList<ScanSpan> findMeasureNumbers(QStringView text, qsizetype from, int maxDigits = 3);

// Area headings "三、获得电力" before a measure number, a bracket or the end: globalMatch of
//   ([一二三四五六七八九十]{1,3})、(\p{Han}{2,10}?)(?=\d{1,3}\.|[（(]|$)
// from `from`. Group: the name (group 2); the numerals are [start, captureStart - 1).
QList<ScanSpan> findAreaHeadings(QStringView text, qsizetype from);

// The first prose heading "二、" or "（二）" in `text`: the start of the first match of
//   [一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）
// or -1.
qsizetype findProseHeading(QStringView text);

// Unit names standing in a 、/，-separated list: globalMatch of
//   (?<=[、，,])((?:重庆市|重庆|市|国网|人行)\p{Han}{1,8}?(?:局|委|办|院|部|海关|公司|中心)|\p{Han}{2,8}?公司)(?=[、，,。])
// Group: the name (the whole match).
QList<ScanSpan> findListedUnits(QStringView text);

// The layout evidence's numbered line: whether ^\s*\d{1,3}\.(?!\d) matches `line`.
bool isNumberedLine(QStringView line);

} // namespace pc::parse
