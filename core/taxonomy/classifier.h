// Classification: a canonical area for every measure, an indicator (or other:<name>) for every target.
#pragma once

#include "cuematcher.h"
#include "taxonomy.h"

#include "model/document.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace pc {

// What the classifier may read about one target.
struct TargetCues {
    QString before;            // clause text before the number (from the previous target on)
    QString after;             // rest of the clause after the number
    QString sentence;          // the whole sentence
    QString measureTitle;      // short title of the measure, if any
    QString measureArea;       // canonical area of the measure
    QString unit;              // the target's unit (decides which indicators are comparable)
    QString scope;             // used to name an other:<name> indicator
    QString previousIndicator; // indicator of the previous target in the same sentence, if any
    QString previousUnit;
    QString heading;      // nearest heading above the target (a plan without measures has only this)
    QString documentArea; // the area a whole document is about (a gas connection guide), if one dominates
    bool gapped = false;  // interleaved text: a cue may be broken by a short foreign fragment
};

struct AreaMatch {
    QString area;
    double confidence = 0;
};

struct IndicatorMatch {
    QString indicator; // canonical id or other:<short name>
    QString area;      // the indicator's area (the measure's for other:)
    double confidence = 0;
};

// The cue hits of the texts that targets share — their sentence (window), the measure's title, the
// heading — kept from one target to the next: classifyTarget searches such a text only when it differs
// from the last one of its kind (the targets of one sentence, measure or section follow each other).
// One per run of targets (per document); not shared between threads.
class CueHitCache {
private:
    friend class Classifier;
    struct Slot {
        QString text;
        // Engaged once searched. Replaced by emplace(), never by assignment: Qt 6.4's QVarLengthArray
        // move assignment leaks the target's heap buffer (more than 32 hits).
        std::optional<CueMatcher::Hits> hits;
    };
    Slot m_sentence;
    Slot m_title;
    Slot m_heading;
};

class Classifier {
public:
    explicit Classifier(const Taxonomy& taxonomy);

    // By heading first (渝中 市场准入 → start_business), then title, then content
    // (江津 （二）优化水电气接入服务 → water / electricity / gas by what the measure says).
    // Two areas the measure's words name equally (受理申请 is a stage of water and of gas) go to the one
    // the whole document is about, if it is one of them (dominantArea).
    AreaMatch classifyMeasure(const Measure& measure, const QString& documentArea = {}) const;
    // With `shared`, the sentence, title and heading hits come from (and go to) that cache: the same
    // result as without it.
    IndicatorMatch classifyTarget(const TargetCues& cues, CueHitCache* shared = nullptr) const;
    // The area a whole text is about, when one area's words clearly dominate it; empty otherwise.
    QString dominantArea(const QString& text) const;

    // A short Chinese name for a target that fits no indicator: other:<name>.
    static QString otherName(const QString& scope, const QString& after, const QString& unit);
    QString areaOfSentence(const TargetCues& t) const;

private:
    // Who lists a cue, and how often: a cue's hits add its length (times that) to each owner's score.
    struct Posting {
        int owner;
        int times;
    };
    using Postings = QList<QList<Posting>>; // by cue id
    // Adds weight × Σ min(hits, cap) × length over the owners' cues to scores[owner].
    void accumulate(const CueMatcher::Hits& hits, const Postings& postings, int cap, double weight,
                    QList<double>& scores) const;
    // find(text, 1), through `slot` when there is one.
    const CueMatcher::Hits& onceHits(const QString& text, CueHitCache::Slot* slot,
                                     std::optional<CueMatcher::Hits>& own) const;

    const Taxonomy& m_taxonomy;
    CueMatcher m_cues;                // every area and indicator cue, found in one pass per text
    Postings m_areaPostings;          // area cues → area index
    Postings m_indicatorPostings;     // indicator cues → indicator index
    Postings m_areaIndicatorPostings; // indicator cues → index of the indicator's area
    QList<bool> m_sharedCue;          // by cue id: indicators of more than one area list it
    QList<int> m_indicatorArea;       // area index of every indicator (-1: unknown area)
    QList<int> m_indicatorUnitClass;  // unit family of every indicator's unit, by indicator index
};

} // namespace pc
