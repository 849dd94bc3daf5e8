// Measures and targets as the GUI, the comparison and the exports read them (corrections applied).
#include "database.h"

#include "plancache.h"
#include "read/readresult.h"
#include "sqlutil.h"
#include "statements.h"
#include "targettext.h"
#include "unitlinks.h"

#include <QHash>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <tuple>
#include <vector>

namespace pc {

using store::exec;

namespace {

const QString kPlanOrder = QStringLiteral(
    "CASE d.level WHEN 'municipal' THEN 0 ELSE 1 END, d.jurisdiction COLLATE pc_zh, d.year, d.doc_id");

// Every column the comparison rows need lives in the covering index targets_compare (migration 3),
// so a query by indicator reads one contiguous index range. Plan fields come from the plan cache.
// The quote and the sentence as stored or derived from the plan's source (schema 19, targettext.h).
QString targetSelect(store::Engine engine) {
    return QStringLiteral(
               "SELECT t.id, t.document_id, t.measure_number, t.measure_ordinal, t.area, t.indicator, "
               "t.scope, t.kind, t.comparator, t.value, t.unit, t.baseline, t.deadline, %1, "
               "t.span_start, t.span_end, %2, t.qualitative, t.corrected_fields, t.confidence, "
               "t.measure_id, t.rejected, t.added_by, t.section, t.section_heading, t.row_version "
               "FROM targets t")
        .arg(store::quoteSql(engine, QStringLiteral("t.")), store::sentenceSql(engine, QStringLiteral("t.")));
}

// One QString per distinct value of a column that repeats across rows (indicator, unit, kind …):
// copies share the data instead of allocating per row. Rows come grouped by plan and measure, so the
// previous row's value is tried first.
class Interner {
public:
    QString get(sqlite3_stmt* st, int column) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
        if (!p)
            return {};
        const int n = sqlite3_column_bytes(st, column);
        Last& last = m_last[size_t(column) % m_last.size()];
        if (last.bytes.size() == n && memcmp(last.bytes.constData(), p, size_t(n)) == 0)
            return last.value;
        const QByteArray key = QByteArray::fromRawData(p, n);
        auto it = m_strings.constFind(key);
        if (it == m_strings.constEnd())
            it = m_strings.insert(QByteArray(p, n), QString::fromUtf8(p, n));
        last.bytes = it.key();
        last.value = *it;
        return last.value;
    }

private:
    struct Last {
        QByteArray bytes;
        QString value;
    };
    std::array<Last, 32> m_last; // by column index
    QHash<QByteArray, QString> m_strings;
};

} // namespace

