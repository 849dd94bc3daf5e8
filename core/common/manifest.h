// seeds/manifest.json: metadata of the shipped plans, used only to fill gaps the text leaves.
#pragma once

#include "result.h"

#include <QList>
#include <QString>

#include <optional>

namespace pc {

struct ManifestEntry {
    QString id;           // file stem, e.g. "dazu-2019"
    QString file;         // file name inside the seeds folder
    QString jurisdiction; // 大足区
    QString level;        // municipal | district
    int year = 0;
    QString docNumber; // 文号
    QString issuer;
    QString issuedOn; // YYYY-MM-DD
    QString title;
    bool operator==(const ManifestEntry&) const = default;
};

struct Manifest {
    QString dir; // folder holding manifest.json
    QList<ManifestEntry> entries;
    const ManifestEntry* find(const QString& id) const;
    QString pathOf(const ManifestEntry& e) const;
};

// Reads and validates DIR/manifest.json; every error names the file and the problem.
Result<Manifest> readManifest(const QString& seedsDir);

// The entry for FILE in a valid manifest.json beside it, if any: it fills metadata the text leaves
// out (e.g. the year). A missing or invalid manifest is no error here; the text alone is used.
std::optional<ManifestEntry> manifestEntryBeside(const QString& filePath);

} // namespace pc
