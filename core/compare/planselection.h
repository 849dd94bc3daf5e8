// Which plans a comparison covers: the latest plan per jurisdiction (the default), one year, all, or
// a named set chosen by hand. The matrix, comparisons, charts, reports and exports all follow it.
#pragma once

#include "common/result.h"
#include "compare/comparison.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace pc {

struct PlanSelection {
    enum class Mode { Latest, Year, All, Named };
    Mode mode = Mode::Latest;
    int year = 0; // Mode::Year
    QString name; // Mode::Named: a set saved with Database::savePlanSet
    static PlanSelection latest() { return {}; }
    static PlanSelection all() { return {Mode::All, 0, {}}; }
    static PlanSelection ofYear(int y) { return {Mode::Year, y, {}}; }
    static PlanSelection named(const QString& n) { return {Mode::Named, 0, n}; }
    // latest | all | year:2021 | set:NAME (what the CLI prints and the GUI stores)
    QString key() const;
    static PlanSelection fromKey(const QString& key);
    bool operator==(const PlanSelection&) const = default;
};

namespace compare {

// The plans of `all` (in list order: municipal first) that a selection covers. Latest keeps per
// jurisdiction and plan kind the plan with the highest year (then issue date, then import order), so
// a 专项方案 does not hide the jurisdiction's 综合方案; plans without a jurisdiction stand alone.
// `members`: the doc ids of a named set (Mode::Named only).
QList<PlanInfo> selectPlans(const QList<PlanInfo>& all, const PlanSelection& selection,
                            const QStringList& members = {});
// The same over the store: not-found for an unknown set name.
Result<QList<PlanInfo>> plans(Database& db, const PlanSelection& selection);
// compare::byIndicator / coverageOfArea restricted to the selection's plans; the rows carry their sentences.
Result<QList<ComparisonRow>> byIndicator(Database& db, const QString& indicatorId,
                                         const PlanSelection& selection);
Result<QList<CoverageCell>> coverageOfArea(Database& db, const QString& areaId,
                                           const PlanSelection& selection);
// Every target of the selection's plans by indicator, each list in byIndicator's order. Reads the
// plans' targets (one index range per plan), not every plan's rows of every indicator: the matrix
// of 40 plans reads 40 ranges whether the database holds 40 plans or 10,000.
Result<QHash<QString, QList<ComparisonRow>>> rowsByIndicator(Database& db, const PlanSelection& selection);

} // namespace compare
} // namespace pc