namespace {

// The plan list query (display fields and list order of every plan).
const QString kPlanSelect =
    QStringLiteral("SELECT d.id, d.doc_id, d.jurisdiction, d.level, d.year, d.doc_number, d.issued_on, "
                   "d.title, f.page_starts, d.jurisdiction_code, d.plan_kind, d.implements_doc_number "
                   "FROM documents d LEFT JOIN document_files f ON f.document_id = d.id ORDER BY ") +
    kPlanOrder;

// Rows of a QSqlQuery read through the same calls as a SQLite statement (see readRows below).
struct QueryCursor {
    QSqlQuery& q;
    bool step() { return q.next(); }
    qint64 i64(int c) const { return q.value(c).toLongLong(); }
    int i32(int c) const { return q.value(c).toInt(); }
    double dbl(int c) const { return q.value(c).toDouble(); }
    bool isNull(int c) const { return q.isNull(c); }
    std::optional<double> optDouble(int c) const { return store::optionalDouble(q.value(c)); }
    QString text(int c) const { return q.isNull(c) ? QString() : q.value(c).toString(); }
    QString interned(int c) { return text(c); }
};

struct StatementCursor {
    sqlite3_stmt* st;
    Interner strings;
    int rc = SQLITE_ROW;
    bool step() { return (rc = sqlite3_step(st)) == SQLITE_ROW; }
    qint64 i64(int c) const { return sqlite3_column_int64(st, c); }
    int i32(int c) const { return sqlite3_column_int(st, c); }
    double dbl(int c) const { return sqlite3_column_double(st, c); }
    bool isNull(int c) const { return sqlite3_column_type(st, c) == SQLITE_NULL; }
    std::optional<double> optDouble(int c) const { return store::columnOptionalDouble(st, c); }
    QString text(int c) const { return store::columnText(st, c); }
    QString interned(int c) { return strings.get(st, c); }
};

// ---- One indicator's rows from migration 12's table compare_rows: sort keys and numbers as columns,
// every other field in one string, row: seven integers each followed by ',', then ten texts each
// written <UTF-8 bytes>:<text>, or '-' for NULL (eleven until migration 16 took the sentence out).

const QString kIndicatorSelect = QStringLiteral(
    "SELECT c.target_id, c.document_id, c.measure_ordinal, c.span_start, c.value, c.baseline, c.confidence, "
    "c.row FROM compare_rows c WHERE c.indicator = ?");

// A row as read, before the rows are put in list order: its `row` string is kept in one buffer for all
// rows, so reading allocates nothing per row.
struct RawRow {
    const store::PlanEntry* plan;
    int rank; // the plan's, here for the sort
    qint64 id;
    qint64 documentId;
    qint64 ordinal;
    qint64 start;
    double value;
    double baseline;
    double confidence;
    qsizetype payload; // offset in the buffer
    int payloadBytes;
    bool hasValue;
    bool hasBaseline;
};

struct Bytes {
    const char* p = nullptr;
    int n = -1; // -1: NULL
};

// Reads a `row` string left to right; any deviation from the layout makes ok false.
class PayloadReader {
public:
    PayloadReader(const char* p, int n)
        : m_p(p)
        , m_end(p + n) {}
    bool ok = true;
    qint64 integer() {
        bool negative = false;
        if (m_p < m_end && *m_p == '-') {
            negative = true;
            ++m_p;
        }
        qint64 v = 0;
        const char* first = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9' && m_p - first < 19)
            v = v * 10 + (*m_p++ - '0');
        if (m_p == first || m_p >= m_end || *m_p != ',')
            ok = false;
        else
            ++m_p;
        return negative ? -v : v;
    }
    Bytes text() {
        if (m_p < m_end && *m_p == '-') {
            ++m_p;
            return {};
        }
        qint64 n = 0;
        const char* first = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9' && m_p - first < 10)
            n = n * 10 + (*m_p++ - '0');
        if (m_p == first || m_p >= m_end || *m_p != ':' || n > m_end - m_p - 1) {
            ok = false;
            return {};
        }
        ++m_p;
        const Bytes s{m_p, int(n)};
        m_p += n;
        return s;
    }
    bool atEnd() const { return m_p == m_end; }

private:
    const char* m_p;
    const char* m_end;
};

// One QString per distinct value of a field that repeats across rows: copies share the data. Rows come
// in plan and measure order, so the previous row's value is tried first (no hashing).
class FieldStrings {
public:
    explicit FieldStrings(bool pooled)
        : m_pooled(pooled) {}
    QString get(Bytes s) {
        if (!s.p)
            return {};
        if (s.n == m_last.n && m_last.p && memcmp(s.p, m_last.p, size_t(s.n)) == 0)
            return m_value;
        m_last = s;
        if (!m_pooled) {
            m_value = QString::fromUtf8(s.p, s.n);
            return m_value;
        }
        const QByteArray key = QByteArray::fromRawData(s.p, s.n);
        auto it = m_pool.constFind(key);
        if (it == m_pool.constEnd())
            it = m_pool.insert(QByteArray(s.p, s.n), QString::fromUtf8(s.p, s.n));
        m_value = *it;
        return m_value;
    }

private:
    bool m_pooled;
    Bytes m_last;
    QString m_value;
    QHash<QByteArray, QString> m_pool;
};

} // namespace

