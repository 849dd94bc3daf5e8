// Full-text search over measures: FTS5 (pc_cjk tokenizer) ranked by bm25, snippets highlighted here.
#include "database.h"

#include "cjktokenizer.h"
#include "sqlutil.h"

#include <limits>

namespace pc {

namespace {

QString escapeIf(bool html, const QString& s) {
    return html ? s.toHtmlEscaped() : s;
}

// Highlights every occurrence of the query's words around the first one. Done on the stored text
// rather than with FTS5's snippet(), whose token boundaries (overlapping bigrams) would cut words.
QString snippetOf(const QString& rawText, const QStringList& terms, const SearchOptions& o) {
    QString text = rawText;
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    qsizetype first = -1;
    qsizetype firstLen = 0;
    for (const QString& t : terms) {
        const qsizetype p = text.indexOf(t, 0, Qt::CaseInsensitive);
        if (p >= 0 && (first < 0 || p < first)) {
            first = p;
            firstLen = t.size();
        }
    }
    const qsizetype ctx = qMax(4, o.snippetChars);
    qsizetype from = 0;
    qsizetype to = qMin(text.size(), 2 * ctx);
    if (first >= 0) {
        from = qMax<qsizetype>(0, first - ctx);
        to = qMin(text.size(), first + firstLen + ctx);
    }
    QString out;
    if (from > 0)
        out += QStringLiteral("…");
    qsizetype i = from;
    qsizetype plainStart = from;
    while (i < to) {
        qsizetype best = 0;
        for (const QString& t : terms) {
            if (t.size() > best && i + t.size() <= text.size() &&
                QStringView(text).mid(i, t.size()).compare(t, Qt::CaseInsensitive) == 0)
                best = t.size();
        }
        if (best == 0) {
            ++i;
            continue;
        }
        out += escapeIf(o.html, text.mid(plainStart, i - plainStart));
        out += o.highlightOpen + escapeIf(o.html, text.mid(i, best)) + o.highlightClose;
        i += best;
        plainStart = i;
    }
    if (plainStart < to)
        out += escapeIf(o.html, text.mid(plainStart, qMax<qsizetype>(to, i) - plainStart));
    if (qMax(to, i) < text.size())
        out += QStringLiteral("…");
    return out;
}

} // namespace

Result<QList<SearchHit>> Database::search(const QString& query, const SearchOptions& options,
                                          SearchInfo* info) {
    if (info)
        *info = SearchInfo{};
    const Result<fts::MatchQuery> mq = fts::buildMatchQuery(query);
    if (!mq)
        return mq.error();
    const auto syntaxError = [&] {
        return Error{
            QStringLiteral("could not search for \u201c%1\u201d; try fewer special characters").arg(query),
            QStringLiteral("search-syntax")};
    };
    // Measures of one plan have consecutive ids (one import inserts them in one transaction), so a
    // plan restricts the index scan to a rowid range; the join below still checks the plan.
    qint64 low = 0;
    qint64 high = std::numeric_limits<qint64>::max();
    if (!options.docId.isEmpty()) {
        Result<QSqlQuery> range = store::exec(
            m_db,
            QStringLiteral(
                "SELECT min(m.id), max(m.id) FROM measures m WHERE m.document_id = (SELECT id FROM "
                "documents WHERE doc_id = ?)"),
            {options.docId});
        if (!range)
            return range.error();
        if (!range->next() || range->value(0).isNull())
            return QList<SearchHit>();
        low = range->value(0).toLongLong();
        high = range->value(1).toLongLong();
    }
    // Too many matches to rank them all in time: rank the newest candidateLimit (rowid order is import
    // order; FTS5 walks it backwards and stops after candidateLimit + 1 matches).
    if (options.candidateLimit > 0) {
        QSqlQuery c(m_db);
        c.setForwardOnly(true);
        if (!c.prepare(
                QStringLiteral("SELECT rowid FROM measure_fts WHERE measure_fts MATCH ? AND rowid BETWEEN ? "
                               "AND ? ORDER BY rowid DESC LIMIT 1 OFFSET ?")))
            return store::sqlError(c.lastError(), QStringLiteral("searching"), m_path);
        c.addBindValue(mq->expression);
        c.addBindValue(low);
        c.addBindValue(high);
        c.addBindValue(options.candidateLimit);
        if (!c.exec()) {
            const Error e = store::sqlError(c.lastError(), QStringLiteral("searching"), m_path);
            return e.code != QLatin1String("db-query") ? e : syntaxError();
        }
        if (c.next()) {
            low = c.value(0).toLongLong() + 1;
            if (info) {
                info->capped = true;
                info->rankedAmong = options.candidateLimit;
            }
        }
    }
    // Title hits weigh more than body hits, units least.
    const QString rank = QStringLiteral("bm25(measure_fts, 4.0, 1.0, 0.5)");
    QString sql;
    if (options.docId.isEmpty()) {
        sql = QStringLiteral(
                  "SELECT m.id, m.document_id, d.doc_id, d.jurisdiction, m.number, m.title, m.area, m.body, "
                  "m.span_start, m.span_end, f.score FROM (SELECT rowid, %1 AS score FROM measure_fts "
                  "WHERE measure_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY score LIMIT ?) f JOIN "
                  "measures m "
                  "ON m.id = f.rowid JOIN documents d ON d.id = m.document_id ORDER BY f.score, m.id")
                  .arg(rank);
    } else {
        sql = QStringLiteral(
                  "SELECT m.id, m.document_id, d.doc_id, d.jurisdiction, m.number, m.title, m.area, m.body, "
                  "m.span_start, m.span_end, %1 AS score FROM measure_fts JOIN measures m ON m.id = "
                  "measure_fts.rowid JOIN documents d ON d.id = m.document_id WHERE measure_fts MATCH ? "
                  "AND measure_fts.rowid BETWEEN ? AND ? AND d.doc_id = ? ORDER BY score, m.id LIMIT ?")
                  .arg(rank);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return store::sqlError(q.lastError(), QStringLiteral("searching"), m_path);
    q.addBindValue(mq->expression);
    q.addBindValue(low);
    q.addBindValue(high);
    if (!options.docId.isEmpty())
        q.addBindValue(options.docId);
    q.addBindValue(options.limit > 0 ? options.limit : -1);
    if (!q.exec()) {
        const Error e = store::sqlError(q.lastError(), QStringLiteral("searching"), m_path);
        return e.code != QLatin1String("db-query") ? e : syntaxError(); // locked, corrupt …: say so
    }
    QList<SearchHit> out;
    while (q.next()) {
        SearchHit h;
        h.measureId = q.value(0).toLongLong();
        h.documentId = q.value(1).toLongLong();
        h.docId = q.value(2).toString();
        h.jurisdiction = q.value(3).toString();
        h.measureNumber = q.value(4).toInt();
        h.title = q.value(5).toString();
        h.area = q.value(6).toString();
        // Show the body around the first hit; when only the title matched, lead with the title.
        const QString body = q.value(7).toString();
        bool inBody = false;
        for (const QString& t : mq->terms)
            inBody = inBody || body.contains(t, Qt::CaseInsensitive);
        h.snippet = snippetOf(inBody || h.title.isEmpty() ? body : h.title + QStringLiteral(" — ") + body,
                              mq->terms, options);
        h.start = q.value(8).toLongLong();
        h.end = q.value(9).toLongLong();
        h.score = q.value(10).toDouble();
        out.append(h);
    }
    return out;
}

} // namespace pc
