// The seed import of the first start, on a worker thread.
#include "seedimport.h"

#include "workbench.h"

#include <QEventLoop>
#include <QThread>

namespace pc::ui {

SeedImport::SeedImport(Workbench& workbench, const QStringList& files, QObject* parent)
    : QObject(parent)
    , m_wb(workbench)
    , m_files(files) {}

SeedImport::~SeedImport() {
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

bool SeedImport::isRunning() const {
    return m_thread && m_thread->isRunning();
}

void SeedImport::start() {
    if (m_thread || m_done)
        return;
    // importFiles() opens its own connection to the database on the worker thread; the window's
    // connection keeps reading (SQLite WAL: readers see the last committed plan).
    WorkbenchData& data = m_wb.data();
    const int files = int(m_files.size());
    m_thread = QThread::create([this, &data, files] {
        QList<ImportOutcome> out = data.importFiles(m_files, [this, files](int file, int percent) {
            const int total = files > 0 ? (file * 100 + percent) / files : 100;
            QMetaObject::invokeMethod(
                this, [this, total] { Q_EMIT progress(total); }, Qt::QueuedConnection);
            return !m_cancel.load();
        });
        QMetaObject::invokeMethod(
            this, [this, out = std::move(out)] { finish(out); }, Qt::QueuedConnection);
    });
    m_thread->setParent(this);
    m_thread->start();
}

void SeedImport::finish(const QList<ImportOutcome>& outcomes) {
    m_thread->wait();
    QStringList failures;
    for (const ImportOutcome& o : outcomes)
        if (o.state == ImportOutcome::State::Failed)
            failures << o.message;
    if (outcomes.size() < m_files.size() && failures.isEmpty())
        failures << tr("导入已取消");
    m_failures = failures.join(QLatin1Char('\n'));
    m_done = true;
    m_wb.reload();
    Q_EMIT progress(100);
    Q_EMIT done();
}

void SeedImport::waitForDone() {
    if (m_done)
        return;
    QEventLoop loop;
    connect(this, &SeedImport::done, &loop, &QEventLoop::quit);
    if (!m_done)
        loop.exec();
}

} // namespace pc::ui
