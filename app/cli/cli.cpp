// Command table and option helpers for plancompare-cli.
#include "cli.h"

namespace pc::cli {

namespace {
QList<Command>& table() {
    static QList<Command> t;
    return t;
}
} // namespace

bool registerCommand(Command c) {
    table().append(std::move(c));
    return true;
}

const QList<Command>& commands() {
    return table();
}

bool takeFlag(QStringList& args, const QString& flag) {
    return args.removeAll(flag) > 0;
}

QString takeOption(QStringList& args, const QString& name, bool* present) {
    if (present)
        *present = false;
    const QString eq = name + QLatin1Char('=');
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == name) {
            if (present)
                *present = true;
            if (i + 1 < args.size()) {
                const QString v = args[i + 1];
                args.remove(i, 2);
                return v;
            }
            args.removeAt(i);
            return {};
        }
        if (args[i].startsWith(eq)) {
            if (present)
                *present = true;
            const QString v = args[i].mid(eq.size());
            args.removeAt(i);
            return v;
        }
    }
    return {};
}

bool rejectUnknownOptions(Context& ctx, const QString& command) {
    for (const QString& a : ctx.args) {
        if (a.startsWith(QLatin1String("--"))) {
            ctx.err << "plancompare-cli " << command << ": unknown option " << a << "\n";
            return true;
        }
    }
    return false;
}

bool takePlanSelection(Context& ctx, const QString& command, PlanSelection& selection,
                       PlanSelection fallback) {
    int given = 0;
    selection = fallback;
    if (takeFlag(ctx.args, QStringLiteral("--latest"))) {
        selection = PlanSelection::latest();
        ++given;
    }
    if (takeFlag(ctx.args, QStringLiteral("--all"))) {
        selection = PlanSelection::all();
        ++given;
    }
    bool yearGiven = false;
    const QString year = takeOption(ctx.args, QStringLiteral("--year"), &yearGiven);
    if (yearGiven) {
        bool ok = false;
        const int y = year.toInt(&ok);
        if (!ok || y < 1949 || y > 2100) {
            ctx.err << "plancompare-cli " << command << ": --year needs a year such as 2021, not '" << year
                    << "'\n";
            return false;
        }
        selection = PlanSelection::ofYear(y);
        ++given;
    }
    bool setGiven = false;
    const QString set = takeOption(ctx.args, QStringLiteral("--set"), &setGiven);
    if (setGiven) {
        if (set.trimmed().isEmpty()) {
            ctx.err << "plancompare-cli " << command << ": --set needs the NAME of a saved plan set\n";
            return false;
        }
        selection = PlanSelection::named(set);
        ++given;
    }
    if (given > 1) {
        ctx.err << "plancompare-cli " << command << ": give one of --latest, --year, --all, --set\n";
        return false;
    }
    return true;
}

} // namespace pc::cli
