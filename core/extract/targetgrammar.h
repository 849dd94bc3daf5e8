// The target grammar: finds quantitative (and explicitly qualitative) targets in one measure's text.
#pragma once

#include "model/unitclass.h"

#include <QList>
#include <QString>

#include <optional>

namespace pc::extract {

struct GrammarOptions {
    int documentYear = 0; // the plan's year: resolves 今年内 / 全年 / 10月底前 without a year
    // Text extracted from a PDF table whose columns ran into the sentences (20个工6．压减市住房作日以内):
    // read a unit or a cue across a short foreign fragment.
    bool interleaved = false;
};

// A target as found in a text; positions are offsets into that text.
struct TextTarget {
    qsizetype quoteStart = -1; // short quote: predicate, number, unit and trailing cue
    qsizetype quoteEnd = -1;
    qsizetype numberStart = -1; // number with its unit
    qsizetype numberEnd = -1;
    qsizetype clauseStart = -1;  // start of the clause holding the number
    std::optional<double> value; // empty for qualitative targets
    QString unit;                // 工作日, 日, 天, %, 个百分点, 元/吨 …
    QString comparator;          // <= < = >= > ~
    QString kind;                // level reduce_by increase_by add
    std::optional<double> baseline;
    QString deadline;              // YYYY-MM from the sentence, or empty
    bool deadlineRelative = false; // the deadline's year is the plan's (今年内), not written
    QString scope;                 // qualifier in the plan's words
    bool qualitative = false;
    bool comparatorDefault = false; // no cue said it: "=" by default
    double confidence = 1.0;
    QString before;   // text of the clause before the number, from the previous target on
    QString after;    // rest of the clause after the number
    QString sentence; // the whole sentence
    int sentenceIndex = -1;
    bool operator==(const TextTarget&) const = default;
};

// Unit families live in the model (the classifier uses them too); the grammar names them here.
using pc::UnitClass;
using pc::unitClass;

// Extracts every target of a text (typically Measure::body).
QList<TextTarget> extractTextTargets(const QString& text, const GrammarOptions& options = {});

} // namespace pc::extract
