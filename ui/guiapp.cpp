// Start-up of the desktop application: fonts, language, database (built from the seeds on first
// start), main window, or an offscreen screenshot of one view.
#include "guiapp.h"

#include "store/dialect.h"

#include "app/appidentity.h"
#include "app/databaseswitcher.h"
#include "app/plansetmemory.h"
#include "app/pngwriter.h"
#include "app/seedimport.h"
#include "app/settingsdialog.h"
#include "app/uilanguage.h"
#include "app/workbench.h"
#include "common/datapaths.h"
#include "data/databasedata.h"
#include "mainwindow.h"
#include "views/chartview.h"
#include "views/comparisonview.h"
#include "views/matrixview.h"
#include "views/readerview.h"

#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTextStream>
#include <QTranslator>

namespace pc::ui {

void applyChineseFont() {
    QFont f = QApplication::font();
    f.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"),
                   QStringLiteral("WenQuanYi Micro Hei")});
    QApplication::setFont(f);
}

bool installTranslation(const QString& language) {
    // The translator installed by the previous call; replaced, so the language can change while the
    // application runs (installing and removing translators sends QEvent::LanguageChange to every
    // window, and the views retranslate themselves).
    static QPointer<QTranslator> current;
    auto* next = new QTranslator(qApp);
    const bool english = language == QLatin1String("en");
    if (english) {
        if (!next->load(QStringLiteral(":/i18n/plancompare_en.qm"))) {
            delete next;
            return false;
        }
    } else if (!next->load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"),
                           QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        // Chinese is the source language; Qt's own dialogs (buttons, print preview) in Chinese if available.
        delete next;
        next = nullptr;
    }
    // Data names follow the flag, so it is set before the LanguageChange events are delivered.
    setInterfaceLanguage(english ? Language::English : Language::Chinese);
    QLocale::setDefault(english ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale::system());
    if (current) {
        QCoreApplication::removeTranslator(current);
        delete current;
    }
    current = next;
    if (next)
        QCoreApplication::installTranslator(next);
    else // nothing installed: still tell the windows that the language changed
        QCoreApplication::postEvent(qApp, new QEvent(QEvent::LanguageChange));
    return true;
}

namespace {

// The indicator shown when nothing was chosen: the one most plans set a number for.
QString defaultIndicator(Workbench& wb) {
    QString best;
    int bestPlans = 0;
    for (const Indicator& ind : wb.data().indicators()) {
        QSet<QString> plans;
        for (const ComparisonRow& r : wb.snapshot().rows.value(ind.id))
            if (r.value)
                plans.insert(r.docId);
        if (int(plans.size()) > bestPlans) {
            bestPlans = int(plans.size());
            best = ind.id;
        }
    }
    return best;
}

// The seed import's progress in the status bar; when it is done, the default indicator (unless one
// was chosen meanwhile) and a warning if files failed.
void showSeedProgress(MainWindow& window, Workbench& wb, SeedImport& seeding, bool chooseIndicator) {
    auto* label = new QLabel(QObject::tr("正在从内置规划建立数据库…"), &window);
    auto* bar = new QProgressBar(&window);
    bar->setRange(0, 100);
    bar->setMaximumWidth(200);
    window.statusBar()->addWidget(label);
    window.statusBar()->addWidget(bar);
    QObject::connect(&seeding, &SeedImport::progress, bar, &QProgressBar::setValue);
    QObject::connect(
        &seeding, &SeedImport::done, &window, [&window, &wb, &seeding, label, bar, chooseIndicator] {
            label->deleteLater();
            bar->deleteLater();
            if (chooseIndicator && wb.currentIndicator().isEmpty())
                wb.setCurrentIndicator(defaultIndicator(wb));
            if (!seeding.failures().isEmpty())
                QMessageBox::warning(&window, QStringLiteral("PlanCompare"),
                                     QObject::tr("无法从内置规划建立数据库：\n%1").arg(seeding.failures()));
            else
                window.statusBar()->showMessage(
                    QObject::tr("已从内置规划建立数据库（%1 份规划）").arg(seeding.fileCount()), 8000);
        });
}

// The screenshot is rendered once, by grab(): the window is shown (so it is laid out and polished as
// on screen) but never painted into its backing store, which nothing would read (that paint cost as
// much as the grab).
class SkipBackingStorePaint : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override {
        return event->type() == QEvent::UpdateRequest || QObject::eventFilter(watched, event);
    }
};

} // namespace

