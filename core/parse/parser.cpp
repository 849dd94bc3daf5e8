// parseFile/parseBytes: decode, normalize, read metadata, detect the layout by evidence, run its parser.
#include "parser.h"

#include "interleavedparser.h"
#include "interleavedscanners.h"
#include "metadata.h"
#include "parsecontext.h"
#include "proseparser.h"
#include "read/reader.h"
#include "tableparser.h"
#include "text/normalizedtext.h"
#include "text/occurrences.h"

#include "common/sha256.h"
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace pc {
namespace parse {
namespace {

struct Evidence {
    qsizetype nonEmptyLines = 0;
    qsizetype textChars = 0;
    qsizetype numberedLines = 0; // "12." at a line start (outside tables)
    qsizetype inlineNumbers = 0; // "12.精简" inside a line
    qsizetype unitClauses = 0;   // 牵头单位：
};

Evidence gather(const ParseContext& ctx) {
    Evidence e;
    for (qsizetype i = 0; i < ctx.lines.size(); ++i) {
        const QStringView v = ctx.lineView(i);
        if (v.trimmed().isEmpty())
            continue;
        ++e.nonEmptyLines;
        e.textChars += v.size();
        // ^\s*\d{1,3}\.(?!\d), a scanner (interleavedscanners.h).
        if (!v.startsWith(QLatin1Char('\t')) && isNumberedLine(v))
            ++e.numberedLines;
    }
    // Inline numbers are only counted when lines are long (cheap on ordinary files).
    // (?<![\d.])\d{1,2}\.(?=\p{Han}), a scanner (interleavedscanners.h).
    if (e.nonEmptyLines > 0 && e.textChars / e.nonEmptyLines > 300)
        e.inlineNumbers = findMeasureNumbers(ctx.text, 0, 2).size();
    e.unitClauses = text::countOccurrences(ctx.text, u"牵头单位");
    return e;
}

Layout decide(const ParseContext& ctx, const TableScan& scan) {
    const Evidence e = gather(ctx);
    const qsizetype avg = e.nonEmptyLines ? e.textChars / e.nonEmptyLines : 0;
    if (avg > 400 && e.inlineNumbers >= 10 && e.numberedLines < e.inlineNumbers / 4)
        return Layout::InterleavedPdf;
    if (scan.headerRow >= 0 && scan.rows.size() - scan.headerRow > 2) {
        if (scan.hasColumn(Column::Number) || scan.hasColumn(Column::Deadline))
            return Layout::ProseTaskTable;
        return Layout::TabTable;
    }
    if (e.numberedLines >= 3)
        return Layout::NumberedProse;
    return Layout::Generic;
}

// Last resort: every paragraph that reads like a sentence becomes a low-confidence measure.
int parseParagraphs(ParseContext& ctx) {
    int added = 0;
    for (qsizetype i = 0; i < ctx.lines.size(); ++i) {
        qsizetype s = ctx.lines[i].start, e = ctx.lines[i].end;
        ctx.trim(s, e);
        if (e - s < 2)
            continue;
        Measure m;
        m.number = added + 1;
        m.confidence = 0.1;
        m.span = ctx.span(s, e);
        ctx.appendBody(m, s, e);
        SubItem item;
        item.text = m.body;
        item.span = m.span;
        m.items.append(item);
        ctx.doc.measures.append(m);
        ++added;
    }
    return added;
}

} // namespace

Layout detectLayout(const QString& normalizedText) {
    const text::NormalizedText norm = text::normalize(normalizedText);
    Document doc;
    const ParseOptions options;
    const ParseContext ctx(doc, norm, options);
    return decide(ctx, scanTable(ctx));
}

} // namespace parse

Result<Document> parseBytes(const QByteArray& bytes, const QString& path, const ParseOptions& options) {
    read::ReadOptions readOptions = options.read;
    ParseOptions parseOptions = options;
    if (options.progress && !readOptions.progress) {
        // Reading (page by page for a PDF, OCR included) reports 0–40 %, parsing the rest.
        readOptions.progress = [cb = options.progress](int done, int total) {
            return cb(total > 0 ? std::clamp(done * 40 / total, 0, 40) : 0);
        };
        parseOptions.progress = [cb = options.progress](int p) { return cb(40 + p * 60 / 100); };
    }
    Result<read::ReadResult> read = read::readBytes(bytes, path, readOptions);
    if (!read)
        return read.error();
    return parseRead(std::move(read).value(), bytes, path, parseOptions);
}

Result<Document> parseRead(read::ReadResult read, const QByteArray& bytes, const QString& path,
                           const ParseOptions& options) {
    Document doc;
    doc.path = path;
    if (options.identify)
        doc.sha256 = sha256Hex(bytes);
    doc.source = std::move(read.text);
    doc.encoding = read.encoding;
    doc.format = read::formatName(read.format);
    doc.pageStarts = std::move(read.pageStarts);
    doc.pageCount = read.pageCount;
    doc.origins = std::move(read.origins);
    // What the reader flagged comes first, in the same offsets (the reader's text is the source).
    doc.issues = std::move(read.issues);
    if (options.progress && !options.progress(5))
        return Error{path + QStringLiteral(": parsing cancelled"), QStringLiteral("cancelled")};

    const text::NormalizedText norm = text::normalize(doc.source);
    doc.meta = parse::readMetadata(norm.text(), options.manifest);
    doc.meta.docId = QFileInfo(path).completeBaseName();

    parse::ParseContext ctx(doc, norm, options);
    const parse::TableScan scan = parse::scanTable(ctx);
    doc.layout = parse::decide(ctx, scan);

    int found = 0;
    switch (doc.layout) {
    case Layout::TabTable:
    case Layout::ProseTaskTable: {
        parse::ProseOptions prose;
        prose.measures = false;
        prose.skipFromLine = scan.rows[scan.headerRow].firstLine;
        parse::parseProse(ctx, prose);
        found = parse::parseTable(ctx, scan);
        break;
    }
    case Layout::NumberedProse:
        found = parse::parseProse(ctx, {});
        break;
    case Layout::InterleavedPdf:
        found = parse::parseInterleaved(ctx);
        break;
    case Layout::Generic:
    case Layout::Unknown:
        break;
    }
    if (ctx.cancelled(95))
        return Error{path + QStringLiteral(": parsing cancelled"), QStringLiteral("cancelled")};
    if (found == 0) {
        if (doc.layout != Layout::Generic)
            ctx.issue(QStringLiteral("layout-fallback"),
                      QStringLiteral("the %1 layout yielded no measures; fell back to numbered paragraphs")
                          .arg(layoutName(doc.layout)));
        doc.layout = Layout::Generic;
        doc.sections.clear();
        doc.measures.clear();
        parse::ProseOptions generic;
        generic.generic = true;
        found = parse::parseProse(ctx, generic);
        if (found == 0) {
            ctx.issue(QStringLiteral("no-structure"),
                      QStringLiteral("no numbered measures or headings found; every paragraph was taken as a "
                                     "measure with low confidence"));
            found = parse::parseParagraphs(ctx);
        }
    }
    if (found == 0)
        return Error{path + QStringLiteral(": no text to parse"), QStringLiteral("no-text")};

    double sum = 0;
    for (const Measure& m : doc.measures)
        sum += m.confidence;
    doc.confidence = doc.measures.isEmpty() ? 0.0 : sum / doc.measures.size();
    if (doc.meta.title.isEmpty())
        ctx.issue(QStringLiteral("no-title"),
                  QStringLiteral("the plan's title (关于印发…的通知) was not found"), {},
                  Issue::Severity::Info);
    if (options.progress)
        options.progress(100);
    return doc;
}

Result<Document> parseFile(const QString& path, const ParseOptions& options) {
    Result<QByteArray> bytes = read::fileBytes(path, options.read);
    if (!bytes)
        return bytes.error();
    return parseBytes(bytes.value(), path, options);
}

} // namespace pc
