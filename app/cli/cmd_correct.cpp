// `plancompare-cli correct …`: list and make user corrections (they survive re-imports and can be undone).
#include "cmd_store.h"

#include "store/database.h"

namespace pc::cli {
namespace {

const char* kUsage =
    "usage: plancompare-cli correct ACTION ...\n"
    "  correct targets DOC [--indicator ID] [--all]   targets of a plan with their TARGET_IDs (--all: "
    "rejected too)\n"
    "  correct measures DOC                          measures of a plan with their MEASURE_IDs and areas\n"
    "  correct set TARGET_ID FIELD VALUE [--expect-version N]   FIELD: value unit comparator indicator "
    "deadline kind scope baseline; refused if the target is no longer at version N\n"
    "  correct history TARGET_ID                     every change of a target: version, field, was, now, "
    "who, when\n"
    "  correct reject TARGET_ID                      mark as not a target\n"
    "  correct add DOC START END --indicator ID [--value N] [--unit U] [--comparator C] [--kind K]\n"
    "                            [--deadline YYYY-MM] [--scope S]   a target the parser missed, from a "
    "source span\n"
    "  correct add DOC --text QUOTE --indicator ID ...   the same, locating QUOTE in the plan's text\n"
    "  correct area MEASURE_ID AREA                  set a measure's area\n"
    "  correct list [DOC]                            corrections made; 'no' under applies = the text "
    "changed\n"
    "  correct undo CORRECTION_ID                    remove a correction\n";

bool toId(const QString& s, qint64* id) {
    bool ok = false;
    *id = s.toLongLong(&ok);
    return ok && *id > 0;
}

QString num(const std::optional<double>& v) {
    return v ? QString::number(*v, 'g', 15) : QString();
}

int fail(Context& ctx, const Error& e) {
    ctx.err << "plancompare-cli correct: " << e.message << "\n";
    return BadInput;
}

int runCorrect(Context& ctx) {
    const QString indicator = takeOption(ctx.args, QStringLiteral("--indicator"));
    const bool all = takeFlag(ctx.args, QStringLiteral("--all"));
    bool hasValue = false;
    const QString value = takeOption(ctx.args, QStringLiteral("--value"), &hasValue);
    const QString unit = takeOption(ctx.args, QStringLiteral("--unit"));
    const QString comparator = takeOption(ctx.args, QStringLiteral("--comparator"));
    const QString kind = takeOption(ctx.args, QStringLiteral("--kind"));
    const QString deadline = takeOption(ctx.args, QStringLiteral("--deadline"));
    const QString scope = takeOption(ctx.args, QStringLiteral("--scope"));
    bool hasText = false;
    const QString text = takeOption(ctx.args, QStringLiteral("--text"), &hasText);
    bool hasExpected = false;
    const QString expected = takeOption(ctx.args, QStringLiteral("--expect-version"), &hasExpected);
    if (rejectUnknownOptions(ctx, QStringLiteral("correct")))
        return Usage;
    const QString action = ctx.args.value(0);
    const QStringList a = ctx.args.mid(1);
    if (action == QLatin1String("help")) {
        ctx.out << kUsage;
        return Ok;
    }
    auto usage = [&]() {
        ctx.err << kUsage;
        return int(Usage);
    };
    static const QStringList actions{
        QStringLiteral("targets"), QStringLiteral("measures"), QStringLiteral("set"),
        QStringLiteral("reject"),  QStringLiteral("add"),      QStringLiteral("area"),
        QStringLiteral("list"),    QStringLiteral("undo"),     QStringLiteral("history")};
    if (!actions.contains(action))
        return usage();
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("correct"), true);
    if (!db)
        return BadInput;