Status Database::refreshPlanCache() {
    if (isPostgres()) {
        // No data_version on a server: the newest row version (xmin) and the row count of documents
        // change with every import, re-import or removal, by anyone.
        Result<QSqlQuery> v = exec(
            m_db, QStringLiteral("SELECT count(*), coalesce(max(xmin::text::bigint), 0) FROM documents"));
        if (!v)
            return v.error();
        const qint64 stamp = v->next() ? (v->value(0).toLongLong() << 40) ^ v->value(1).toLongLong() : -1;
        v->finish();
        if (stamp == m_plans->dataVersion)
            return okStatus();
        Result<QSqlQuery> q = exec(m_db, kPlanSelect);
        if (!q)
            return q.error();
        QueryCursor cursor{q.value()};
        QHash<qint64, store::PlanEntry> plans;
        while (cursor.step())
            plans.insert(cursor.i64(0), readPlan(cursor, int(plans.size())));
        setPlans(std::move(plans), stamp, 0);
        return okStatus();
    }
    sqlite3* h = m_statements->handle();
    Result<sqlite3_stmt*> dv =
        m_statements->get(QStringLiteral("PRAGMA data_version"), QStringLiteral("reading plans"), m_path);
    if (!dv)
        return dv.error();
    qint64 dataVersion = -1;
    {
        store::StatementScope scope(*dv);
        if (sqlite3_step(*dv) == SQLITE_ROW)
            dataVersion = sqlite3_column_int64(*dv, 0);
    }
    const qint64 changes = sqlite3_total_changes64(h);
    if (dataVersion == m_plans->dataVersion && changes == m_plans->totalChanges)
        return okStatus();
    Result<sqlite3_stmt*> st = m_statements->get(kPlanSelect, QStringLiteral("reading plans"), m_path);
    if (!st)
        return st.error();
    store::StatementScope scope(*st);
    QHash<qint64, store::PlanEntry> plans;
    StatementCursor cursor{*st, {}};
    while (cursor.step())
        plans.insert(cursor.i64(0), readPlan(cursor, int(plans.size())));
    if (cursor.rc != SQLITE_DONE)
        return store::sqliteError(h, cursor.rc, QStringLiteral("reading plans"), m_path);
    setPlans(std::move(plans), dataVersion, changes);
    return okStatus();
}

template <typename Cursor> store::PlanEntry Database::readPlan(Cursor& c, int rank) {
    store::PlanEntry p;
    p.docId = c.text(1);
    p.jurisdiction = c.text(2);
    p.level = c.text(3);
    p.year = c.i32(4);
    p.docNumber = c.text(5);
    p.issuedOn = c.text(6);
    p.title = c.text(7);
    p.pageStarts = store::parsePageStarts(c.text(8));
    p.jurisdictionCode = c.text(9);
    p.planKind = c.text(10);
    p.implementsDocNumber = c.text(11);
    p.rank = rank;
    return p;
}

void Database::setPlans(QHash<qint64, store::PlanEntry>&& plans, qint64 dataVersion, qint64 changes) {
    m_plans->plans = std::move(plans);
    m_plans->byId.clear();
    qint64 maxId = 0;
    for (auto it = m_plans->plans.constBegin(); it != m_plans->plans.constEnd(); ++it)
        maxId = qMax(maxId, it.key());
    if (maxId <= 4 * m_plans->plans.size() + 1024) {
        m_plans->byId.assign(size_t(maxId) + 1, nullptr);
        for (auto it = m_plans->plans.constBegin(); it != m_plans->plans.constEnd(); ++it)
            m_plans->byId[size_t(it.key())] = &*it;
    }
    m_plans->dataVersion = dataVersion;
    m_plans->totalChanges = changes;
    m_plans->rows.clear(); // read under the old stamp
}

Result<QList<ComparisonRow>> Database::readTargets(const QString& where, const QVariantList& binds) {
    const QString what = QStringLiteral("reading targets");
    if (Status s = refreshPlanCache(); !s)
        return s.error();
    const QString select = targetSelect(store::engineOf(m_db));
    const QString sql = where.isEmpty() ? select : select + QStringLiteral(" WHERE ") + where;
    if (isPostgres()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return store::sqlError(q.lastError(), what, m_path);
        for (const QVariant& b : binds)
            q.addBindValue(b);
        if (!q.exec())
            return store::sqlError(q.lastError(), what, m_path);
        QueryCursor cursor{q};
        return readTargetRows(cursor);
    }
    Result<sqlite3_stmt*> prepared = m_statements->get(sql, what, m_path);
    if (!prepared)
        return prepared.error();
    sqlite3_stmt* st = *prepared;
    store::StatementScope scope(st);
    if (!store::bindAll(st, binds))
        return store::sqliteError(m_statements->handle(), sqlite3_errcode(m_statements->handle()), what,
                                  m_path);
    StatementCursor cursor{st, {}};
    QList<ComparisonRow> rows = readTargetRows(cursor);
    if (cursor.rc != SQLITE_DONE)
        return store::sqliteError(m_statements->handle(), cursor.rc, what, m_path);
    return rows;
}

