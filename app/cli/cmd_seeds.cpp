// `plancompare-cli seeds`: lists the plans shipped in the seeds folder and checks the manifest.
#include "cli.h"

#include "common/datapaths.h"
#include "common/manifest.h"

namespace pc::cli {
namespace {

int runSeeds(Context& ctx) {
    const QString dir = takeOption(ctx.args, QStringLiteral("--dir"));
    if (rejectUnknownOptions(ctx, QStringLiteral("seeds")))
        return Usage;
    QString seedsDir = dir;
    if (seedsDir.isEmpty()) {
        const Result<QString> found = findSeedsDir();
        if (!found) {
            ctx.err << "plancompare-cli: " << found.errorMessage() << "\n";
            return BadInput;
        }
        seedsDir = found.value();
    }
    const Result<Manifest> m = readManifest(seedsDir);
    if (!m) {
        ctx.err << "plancompare-cli: " << m.errorMessage() << "\n";
        return BadInput;
    }
    for (const ManifestEntry& e : m->entries)
        ctx.out << e.id << '\t' << e.jurisdiction << '\t' << e.level << '\t' << e.year << '\t' << e.docNumber
                << '\t' << e.issuedOn << '\t' << e.title << '\n';
    return Ok;
}

const bool registered = registerCommand(
    {QStringLiteral("seeds"),
     QStringLiteral("seeds [--dir DIR]            list the shipped plans (checks seeds/manifest.json)"),
     runSeeds});

} // namespace
} // namespace pc::cli
