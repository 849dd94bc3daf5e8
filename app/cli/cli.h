// Shared plumbing of plancompare-cli: the command table, option parsing and exit codes.
#pragma once

#include "compare/planselection.h"
#include "naming/naming.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace pc::cli {

// Exit codes of the CLI contract (GUIDE §2).
enum Exit { Ok = 0, BadInput = 1, Usage = 2 };

struct Context {
    QStringList args; // arguments after the command name
    QString dbPath;   // --db PATH, or the default database
    QTextStream& out;
    QTextStream& err;
    // Names in human-readable output (compare tables, charts, reports): --lang en|zh, else the
    // LANGUAGE/LC_ALL/LC_MESSAGES/LANG environment. Machine formats (CSV, JSON) never depend on it.
    Language language = Language::Chinese;
    bool languageGiven = false; // --lang was on the command line (export names only follow this)
    bool readOnly = false;      // --read-only: open the database without write access
};

struct Command {
    QString name;
    QString synopsis; // one line for --help
    std::function<int(Context&)> run;
};

// Registers a command; each cmd_*.cpp registers its own at static-init time.
bool registerCommand(Command c);
const QList<Command>& commands();

// Small option helpers over Context::args (consume what they read).
bool takeFlag(QStringList& args, const QString& flag);
// Returns the value of `--name VALUE` or `--name=VALUE`; sets `missing` if the flag is present without value.
QString takeOption(QStringList& args, const QString& name, bool* present = nullptr);
// Anything left that starts with "--" is an unknown option: prints a usage error.
bool rejectUnknownOptions(Context& ctx, const QString& command);
// The plan set of a command: --latest (the default), --year Y, --all or --set NAME (one of them).
// Prints a usage error and returns false for a bad year or more than one of them.
bool takePlanSelection(Context& ctx, const QString& command, PlanSelection& selection,
                       PlanSelection fallback = PlanSelection::latest());

} // namespace pc::cli