int runGui(QApplication& app, const GuiOptions& options) {
    Q_UNUSED(app);
    applyApplicationIdentity();
    applyChineseFont();
    const QString language = options.language.isEmpty() ? SettingsDialog::language() : options.language;
    QTextStream err(stderr);
    if (!installTranslation(language))
        err << "plancompare: no translation for '" << language << "', using Chinese\n";
    const bool headless = !options.screenshotPath.isEmpty();

    auto fail = [&](const QString& message) {
        err << "plancompare: " << message << "\n";
        if (!headless)
            QMessageBox::critical(nullptr, QStringLiteral("PlanCompare"), message);
        return 1;
    };
    if (headless && !options.view.isEmpty() && !MainWindow::viewNames().contains(options.view))
        return fail(QStringLiteral("unknown view '%1' (use %2)")
                        .arg(options.view, MainWindow::viewNames().join(QStringLiteral(", "))));

    // A team database (postgresql://…) lives on its server; a new, empty one is filled from the seeds.
    const bool team = store::isPostgresUri(options.dbPath);
    const Status writable = team ? okStatus() : ensureWritableParent(options.dbPath);
    if (!writable)
        return fail(writable.errorMessage());
    bool fresh = !team && !QFileInfo::exists(options.dbPath) && !options.readOnly;
    Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(options.dbPath, options.readOnly);
    if (!data)
        return fail(data.errorMessage());
    if (team && !data.value()->readOnly()) {
        const Result<QList<PlanInfo>> plans = data.value()->plans();
        fresh = plans && plans->isEmpty();
    }
    QStringList seeds;
    if (fresh) {
        const Result<QStringList> files = seedFiles();
        if (!files && headless)
            return fail(files.errorMessage()); // a screenshot of an empty workbench would hide the problem
        if (!files)
            QMessageBox::warning(nullptr, QStringLiteral("PlanCompare"),
                                 QObject::tr("无法从内置规划建立数据库：\n%1").arg(files.errorMessage()));
        else
            seeds = files.value();
    }

    if (!options.plans.isEmpty()) {
        const PlanSelection selection = PlanSelection::fromKey(options.plans);
        if (selection.key() != options.plans)
            return fail(QStringLiteral("unknown plan set '%1' (use latest, all, year:YYYY or set:NAME)")
                            .arg(options.plans));
    }
    // First start: the seeds are imported on a worker thread while the window is built and shown
    // (empty views at first, filled when the import is done). Declared before the window's owner and
    // reset before it goes: the import holds the workbench.
    std::unique_ptr<SeedImport> seeding;
    if (!headless) {
        // The window lives in a DatabaseSwitcher: File ▸ Connect to a team database… replaces it (and
        // the database under it) without restarting. `prepare` readies every window it builds.
        QString failure;
        bool first = true;
        DatabaseSwitcher switcher(std::move(data.value()), [&](Workbench& wb, MainWindow& window) {
            if (first && !seeds.isEmpty()) {
                seeding = std::make_unique<SeedImport>(wb, seeds);
                seeding->start();
            }
            if (first && !options.plans.isEmpty())
                wb.data().setPlanSelection(PlanSelection::fromKey(options.plans));
            if (first && !options.chart.isEmpty() && !window.chartView()->setKind(options.chart))
                failure = QStringLiteral("unknown chart '%1' (use plans, bars, distribution, trend)")
                              .arg(options.chart);
            window.restoreSettings();
            QString indicator = first ? options.indicator : QString();
            if (indicator.isEmpty())
                indicator = wb.currentIndicator();
            if (indicator.isEmpty() || !wb.data().findIndicator(indicator))
                indicator = first && !options.indicator.isEmpty() ? options.indicator : defaultIndicator(wb);
            if (first && !indicator.isEmpty() && !wb.data().findIndicator(indicator))
                failure = QStringLiteral("unknown indicator '%1'").arg(indicator);
            wb.setCurrentIndicator(indicator);
            if (first && !options.view.isEmpty())
                window.setView(options.view);
            if (QSettings().value(QStringLiteral("window/geometry")).isNull())
                window.resize(1440, 900);
            if (first && seeding && !seeding->isDone())
                showSeedProgress(window, wb, *seeding, options.indicator.isEmpty() && indicator.isEmpty());
            first = false;
        });
        // Another database replaces this one: a first start's import still running is cancelled after
        // the file it is storing (and waited for) before the workbench it fills goes.
        QObject::connect(&switcher, &DatabaseSwitcher::aboutToSwitch, &switcher,
                         [&seeding] { seeding.reset(); });
        int code = 1;
        if (!failure.isEmpty()) {
            fail(failure);
        } else {
            switcher.window()->show();
            code = QApplication::exec();
        }
        seeding.reset();
        return code;
    }

    Workbench wb(*data.value());
    if (!seeds.isEmpty()) {
        seeding = std::make_unique<SeedImport>(wb, seeds);
        seeding->start();
    }
    if (!options.plans.isEmpty())
        wb.data().setPlanSelection(PlanSelection::fromKey(options.plans));
    // A screenshot shows the finished view: it waits for the import before the window is built (a
    // window built empty and then reloaded would cost a second build).
    if (seeding) {
        seeding->waitForDone();
        if (!seeding->failures().isEmpty())
            return fail(seeding->failures());
    }
    MainWindow window(wb);
    if (!options.chart.isEmpty() && !window.chartView()->setKind(options.chart))
        return fail(
            QStringLiteral("unknown chart '%1' (use plans, bars, distribution, trend)").arg(options.chart));
    QString indicator = options.indicator;
    if (indicator.isEmpty())
        indicator = defaultIndicator(wb);
    if (!indicator.isEmpty() && !wb.data().findIndicator(indicator))
        return fail(QStringLiteral("unknown indicator '%1'").arg(indicator));
    wb.setCurrentIndicator(indicator);
    if (!options.view.isEmpty())
        window.setView(options.view);

    if (headless) {
        window.resize(1440, 900);
        window.setAttribute(Qt::WA_DontShowOnScreen);
        SkipBackingStorePaint skipPaint;
        window.installEventFilter(&skipPaint);
        window.show();
        QApplication::processEvents();
        if (options.view == QLatin1String("reader") || options.view == QLatin1String("compare")) {
            // Show a real passage: the first target of the indicator, selected in the comparison.
            QTableView* table = window.comparisonView()->table();
            if (table->model()->rowCount() > 0)
                table->selectRow(0);
            QApplication::processEvents();
        }
        if (options.view == QLatin1String("matrix") && options.indicator.isEmpty())
            window.matrixView()->table()->scrollToTop();
        QApplication::processEvents();
        const QImage image = window.grab().toImage();
        // Unfiltered rows, zlib level 1: half the CPU of QImageWriter's fastest PNG (6 % of a first
        // start), a file of about the same size.
        if (const Status written = writeFastPng(image, options.screenshotPath); !written)
            return fail(QStringLiteral("cannot write the screenshot: %1").arg(written.errorMessage()));
        return 0;
    }
    return 0;
}

} // namespace pc::ui
