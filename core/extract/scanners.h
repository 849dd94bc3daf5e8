// Hand-written scanners for the grammar's hottest per-sentence patterns. Each one finds exactly what the
// regular expression it replaces finds (the expressions are kept in tests/core/extract/scanners_test.cpp,
// which compares both on generated and hand-written texts), without a regex call or match objects.
#pragma once

#include "text/scan.h"

#include <QList>
#include <QStringView>

#include <array>
#include <utility>

namespace pc::extract::grammar {

struct ScanMatch {
    qsizetype start = 0; // the whole match
    qsizetype end = 0;
    qsizetype groupStart = 0; // the noun of a zero form (capture group 1)
    qsizetype groupEnd = 0;
};

// Qualitative commitments, left to right, not overlapping, the first listed phrase where several start
// at one place: 立等可取|即办即结|即办即取|当场办结|即来即办|立即办结|即时办结|当日办结|当天办结|
// 即到即办|一次都不跑|一次不用跑|一次不跑.
QList<ScanMatch> findQualitativePhrases(QStringView s);

// Zeros of something: 零, 0 or ０ not after a digit, a Chinese numeral or an opening quote, then
// 材料|费用|成本|跑动|跑腿|上门|审批|投资|见面|证明|收费 (the group), then a list or clause mark
// (、，。；和及）)) or the end of the text (also: before a final line feed, as a regex's `$`).
QList<ScanMatch> findZeroForms(QStringView s);

// Where the trailing words a scope drops begin: the leftmost position from which the rest of `s` (but
// a final line feed) reads
//   [的][全流程|平均](审批时间|办理时间|…|用时)[平均][再][控制在|压减至|…|从]   (withNoun)
//   [平均][再][控制在|压减至|…|从]                                         (otherwise),
// i.e. where `remove()` of the anchored expressions (…$) cuts. s.size() (or the final line feed's
// position) when nothing trails.
qsizetype trailingScopeWordsStart(QStringView s, bool withNoun);

// \s of the regular expressions: ASCII white space (QRegularExpression without Unicode properties).
using text::isRegexSpace;

// A date of the target grammar, with the parts the regular expression named:
//   year: 4 digits, 年, [month 月 [day 日]]        omonth: month 月 before 底|末|份|中旬|上旬|下旬|前|内
//   or a day (then [oday 日])                       next: 明年|次年 [nmonth 月]
//   this: 今年 tmonth 月                            rel:
//   今年内|今年底|今年年底|今年|本年度|年内|全年|年底前|年底
// Digits are [0-9０-９]; white space may stand between the parts. Each part is a [start, end) pair,
// start -1 where the date has none.
struct DateScan {
    qsizetype start = 0;
    qsizetype end = 0;
    enum Part { Year, Month, Day, OMonth, ODay, Next, NMonth, This, TMonth, Rel, PartCount };
    std::array<std::pair<qsizetype, qsizetype>, PartCount> part;
    DateScan() { part.fill({-1, -1}); }
    bool has(Part p) const { return part[p].first >= 0; }
    QStringView view(QStringView s, Part p) const {
        return has(p) ? s.sliced(part[p].first, part[p].second - part[p].first) : QStringView();
    }
};

// The dates in `s`, left to right, not overlapping (what a global match of the old expression found).
QList<DateScan> findDateForms(QStringView s);

} // namespace pc::extract::grammar
