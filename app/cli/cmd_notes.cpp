// `plancompare-cli notes add|list|edit|remove`: the researcher's notes on plans, measures and targets.
#include "cmd_store.h"

#include "store/database.h"

namespace pc::cli {
namespace {

const char* kUsage = "usage: plancompare-cli notes ACTION ...\n"
                     "  notes add (--doc DOC | --measure MEASURE_ID | --target TARGET_ID) TEXT\n"
                     "  notes list [--doc DOC]\n"
                     "  notes edit NOTE_ID TEXT\n"
                     "  notes remove NOTE_ID\n";

int runNotes(Context& ctx) {
    const QString doc = takeOption(ctx.args, QStringLiteral("--doc"));
    const QString measure = takeOption(ctx.args, QStringLiteral("--measure"));
    const QString target = takeOption(ctx.args, QStringLiteral("--target"));
    if (rejectUnknownOptions(ctx, QStringLiteral("notes")))
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
    if (action != QLatin1String("add") && action != QLatin1String("list") &&
        action != QLatin1String("edit") && action != QLatin1String("remove"))
        return usage();
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("notes"), true);
    if (!db)
        return BadInput;
    auto fail = [&](const Error& e) {
        ctx.err << "plancompare-cli notes: " << e.message << "\n";
        return int(BadInput);
    };
    if (action == QLatin1String("add")) {
        const int subjects = int(!doc.isEmpty()) + int(!measure.isEmpty()) + int(!target.isEmpty());
        if (subjects != 1 || a.isEmpty())
            return usage();
        NoteSubject subject = NoteSubject::Document;
        qint64 id = 0;
        if (!doc.isEmpty()) {
            const Result<DocumentRecord> d = db->documentByDocId(doc);
            if (!d)
                return fail(d.error());
            id = d->id;
        } else {
            subject = measure.isEmpty() ? NoteSubject::Target : NoteSubject::Measure;
            bool ok = false;
            id = (measure.isEmpty() ? target : measure).toLongLong(&ok);
            if (!ok)
                return usage();
        }
        const Result<qint64> n = db->addNote(subject, id, a.join(QLatin1Char(' ')));
        if (!n)
            return fail(n.error());
        ctx.out << "note " << *n << " added to " << noteSubjectName(subject) << ' '
                << (doc.isEmpty() ? QString::number(id) : doc) << "\n";
        return Ok;
    }
    if (action == QLatin1String("list")) {
        NoteFilter f;
        f.docId = doc;
        const Result<QList<NoteRecord>> notes = db->notes(f);
        if (!notes)
            return fail(notes.error());
        QList<QStringList> rows;
        for (const NoteRecord& n : *notes)
            rows << QStringList{QString::number(n.id),
                                n.docId,
                                noteSubjectName(n.subject),
                                n.subjectId ? QString::number(n.subjectId) : QStringLiteral("(text changed)"),
                                n.updatedAt,
                                n.text};
        ctx.out << textTable({QStringLiteral("note_id"), QStringLiteral("doc"), QStringLiteral("on"),
                              QStringLiteral("id"), QStringLiteral("updated"), QStringLiteral("text")},
                             rows);
        return Ok;
    }
    bool ok = false;
    const qint64 id = a.value(0).toLongLong(&ok);
    if (!ok || (action == QLatin1String("edit") ? a.size() < 2 : a.size() != 1))
        return usage();
    const Status s = action == QLatin1String("edit") ? db->updateNote(id, a.mid(1).join(QLatin1Char(' ')))
                                                     : db->removeNote(id);
    if (!s)
        return fail(s.error());
    ctx.out << "note " << id << (action == QLatin1String("edit") ? " updated\n" : " removed\n");
    return Ok;
}

const bool registered = registerCommand(
    {QStringLiteral("notes"),
     QStringLiteral("notes add|list|edit|remove ...  notes on plans, measures and targets ('notes help')"),
     runNotes});

} // namespace
} // namespace pc::cli
