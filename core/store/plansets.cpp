// Plan metadata as the comparison chooses from it, researchers' corrections of a plan's metadata,
// and named plan sets. Plain SQL only (no engine-specific functions), so other engines can run it.
#include "database.h"

#include "gazetteer/gazetteer.h"
#include "plancache.h"
#include "sqlutil.h"

#include <algorithm>

namespace pc {

using store::exec;
using store::execStatus;

Result<QList<PlanInfo>> Database::planInfos() {
    if (Status s = refreshPlanCache(); !s)
        return s.error();
    QList<std::pair<qint64, const store::PlanEntry*>> entries;
    entries.reserve(m_plans->plans.size());
    for (auto it = m_plans->plans.constBegin(); it != m_plans->plans.constEnd(); ++it)
        entries.append({it.key(), &*it});
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.second->rank < b.second->rank; });
    QList<PlanInfo> out;
    out.reserve(entries.size());
    for (const auto& [id, p] : entries)
        out.append({id, p->docId, p->jurisdiction, p->level, p->year, p->docNumber, p->issuedOn, p->title,
                    p->jurisdictionCode, p->planKind, p->implementsDocNumber});
    return out;
}

namespace {

// The value a correction stores, checked; an empty value means "remove".
Result<QString> checkedPlanValue(const QString& field, const QString& value) {
    const QString v = value.trimmed();
    if (v.isEmpty())
        return v;
    if (field == QLatin1String("jurisdiction"))
        return v;
    if (field == QLatin1String("year")) {
        bool ok = false;
        const int y = v.toInt(&ok);
        if (!ok || y < 1949 || y > 2100)
            return Error{QStringLiteral("year \u201c%1\u201d is not a year (1949\u20132100)").arg(v),
                         QStringLiteral("bad-value")};
        return QString::number(y);
    }
    if (field == QLatin1String("kind")) {
        if (v == QLatin1String("comprehensive") || v == QStringLiteral("综合方案"))
            return QStringLiteral("comprehensive");
        if (v == QLatin1String("special") || v == QStringLiteral("专项方案"))
            return QStringLiteral("special");
        return Error{QStringLiteral("kind \u201c%1\u201d is neither comprehensive (综合方案) nor special "
                                    "(专项方案)")
                         .arg(v),
                     QStringLiteral("bad-value")};
    }
    return Error{QStringLiteral("unknown plan field \u201c%1\u201d (jurisdiction, year or kind)").arg(field),
                 QStringLiteral("bad-value")};
}

} // namespace

Status Database::correctPlan(const QString& docId, const QString& field, const QString& value) {
    if (Status w = checkWritable(QStringLiteral("saving the plan correction")); !w)
        return w;
    Result<QString> v = checkedPlanValue(field, value);
    if (!v)
        return v.error();
    Result<DocumentRecord> doc = documentByDocId(docId);
    if (!doc)
        return doc.error();
    return withTransaction([&]() -> Status {
        if (Status d = execStatus(
                m_db, QStringLiteral("DELETE FROM plan_corrections WHERE doc_id = ? AND field = ?"),
                {docId, field});
            !d)
            return d;
        if (!v->isEmpty()) {
            if (Status i = execStatus(m_db,
                                      QStringLiteral("INSERT INTO plan_corrections(doc_id, field, value, "
                                                     "created_at) VALUES (?, ?, ?, ?)"),
                                      {docId, field, *v, store::nowUtc()});
                !i)
                return i;
        }
        return applyPlanCorrections(docId);
    });
}

Status Database::applyPlanCorrections(const QString& docId) {
    // From what the parser read, then each correction on top.
    Result<QSqlQuery> parsed =
        exec(m_db,
             QStringLiteral(
                 "SELECT parsed_jurisdiction, parsed_year, parsed_plan_kind FROM documents WHERE doc_id = ?"),
             {docId});
    if (!parsed)
        return parsed.error();
    if (!parsed->next())
        return okStatus();
    QString jurisdiction = parsed->value(0).toString();
    int year = parsed->value(1).toInt();
    QString kind = parsed->value(2).toString();
    parsed->finish();
    Result<QList<PlanCorrection>> corrections = planCorrections(docId);
    if (!corrections)
        return corrections.error();
    for (const PlanCorrection& c : *corrections) {
        if (c.field == QLatin1String("jurisdiction"))
            jurisdiction = c.value;
        else if (c.field == QLatin1String("year"))
            year = c.value.toInt();
        else if (c.field == QLatin1String("kind"))
            kind = c.value;
    }
    bool jurisdictionCorrected = false;
    for (const PlanCorrection& c : *corrections)
        jurisdictionCorrected = jurisdictionCorrected || c.field == QLatin1String("jurisdiction");
    QString code;
    QString level;
    if (const gazetteer::Jurisdiction* j = gazetteer::find(jurisdiction)) {
        jurisdiction = j->name;
        code = j->code;
        level = j->level();
    } else if (jurisdictionCorrected) {
        // Outside the gazetteer: the level from the name's suffix, as the parser reads it.
        level = (jurisdiction.endsWith(QChar(u'区')) || jurisdiction.endsWith(QChar(u'县')))
                    ? QStringLiteral("district")
                    : QStringLiteral("municipal");
    }
    if (level.isEmpty()) // a place the gazetteer does not know, uncorrected: its level stays as read
        return execStatus(
            m_db,
            QStringLiteral("UPDATE documents SET jurisdiction = ?, jurisdiction_code = ?, year = "
                           "?, plan_kind = ? WHERE doc_id = ?"),
            {store::text(jurisdiction), store::text(code), year, store::text(kind), docId});
    return execStatus(m_db,
                      QStringLiteral("UPDATE documents SET jurisdiction = ?, jurisdiction_code = ?, level = "
                                     "?, year = ?, plan_kind = ? WHERE doc_id = ?"),
                      {store::text(jurisdiction), store::text(code), level, year, store::text(kind), docId});
}

