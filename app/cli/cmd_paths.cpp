// `plancompare-cli paths`: where this copy finds its shipped data and its database, so an
// installed package can be checked to use its own prefix rather than a source tree.
#include "cli.h"

#include "common/datapaths.h"
#include "taxonomy/taxonomy.h"

#include <QCoreApplication>
#include <QDir>

namespace pc::cli {
namespace {

int runPaths(Context& ctx) {
    if (rejectUnknownOptions(ctx, QStringLiteral("paths")))
        return Usage;
    if (!ctx.args.isEmpty()) {
        ctx.err << "plancompare-cli: paths takes no arguments; see plancompare-cli paths --help\n";
        return Usage;
    }
    const Result<QString> seeds = findSeedsDir();
    const Result<QString> taxonomy = findDataDir(QStringLiteral("taxonomy"));
    ctx.out << "executable\t" << QDir::cleanPath(QCoreApplication::applicationFilePath()) << '\n'
            << "seeds\t" << (seeds ? seeds.value() : QStringLiteral("-")) << '\n'
            << "taxonomy\t" << (taxonomy ? taxonomy.value() : QStringLiteral("-")) << '\n'
            << "user-taxonomy\t" << Taxonomy::userTaxonomyPath() << '\n'
            << "database\t" << ctx.dbPath << '\n'
            << "search\t" << dataRoots().join(QLatin1Char(':')) << '\n';
    // Without the seeds nothing works: say why, as every other command would.
    if (!seeds) {
        ctx.out.flush();
        ctx.err << "plancompare-cli: " << seeds.errorMessage() << "\n";
        return BadInput;
    }
    return Ok;
}

const bool registered =
    registerCommand({QStringLiteral("paths"),
                     QStringLiteral("paths                        where the shipped seeds, the taxonomy "
                                    "(shipped and yours) and the database are"),
                     runPaths});

} // namespace
} // namespace pc::cli
