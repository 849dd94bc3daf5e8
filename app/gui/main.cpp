// plancompare: the desktop workbench. --screenshot renders a view offscreen and exits.
#include "common/datapaths.h"
#include "guiapp.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char** argv)
{
    // --screenshot must work without a display: pick the offscreen platform before Qt starts.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("plancompare"));
    QApplication::setOrganizationName(QStringLiteral("plancompare"));
    QApplication::setApplicationDisplayName(QStringLiteral("PlanCompare 营商环境政策对比"));
    QApplication::setApplicationVersion(QStringLiteral(PLANCOMPARE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PlanCompare — 营商环境政策对比"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the main window offscreen to FILE.png and exit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  QStringLiteral("View to show: matrix, compare, chart, measures, reader."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption indicator(QStringLiteral("indicator"), QStringLiteral("Indicator to show, e.g. wa.time."),
                                       QStringLiteral("ID"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Database file to use."), QStringLiteral("PATH"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: zh or en."),
                                  QStringLiteral("LANG"));
    parser.addOptions({screenshot, view, indicator, db, lang});
    parser.process(app);

    pc::ui::GuiOptions opts;
    opts.screenshotPath = parser.value(screenshot);
    opts.view = parser.value(view);
    opts.indicator = parser.value(indicator);
    opts.dbPath = parser.isSet(db) ? parser.value(db) : pc::defaultDatabasePath();
    opts.language = parser.value(lang);
    return pc::ui::runGui(app, opts);
}
