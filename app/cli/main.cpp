// plancompare-cli: parse, extract, import, compare, search, export, chart and report without a display.
#include "cli.h"
#include "rendercommands.h"

#include "common/batchmemory.h"
#include "common/datapaths.h"

#ifdef PLANCOMPARE_CLI_RENDER
#include <QApplication>
#endif
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace pc::cli;

namespace {

void printHelp(QTextStream& out) {
    out << "Usage: plancompare-cli [--db PATH|URI] COMMAND [ARGS...]\n"
           "PlanCompare " PLANCOMPARE_VERSION
           " — compare the targets of business-environment (营商环境) plans.\n\n"
           "Commands:\n";
    QList<Command> cmds = commands();
    std::sort(cmds.begin(), cmds.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
    for (const Command& c : cmds)
        out << "  " << c.synopsis << "\n";
    out << "\nOptions:\n"
           "  --db PATH      database to use (default: "
        << pc::defaultDatabasePath()
        << ")\n"
           "  --db postgresql://USER@HOST:PORT/DBNAME\n"
           "                 a team database on PostgreSQL (password from ~/.pgpass or PGPASSWORD)\n"
           "  --lang en|zh   language of names in tables, charts and reports (default: from LANGUAGE,\n"
           "                 LC_ALL, LC_MESSAGES or LANG; Chinese unless they name English)\n"
           "  --help         this text\n"
           "  --version      print the version\n\n"
           "Exit status: 0 success, 1 bad input (the message names the file and the problem), 2 usage "
           "error.\n";
}

} // namespace

int main(int argc, char** argv) {
    // A command reads file after file: keep freed buffers for the next one (see batchmemory.h).
    pc::keepFreedMemoryForReuse();
    QString command;
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == QLatin1String("--db") || a == QLatin1String("--lang")) {
            ++i;
            continue;
        }
        if (!a.startsWith(QLatin1Char('-'))) {
            command = a;
            break;
        }
    }
    std::unique_ptr<QCoreApplication> app;
#ifdef PLANCOMPARE_CLI_RENDER
    // plancompare-cli-render: charts and reports need a QApplication (Qt Charts is widget-based);
    // they run offscreen so the CLI works without a display.
    if (isRenderCommand(command)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
#else
    // plancompare-cli links no GUI library: the commands that draw run in plancompare-cli-render.
    if (isRenderCommand(command))
        return execRenderer(argv);
    app = std::make_unique<QCoreApplication>(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("plancompare"));
    QCoreApplication::setOrganizationName(QStringLiteral("plancompare"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLANCOMPARE_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments().mid(1);

    bool dbGiven = false;
    QString db = takeOption(args, QStringLiteral("--db"), &dbGiven);
    if (dbGiven && db.isEmpty()) {
        err << "plancompare-cli: --db needs a PATH\n";
        return Usage;
    }
    bool readOnly = takeFlag(args, QStringLiteral("--read-only"));
    bool langGiven = false;
    QString lang = takeOption(args, QStringLiteral("--lang"), &langGiven);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h") ||
        args.first() == QLatin1String("help")) {
        printHelp(args.isEmpty() ? err : out);
        return args.isEmpty() ? Usage : Ok;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "plancompare-cli " << PLANCOMPARE_VERSION << "\n";
        return Ok;
    }
    const QString name = args.takeFirst();
    for (const Command& c : commands()) {
        if (c.name != name)
            continue;
        // --db may also follow the command.
        const QString after = takeOption(args, QStringLiteral("--db"), &dbGiven);
        if (!after.isEmpty())
            db = after;
        bool langAfter = false;
        const QString lang2 = takeOption(args, QStringLiteral("--lang"), &langAfter);
        if (langAfter) {
            lang = lang2;
            langGiven = true;
        }
        const std::optional<pc::Language> chosen = pc::naming::parseLanguage(lang);
        if (langGiven && (lang.size() != 2 || !chosen)) {
            err << "plancompare-cli: --lang must be en or zh, not '" << lang << "'\n";
            return Usage;
        }
        Context ctx{args, db.isEmpty() ? pc::defaultDatabasePath() : db, out, err};
        ctx.readOnly = readOnly || takeFlag(ctx.args, QStringLiteral("--read-only"));
        ctx.language = langGiven ? *chosen : pc::naming::languageFromEnvironment();
        ctx.languageGiven = langGiven;
        if (takeFlag(ctx.args, QStringLiteral("--help"))) {
            out << "usage: plancompare-cli " << c.synopsis << "\n";
            return Ok;
        }
        const int rc = c.run(ctx);
        out.flush();
        err.flush();
        return rc;
    }
    err << "plancompare-cli: unknown command '" << name << "'; see plancompare-cli --help\n";
    return Usage;
}
