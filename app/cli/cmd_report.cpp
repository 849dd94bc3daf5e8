// `plancompare-cli report`: the printed per-indicator or per-area report as PDF or HTML.
#include "cli.h"
#include "rendercommands.h"

#include "data/databasedata.h"
#include "report/reportdocument.h"

#include "store/dialect.h"

#include <QFileInfo>

namespace pc::cli {
namespace {

int runReport(Context& ctx) {
    const QString indicator = takeOption(ctx.args, QStringLiteral("--indicator"));
    const QString area = takeOption(ctx.args, QStringLiteral("--area"));
    const QString out = takeOption(ctx.args, QStringLiteral("--out"));
    PlanSelection selection;
    if (!takePlanSelection(ctx, QStringLiteral("report"), selection))
        return Usage;
    if (rejectUnknownOptions(ctx, QStringLiteral("report")))
        return Usage;
    if (indicator.isEmpty() == area.isEmpty() || out.isEmpty() || !ctx.args.isEmpty()) {
        ctx.err << "usage: plancompare-cli report (--indicator ID | --area ID) --out FILE.pdf|.html "
                   "[--latest|--year Y|--all|--set NAME]\n";
        return Usage;
    }
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("html") && suffix != QLatin1String("htm")) {
        ctx.err << "plancompare-cli report: " << out << ": unsupported format (use .pdf or .html)\n";
        return Usage;
    }
    if (!store::isPostgresUri(ctx.dbPath) && !QFileInfo::exists(ctx.dbPath)) {
        ctx.err << "plancompare-cli report: no database at " << ctx.dbPath
                << " (import plans first, e.g. plancompare-cli import --seeds)\n";
        return BadInput;
    }
    Result<std::unique_ptr<ui::WorkbenchData>> data = ui::openDatabaseData(ctx.dbPath);
    if (!data) {
        ctx.err << "plancompare-cli report: " << data.errorMessage() << "\n";
        return BadInput;
    }
    data.value()->setPlanSelection(selection);
    ui::ReportBuilder builder(*data.value(), {}, ctx.language);
    const Result<ui::ReportDocument> doc =
        indicator.isEmpty() ? builder.areaReport(area) : builder.indicatorReport(indicator);
    if (!doc) {
        ctx.err << "plancompare-cli report: " << doc.errorMessage() << "\n";
        return BadInput;
    }
    const Status st = doc->write(out);
    if (!st) {
        ctx.err << "plancompare-cli report: " << st.errorMessage() << "\n";
        return BadInput;
    }
    return Ok;
}

const bool registered = registerCommand({QStringLiteral("report"), reportSynopsis(), runReport});

} // namespace
} // namespace pc::cli
