// A quantitative (or explicitly qualitative) target read from a measure, with its source span.
#pragma once

#include "span.h"

#include <QString>

#include <optional>

namespace pc {

struct Target {
    QString docId;
    int measureIndex = -1; // index into Document::measures
    int measureNumber = 0;
    QString area;                // canonical area code
    QString indicator;           // canonical indicator id or "other:<short name>"
    QString scope;               // qualifier in the plan's words
    QString kind;                // level | reduce_by | increase_by | add
    QString comparator;          // <= < = >= > ~
    std::optional<double> value; // empty for qualitative targets (立等可取, 即办)
    QString unit;                // as written, ASCII-folded: 工作日, 日, 天, %, 个百分点 …
    std::optional<double> baseline;
    QString deadline; // YYYY-MM or empty
    Span span;        // source span of the quote
    QString quote;    // exact source text at span
    double confidence = 1.0;
    double indicatorConfidence = 1.0;
    bool qualitative = false;
    // Where in the plan the target was found: measure (a numbered measure or task), goal (a 总体目标 /
    // 主要目标 / 工作目标 passage), table (a flattened table row), other (preamble, news text, a
    // paragraph of a plan without numbered measures).
    QString section;
    QString sectionHeading; // the nearest heading above the target, as written (may be empty)
    int page = 0; // 1-based page of the quote in the original file (PDF); 0 without pages
    bool operator==(const Target&) const = default;
};

} // namespace pc
