// Import dialog: parses and stores files on a worker thread with progress, cancel and a per-file result.
#pragma once

#include "data/workbenchdata.h"

#include <QDialog>

#include <atomic>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QThread;
class QTreeWidget;

namespace pc::ui {

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(WorkbenchData& data, const QStringList& paths, QWidget* parent = nullptr);
    ~ImportDialog() override;
    void start();
    bool isRunning() const;
    const QList<ImportOutcome>& outcomes() const { return m_outcomes; }
    QTreeWidget* results() const { return m_results; }

Q_SIGNALS:
    void finished(); // results listed; the workbench reloads

private:
    void onProgress(int fileIndex, int percent);
    void onDone();
    void reject() override;

    WorkbenchData& m_data;
    QStringList m_paths;
    QLabel* m_label;
    QProgressBar* m_progress;
    QTreeWidget* m_results;
    QDialogButtonBox* m_buttons;
    QThread* m_thread = nullptr;
    std::atomic_bool m_cancel{false};
    QList<ImportOutcome> m_outcomes;
};

} // namespace pc::ui
