// The workbench's shared state.
#include "workbench.h"

namespace pc::ui {

Workbench::Workbench(WorkbenchData& data, QObject* parent)
    : QObject(parent)
    , m_data(data)
    , m_corrections(new Corrections(data, this)) {
    connect(m_corrections, &Corrections::changed, this, &Workbench::reload);
    connect(m_corrections, &Corrections::failed, this, &Workbench::statusMessage);
}

void Workbench::setCurrentIndicator(const QString& indicatorId) {
    if (indicatorId.isEmpty() || indicatorId == m_indicator)
        return;
    m_indicator = indicatorId;
    if (const Indicator* ind = m_data.findIndicator(indicatorId))
        m_area = ind->area;
    Q_EMIT indicatorChanged(indicatorId);
}

void Workbench::setCurrentArea(const QString& areaId) {
    if (areaId == m_area)
        return;
    m_area = areaId;
    Q_EMIT areaChanged(areaId);
}

void Workbench::showPassage(const QString& docId, qsizetype start, qsizetype end, bool activateReader) {
    Q_EMIT passageRequested(docId, start, end);
    if (activateReader)
        Q_EMIT viewRequested(QStringLiteral("reader"));
}

} // namespace pc::ui

namespace pc::ui {

void Workbench::setPlanSelection(const PlanSelection& selection) {
    m_data.setPlanSelection(selection);
    Q_EMIT planSelectionChanged();
    reload();
}

void Workbench::reload() {
    m_snapshot.reset();
    Q_EMIT dataReloaded();
}

const Snapshot& Workbench::snapshot() {
    if (m_snapshot)
        return *m_snapshot;
    Snapshot s;
    if (auto plans = m_data.plans())
        s.plans = plans.value();
    else
        s.error = plans.errorMessage();
    if (auto all = m_data.allRows()) {
        for (const auto& [id, rows] : all.value())
            s.rows.insert(id, rows);
    } else {
        s.error = all.errorMessage();
    }
    // Every area's coverage in one pass over the plans (was: every plan's targets and measures read
    // once per area).
    if (auto cov = m_data.coverageOfAreas(s.plans))
        s.coverage = cov.value();
    else if (s.error.isEmpty())
        s.error = cov.errorMessage();
    m_snapshot = std::move(s);
    return *m_snapshot;
}

} // namespace pc::ui
