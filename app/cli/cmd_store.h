// Helpers shared by the database commands of plancompare-cli: opening the database, the analyser for
// imports, and aligned text tables for the terminal.
#pragma once

#include "cli.h"

#include "common/result.h"
#include "store/importer.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace pc {
class Database;
class Taxonomy;
} // namespace pc

namespace pc::cli {

// Opens ctx.dbPath. `mustExist`: reading commands refuse a missing file instead of creating an empty
// one. The busy timeout is 5 s, or $PLANCOMPARE_BUSY_TIMEOUT_MS. Prints the error and returns null.
std::unique_ptr<Database> openDatabase(Context& ctx, const QString& command, bool mustExist);

// The file → Analysis function for imports: pc::analyzeBytes with the taxonomy, filling metadata from
// the manifest.json beside each file (seeds) when there is one. Safe to call from several threads at
// once (the import's workers): each call reads its own manifest, the taxonomy and the one classifier
// built for the run are only read. No SHA-256 is computed: the importer has the file's already.
Analyzer fileAnalyzer(const Taxonomy& taxonomy);

// Imports files into `db` (storing the taxonomy snapshot first) and prints one line per file.
// Returns the exit code: BadInput if any file failed.
int importAndReport(Context& ctx, Database& db, const Taxonomy& taxonomy, const QStringList& files,
                    bool quiet);

// Columns padded to the widest cell; CJK characters count two columns.
QString textTable(const QStringList& header, const QList<QStringList>& rows);
int displayWidth(const QString& s);

} // namespace pc::cli
