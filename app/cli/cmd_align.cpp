// `plancompare-cli align`: which measures of a plan take up which measures of another (diffusion from
// the municipal plan), from two files or from two plans in the database.
#include "cmd_store.h"

#include "align/alignment.h"
#include "export/csv.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "taxonomy/taxonomy.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pc::cli {
namespace {

const char* const kUsage =
    "usage: plancompare-cli align FILE --against FILE [--format table|csv|json] "
    "[--table measures|targets]\n"
    "       plancompare-cli align --doc ID --against-doc ID [--format …] [--table …]\n";

QString number(double v) {
    return QString::number(v, 'f', 3);
}

QString valueText(const align::TargetValue& t) {
    if (!t.value)
        return {};
    QString s = t.comparator + QLatin1Char(' ') + QString::number(*t.value, 'g', 15);
    if (!t.unit.isEmpty())
        s += QLatin1Char(' ') + t.unit;
    return s;
}

QHash<int, QString> titles(const align::Plan& p) {
    QHash<int, QString> out;
    for (const align::MeasureText& m : p.measures)
        out.insert(m.number, m.title);
    return out;
}

QString shortened(const QString& s, int n) {
    return s.size() > n ? s.left(n - 1) + QChar(0x2026) : s;
}

Result<align::Plan> planOfFile(const QString& path, const Taxonomy& taxonomy) {
    Result<Analysis> a = analyzeFile(path, taxonomy);
    if (!a)
        return a.error();
    return align::planFrom(*a);
}

int runAlign(Context& ctx) {
    const QString against = takeOption(ctx.args, QStringLiteral("--against"));
    const QString docId = takeOption(ctx.args, QStringLiteral("--doc"));
    const QString againstDoc = takeOption(ctx.args, QStringLiteral("--against-doc"));
    QString format = takeOption(ctx.args, QStringLiteral("--format"));
    QString table = takeOption(ctx.args, QStringLiteral("--table"));
    if (rejectUnknownOptions(ctx, QStringLiteral("align")))
        return Usage;
    if (format.isEmpty())
        format = QStringLiteral("table");
    if (table.isEmpty())
        table = QStringLiteral("measures");
    const bool fromFiles =
        !against.isEmpty() && ctx.args.size() == 1 && docId.isEmpty() && againstDoc.isEmpty();
    const bool fromDb = against.isEmpty() && ctx.args.isEmpty() && !docId.isEmpty() && !againstDoc.isEmpty();
    if ((!fromFiles && !fromDb) ||
        !QStringList{QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json")}.contains(
            format) ||
        (table != QLatin1String("measures") && table != QLatin1String("targets"))) {
        ctx.err << kUsage;
        return Usage;
    }
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    if (!taxonomy) {
        ctx.err << "plancompare-cli align: " << taxonomy.errorMessage() << "\n";
        return BadInput;
    }
    Result<align::Plan> plan = Error{};
    Result<align::Plan> other = Error{};
    if (fromFiles) {
        plan = planOfFile(ctx.args.first(), *taxonomy);
        other = planOfFile(against, *taxonomy);
    } else {
        std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("align"), true);
        if (!db)
            return BadInput;
        plan = align::planFromDatabase(*db, docId);
        other = align::planFromDatabase(*db, againstDoc);
    }
    for (const Result<align::Plan>* p : {&plan, &other})
        if (!p->ok()) {
            ctx.err << "plancompare-cli align: " << p->errorMessage() << "\n";
            return BadInput;
        }
    const align::Alignment a = align::align(*plan, *other, &*taxonomy);
    const QHash<int, QString> planTitles = titles(*plan);
    const QHash<int, QString> otherTitles = titles(*other);

