// Import dialog. The worker only calls WorkbenchData::importFiles; progress comes back queued.
#include "importdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMetaObject>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pc::ui {

ImportDialog::ImportDialog(WorkbenchData& data, const QStringList& paths, QWidget* parent)
    : QDialog(parent)
    , m_data(data)
    , m_paths(paths)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_results(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("导入规划"));
    resize(640, 360);
    m_progress->setRange(0, int(paths.size()) * 100);
    m_results->setHeaderLabels({tr("文件"), tr("结果"), tr("说明")});
    m_results->setRootIsDecorated(false);
    m_results->header()->setStretchLastSection(true);
    for (const QString& p : paths)
        new QTreeWidgetItem(m_results, {QFileInfo(p).fileName(), tr("等待"), QString()});
    m_results->resizeColumnToContents(0);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    m_label->setText(tr("正在导入 %n 个文件…", nullptr, int(paths.size())));
}

ImportDialog::~ImportDialog() {
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

bool ImportDialog::isRunning() const {
    return m_thread && m_thread->isRunning();
}

void ImportDialog::start() {
    if (m_thread)
        return;
    m_thread = QThread::create([this] {
        QList<ImportOutcome> out = m_data.importFiles(m_paths, [this](int file, int percent) {
            QMetaObject::invokeMethod(
                this, [this, file, percent] { onProgress(file, percent); }, Qt::QueuedConnection);
            return !m_cancel.load();
        });
        QMetaObject::invokeMethod(
            this,
            [this, out = std::move(out)] {
                m_outcomes = out;
                onDone();
            },
            Qt::QueuedConnection);
    });
    m_thread->setParent(this);
    m_thread->start();
}

void ImportDialog::onProgress(int fileIndex, int percent) {
    m_progress->setValue(fileIndex * 100 + percent);
    if (QTreeWidgetItem* item = m_results->topLevelItem(fileIndex); item && item->text(1) == tr("等待"))
        item->setText(1, tr("处理中"));
}

void ImportDialog::onDone() {
    m_thread->wait();
    int imported = 0, unchanged = 0, failed = 0;
    for (int i = 0; i < m_results->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_results->topLevelItem(i);
        const ImportOutcome* o = nullptr;
        for (const ImportOutcome& x : std::as_const(m_outcomes))
            if (x.path == m_paths.at(i))
                o = &x;
        if (!o) {
            item->setText(1, tr("已取消"));
            continue;
        }
        switch (o->state) {
        case ImportOutcome::State::Imported:
            item->setText(1, tr("已导入"));
            ++imported;
            break;
        case ImportOutcome::State::Unchanged:
            item->setText(1, tr("未变化"));
            ++unchanged;
            break;
        case ImportOutcome::State::Failed:
            item->setText(1, tr("失败"));
            item->setForeground(1, QColor(0xb0, 0x20, 0x20));
            ++failed;
            break;
        }
        item->setText(2, o->message);
        item->setToolTip(2, o->message);
    }
    m_progress->setValue(m_progress->maximum());
    m_label->setText(tr("完成：导入 %1，未变化 %2，失败 %3").arg(imported).arg(unchanged).arg(failed));
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    Q_EMIT finished();
}

void ImportDialog::reject() {
    if (isRunning()) {
        m_cancel = true;
        m_label->setText(tr("正在取消…"));
        return;
    }
    QDialog::reject();
}

} // namespace pc::ui
