// The main window.
#include "mainwindow.h"

#include <QApplication>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableWidget>

namespace pc::ui {

MainWindow::MainWindow(const Manifest& manifest, QWidget* parent)
    : QMainWindow(parent)
    , m_manifest(manifest)
{
    setWindowTitle(tr("PlanCompare 营商环境政策对比"));

    auto* table = new QTableWidget(int(m_manifest.entries.size()), 6, this);
    table->setHorizontalHeaderLabels({tr("辖区"), tr("层级"), tr("年份"), tr("文号"), tr("印发日期"), tr("标题")});
    for (int row = 0; row < m_manifest.entries.size(); ++row) {
        const ManifestEntry& e = m_manifest.entries.at(row);
        const QStringList cells{e.jurisdiction,
                                e.level == QLatin1String("municipal") ? tr("市级") : tr("区县"),
                                QString::number(e.year),
                                e.docNumber,
                                e.issuedOn,
                                e.title};
        for (int col = 0; col < cells.size(); ++col)
            table->setItem(row, col, new QTableWidgetItem(cells.at(col)));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnsToContents();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    setCentralWidget(table);

    QMenu* file = menuBar()->addMenu(tr("文件(&F)"));
    file->addAction(tr("退出(&Q)"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* help = menuBar()->addMenu(tr("帮助(&H)"));
    help->addAction(tr("关于 PlanCompare(&A)"), this, &MainWindow::showAbout);
    statusBar()->showMessage(tr("已载入 %1 份规划").arg(m_manifest.entries.size()));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("关于 PlanCompare"),
                       tr("<h3>PlanCompare 营商环境政策对比</h3><p>版本 %1</p>"
                          "<p>比较重庆市及各区县营商环境方案中各项指标的目标设定，每个数字都可追溯到原文。</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace pc::ui
