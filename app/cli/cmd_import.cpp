// `plancompare-cli import [--seeds] [FILE...]`: parse and store plans; unchanged files are skipped.
#include "cmd_store.h"

#include "common/datapaths.h"
#include "common/manifest.h"
#include "store/database.h"
#include "taxonomy/taxonomy.h"

namespace pc::cli {
namespace {

int runImport(Context& ctx) {
    const bool seeds = takeFlag(ctx.args, QStringLiteral("--seeds"));
    const bool quiet = takeFlag(ctx.args, QStringLiteral("--quiet"));
    if (rejectUnknownOptions(ctx, QStringLiteral("import")))
        return Usage;
    QStringList files = ctx.args;
    if (seeds) {
        const Result<QString> dir = findSeedsDir();
        if (!dir) {
            ctx.err << "plancompare-cli import: " << dir.errorMessage() << "\n";
            return BadInput;
        }
        const Result<Manifest> m = readManifest(*dir);
        if (!m) {
            ctx.err << "plancompare-cli import: " << m.errorMessage() << "\n";
            return BadInput;
        }
        for (const ManifestEntry& e : m->entries)
            files << m->pathOf(e);
    }
    if (files.isEmpty()) {
        ctx.err << "plancompare-cli import: expected --seeds or one or more FILEs\n"
                   "usage: plancompare-cli import [--seeds] [FILE...] [--quiet]\n";
        return Usage;
    }
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    if (!taxonomy) {
        ctx.err << "plancompare-cli import: " << taxonomy.errorMessage() << "\n";
        return BadInput;
    }
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("import"), false);
    if (!db)
        return BadInput;
    return importAndReport(ctx, *db, *taxonomy, files, quiet);
}

const bool registered = registerCommand(
    {QStringLiteral("import"),
     QStringLiteral(
         "import [--seeds] [FILE...]  parse and store plans (one line per file: imported, replaced, "
         "unchanged or failed)"),
     runImport});

} // namespace
} // namespace pc::cli