template <typename Cursor> QList<ComparisonRow> Database::readTargetRows(Cursor& c) {
    struct Key {
        int rank;
        qint64 ordinal;
        qint64 start;
        qint64 id;
    };
    std::deque<ComparisonRow> rows; // grows without moving the rows read so far
    std::vector<Key> keys;
    keys.reserve(1024);
    qint64 lastDocument = -1;
    const store::PlanEntry* plan = nullptr;
    QHash<QString, QStringList> fieldLists;
    while (c.step()) {
        const qint64 documentId = c.i64(1);
        if (documentId != lastDocument) {
            plan = m_plans->find(documentId);
            lastDocument = documentId;
        }
        if (!plan)
            continue; // a plan removed while we read; the old inner join skipped these too
        ComparisonRow& r = rows.emplace_back();
        r.targetId = c.i64(0);
        r.documentId = documentId;
        r.docId = plan->docId;
        r.jurisdiction = plan->jurisdiction;
        r.level = plan->level;
        r.year = plan->year;
        r.docNumber = plan->docNumber;
        r.issuedOn = plan->issuedOn;
        r.docTitle = plan->title;
        r.measureNumber = c.i32(2);
        r.area = c.interned(4);
        r.indicator = c.interned(5);
        r.scope = c.interned(6);
        r.kind = c.interned(7);
        r.comparator = c.interned(8);
        r.value = c.optDouble(9);
        r.unit = c.interned(10);
        r.baseline = c.optDouble(11);
        r.deadline = c.interned(12);
        r.quote = c.text(13);
        r.start = c.i64(14);
        r.end = c.i64(15);
        r.sentence = c.text(16);
        r.qualitative = c.i32(17) != 0;
        const QString fields = c.interned(18);
        if (!fields.isEmpty()) {
            auto it = fieldLists.find(fields);
            if (it == fieldLists.end())
                it = fieldLists.insert(fields, fields.split(QLatin1Char(',')));
            r.correctedFields = *it;
        }
        r.confidence = c.dbl(19);
        r.measureId = c.i64(20);
        r.rejected = c.i32(21) != 0;
        r.userAdded = !c.isNull(22);
        r.section = c.interned(23);
        r.sectionHeading = c.interned(24);
        r.version = c.i64(25);
        r.corrected = r.userAdded || r.rejected || !r.correctedFields.isEmpty();
        r.page = read::pageOfOffset(plan->pageStarts, r.start);
        keys.push_back({plan->rank, c.i64(3), r.start, r.targetId});
    }
    // Plans in list order, then measures in document order, then targets by position.
    std::vector<qsizetype> order(rows.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = qsizetype(i);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const Key& x = keys[size_t(a)];
        const Key& y = keys[size_t(b)];
        return std::tie(x.rank, x.ordinal, x.start, x.id) < std::tie(y.rank, y.ordinal, y.start, y.id);
    });
    QList<ComparisonRow> out;
    out.reserve(qsizetype(rows.size()));
    for (const qsizetype i : order)
        out.append(std::move(rows[size_t(i)]));
    return out;
}

Result<QList<ComparisonRow>> Database::readIndicatorRows(const QString& indicator, bool includeRejected,
                                                         bool sentences) {
    if (Status s = refreshPlanCache(); !s)
        return s.error();
    // Inside a transaction the rows may hold changes that a rollback takes back without the stamp
    // noticing: read them, but neither use nor keep the cached lists there.
    const bool cacheable = sqlite3_get_autocommit(m_statements->handle()) != 0;
    if (cacheable) {
        if (const QList<ComparisonRow>* kept = m_plans->findRows(indicator, includeRejected, sentences))
            return *kept;
    }
    Result<QList<ComparisonRow>> rows = sentences ? readIndicatorRows(indicator, includeRejected, false)
                                                  : scanIndicatorRows(indicator, includeRejected);
    if (rows && sentences) {
        // The rows without sentences (kept or read), then their sentences.
        if (Status s = readSentences(rows.value()); !s)
            return s.error();
    }
    if (rows && cacheable)
        m_plans->keepRows(indicator, includeRejected, sentences, *rows);
    return rows;
}