    if (action == QLatin1String("targets")) {
        if (a.size() != 1)
            return usage();
        TargetFilter f;
        f.docId = a[0];
        f.indicator = indicator;
        f.includeRejected = all;
        const Result<QList<ComparisonRow>> rows = db->targets(f);
        if (!rows)
            return fail(ctx, rows.error());
        QList<QStringList> lines;
        for (const ComparisonRow& r : *rows)
            lines << QStringList{QString::number(r.targetId),
                                 QString::number(r.measureNumber),
                                 r.indicator,
                                 r.comparator,
                                 num(r.value),
                                 r.unit,
                                 r.deadline,
                                 r.rejected
                                     ? QStringLiteral("rejected")
                                     : (r.corrected ? r.correctedFields.join(QLatin1Char(',')) +
                                                          (r.userAdded ? QStringLiteral("added") : QString())
                                                    : QString()),
                                 r.quote};
        ctx.out << textTable({QStringLiteral("target_id"), QStringLiteral("measure"),
                              QStringLiteral("indicator"), QStringLiteral("cmp"), QStringLiteral("value"),
                              QStringLiteral("unit"), QStringLiteral("deadline"), QStringLiteral("corrected"),
                              QStringLiteral("quote")},
                             lines);
        return Ok;
    }
    if (action == QLatin1String("measures")) {
        if (a.size() != 1)
            return usage();
        MeasureFilter f;
        f.docId = a[0];
        const Result<QList<MeasureRecord>> rows = db->measures(f);
        if (!rows)
            return fail(ctx, rows.error());
        QList<QStringList> lines;
        for (const MeasureRecord& m : *rows)
            lines << QStringList{QString::number(m.id),
                                 QString::number(m.number),
                                 m.area + (m.areaCorrected ? QStringLiteral(" *") : QString()),
                                 QString::number(m.start),
                                 QString::number(m.end),
                                 (m.title.isEmpty() ? m.body : m.title).left(40)};
        ctx.out << textTable({QStringLiteral("measure_id"), QStringLiteral("no"), QStringLiteral("area"),
                              QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("title")},
                             lines);
        return Ok;
    }
    if (action == QLatin1String("list")) {
        if (a.size() > 1)
            return usage();
        const Result<QList<OverrideRecord>> ov = db->overrides(a.value(0));
        if (!ov)
            return fail(ctx, ov.error());
        QList<QStringList> lines;
        for (const OverrideRecord& o : *ov)
            lines << QStringList{
                QString::number(o.id), o.docId, overrideKindName(o.kind),
                o.originalValue,       o.value, o.applies ? QStringLiteral("yes") : QStringLiteral("no"),
                o.anchorText.left(40)};
        ctx.out << textTable({QStringLiteral("correction_id"), QStringLiteral("doc"), QStringLiteral("field"),
                              QStringLiteral("was"), QStringLiteral("now"), QStringLiteral("applies"),
                              QStringLiteral("on")},
                             lines);
        return Ok;
    }
    qint64 id = 0;
    if (action == QLatin1String("set")) {
        if (a.size() != 3 || !toId(a[0], &id))
            return usage();
        const std::optional<OverrideKind> k = overrideKindFromName(a[1]);
        if (!k || *k == OverrideKind::RejectTarget || *k == OverrideKind::AddTarget ||
            *k == OverrideKind::MeasureArea) {
            ctx.err << "plancompare-cli correct: unknown field '" << a[1]
                    << "' (use value unit comparator indicator deadline kind scope baseline)\n";
            return Usage;
        }
        std::optional<qint64> expectedVersion;
        if (hasExpected) {
            qint64 v = 0;
            if (!toId(expected, &v)) {
                ctx.err << "plancompare-cli correct: --expect-version needs a version number, not '"
                        << expected << "'\n";
                return Usage;
            }
            expectedVersion = v;
        }
        const Result<qint64> r = db->correctTarget(id, *k, a[2], expectedVersion);
        if (!r)
            return fail(ctx, r.error());
        ctx.out << "correction " << *r << ": target " << id << ' ' << a[1] << " = " << a[2] << "\n";
        return Ok;
    }
    if (action == QLatin1String("history")) {
        if (a.size() != 1 || !toId(a[0], &id))
            return usage();
        const Result<qint64> version = db->targetVersion(id);
        if (!version)
            return fail(ctx, version.error());
        const Result<QList<TargetChange>> h = db->targetHistory(id);
        if (!h)
            return fail(ctx, h.error());
        QList<QStringList> lines;
        for (const TargetChange& c : *h)
            lines << QStringList{
                QString::number(c.rowVersion), c.field, c.oldValue, c.newValue, c.changedBy, c.changedAt};
        ctx.out << "target " << id << " version " << *version << "\n"
                << textTable({QStringLiteral("version"), QStringLiteral("field"), QStringLiteral("was"),
                              QStringLiteral("now"), QStringLiteral("by"), QStringLiteral("at")},
                             lines);
        return Ok;
    }
    if (action == QLatin1String("reject")) {
        if (a.size() != 1 || !toId(a[0], &id))
            return usage();
        const Result<qint64> r = db->rejectTarget(id);
        if (!r)
            return fail(ctx, r.error());
        ctx.out << "correction " << *r << ": target " << id << " is not a target\n";
        return Ok;
    }
    if (action == QLatin1String("area")) {
        if (a.size() != 2 || !toId(a[0], &id))
            return usage();
        const Result<qint64> r = db->setMeasureArea(id, a[1]);
        if (!r)
            return fail(ctx, r.error());
        ctx.out << "correction " << *r << ": measure " << id << " area = " << a[1] << "\n";
        return Ok;
    }
    if (action == QLatin1String("undo")) {
        if (a.size() != 1 || !toId(a[0], &id))
            return usage();
        if (Status s = db->removeOverride(id); !s)
            return fail(ctx, s.error());
        ctx.out << "correction " << id << " removed\n";
        return Ok;
    }
    // add
    if (a.isEmpty() || indicator.isEmpty() || (hasText ? a.size() != 1 : a.size() != 3))
        return usage();
    const Result<DocumentRecord> doc = db->documentByDocId(a[0]);
    if (!doc)
        return fail(ctx, doc.error());
    NewTarget t;
    t.documentId = doc->id;
    if (hasText) {
        const Result<QString> src = db->documentSource(doc->id);
        if (!src)
            return fail(ctx, src.error());
        t.start = text.isEmpty() ? -1 : src->indexOf(text);
        if (t.start < 0) {
            ctx.err << "plancompare-cli correct: \u201c" << text << "\u201d does not occur in " << a[0]
                    << "\n";
            return BadInput;
        }
        t.end = t.start + text.size();
    } else {
        bool ok1 = false, ok2 = false;
        t.start = a[1].toLongLong(&ok1);
        t.end = a[2].toLongLong(&ok2);
        if (!ok1 || !ok2)
            return usage();
    }
    t.indicator = indicator;
    if (hasValue) {
        bool ok = false;
        t.value = value.toDouble(&ok);
        if (!ok) {
            ctx.err << "plancompare-cli correct: --value '" << value << "' is not a number\n";
            return BadInput;
        }
    }
    t.unit = unit;
    if (!comparator.isEmpty())
        t.comparator = comparator;
    if (!kind.isEmpty())
        t.kind = kind;
    t.deadline = deadline;
    t.scope = scope;
    const Result<qint64> r = db->addTarget(t);
    if (!r)
        return fail(ctx, r.error());
    ctx.out << "correction " << *r << ": added target at " << t.start << ".." << t.end << " of " << a[0]
            << "\n";
    return Ok;
}

const bool registered =
    registerCommand({QStringLiteral("correct"),
                     QStringLiteral("correct targets|measures|set|reject|add|area|list|undo|history ...  "
                                    "user corrections ('correct help' "
                                    "lists the verbs)"),
                     runCorrect});

} // namespace
} // namespace pc::cli
