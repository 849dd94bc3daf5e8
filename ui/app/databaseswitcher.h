// Switching the open database without restarting: owns the data, the workbench and the window, and
// on File ▸ Connect to a team database… replaces them with ones on the database the dialog opened.
#pragma once

#include "data/workbenchdata.h"

#include <QObject>

#include <functional>
#include <memory>

namespace pc::ui {

class MainWindow;
class PlanSetMemory;
class Workbench;

class DatabaseSwitcher : public QObject {
    Q_OBJECT
public:
    // `prepare` readies a new window (settings, the indicator shown) before it is shown.
    using Prepare = std::function<void(Workbench&, MainWindow&)>;
    DatabaseSwitcher(std::unique_ptr<WorkbenchData> data, Prepare prepare, QObject* parent = nullptr);
    ~DatabaseSwitcher() override;

    MainWindow* window() const { return m_window.get(); }
    WorkbenchData& data() const { return *m_data; }
    // Replaces the window with one over `data` (shown if the old one was); the old database closes.
    void switchTo(std::unique_ptr<WorkbenchData> data);

Q_SIGNALS:
    // Emitted before the old window, workbench and data go: whatever holds them lets go.
    void aboutToSwitch();

private:
    void build();
    void connectToTeamDatabase();
    Prepare m_prepare;
    // Destroyed in reverse order: the window before the workbench before the data it reads.
    std::unique_ptr<WorkbenchData> m_data;
    std::unique_ptr<Workbench> m_workbench;
    std::unique_ptr<PlanSetMemory> m_planSets;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace pc::ui
