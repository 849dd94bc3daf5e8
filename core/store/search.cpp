// Full-text search over measures: FTS5 (pc_cjk2 tokenizer) ranked by bm25, snippets highlighted here.
#include "database.h"

#include "cjktokenizer.h"
#include "sqlutil.h"
#include "statements.h"
#include "textpack.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>
#include <tuple>

namespace pc {

namespace {

// An SQLite varint (big-endian, seven bits a byte, the ninth byte whole), as FTS5 writes its totals.
quint64 readVarint(const QByteArray& bytes, qsizetype* at) {
    quint64 v = 0;
    for (int k = 0; k < 9 && *at < bytes.size(); ++k) {
        const auto c = quint8(bytes.at((*at)++));
        if (k == 8)
            return (v << 8) | c;
        v = (v << 7) | (c & 0x7F);
        if (!(c & 0x80))
            break;
    }
    return v;
}

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

// ---- PostgreSQL: the same matches and the same bm25 ranking as FTS5 with the pc_cjk2 tokenizer,
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

// SQL for "the measure contains the phrase", on the stored folded text (migration 9): the index of
// its characters for one and two characters (two: both characters, then LIKE checks they are
// adjacent), trigrams (through LIKE) for longer phrases.
QString likePattern(const QString& phrase) {
    QString escaped = phrase;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString phraseCondition(const QString& phrase, QVariantList& binds) {
    const QList<uint> codePoints = phrase.toUcs4();
    if (codePoints.size() <= 2) {
        QStringList holders;
        for (const uint cp : codePoints) {
            const char32_t c = cp;
            binds << QString::fromUcs4(&c, 1);
            holders << QStringLiteral("CAST(? AS text)");
        }
        QString sql = QStringLiteral("string_to_array(m.search_text, NULL) @> ARRAY[%1]")
                          .arg(holders.join(QStringLiteral(", ")));
        if (codePoints.size() == 2) {
            binds << likePattern(phrase);
            sql += QStringLiteral(" AND m.search_text LIKE ?");
        }
        return sql;
    }
    binds << likePattern(phrase);
    return QStringLiteral("m.search_text LIKE ?");
}

// The same test without the indexes, for walking the measures from the newest (cheaper per row than
// the character array).
QString walkCondition(const QString& phrase, QVariantList& binds) {
    binds << phrase;
    return QStringLiteral("strpos(m.search_text, CAST(? AS text)) > 0");
}

// True when a proper prefix of the phrase is also its suffix (用水用), so occurrences may overlap.
bool selfOverlaps(const QString& phrase) {
    for (qsizetype n = 1; n < phrase.size(); ++n) {
        if (QStringView(phrase).left(n) == QStringView(phrase).right(n))
            return true;
    }
    return false;
}

// SQL for the number of occurrences of a phrase in a folded text, overlapping ones counted (as FTS5
// counts phrase instances): a literal count for phrases that cannot overlap themselves, else a
// zero-width match at every start.
QString occurrenceSql(const QString& text, const QString& phrase, QVariantList& binds) {
    if (!selfOverlaps(phrase)) {
        binds << phrase;
        return QStringLiteral("regexp_count(%1, CAST(? AS text), 1, 'q')").arg(text);
    }
    QString re;
    for (const QChar c : phrase) {
        if (!c.isLetterOrNumber())
            re += QLatin1Char('\\');
        re += c;
    }
    binds << QString(QStringLiteral("(?=") + re + QLatin1Char(')'));
    return QStringLiteral("regexp_count(%1, CAST(? AS text))").arg(text);
}

// Rows per phrase by database and state of its measures (see searchPostgres), for every connection
// of the process.
class PhraseCounts {
public:
    static std::optional<double> find(const QString& key) {
        const QMutexLocker lock(&mutex());
        const auto it = map().constFind(key);
        return it == map().constEnd() ? std::nullopt : std::optional<double>(*it);
    }
    static void store(const QString& key, double count) {
        const QMutexLocker lock(&mutex());
        if (map().size() >= 4096) // states move on: forget the old ones wholesale
            map().clear();
        map().insert(key, count);
    }

private:
    static QMutex& mutex() {
        static QMutex m;
        return m;
    }
    static QHash<QString, double>& map() {
        static QHash<QString, double> m;
        return m;
    }
};

Result<QList<SearchHit>> searchPostgres(QSqlDatabase& db, const QString& path, const fts::MatchQuery& mq,
                                        const SearchOptions& options, SearchInfo* info) {
    const QString what = QStringLiteral("searching");
    const QList<QStringList> groups = phraseGroups(mq.expression);
    QStringList phrases;
    for (const QStringList& g : groups) {
        for (const QString& p : g) {
            if (!phrases.contains(p))
                phrases << p;
        }
    }
    if (phrases.isEmpty())
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
    // Corpus statistics, as FTS5 keeps them: rows, tokens (positions) per row (kept per plan by
    // migration 9's triggers), rows per phrase (counted through the indexes). Counting a frequent phrase
    // visits every row holding it (电: a fifth of all measures), so the counts are kept per database and
    // state of its measures: `state` changes with every change of a measure (the plans' `changed`
    // stamps, their number and sums), and a count is stored under the state read in the same statement.
    const QString stateSql =
        QStringLiteral("SELECT coalesce(sum(measures), 0), coalesce(sum(tokens), 0), count(*) || '/' || "
                       "coalesce(max(changed), 0) || '/' || coalesce(sum(measures), 0) || '/' || "
                       "coalesce(sum(tokens), 0) FROM search_document_stats");
    Result<QSqlQuery> stats = run(stateSql, {});
    if (!stats)
        return stats.error();
    double rows = 0, tokens = 0;
    QString state;
    if (stats->next()) {
        rows = stats->value(0).toDouble();
        tokens = stats->value(1).toDouble();
        state = stats->value(2).toString();
    }
    stats->finish();
    if (rows == 0)
        return QList<SearchHit>();
    const double avgdl = tokens / rows;
    QList<double> idf;
    QHash<QString, double> hitsOf;
    for (const QString& p : std::as_const(phrases)) {
        const QString cacheKey = path + QLatin1Char('\n') + state + QLatin1Char('\n') + p;
        std::optional<double> cached = PhraseCounts::find(cacheKey);
        if (!cached) {
            QVariantList b;
            const QString cond = phraseCondition(p, b);
            Result<QSqlQuery> n =
                run(QStringLiteral("SELECT count(*), (SELECT count(*) || '/' || coalesce(max(changed), "
                                   "0) || '/' || coalesce(sum(measures), 0) || '/' || "
                                   "coalesce(sum(tokens), 0) FROM search_document_stats) FROM "
                                   "measures m WHERE ") +
                        cond,
                    b);
            if (!n)
                return n.error();
            if (n->next()) {
                cached = n->value(0).toDouble();
                PhraseCounts::store(path + QLatin1Char('\n') + n->value(1).toString() + QLatin1Char('\n') + p,
                                    *cached);
            }
            n->finish();
        }
        const double hits = cached.value_or(0);
        hitsOf.insert(p, hits);
        const double v = std::log((rows - hits + 0.5) / (hits + 0.5));
        idf << (v <= 0 ? 1e-6 : v);
    }
    // At most this many measures match: each OR group by its rarest phrase.
    double matches = 0;
    for (const QStringList& g : groups) {
        double least = -1;
        for (const QString& p : g)
            least = least < 0 ? hitsOf.value(p) : qMin(least, hitsOf.value(p));
        matches += qMax(0.0, least);
    }
    // Only the newest candidateLimit matches are ranked. Few matches: collect them through the
    // indexes and keep the newest. Many (电 over thousands of plans): walk the measures from the
    // newest and test each row's stored text (strpos: no index applies, so the planner cannot
    // misjudge how soon the walk stops), which stops after candidateLimit + 1 matches — about
    // (candidateLimit + 1) × rows / matches rows, fewer than fetching every match once matches²
    // exceeds (candidateLimit + 1) × rows.
    const bool capped = options.candidateLimit > 0;
    const bool walk = capped && matches * matches > double(options.candidateLimit + 1) * rows;
    QVariantList selectBinds;
    QStringList selectParts;
    for (const QString& p : std::as_const(phrases)) {
        // Occurrences in the title, in all three columns (the stored text) and in the units; the
        // body's are the difference (a phrase never holds the line break between the columns).
        for (const char* text : {"pc_fold(m.title)", "m.search_text", "pc_fold(m.units)"})
            selectParts << occurrenceSql(QString::fromLatin1(text), p, selectBinds);
    }
    QVariantList binds;
    QStringList orParts;
    for (const QStringList& g : groups) {
        QStringList andParts;
        for (const QString& p : g)
            andParts << QLatin1Char('(') + (walk ? walkCondition(p, binds) : phraseCondition(p, binds)) +
                            QLatin1Char(')');
        if (!andParts.isEmpty())
            orParts << QLatin1Char('(') + andParts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
    }
    QString where = QLatin1Char('(') + orParts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    if (!options.docId.isEmpty()) {
        where += QStringLiteral(" AND m.document_id = (SELECT id FROM documents WHERE doc_id = ?)");
        binds << options.docId;
    }
    QString sql;
    if (!capped || walk) {
        binds = selectBinds + binds;
        sql = QStringLiteral("SELECT m.id, m.search_tokens, %1 FROM measures m WHERE %2")
                  .arg(selectParts.join(QStringLiteral(", ")), where);
        if (capped)
            sql += QStringLiteral(" ORDER BY m.id DESC LIMIT %1").arg(options.candidateLimit + 1);
    } else {
        sql = QStringLiteral("WITH c AS MATERIALIZED (SELECT m.id FROM measures m WHERE %2) SELECT m.id, "
                             "m.search_tokens, %1 FROM measures m WHERE m.id IN (SELECT id FROM c ORDER BY "
                             "id DESC LIMIT %3) ORDER BY m.id DESC")
                  .arg(selectParts.join(QStringLiteral(", ")), where)
                  .arg(options.candidateLimit + 1);
        binds += selectBinds;
    }
    Result<QSqlQuery> q = run(sql, binds);
    if (!q)
        return q.error();
    struct Candidate {
        qint64 id = 0;
        double score = 0;
    };
    QList<Candidate> candidates;
    const double k1 = 1.2, b = 0.75;
    const double weights[3] = {4.0, 1.0, 0.5}; // title, body, units, as bm25(measure_fts, 4.0, 1.0, 0.5)
    while (q->next()) {
        if (capped && candidates.size() == options.candidateLimit) {
            if (info) {
                info->capped = true;
                info->rankedAmong = options.candidateLimit;
            }
            break;
        }
        Candidate c;
        c.id = q->value(0).toLongLong();
        const double length = q->value(1).toDouble();
        double score = 0;
        for (qsizetype i = 0; i < phrases.size(); ++i) {
            const qint64 inTitle = q->value(2 + int(i) * 3).toLongLong();
            const qint64 inUnits = q->value(4 + int(i) * 3).toLongLong();
            const qint64 inBody = q->value(3 + int(i) * 3).toLongLong() - inTitle - inUnits;
            const double counts[3] = {double(inTitle), double(inBody), double(inUnits)};
            double freq = 0;
            for (int col = 0; col < 3; ++col)
                freq += weights[col] * counts[col];
            score += idf[i] * (freq * (k1 + 1.0)) / (freq + k1 * (1.0 - b + b * length / avgdl));
        }
        c.score = -score;
        candidates.append(c);
    }
    q->finish();
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.score, x.id) < std::tie(y.score, y.id);
    });
    if (options.limit > 0 && candidates.size() > options.limit)
        candidates.resize(options.limit);
    if (candidates.isEmpty())
        return QList<SearchHit>();
    // Only the hits shown are read in full.
    QStringList ids;
    for (const Candidate& c : std::as_const(candidates))
        ids << QString::number(c.id);
    Result<QSqlQuery> rowsOf =
        run(QStringLiteral(
                "SELECT m.id, m.document_id, d.doc_id, d.jurisdiction, m.number, pc_title(m.body, m.title), "
                "m.area, pc_body(m.body), "
                "m.span_start, m.span_end FROM measures m JOIN documents d ON d.id = m.document_id "
                "WHERE m.id = ANY(CAST(? AS bigint[]))"),
            {QVariant(QString(QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}')))});
    if (!rowsOf)
        return rowsOf.error();
    QHash<qint64, std::pair<SearchHit, QString>> byId;
    while (rowsOf->next()) {
        SearchHit h;
        h.measureId = rowsOf->value(0).toLongLong();
        h.documentId = rowsOf->value(1).toLongLong();
        h.docId = rowsOf->value(2).toString();
        h.jurisdiction = rowsOf->value(3).toString();
        h.measureNumber = rowsOf->value(4).toInt();
        h.title = rowsOf->value(5).toString();
        h.area = rowsOf->value(6).toString();
        h.start = rowsOf->value(8).toLongLong();
        h.end = rowsOf->value(9).toLongLong();
        byId.insert(h.measureId, {h, rowsOf->value(7).toString()});
    }
    QList<SearchHit> out;
    for (const Candidate& c : std::as_const(candidates)) {
        const auto it = byId.constFind(c.id);
        if (it == byId.constEnd())
            continue; // removed since the candidates were read
        SearchHit h = it->first;
        const QString& body = it->second;
        h.score = c.score;
        bool inBody = false;
        for (const QString& t : mq.terms)
            inBody = inBody || body.contains(t, Qt::CaseInsensitive);
        h.snippet = snippetOf(inBody || h.title.isEmpty() ? body : h.title + QStringLiteral(" — ") + body,
                              mq.terms, options);
        out.append(h);
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
    // The snippet needs the body: built for the hits shown only (finishSnippet), or at once.
    QHash<qint64, QString> bodies;
    const auto finishSnippet = [&](SearchHit& h) {
        const QString body = bodies.take(h.measureId);
        // Show the body around the first hit; when only the title matched, lead with the title.
        bool inBody = false;
        for (const QString& t : mq->terms)
            inBody = inBody || body.contains(t, Qt::CaseInsensitive);
        h.snippet = snippetOf(inBody || h.title.isEmpty() ? body : h.title + QStringLiteral(" — ") + body,
                              mq->terms, options);
    };
    const auto hitFrom = [&](const QSqlQuery& q, double score, bool withSnippet = true) {
        SearchHit h;
        h.measureId = q.value(0).toLongLong();
        h.documentId = q.value(1).toLongLong();
        h.docId = q.value(2).toString();
        h.jurisdiction = q.value(3).toString();
        h.measureNumber = q.value(4).toInt();
        h.title = q.value(5).toString();
        h.area = q.value(6).toString();
        bodies.insert(h.measureId, q.value(7).toString());
        h.start = q.value(8).toLongLong();
        h.end = q.value(9).toLongLong();
        h.score = score;
        if (withSnippet)
            finishSnippet(h);
        return h;
    };
    const QString hitColumns =
        QStringLiteral("m.id, m.document_id, d.doc_id, d.jurisdiction, m.number, "
                       "pc_title(m.body, m.title), m.area, pc_body(m.body), m.span_start, "
                       "m.span_end");
    const QString what = QStringLiteral("searching");
    const auto failedStep = [&](int rc) {
        return store::sqliteError(m_statements->handle(), rc, what, m_path);
    };
    const auto damagedText = [&] {
        return Error{
            QStringLiteral("database %1 is damaged: a measure's stored text does not unpack (while %2)")
                .arg(m_path, what),
            QStringLiteral("db-corrupt")};
    };
    // The index (migration 13, detail=none) says which measures hold which tokens: the candidates. The
    // phrases are checked here on the candidates' text, tokenized as pc_cjk2 tokenizes it, and each
    // candidate is scored with FTS5's bm25 as a pc_cjk2 detail=full index would (weights 4, 1 and 0.5
    // for title, body and units, k1 = 1.2, b = 0.75), in the same operations, so the scores are the
    // same to the last bit: per phrase its instances per column and the rows holding it, the
    // measure's length in positions, the index's row count and average length (FTS5's totals).
    for (const fts::QueryPhrase& p : mq->phrases) {
        if (p.tokens.isEmpty()) // buildMatchQuery keeps only words with a letter, digit or character
            return syntaxError();
    }
    const auto tokenMatch = [](const fts::QueryToken& t) {
        QByteArray bytes = t.bytes;
        bytes.replace('"', "\"\"");
        // A character alone is indexed as itself: its prefix (every bigram starting with it) is it.
        const bool oneCharacter =
            fts::singleCharacter(QString::fromUtf8(t.bytes)) == QString::fromUtf8(t.bytes);
        return QString(QLatin1Char('"') + QString::fromUtf8(bytes) + QLatin1Char('"') +
                       (t.prefix && !oneCharacter ? QStringLiteral(" *") : QString()));
    };
    const auto phraseMatch = [&](const fts::QueryPhrase& p) {
        QStringList parts;
        for (const fts::QueryToken& t : p.tokens) {
            const QString m = tokenMatch(t);
            if (!parts.contains(m))
                parts << m;
        }
        return parts.join(QStringLiteral(" AND "));
    };
    QStringList groupMatches;
    for (const QList<int>& g : mq->groups) {
        QStringList parts;
        for (const int i : g)
            parts << QLatin1Char('(') + phraseMatch(mq->phrases[i]) + QLatin1Char(')');
        groupMatches << QLatin1Char('(') + parts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
    }
    const QString candidateMatch = groupMatches.join(QStringLiteral(" OR "));
    // FTS5's totals record (rowid 1 of its data table): varints of the row count, then the tokens of
    // each column.
    qint64 nRow = 0;
    qint64 nToken = 0;
    {
        Result<sqlite3_stmt*> st = m_statements->get(
            QStringLiteral("SELECT block FROM measure_fts_data WHERE id = 1"), what, m_path);
        if (!st)
            return st.error();
        const store::StatementScope scope(*st);
        const int rc = sqlite3_step(*st);
        if (rc == SQLITE_ROW) {
            const QByteArray block = QByteArray::fromRawData(
                static_cast<const char*>(sqlite3_column_blob(*st, 0)), sqlite3_column_bytes(*st, 0));
            qsizetype at = 0;
            for (int k = 0; k < 4 && at < block.size(); ++k) {
                const qint64 v = qint64(readVarint(block, &at));
                (k == 0 ? nRow : nToken) += v;
            }
        } else if (rc != SQLITE_DONE) {
            return failedStep(rc);
        }
    }
    // Per phrase its instances per column of a measure: counted as occurrences of the phrase's text where
    // it has one (phraseLiteral: Chinese phrases, one character), else on the column's pc_cjk2 tokens,
    // compared as the tokenizer gives them (phraseInstances on the text, which also gives the column's
    // positions).
    QList<std::array<int, 3>> instances(mq->phrases.size());
    QList<QByteArray> literals;
    for (const fts::QueryPhrase& p : mq->phrases)
        literals << fts::phraseLiteral(p);
    // Every read of a measure's text goes through here: columns firstColumn .. firstColumn + 2 of the
    // statement are its stored title, body and units (textpack::columnTexts: since migration 20 the body
    // holds all three, one decompression; older rows each column, plain or packed). Returns the
    // measure's length in positions when `withLength` (ranking; counting rows needs only the
    // instances). A stored text that does not unpack sets `damaged` (reported as db-corrupt after the row).
    std::string unpacked;
    bool damaged = false;
    const auto readRow = [&](sqlite3_stmt* st, int firstColumn, const QList<int>& phrases, bool withLength) {
        int length = 0;
        std::string_view texts[3];
        if (!store::textpack::columnTexts(st, firstColumn, firstColumn + 1, firstColumn + 2, unpacked,
                                          texts)) {
            damaged = true;
            texts[0] = texts[1] = texts[2] = std::string_view();
        }
        for (int col = 0; col < 3; ++col) {
            const std::string_view view = texts[col];
            const char* text = view.data();
            const int bytes = int(view.size());
            int positions = -1;
            for (const int i : phrases) {
                int& count = instances[i][size_t(col)];
                count = 0;
                const QByteArray& literal = literals[i];
                if (!literal.isEmpty()) {
                    const std::string_view needle(literal.constData(), size_t(literal.size()));
                    // Overlapping occurrences: the next search starts one character on (CJK: 3 or 4 bytes).
                    const size_t step = size_t(literal.size()) >= 4 && quint8(literal.at(0)) >= 0xF0 ? 4 : 3;
                    for (size_t at = view.find(needle); at != std::string_view::npos;
                         at = view.find(needle, at + step))
                        ++count;
                    continue;
                }
                count =
                    fts::phraseInstances(text, bytes, mq->phrases[i], positions < 0 ? &positions : nullptr);
            }
            if (withLength)
                length += positions >= 0 ? positions : fts::tokenCount(text, bytes);
        }
        return length;
    };
    const auto holds = [&](int phrase) {
        const auto& c = instances[phrase];
        return c[0] + c[1] + c[2] > 0;
    };
    QList<int> allPhrases;
    for (qsizetype i = 0; i < mq->phrases.size(); ++i)
        allPhrases << int(i);
    const auto matchesGroups = [&] {
        bool matches = false;
        for (const QList<int>& g : mq->groups) {
            bool all = !g.isEmpty();
            for (const int i : g)
                all = all && holds(i);
            matches = matches || all;
        }
        return matches;
    };
    // Measures waiting for the index (schema 23: an import's batch has not caught up yet, or a killed
    // import left them): few, read here in full. They count in FTS5's totals and in the rows holding
    // each phrase as the index would count them once they are in it, and join the candidates in id order,
    // so a search finds them, with the scores it gives once they are indexed (estimates aside, below).
    struct Waiting {
        qint64 id = 0;
        qint64 documentId = 0;
        int length = 0;
        QList<std::array<int, 3>> instances;
    };
    std::vector<Waiting> waiting; // newest first
    QList<qint64> waitingHolding(mq->phrases.size(), 0);
    QSet<qint64> waitingIds;
    {
        // CROSS JOIN: the list drives the join (else SQLite walks every measure for the ORDER BY).
        Result<sqlite3_stmt*> st = m_statements->get(
            QStringLiteral("SELECT m.id, m.document_id, m.title, m.body, m.units FROM search_pending p CROSS "
                           "JOIN measures m ON m.id = p.measure_id ORDER BY p.measure_id DESC"),
            what, m_path);
        if (!st)
            return st.error();
        const store::StatementScope scope(*st);
        for (int rc = sqlite3_step(*st);; rc = sqlite3_step(*st)) {
            if (rc == SQLITE_DONE)
                break;
            if (rc != SQLITE_ROW)
                return failedStep(rc);
            Waiting w;
            w.id = sqlite3_column_int64(*st, 0);
            w.documentId = sqlite3_column_int64(*st, 1);
            w.length = readRow(*st, 2, allPhrases, true);
            if (damaged)
                return damagedText();
            w.instances = instances;
            for (const int i : allPhrases)
                waitingHolding[i] += holds(i) ? 1 : 0;
            ++nRow;
            nToken += w.length;
            waitingIds.insert(w.id);
            waiting.push_back(std::move(w));
        }
    }
    if (nRow == 0)
        return QList<SearchHit>();
    // Rows holding each phrase (bm25's IDF), over the whole index. One token (a bigram, a word, a
    // character's prefix): FTS5 counts its rows. More: the rows holding all its tokens (FTS5 counts them)
    // are checked on their text, newest first, as many as are ranked (candidateLimit): all of them when
    // there are no more (the exact count, as FTS5 with positions gives it), else the share of those
    // checked that hold the phrase is taken for all of them (an estimate, rounded to a whole row:
    // checking every row cost up to 0.4 s at 10,000 plans; with candidateLimit 0 every row is checked). Kept
    // per connection under the database's state (other connections' commits move data_version, this
    // connection's changes its total changes), so a repeated query does not count again.
    QByteArray state;
    {
        Result<sqlite3_stmt*> st = m_statements->get(QStringLiteral("PRAGMA data_version"), what, m_path);
        if (!st)
            return st.error();
        const store::StatementScope scope(*st);
        const int rc = sqlite3_step(*st);
        if (rc != SQLITE_ROW)
            return failedStep(rc);
        state = QByteArray::number(sqlite3_column_int64(*st, 0)) + '/' +
                QByteArray::number(sqlite3_total_changes64(m_statements->handle())) + '/';
    }
    // As many rows as are ranked (candidateLimit; none: all, the exact count).
    const qint64 sample =
        options.candidateLimit > 0 ? qint64(options.candidateLimit) : std::numeric_limits<qint64>::max();
    QHash<QByteArray, qint64>& rowsCache = m_statements->phraseRows();
    const auto remember = [&](const QByteArray& key, qint64 rows) {
        if (rowsCache.size() >= 4096) // old states: forget them wholesale
            rowsCache.clear();
        rowsCache.insert(key, rows);
    };
    // FTS5's count of the rows holding every token of phrase i (no positions: that is all it knows).
    const auto tokenRows = [&](int i) -> Result<qint64> {
        Result<sqlite3_stmt*> st = m_statements->get(
            QStringLiteral("SELECT count(*) FROM measure_fts WHERE measure_fts MATCH ?"), what, m_path);
        if (!st)
            return st.error();
        const store::StatementScope scope(*st);
        if (!store::bindAll(*st, {phraseMatch(mq->phrases[i])}))
            return failedStep(sqlite3_errcode(m_statements->handle()));
        const int rc = sqlite3_step(*st);
        if (rc != SQLITE_ROW)
            return failedStep(rc);
        return qint64(sqlite3_column_int64(*st, 0));
    };
    // The rows holding phrase i when `held` of the newest `sample` rows holding its tokens hold it.
    const auto estimated = [&](int i, qint64 held) -> Result<qint64> {
        const Result<qint64> all = tokenRows(i);
        if (!all)
            return all.error();
        return qint64(std::llround(double(*all) * double(held) / double(sample)));
    };
    // Phrase i checked on the text of the newest rows holding its tokens, in a statement of its own.
    const auto checkedRows = [&](int i) -> Result<qint64> {
        Result<sqlite3_stmt*> st = m_statements->get(
            QStringLiteral(
                "SELECT m.title, m.body, m.units FROM measure_fts f JOIN measures m ON m.id = f.rowid "
                "WHERE measure_fts MATCH ? ORDER BY f.rowid DESC"),
            what, m_path);
        if (!st)
            return st.error();
        const store::StatementScope scope(*st);
        if (!store::bindAll(*st, {phraseMatch(mq->phrases[i])}))
            return failedStep(sqlite3_errcode(m_statements->handle()));
        qint64 seen = 0;
        qint64 held = 0;
        for (int rc = sqlite3_step(*st);; rc = sqlite3_step(*st)) {
            if (rc == SQLITE_DONE)
                return held;
            if (rc != SQLITE_ROW)
                return failedStep(rc);
            if (seen == sample)
                break;
            ++seen;
            readRow(*st, 0, {i}, false);
            if (damaged)
                return damagedText();
            held += holds(i) ? 1 : 0;
        }
        return estimated(i, held);
    };
    const auto idfOf = [&](qint64 nHit) {
        const double v = std::log((double(nRow - nHit) + 0.5) / (double(nHit) + 0.5));
        return v <= 0.0 ? 1e-6 : v;
    };
    qint64 documentId = -1;
    if (!options.docId.isEmpty()) {
        const Result<DocumentRecord> d = documentByDocId(options.docId);
        if (!d)
            return d.error();
        documentId = d->id;
    }
    // A query of one phrase over the whole index walks that phrase's rows newest first below, at least
    // `sample` of them when there are more (it stops after the candidateLimit + 1st match): the count
    // is taken from that walk.
    const bool countInWalk = mq->phrases.size() == 1 && documentId < 0;
    QList<QByteArray> keys;
    QList<double> idf(mq->phrases.size(), 0.0);
    int walkCounts = -1; // the phrase counted in the walk
    for (const fts::QueryPhrase& p : mq->phrases) {
        const int index = int(&p - mq->phrases.constData());
        QByteArray key = state;
        for (const fts::QueryToken& t : p.tokens)
            key += t.bytes + (t.prefix ? "*\x1f" : "\x1f");
        const fts::QueryToken& t0 = p.tokens.first();
        const bool counted = p.tokens.size() == 1 &&
                             (t0.prefix || fts::singleCharacter(QString::fromUtf8(t0.bytes)).isEmpty());
        if (!counted)
            key += QByteArray::number(sample); // the estimate depends on the sample
        keys << key;
        if (const auto it = rowsCache.constFind(key); it != rowsCache.constEnd()) {
            idf[index] = idfOf(*it);
            continue;
        }
        if (!counted && countInWalk) {
            walkCounts = index;
            continue;
        }
        const Result<qint64> indexed = counted ? tokenRows(index) : checkedRows(index);
        if (!indexed)
            return indexed.error();
        const qint64 nHit = *indexed + waitingHolding[index];
        remember(key, nHit);
        idf[index] = idfOf(nHit);
    }
    const double avgdl = double(nToken) / double(nRow);
    const double k1 = 1.2;
    const double b = 0.75;
    // One statement, one read snapshot: the candidates newest first with their texts straight from
    // SQLite as UTF-8, as FTS5 tokenized them; only the newest candidateLimit matches are ranked (rowid
    // order is import order), one more tells that more match.
    Result<sqlite3_stmt*> st = m_statements->get(
        QStringLiteral(
            "SELECT m.id, m.document_id, m.title, m.body, m.units FROM measure_fts f JOIN measures m "
            "ON m.id = f.rowid WHERE measure_fts MATCH ? AND f.rowid BETWEEN ? AND ? ORDER BY "
            "f.rowid DESC"),
        what, m_path);
    if (!st)
        return st.error();
    // Per ranked candidate its id and per phrase bm25's factor besides the IDF, multiplied once the IDFs
    // are all known (the same operations, in the same order, as FTS5's bm25).
    QList<qint64> rankedIds;
    QList<double> factors;
    qint64 walked = 0;
    qint64 heldInSample = 0;
    bool walkedAll = false;
    {
        const store::StatementScope scope(*st);
        if (!store::bindAll(*st, {candidateMatch, low, high}))
            return failedStep(sqlite3_errcode(m_statements->handle()));
        qsizetype candidates = 0;
        // One row of the walk, its phrases' instances in `instances`: false when the walk stops there.
        const auto consider = [&](qint64 id, qint64 rowDocument, int length) {
            ++walked;
            if (walkCounts >= 0 && walked <= sample && holds(walkCounts))
                ++heldInSample;
            if (!matchesGroups())
                return true;
            if (options.candidateLimit > 0 && candidates == options.candidateLimit) {
                if (info) { // one more than the limit: the oldest is left out
                    info->capped = true;
                    info->rankedAmong = options.candidateLimit;
                }
                return false;
            }
            ++candidates;
            if (documentId >= 0 && rowDocument != documentId)
                return true;
            const double d = double(length);
            rankedIds << id;
            for (qsizetype i = 0; i < mq->phrases.size(); ++i) {
                const auto& c = instances[i];
                const double freq = 4.0 * c[0] + 1.0 * c[1] + 0.5 * c[2];
                factors << (freq * (k1 + 1.0)) / (freq + k1 * (1 - b + b * d / avgdl));
            }
            return true;
        };
        // The waiting measures with ids above `bound` that match, in the walk's order (the index would give
        // them among its candidates; one that matches no group holds the query's tokens or not, and is
        // left out either way).
        size_t nextWaiting = 0;
        const auto considerWaitingAbove = [&](qint64 bound) {
            for (; nextWaiting < waiting.size() && waiting[nextWaiting].id > bound; ++nextWaiting) {
                const Waiting& w = waiting[nextWaiting];
                if (w.id < low || w.id > high)
                    continue;
                instances = w.instances;
                if (!matchesGroups())
                    continue;
                if (!consider(w.id, w.documentId, w.length)) {
                    ++nextWaiting;
                    return false;
                }
            }
            return true;
        };
        for (int rc = sqlite3_step(*st);; rc = sqlite3_step(*st)) {
            if (rc == SQLITE_DONE) {
                walkedAll = considerWaitingAbove(std::numeric_limits<qint64>::min());
                break;
            }
            if (rc != SQLITE_ROW) {
                const Error e = store::sqliteError(m_statements->handle(), rc, what, m_path);
                return e.code != QLatin1String("db-query") ? e : syntaxError(); // locked, corrupt …: say so
            }
            const qint64 id = sqlite3_column_int64(*st, 0);
            if (waitingIds.contains(id)) // indexed since it was read waiting: counted there
                continue;
            if (!considerWaitingAbove(id))
                break;
            const int length = readRow(*st, 2, allPhrases, true);
            if (damaged)
                return damagedText();
            if (!consider(id, sqlite3_column_int64(*st, 1), length))
                break;
        }
    }
    if (walkCounts >= 0) {
        // The walk went through every row holding the phrase's tokens (exact when they are at most
        // `sample`), or at least the newest `sample` of them.
        qint64 nHit = heldInSample;
        if (walked > sample) {
            // tokenRows counts the index's rows; the waiting ones holding the phrase are added.
            Result<qint64> all = walked;
            if (!walkedAll) {
                all = tokenRows(walkCounts);
                if (all)
                    all = *all + waitingHolding[walkCounts];
            }
            if (!all)
                return all.error();
            nHit = qint64(std::llround(double(*all) * double(heldInSample) / double(sample)));
        }
        remember(keys[walkCounts], nHit);
        idf[walkCounts] = idfOf(nHit);
    }
    QList<std::pair<double, qint64>> ranked;
    ranked.reserve(rankedIds.size());
    for (qsizetype k = 0; k < rankedIds.size(); ++k) {
        double score = 0.0;
        for (qsizetype i = 0; i < mq->phrases.size(); ++i)
            score += idf[i] * factors[k * mq->phrases.size() + i];
        ranked.append({-1.0 * score, rankedIds[k]});
    }
    std::sort(ranked.begin(), ranked.end());
    if (options.limit > 0 && ranked.size() > options.limit)
        ranked.resize(options.limit);
    // Only the hits shown are read in full.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT %1 FROM measures m JOIN documents d ON d.id = m.document_id "
                                  "WHERE m.id = ?")
                       .arg(hitColumns)))
        return store::sqlError(q.lastError(), what, m_path);
    QList<SearchHit> out;
    for (const auto& [score, id] : std::as_const(ranked)) {
        q.addBindValue(id);
        if (!q.exec())
            return store::sqlError(q.lastError(), what, m_path);
        if (q.next())
            out.append(hitFrom(q, score));
        q.finish();
    }
    return out;
}

} // namespace pc
