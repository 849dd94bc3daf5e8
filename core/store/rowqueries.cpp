// Measures and targets as the GUI, the comparison and the exports read them (corrections applied).
#include "database.h"

#include "sqlutil.h"

#include <QHash>

namespace pc {

using store::exec;

namespace {

const QString kPlanOrder =
    QStringLiteral("CASE d.level WHEN 'municipal' THEN 0 ELSE 1 END, d.jurisdiction, d.year, d.doc_id");

const QString kTargetSelect = QStringLiteral(
    "SELECT t.id, t.document_id, d.doc_id, d.jurisdiction, d.level, d.year, d.doc_number, d.issued_on, "
    "d.title, "
    "m.number, t.area, t.indicator, t.scope, t.kind, t.comparator, t.value, t.unit, t.baseline, t.deadline, "
    "t.quote, t.span_start, t.span_end, t.sentence, t.qualitative, t.corrected_fields, t.confidence, "
    "t.measure_id, t.rejected, t.added_by "
    "FROM targets t JOIN measures m ON m.id = t.measure_id JOIN documents d ON d.id = t.document_id");

ComparisonRow targetFrom(const QSqlQuery& q) {
    ComparisonRow r;
    r.targetId = q.value(0).toLongLong();
    r.documentId = q.value(1).toLongLong();
    r.docId = q.value(2).toString();
    r.jurisdiction = q.value(3).toString();
    r.level = q.value(4).toString();
    r.year = q.value(5).toInt();
    r.docNumber = q.value(6).toString();
    r.issuedOn = q.value(7).toString();
    r.docTitle = q.value(8).toString();
    r.measureNumber = q.value(9).toInt();
    r.area = q.value(10).toString();
    r.indicator = q.value(11).toString();
    r.scope = q.value(12).toString();
    r.kind = q.value(13).toString();
    r.comparator = q.value(14).toString();
    r.value = store::optionalDouble(q.value(15));
    r.unit = q.value(16).toString();
    r.baseline = store::optionalDouble(q.value(17));
    r.deadline = q.value(18).toString();
    r.quote = q.value(19).toString();
    r.start = q.value(20).toLongLong();
    r.end = q.value(21).toLongLong();
    r.sentence = q.value(22).toString();
    r.qualitative = q.value(23).toInt() != 0;
    const QString fields = q.value(24).toString();
    r.correctedFields = fields.isEmpty() ? QStringList() : fields.split(QLatin1Char(','));
    r.confidence = q.value(25).toDouble();
    r.measureId = q.value(26).toLongLong();
    r.rejected = q.value(27).toInt() != 0;
    r.userAdded = !q.value(28).isNull();
    r.corrected = r.userAdded || r.rejected || !r.correctedFields.isEmpty();
    return r;
}

} // namespace

Result<QList<ComparisonRow>> Database::targets(const TargetFilter& f) {
    QStringList where;
    QVariantList binds;
    if (f.documentId) {
        where << QStringLiteral("t.document_id = ?");
        binds << f.documentId;
    }
    if (!f.docId.isEmpty()) {
        where << QStringLiteral("d.doc_id = ?");
        binds << f.docId;
    }
    if (f.measureId) {
        where << QStringLiteral("t.measure_id = ?");
        binds << f.measureId;
    }
    if (!f.indicator.isEmpty()) {
        where << QStringLiteral("t.indicator = ?");
        binds << f.indicator;
    }
    if (!f.area.isEmpty()) {
        where << QStringLiteral("t.area = ?");
        binds << f.area;
    }
    if (!f.includeRejected)
        where << QStringLiteral("t.rejected = 0");
    QString sql = kTargetSelect;
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY ") + kPlanOrder + QStringLiteral(", m.ordinal, t.span_start, t.id");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return store::sqlError(q.lastError(), QStringLiteral("reading targets"), m_path);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return store::sqlError(q.lastError(), QStringLiteral("reading targets"), m_path);
    QList<ComparisonRow> out;
    while (q.next())
        out.append(targetFrom(q));
    return out;
}

Result<ComparisonRow> Database::target(qint64 targetId) {
    Result<QSqlQuery> q = exec(m_db, kTargetSelect + QStringLiteral(" WHERE t.id = ?"), {targetId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("no target with id %1 in %2").arg(targetId).arg(m_path),
                     QStringLiteral("not-found")};
    return targetFrom(*q);
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
    if (!f.area.isEmpty()) {
        where << QStringLiteral("m.area = ?");
        binds << f.area;
    }
    if (!f.unit.isEmpty()) {
        where << QStringLiteral(
            "m.id IN (SELECT ma.measure_id FROM measure_agencies ma JOIN agencies a ON a.id = "
            "ma.agency_id WHERE a.name = ?)");
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
        QStringLiteral("SELECT m.id, m.document_id, d.doc_id, d.jurisdiction, d.level, m.number, m.title, "
                       "m.body, m.area_heading, "
                       "m.area, m.parsed_area, m.area_override, m.deadline, m.remark, m.span_start, "
                       "m.span_end, m.confidence, "
                       "(SELECT count(*) FROM targets t WHERE t.measure_id = m.id AND t.rejected = 0) "
                       "FROM measures m JOIN documents d ON d.id = m.document_id");
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
        index.insert(m.id, out.size());
        out.append(m);
    }
    if (out.isEmpty())
        return out;
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
        (u->value(1).toString() == QLatin1String("lead") ? m.lead : m.partners) << u->value(2).toString();
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
