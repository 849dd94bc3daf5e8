// `plancompare-cli chart`: the same chart document the GUI exports, rendered offscreen.
#include "cli.h"
#include "rendercommands.h"

#include "chart/chartexport.h"
#include "chart/scalecharts.h"
#include "data/databasedata.h"

#include "store/dialect.h"

#include <QFileInfo>

namespace pc::cli {
namespace {

// Opens an existing database (the CLI never creates one implicitly for read-only commands).
std::unique_ptr<ui::WorkbenchData> openExisting(Context& ctx, const QString& command) {
    if (!store::isPostgresUri(ctx.dbPath) && !QFileInfo::exists(ctx.dbPath)) {
        ctx.err << "plancompare-cli " << command << ": no database at " << ctx.dbPath
                << " (import plans first, e.g. plancompare-cli import --seeds)\n";
        return nullptr;
    }
    Result<std::unique_ptr<ui::WorkbenchData>> data = ui::openDatabaseData(ctx.dbPath);
    if (!data) {
        ctx.err << "plancompare-cli " << command << ": " << data.errorMessage() << "\n";
        return nullptr;
    }
    return std::move(data.value());
}

int intOption(Context& ctx, const QString& name, int fallback, bool* ok) {
    bool present = false;
    const QString v = takeOption(ctx.args, name, &present);
    if (!present)
        return fallback;
    bool good = false;
    const int n = v.toInt(&good);
    if (!good || n <= 0) {
        ctx.err << "plancompare-cli chart: " << name << " needs a positive number, got '" << v << "'\n";
        *ok = false;
    }
    return n;
}

int runChart(Context& ctx) {
    const QString indicator = takeOption(ctx.args, QStringLiteral("--indicator"));
    const QString out = takeOption(ctx.args, QStringLiteral("--out"));
    const QString kind = takeOption(ctx.args, QStringLiteral("--kind"));
    const bool sizeGiven =
        ctx.args.contains(QStringLiteral("--width")) || ctx.args.contains(QStringLiteral("--height"));
    bool ok = true;
    const int width = intOption(ctx, QStringLiteral("--width"), int(ui::defaultChartSize().width()), &ok);
    const int height = intOption(ctx, QStringLiteral("--height"), int(ui::defaultChartSize().height()), &ok);
    const int dpi = intOption(ctx, QStringLiteral("--dpi"), 96, &ok);
    PlanSelection selection;
    if (!takePlanSelection(ctx, QStringLiteral("chart"), selection))
        return Usage;
    if (!ok || rejectUnknownOptions(ctx, QStringLiteral("chart")))
        return Usage;
    const std::optional<ui::ScaleChartKind> scale = ui::scaleChartKindFromName(kind);
    if (!kind.isEmpty() && kind != QLatin1String("plans") && !scale) {
        ctx.err << "plancompare-cli chart: --kind must be plans, bars, distribution or trend, not '" << kind
                << "'\n";
        return Usage;
    }
    if (indicator.isEmpty() || out.isEmpty() || !ctx.args.isEmpty()) {
        ctx.err << "usage: plancompare-cli chart --indicator ID --out FILE.png|.svg|.pdf [--width W --height "
                   "H --dpi D] [--kind plans|bars|distribution|trend] [--latest|--year Y|--all|--set NAME]\n";
        return Usage;
    }
    if (!ui::ChartExport::suffixes().contains(QFileInfo(out).suffix().toLower())) {
        ctx.err << "plancompare-cli chart: " << out << ": unsupported format (use .png, .svg or .pdf)\n";
        return Usage;
    }
    std::unique_ptr<ui::WorkbenchData> data = openExisting(ctx, QStringLiteral("chart"));
    if (!data)
        return BadInput;
    data->setPlanSelection(selection);
    if (!data->findIndicator(indicator) && !indicator.startsWith(QLatin1String("other:"))) {
        ctx.err << "plancompare-cli chart: unknown indicator '" << indicator << "'\n";
        return BadInput;
    }
    const Result<QList<ComparisonRow>> rows = data->rows(indicator);
    if (!rows) {
        ctx.err << "plancompare-cli chart: " << rows.errorMessage() << "\n";
        return BadInput;
    }
    ui::ChartStyle style;
    style.language = ctx.language;
    style.title = data->indicatorName(indicator, ctx.language);
    ui::ChartExportOptions options;
    options.size = QSizeF(width, height);
    options.dpi = dpi;
    const Status st =
        scale ? ui::ScaleCharts::write(ui::ScaleCharts::dataFor(*scale, rows.value(), style), out, style,
                                       sizeGiven ? std::optional<QSizeF>(options.size) : std::nullopt, dpi)
              : ui::ChartExport::write(ui::ChartPainter::seriesFor(rows.value(), style), out, style, options);
    if (!st) {
        ctx.err << "plancompare-cli chart: " << st.errorMessage() << "\n";
        return BadInput;
    }
    return Ok;
}

const bool registered = registerCommand({QStringLiteral("chart"), chartSynopsis(), runChart});

} // namespace
} // namespace pc::cli
