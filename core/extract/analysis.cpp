// The file → model pipeline (see analysis.h): parse, classify measures, extract and classify targets.
#include "analysis.h"

#include "targetextractor.h"

#include "parse/parser.h"
#include "taxonomy/classifier.h"
#include "taxonomy/taxonomy.h"

#include <QFileInfo>

#include <algorithm>
#include <optional>

namespace pc {

namespace {

// A target read from OCR text is marked for review whatever the grammar thought of it: a misread
// digit reads as a confident number. Its confidence becomes at most half the lowest word confidence
// of the runs it spans (below the 0.8 the GUI flags), so a reader checks it against the page image.
void markOcrForReview(Target& t, const QList<read::OriginRun>& origins) {
    if (origins.isEmpty() || !t.span.isValid())
        return;
    auto it =
        std::lower_bound(origins.cbegin(), origins.cend(), t.span.start,
                         [](const read::OriginRun& r, qsizetype at) { return r.start + r.length <= at; });
    float lowest = 1.0f;
    bool ocr = false;
    for (; it != origins.cend() && it->start < t.span.end; ++it)
        if (it->origin.ocr) {
            ocr = true;
            lowest = std::min(lowest, it->origin.confidence);
        }
    if (ocr)
        t.confidence = std::min(t.confidence, 0.5 * double(lowest));
}

Result<Analysis> analyze(Result<Document> parsed, const Taxonomy& taxonomy, const AnalyzeOptions& options) {
    if (!parsed)
        return parsed.error();
    Analysis a;
    a.document = std::move(parsed).value();
    std::optional<Classifier> own;
    if (!options.classifier)
        own.emplace(taxonomy);
    const Classifier& classifier = options.classifier ? *options.classifier : *own;
    const QString documentArea = classifier.dominantArea(a.document.source.left(1500));
    for (Measure& m : a.document.measures)
        m.area = classifier.classifyMeasure(m, documentArea).area;
    if (options.progress && !options.progress(90))
        return Result<Analysis>::failure(QStringLiteral("%1: analysis cancelled").arg(a.document.path),
                                         QStringLiteral("cancelled"));
    a.targets = extractTargets(a.document, classifier, documentArea);
    for (Target& t : a.targets) {
        t.page = read::pageOfOffset(a.document.pageStarts, t.span.start);
        markOcrForReview(t, a.document.origins);
    }
    if (options.progress)
        options.progress(100);
    return a;
}

ParseOptions parseOptions(const AnalyzeOptions& options) {
    ParseOptions po;
    po.manifest = options.manifest;
    po.identify = options.identify;
    if (options.progress) {
        // Parsing is most of the work: it reports 0–80 %.
        po.progress = [cb = options.progress](int p) { return cb(p * 8 / 10); };
    }
    return po;
}

} // namespace

Result<Analysis> analyzeFile(const QString& path, const Taxonomy& taxonomy, const AnalyzeOptions& options) {
    return analyze(parseFile(path, parseOptions(options)), taxonomy, options);
}

Result<Analysis> analyzeBytes(const QByteArray& bytes, const QString& path, const Taxonomy& taxonomy,
                              const AnalyzeOptions& options) {
    return analyze(parseBytes(bytes, path, parseOptions(options)), taxonomy, options);
}

Result<Analysis> analyzeRead(read::ReadResult read, const QByteArray& bytes, const QString& path,
                             const Taxonomy& taxonomy, const AnalyzeOptions& options) {
    return analyze(parseRead(std::move(read), bytes, path, parseOptions(options)), taxonomy, options);
}

} // namespace pc