Status Database::readSentences(QList<ComparisonRow>& rows) {
    const QString what = QStringLiteral("reading target sentences");
    if (isPostgres()) {
        // PostgreSQL's rows come from its targets table with their sentences; fill any that lack one.
        for (ComparisonRow& r : rows) {
            if (!r.sentence.isEmpty() || r.targetId == 0)
                continue;
            Result<QSqlQuery> q =
                exec(m_db, QStringLiteral("SELECT sentence FROM targets WHERE id = ?"), {r.targetId});
            if (!q)
                return q.error();
            if (q->next())
                r.sentence = q->isNull(0) ? QString() : q->value(0).toString();
        }
        return okStatus();
    }
    Result<sqlite3_stmt*> prepared =
        m_statements->get(QStringLiteral("SELECT %1 FROM targets t WHERE t.id = ?")
                              .arg(store::sentenceSql(store::Engine::SQLite, QStringLiteral("t."))),
                          what, m_path);
    if (!prepared)
        return prepared.error();
    sqlite3_stmt* st = *prepared;
    // Targets of one sentence come together: the previous row's text is shared when it repeats.
    QByteArray lastBytes;
    QString last;
    bool haveLast = false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const ComparisonRow& c = std::as_const(rows)[i];
        if (!c.sentence.isEmpty() || c.targetId == 0)
            continue;
        store::StatementScope scope(st);
        sqlite3_bind_int64(st, 1, c.targetId);
        const int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            continue; // the target is gone
        if (rc != SQLITE_ROW)
            return store::sqliteError(m_statements->handle(), rc, what, m_path);
        if (sqlite3_column_type(st, 0) == SQLITE_NULL)
            continue;
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        const int n = sqlite3_column_bytes(st, 0);
        if (!haveLast || lastBytes.size() != n ||
            (n > 0 && memcmp(lastBytes.constData(), p, size_t(n)) != 0)) {
            lastBytes = QByteArray(p, n);
            last = store::columnText(st, 0); // as the targets' own columns read it
            haveLast = true;
        }
        rows[i].sentence = last;
    }
    return okStatus();
}

void Database::dropCachedRows() {
    m_plans->rows.clear();
}

