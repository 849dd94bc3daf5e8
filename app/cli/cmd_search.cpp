// `plancompare-cli search QUERY`: ranked measures with highlighted snippets, any query length.
#include "cmd_store.h"

#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pc::cli {
namespace {

int runSearch(Context& ctx) {
    const QString limit = takeOption(ctx.args, QStringLiteral("--limit"));
    QString format = takeOption(ctx.args, QStringLiteral("--format"));
    const QString doc = takeOption(ctx.args, QStringLiteral("--doc"));
    if (rejectUnknownOptions(ctx, QStringLiteral("search")))
        return Usage;
    if (format.isEmpty())
        format = QStringLiteral("table");
    bool limitOk = true;
    SearchOptions o;
    if (!limit.isEmpty())
        o.limit = limit.toInt(&limitOk);
    if (ctx.args.isEmpty() || !limitOk || o.limit <= 0 ||
        (format != QLatin1String("table") && format != QLatin1String("json"))) {
        ctx.err << "usage: plancompare-cli search QUERY [--limit N] [--doc DOC] [--format table|json]\n";
        return Usage;
    }
    const QString query = ctx.args.join(QLatin1Char(' '));
    o.docId = doc;
    o.highlightOpen = QStringLiteral("【");
    o.highlightClose = QStringLiteral("】");
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("search"), true);
    if (!db)
        return BadInput;
    SearchInfo info;
    const Result<QList<SearchHit>> hits = db->search(query, o, &info);
    if (!hits) {
        ctx.err << "plancompare-cli search: " << hits.errorMessage() << "\n";
        return BadInput;
    }
    if (format == QLatin1String("json")) {
        QJsonArray arr;
        for (const SearchHit& h : *hits) {
            QJsonObject x;
            x.insert(QStringLiteral("doc"), h.docId);
            x.insert(QStringLiteral("jurisdiction"), h.jurisdiction);
            x.insert(QStringLiteral("measure_no"), h.measureNumber);
            x.insert(QStringLiteral("measure_id"), double(h.measureId));
            x.insert(QStringLiteral("title"), h.title);
            x.insert(QStringLiteral("area"), h.area);
            x.insert(QStringLiteral("snippet"), h.snippet);
            x.insert(QStringLiteral("score"), h.score);
            x.insert(QStringLiteral("start"), double(h.start));
            x.insert(QStringLiteral("end"), double(h.end));
            arr.append(x);
        }
        QJsonObject root;
        root.insert(QStringLiteral("query"), query);
        root.insert(QStringLiteral("hits"), arr);
        root.insert(QStringLiteral("capped"), info.capped);
        if (info.capped)
            root.insert(QStringLiteral("ranked_among"), info.rankedAmong);
        ctx.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return Ok;
    }
    QList<QStringList> rows;
    int rank = 0;
    for (const SearchHit& h : *hits)
        rows << QStringList{QString::number(++rank), h.docId, QString::number(h.measureNumber),
                            h.jurisdiction, h.snippet};
    ctx.out << textTable({QStringLiteral("#"), QStringLiteral("doc"), QStringLiteral("measure"),
                          QStringLiteral("jurisdiction"), QStringLiteral("snippet")},
                         rows);
    if (hits->isEmpty())
        ctx.err << "no measure matches \u201c" << query << "\u201d\n";
    if (info.capped)
        ctx.err << "more than " << info.rankedAmong << " measures match \u201c" << query
                << "\u201d; ranked the " << info.rankedAmong
                << " most recently imported. Add words or --doc to narrow the search.\n";
    return Ok;
}

const bool registered = registerCommand(
    {QStringLiteral("search"),
     QStringLiteral(
         "search QUERY [--limit N] [--doc DOC] [--format table|json]  ranked measures, hits in 【】; "
         "words must all occur, \"quoted phrase\", a OR b"),
     runSearch});

} // namespace
} // namespace pc::cli
