// First start without a database: the seed plans are imported on a worker thread while the main
// window is already shown (its views start empty and reload when the import is done), with the
// progress in the status bar.
#pragma once

#include "data/workbenchdata.h"

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace pc::ui {

class Workbench;

class SeedImport : public QObject {
    Q_OBJECT
public:
    SeedImport(Workbench& workbench, const QStringList& files, QObject* parent = nullptr);
    ~SeedImport() override; // cancels (after the file being stored) and waits for the worker

    void start();
    bool isRunning() const;
    bool isDone() const { return m_done; }
    // Runs the event loop until the import is done (the window stays responsive meanwhile).
    void waitForDone();
    // Why files failed, one line each; empty when every file was imported.
    QString failures() const { return m_failures; }
    int fileCount() const { return int(m_files.size()); }

Q_SIGNALS:
    void progress(int percent); // 0–100 over all files
    void done();                // imported and the workbench reloaded

private:
    void finish(const QList<ImportOutcome>& outcomes);

    Workbench& m_wb;
    QStringList m_files;
    QThread* m_thread = nullptr;
    std::atomic_bool m_cancel{false};
    bool m_done = false;
    QString m_failures;
};

} // namespace pc::ui
