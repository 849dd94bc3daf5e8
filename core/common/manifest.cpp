// Reading and validating seeds/manifest.json.
#include "manifest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pc {

const ManifestEntry* Manifest::find(const QString& id) const {
    for (const ManifestEntry& e : entries) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

QString Manifest::pathOf(const ManifestEntry& e) const {
    return QDir(dir).filePath(e.file);
}

Result<Manifest> readManifest(const QString& seedsDir) {
    const QString path = QDir(seedsDir).filePath(QStringLiteral("manifest.json"));
    auto fail = [&](const QString& what) {
        return Result<Manifest>::failure(QStringLiteral("%1: %2").arg(path, what),
                                         QStringLiteral("bad-manifest"));
    };
    QFile f(path);
    if (!f.exists())
        return fail(QStringLiteral("file not found; the seeds folder must hold manifest.json"));
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot be read: %1").arg(f.errorString()));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError)
        return fail(
            QStringLiteral("not valid JSON at offset %1: %2").arg(perr.offset).arg(perr.errorString()));
    const QJsonArray plans = doc.object().value(QStringLiteral("plans")).toArray();
    if (!doc.isObject() || plans.isEmpty())
        return fail(QStringLiteral("expected an object with a non-empty \"plans\" array"));

    Manifest m;
    m.dir = seedsDir;
    for (qsizetype i = 0; i < plans.size(); ++i) {
        const QJsonObject o = plans.at(i).toObject();
        ManifestEntry e;
        e.id = o.value(QStringLiteral("id")).toString();
        e.file = o.value(QStringLiteral("file")).toString();
        e.jurisdiction = o.value(QStringLiteral("jurisdiction")).toString();
        e.level = o.value(QStringLiteral("level")).toString();
        e.year = o.value(QStringLiteral("year")).toInt();
        e.docNumber = o.value(QStringLiteral("doc_number")).toString();
        e.issuer = o.value(QStringLiteral("issuer")).toString();
        e.issuedOn = o.value(QStringLiteral("issued_on")).toString();
        e.title = o.value(QStringLiteral("title")).toString();
        if (e.id.isEmpty() || e.file.isEmpty())
            return fail(QStringLiteral("plan %1 has no \"id\" or \"file\"").arg(i + 1));
        if (e.level != QLatin1String("municipal") && e.level != QLatin1String("district"))
            return fail(
                QStringLiteral("plan %1 (%2): \"level\" must be municipal or district").arg(i + 1).arg(e.id));
        if (!QFileInfo(m.pathOf(e)).isFile())
            return fail(QStringLiteral("plan %1 (%2): file %3 is missing").arg(i + 1).arg(e.id, m.pathOf(e)));
        m.entries << e;
    }
    return m;
}

std::optional<ManifestEntry> manifestEntryBeside(const QString& filePath) {
    const QFileInfo fi(filePath);
    if (!QFileInfo::exists(fi.dir().filePath(QStringLiteral("manifest.json"))))
        return std::nullopt;
    const Result<Manifest> m = readManifest(fi.dir().path());
    if (!m)
        return std::nullopt;
    for (const ManifestEntry& e : m->entries) {
        if (e.file == fi.fileName())
            return e;
    }
    return std::nullopt;
}

} // namespace pc
