// `plancompare-cli parse` and `measures`: the document model and one row per measure, from files.
#include "cli.h"

#include "common/manifest.h"
#include "export/csv.h"
#include "export/documentjson.h"
#include "export/measurestable.h"
#include "parse/parser.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>
#include <optional>

namespace pc::cli {
namespace {

// Line and column (1-based) of a source offset, for compiler-style issue lines.
std::pair<qsizetype, qsizetype> lineColumn(const QString& source, qsizetype offset) {
    offset = std::clamp<qsizetype>(offset, 0, source.size());
    const qsizetype line = QStringView(source).left(offset).count(QLatin1Char('\n')) + 1;
    const qsizetype lastBreak = source.lastIndexOf(QLatin1Char('\n'), offset - 1);
    return {line, offset - lastBreak};
}

void printIssues(Context& ctx, const QString& file, const Document& doc) {
    for (const Issue& i : doc.issues) {
        ctx.err << file;
        if (i.span.isValid()) {
            const auto [line, col] = lineColumn(doc.source, i.span.start);
            ctx.err << ':' << line << ':' << col;
        }
        ctx.err << ": " << severityName(i.severity) << ": " << i.code << ": " << i.message << "\n";
    }
}

Result<Document> parseOne(Context& ctx, const QString& file) {
    const std::optional<ManifestEntry> entry = manifestEntryBeside(file);
    ParseOptions options;
    options.manifest = entry ? &*entry : nullptr;
    Result<Document> doc = parseFile(file, options);
    if (!doc)
        ctx.err << doc.errorMessage() << "\n";
    else
        printIssues(ctx, file, doc.value());
    return doc;
}

int runParse(Context& ctx) {
    const QString format = takeOption(ctx.args, QStringLiteral("--format"));
    if (rejectUnknownOptions(ctx, QStringLiteral("parse")))
        return Usage;
    if (!format.isEmpty() && format != QLatin1String("json")) {
        ctx.err << "plancompare-cli parse: unknown format '" << format << "' (use json)\n";
        return Usage;
    }
    if (ctx.args.size() != 1) {
        ctx.err << "plancompare-cli parse: expected exactly one FILE\nusage: plancompare-cli parse FILE "
                   "--format json\n";
        return Usage;
    }
    const Result<Document> doc = parseOne(ctx, ctx.args.first());
    if (!doc)
        return BadInput;
    ctx.out << QString::fromUtf8(QJsonDocument(documentToJson(doc.value())).toJson(QJsonDocument::Indented));
    return Ok;
}

int runMeasures(Context& ctx) {
    QString format = takeOption(ctx.args, QStringLiteral("--format"));
    if (rejectUnknownOptions(ctx, QStringLiteral("measures")))
        return Usage;
    if (format.isEmpty())
        format = QStringLiteral("csv");
    if (format != QLatin1String("csv") && format != QLatin1String("json")) {
        ctx.err << "plancompare-cli measures: unknown format '" << format << "' (use csv or json)\n";
        return Usage;
    }
    if (ctx.args.isEmpty()) {
        ctx.err << "plancompare-cli measures: expected one or more FILEs\n"
                   "usage: plancompare-cli measures FILE... [--format csv|json]\n";
        return Usage;
    }
    int status = Ok;
    QList<QStringList> rows;
    QJsonArray json;
    // Units read from the clean plans of the same run help separate unit fragments in interleaved
    // text, so interleaved files are parsed after the others.
    QList<std::optional<Document>> docs(ctx.args.size());
    QStringList knownUnits;
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype i = 0; i < ctx.args.size(); ++i) {
            const QString& file = ctx.args[i];
            if (pass == 1 && !(docs[i] && docs[i]->layout == Layout::InterleavedPdf && !knownUnits.isEmpty()))
                continue;
            const std::optional<ManifestEntry> entry = manifestEntryBeside(file);
            ParseOptions options;
            options.manifest = entry ? &*entry : nullptr;
            options.knownUnits = knownUnits;
            Result<Document> doc = parseFile(file, options);
            if (!doc) {
                ctx.err << doc.errorMessage() << "\n";
                status = BadInput;
                continue;
            }
            if (pass == 0 && doc->layout != Layout::InterleavedPdf) {
                for (const Measure& m : doc->measures)
                    for (const Unit& u : m.lead + m.partners)
                        if (!knownUnits.contains(u.written))
                            knownUnits.append(u.written);
            }
            docs[i] = std::move(doc.value());
        }
    }
    for (qsizetype i = 0; i < ctx.args.size(); ++i) {
        if (!docs[i])
            continue;
        const Document& d = *docs[i];
        printIssues(ctx, ctx.args[i], d);
        if (format == QLatin1String("csv")) {
            rows.append(measuresRows(d));
        } else {
            for (const Measure& m : d.measures) {
                QJsonObject o = measureToJson(m, false);
                o.insert(QStringLiteral("doc"), d.meta.docId);
                o.insert(QStringLiteral("layout"), layoutName(d.layout));
                o.insert(QStringLiteral("deadlines"), measureDeadlineCell(m));
                json.append(o);
            }
        }
    }
    if (format == QLatin1String("csv"))
        ctx.out << QString::fromUtf8(csv::table(measuresHeader(), rows));
    else
        ctx.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return status;
}

const bool registeredParse = registerCommand(
    {QStringLiteral("parse"),
     QStringLiteral(
         "parse FILE [--format json]   the document model (metadata, sections, measures, offsets)"),
     runParse});
const bool registeredMeasures = registerCommand(
    {QStringLiteral("measures"),
     QStringLiteral("measures FILE... [--format csv|json]  one row per measure (units, deadline, span)"),
     runMeasures});

} // namespace
} // namespace pc::cli
