// `plancompare-cli export --format csv|xlsx|json --out PATH`: data for R, Stata and Excel.
#include "cmd_store.h"

#include "export/exporter.h"
#include "store/database.h"

namespace pc::cli {
namespace {

int runExport(Context& ctx) {
    const QString format = takeOption(ctx.args, QStringLiteral("--format"));
    const QString out = takeOption(ctx.args, QStringLiteral("--out"));
    const QString indicator = takeOption(ctx.args, QStringLiteral("--indicator"));
    const QString area = takeOption(ctx.args, QStringLiteral("--area"));
    const QString table = takeOption(ctx.args, QStringLiteral("--table"));
    ExportOptions o;
    o.chineseHeader = takeFlag(ctx.args, QStringLiteral("--zh-header"));
    bool withDiffusion = takeFlag(ctx.args, QStringLiteral("--diffusion"));
    // Names follow only an explicit --lang (global option): an export is data, and the same command
    // must write the same file whatever the user's locale.
    if (ctx.languageGiven)
        o.names = ctx.language;
    PlanSelection selection;
    if (!takePlanSelection(ctx, QStringLiteral("export"), selection))
        return Usage;
    if (rejectUnknownOptions(ctx, QStringLiteral("export")))
        return Usage;
    const Exporter* exporter = exporterFor(format);
    static const QStringList tables{QStringLiteral("documents"), QStringLiteral("measures"),
                                    QStringLiteral("targets"),   QStringLiteral("comparison"),
                                    QStringLiteral("diffusion"), QStringLiteral("diffusion_targets")};
    if (!exporter || out.isEmpty() || !ctx.args.isEmpty() || (!table.isEmpty() && !tables.contains(table))) {
        ctx.err
            << "usage: plancompare-cli export --format csv|xlsx|json --out PATH [--indicator ID] [--area ID] "
               "[--zh-header] [--lang en|zh] [--table documents|measures|targets|comparison|diffusion|"
               "diffusion_targets] [--diffusion] "
               "[--latest|--year Y|--all|--set NAME]\n";
        return Usage;
    }
    if (!table.isEmpty())
        o.table = ExportTable(tables.indexOf(table) + 1);
    withDiffusion = withDiffusion || table.startsWith(QLatin1String("diffusion"));
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("export"), true);
    if (!db)
        return BadInput;
    Result<ExportData> data = collectExportData(*db, indicator, area, selection);
    if (!data) {
        ctx.err << "plancompare-cli export: " << data.errorMessage() << "\n";
        return BadInput;
    }
    if (withDiffusion) {
        if (Status d = addDiffusion(*db, data.value(), selection); !d) {
            ctx.err << "plancompare-cli export: " << d.errorMessage() << "\n";
            return BadInput;
        }
    }
    if (Status s = exporter->write(*data, out, o); !s) {
        ctx.err << "plancompare-cli export: " << s.errorMessage() << "\n";
        return BadInput;
    }
    ctx.out << "wrote " << out << " (" << data->documents.size() << " plans, " << data->measures.size()
            << " measures, " << data->targets.size() << " targets";
    if (withDiffusion)
        ctx.out << ", " << data->diffusion.size() << " plans aligned";
    ctx.out << ")\n";
    return Ok;
}

const bool registered = registerCommand(
    {QStringLiteral("export"),
     QStringLiteral("export --format csv|xlsx|json --out PATH [--indicator ID] [--area ID] [--zh-header] "
                    "[--lang en|zh] [--table T] [--diffusion] [--latest|--year Y|--all|--set NAME]  tables "
                    "for R, Stata, "
                    "Excel (CSV: one table, UTF-8 with BOM; "
                    "--lang: a second header row and name columns in that language)"),
     runExport});

} // namespace
} // namespace pc::cli
