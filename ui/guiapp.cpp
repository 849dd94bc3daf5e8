// Start-up of the desktop application: fonts, language, database (built from the seeds on first
// start), main window, or an offscreen screenshot of one view.
#include "guiapp.h"

#include "store/dialect.h"

#include "app/appidentity.h"
#include "app/databaseswitcher.h"
#include "app/plansetmemory.h"
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
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QTableView>
#include <QTextStream>
#include <QThread>
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

// First start: import the seed plans, on a worker thread with a progress dialog unless headless.
Status buildFromSeeds(WorkbenchData& data, bool headless) {
    const Result<QStringList> seeds = seedFiles();
    if (!seeds)
        return seeds.error();
    QList<ImportOutcome> outcomes;
    if (headless) {
        outcomes = data.importFiles(seeds.value(), {});
    } else {
        QProgressDialog progress(QObject::tr("正在从内置规划建立数据库…"), QObject::tr("取消"), 0,
                                 int(seeds->size()) * 100);
        progress.setWindowTitle(QStringLiteral("PlanCompare"));
        progress.setMinimumDuration(0);
        progress.setWindowModality(Qt::ApplicationModal);
        std::atomic_bool cancel{false};
        QThread* worker = QThread::create([&] {
            outcomes = data.importFiles(seeds.value(), [&](int file, int percent) {
                QMetaObject::invokeMethod(
                    &progress, [&progress, file, percent] { progress.setValue(file * 100 + percent); },
                    Qt::QueuedConnection);
                return !cancel.load();
            });
        });
        QObject::connect(&progress, &QProgressDialog::canceled, [&cancel] { cancel = true; });
        QEventLoop loop;
        QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
        worker->start();
        loop.exec();
        worker->wait();
        delete worker;
    }
    QStringList failures;
    for (const ImportOutcome& o : std::as_const(outcomes))
        if (o.state == ImportOutcome::State::Failed)
            failures << o.message;
    if (!failures.isEmpty())
        return Status::failure(failures.join(QLatin1Char('\n')));
    return okStatus();
}

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
    if (fresh) {
        const Status seeded = buildFromSeeds(*data.value(), headless);
        if (!seeded && headless)
            return fail(seeded.errorMessage()); // a screenshot of an empty workbench would hide the problem
        if (!seeded)
            QMessageBox::warning(nullptr, QStringLiteral("PlanCompare"),
                                 QObject::tr("无法从内置规划建立数据库：\n%1").arg(seeded.errorMessage()));
    }

    if (!options.plans.isEmpty()) {
        const PlanSelection selection = PlanSelection::fromKey(options.plans);
        if (selection.key() != options.plans)
            return fail(QStringLiteral("unknown plan set '%1' (use latest, all, year:YYYY or set:NAME)")
                            .arg(options.plans));
    }
    if (!headless) {
        // The window lives in a DatabaseSwitcher: File ▸ Connect to a team database… replaces it (and
        // the database under it) without restarting. `prepare` readies every window it builds.
        QString failure;
        bool first = true;
        DatabaseSwitcher switcher(std::move(data.value()), [&](Workbench& wb, MainWindow& window) {
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
            first = false;
        });
        if (!failure.isEmpty())
            return fail(failure);
        switcher.window()->show();
        return QApplication::exec();
    }

    Workbench wb(*data.value());
    if (!options.plans.isEmpty())
        wb.data().setPlanSelection(PlanSelection::fromKey(options.plans));
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
        if (image.isNull() || !image.save(options.screenshotPath, "PNG"))
            return fail(QStringLiteral("cannot write the screenshot %1").arg(options.screenshotPath));
        return 0;
    }
    return 0;
}

} // namespace pc::ui
