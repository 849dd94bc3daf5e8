// The navigator: areas → indicators (with how many plans set a number) and jurisdictions → plans.
#pragma once

#include <QDockWidget>

class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace pc::ui {

class Workbench;

class NavigatorDock : public QDockWidget {
    Q_OBJECT
public:
    enum ItemRole { KindRole = Qt::UserRole + 1, IdRole };
    enum Kind { AreaItem = 1, IndicatorItem, JurisdictionItem, PlanItem };

    explicit NavigatorDock(Workbench& workbench, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return m_tree; }
    void reload();
    void selectIndicator(const QString& indicatorId);
    // The context menu of an item: on a plan, "correct jurisdiction, year or kind…".
    void fillContextMenu(QMenu& menu, QTreeWidgetItem* item);
    // Opens the plan correction dialog on a plan of the plan set; stores what it changes and reloads.
    void correctPlan(const QString& docId);

protected:
    void changeEvent(QEvent* event) override; // LanguageChange: names in the new language

private:
    void activate(QTreeWidgetItem* item);
    Workbench& m_wb;
    QTreeWidget* m_tree;
};

} // namespace pc::ui
