// `plancompare-cli compare --indicator ID`: one row per jurisdiction and target, from the database or,
// with FILEs, from those files analysed into a private in-memory database (the same query either way).
#include "cmd_store.h"

#include "compare/comparison.h"
#include "export/csv.h"
#include "export/exporttables.h"
#include "store/database.h"
#include "taxonomy/taxonomy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pc::cli {
namespace {

// `<= 8 工作日`; in English the unit's English name (`<= 8 working days`), the comparator as is.
QString valueText(const ComparisonRow& r, Language language) {
    if (!r.value)
        return r.qualitative ? r.quote : QString();
    QString s = r.comparator + QLatin1Char(' ') + QString::number(*r.value, 'g', 15);
    if (!r.unit.isEmpty())
        s += QLatin1Char(' ') + naming::unitName(r.unit, language, r.value);
    return s;
}

int runCompare(Context& ctx) {
    const QString indicator = takeOption(ctx.args, QStringLiteral("--indicator"));
    QString format = takeOption(ctx.args, QStringLiteral("--format"));
    PlanSelection selection;
    if (!takePlanSelection(ctx, QStringLiteral("compare"), selection))
        return Usage;
    if (rejectUnknownOptions(ctx, QStringLiteral("compare")))
        return Usage;
    if (format.isEmpty())
        format = QStringLiteral("table");
    if (indicator.isEmpty() || (format != QLatin1String("table") && format != QLatin1String("csv") &&
                                format != QLatin1String("json"))) {
        ctx.err << "usage: plancompare-cli compare --indicator ID [--format table|csv|json] [--latest|--year "
                   "Y|--all|--set "
                   "NAME] [FILE...]\n";
        return Usage;
    }
    std::unique_ptr<Database> db;
    if (ctx.args.isEmpty()) {
        db = openDatabase(ctx, QStringLiteral("compare"), true);
        if (!db)
            return BadInput;
    } else {
        const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
        if (!taxonomy) {
            ctx.err << "plancompare-cli compare: " << taxonomy.errorMessage() << "\n";
            return BadInput;
        }
        Result<std::unique_ptr<Database>> mem = Database::openInMemory();
        if (!mem) {
            ctx.err << "plancompare-cli compare: " << mem.errorMessage() << "\n";
            return BadInput;
        }
        db = std::move(mem).value();
        if (importAndReport(ctx, *db, *taxonomy, ctx.args, true) != Ok)
            return BadInput;
        selection = PlanSelection::all(); // the files given are the plans to compare
    }
    const Result<QList<Indicator>> known = db->indicators();
    if (known && !known->isEmpty() && !indicator.startsWith(QLatin1String("other:"))) {
        bool found = false;
        for (const Indicator& i : *known)
            found = found || i.id == indicator;
        if (!found) {
            ctx.err << "plancompare-cli compare: unknown indicator '" << indicator
                    << "' (see resources/taxonomy/indicators.json, or use other:<name>)\n";
            return BadInput;
        }
    }
    const Result<QList<ComparisonRow>> rows = compare::byIndicator(*db, indicator, selection);
    if (!rows) {
        ctx.err << "plancompare-cli compare: " << rows.errorMessage() << "\n";
        return BadInput;
    }
    if (format == QLatin1String("table")) {
        QList<QStringList> lines;
        for (const ComparisonRow& r : *rows)
            lines << QStringList{naming::jurisdictionName(r.jurisdiction, ctx.language),
                                 r.year ? QString::number(r.year) : QString(),
                                 r.docId,
                                 QString::number(r.measureNumber),
                                 valueText(r, ctx.language),
                                 r.baseline ? QString::number(*r.baseline, 'g', 15) : QString(),
                                 naming::deadlineText(r.deadline, ctx.language),
                                 r.scope,
                                 r.corrected ? QStringLiteral("*") : QString(),
                                 r.quote};
        ctx.out << textTable({QStringLiteral("jurisdiction"), QStringLiteral("year"), QStringLiteral("doc"),
                              QStringLiteral("measure"), QStringLiteral("target"), QStringLiteral("baseline"),
                              QStringLiteral("deadline"), QStringLiteral("scope"),
                              QStringLiteral("corrected"), QStringLiteral("quote")},
                             lines);
        // The plans that set no number matter as much as those that do: say which mention the
        // indicator without one and which are silent.
        const Indicator* ind = nullptr;
        if (known) {
            for (const Indicator& i : *known)
                if (i.id == indicator)
                    ind = &i;
        }
        if (ind) {
            const Result<QList<CoverageCell>> cells = compare::coverageOfArea(*db, ind->area, selection);
            if (cells) {
                QStringList mentioned, silent;
                for (const CoverageCell& c : *cells) {
                    if (c.indicator != indicator || c.coverage == Coverage::NumberSet)
                        continue;
                    (c.coverage == Coverage::MentionedNoNumber ? mentioned : silent)
                        << naming::jurisdictionName(c.jurisdiction, ctx.language) + QLatin1Char(' ') +
                               c.docId;
                }
                if (!mentioned.isEmpty())
                    ctx.out << "mentioned without a number: " << mentioned.join(QStringLiteral(", ")) << '\n';
                if (!silent.isEmpty())
                    ctx.out << "silent: " << silent.join(QStringLiteral(", ")) << '\n';
            }
        }
        if (rows->isEmpty())
            ctx.err << "no plan sets a target for " << indicator << "\n";
        return Ok;
    }
    const exporttables::Table t = exporttables::targets(*rows, QStringLiteral("comparison"));
    if (format == QLatin1String("csv")) {
        QStringList header;
        for (const exporttables::Column& c : t.columns)
            header << c.name;
        QList<QStringList> lines;
        for (const QList<QVariant>& r : t.rows) {
            QStringList cells;
            for (const QVariant& v : r)
                cells << exporttables::cellText(v);
            lines << cells;
        }
        ctx.out << QString::fromUtf8(csv::table(header, lines));
        return Ok;
    }
    QJsonArray arr;
    for (const QList<QVariant>& r : t.rows) {
        QJsonObject o;
        for (qsizetype i = 0; i < t.columns.size(); ++i)
            o.insert(t.columns[i].name, QJsonValue::fromVariant(r.value(i)));
        arr.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("indicator"), indicator);
    root.insert(QStringLiteral("rows"), arr);
    ctx.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return Ok;
}

const bool registered = registerCommand(
    {QStringLiteral("compare"),
     QStringLiteral(
         "compare --indicator ID [--format table|csv|json] [--latest|--year Y|--all|--set NAME] "
         "[FILE...]  jurisdictions side by side (municipal first; the latest plan per jurisdiction "
         "unless told otherwise); FILEs: compare those files without a database; * = corrected"),
     runCompare});

} // namespace
} // namespace pc::cli
