// Comparator cues around a number: 不超过 / 控制在 / 达到 before it, 以内 / 以上 / 左右 / 内办结 after it,
// and the scope bounds (及以下) that make a number no target.
#pragma once

#include <QString>

namespace pc::extract::grammar {

struct CueHit {
    QString comparator;
    qsizetype start = -1; // where the cue starts in the text (to include it in the quote)
};

// The cue just before the number (the closest wins; at the same end the longer one).
CueHit comparatorBefore(const QString& text, qsizetype clauseStart, qsizetype numStart);

struct AfterCue {
    QString comparator;      // empty if none
    qsizetype end = -1;      // end of the cue (for the quote)
    bool scopeBound = false; // 及以下 / 以下的: the number bounds a scope, it is no target
};

// The cue right after the unit; in interleaved text also after a short foreign fragment.
AfterCue comparatorAfter(const QString& text, qsizetype unitEnd, qsizetype limit, bool interleaved = false);

// 环节整合为 / 合并为 right after a count: the count is the state before a change (三个环节整合为一个环节).
// Returns where the new value starts, or 0.
qsizetype changeFollows(const QString& text, qsizetype unitEnd, qsizetype limit);

} // namespace pc::extract::grammar
