// Where a stored target belongs: the measure holding it, or — for a target outside every measure (a
// 总体目标 paragraph, a preamble, a news page) — the document, sorted after the measure before it.
// One rule for both engines' import paths (documentstore.cpp, pgbulk.cpp).
#pragma once

#include "common/result.h"

#include <QString>

namespace pc {
struct Document;
struct Target;
} // namespace pc

namespace pc::store {

struct TargetPlacement {
    qsizetype measure = -1;          // index into doc.measures, or -1: the target belongs to the document
    qsizetype precedingMeasure = -1; // for a document's target: the last measure starting before it
    // The measure the target sorts under (measure_ordinal).
    qsizetype sortMeasure() const { return measure >= 0 ? measure : precedingMeasure; }
};

// The target's own measure index when it is valid, else the measure whose span holds it. Fails (naming
// the file, or `docId` for text without one) when the target's span lies outside the text.
Result<TargetPlacement> placeTarget(const Document& doc, const Target& t, const QString& docId);

} // namespace pc::store
