// Synthetic plans for the store and scale benchmarks: measures drawn from the seed plans and laid out
// one after another, every span, offset and target moved with its text so that the result is a
// consistent Analysis.
#pragma once

#include "common/manifest.h"
#include "extract/analysis.h"
#include "taxonomy/taxonomy.h"

#include <QList>
#include <QString>

#include <functional>

namespace pc::bench {

// The five seed plans analysed as the CLI does (each with its manifest entry); the first error ends it.
inline Result<QList<Analysis>> analyzeSeeds(const Taxonomy& taxonomy) {
    const Result<Manifest> manifest = readManifest(QString::fromUtf8(PLANCOMPARE_TEST_SEEDS));
    if (!manifest)
        return manifest.error();
    QList<Analysis> seeds;
    for (const ManifestEntry& e : manifest->entries) {
        AnalyzeOptions o;
        o.manifest = &e;
        Result<Analysis> a = analyzeFile(manifest->pathOf(e), taxonomy, o);
        if (!a)
            return a.error();
        seeds.append(std::move(a).value());
    }
    return seeds;
}

struct PooledMeasure {
    const Analysis* from = nullptr;
    qsizetype index = 0;
};

// Every measure with a source span of every analysis, as the pool plans draw from.
inline QList<PooledMeasure> measurePool(const QList<Analysis>& analyses) {
    QList<PooledMeasure> pool;
    for (const Analysis& a : analyses)
        for (qsizetype i = 0; i < a.document.measures.size(); ++i)
            if (a.document.measures[i].span.isValid())
                pool.append({&a, i});
    return pool;
}

// Appends `pm` as measure number k + 1 of `a`, its text to `src`. Only targets inside the measure's
// text move with it: a target the extractor attributed to it from elsewhere (a table row, a goal
// paragraph) would point outside the new plan's text. `adjust` may change each copied target.
inline void appendMeasure(Analysis& a, QString& src, const PooledMeasure& pm, int k,
                          const std::function<void(Target&)>& adjust = {}) {
    const Document& from = pm.from->document;
    Measure m = from.measures[pm.index];
    const Span original = m.span;
    const qsizetype delta = src.size() - m.span.start;
    src += from.source.mid(m.span.start, m.span.length());
    src += QLatin1Char('\n');
    m.number = k + 1;
    m.span = {m.span.start + delta, m.span.end + delta};
    if (m.titleSpan.isValid())
        m.titleSpan = {m.titleSpan.start + delta, m.titleSpan.end + delta};
    for (qsizetype& o : m.bodyOffsets)
        o += delta;
    for (SubItem& it : m.items)
        if (it.span.isValid())
            it.span = {it.span.start + delta, it.span.end + delta};
    m.sectionId = -1;
    for (const Target& t0 : pm.from->targets) {
        if (t0.measureIndex != pm.index || t0.span.start < original.start || t0.span.end > original.end)
            continue;
        Target t = t0;
        t.docId = a.document.meta.docId;
        t.measureIndex = k;
        t.measureNumber = k + 1;
        t.span = {t.span.start + delta, t.span.end + delta};
        if (adjust)
            adjust(t);
        a.targets.append(t);
    }
    a.document.measures.append(m);
}

} // namespace pc::bench
