// The coverage cells of every area in one pass over the plans' measures: what
// compare::coverageOfArea(db, area, selection) gives area by area, without reading each plan's
// targets and measures once per area (at 10,000 plans that was 2.6 s CPU of opening the workbench).
#pragma once

#include "compare/comparison.h"
#include "taxonomy/cuematcher.h"
#include "taxonomy/taxonomy.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringView>

namespace pc::ui {

class CoverageBuilder {
public:
    CoverageBuilder(const QList<Area>& areas, const QList<Indicator>& indicators);

    // A measure of plan `docId` in area `area`: a cue of one of that area's indicators in its title
    // or body makes the indicator "mentioned" in the plan (提及，未设数值 when it has no target).
    void addMeasure(const QString& docId, const QString& area, QStringView title, QStringView body);

    // Targets of the plans (every indicator, "other:" ids too): counted per plan and indicator.
    void addTargets(const QList<ComparisonRow>& rows);

    // The cells, area by area (in the given order), indicator by indicator (taxonomy order, then the
    // area's "other:" ids among the targets, sorted), plan by plan (in `plans` order).
    QList<CoverageCell> cells(const QList<PlanInfo>& plans) const;

private:
    void addMentions(const QString& docId, const QString& area, QStringView text);

    QList<Area> m_areas;
    QList<Indicator> m_indicators;
    CueMatcher m_matcher;
    QList<QList<int>> m_indicatorsOfCue;          // cue id → indexes into m_indicators
    QSet<QPair<QString, int>> m_mentioned;        // (docId, indicator index)
    QHash<QString, QHash<QString, int>> m_counts; // docId → indicator → targets
    QHash<QString, QStringList> m_others;         // area → its targets' other: ids
};

} // namespace pc::ui
