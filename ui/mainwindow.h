// The main window: assembles the navigator and the five views, menus and settings; owns no logic.
#pragma once

#include "common/result.h"

#include <QMainWindow>

#include <utility>

class QAction;
class QLabel;
class QTabWidget;
class QThread;

namespace pc::ui {

class ChartView;
class ComparisonView;
class MatrixView;
class MeasuresView;
class NavigatorDock;
class ReaderView;
class DiffusionView;
class PlanSetChooser;
class Workbench;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Workbench& workbench, QWidget* parent = nullptr);
    ~MainWindow() override; // waits for a compaction still running

    static QStringList viewNames(); // matrix compare chart measures reader
    bool setView(const QString& name);
    QString currentView() const;

    // The views behind other tabs are filled when first shown; these accessors bring a view up to
    // date before returning it (see LazyReload).
    MatrixView* matrixView() const { return m_matrix; }
    ComparisonView* comparisonView() const;
    ChartView* chartView() const;
    MeasuresView* measuresView() const;
    ReaderView* readerView() const;
    DiffusionView* diffusionView() const { return m_diffusion; }
    NavigatorDock* navigator() const { return m_navigator; }
    PlanSetChooser* planSetChooser() const { return m_planSets; }

    void restoreSettings();
    void importFiles(const QStringList& paths);
    // File ▸ Compact database: gives an SQLite file's free pages back on a worker thread, with a busy
    // dialog; the result (sizes before and after, or why not) in a message box named "compactBox".
    void compactDatabase();
    bool isCompacting() const;

Q_SIGNALS:
    // File ▸ Connect to a team database…: the application opens the dialog and, on success, replaces
    // this window with one on the new database (see app/databaseswitcher.h).
    void connectRequested();

protected:
    void changeEvent(QEvent* event) override; // LanguageChange: tabs, menus, title, status anew
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void retranslate();
    void printReport(bool area);
    void exportReport(bool area);
    void exportTables();
    void importPlans();
    void showSettings();
    void showAbout();
    void updateTitle();
    void showCounts();
    void updateCompactAction();
    void compacted(const Result<std::pair<qint64, qint64>>& sizes);

    Workbench& m_wb;
    QTabWidget* m_tabs;
    NavigatorDock* m_navigator;
    MatrixView* m_matrix;
    ComparisonView* m_comparison;
    ChartView* m_chart;
    MeasuresView* m_measures;
    ReaderView* m_reader;
    DiffusionView* m_diffusion;
    QLabel* m_dbLabel;
    QLabel* m_readOnlyLabel; // "只读 / read-only" on a database the user may only read
    PlanSetChooser* m_planSets;
    QList<QObject*> m_menuObjects; // menus and undo/redo actions, rebuilt when the language changes
    QAction* m_compactAction = nullptr;
    QThread* m_compactThread = nullptr;
};

} // namespace pc::ui
