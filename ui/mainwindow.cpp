// The main window.
#include "mainwindow.h"

#include "app/appidentity.h"
#include "app/importdialog.h"
#include "app/readonlymode.h"
#include "app/settingsdialog.h"
#include "app/uilanguage.h"
#include "app/workbench.h"
#include "export/exporter.h"
#include "report/reportdocument.h"
#include "views/chartview.h"
#include "views/comparisonview.h"
#include "views/diffusionview.h"
#include "views/matrixview.h"
#include "views/measuresview.h"
#include "views/navigatordock.h"
#include "views/plansetchooser.h"
#include "views/readerview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextDocument>
#include <QThread>
#include <QToolBar>
#include <QUndoStack>

namespace pc::ui {

MainWindow::MainWindow(Workbench& workbench, QWidget* parent)
    : QMainWindow(parent)
    , m_wb(workbench)
    , m_tabs(new QTabWidget(this))
    , m_navigator(new NavigatorDock(workbench, this))
    , m_matrix(new MatrixView(workbench, this))
    , m_comparison(new ComparisonView(workbench, this))
    , m_chart(new ChartView(workbench, this))
    , m_measures(new MeasuresView(workbench, this))
    , m_reader(new ReaderView(workbench, this))
    , m_diffusion(new DiffusionView(workbench, this))
    , m_dbLabel(new QLabel(this))
    , m_readOnlyLabel(createReadOnlyLabel(workbench.data(), this))
    , m_planSets(new PlanSetChooser(workbench, this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(applicationIcon());
    m_tabs->setDocumentMode(true);
    for (QWidget* view : {static_cast<QWidget*>(m_matrix), static_cast<QWidget*>(m_comparison),
                          static_cast<QWidget*>(m_chart), static_cast<QWidget*>(m_measures),
                          static_cast<QWidget*>(m_reader), static_cast<QWidget*>(m_diffusion)})
        m_tabs->addTab(view, QString());
    setCentralWidget(m_tabs);
    addDockWidget(Qt::LeftDockWidgetArea, m_navigator);
    auto* planBar = addToolBar(QStringLiteral("plans"));
    planBar->setObjectName(QStringLiteral("planSetBar"));
    planBar->setMovable(false);
    planBar->addWidget(m_planSets);
    // The dock would start at its contents' minimum (names elided to one character); resizeDocks()
    // has no effect before the window's first layout, so the navigator asks for a readable width.
    m_navigator->setMinimumWidth(240);
    setAcceptDrops(true);
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_dbLabel);
    retranslate();
    connect(&m_wb, &Workbench::statusMessage, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(&m_wb, &Workbench::viewRequested, this, [this](const QString& v) { setView(v); });
    connect(&m_wb, &Workbench::indicatorChanged, this, &MainWindow::updateTitle);
    connect(&m_wb, &Workbench::dataReloaded, this, &MainWindow::showCounts);
    // A correction refused because someone else changed the target: their value, who and when, in a
    // box that does not block (the views have already reloaded to show it).
    connect(m_wb.corrections(), &Corrections::conflicted, this, [this](const QString& message) {
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("目标已被他人修改"), message, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("conflictBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

// Everything the window itself names; the views and the navigator retranslate on their own.
void MainWindow::retranslate() {
    const QStringList labels{tr("矩阵"), tr("对比"), tr("图表"), tr("措施"), tr("阅读"), tr("传导")};
    for (int i = 0; i < labels.size() && i < m_tabs->count(); ++i)
        m_tabs->setTabText(i, labels.at(i));
    qDeleteAll(m_menuObjects);
    m_menuObjects.clear();
    menuBar()->clear();
    createMenus();
    m_dbLabel->setText(tr("数据库：%1").arg(m_wb.data().location()));
    m_readOnlyLabel->setText(readOnlyMarker());
    showCounts();
    updateTitle();
}

// The plans and targets the views show (again after every reload: the first start fills an empty
// database while the window is open).
void MainWindow::showCounts() {
    const Snapshot& snap = m_wb.snapshot();
    int targets = 0;
    for (const auto& rows : snap.rows)
        targets += int(rows.size());
    statusBar()->showMessage(tr("%1 份规划，%2 个指标有目标，共 %3 个目标")
                                 .arg(snap.plans.size())
                                 .arg(snap.rows.size())
                                 .arg(targets));
    if (!snap.error.isEmpty())
        statusBar()->showMessage(snap.error);
}

ComparisonView* MainWindow::comparisonView() const {
    m_comparison->ensureCurrent();
    return m_comparison;
}

ChartView* MainWindow::chartView() const {
    m_chart->ensureCurrent();
    return m_chart;
}

MeasuresView* MainWindow::measuresView() const {
    m_measures->ensureCurrent();
    return m_measures;
}

ReaderView* MainWindow::readerView() const {
    m_reader->ensureCurrent();
    return m_reader;
}

QStringList MainWindow::viewNames() {
    return {QStringLiteral("matrix"),   QStringLiteral("compare"), QStringLiteral("chart"),
            QStringLiteral("measures"), QStringLiteral("reader"),  QStringLiteral("diffusion")};
}

bool MainWindow::setView(const QString& name) {
    const qsizetype i = viewNames().indexOf(name);
    if (i < 0)
        return false;
    m_tabs->setCurrentIndex(int(i));
    return true;
}

QString MainWindow::currentView() const {
    return viewNames().value(m_tabs->currentIndex());
}

void MainWindow::updateTitle() {
    const QString ind = m_wb.currentIndicator();
    const QString title = ind.isEmpty() ? tr("PlanCompare 营商环境政策对比")
                                        : tr("%1 — PlanCompare 营商环境政策对比")
                                              .arg(m_wb.data().indicatorName(ind, interfaceLanguage()));
    setWindowTitle(m_wb.data().readOnly() ? QStringLiteral("%1 [%2]").arg(title, readOnlyMarker()) : title);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("文件(&F)"));
    m_menuObjects << file;
    guardWrite(file->addAction(tr("导入规划(&I)…"), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                               &MainWindow::importPlans),
               m_wb.data())
        ->setObjectName(QStringLiteral("importAction"));
    file->addAction(tr("连接团队数据库(&T)…"), this, &MainWindow::connectRequested)
        ->setObjectName(QStringLiteral("connectAction"));
    m_compactAction = file->addAction(tr("压缩数据库(&K)…"), this, &MainWindow::compactDatabase);
    m_compactAction->setObjectName(QStringLiteral("compactAction"));
    // What compacting would give back, read when the menu opens (the file changes under it).
    connect(file, &QMenu::aboutToShow, this, &MainWindow::updateCompactAction);
    updateCompactAction();
    file->addSeparator();
    file->addAction(tr("导出图表(&E)…"), QKeySequence(Qt::CTRL | Qt::Key_E), m_chart,
                    &ChartView::exportChart);
    file->addAction(tr("打印指标报告(&P)…"), QKeySequence::Print, this, [this] { printReport(false); });
    file->addAction(tr("打印领域报告(&A)…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this,
                    [this] { printReport(true); });
    file->addAction(tr("导出指标报告(&R)…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                    [this] { exportReport(false); });
    file->addAction(tr("导出领域报告…"), this, [this] { exportReport(true); });
    file->addAction(tr("导出数据表(&D)…"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                    &MainWindow::exportTables);
    file->addSeparator();
    file->addAction(tr("退出(&Q)"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("编辑(&E)"));
    QAction* undo = m_wb.corrections()->undoStack()->createUndoAction(this, tr("撤销"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_wb.corrections()->undoStack()->createRedoAction(this, tr("重做"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    m_menuObjects << edit << undo << redo;
    edit->addSeparator();
    guardWrite(edit->addAction(tr("标记为非目标(&N)"), QKeySequence(Qt::CTRL | Qt::Key_Delete), m_comparison,
                               &ComparisonView::markSelectedNotTarget),
               m_wb.data());
    guardWrite(edit->addAction(tr("更改指标(&C)…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                               m_comparison, &ComparisonView::changeSelectedIndicator),
               m_wb.data());
    guardWrite(edit->addAction(tr("将所选文字添加为目标(&A)…"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), m_reader,
                               &ReaderView::addTargetFromSelection),
               m_wb.data());
    file->setToolTipsVisible(true);
    edit->setToolTipsVisible(true);
    edit->addSeparator();
    edit->addAction(tr("查找措施(&F)"), QKeySequence::Find, this, [this] {
        setView(QStringLiteral("measures"));
        m_measures->searchBox()->setFocus();
        m_measures->searchBox()->selectAll();
    });
    edit->addAction(tr("设置(&S)…"), QKeySequence::Preferences, this, &MainWindow::showSettings);

    QMenu* view = menuBar()->addMenu(tr("视图(&V)"));
    m_menuObjects << view;
    const QStringList labels{tr("矩阵"), tr("对比"), tr("图表"), tr("措施"), tr("阅读"), tr("传导")};
    for (int i = 0; i < labels.size(); ++i)
        view->addAction(labels.at(i), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)), this,
                        [this, i] { m_tabs->setCurrentIndex(i); });
    view->addSeparator();
    view->addAction(m_navigator->toggleViewAction());
    m_navigator->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addAction(tr("在阅读器中显示所选目标(&R)"), QKeySequence(Qt::CTRL | Qt::Key_R), m_comparison,
                    &ComparisonView::showSelectedInReader);

    QMenu* help = menuBar()->addMenu(tr("帮助(&H)"));
    m_menuObjects << help;
    help->addAction(tr("关于 PlanCompare(&A)"), this, &MainWindow::showAbout);
    help->addAction(tr("关于 Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::printReport(bool area) {
    ReportBuilder builder(m_wb.data(), {}, interfaceLanguage());
    const Result<ReportDocument> doc =
        area ? builder.areaReport(m_wb.currentArea()) : builder.indicatorReport(m_wb.currentIndicator());
    if (!doc) {
        QMessageBox::information(
            this, tr("打印报告"),
            tr("请先在导航中选择%1。\n%2").arg(area ? tr("领域") : tr("指标"), doc.errorMessage()));
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    printer.setDocName(doc->title);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(doc->title);
    preview.resize(900, 1000);
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [&doc](QPrinter* p) { doc->print(*p); });
    preview.exec();
}

void MainWindow::exportReport(bool area) {
    ReportBuilder builder(m_wb.data(), {}, interfaceLanguage());
    const QString id = area ? m_wb.currentArea() : m_wb.currentIndicator();
    const Result<ReportDocument> doc = area ? builder.areaReport(id) : builder.indicatorReport(id);
    if (!doc) {
        QMessageBox::information(this, tr("导出报告"), doc.errorMessage());
        return;
    }
    QSettings s;
    const QString path = QFileDialog::getSaveFileName(this, tr("导出报告"),
                                                      s.value(QStringLiteral("export/dir")).toString() +
                                                          QLatin1Char('/') + id + QStringLiteral(".pdf"),
                                                      tr("PDF (*.pdf);;HTML (*.html)"));
    if (path.isEmpty())
        return;
    s.setValue(QStringLiteral("export/dir"), QFileInfo(path).absolutePath());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status st = doc->write(path);
    QApplication::restoreOverrideCursor();
    if (!st)
        QMessageBox::warning(this, tr("导出报告"), st.errorMessage());
    else
        statusBar()->showMessage(tr("报告已导出到 %1").arg(path), 8000);
}

// The current indicator's tables (documents, measures, its targets, the comparison) as CSV, XLSX
// or JSON — the files `plancompare-cli export --indicator ID` writes, formula cells defused.
void MainWindow::exportTables() {
    const QString id = m_wb.currentIndicator();
    QStringList filters;
    QStringList formats;
    for (const Exporter* e : exporters()) {
        filters << e->nameFilter();
        formats << e->shortName();
    }
    QSettings s;
    QString selected = filters.value(formats.indexOf(QStringLiteral("xlsx")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("导出数据表"),
        s.value(QStringLiteral("export/dir")).toString() + QLatin1Char('/') +
            (id.isEmpty() ? QStringLiteral("plancompare") : id) + QStringLiteral(".xlsx"),
        filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    s.setValue(QStringLiteral("export/dir"), QFileInfo(path).absolutePath());
    // The file's suffix decides when it names a format, else the chosen filter.
    QString format = QFileInfo(path).suffix().toLower();
    if (!formats.contains(format))
        format = formats.value(filters.indexOf(selected), QStringLiteral("xlsx"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status st = m_wb.data().exportTables(format, path, id, QString());
    QApplication::restoreOverrideCursor();
    if (!st)
        QMessageBox::warning(this, tr("导出数据表"), st.errorMessage());
    else
        statusBar()->showMessage(tr("数据表已导出到 %1").arg(path), 8000);
}

void MainWindow::importPlans() {
    QSettings s;
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("导入规划"), s.value(QStringLiteral("import/dir")).toString(),
                                      tr("规划文件 (*.txt *.pdf *.docx *.html *.htm);;所有文件 (*)"));
    if (paths.isEmpty())
        return;
    s.setValue(QStringLiteral("import/dir"), QFileInfo(paths.first()).absolutePath());
    importFiles(paths);
}

void MainWindow::importFiles(const QStringList& paths) {
    if (m_wb.data().readOnly()) { // drops and the menu's shortcut end here too
        statusBar()->showMessage(readOnlyMessage(m_wb.data()), 8000);
        return;
    }
    auto* dlg = new ImportDialog(m_wb.data(), paths, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &ImportDialog::finished, &m_wb, &Workbench::reload);
    dlg->show();
    dlg->start();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        importFiles(paths);
    }
}

void MainWindow::showSettings() {
    SettingsDialog dlg(this);
    dlg.exec();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("关于 PlanCompare"),
        tr("<h3>PlanCompare 营商环境政策对比</h3><p>版本 %1（Qt %2）</p>"
           "<p>比较重庆市及各区县营商环境方案中各项指标的目标设定，每个数字都可追溯到原文。</p>"
           "<p>数据库：%3</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                 m_wb.data().location()));
}

void MainWindow::restoreSettings() {
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    const QString indicator = s.value(QStringLiteral("window/indicator")).toString();
    if (!indicator.isEmpty())
        m_wb.setCurrentIndicator(indicator);
    setView(s.value(QStringLiteral("window/view"), QStringLiteral("matrix")).toString());
}

MainWindow::~MainWindow() {
    if (m_compactThread) {
        m_compactThread->wait(); // VACUUM cannot be interrupted half-way; it ends on its own
        delete m_compactThread;
    }
}

namespace {

QString dataSize(qint64 bytes) {
    return QLocale::system().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

bool MainWindow::isCompacting() const {
    return m_compactThread != nullptr;
}

void MainWindow::updateCompactAction() {
    if (!m_compactAction)
        return;
    WorkbenchData& data = m_wb.data();
    QString tip;
    if (data.readOnly()) {
        tip = readOnlyMessage(data);
    } else if (!data.canCompact()) {
        tip = tr("团队数据库由服务器自行回收空间，无需压缩");
    } else if (isCompacting()) {
        tip = tr("正在压缩…");
    } else {
        const Result<qint64> free = data.freeBytes();
        tip = free ? tr("把已删除或已替换的数据占用的空间还给磁盘：可释放约 %1").arg(dataSize(*free))
                   : free.errorMessage();
    }
    m_compactAction->setEnabled(data.canCompact() && !isCompacting());
    m_compactAction->setToolTip(tip);
    m_compactAction->setStatusTip(tip);
}

void MainWindow::compactDatabase() {
    WorkbenchData& data = m_wb.data();
    if (isCompacting())
        return;
    if (!data.canCompact()) {
        updateCompactAction();
        statusBar()->showMessage(m_compactAction ? m_compactAction->toolTip() : QString(), 8000);
        return;
    }
    auto* busy = new QProgressDialog(tr("正在压缩数据库 %1…").arg(data.location()), QString(), 0, 0, this);
    busy->setObjectName(QStringLiteral("compactProgress"));
    busy->setWindowTitle(tr("压缩数据库"));
    busy->setWindowModality(Qt::WindowModal);
    busy->setCancelButton(nullptr); // VACUUM runs to its end or not at all
    busy->setMinimumDuration(0);
    busy->setAttribute(Qt::WA_DeleteOnClose);
    busy->show();
    m_compactThread = QThread::create([this, &data] {
        Result<std::pair<qint64, qint64>> sizes = data.compactDatabase();
        QMetaObject::invokeMethod(
            this, [this, sizes = std::move(sizes)] { compacted(sizes); }, Qt::QueuedConnection);
    });
    m_compactThread->start();
    updateCompactAction();
}

void MainWindow::compacted(const Result<std::pair<qint64, qint64>>& sizes) {
    m_compactThread->wait();
    delete m_compactThread;
    m_compactThread = nullptr;
    if (auto* busy = findChild<QProgressDialog*>(QStringLiteral("compactProgress")))
        busy->close();
    updateCompactAction();
    QMessageBox* box = nullptr;
    if (sizes) {
        const QString text = tr("已压缩 %1：%2 → %3，释放 %4。")
                                 .arg(m_wb.data().location(), dataSize(sizes->first), dataSize(sizes->second),
                                      dataSize(std::max<qint64>(0, sizes->first - sizes->second)));
        statusBar()->showMessage(text, 8000);
        box = new QMessageBox(QMessageBox::Information, tr("压缩数据库"), text, QMessageBox::Ok, this);
    } else {
        box = new QMessageBox(QMessageBox::Warning, tr("压缩数据库"),
                              tr("未能压缩数据库：%1").arg(sizes.errorMessage()), QMessageBox::Ok, this);
    }
    box->setObjectName(QStringLiteral("compactBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/view"), currentView());
    s.setValue(QStringLiteral("window/indicator"), m_wb.currentIndicator());
    QMainWindow::closeEvent(event);
}

} // namespace pc::ui