    if (format == QLatin1String("csv")) {
        QList<QStringList> rows;
        if (table == QLatin1String("measures")) {
            for (const align::MeasureLink& l : a.measures) {
                const bool notTaken = l.relation == align::Relation::NotTakenUp;
                rows << QStringList{notTaken ? QString() : a.docId,
                                    notTaken ? QString() : QString::number(l.measureNumber),
                                    a.againstDocId,
                                    l.againstNumber ? QString::number(l.againstNumber) : QString(),
                                    notTaken ? QString() : number(l.similarity),
                                    align::relationName(l.relation),
                                    l.outOfOrder ? QStringLiteral("yes") : QString(),
                                    notTaken ? QString() : planTitles.value(l.measureNumber),
                                    otherTitles.value(l.againstNumber),
                                    l.suggestedTitle};
            }
            ctx.out << QString::fromUtf8(csv::table(
                {QStringLiteral("doc"), QStringLiteral("measure_no"), QStringLiteral("against_doc"),
                 QStringLiteral("against_measure_no"), QStringLiteral("similarity"),
                 QStringLiteral("relation"), QStringLiteral("out_of_order"), QStringLiteral("measure_title"),
                 QStringLiteral("against_measure_title"), QStringLiteral("suggested_against_title")},
                rows));
        } else {
            for (const align::TargetLink& t : a.targets)
                rows << QStringList{a.docId,
                                    QString::number(t.target.measureNumber),
                                    a.againstDocId,
                                    QString::number(t.against.measureNumber),
                                    t.target.indicator,
                                    t.target.comparator,
                                    t.target.value ? QString::number(*t.target.value, 'g', 15) : QString(),
                                    t.target.unit,
                                    t.target.deadline,
                                    t.against.comparator,
                                    t.against.value ? QString::number(*t.against.value, 'g', 15) : QString(),
                                    t.against.unit,
                                    t.against.deadline,
                                    align::strictnessName(t.strictness),
                                    align::timingName(t.timing),
                                    t.target.quote,
                                    t.against.quote};
            ctx.out << QString::fromUtf8(csv::table(
                {QStringLiteral("doc"), QStringLiteral("measure_no"), QStringLiteral("against_doc"),
                 QStringLiteral("against_measure_no"), QStringLiteral("indicator"),
                 QStringLiteral("comparator"), QStringLiteral("value"), QStringLiteral("unit"),
                 QStringLiteral("deadline"), QStringLiteral("against_comparator"),
                 QStringLiteral("against_value"), QStringLiteral("against_unit"),
                 QStringLiteral("against_deadline"), QStringLiteral("strictness"), QStringLiteral("timing"),
                 QStringLiteral("quote"), QStringLiteral("against_quote")},
                rows));
        }
        return Ok;
    }
    if (format == QLatin1String("json")) {
        QJsonArray measures;
        for (const align::MeasureLink& l : a.measures) {
            QJsonObject o;
            if (l.measureNumber)
                o.insert(QStringLiteral("measure_no"), l.measureNumber);
            if (l.againstNumber)
                o.insert(QStringLiteral("against_measure_no"), l.againstNumber);
            if (l.relation != align::Relation::NotTakenUp)
                o.insert(QStringLiteral("similarity"), l.similarity);
            o.insert(QStringLiteral("relation"), align::relationName(l.relation));
            o.insert(QStringLiteral("out_of_order"), l.outOfOrder);
            if (!l.suggestedTitle.isEmpty())
                o.insert(QStringLiteral("suggested_against_title"), l.suggestedTitle);
            measures.append(o);
        }
        QJsonArray targets;
        for (const align::TargetLink& t : a.targets) {
            QJsonObject o;
            o.insert(QStringLiteral("measure_no"), t.target.measureNumber);
            o.insert(QStringLiteral("against_measure_no"), t.against.measureNumber);
            o.insert(QStringLiteral("indicator"), t.target.indicator);
            o.insert(QStringLiteral("target"), valueText(t.target));
            o.insert(QStringLiteral("against_target"), valueText(t.against));
            o.insert(QStringLiteral("deadline"), t.target.deadline);
            o.insert(QStringLiteral("against_deadline"), t.against.deadline);
            o.insert(QStringLiteral("strictness"), align::strictnessName(t.strictness));
            o.insert(QStringLiteral("timing"), align::timingName(t.timing));
            o.insert(QStringLiteral("quote"), t.target.quote);
            o.insert(QStringLiteral("against_quote"), t.against.quote);
            targets.append(o);
        }
        const align::Summary& s = a.summary;
        QJsonObject summary{
            {QStringLiteral("adopted"), s.adopted},   {QStringLiteral("adapted"), s.adapted},
            {QStringLiteral("new"), s.fresh},         {QStringLiteral("not_taken_up"), s.notTakenUp},
            {QStringLiteral("stricter"), s.stricter}, {QStringLiteral("same"), s.same},
            {QStringLiteral("looser"), s.looser},     {QStringLiteral("not_comparable"), s.notComparable}};
        QJsonObject root{{QStringLiteral("doc"), a.docId},
                         {QStringLiteral("against_doc"), a.againstDocId},
                         {QStringLiteral("measures"), measures},
                         {QStringLiteral("targets"), targets},
                         {QStringLiteral("summary"), summary}};
        ctx.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return Ok;
    }
    QList<QStringList> lines;
    for (const align::MeasureLink& l : a.measures) {
        if (l.relation == align::Relation::NotTakenUp)
            continue;
        QString againstTitle = shortened(otherTitles.value(l.againstNumber), 14);
        if (!l.suggestedTitle.isEmpty())
            againstTitle += QStringLiteral(" (≈") + shortened(l.suggestedTitle, 12) + QLatin1Char(')');
        lines << QStringList{QString::number(l.measureNumber),
                             shortened(planTitles.value(l.measureNumber), 16),
                             l.againstNumber ? QString::number(l.againstNumber) : QString(),
                             againstTitle,
                             number(l.similarity),
                             align::relationName(l.relation) +
                                 (l.outOfOrder ? QStringLiteral("*") : QString())};
    }
    ctx.out << textTable({a.docId, QStringLiteral("title"), a.againstDocId, QStringLiteral("title"),
                          QStringLiteral("similarity"), QStringLiteral("relation")},
                         lines);
    QStringList notTaken;
    for (const align::MeasureLink& l : a.measures)
        if (l.relation == align::Relation::NotTakenUp)
            notTaken << QString::number(l.againstNumber);
    const align::Summary& s = a.summary;
    ctx.out << "adopted " << s.adopted << ", adapted " << s.adapted << ", new " << s.fresh << "; "
            << a.againstDocId << " measures not taken up (" << s.notTakenUp
            << "): " << notTaken.join(QStringLiteral(", "))
            << "\n(* taken up outside the order the two plans share; (≈…) a title suggested for a "
               "fragmentary one)\n";
    if (!a.targets.isEmpty()) {
        QList<QStringList> t;
        for (const align::TargetLink& l : a.targets)
            t << QStringList{QString::number(l.target.measureNumber),
                             l.target.indicator,
                             valueText(l.target),
                             l.target.deadline,
                             QString::number(l.against.measureNumber),
                             valueText(l.against),
                             l.against.deadline,
                             align::strictnessName(l.strictness),
                             align::timingName(l.timing)};
        ctx.out << '\n'
                << textTable({QStringLiteral("measure"), QStringLiteral("indicator"),
                              QStringLiteral("target"), QStringLiteral("deadline"), QStringLiteral("against"),
                              QStringLiteral("its target"), QStringLiteral("its deadline"),
                              QStringLiteral("strictness"), QStringLiteral("timing")},
                             t);
        ctx.out << "targets: stricter " << s.stricter << ", same " << s.same << ", looser " << s.looser
                << ", not comparable " << s.notComparable << "\n";
    }
    return Ok;
}

const bool registered = registerCommand(
    {QStringLiteral("align"),
     QStringLiteral("align FILE --against FILE | --doc ID --against-doc ID [--format table|csv|json] "
                    "[--table measures|targets]  diffusion: the measures of a plan that take up the other's "
                    "(adopted, adapted, new, not taken up) and their targets stricter, same or looser"),
     runAlign});

} // namespace
} // namespace pc::cli
