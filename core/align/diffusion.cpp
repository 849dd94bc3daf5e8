// Diffusion over a set of plans (see diffusion.h).
#include "diffusion.h"

#include "store/database.h"

#include <QHash>

namespace pc::align {

QList<QPair<QString, QString>> diffusionPairs(const QList<PlanInfo>& selected, const QList<PlanInfo>& all) {
    QHash<QString, const PlanInfo*> byNumber;
    QList<const PlanInfo*> municipal;
    for (const PlanInfo& p : all) {
        if (!p.docNumber.isEmpty())
            byNumber.insert(p.docNumber, &p);
        if (p.level == QLatin1String("municipal"))
            municipal << &p;
    }
    QList<QPair<QString, QString>> out;
    for (const PlanInfo& p : selected) {
        if (p.level == QLatin1String("municipal"))
            continue;
        const PlanInfo* against = nullptr;
        if (!p.implementsDocNumber.isEmpty())
            against = byNumber.value(p.implementsDocNumber, nullptr);
        if (!against) {
            for (const PlanInfo* m : municipal) {
                if (m->year <= p.year && (!against || m->year > against->year))
                    against = m;
            }
        }
        if (!against) {
            for (const PlanInfo* m : municipal)
                if (!against || m->year < against->year)
                    against = m;
        }
        if (against && against->docId != p.docId)
            out.append({p.docId, against->docId});
    }
    return out;
}

Result<QList<Alignment>> diffusionOf(Database& db, const QList<PlanInfo>& selected,
                                     const QList<PlanInfo>& all, const Options& options) {
    Result<QList<Indicator>> indicators = db.indicators();
    if (!indicators)
        return indicators.error();
    QHash<QString, Direction> better;
    for (const Indicator& i : *indicators)
        better.insert(i.id, i.better);
    QHash<QString, Plan> cache;
    auto planOf = [&](const QString& docId) -> Result<Plan> {
        if (const auto it = cache.constFind(docId); it != cache.constEnd())
            return *it;
        Result<Plan> p = planFromDatabase(db, docId);
        if (p)
            cache.insert(docId, *p);
        return p;
    };
    QList<Alignment> out;
    for (const auto& [docId, againstId] : diffusionPairs(selected, all)) {
        Result<Plan> plan = planOf(docId);
        if (!plan)
            return plan.error();
        Result<Plan> against = planOf(againstId);
        if (!against)
            return against.error();
        out << align(*plan, *against, better, options);
    }
    return out;
}

} // namespace pc::align
