// The plan-set chooser of the main window's tool bar: the latest plan per jurisdiction, all plans,
// one year, or a named set; and saving the plans on show as a named set.
#pragma once

#include "compare/planselection.h"

#include <QWidget>

class QComboBox;
class QToolButton;

namespace pc::ui {

class Workbench;

class PlanSetChooser : public QWidget {
    Q_OBJECT
public:
    explicit PlanSetChooser(Workbench& workbench, QWidget* parent = nullptr);
    QComboBox* combo() const { return m_combo; }
    // Fills the choices from the data (years of the plans, saved sets), keeping the current one.
    void refill();
    // Saves the plans on show under `name` (the button asks for it); false with a message on failure.
    bool saveCurrentAs(const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    void choose(int index);
    Workbench& m_wb;
    QComboBox* m_combo;
    QToolButton* m_save;
    bool m_filling = false;
};

} // namespace pc::ui
