#include "targetplacement.h"

#include "model/document.h"
#include "model/target.h"

namespace pc::store {

Result<TargetPlacement> placeTarget(const Document& doc, const Target& t, const QString& docId) {
    if (!t.span.isValid() || t.span.start < 0 || t.span.end > doc.source.size())
        return Result<TargetPlacement>::failure(
            QStringLiteral("%1: target \u201c%2\u201d (offset %3) lies outside the text")
                .arg(doc.path.isEmpty() ? docId : doc.path, t.quote)
                .arg(t.span.start),
            QStringLiteral("bad-value"));
    TargetPlacement p;
    p.measure = t.measureIndex;
    if (p.measure < 0 || p.measure >= doc.measures.size()) {
        p.measure = -1;
        for (qsizetype k = 0; k < doc.measures.size(); ++k) {
            const Span& ms = doc.measures[k].span;
            if (ms.isValid() && t.span.start >= ms.start && t.span.end <= ms.end) {
                p.measure = k;
                break;
            }
        }
    }
    if (p.measure < 0) {
        for (qsizetype k = 0; k < doc.measures.size(); ++k) {
            const Span& ms = doc.measures[k].span;
            if (ms.isValid() && ms.start <= t.span.start)
                p.precedingMeasure = k;
        }
    }
    return p;
}

} // namespace pc::store
