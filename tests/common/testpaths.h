// Paths and helpers shared by the test suites.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <ostream>

// GoogleTest prints parameters and failed comparisons with this instead of a byte dump.
inline void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}

namespace pc::test {

inline QString seedsDir() {
    return QString::fromUtf8(PLANCOMPARE_TEST_SEEDS);
}
inline QString seedPath(const QString& stem) {
    return seedsDir() + QLatin1Char('/') + stem + QStringLiteral(".txt");
}
inline QString dataDir() {
    return QString::fromUtf8(PLANCOMPARE_TEST_DATA);
}
inline QString cliBin() {
    return QString::fromUtf8(PLANCOMPARE_CLI_BIN);
}
inline QString guiBin() {
    return QString::fromUtf8(PLANCOMPARE_GUI_BIN);
}

inline QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QString readSeed(const QString& stem) {
    return QString::fromUtf8(readAll(seedPath(stem)));
}

struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// Runs a program to completion (two minutes at most) with extra environment entries.
inline RunResult run(const QString& program, const QStringList& args, const QStringList& env = {}) {
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    // The programs' language follows the locale (plancompare-cli's names): the same outcome on every
    // machine unless a test asks for a locale itself.
    e.remove(QStringLiteral("LANGUAGE"));
    e.remove(QStringLiteral("LC_ALL"));
    e.remove(QStringLiteral("LC_MESSAGES"));
    e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (const QString& kv : env) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        e.insert(kv.left(eq), kv.mid(eq + 1));
    }
    p.setProcessEnvironment(e);
    p.start(program, args);
    RunResult r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace pc::test
