// The window over the open database, replaced when the user connects to another one.
#include "databaseswitcher.h"

#include "app/connectdialog.h"
#include "app/plansetmemory.h"
#include "app/workbench.h"
#include "mainwindow.h"

#include <QTimer>

namespace pc::ui {

DatabaseSwitcher::DatabaseSwitcher(std::unique_ptr<WorkbenchData> data, Prepare prepare, QObject* parent)
    : QObject(parent)
    , m_prepare(std::move(prepare))
    , m_data(std::move(data)) {
    build();
}

DatabaseSwitcher::~DatabaseSwitcher() {
    m_window.reset();
    m_planSets.reset();
    m_workbench.reset();
}

void DatabaseSwitcher::build() {
    m_workbench = std::make_unique<Workbench>(*m_data);
    m_planSets = std::make_unique<PlanSetMemory>(*m_workbench);
    m_planSets->restore();
    m_window = std::make_unique<MainWindow>(*m_workbench);
    if (m_prepare)
        m_prepare(*m_workbench, *m_window);
    connect(m_window.get(), &MainWindow::connectRequested, this, &DatabaseSwitcher::connectToTeamDatabase);
}

void DatabaseSwitcher::connectToTeamDatabase() {
    ConnectDialog dlg(m_window.get());
    if (dlg.exec() != QDialog::Accepted)
        return;
    std::unique_ptr<WorkbenchData> data = dlg.takeData();
    if (!data)
        return;
    // After the dialog's event loop has unwound: the old window is deleted outside its own slots.
    auto* holder = new std::unique_ptr<WorkbenchData>(std::move(data));
    QTimer::singleShot(0, this, [this, holder] {
        switchTo(std::move(*holder));
        delete holder;
    });
}

void DatabaseSwitcher::switchTo(std::unique_ptr<WorkbenchData> data) {
    Q_EMIT aboutToSwitch();
    const bool visible = m_window && m_window->isVisible();
    const QRect geometry = m_window ? m_window->geometry() : QRect();
    // The new window first, so closing the old one does not end the application.
    std::unique_ptr<WorkbenchData> oldData = std::move(m_data);
    std::unique_ptr<Workbench> oldWorkbench = std::move(m_workbench);
    std::unique_ptr<PlanSetMemory> oldPlanSets = std::move(m_planSets);
    std::unique_ptr<MainWindow> oldWindow = std::move(m_window);
    m_data = std::move(data);
    build();
    if (geometry.isValid())
        m_window->setGeometry(geometry);
    if (visible)
        m_window->show();
    if (oldWindow)
        oldWindow->close(); // saves its settings
    oldWindow.reset();
    oldPlanSets.reset();
    oldWorkbench.reset();
    oldData.reset();
}

} // namespace pc::ui
