// Plan selections: which plans a comparison covers.
#include "planselection.h"

#include "store/database.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace pc {

QString PlanSelection::key() const {
    switch (mode) {
    case Mode::Latest:
        return QStringLiteral("latest");
    case Mode::All:
        return QStringLiteral("all");
    case Mode::Year:
        return QStringLiteral("year:%1").arg(year);
    case Mode::Named:
        return QStringLiteral("set:") + name;
    }
    return {};
}

PlanSelection PlanSelection::fromKey(const QString& key) {
    if (key == QLatin1String("all"))
        return all();
    if (key.startsWith(QLatin1String("year:")))
        return ofYear(key.mid(5).toInt());
    if (key.startsWith(QLatin1String("set:")))
        return named(key.mid(4));
    return latest();
}

namespace compare {

QList<PlanInfo> selectPlans(const QList<PlanInfo>& all, const PlanSelection& selection,
                            const QStringList& members) {
    QList<PlanInfo> out;
    switch (selection.mode) {
    case PlanSelection::Mode::All:
        return all;
    case PlanSelection::Mode::Year:
        for (const PlanInfo& p : all)
            if (p.year == selection.year)
                out.append(p);
        return out;
    case PlanSelection::Mode::Named: {
        const QSet<QString> wanted(members.begin(), members.end());
        for (const PlanInfo& p : all)
            if (wanted.contains(p.docId))
                out.append(p);
        return out;
    }
    case PlanSelection::Mode::Latest:
        break;
    }
    // Latest per (jurisdiction, kind): later year, then later issue date, then imported later.
    QHash<QString, qsizetype> best;
    auto newer = [](const PlanInfo& a, const PlanInfo& b) {
        if (a.year != b.year)
            return a.year > b.year;
        if (a.issuedOn != b.issuedOn)
            return a.issuedOn > b.issuedOn;
        return a.documentId > b.documentId;
    };
    for (qsizetype i = 0; i < all.size(); ++i) {
        const PlanInfo& p = all[i];
        const QString key = p.jurisdiction.isEmpty()
                                ? QString(QStringLiteral("doc:") + p.docId)
                                : QString(p.jurisdiction + QLatin1Char('\x1f') + p.planKind);
        const auto it = best.constFind(key);
        if (it == best.constEnd() || newer(p, all[*it]))
            best.insert(key, i);
    }
    QList<bool> keep(all.size(), false);
    for (const qsizetype i : std::as_const(best))
        keep[i] = true;
    for (qsizetype i = 0; i < all.size(); ++i)
        if (keep[i])
            out.append(all[i]);
    return out;
}

Result<QList<PlanInfo>> plans(Database& db, const PlanSelection& selection) {
    Result<QList<PlanInfo>> all = db.planInfos();
    if (!all)
        return all.error();
    QStringList members;
    if (selection.mode == PlanSelection::Mode::Named) {
        Result<QStringList> m = db.planSetMembers(selection.name);
        if (!m)
            return m.error();
        members = *m;
    }
    return selectPlans(*all, selection, members);
}

namespace {
Result<QSet<qint64>> selectedIds(Database& db, const PlanSelection& selection) {
    Result<QList<PlanInfo>> ps = plans(db, selection);
    if (!ps)
        return ps.error();
    QSet<qint64> ids;
    ids.reserve(ps->size());
    for (const PlanInfo& p : *ps)
        ids.insert(p.documentId);
    return ids;
}
} // namespace

Result<QList<ComparisonRow>> byIndicator(Database& db, const QString& indicatorId,
                                         const PlanSelection& selection) {
    if (selection.mode == PlanSelection::Mode::All) {
        // Every plan: the connection's kept rows with their sentences.
        TargetFilter f;
        f.indicator = indicatorId;
        return db.targets(f);
    }
    Result<QList<ComparisonRow>> rows = byIndicator(db, indicatorId);
    if (!rows)
        return rows;
    Result<QSet<qint64>> ids = selectedIds(db, selection);
    if (!ids)
        return ids.error();
    QList<ComparisonRow> out;
    for (const ComparisonRow& r : std::as_const(*rows))
        if (ids->contains(r.documentId))
            out.append(r);
    // The sentences of the selected plans' rows only.
    if (Status s = db.readSentences(out); !s)
        return s.error();
    return out;
}

Result<QList<CoverageCell>> coverageOfArea(Database& db, const QString& areaId,
                                           const PlanSelection& selection) {
    if (selection.mode == PlanSelection::Mode::All)
        return coverageOfArea(db, areaId);
    // Plan by plan (its targets, its measures in the area): 40 plans among 10,000 read 40 plans' rows,
    // not the whole area's. The same cells as coverageOfArea, restricted to the set.
    Result<QList<PlanInfo>> ps = plans(db, selection);
    if (!ps)
        return ps.error();
    Result<QList<Indicator>> all = db.indicators();
    if (!all)
        return all.error();
    QList<Indicator> indicators;
    for (const Indicator& i : *all)
        if (i.area == areaId)
            indicators.append(i);
    QHash<qint64, QHash<QString, int>> counts;
    QHash<qint64, QStringList> texts;
    QStringList others;
    for (const PlanInfo& p : *ps) {
        TargetFilter tf;
        tf.documentId = p.documentId;
        Result<QList<ComparisonRow>> rows = db.targets(tf);
        if (!rows)
            return rows.error();
        for (const ComparisonRow& r : std::as_const(*rows)) {
            ++counts[p.documentId][r.indicator];
            if (r.area == areaId && r.indicator.startsWith(QLatin1String("other:")) &&
                !others.contains(r.indicator))
                others << r.indicator;
        }
        MeasureFilter mf;
        mf.documentId = p.documentId;
        mf.area = areaId;
        Result<QList<MeasureRecord>> ms = db.measures(mf);
        if (!ms)
            return ms.error();
        for (const MeasureRecord& m : std::as_const(*ms))
            texts[p.documentId] << m.title + QLatin1Char('\n') + m.body;
    }
    std::sort(others.begin(), others.end());
    for (const QString& o : std::as_const(others)) {
        Indicator i;
        i.id = o;
        i.area = areaId;
        indicators.append(i);
    }
    if (indicators.isEmpty())
        return coverageOfArea(db, areaId); // an unknown area: its error; a known empty one: no cells
    QList<CoverageCell> out;
    for (const Indicator& ind : std::as_const(indicators)) {
        for (const PlanInfo& p : *ps) {
            CoverageCell cell;
            cell.indicator = ind.id;
            cell.docId = p.docId;
            cell.jurisdiction = p.jurisdiction;
            cell.targets = counts.value(p.documentId).value(ind.id, 0);
            bool mentioned = false;
            if (cell.targets == 0) {
                for (const QString& text : texts.value(p.documentId)) {
                    for (const QString& cue : ind.cues)
                        if (!cue.isEmpty() && text.contains(cue)) {
                            mentioned = true;
                            break;
                        }
                    if (mentioned)
                        break;
                }
            }
            cell.coverage = cell.targets > 0 ? Coverage::NumberSet
                                             : (mentioned ? Coverage::MentionedNoNumber : Coverage::Silent);
            out.append(cell);
        }
    }
    return out;
}

Result<QHash<QString, QList<ComparisonRow>>> rowsByIndicator(Database& db, const PlanSelection& selection) {
    Result<QList<PlanInfo>> ps = plans(db, selection);
    if (!ps)
        return ps.error();
    QHash<QString, QList<ComparisonRow>> out;
    for (const PlanInfo& p : *ps) {
        TargetFilter f;
        f.documentId = p.documentId;
        Result<QList<ComparisonRow>> rows = db.targets(f);
        if (!rows)
            return rows.error();
        for (const ComparisonRow& r : std::as_const(*rows))
            out[r.indicator].append(r);
    }
    return out;
}

} // namespace compare
} // namespace pc
