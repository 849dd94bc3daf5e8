// Imports the five seed plans into a database through the importer the CLI uses (each file with its
// manifest entry), for the suites that compare engines or copies on real plans.
#pragma once

#include "testpaths.h"

#include "common/manifest.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "store/importer.h"
#include "taxonomy/taxonomy.h"

#include <QStringList>

#include <gtest/gtest.h>

namespace pc::test {

inline void importSeeds(Database& db) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    const Result<Manifest> manifest = readManifest(seedsDir());
    ASSERT_TRUE(taxonomy.ok() && manifest.ok());
    ASSERT_TRUE(db.storeTaxonomy(*taxonomy).ok());
    QStringList files;
    for (const ManifestEntry& e : manifest->entries)
        files << manifest->pathOf(e);
    const Manifest& m = *manifest;
    const Taxonomy& t = *taxonomy;
    Importer importer(db, [&](const QByteArray& bytes, const QString& path) {
        AnalyzeOptions o;
        for (const ManifestEntry& e : m.entries) {
            if (m.pathOf(e) == path)
                o.manifest = &e;
        }
        return analyzeBytes(bytes, path, t, o);
    });
    for (const FileImport& r : importer.importFiles(files))
        ASSERT_EQ(r.status, ImportStatus::Imported) << r.reason.toStdString();
}

} // namespace pc::test
