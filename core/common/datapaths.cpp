// Locating shipped data relative to the executable, the install prefix or the source tree.
#include "datapaths.h"

#include "buildconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace pc {

namespace {

// Shipped files live under different roots in the source tree and the install tree:
// source: seeds/, resources/taxonomy/, build/.../translations; installed:
// share/plancompare/{seeds,taxonomy,...}.
bool sourceTreeDisabled() {
    const QByteArray v = qgetenv("PLANCOMPARE_NO_SOURCE_TREE");
    return !v.isEmpty() && v != "0";
}

QStringList roots() {
    QStringList out;
    const QByteArray env = qgetenv("PLANCOMPARE_DATA_DIR");
    if (!env.isEmpty())
        out << QString::fromLocal8Bit(env);
    if (QCoreApplication::instance()) {
        const QString bin = QCoreApplication::applicationDirPath();
        out << QDir::cleanPath(bin + QStringLiteral("/../") + QStringLiteral(PLANCOMPARE_DATA_SUBDIR));
    }
    // PLANCOMPARE_NO_SOURCE_TREE=1 makes an installed copy prove it uses its own prefix: without
    // it a binary built on this machine would silently fall back to the tree it was built from.
    if (!sourceTreeDisabled()) {
        const QString src = QString::fromUtf8(PLANCOMPARE_SOURCE_DIR);
        out << src << src + QStringLiteral("/resources");
    }
    return out;
}

} // namespace

QStringList dataCandidates(const QString& subPath) {
    QStringList out;
    for (const QString& r : roots())
        out << QDir::cleanPath(r + QLatin1Char('/') + subPath);
    out.removeDuplicates();
    return out;
}

Result<QString> findSeedsDir() {
    const QStringList candidates = dataCandidates(QStringLiteral("seeds"));
    for (const QString& c : candidates) {
        if (QFileInfo(c).isDir())
            return c;
    }
    return Result<QString>::failure(
        QStringLiteral("seeds folder not found; looked in: %1. Reinstall PlanCompare or set "
                       "PLANCOMPARE_DATA_DIR to the folder that holds seeds/.")
            .arg(candidates.join(QStringLiteral(", "))),
        QStringLiteral("seeds-missing"));
}

QStringList dataRoots() {
    return roots();
}

Result<QString> findDataDir(const QString& relativePath) {
    const QStringList candidates = dataCandidates(relativePath);
    for (const QString& c : candidates) {
        if (QFileInfo(c).isDir())
            return c;
    }
    return Result<QString>::failure(
        QStringLiteral("%1 folder not found; looked in: %2. Reinstall PlanCompare or set "
                       "PLANCOMPARE_DATA_DIR.")
            .arg(relativePath, candidates.join(QStringLiteral(", "))),
        QStringLiteral("data-missing"));
}

Result<QString> findDataFile(const QString& relativePath) {
    const QStringList candidates = dataCandidates(relativePath);
    for (const QString& c : candidates) {
        if (QFileInfo(c).isFile())
            return c;
    }
    return Result<QString>::failure(
        QStringLiteral("%1 not found; looked in: %2. Reinstall PlanCompare or set "
                       "PLANCOMPARE_DATA_DIR.")
            .arg(relativePath, candidates.join(QStringLiteral(", "))),
        QStringLiteral("data-missing"));
}

QString defaultDatabasePath() {
    // GenericDataLocation + "plancompare" rather than AppDataLocation: with organisation and
    // application both named plancompare, the latter doubles the folder (…/plancompare/plancompare).
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/plancompare/plancompare.sqlite");
}

Status ensureWritableParent(const QString& filePath) {
    const QFileInfo fi(filePath);
    const QString dir = fi.absolutePath();
    if (!QDir().mkpath(dir))
        return Status::failure(
            QStringLiteral("cannot create the data directory %1; choose another database with --db PATH")
                .arg(dir),
            QStringLiteral("dir-unwritable"));
    QTemporaryFile probe(dir + QStringLiteral("/.plancompare-write-test-XXXXXX"));
    if (!probe.open())
        return Status::failure(
            QStringLiteral("the data directory %1 is not writable; fix its permissions or choose "
                           "another database with --db PATH")
                .arg(dir),
            QStringLiteral("dir-unwritable"));
    return okStatus();
}

} // namespace pc
