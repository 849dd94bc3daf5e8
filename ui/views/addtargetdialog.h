// Dialog for a target typed in from selected reader text: indicator, comparator, value, unit, deadline.
#pragma once

#include "data/workbenchdata.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace pc::ui {

class AddTargetDialog : public QDialog {
    Q_OBJECT
public:
    AddTargetDialog(const WorkbenchData& data, const QString& selectedText, const QString& indicatorId,
                    QWidget* parent = nullptr);
    void fill(NewTarget& target) const;

private:
    QComboBox* m_indicator;
    QComboBox* m_comparator;
    QLineEdit* m_value;
    QLineEdit* m_unit;
    QLineEdit* m_deadline;
    QLineEdit* m_scope;
};

} // namespace pc::ui
