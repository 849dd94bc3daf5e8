// `plancompare-cli plans` (the plans and their metadata, correcting it) and `sets` (named plan sets).
#include "cmd_store.h"

#include "compare/planselection.h"
#include "export/csv.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pc::cli {
namespace {

QString kindName(const QString& kind) {
    if (kind == QLatin1String("comprehensive"))
        return QStringLiteral("综合方案");
    if (kind == QLatin1String("special"))
        return QStringLiteral("专项方案");
    return kind;
}

int printPlans(Context& ctx, const QList<PlanInfo>& plans, const QString& format) {
    const QStringList header{
        QStringLiteral("doc"),        QStringLiteral("jurisdiction"), QStringLiteral("code"),
        QStringLiteral("level"),      QStringLiteral("year"),         QStringLiteral("kind"),
        QStringLiteral("doc_number"), QStringLiteral("implements"),   QStringLiteral("title")};
    QList<QStringList> rows;
    for (const PlanInfo& p : plans)
        rows << QStringList{p.docId,
                            p.jurisdiction,
                            p.jurisdictionCode,
                            p.level,
                            p.year ? QString::number(p.year) : QString(),
                            p.planKind,
                            p.docNumber,
                            p.implementsDocNumber,
                            p.title};
    if (format == QLatin1String("csv")) {
        ctx.out << QString::fromUtf8(csv::table(header, rows));
    } else if (format == QLatin1String("json")) {
        QJsonArray arr;
        for (const QStringList& r : rows) {
            QJsonObject o;
            for (qsizetype i = 0; i < header.size(); ++i)
                o.insert(header[i],
                         header[i] == QLatin1String("year") ? QJsonValue(r[i].toInt()) : QJsonValue(r[i]));
            arr.append(o);
        }
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    } else {
        for (QStringList& r : rows) {
            r[1] = naming::jurisdictionName(r[1], ctx.language);
            r[5] = ctx.language == Language::Chinese ? kindName(r[5]) : r[5];
        }
        ctx.out << textTable(header, rows);
    }
    return Ok;
}

int runPlans(Context& ctx) {
    const QString sub = ctx.args.isEmpty() || ctx.args.first().startsWith(QLatin1String("--"))
                            ? QStringLiteral("list")
                            : ctx.args.takeFirst();
    if (sub == QLatin1String("correct")) {
        if (rejectUnknownOptions(ctx, QStringLiteral("plans correct")))
            return Usage;
        if (ctx.args.size() != 3) {
            ctx.err << "usage: plancompare-cli plans correct DOC jurisdiction|year|kind VALUE  (VALUE \"\" "
                       "removes the correction)\n";
            return Usage;
        }
        std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("plans"), true);
        if (!db)
            return BadInput;
        if (Status s = db->correctPlan(ctx.args[0], ctx.args[1], ctx.args[2]); !s) {
            ctx.err << "plancompare-cli plans correct: " << s.errorMessage() << "\n";
            return BadInput;
        }
        const Result<DocumentRecord> d = db->documentByDocId(ctx.args[0]);
        if (d)
            ctx.out << d->docId << '\t' << d->jurisdiction << '\t' << d->jurisdictionCode << '\t' << d->year
                    << '\t' << d->planKind << '\n';
        return Ok;
    }
    if (sub != QLatin1String("list")) {
        ctx.err << "usage: plancompare-cli plans [list] [--latest|--year Y|--all|--set NAME] [--format "
                   "table|csv|json] | plans correct DOC FIELD VALUE\n";
        return Usage;
    }
    PlanSelection selection;
    if (!takePlanSelection(ctx, QStringLiteral("plans"), selection, PlanSelection::all()))
        return Usage;
    QString format = takeOption(ctx.args, QStringLiteral("--format"));
    if (format.isEmpty())
        format = QStringLiteral("table");
    if (rejectUnknownOptions(ctx, QStringLiteral("plans")))
        return Usage;
    if (!ctx.args.isEmpty() || (format != QLatin1String("table") && format != QLatin1String("csv") &&
                                format != QLatin1String("json"))) {
        ctx.err << "usage: plancompare-cli plans [list] [--latest|--year Y|--all|--set NAME] [--format "
                   "table|csv|json]\n";
        return Usage;
    }
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("plans"), true);
    if (!db)
        return BadInput;
    const Result<QList<PlanInfo>> plans = compare::plans(*db, selection);
    if (!plans) {
        ctx.err << "plancompare-cli plans: " << plans.errorMessage() << "\n";
        return BadInput;
    }
    return printPlans(ctx, *plans, format);
}

int runSets(Context& ctx) {
    if (rejectUnknownOptions(ctx, QStringLiteral("sets")))
        return Usage;
    const QString sub = ctx.args.isEmpty() ? QStringLiteral("list") : ctx.args.takeFirst();
    const bool ok =
        (sub == QLatin1String("list") && ctx.args.isEmpty()) ||
        (sub == QLatin1String("save") && ctx.args.size() >= 2) ||
        ((sub == QLatin1String("show") || sub == QLatin1String("remove")) && ctx.args.size() == 1);
    if (!ok) {
        ctx.err
            << "usage: plancompare-cli sets [list] | sets save NAME DOC... | sets show NAME | sets remove "
               "NAME\n";
        return Usage;
    }
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("sets"), sub != QLatin1String("save"));
    if (!db)
        return BadInput;
    if (sub == QLatin1String("list")) {
        const Result<QStringList> names = db->planSetNames();
        if (!names) {
            ctx.err << "plancompare-cli sets: " << names.errorMessage() << "\n";
            return BadInput;
        }
        for (const QString& n : *names) {
            const Result<QStringList> members = db->planSetMembers(n);
            ctx.out << n << '\t' << (members ? members->size() : 0) << '\n';
        }
        return Ok;
    }
    const QString name = ctx.args.takeFirst();
    if (sub == QLatin1String("save")) {
        if (Status s = db->savePlanSet(name, ctx.args); !s) {
            ctx.err << "plancompare-cli sets save: " << s.errorMessage() << "\n";
            return BadInput;
        }
        ctx.out << "saved " << name << " (" << ctx.args.size() << " plans)\n";
        return Ok;
    }
    if (sub == QLatin1String("remove")) {
        if (Status s = db->removePlanSet(name); !s) {
            ctx.err << "plancompare-cli sets remove: " << s.errorMessage() << "\n";
            return BadInput;
        }
        return Ok;
    }
    const Result<QList<PlanInfo>> plans = compare::plans(*db, PlanSelection::named(name));
    if (!plans) {
        ctx.err << "plancompare-cli sets show: " << plans.errorMessage() << "\n";
        return BadInput;
    }
    return printPlans(ctx, *plans, QStringLiteral("table"));
}

const bool registeredPlans = registerCommand(
    {QStringLiteral("plans"),
     QStringLiteral(
         "plans [--latest|--year Y|--all|--set NAME] [--format table|csv|json] | plans correct DOC "
         "jurisdiction|year|kind VALUE  the plans with jurisdiction, GB/T 2260 code, year, kind and "
         "the plan each implements; correct a wrong guess"),
     runPlans});
const bool registeredSets = registerCommand(
    {QStringLiteral("sets"),
     QStringLiteral(
         "sets [list] | sets save NAME DOC... | sets show NAME | sets remove NAME  named plan sets "
         "for --set NAME"),
     runSets});

} // namespace
} // namespace pc::cli
