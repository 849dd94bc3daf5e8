// Character-level differences between two measure texts, for showing what a district kept, changed
// or added when it took up a municipal measure.
#pragma once

#include <QList>
#include <QString>

namespace pc::align {

// A run of one side's text: `common` when the characters also stand, in the same order, in the other
// text (a longest common subsequence), else the characters only this side has.
struct DiffRun {
    qsizetype start = 0;
    qsizetype length = 0;
    bool common = false;
    bool operator==(const DiffRun&) const = default;
};

struct CharDiff {
    QList<DiffRun> left;  // covers the left text, in order
    QList<DiffRun> right; // covers the right text, in order
    qsizetype commonLength = 0;
    bool truncated = false; // texts beyond kMaxDiffLength characters were compared up to it only
};

inline constexpr qsizetype kMaxDiffLength = 4000;

// Longest-common-subsequence diff over characters, O(n·m) time and memory on at most
// kMaxDiffLength characters a side (the rest counts as different).
CharDiff charDiff(const QString& left, const QString& right);

// For display: a common run shorter than `minCommon` between differing text (a lone 的 or 企 that two
// unrelated sentences happen to share) is shown as differing; adjacent differing runs merge.
QList<DiffRun> withoutStrayMatches(const QList<DiffRun>& runs, qsizetype minCommon = 2);

} // namespace pc::align
