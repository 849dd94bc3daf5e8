// User corrections: stored as overrides anchored to the text (doc id + span + quote + original value),
// re-applied from the parsed values after every import and every change, so they survive re-imports
// and can be undone one by one.
#include "database.h"

#include "dialect.h"
#include "sqlutil.h"
#include "targettext.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

#include <cmath>
#include <cstdio>
#include <optional>

namespace pc {

using store::exec;
using store::execStatus;

namespace {

struct TargetAnchorRow {
    qint64 id = 0;
    qsizetype start = -1;
    qsizetype end = -1;
    QString quote;
    QString pValue;
};

struct MeasureAnchorRow {
    qint64 id = 0;
    int number = 0;
    QString anchorText;
    qsizetype start = -1;
    qsizetype end = -1;
    QString area;
};

QString numberText(const QVariant& v) {
    if (v.isNull() || !v.isValid())
        return {};
    return QString::number(v.toDouble(), 'g', 15);
}

QString measureAnchorText(const QString& title, const QString& body) {
    return title.isEmpty() ? body.left(40) : title;
}

bool isTargetField(OverrideKind k) {
    switch (k) {
    case OverrideKind::TargetValue:
    case OverrideKind::TargetUnit:
    case OverrideKind::TargetComparator:
    case OverrideKind::TargetIndicator:
    case OverrideKind::TargetDeadline:
    case OverrideKind::TargetKind:
    case OverrideKind::TargetScope:
    case OverrideKind::TargetBaseline:
        return true;
    default:
        return false;
    }
}

// The targets column a field correction writes: the same word as the correction's kind name.
QString columnOf(OverrideKind k) {
    return isTargetField(k) ? overrideKindName(k) : QString();
}

Error badValue(const QString& message) {
    return Error{message, QStringLiteral("bad-value")};
}

// Nearest (by start offset) of the rows whose text equals the anchor, an exact span match first.
template <typename Row, typename TextOf, typename Accept>
const Row* resolveAnchor(const QList<Row>& rows, qsizetype start, qsizetype end, const QString& text,
                         TextOf textOf, Accept accept) {
    const Row* best = nullptr;
    qsizetype bestDistance = 0;
    for (const Row& r : rows) {
        if (textOf(r) != text || !accept(r))
            continue;
        if (r.start == start && r.end == end)
            return &r;
        const qsizetype d = qAbs(r.start - start);
        if (!best || d < bestDistance) {
            best = &r;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace

QString overrideKindName(OverrideKind k) {
    switch (k) {
    case OverrideKind::TargetValue:
        return QStringLiteral("value");
    case OverrideKind::TargetUnit:
        return QStringLiteral("unit");
    case OverrideKind::TargetComparator:
        return QStringLiteral("comparator");
    case OverrideKind::TargetIndicator:
        return QStringLiteral("indicator");
    case OverrideKind::TargetDeadline:
        return QStringLiteral("deadline");
    case OverrideKind::TargetKind:
        return QStringLiteral("kind");
    case OverrideKind::TargetScope:
        return QStringLiteral("scope");
    case OverrideKind::TargetBaseline:
        return QStringLiteral("baseline");
    case OverrideKind::RejectTarget:
        return QStringLiteral("reject");
    case OverrideKind::AddTarget:
        return QStringLiteral("add");
    case OverrideKind::MeasureArea:
        return QStringLiteral("area");
    }
    return {};
}

std::optional<OverrideKind> overrideKindFromName(const QString& name) {
    for (int i = 0; i <= int(OverrideKind::MeasureArea); ++i) {
        if (overrideKindName(OverrideKind(i)) == name)
            return OverrideKind(i);
    }
    return std::nullopt;
}

QString noteSubjectName(NoteSubject s) {
    switch (s) {
    case NoteSubject::Document:
        return QStringLiteral("document");
    case NoteSubject::Measure:
        return QStringLiteral("measure");
    case NoteSubject::Target:
        return QStringLiteral("target");
    }
    return {};
}

// Checks and normalises a corrected value; the messages are for the person who typed it.
static Result<QString> normalizedValue(QSqlDatabase& db, OverrideKind kind, const QString& raw) {
    const QString v = raw.trimmed();
    switch (kind) {
    case OverrideKind::TargetValue:
    case OverrideKind::TargetBaseline: {
        if (v.isEmpty())
            return QString();
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return badValue(
                QStringLiteral("\u201c%1\u201d is not a number (use . for decimals, e.g. 0.5)").arg(raw));
        return QString::number(d, 'g', 15);
    }
    case OverrideKind::TargetComparator: {
        QString c = v;
        c.replace(QChar(0x2264), QStringLiteral("<=")).replace(QChar(0x2265), QStringLiteral(">="));
        static const QStringList allowed{QStringLiteral("<="), QStringLiteral("<"), QStringLiteral("="),
                                         QStringLiteral(">="), QStringLiteral(">"), QStringLiteral("~")};
        if (!allowed.contains(c))
            return badValue(
                QStringLiteral("\u201c%1\u201d is not a comparator; use one of <= < = >= > ~").arg(raw));
        return c;
    }
    case OverrideKind::TargetKind: {
        static const QStringList allowed{QStringLiteral("level"), QStringLiteral("reduce_by"),
                                         QStringLiteral("increase_by"), QStringLiteral("add")};
        if (!allowed.contains(v))
            return badValue(
                QStringLiteral(
                    "\u201c%1\u201d is not a target kind; use level, reduce_by, increase_by or add")
                    .arg(raw));
        return v;
    }
    case OverrideKind::TargetDeadline: {
        static const QRegularExpression month(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])$"));
        if (v.isEmpty() || v == QStringLiteral("已完成") || month.match(v).hasMatch())
            return v;
        return badValue(
            QStringLiteral("\u201c%1\u201d is not a deadline; use YYYY-MM (e.g. 2020-12) or 已完成")
                .arg(raw));
    }
    case OverrideKind::TargetIndicator: {
        if (v.isEmpty())
            return badValue(QStringLiteral("an indicator id is needed (e.g. wa.time or other:<name>)"));
        if (v.startsWith(QLatin1String("other:")))
            return v;
        Result<QSqlQuery> q = exec(db,
                                   QStringLiteral("SELECT (SELECT count(*) FROM indicators), "
                                                  "(SELECT count(*) FROM indicators WHERE id = ?)"),
                                   {v});
        if (!q)
            return q.error();
        if (q->next() && q->value(0).toInt() > 0 && q->value(1).toInt() == 0)
            return badValue(
                QStringLiteral("unknown indicator \u201c%1\u201d; see the taxonomy, or use other:<name>")
                    .arg(raw));
        return v;
    }
    case OverrideKind::MeasureArea: {
        if (v.isEmpty())
            return badValue(QStringLiteral("an area id is needed (e.g. water)"));
        Result<QSqlQuery> q = exec(db,
                                   QStringLiteral("SELECT (SELECT count(*) FROM areas), "
                                                  "(SELECT count(*) FROM areas WHERE id = ?)"),
                                   {v});
        if (!q)
            return q.error();
        if (v != QLatin1String("other") && q->next() && q->value(0).toInt() > 0 && q->value(1).toInt() == 0)
            return badValue(QStringLiteral("unknown area \u201c%1\u201d").arg(raw));
        return v;
    }
    default:
        return v;
    }
}

Result<qint64> Database::correctTarget(qint64 targetId, OverrideKind kind, const QString& value,
                                       std::optional<qint64> expectedVersion) {
    if (Status w = checkWritable(QStringLiteral("saving the correction")); !w)
        return w.error();
    if (!isTargetField(kind) && kind != OverrideKind::RejectTarget)
        return badValue(QStringLiteral("%1 is not a target field").arg(overrideKindName(kind)));
    QString normalized;
    if (kind != OverrideKind::RejectTarget) {
        Result<QString> n = normalizedValue(m_db, kind, value);
        if (!n)
            return n.error();
        normalized = *n;
    }
    const QString column = kind == OverrideKind::RejectTarget ? QStringLiteral("rejected") : columnOf(kind);
    const bool numeric = kind == OverrideKind::TargetValue || kind == OverrideKind::TargetBaseline;
    qint64 id = 0;
    Error refused;
    // Read, check the version, store and raise the version in one transaction, the row locked
    // (FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE admits one writer), so of two researchers
    // correcting the same target at once exactly one wins and the other is told.
    const Status s = withTransaction([&]() -> Status {
        Result<QSqlQuery> q =
            exec(m_db,
                 QStringLiteral("SELECT t.document_id, d.doc_id, d.sha256, t.span_start, t.span_end, "
                                "%3, %4, t.%1, t.row_version FROM targets t JOIN documents d ON d.id = "
                                "t.document_id WHERE t.id = ?%2")
                     .arg(column, store::forUpdate(store::engineOf(m_db), QStringLiteral("t")),
                          store::quoteSql(store::engineOf(m_db), QStringLiteral("t.")),
                          store::parsedSql(QStringLiteral("value"), QStringLiteral("t."))),
                 {targetId});
        if (!q)
            return q.error();
        if (!q->next())
            return Status::failure(QStringLiteral("no target with id %1 in %2").arg(targetId).arg(m_path),
                                   QStringLiteral("not-found"));
        const qint64 documentId = q->value(0).toLongLong();
        const QString docId = q->value(1).toString();
        const qint64 spanStart = q->value(3).toLongLong();
        const qint64 spanEnd = q->value(4).toLongLong();
        const QString current = numeric ? numberText(q->value(7)) : q->value(7).toString();
        const qint64 version = q->value(8).toLongLong();
        const QVariantList insert{
            q->value(1), q->value(2), overrideKindName(kind),  normalized,      current, q->value(3),
            q->value(4), q->value(5), numberText(q->value(6)), store::nowUtc(), m_user};
        q->finish();
        if (expectedVersion && *expectedVersion != version) {
            Result<QSqlQuery> last = exec(
                m_db,
                QStringLiteral("SELECT field, new_value, changed_by, changed_at FROM target_history WHERE "
                               "doc_id = ? AND anchor_start = ? AND anchor_end = ? ORDER BY id DESC LIMIT 1"),
                {docId, spanStart, spanEnd});
            QString who = QStringLiteral("someone"), when, what;
            if (last && last->next()) {
                who = last->value(2).toString();
                when = QStringLiteral(" at ") + last->value(3).toString();
                what = QStringLiteral(" (their last change: %1 = %2)")
                           .arg(last->value(0).toString(), last->value(1).toString());
            }
            refused =
                Error{QStringLiteral("target %1 was changed by %2%3 since you loaded it (version %4, now "
                                     "%5): its %6 is now \u201c%7\u201d%8. Your %6 \u201c%9\u201d was "
                                     "not saved; reload the target and try again.")
                          .arg(targetId)
                          .arg(who, when)
                          .arg(*expectedVersion)
                          .arg(version)
                          .arg(column, current, what, normalized),
                      QStringLiteral("conflict")};
            return Status::failure(refused.message, refused.code);
        }
        Result<qint64> stored = insertOverride(documentId, insert);
        if (!stored)
            return stored.error();
        id = *stored;
        // Test hook for the fault tests: pause inside the correction's transaction so the test can drop
        // the connection at a known point. Unset in normal use.
        if (const int ms = qEnvironmentVariableIntValue("PLANCOMPARE_TEST_CORRECTION_PAUSE_MS"); ms > 0) {
            fprintf(stderr, "plancompare: pausing inside correction transaction\n");
            fflush(stderr);
            QThread::msleep(ulong(ms));
        }
        if (Status v = execStatus(m_db, QStringLiteral("UPDATE targets SET row_version = ? WHERE id = ?"),
                                  {version + 1, targetId});
            !v)
            return v;
        return execStatus(
            m_db,
            QStringLiteral("INSERT INTO target_history(doc_id, anchor_start, anchor_end, target_id, "
                           "field, old_value, new_value, row_version, changed_by, changed_at) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?)"),
            {docId, spanStart, spanEnd, targetId, column, current,
             kind == OverrideKind::RejectTarget ? QStringLiteral("1") : normalized, version + 1, m_user,
             store::nowUtc()});
    });
    if (!s)
        return s.error();
    return id;
}

Result<qint64> Database::targetVersion(qint64 targetId) {
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("SELECT row_version FROM targets WHERE id = ?"), {targetId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("no target with id %1 in %2").arg(targetId).arg(m_path),
                     QStringLiteral("not-found")};
    return q->value(0).toLongLong();
}

Result<QList<TargetChange>> Database::targetHistory(qint64 targetId) {
    Result<QSqlQuery> q = exec(
        m_db,
        QStringLiteral("SELECT h.field, h.old_value, h.new_value, h.row_version, h.changed_by, h.changed_at "
                       "FROM target_history h JOIN targets t ON t.id = ? JOIN documents d ON d.id = "
                       "t.document_id WHERE h.doc_id = d.doc_id AND h.anchor_start = t.span_start AND "
                       "h.anchor_end = t.span_end ORDER BY h.id"),
        {targetId});
    if (!q)
        return q.error();
    QList<TargetChange> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toLongLong(), q->value(4).toString(), q->value(5).toString()});
    return out;
}

Result<qint64> Database::insertOverride(qint64 documentId, const QVariantList& row) {
    qint64 id = 0;
    QVariantList values = row;
    if (values.size() == 10)
        values << m_user;
    const Status s = withTransaction([&]() -> Status {
        QSqlQuery ins(m_db);
        ins.prepare(store::returningId(
            store::engineOf(m_db),
            QStringLiteral(
                "INSERT INTO overrides(doc_id, doc_sha256, kind, value, original_value, "
                "anchor_start, anchor_end, anchor_text, anchor_value, created_at, created_by) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?)")));
        for (const QVariant& v : values)
            ins.addBindValue(v);
        if (!ins.exec())
            return store::sqlError(ins.lastError(), QStringLiteral("saving the correction"), m_path);
        id = store::insertedId(store::engineOf(m_db), ins);
        return applyOverrides(documentId);
    });
    if (!s)
        return s.error();
    return id;
}

Result<qint64> Database::rejectTarget(qint64 targetId) {
    return correctTarget(targetId, OverrideKind::RejectTarget, {});
}

Result<qint64> Database::addTarget(const NewTarget& t) {
    if (Status w = checkWritable(QStringLiteral("adding the target")); !w)
        return w.error();
    Result<QString> source = documentSource(t.documentId);
    if (!source)
        return source.error();
    if (t.start < 0 || t.end <= t.start || t.end > source->size())
        return badValue(QStringLiteral("span %1..%2 is outside the document (length %3)")
                            .arg(t.start)
                            .arg(t.end)
                            .arg(source->size()));
    Result<QSqlQuery> m =
        exec(m_db,
             QStringLiteral("SELECT count(*) FROM measures WHERE document_id = ? AND span_start <= ? "
                            "AND span_end >= ?"),
             {t.documentId, qint64(t.start), qint64(t.end)});
    if (!m)
        return m.error();
    if (!m->next() || m->value(0).toInt() == 0)
        return badValue(QStringLiteral("span %1..%2 is not inside a measure; select text within one measure")
                            .arg(t.start)
                            .arg(t.end));
    m->finish();
    QJsonObject o;
    const std::pair<OverrideKind, QString> fields[] = {
        {OverrideKind::TargetIndicator, t.indicator},   {OverrideKind::TargetKind, t.kind},
        {OverrideKind::TargetComparator, t.comparator}, {OverrideKind::TargetUnit, t.unit},
        {OverrideKind::TargetDeadline, t.deadline},     {OverrideKind::TargetScope, t.scope}};
    for (const auto& [kind, value] : fields) {
        Result<QString> n = normalizedValue(m_db, kind, value);
        if (!n)
            return n.error();
        o.insert(columnOf(kind), *n);
    }
    if (t.value)
        o.insert(QStringLiteral("value"), *t.value);
    Result<DocumentRecord> doc = document(t.documentId);
    if (!doc)
        return doc.error();
    const QString text = source->mid(t.start, t.end - t.start);
    return insertOverride(t.documentId,
                          {doc->docId, doc->sha256, overrideKindName(OverrideKind::AddTarget),
                           QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)), QString(),
                           qint64(t.start), qint64(t.end), text,
                           t.value ? QString::number(*t.value, 'g', 15) : QString(), store::nowUtc()});
}