Result<QList<PlanCorrection>> Database::planCorrections(const QString& docId) {
    Result<QSqlQuery> q =
        docId.isEmpty()
            ? exec(m_db, QStringLiteral("SELECT doc_id, field, value, created_at FROM plan_corrections "
                                        "ORDER BY doc_id, field"))
            : exec(m_db,
                   QStringLiteral("SELECT doc_id, field, value, created_at FROM plan_corrections WHERE "
                                  "doc_id = ? ORDER BY field"),
                   {docId});
    if (!q)
        return q.error();
    QList<PlanCorrection> out;
    while (q->next())
        out.append(
            {q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()});
    return out;
}

Status Database::savePlanSet(const QString& name, const QStringList& docIds) {
    if (Status w = checkWritable(QStringLiteral("saving the plan set")); !w)
        return w;
    const QString n = name.trimmed();
    if (n.isEmpty())
        return Status::failure(QStringLiteral("a plan set needs a name"), QStringLiteral("bad-value"));
    if (docIds.isEmpty())
        return Status::failure(QStringLiteral("plan set \u201c%1\u201d names no plans").arg(n),
                               QStringLiteral("bad-value"));
    for (const QString& d : docIds) {
        Result<QSqlQuery> q = exec(m_db, QStringLiteral("SELECT id FROM documents WHERE doc_id = ?"), {d});
        if (!q)
            return q.error();
        if (!q->next())
            return Status::failure(
                QStringLiteral("plan set \u201c%1\u201d: no plan \u201c%2\u201d in %3").arg(n, d, m_path),
                QStringLiteral("not-found"));
    }
    return withTransaction([&]() -> Status {
        if (Status d =
                execStatus(m_db, QStringLiteral("DELETE FROM plan_set_members WHERE set_name = ?"), {n});
            !d)
            return d;
        if (Status d = execStatus(m_db, QStringLiteral("DELETE FROM plan_sets WHERE name = ?"), {n}); !d)
            return d;
        if (Status i =
                execStatus(m_db, QStringLiteral("INSERT INTO plan_sets(name, created_at) VALUES (?, ?)"),
                           {n, store::nowUtc()});
            !i)
            return i;
        int ordinal = 0;
        QStringList seen;
        for (const QString& d : docIds) {
            if (seen.contains(d))
                continue;
            seen.append(d);
            if (Status i =
                    execStatus(m_db,
                               QStringLiteral("INSERT INTO plan_set_members(set_name, doc_id, ordinal) "
                                              "VALUES (?, ?, ?)"),
                               {n, d, ordinal++});
                !i)
                return i;
        }
        return okStatus();
    });
}

Status Database::removePlanSet(const QString& name) {
    Result<QStringList> members = planSetMembers(name);
    if (!members)
        return members.error();
    return withTransaction([&]() -> Status {
        if (Status d =
                execStatus(m_db, QStringLiteral("DELETE FROM plan_set_members WHERE set_name = ?"), {name});
            !d)
            return d;
        return execStatus(m_db, QStringLiteral("DELETE FROM plan_sets WHERE name = ?"), {name});
    });
}

Result<QStringList> Database::planSetNames() {
    Result<QSqlQuery> q = exec(m_db, QStringLiteral("SELECT name FROM plan_sets ORDER BY name"));
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

Result<QStringList> Database::planSetMembers(const QString& name) {
    Result<QSqlQuery> known = exec(m_db, QStringLiteral("SELECT name FROM plan_sets WHERE name = ?"), {name});
    if (!known)
        return known.error();
    if (!known->next())
        return Error{QStringLiteral("no plan set \u201c%1\u201d in %2").arg(name, m_path),
                     QStringLiteral("not-found")};
    known->finish();
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("SELECT doc_id FROM plan_set_members WHERE set_name = ? ORDER BY ordinal"),
             {name});
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

} // namespace pc
