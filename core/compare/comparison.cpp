// Comparison queries over the database: rows per indicator, coverage per area, the plans compared.
#include "comparison.h"

#include "store/database.h"
#include "store/sqlutil.h"
#include "taxonomy/taxonomy.h"

#include <QHash>
#include <QSet>

namespace pc::compare {

QString coverageName(Coverage c) {
    switch (c) {
    case Coverage::NumberSet:
        return QStringLiteral("number_set");
    case Coverage::MentionedNoNumber:
        return QStringLiteral("mentioned");
    case Coverage::Silent:
        return QStringLiteral("silent");
    }
    return {};
}

Result<QList<ComparisonRow>> byIndicator(Database& db, const QString& indicatorId) {
    TargetFilter f;
    f.indicator = indicatorId;
    f.sentences = false; // read for the rows shown: Database::readSentences
    return db.targets(f);
}

Result<QList<PlanInfo>> plans(Database& db) {
    Result<QList<DocumentRecord>> docs = db.documents();
    if (!docs)
        return docs.error();
    QList<PlanInfo> out;
    for (const DocumentRecord& d : *docs)
        out.append({d.id, d.docId, d.jurisdiction, d.level, d.year, d.docNumber, d.issuedOn, d.title,
                    d.jurisdictionCode, d.planKind, d.implementsDocNumber});
    return out;
}

Result<QList<CoverageCell>> coverageOfArea(Database& db, const QString& areaId) {
    Result<QList<Indicator>> all = db.indicators();
    if (!all)
        return all.error();
    QList<Indicator> indicators;
    for (const Indicator& i : *all) {
        if (i.area == areaId)
            indicators.append(i);
    }
    QSqlDatabase& c = db.connection();
    // Targets classified outside the taxonomy ("other:…") in this area are listed after it.
    Result<QSqlQuery> others =
        store::exec(c,
                    QStringLiteral("SELECT DISTINCT indicator FROM targets WHERE area = ? AND "
                                   "rejected = 0 AND indicator LIKE 'other:%' ORDER BY indicator"),
                    {areaId});
    if (!others)
        return others.error();
    while (others->next()) {
        Indicator i;
        i.id = others->value(0).toString();
        i.area = areaId;
        indicators.append(i);
    }
    others->finish();
    if (indicators.isEmpty()) {
        Result<QList<Area>> areas = db.areas();
        bool known = false;
        if (areas) {
            for (const Area& a : *areas)
                known = known || a.id == areaId;
        }
        if (!known)
            return Error{QStringLiteral("unknown area \u201c%1\u201d in %2").arg(areaId, db.path()),
                         QStringLiteral("not-found")};
        return QList<CoverageCell>();
    }
    Result<QList<PlanInfo>> ps = plans(db);
    if (!ps)
        return ps.error();

    QSet<QString> ids;
    for (const Indicator& i : indicators)
        ids.insert(i.id);
    QHash<QPair<qint64, QString>, int> counts;
    Result<QSqlQuery> t =
        store::exec(c,
                    QStringLiteral("SELECT document_id, indicator, count(*) FROM targets WHERE "
                                   "rejected = 0 AND (area = ? OR indicator IN (SELECT id FROM "
                                   "indicators WHERE area = ?)) GROUP BY document_id, indicator"),
                    {areaId, areaId});
    if (!t)
        return t.error();
    while (t->next()) {
        const QString ind = t->value(1).toString();
        if (ids.contains(ind))
            counts.insert({t->value(0).toLongLong(), ind}, t->value(2).toInt());
    }
    t->finish();
    // Text of the area's measures per plan, to tell "mentioned without a number" from "silent".
    QHash<qint64, QStringList> texts;
    // SQLite: through the area's range of measure_areas (schema 25; measures has no index by area).
    Result<QSqlQuery> m = store::exec(
        c,
        db.isPostgres()
            ? QStringLiteral(
                  "SELECT document_id, pc_title(body, title), pc_body(body) FROM measures WHERE area = ?")
            : QStringLiteral(
                  "SELECT document_id, pc_title(body, title), pc_body(body) FROM measures WHERE id IN "
                  "(SELECT measure_id FROM measure_areas WHERE area = ?) ORDER BY id"),
        {areaId});
    if (!m)
        return m.error();
    while (m->next())
        texts[m->value(0).toLongLong()]
            << m->value(1).toString() + QLatin1Char('\n') + m->value(2).toString();
    m->finish();

    QList<CoverageCell> out;
    for (const Indicator& ind : indicators) {
        for (const PlanInfo& p : *ps) {
            CoverageCell cell;
            cell.indicator = ind.id;
            cell.docId = p.docId;
            cell.jurisdiction = p.jurisdiction;
            cell.targets = counts.value({p.documentId, ind.id}, 0);
            if (cell.targets > 0) {
                cell.coverage = Coverage::NumberSet;
            } else {
                bool mentioned = false;
                for (const QString& text : texts.value(p.documentId)) {
                    for (const QString& cue : ind.cues) {
                        if (!cue.isEmpty() && text.contains(cue)) {
                            mentioned = true;
                            break;
                        }
                    }
                    if (mentioned)
                        break;
                }
                cell.coverage = mentioned ? Coverage::MentionedNoNumber : Coverage::Silent;
            }
            out.append(cell);
        }
    }
    return out;
}

} // namespace pc::compare