Result<qint64> Database::setMeasureArea(qint64 measureId, const QString& area) {
    Result<QString> n = normalizedValue(m_db, OverrideKind::MeasureArea, area);
    if (!n)
        return n.error();
    Result<QSqlQuery> q =
        exec(m_db,
             QStringLiteral("SELECT m.document_id, d.doc_id, d.sha256, m.span_start, m.span_end, "
                            "pc_title(m.body, m.title), pc_body(m.body), m.number, m.area FROM measures m "
                            "JOIN documents d ON "
                            "d.id = m.document_id WHERE m.id = ?"),
             {measureId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("no measure with id %1 in %2").arg(measureId).arg(m_path),
                     QStringLiteral("not-found")};
    const qint64 documentId = q->value(0).toLongLong();
    const QVariantList insert{q->value(1),
                              q->value(2),
                              overrideKindName(OverrideKind::MeasureArea),
                              *n,
                              q->value(8),
                              q->value(3),
                              q->value(4),
                              measureAnchorText(q->value(5).toString(), q->value(6).toString()),
                              q->value(7).toString(),
                              store::nowUtc()};
    q->finish();
    return insertOverride(documentId, insert);
}

Status Database::removeOverride(qint64 overrideId) {
    return withTransaction([&]() -> Status {
        Result<QSqlQuery> q =
            exec(m_db,
                 QStringLiteral("SELECT d.id FROM overrides o LEFT JOIN documents d ON d.doc_id = "
                                "o.doc_id WHERE o.id = ?"),
                 {overrideId});
        if (!q)
            return q.error();
        if (!q->next())
            return Status::failure(
                QStringLiteral("no correction with id %1 in %2").arg(overrideId).arg(m_path),
                QStringLiteral("not-found"));
        const qint64 documentId = q->value(0).toLongLong();
        q->finish();
        if (Status d = execStatus(m_db, QStringLiteral("DELETE FROM overrides WHERE id = ?"), {overrideId});
            !d)
            return d;
        return documentId ? applyOverrides(documentId) : okStatus();
    });
}

Result<QList<OverrideRecord>> Database::overrides(const QString& docId) {
    QString sql = QStringLiteral("SELECT id, doc_id, doc_sha256, kind, value, original_value, anchor_start, "
                                 "anchor_end, anchor_text, created_at, applies, applied_to, created_by FROM "
                                 "overrides");
    if (!docId.isEmpty())
        sql += QStringLiteral(" WHERE doc_id = ?");
    sql += QStringLiteral(" ORDER BY id");
    Result<QSqlQuery> q = docId.isEmpty() ? exec(m_db, sql) : exec(m_db, sql, {docId});
    if (!q)
        return q.error();
    QList<OverrideRecord> out;
    while (q->next()) {
        OverrideRecord r;
        r.id = q->value(0).toLongLong();
        r.docId = q->value(1).toString();
        r.docSha256 = q->value(2).toString();
        r.kind = overrideKindFromName(q->value(3).toString()).value_or(OverrideKind::TargetValue);
        r.value = q->value(4).toString();
        r.originalValue = q->value(5).toString();
        r.anchorStart = q->value(6).toLongLong();
        r.anchorEnd = q->value(7).toLongLong();
        r.anchorText = q->value(8).toString();
        r.createdAt = q->value(9).toString();
        r.applies = q->value(10).toInt() != 0;
        r.appliedTo = q->value(11).toLongLong();
        r.createdBy = q->value(12).toString();
        out.append(r);
    }
    return out;
}

Status Database::applyOverrides(qint64 documentId) {
    return applyOverrides(documentId, QString(), true);
}

Status Database::applyOverridesToParsedRows(qint64 documentId, const QString& docId) {
    return applyOverrides(documentId, docId, false);
}

Status Database::applyOverrides(qint64 documentId, QString docId, bool resetFirst) {
    return withTransaction([&]() -> Status {
        if (docId.isEmpty()) {
            Result<QSqlQuery> d =
                exec(m_db, QStringLiteral("SELECT doc_id FROM documents WHERE id = ?"), {documentId});
            if (!d)
                return d.error();
            if (!d->next())
                return Status::failure(
                    QStringLiteral("no document with id %1 in %2").arg(documentId).arg(m_path),
                    QStringLiteral("not-found"));
            docId = d->value(0).toString();
            d->finish();
        }

        // Back to what the parser said (rows the importer just stored hold it already: no added
        // targets, nothing rejected or corrected, no area overridden), then every override in the order
        // it was made.
        if (resetFirst) {
            for (const QString& sql :
                 {QStringLiteral("DELETE FROM targets WHERE document_id = ? AND added_by IS NOT NULL"),
                  // Parsed values NULL where nothing was corrected (schema 21, store::parsedSql): the
                  // effective ones stay; else they come back and p_* are cleared (SQLite; PostgreSQL keeps
                  // them filled).
                  QStringLiteral(
                      "UPDATE targets SET area = %1, indicator = %2, scope = %3, kind = %4, comparator = "
                      "%5, value = %6, unit = %7, baseline = %8, deadline = %9, %10rejected = 0, "
                      "corrected_fields = '' WHERE document_id = ? AND (rejected <> 0 OR corrected_fields "
                      "<> '')")
                      .arg(
                          store::parsedSql(QStringLiteral("area")),
                          store::parsedSql(QStringLiteral("indicator")),
                          store::parsedSql(QStringLiteral("scope")), store::parsedSql(QStringLiteral("kind")),
                          store::parsedSql(QStringLiteral("comparator")),
                          store::parsedSql(QStringLiteral("value")), store::parsedSql(QStringLiteral("unit")),
                          store::parsedSql(QStringLiteral("baseline")),
                          store::parsedSql(QStringLiteral("deadline")),
                          isPostgres()
                              ? QString()
                              : QStringLiteral("p_area = NULL, p_indicator = NULL, p_scope = NULL, "
                                               "p_kind = NULL, p_comparator = NULL, p_value = NULL, "
                                               "p_unit = NULL, p_baseline = NULL, p_deadline = NULL, ")),
                  QStringLiteral(
                      "UPDATE measures SET area = parsed_area, parsed_area = NULL, "
                      "area_override = NULL WHERE document_id = ? AND area_override IS NOT NULL")}) {
                if (Status s = execWrite(sql, {documentId}, QStringLiteral("re-applying corrections")); !s)
                    return s;
            }
        }
        Result<QSqlQuery> ov =
            exec(m_db,
                 QStringLiteral("SELECT id, kind, value, anchor_start, anchor_end, anchor_text, "
                                "anchor_value FROM overrides WHERE doc_id = ? ORDER BY id"),
                 {docId});
        if (!ov)
            return ov.error();
        struct Ov {
            qint64 id;
            QString kind, value;
            qsizetype start, end;
            QString text, anchorValue;
        };
        QList<Ov> list;
        while (ov->next())
            list.append({ov->value(0).toLongLong(), ov->value(1).toString(), ov->value(2).toString(),
                         ov->value(3).toLongLong(), ov->value(4).toLongLong(), ov->value(5).toString(),
                         ov->value(6).toString()});
        ov->finish();
        if (list.isEmpty())
            return okStatus();
        // The text only when there is something to anchor (most imports have no overrides).
        Result<QSqlQuery> src =
            exec(m_db, QStringLiteral("SELECT text FROM sources WHERE document_id = ?"), {documentId});
        if (!src)
            return src.error();
        std::optional<QString> unpacked;
        if (src->next())
            unpacked = store::unpackSource(src->value(0));
        src->finish();
        if (!unpacked)
            return Status::failure(QStringLiteral("database %1 is damaged: the source text of %2 does not "
                                                  "decompress. Re-import the plan.")
                                       .arg(m_path, docId),
                                   QStringLiteral("db-corrupt"));
        const QString& source = *unpacked;

        QList<TargetAnchorRow> targets;
        {
            Result<QSqlQuery> t = exec(
                m_db,
                QStringLiteral("SELECT id, span_start, span_end, %1, %2 FROM targets "
                               "WHERE document_id = ?")
                    .arg(store::quoteSql(store::engineOf(m_db)), store::parsedSql(QStringLiteral("value"))),
                {documentId});
            if (!t)
                return t.error();
            while (t->next())
                targets.append({t->value(0).toLongLong(), t->value(1).toLongLong(), t->value(2).toLongLong(),
                                t->value(3).toString(), numberText(t->value(4))});
        }
        QList<MeasureAnchorRow> measures;
        {
            Result<QSqlQuery> m = exec(m_db,
                                       QStringLiteral("SELECT id, number, pc_title(body, title), "
                                                      "pc_body(body), span_start, span_end, area FROM "
                                                      "measures WHERE document_id = ?"),
                                       {documentId});
            if (!m)
                return m.error();
            while (m->next())
                measures.append({m->value(0).toLongLong(), m->value(1).toInt(),
                                 measureAnchorText(m->value(2).toString(), m->value(3).toString()),
                                 m->value(4).toLongLong(), m->value(5).toLongLong(), m->value(6).toString()});
        }
        QHash<QString, QString> indicatorArea;
        {
            Result<QSqlQuery> i = exec(m_db, QStringLiteral("SELECT id, area FROM indicators"));
            if (!i)
                return i.error();
            while (i->next())
                indicatorArea.insert(i->value(0).toString(), i->value(1).toString());
        }
        QHash<qint64, QStringList> correctedFields;

        for (const Ov& o : list) {
            const std::optional<OverrideKind> kind = overrideKindFromName(o.kind);
            qint64 appliedTo = 0;
            if (!kind) {
                // written by a newer version: leave it alone, report it as not applying
            } else if (*kind == OverrideKind::AddTarget) {
                // Where is the added text now? At the same offsets, or the nearest place it occurs.
                qsizetype s = -1;
                if (o.start >= 0 && o.end <= source.size() &&
                    source.mid(o.start, o.end - o.start) == o.text) {
                    s = o.start;
                } else if (!o.text.isEmpty()) {
                    for (qsizetype p = source.indexOf(o.text); p >= 0; p = source.indexOf(o.text, p + 1)) {
                        if (s < 0 || qAbs(p - o.start) < qAbs(s - o.start))
                            s = p;
                    }
                }
                const qsizetype e = s + o.text.size();
                const MeasureAnchorRow* host = nullptr;
                for (const MeasureAnchorRow& m : measures) {
                    if (s >= 0 && m.start <= s && e <= m.end &&
                        (!host || m.end - m.start < host->end - host->start))
                        host = &m;
                }
                if (host) {
                    const QJsonObject v = QJsonDocument::fromJson(o.value.toUtf8()).object();
                    const QString indicator = v.value(QStringLiteral("indicator")).toString();
                    const QString area = indicatorArea.value(indicator, host->area);
                    const QVariant value = v.contains(QStringLiteral("value"))
                                               ? QVariant(v.value(QStringLiteral("value")).toDouble())
                                               : QVariant();
                    QList<QVariant> fields{area,
                                           indicator,
                                           v.value(QStringLiteral("scope")).toString(),
                                           v.value(QStringLiteral("kind")).toString(),
                                           v.value(QStringLiteral("comparator")).toString(),
                                           value,
                                           v.value(QStringLiteral("unit")).toString(),
                                           QVariant(),
                                           store::nullable(v.value(QStringLiteral("deadline")).toString())};
                    QSqlQuery ins(m_db);
                    ins.prepare(store::returningId(
                        store::engineOf(m_db),
                        QStringLiteral(
                            "INSERT INTO targets(measure_id, document_id, ordinal, area, indicator, scope, "
                            "kind, comparator, value, unit, baseline, deadline, p_area, p_indicator, "
                            "p_scope, "
                            "p_kind, p_comparator, p_value, p_unit, p_baseline, p_deadline, span_start, "
                            "span_end, quote, sentence, confidence, indicator_confidence, qualitative, "
                            "added_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,1,?,?)")));
                    ins.addBindValue(host->id);
                    ins.addBindValue(documentId);
                    ins.addBindValue(-1);
                    for (const QVariant& f : fields)
                        ins.addBindValue(f);
                    for (const QVariant& f : fields)
                        ins.addBindValue(f);
                    ins.addBindValue(qint64(s));
                    ins.addBindValue(qint64(e));
                    ins.addBindValue(o.text);
                    ins.addBindValue(o.text);
                    ins.addBindValue(value.isNull() ? 1 : 0);
                    ins.addBindValue(o.id);
                    if (!ins.exec())
                        return store::sqlError(ins.lastError(), QStringLiteral("re-adding a target"), m_path);
                    appliedTo = store::insertedId(store::engineOf(m_db), ins);
                    targets.append({appliedTo, s, e, o.text, numberText(value)});
                }
            } else if (*kind == OverrideKind::MeasureArea) {
                const MeasureAnchorRow* m = resolveAnchor(
                    measures, o.start, o.end, o.text, [](const MeasureAnchorRow& r) { return r.anchorText; },
                    [](const MeasureAnchorRow&) { return true; });
                if (m) {
                    if (Status s =
                            execStatus(m_db,
                                       // The parsed area kept aside, where it was the area (NULL:
                                       // migration 18).
                                       QStringLiteral("UPDATE measures SET parsed_area = CASE WHEN "
                                                      "area_override IS NULL THEN coalesce(parsed_area, "
                                                      "area) ELSE parsed_area END, area = ?, "
                                                      "area_override = ? WHERE id = ?"),
                                       {o.value, o.id, m->id});
                        !s)
                        return s;
                    appliedTo = m->id;
                }
            } else {
                const QString anchorValue = o.anchorValue;
                const TargetAnchorRow* t = resolveAnchor(
                    targets, o.start, o.end, o.text, [](const TargetAnchorRow& r) { return r.quote; },
                    [&](const TargetAnchorRow& r) { return r.pValue == anchorValue; });
                if (t) {
                    Status s = okStatus();
                    if (*kind == OverrideKind::RejectTarget) {
                        s = execStatus(m_db, QStringLiteral("UPDATE targets SET rejected = 1 WHERE id = ?"),
                                       {t->id});
                    } else {
                        const QString column = columnOf(*kind);
                        // The parsed values aside before the target's first correction (schema 21).
                        if (!correctedFields.contains(t->id))
                            s = execStatus(m_db, store::parsedCopySql(), {t->id});
                        if (!s)
                            return s;
                        QVariant v = store::nullable(o.value);
                        if (*kind == OverrideKind::TargetValue || *kind == OverrideKind::TargetBaseline)
                            v = o.value.isEmpty() ? QVariant() : QVariant(o.value.toDouble());
                        s = execStatus(m_db,
                                       QStringLiteral("UPDATE targets SET %1 = ? WHERE id = ?").arg(column),
                                       {v, t->id});
                        if (s && *kind == OverrideKind::TargetIndicator && indicatorArea.contains(o.value))
                            s = execStatus(m_db, QStringLiteral("UPDATE targets SET area = ? WHERE id = ?"),
                                           {indicatorArea.value(o.value), t->id});
                        QStringList& fields = correctedFields[t->id];
                        if (!fields.contains(column))
                            fields << column;
                    }
                    if (!s)
                        return s;
                    appliedTo = t->id;
                }
            }
            if (Status s = execStatus(
                    m_db, QStringLiteral("UPDATE overrides SET applies = ?, applied_to = ? WHERE id = ?"),
                    {appliedTo ? 1 : 0, appliedTo, o.id});
                !s)
                return s;
        }
        for (auto it = correctedFields.cbegin(); it != correctedFields.cend(); ++it) {
            if (Status s =
                    execStatus(m_db, QStringLiteral("UPDATE targets SET corrected_fields = ? WHERE id = ?"),
                               {it.value().join(QLatin1Char(',')), it.key()});
                !s)
                return s;
        }
        return okStatus();
    });
}

} // namespace pc
