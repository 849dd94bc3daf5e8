// plancompare: the desktop workbench. --screenshot renders a view offscreen and exits.
#include "common/datapaths.h"
#include "guiapp.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <initializer_list>

namespace {

struct Options {
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Render the main window offscreen to FILE.png and exit."),
                                  QStringLiteral("FILE")};
    QCommandLineOption view{
        QStringLiteral("view"),
        QStringLiteral("View to show: matrix, compare, chart, measures, reader, diffusion."),
        QStringLiteral("NAME")};
    QCommandLineOption indicator{QStringLiteral("indicator"),
                                 QStringLiteral("Indicator to show, e.g. wa.time."), QStringLiteral("ID")};
    QCommandLineOption db{
        QStringLiteral("db"),
        QStringLiteral("Database file, or a team database postgresql://USER@HOST:PORT/DBNAME."),
        QStringLiteral("PATH")};
    QCommandLineOption readOnly{QStringLiteral("read-only"),
                                QStringLiteral("Open the database read-only: browse and compare, no edits.")};
    QCommandLineOption lang{QStringLiteral("lang"), QStringLiteral("Interface language: zh or en."),
                            QStringLiteral("LANG")};
    QCommandLineOption plans{
        QStringLiteral("plans"),
        QStringLiteral("Plans to compare: latest (default), all, year:YYYY or set:NAME."),
        QStringLiteral("SET")};
    QCommandLineOption chart{QStringLiteral("chart"),
                             QStringLiteral("Chart in the chart view: plans, bars, distribution or trend."),
                             QStringLiteral("KIND")};
};

void setUp(QCommandLineParser& parser, const Options& o) {
    QCoreApplication::setApplicationName(QStringLiteral("plancompare"));
    QCoreApplication::setOrganizationName(QStringLiteral("plancompare"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLANCOMPARE_VERSION));
    parser.setApplicationDescription(QStringLiteral("PlanCompare — 营商环境政策对比"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({o.screenshot, o.view, o.indicator, o.db, o.readOnly, o.lang, o.plans, o.chart});
}

bool hasArg(int argc, char** argv, std::initializer_list<const char*> names) {
    for (int i = 1; i < argc; ++i) {
        for (const char* n : names) {
            if (qstrcmp(argv[i], n) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char** argv) {
    const Options o;
    // --help, --version and bad options need no display: answer them before a GUI platform is loaded.
    if (hasArg(argc, argv, {"--help", "-h", "-?", "--help-all", "--version", "-v"})) {
        QCoreApplication core(argc, argv);
        QCommandLineParser parser;
        setUp(parser, o);
        parser.process(core); // prints and exits
        return 0;
    }
    // --screenshot must work without a display: pick the offscreen platform before Qt starts.
    if (hasArg(argc, argv, {"--screenshot"}) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#ifdef Q_OS_LINUX
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        QTextStream(stderr) << "plancompare: no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                               "Start it in a desktop session, render a view with --screenshot FILE.png,\n"
                               "or use plancompare-cli, which needs no display.\n";
        return 1;
    }
#endif
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("PlanCompare 营商环境政策对比"));
    QCommandLineParser parser;
    setUp(parser, o);
    parser.process(app);

    pc::ui::GuiOptions opts;
    opts.screenshotPath = parser.value(o.screenshot);
    opts.view = parser.value(o.view);
    opts.indicator = parser.value(o.indicator);
    opts.dbPath = parser.isSet(o.db) ? parser.value(o.db) : pc::defaultDatabasePath();
    opts.readOnly = parser.isSet(o.readOnly);
    opts.language = parser.value(o.lang);
    opts.plans = parser.value(o.plans);
    opts.chart = parser.value(o.chart);
    return pc::ui::runGui(app, opts);
}
