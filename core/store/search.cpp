// Full-text search over measures: FTS5 (pc_cjk tokenizer) ranked by bm25, snippets highlighted here.
#include "database.h"

#include "cjktokenizer.h"
#include "sqlutil.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

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

// ---- PostgreSQL: the same matches and the same bm25 ranking as FTS5 with the pc_cjk tokenizer,
// computed here from the candidate rows and the corpus statistics (rows, average length, rows per
// phrase). Matching is by substring of the folded text (pc_fold in migration 2), which is what a
// phrase of the tokenizer's overlapping bigrams amounts to for Chinese; a Latin word also matches
// inside a longer word there (5g in 5gb), where FTS5 matches whole words only.

// ASCII lower case (as PostgreSQL's lower()) and full-width digits and letters as ASCII.
QString fold(const QString& s) {
    QString out = s.toLower();
    for (QChar& c : out) {
        const char16_t u = c.unicode();
        if (u >= 0xFF10 && u <= 0xFF19)
            c = QChar(u - 0xFF10 + '0');
        else if (u >= 0xFF21 && u <= 0xFF3A)
            c = QChar(u - 0xFF21 + 'a');
        else if (u >= 0xFF41 && u <= 0xFF5A)
            c = QChar(u - 0xFF41 + 'a');
    }
    return out;
}

bool isGramChar(QChar c) {
    const char16_t u = c.unicode();
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 0x3400 && u <= 0x4DBF) ||
           (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF);
}

