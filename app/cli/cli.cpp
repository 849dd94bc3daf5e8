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

} // namespace pc::cli
