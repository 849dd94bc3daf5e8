// `plancompare-cli targets`: one row per target of each FILE (value, unit, comparator, indicator, quote).
#include "cli.h"

#include "common/manifest.h"
#include "export/csv.h"
#include "extract/analysis.h"
#include "extract/numbers.h"
#include "taxonomy/classifier.h"
#include "taxonomy/taxonomy.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace pc::cli {
namespace {

QStringList header() {
    return {QStringLiteral("doc"),
            QStringLiteral("area"),
            QStringLiteral("indicator"),
            QStringLiteral("scope"),
            QStringLiteral("kind"),
            QStringLiteral("comparator"),
            QStringLiteral("value"),
            QStringLiteral("unit"),
            QStringLiteral("baseline"),
            QStringLiteral("deadline"),
            QStringLiteral("quote"),
            QStringLiteral("start"),
            QStringLiteral("end"),
            QStringLiteral("measure_no"),
            QStringLiteral("confidence"),
            QStringLiteral("indicator_confidence"),
            QStringLiteral("qualitative"),
            QStringLiteral("section"),
            QStringLiteral("section_heading"),
            QStringLiteral("page")};
}

QString number(const std::optional<double>& v) {
    return v ? extract::formatNumber(*v) : QString();
}

QStringList row(const Target& t) {
    return {t.docId,
            t.area,
            t.indicator,
            t.scope,
            t.kind,
            t.comparator,
            number(t.value),
            t.unit,
            number(t.baseline),
            t.deadline,
            t.quote,
            QString::number(t.span.start),
            QString::number(t.span.end),
            QString::number(t.measureNumber),
            extract::formatNumber(t.confidence),
            extract::formatNumber(t.indicatorConfidence),
            t.qualitative ? QStringLiteral("1") : QStringLiteral("0"),
            t.section,
            t.sectionHeading,
            t.page > 0 ? QString::number(t.page) : QString()};
}

QJsonObject toJson(const Target& t, const Taxonomy& taxonomy) {
    QJsonObject o;
    o.insert(QStringLiteral("doc"), t.docId);
    o.insert(QStringLiteral("area"), t.area);
    o.insert(QStringLiteral("indicator"), t.indicator);
    o.insert(QStringLiteral("indicator_name"), taxonomy.displayName(t.indicator));
    o.insert(QStringLiteral("scope"), t.scope);
    o.insert(QStringLiteral("kind"), t.kind);
    o.insert(QStringLiteral("comparator"), t.comparator);
    o.insert(QStringLiteral("value"), t.value ? QJsonValue(*t.value) : QJsonValue());
    o.insert(QStringLiteral("unit"), t.unit);
    o.insert(QStringLiteral("baseline"), t.baseline ? QJsonValue(*t.baseline) : QJsonValue());
    o.insert(QStringLiteral("deadline"), t.deadline);
    o.insert(QStringLiteral("quote"), t.quote);
    o.insert(QStringLiteral("start"), double(t.span.start));
    o.insert(QStringLiteral("end"), double(t.span.end));
    o.insert(QStringLiteral("measure_no"), t.measureNumber);
    o.insert(QStringLiteral("confidence"), t.confidence);
    o.insert(QStringLiteral("indicator_confidence"), t.indicatorConfidence);
    o.insert(QStringLiteral("qualitative"), t.qualitative);
    o.insert(QStringLiteral("section"), t.section);
    o.insert(QStringLiteral("section_heading"), t.sectionHeading);
    o.insert(QStringLiteral("page"), t.page > 0 ? QJsonValue(t.page) : QJsonValue());
    return o;
}

int runTargets(Context& ctx) {
    QString format = takeOption(ctx.args, QStringLiteral("--format"));
    const bool withQualitative = takeFlag(ctx.args, QStringLiteral("--qualitative"));
    if (rejectUnknownOptions(ctx, QStringLiteral("targets")))
        return Usage;
    if (format.isEmpty())
        format = QStringLiteral("csv");
    if (format != QLatin1String("csv") && format != QLatin1String("json")) {
        ctx.err << "plancompare-cli targets: unknown format '" << format << "' (use csv or json)\n";
        return Usage;
    }
    if (ctx.args.isEmpty()) {
        ctx.err << "plancompare-cli targets: expected one or more FILEs\n"
                   "usage: plancompare-cli targets FILE... [--format csv|json] [--qualitative]\n";
        return Usage;
    }
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    if (!taxonomy) {
        ctx.err << "plancompare-cli targets: " << taxonomy.errorMessage() << "\n";
        return BadInput;
    }
    const Classifier classifier(taxonomy.value());
    int status = Ok;
    const bool csvOut = format == QLatin1String("csv");
    // CSV: the rows go straight into one text (csv::table's rows, without a list of rows in between).
    QString csvText = csvOut ? csv::row(header()) : QString();
    QJsonArray json;
    for (const QString& file : std::as_const(ctx.args)) {
        const std::optional<ManifestEntry> entry = manifestEntryBeside(file);
        AnalyzeOptions options;
        options.manifest = entry ? &*entry : nullptr;
        options.classifier = &classifier;
        options.identify = false; // a listing of targets, not stored: no file identity needed
        const Result<Analysis> a = analyzeFile(file, taxonomy.value(), options);
        if (!a) {
            ctx.err << a.errorMessage() << "\n";
            status = BadInput;
            continue;
        }
        for (const Target& t : a->targets) {
            if (t.qualitative && !withQualitative)
                continue;
            if (csvOut)
                csv::appendRow(csvText, row(t));
            else
                json.append(toJson(t, taxonomy.value()));
        }
    }
    if (csvOut)
        ctx.out << csvText;
    else
        ctx.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return status;
}

const bool registered = registerCommand(
    {QStringLiteral("targets"),
     QStringLiteral(
         "targets FILE... [--format csv|json] [--qualitative]  one row per target (indicator, value, "
         "comparator, deadline, quote)"),
     runTargets});

} // namespace
} // namespace pc::cli