// The FTS5 expression of buildMatchQuery as OR-groups of AND-ed phrases (OR binds loosest in FTS5).
QList<QStringList> phraseGroups(const QString& expression) {
    QList<QStringList> groups{{}};
    qsizetype i = 0;
    while (i < expression.size()) {
        const QChar c = expression.at(i);
        if (c == QLatin1Char('"')) {
            QString phrase;
            ++i;
            while (i < expression.size()) {
                if (expression.at(i) == QLatin1Char('"')) {
                    if (i + 1 < expression.size() && expression.at(i + 1) == QLatin1Char('"')) {
                        phrase += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                phrase += expression.at(i++);
            }
            // The tokenizer skips what is neither a letter, a digit nor CJK: each run between such
            // characters is searched (用水* is 用水; ^col:x is col and x).
            QString run;
            const QString folded = fold(phrase) + QLatin1Char(' ');
            for (const QChar ch : folded) {
                if (ch.isLetterOrNumber() || ch.isHighSurrogate() || ch.isLowSurrogate()) {
                    run += ch;
                } else if (!run.isEmpty()) {
                    groups.last() << run;
                    run.clear();
                }
            }
        } else if (expression.mid(i, 2) == QLatin1String("OR")) {
            groups.append(QStringList());
            i += 2;
        } else {
            ++i;
        }
    }
    return groups;
}

// SQL for "the measure contains the phrase": the gram index for one and two characters, trigrams
// (through LIKE) for longer phrases.
QString phraseCondition(const QString& phrase, QVariantList& binds) {
    const QString text = QStringLiteral("pc_search_text(m.title, m.body, m.units)");
    const bool gram = phrase.size() <= 2 && std::all_of(phrase.begin(), phrase.end(), isGramChar);
    if (gram) {
        binds << phrase;
        return QStringLiteral("pc_grams(%1) @> ARRAY[CAST(? AS text)]").arg(text);
    }
    QString escaped = phrase;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    binds << QVariant(QString(QLatin1Char('%') + escaped + QLatin1Char('%')));
    return QStringLiteral("%1 LIKE ?").arg(text);
}

qsizetype occurrences(const QString& text, const QString& phrase) {
    if (phrase.isEmpty())
        return 0;
    qsizetype n = 0;
    for (qsizetype at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1))
        ++n;
    return n;
}

Result<QList<SearchHit>> searchPostgres(QSqlDatabase& db, const QString& path, const fts::MatchQuery& mq,
                                        const SearchOptions& options, SearchInfo* info) {
    const QString what = QStringLiteral("searching");
    const QList<QStringList> groups = phraseGroups(mq.expression);
    QStringList phrases;
    QStringList orParts;
    QVariantList binds;
    for (const QStringList& g : groups) {
        QStringList andParts;
        for (const QString& p : g) {
            andParts << phraseCondition(p, binds);
            if (!phrases.contains(p))
                phrases << p;
        }
        if (!andParts.isEmpty())
            orParts << QLatin1Char('(') + andParts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
    }
    if (orParts.isEmpty())
        return QList<SearchHit>();
    const auto run = [&](const QString& sql, const QVariantList& values) -> Result<QSqlQuery> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return store::sqlError(q.lastError(), what, path);
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (!q.exec())
            return store::sqlError(q.lastError(), what, path);
        return q;
    };
    // Corpus statistics, as FTS5 keeps them: rows, tokens (positions) per row, rows per phrase.
    Result<QSqlQuery> stats =
        run(QStringLiteral("SELECT count(*), coalesce(sum(search_tokens), 0) FROM measures"), {});
    if (!stats)
        return stats.error();
    double rows = 0, tokens = 0;
    if (stats->next()) {
        rows = stats->value(0).toDouble();
        tokens = stats->value(1).toDouble();
    }
    stats->finish();
    if (rows == 0)
        return QList<SearchHit>();
    const double avgdl = tokens / rows;
    QList<double> idf;
    for (const QString& p : std::as_const(phrases)) {
        QVariantList b;
        const QString cond = phraseCondition(p, b);
        Result<QSqlQuery> n = run(QStringLiteral("SELECT count(*) FROM measures m WHERE ") + cond, b);
        if (!n)
            return n.error();
        const double hits = n->next() ? n->value(0).toDouble() : 0;
        n->finish();
        const double v = std::log((rows - hits + 0.5) / (hits + 0.5));
        idf << (v <= 0 ? 1e-6 : v);
    }
    QString sql =
        QStringLiteral(
            "SELECT m.id, m.document_id, d.doc_id, d.jurisdiction, m.number, m.title, m.area, m.body, "
            "m.span_start, m.span_end, m.units, m.search_tokens FROM measures m JOIN documents d ON d.id = "
            "m.document_id WHERE (%1)")
            .arg(orParts.join(QStringLiteral(" OR ")));
    QVariantList all = binds;
    if (!options.docId.isEmpty()) {
        sql += QStringLiteral(" AND d.doc_id = ?");
        all << options.docId;
    }
    // Too many matches to rank them all in time: rank the newest candidateLimit (ids are import order).
    if (options.candidateLimit > 0)
        sql += QStringLiteral(" ORDER BY m.id DESC LIMIT %1").arg(options.candidateLimit + 1);
    Result<QSqlQuery> q = run(sql, all);
    if (!q)
        return q.error();
    struct Candidate {
        SearchHit hit;
        QString body;
    };
    QList<Candidate> candidates;
    const double k1 = 1.2, b = 0.75;
    const double weights[3] = {4.0, 1.0, 0.5}; // title, body, units, as bm25(measure_fts, 4.0, 1.0, 0.5)
    while (q->next()) {
        if (options.candidateLimit > 0 && candidates.size() == options.candidateLimit) {
            if (info) {
                info->capped = true;
                info->rankedAmong = options.candidateLimit;
            }
            break;
        }
        Candidate c;
        SearchHit& h = c.hit;
        h.measureId = q->value(0).toLongLong();
        h.documentId = q->value(1).toLongLong();
        h.docId = q->value(2).toString();
        h.jurisdiction = q->value(3).toString();
        h.measureNumber = q->value(4).toInt();
        h.title = q->value(5).toString();
        h.area = q->value(6).toString();
        c.body = q->value(7).toString();
        h.start = q->value(8).toLongLong();
        h.end = q->value(9).toLongLong();
        const QString columns[3] = {fold(h.title), fold(c.body), fold(q->value(10).toString())};
        const double length = q->value(11).toDouble();
        double score = 0;
        for (qsizetype i = 0; i < phrases.size(); ++i) {
            double freq = 0;
            for (int col = 0; col < 3; ++col)
                freq += weights[col] * double(occurrences(columns[col], phrases[i]));
            score += idf[i] * (freq * (k1 + 1.0)) / (freq + k1 * (1.0 - b + b * length / avgdl));
        }
        h.score = -score;
        candidates.append(c);
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.hit.score, x.hit.measureId) < std::tie(y.hit.score, y.hit.measureId);
    });
    if (options.limit > 0 && candidates.size() > options.limit)
        candidates.resize(options.limit);
    QList<SearchHit> out;
    for (Candidate& c : candidates) {
        bool inBody = false;
        for (const QString& t : mq.terms)
            inBody = inBody || c.body.contains(t, Qt::CaseInsensitive);
        c.hit.snippet =
            snippetOf(inBody || c.hit.title.isEmpty() ? c.body : c.hit.title + QStringLiteral(" — ") + c.body,
                      mq.terms, options);
        out.append(c.hit);
    }
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
    if (isPostgres())
        return searchPostgres(m_db, m_path, *mq, options, info);
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
