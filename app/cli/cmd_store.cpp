// Database plumbing for the CLI and `plancompare-cli db info|check`.
#include "cmd_store.h"

#include "store/dialect.h"

#include "common/manifest.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "taxonomy/taxonomy.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

#include <memory>

namespace pc::cli {

std::unique_ptr<Database> openDatabase(Context& ctx, const QString& command, bool mustExist) {
    DatabaseOptions o;
    const int timeout = qEnvironmentVariableIntValue("PLANCOMPARE_BUSY_TIMEOUT_MS");
    if (timeout > 0)
        o.busyTimeoutMs = timeout;
    if (mustExist && ctx.dbPath != QLatin1String(":memory:") && !store::isPostgresUri(ctx.dbPath) &&
        !QFileInfo::exists(ctx.dbPath)) {
        ctx.err << "plancompare-cli " << command << ": database " << ctx.dbPath
                << " does not exist; import plans first (plancompare-cli import --seeds)\n";
        return nullptr;
    }
    Result<std::unique_ptr<Database>> db = Database::open(ctx.dbPath, o);
    if (!db) {
        ctx.err << "plancompare-cli " << command << ": " << db.errorMessage() << "\n";
        return nullptr;
    }
    return std::move(db).value();
}

Analyzer fileAnalyzer(const Taxonomy& taxonomy) {
    return [&taxonomy](const QByteArray& bytes, const QString& path) -> Result<Analysis> {
        AnalyzeOptions options;
        const std::optional<ManifestEntry> entry = manifestEntryBeside(path);
        options.manifest = entry ? &*entry : nullptr;
        return analyzeBytes(bytes, path, taxonomy, options);
    };
}

int importAndReport(Context& ctx, Database& db, const Taxonomy& taxonomy, const QStringList& files,
                    bool quiet) {
    if (Status s = db.storeTaxonomy(taxonomy); !s) {
        ctx.err << "plancompare-cli import: " << s.errorMessage() << "\n";
        return BadInput;
    }
    Importer importer(db, fileAnalyzer(taxonomy));
    int rc = Ok;
    for (const QString& file : files) {
        const FileImport r = importer.importFile(file);
        if (r.status == ImportStatus::Failed) {
            ctx.err << "failed\t" << r.reason << "\n";
            rc = BadInput;
            continue;
        }
        if (!quiet)
            ctx.out << importStatusName(r.status) << '\t' << r.docId << '\t' << r.measures << " measures\t"
                    << r.targets << " targets\t" << file << "\n";
        for (const QString& p : r.overrideProblems)
            ctx.err << "warning\t" << r.docId << ": " << p << "\n";
    }
    return rc;
}

int displayWidth(const QString& s) {
    int w = 0;
    for (const char32_t c : s.toUcs4())
        w += (c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                              (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                              (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000))
                 ? 2
                 : 1;
    return w;
}

QString textTable(const QStringList& header, const QList<QStringList>& rows) {
    QList<int> widths;
    for (const QString& h : header)
        widths << displayWidth(h);
    for (const QStringList& r : rows) {
        for (qsizetype i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], displayWidth(r[i]));
    }
    auto line = [&](const QStringList& cells) -> QString {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            out += cells[i];
            if (i + 1 < cells.size())
                out += QString(widths.value(i) - displayWidth(cells[i]) + 2, QLatin1Char(' '));
        }
        return out + QLatin1Char('\n');
    };
    QString out = line(header);
    for (const QStringList& r : rows)
        out += line(r);
    return out;
}

namespace {

int runDb(Context& ctx) {
    if (rejectUnknownOptions(ctx, QStringLiteral("db")))
        return Usage;
    const QString verb = ctx.args.value(0, QStringLiteral("info"));
    if (verb != QLatin1String("info") && verb != QLatin1String("check")) {
        ctx.err << "plancompare-cli db: unknown action '" << verb << "' (use info or check)\n";
        return Usage;
    }
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("db"), true);
    if (!db)
        return BadInput;
    const Result<StoreCounts> c = db->counts();
    if (!c) {
        ctx.err << "plancompare-cli db: " << c.errorMessage() << "\n";
        return BadInput;
    }
    if (verb == QLatin1String("check")) {
        ctx.out << db->path() << ": ok (schema " << db->schemaVersion() << ")\n";
        return Ok;
    }
    qint64 size = QFileInfo(db->path()).size();
    if (db->isPostgres()) {
        QSqlQuery q(db->connection());
        size = q.exec(QStringLiteral("SELECT pg_database_size(current_database())")) && q.next()
                   ? q.value(0).toLongLong()
                   : -1;
    }
    ctx.out << "database\t" << db->path() << "\nschema\t" << db->schemaVersion() << "\ndocuments\t"
            << c->documents << "\nmeasures\t" << c->measures << "\ntargets\t" << c->targets
            << "\ncorrections\t" << c->overrides << "\nnotes\t" << c->notes << "\nsize\t" << size
            << " bytes\nengine\t"
            << (db->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")) << "\n";
    return Ok;
}

const bool registered =
    registerCommand({QStringLiteral("db"),
                     QStringLiteral("db [info|check]             the database in use: counts, size; check "
                                    "opens it with an integrity check"),
                     runDb});

} // namespace
} // namespace pc::cli
