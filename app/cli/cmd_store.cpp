// Database plumbing for the CLI and `plancompare-cli db info|check`.
#include "cmd_store.h"

#include "store/dialect.h"

#include "common/manifest.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "store/databasecopy.h"
#include "store/roles.h"
#include "taxonomy/classifier.h"
#include "taxonomy/taxonomy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <memory>

namespace pc::cli {

std::unique_ptr<Database> openDatabase(Context& ctx, const QString& command, bool mustExist) {
    DatabaseOptions o;
    const int timeout = qEnvironmentVariableIntValue("PLANCOMPARE_BUSY_TIMEOUT_MS");
    if (timeout > 0)
        o.busyTimeoutMs = timeout;
    o.readOnly = ctx.readOnly;
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
    // One classifier for the whole run, shared by the worker threads (its methods are const), as
    // `targets` does: building it per file was 13 % of an import's analysis.
    auto classifier = std::make_shared<const Classifier>(taxonomy);
    return [&taxonomy, classifier](const QByteArray& bytes, const QString& path) -> Result<Analysis> {
        AnalyzeOptions options;
        const std::optional<ManifestEntry> entry = manifestEntryBeside(path);
        options.manifest = entry ? &*entry : nullptr;
        options.classifier = classifier.get();
        options.identify = false; // the importer has hashed the bytes already (Document::sha256)
        return analyzeBytes(bytes, path, taxonomy, options);
    };
}

int importAndReport(Context& ctx, Database& db, const Taxonomy& taxonomy, const QStringList& files,
                    bool quiet) {
    if (Status w = db.checkWritable(QStringLiteral("importing")); !w) {
        ctx.err << "plancompare-cli import: " << w.errorMessage() << "\n";
        return BadInput;
    }
    if (Status s = db.storeTaxonomy(taxonomy); !s) {
        ctx.err << "plancompare-cli import: " << s.errorMessage() << "\n";
        return BadInput;
    }
    // The files are analysed ahead on worker threads while this thread stores them, in order.
    Importer importer(db, fileAnalyzer(taxonomy));
    int rc = Ok;
    ImportOptions options;
    options.progress = [&](int, int, const FileImport& r) {
        if (r.status == ImportStatus::Failed) {
            ctx.err << "failed\t" << r.reason << "\n";
            rc = BadInput;
            return true;
        }
        if (!quiet)
            ctx.out << importStatusName(r.status) << '\t' << r.docId << '\t' << r.measures << " measures\t"
                    << r.targets << " targets\t" << r.path << "\n";
        for (const QString& p : r.overrideProblems)
            ctx.err << "warning\t" << r.docId << ": " << p << "\n";
        return true;
    };
    importer.importFiles(files, options);
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

// Opens the source of a copy or one side of a comparison: read-only, so it is never migrated or
// changed; a database of another schema version is refused (open it once with this PlanCompare).
std::unique_ptr<Database> openReadOnly(Context& ctx, const QString& verb, const QString& location) {
    if (!store::isPostgresUri(location) && !QFileInfo::exists(location)) {
        ctx.err << "plancompare-cli db " << verb << ": database " << location << " does not exist\n";
        return nullptr;
    }
    DatabaseOptions o;
    o.readOnly = true;
    Result<std::unique_ptr<Database>> db = Database::open(location, o);
    if (!db) {
        ctx.err << "plancompare-cli db " << verb << ": " << db.errorMessage();
        if (db.error().code == QLatin1String("db-readonly"))
            ctx.err << " (open it once with this PlanCompare to migrate it: plancompare-cli --db " << location
                    << " db info)";
        ctx.err << "\n";
        return nullptr;
    }
    return std::move(db).value();
}

void printDigest(Context& ctx, const DatabaseDigest& a, const DatabaseDigest& b) {
    QList<QStringList> rows;
    for (qsizetype i = 0; i < a.tables.size(); ++i) {
        const TableDigest& x = a.tables[i];
        const TableDigest* y = nullptr;
        for (const TableDigest& t : b.tables) {
            if (t.table == x.table)
                y = &t;
        }
        rows << QStringList{x.table, QString::number(x.rows),
                            y ? QString::number(y->rows) : QStringLiteral("-"),
                            QString::fromLatin1(x.sha256.left(16)),
                            y && y->rows == x.rows && y->sha256 == x.sha256 ? QStringLiteral("equal")
                                                                            : QStringLiteral("DIFFERS")};
    }
    ctx.out << textTable({QStringLiteral("table"), QStringLiteral("rows A"), QStringLiteral("rows B"),
                          QStringLiteral("sha256 (A)"), QString()},
                         rows);
}

// db compare A B: the canonical digests of two databases, table by table. Exit 0 when equal.
int runCompare(Context& ctx) {
    if (ctx.args.size() != 3) {
        ctx.err << "plancompare-cli db compare: give two databases: db compare A B\n";
        return Usage;
    }
    std::unique_ptr<Database> a = openReadOnly(ctx, QStringLiteral("compare"), ctx.args[1]);
    if (!a)
        return BadInput;
    std::unique_ptr<Database> b = openReadOnly(ctx, QStringLiteral("compare"), ctx.args[2]);
    if (!b)
        return BadInput;
    const Result<DatabaseDigest> da = digestDatabase(*a);
    const Result<DatabaseDigest> db = da ? digestDatabase(*b) : Result<DatabaseDigest>(da.error());
    if (!da || !db) {
        ctx.err << "plancompare-cli db compare: " << (da ? db.errorMessage() : da.errorMessage()) << "\n";
        return BadInput;
    }
    printDigest(ctx, *da, *db);
    const QStringList differ = digestDifferences(*da, *db);
    if (!differ.isEmpty()) {
        ctx.out << a->path() << " and " << b->path() << " differ: " << differ.join(QStringLiteral(", "))
                << "\n";
        return BadInput;
    }
    ctx.out << a->path() << " and " << b->path() << " are equal (schema " << da->schemaVersion << ")\n";
    return Ok;
}

// db copy --from A --to B: every table of A into the new or empty B in one transaction, then both
// digests compared. A new SQLite file B is removed again when the copy fails.
int runCopy(Context& ctx) {
    const QString from = takeOption(ctx.args, QStringLiteral("--from"));
    const QString to = takeOption(ctx.args, QStringLiteral("--to"));
    if (rejectUnknownOptions(ctx, QStringLiteral("db copy")))
        return Usage;
    if (to.isEmpty() || ctx.args.size() != 1) {
        ctx.err << "plancompare-cli db copy: use db copy [--from A] --to B (A defaults to --db)\n";
        return Usage;
    }
    const QString source = from.isEmpty() ? ctx.dbPath : from;
    std::unique_ptr<Database> a = openReadOnly(ctx, QStringLiteral("copy"), source);
    if (!a)
        return BadInput;
    const bool newFile = !store::isPostgresUri(to) && !QFileInfo::exists(to);
    const auto removeNewFile = [&] {
        if (newFile) {
            for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(to + suffix);
        }
    };
    DatabaseOptions o;
    const int timeout = qEnvironmentVariableIntValue("PLANCOMPARE_BUSY_TIMEOUT_MS");
    if (timeout > 0)
        o.busyTimeoutMs = timeout;
    Result<std::unique_ptr<Database>> opened = Database::open(to, o);
    if (!opened) {
        ctx.err << "plancompare-cli db copy: " << opened.errorMessage() << "\n";
        removeNewFile();
        return BadInput;
    }
    std::unique_ptr<Database> b = std::move(opened).value();
    const Result<CopyReport> r = copyDatabase(*a, *b);
    if (!r) {
        ctx.err << "plancompare-cli db copy: " << r.errorMessage() << "\n";
        b.reset();
        removeNewFile();
        return BadInput;
    }
    ctx.out << "copied " << a->path() << " to " << b->path() << ": " << r->rows << " rows in "
            << r->copied.size() << " tables, " << r->milliseconds << " ms\n";
    const Result<DatabaseDigest> da = digestDatabase(*a);
    const Result<DatabaseDigest> db = da ? digestDatabase(*b) : Result<DatabaseDigest>(da.error());
    if (!da || !db) {
        ctx.err << "plancompare-cli db copy: verifying: " << (da ? db.errorMessage() : da.errorMessage())
                << "\n";
        return BadInput;
    }
    printDigest(ctx, *da, *db);
    const QStringList differ = digestDifferences(*da, *db);
    if (!differ.isEmpty()) {
        ctx.err << "plancompare-cli db copy: the copy differs from " << a->path() << ": "
                << differ.join(QStringLiteral(", ")) << "\n";
        return BadInput;
    }
    ctx.out << "verified: " << b->path() << " equals " << a->path() << "\n";
    return Ok;
}

// db roles [--setup] | db grant LOGIN reader|editor | db revoke LOGIN: team roles on PostgreSQL.
int runRoles(Context& ctx, const QString& verb) {
    const bool setup = takeFlag(ctx.args, QStringLiteral("--setup"));
    if (rejectUnknownOptions(ctx, QStringLiteral("db ") + verb))
        return Usage;
    const QString login = ctx.args.value(1);
    if (verb == QLatin1String("grant") && (ctx.args.size() != 3 || !parseTeamRole(ctx.args.value(2)))) {
        ctx.err << "plancompare-cli db grant: use db grant LOGIN reader|editor\n";
        return Usage;
    }
    if (verb == QLatin1String("revoke") && ctx.args.size() != 2) {
        ctx.err << "plancompare-cli db revoke: use db revoke LOGIN\n";
        return Usage;
    }
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("db ") + verb, true);
    if (!db)
        return BadInput;
    Status s = okStatus();
    if (verb == QLatin1String("grant"))
        s = grantTeamRole(*db, login, *parseTeamRole(ctx.args.value(2)));
    else if (verb == QLatin1String("revoke"))
        s = revokeTeamRoles(*db, login);
    else if (setup)
        s = setupTeamRoles(*db);
    if (!s) {
        ctx.err << "plancompare-cli db " << verb << ": " << s.errorMessage() << "\n";
        return BadInput;
    }
    const Result<QList<TeamMember>> members = teamMembers(*db);
    if (!members) {
        ctx.err << "plancompare-cli db " << verb << ": " << members.errorMessage() << "\n";
        return BadInput;
    }
    if (verb == QLatin1String("grant"))
        ctx.out << login << "\t" << ctx.args.value(2) << "\n";
    else if (verb == QLatin1String("revoke"))
        ctx.out << login << "\tnone\n";
    else
        for (const TeamMember& m : *members)
            ctx.out << m.login << "\t" << (m.role == TeamRole::Editor ? "editor" : "reader") << "\n";
    return Ok;
}

int runDb(Context& ctx) {
    const QString verb = ctx.args.value(0, QStringLiteral("info"));
    if (verb == QLatin1String("copy"))
        return runCopy(ctx);
    if (verb == QLatin1String("roles") || verb == QLatin1String("grant") || verb == QLatin1String("revoke"))
        return runRoles(ctx, verb);
    if (rejectUnknownOptions(ctx, QStringLiteral("db")))
        return Usage;
    if (verb == QLatin1String("compare"))
        return runCompare(ctx);
    if (verb != QLatin1String("info") && verb != QLatin1String("check") && verb != QLatin1String("compact")) {
        ctx.err << "plancompare-cli db: unknown action '" << verb
                << "' (use info, check, compact, copy, compare, roles, grant or revoke)\n";
        return Usage;
    }
    std::unique_ptr<Database> db = openDatabase(ctx, QStringLiteral("db"), true);
    if (!db)
        return BadInput;
    if (verb == QLatin1String("compact")) {
        const Result<std::pair<qint64, qint64>> sizes = db->compact();
        if (!sizes) {
            ctx.err << "plancompare-cli db compact: " << sizes.errorMessage() << "\n";
            return BadInput;
        }
        ctx.out << db->path() << ": compacted, " << sizes->first << " bytes before, " << sizes->second
                << " after\n";
        return Ok;
    }
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
    ctx.out << "access\t"
            << (db->readOnly() ? QStringLiteral("read-only (") + db->readOnlyReason() + u')'
                               : QStringLiteral("read-write"))
            << "\n";
    return Ok;
}

const bool registered = registerCommand(
    {QStringLiteral("db"),
     QStringLiteral("db [info|check]             the database in use: counts, size; check "
                    "opens it with an integrity check\n"
                    "  db compact                  give an SQLite file's free pages (removed plans, "
                    "dropped indexes) back to the disk\n"
                    "  db copy [--from A] --to B   copy every table of A into the new or empty "
                    "database B (SQLite/PostgreSQL) and verify\n"
                    "  db compare A B              whether two databases hold the same rows\n"
                    "  db roles [--setup]          team roles on PostgreSQL: who reads, who edits; "
                    "--setup creates and grants them\n"
                    "  db grant LOGIN reader|editor  make a login a reader or an editor\n"
                    "  db revoke LOGIN             take both roles from a login"),
     runDb});

} // namespace
} // namespace pc::cli