Result<QList<ComparisonRow>> Database::scanIndicatorRows(const QString& indicator, bool includeRejected) {
    const QString what = QStringLiteral("reading targets");
    const QString sql =
        includeRejected ? kIndicatorSelect : kIndicatorSelect + QStringLiteral(" AND c.rejected = 0");
    Result<sqlite3_stmt*> prepared = m_statements->get(sql, what, m_path);
    if (!prepared)
        return prepared.error();
    sqlite3_stmt* st = *prepared;
    store::StatementScope scope(st);
    if (!store::bindAll(st, {indicator}))
        return store::sqliteError(m_statements->handle(), sqlite3_errcode(m_statements->handle()), what,
                                  m_path);
    std::vector<RawRow> raw;
    raw.reserve(1024);
    QByteArray buffer;
    qint64 lastDocument = -1;
    const store::PlanEntry* plan = nullptr;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const qint64 documentId = sqlite3_column_int64(st, 1);
        if (documentId != lastDocument) {
            plan = m_plans->find(documentId);
            lastDocument = documentId;
        }
        if (!plan)
            continue; // a plan removed while we read
        RawRow r;
        r.plan = plan;
        r.rank = plan->rank;
        r.id = sqlite3_column_int64(st, 0);
        r.documentId = documentId;
        r.ordinal = sqlite3_column_int64(st, 2);
        r.start = sqlite3_column_int64(st, 3);
        r.hasValue = sqlite3_column_type(st, 4) != SQLITE_NULL;
        r.value = r.hasValue ? sqlite3_column_double(st, 4) : 0;
        r.hasBaseline = sqlite3_column_type(st, 5) != SQLITE_NULL;
        r.baseline = r.hasBaseline ? sqlite3_column_double(st, 5) : 0;
        r.confidence = sqlite3_column_double(st, 6);
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, 7));
        r.payloadBytes = p ? sqlite3_column_bytes(st, 7) : -1;
        r.payload = buffer.size();
        if (p)
            buffer.append(p, r.payloadBytes);
        raw.push_back(r);
    }
    if (rc != SQLITE_DONE)
        return store::sqliteError(m_statements->handle(), rc, what, m_path);
    // Plans in list order, then measures in document order, then targets by position: rows bucketed by
    // the plan's rank (one pass, ranks are 0 … plans - 1), then each plan's few rows sorted.
    {
        std::vector<qsizetype> firstOfRank(size_t(m_plans->plans.size()) + 1, 0);
        for (const RawRow& r : raw) {
            if (r.rank < 0 || size_t(r.rank) + 1 >= firstOfRank.size()) {
                firstOfRank.clear(); // not a rank of this plan list: sort everything
                break;
            }
            ++firstOfRank[size_t(r.rank) + 1];
        }
        const auto less = [](const RawRow& x, const RawRow& y) {
            return std::tie(x.rank, x.ordinal, x.start, x.id) < std::tie(y.rank, y.ordinal, y.start, y.id);
        };
        if (firstOfRank.empty()) {
            std::sort(raw.begin(), raw.end(), less);
        } else {
            for (size_t i = 1; i < firstOfRank.size(); ++i)
                firstOfRank[i] += firstOfRank[i - 1];
            std::vector<RawRow> sorted(raw.size());
            std::vector<qsizetype> next(firstOfRank.begin(), firstOfRank.end() - 1);
            for (const RawRow& r : raw)
                sorted[size_t(next[size_t(r.rank)]++)] = r;
            for (size_t i = 0; i + 1 < firstOfRank.size(); ++i)
                if (firstOfRank[i + 1] - firstOfRank[i] > 1)
                    std::sort(sorted.begin() + firstOfRank[i], sorted.begin() + firstOfRank[i + 1], less);
            raw = std::move(sorted);
        }
    }
    FieldStrings area(true), scope_(true), kind(true), comparator(true), unit(true), deadline(true),
        fields(true), section(true), heading(true);
    QHash<QString, QStringList> fieldLists;
    QList<ComparisonRow> out;
    out.reserve(qsizetype(raw.size()));
    const char* base = buffer.constData();
    for (const RawRow& x : raw) {
        if (x.payloadBytes < 0)
            return readTargets(QStringLiteral("t.indicator = ?") +
                                   (includeRejected ? QString() : QStringLiteral(" AND t.rejected = 0")),
                               {indicator});
        PayloadReader in(base + x.payload, x.payloadBytes);
        ComparisonRow& r = out.emplaceBack();
        const store::PlanEntry& pl = *x.plan;
        r.targetId = x.id;
        r.documentId = x.documentId;
        r.docId = pl.docId;
        r.jurisdiction = pl.jurisdiction;
        r.level = pl.level;
        r.year = pl.year;
        r.docNumber = pl.docNumber;
        r.issuedOn = pl.issuedOn;
        r.docTitle = pl.title;
        r.measureNumber = int(in.integer());
        r.measureId = in.integer();
        r.end = in.integer();
        r.qualitative = in.integer() != 0;
        r.rejected = in.integer() != 0;
        r.userAdded = in.integer() != 0;
        r.version = in.integer();
        r.area = area.get(in.text());
        r.indicator = indicator;
        r.scope = scope_.get(in.text());
        r.kind = kind.get(in.text());
        r.comparator = comparator.get(in.text());
        if (x.hasValue)
            r.value = x.value;
        r.unit = unit.get(in.text());
        if (x.hasBaseline)
            r.baseline = x.baseline;
        r.deadline = deadline.get(in.text());
        const Bytes quote = in.text();
        if (quote.p)
            r.quote = QString::fromUtf8(quote.p, quote.n);
        r.start = x.start;
        // No sentence in compare_rows since migration 16 (readSentences reads it for the rows shown).
        const QString corrected = fields.get(in.text());
        if (!corrected.isEmpty()) {
            auto it = fieldLists.find(corrected);
            if (it == fieldLists.end())
                it = fieldLists.insert(corrected, corrected.split(QLatin1Char(',')));
            r.correctedFields = *it;
        }
        r.confidence = x.confidence;
        r.section = section.get(in.text());
        r.sectionHeading = heading.get(in.text());
        r.corrected = r.userAdded || r.rejected || !r.correctedFields.isEmpty();
        r.page = read::pageOfOffset(pl.pageStarts, r.start);
        if (!in.ok || !in.atEnd()) // not what migration 12 writes: read the targets themselves
            return readTargets(QStringLiteral("t.indicator = ?") +
                                   (includeRejected ? QString() : QStringLiteral(" AND t.rejected = 0")),
                               {indicator});
    }
    return out;
}

Result<QList<ComparisonRow>> Database::targets(const TargetFilter& f) {
    QStringList where;
    QVariantList binds;
    if (f.documentId) {
        where << QStringLiteral("t.document_id = ?");
        binds << f.documentId;
    }
    if (!f.docId.isEmpty()) {
        where << QStringLiteral("t.document_id = (SELECT id FROM documents WHERE doc_id = ?)");
        binds << f.docId;
    }
    if (f.measureId) {
        where << QStringLiteral("t.measure_id = ?");
        binds << f.measureId;
    }
    if (!f.indicator.isEmpty()) {
        where << QStringLiteral("t.indicator = ?");
        binds << f.indicator;
        // SQLite has no index of targets by indicator since schema 21: without a plan or measure to
        // narrow them, an indicator's targets are found through the comparison table's range.
        if (!isPostgres() && !f.documentId && f.docId.isEmpty() && !f.measureId) {
            where << QStringLiteral("t.id IN (SELECT c.target_id FROM compare_rows c WHERE c.indicator = ?)");
            binds << f.indicator;
        }
    }
    if (!f.area.isEmpty()) {
        where << QStringLiteral("t.area = ?");
        binds << f.area;
    }
    if (!f.includeRejected)
        where << QStringLiteral("t.rejected = 0");
    if (!isPostgres() && !f.indicator.isEmpty() && !f.documentId && f.docId.isEmpty() && !f.measureId &&
        f.area.isEmpty())
        return readIndicatorRows(f.indicator, f.includeRejected, f.sentences);
    return readTargets(where.join(QStringLiteral(" AND ")), binds);
}

