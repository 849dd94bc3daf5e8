// The workbench's shared state: the data, the corrections (undo stack), the current indicator and
// the navigation requests between views. Views talk to each other only through it.
#pragma once

#include "data/corrections.h"
#include "data/workbenchdata.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace pc::ui {

// Everything the matrix and the navigator show, read once per reload.
struct Snapshot {
    QList<PlanInfo> plans;
    QHash<QString, QList<ComparisonRow>> rows; // indicator id → rows (only indicators with rows)
    QList<CoverageCell> coverage;              // all areas
    QString error;                             // empty when everything loaded
};

class Workbench : public QObject {
    Q_OBJECT
public:
    explicit Workbench(WorkbenchData& data, QObject* parent = nullptr);
    WorkbenchData& data() const { return m_data; }
    Corrections* corrections() const { return m_corrections; }
    QString currentIndicator() const { return m_indicator; }
    QString currentArea() const { return m_area; }
    const Snapshot& snapshot();

public Q_SLOTS:
    void setCurrentIndicator(const QString& indicatorId);
    void setCurrentArea(const QString& areaId);
    // Show a plan in the reader, scrolled to [start, end) (start < 0: the beginning).
    void showPassage(const QString& docId, qsizetype start, qsizetype end, bool activateReader);
    void showTarget(const ComparisonRow& row, bool activateReader) {
        showPassage(row.docId, row.start, row.end, activateReader);
    }
    void requestView(const QString& view) { Q_EMIT viewRequested(view); }
    void reload();
    // Which plans the views compare (latest per jurisdiction, a year, all, a named set); reloads.
    void setPlanSelection(const PlanSelection& selection);
    void message(const QString& text) { Q_EMIT statusMessage(text); }

Q_SIGNALS:
    void indicatorChanged(const QString& indicatorId);
    void areaChanged(const QString& areaId);
    void passageRequested(const QString& docId, qsizetype start, qsizetype end);
    void viewRequested(const QString& view); // matrix | compare | chart | measures | reader | diffusion
    void dataReloaded();                     // after corrections or an import
    void planSelectionChanged();             // before the dataReloaded that follows it
    void notesChanged();                     // a note was added, edited or removed in some view
    void statusMessage(const QString& text);

private:
    WorkbenchData& m_data;
    Corrections* m_corrections;
    QString m_indicator;
    QString m_area;
    std::optional<Snapshot> m_snapshot;
};

} // namespace pc::ui
