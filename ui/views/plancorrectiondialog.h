// Correcting a plan's jurisdiction, year or kind when the importer guessed wrong: the dialog the
// navigator's context menu opens on a plan. Each changed field becomes a plan correction
// (WorkbenchData::correctPlan, as `plancompare-cli plans correct`), kept across re-imports.
#pragma once

#include "common/result.h"
#include "compare/comparison.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace pc::ui {

class WorkbenchData;

class PlanCorrectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit PlanCorrectionDialog(const PlanInfo& plan, QWidget* parent = nullptr);
    QComboBox* jurisdictionBox() const { return m_jurisdiction; } // editable, the gazetteer's names
    QSpinBox* yearBox() const { return m_year; }
    QComboBox* kindBox() const { return m_kind; } // data: comprehensive | special
    // The fields changed in the dialog, as (field, value) pairs for correctPlan.
    QList<QPair<QString, QString>> changes() const;
    // Stores the changes; stops at the first failure and says why. True when nothing failed.
    Status apply(WorkbenchData& data) const;

private:
    PlanInfo m_plan;
    QComboBox* m_jurisdiction;
    QSpinBox* m_year;
    QComboBox* m_kind;
};

} // namespace pc::ui