Result<ComparisonRow> Database::target(qint64 targetId) {
    Result<QList<ComparisonRow>> rows = readTargets(QStringLiteral("t.id = ?"), {targetId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{QStringLiteral("no target with id %1 in %2").arg(targetId).arg(m_path),
                     QStringLiteral("not-found")};
    return rows->first();
}

Result<QList<MeasureRecord>> Database::measures(const MeasureFilter& f) {
    QStringList where;
    QVariantList binds;
    if (f.documentId) {
        where << QStringLiteral("m.document_id = ?");
        binds << f.documentId;
    }
    if (!f.docId.isEmpty()) {
        where << QStringLiteral("d.doc_id = ?");
        binds << f.docId;
    }
    const bool pg = isPostgres();
    if (!f.area.isEmpty()) {
        // SQLite: the area's range of measure_areas (schema 25: merged and fresh rows, no index on measures).
        where << (pg ? QStringLiteral("m.area = ?")
                     : QStringLiteral(
                           "m.id IN (SELECT ma.measure_id FROM measure_areas ma WHERE ma.area = ?)"));
        binds << f.area;
    }
    if (!f.unit.isEmpty()) {
        // SQLite: the agency's range of agency_measures (migration 22); PostgreSQL keeps measure_agencies.
        where << (pg ? QStringLiteral(
                           "m.id IN (SELECT ma.measure_id FROM measure_agencies ma JOIN agencies a ON "
                           "a.id = ma.agency_id WHERE a.name = ?)")
                     : QStringLiteral(
                           "m.id IN (SELECT am.measure_id FROM agency_measures am WHERE am.agency_id "
                           "= (SELECT a.id FROM agencies a WHERE a.name = ?))"));
        binds << f.unit;
    }
    if (!f.deadlineFrom.isEmpty()) {
        where << QStringLiteral("m.deadline >= ?");
        binds << f.deadlineFrom;
    }
    if (!f.deadlineTo.isEmpty()) {
        where << QStringLiteral("m.deadline <= ?");
        binds << f.deadlineTo;
    }
    if (f.withTargetsOnly)
        where << QStringLiteral(
            "EXISTS (SELECT 1 FROM targets t WHERE t.measure_id = m.id AND t.rejected = 0)");
    QString sql =
        QStringLiteral("SELECT m.id, m.document_id, d.doc_id, d.jurisdiction, d.level, m.number, "
                       "pc_title(m.body, m.title), pc_body(m.body), pc_heading(m.body, m.area_heading), "
                       "m.area, CASE WHEN m.area_override IS NULL THEN coalesce(m.parsed_area, m.area) ELSE "
                       "m.parsed_area END, m.area_override, m.deadline, m.remark, m.span_start, "
                       "m.span_end, m.confidence, "
                       "(SELECT count(*) FROM targets t WHERE t.measure_id = m.id AND t.rejected = 0)%1 "
                       "FROM measures m JOIN documents d ON d.id = m.document_id")
            .arg(pg ? QString() : QStringLiteral(", m.unit_links"));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY ") + kPlanOrder + QStringLiteral(", m.ordinal");
    if (f.limit >= 0)
        sql += QStringLiteral(" LIMIT %1 OFFSET %2").arg(f.limit).arg(qMax(0, f.offset));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return store::sqlError(q.lastError(), QStringLiteral("reading measures"), m_path);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return store::sqlError(q.lastError(), QStringLiteral("reading measures"), m_path);
    QList<MeasureRecord> out;
    QHash<qint64, qsizetype> index;
    // SQLite: each measure's links from its row (agency ids until the names are read below).
    std::vector<std::pair<qsizetype, store::unitlinks::Link>> links;
    while (q.next()) {
        MeasureRecord m;
        m.id = q.value(0).toLongLong();
        m.documentId = q.value(1).toLongLong();
        m.docId = q.value(2).toString();
        m.jurisdiction = q.value(3).toString();
        m.level = q.value(4).toString();
        m.number = q.value(5).toInt();
        m.title = q.value(6).toString();
        m.body = q.value(7).toString();
        m.areaHeading = q.value(8).toString();
        m.area = q.value(9).toString();
        m.parsedArea = q.value(10).toString();
        m.areaCorrected = !q.value(11).isNull();
        m.deadline = q.value(12).toString();
        m.remark = q.value(13).toString();
        m.start = q.value(14).toLongLong();
        m.end = q.value(15).toLongLong();
        m.confidence = q.value(16).toDouble();
        m.targetCount = q.value(17).toInt();
        if (!pg) {
            const QVariant packed = q.value(18);
            if (!packed.isNull()) {
                const QByteArray bytes = packed.toByteArray();
                const std::optional<QList<store::unitlinks::Link>> ls =
                    store::unitlinks::unpack(bytes.constData(), bytes.size());
                if (!ls)
                    return Error{
                        QStringLiteral("%1: the unit links of measure %2 are damaged (run plancompare-cli "
                                       "db check)")
                            .arg(m_path)
                            .arg(m.id),
                        QStringLiteral("db-query")};
                for (const store::unitlinks::Link& l : *ls)
                    links.emplace_back(out.size(), l);
            }
        }
        index.insert(m.id, out.size());
        out.append(m);
    }
    if (out.isEmpty())
        return out;
    if (!pg) {
        QList<qint64> ids;
        ids.reserve(qsizetype(links.size()));
        for (const auto& [at, l] : links)
            ids.append(l.agency);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        if (ids.isEmpty())
            return out;
        // The names of the agencies these measures name: all of them for a large set.
        QString nameSql = QStringLiteral("SELECT id, name FROM agencies");
        if (ids.size() <= 500) {
            QStringList list;
            for (const qint64 id : std::as_const(ids))
                list << QString::number(id);
            nameSql += QStringLiteral(" WHERE id IN (") + list.join(QLatin1Char(',')) + QLatin1Char(')');
        }
        Result<QSqlQuery> names = exec(m_db, nameSql);
        if (!names)
            return names.error();
        QHash<qint64, QString> nameOf;
        nameOf.reserve(ids.size());
        while (names->next())
            nameOf.insert(names->value(0).toLongLong(), names->value(1).toString());
        for (const auto& [at, l] : links) {
            // A link to an agency that is gone reads as none, as the join did.
            const auto it = nameOf.constFind(l.agency);
            if (it == nameOf.constEnd())
                continue;
            MeasureRecord& m = out[at];
            (l.role == store::kLeadRole ? m.lead : m.partners) << *it;
        }
        return out;
    }
    // Units in a second pass: one query for all measures rather than one per measure.
    QString unitSql =
        QStringLiteral("SELECT ma.measure_id, ma.role, a.name FROM measure_agencies ma JOIN agencies a "
                       "ON a.id = ma.agency_id");
    const bool all = where.isEmpty() && f.limit < 0;
    if (!all) {
        QStringList ids;
        for (const MeasureRecord& m : out)
            ids << QString::number(m.id);
        unitSql +=
            QStringLiteral(" WHERE ma.measure_id IN (") + ids.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    unitSql += QStringLiteral(" ORDER BY ma.measure_id, ma.ordinal");
    Result<QSqlQuery> u = exec(m_db, unitSql);
    if (!u)
        return u.error();
    while (u->next()) {
        const auto it = index.constFind(u->value(0).toLongLong());
        if (it == index.constEnd())
            continue;
        MeasureRecord& m = out[*it];
        (u->value(1).toInt() == store::kLeadRole ? m.lead : m.partners) << u->value(2).toString();
    }
    return out;
}

Result<MeasureRecord> Database::measure(qint64 measureId) {
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("SELECT document_id FROM measures WHERE id = ?"), {measureId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("no measure with id %1 in %2").arg(measureId).arg(m_path),
                     QStringLiteral("not-found")};
    MeasureFilter f;
    f.documentId = q->value(0).toLongLong();
    q->finish();
    Result<QList<MeasureRecord>> all = measures(f);
    if (!all)
        return all.error();
    for (const MeasureRecord& m : *all) {
        if (m.id == measureId)
            return m;
    }
    return Error{QStringLiteral("no measure with id %1 in %2").arg(measureId).arg(m_path),
                 QStringLiteral("not-found")};
}

} // namespace pc
