// Store at scale: a synthetic corpus of N plans recombined from seed measures under made-up jurisdictions;
// import and FTS indexing throughput, database size, comparison and search latency, peak memory.
// N: $PLANCOMPARE_BENCH_PLANS (comma-separated, default "1000,10000"); files go to a temporary folder in
// $TMPDIR, or are kept in $PLANCOMPARE_BENCH_DIR. With PLANCOMPARE_BENCH_REUSE=1 an existing
// bench-N.sqlite there is opened (and migrated) instead of re-imported: queries only, import columns 0.
// PLANCOMPARE_BENCH_CLIENTS=1,8: concurrent mode instead — per plan count and client count a new
// database that C client threads (each its own connection) fill with disjoint plans at once, then all
// run comparisons and searches at once: aggregate import MB/s and p50/p95 over every client's queries.
#include "common/manifest.h"
#include "compare/comparison.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "synthplans.h"
#include "taxonomy/taxonomy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <sys/resource.h>

#include <ctime>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace pc;

namespace {

// Plan `n`: 60–90 measures drawn from all seed plans, laid out one after another (synthplans.h).
Analysis synthesize(int n, const QList<bench::PooledMeasure>& pool) {
    QRandomGenerator rng(quint32(n) * 2654435761u + 17);
    Analysis a;
    Document& d = a.document;
    const bool municipal = n % 50 == 0;
    d.meta.docId = QStringLiteral("synth-%1").arg(n, 5, 10, QLatin1Char('0'));
    d.meta.jurisdiction =
        municipal ? QStringLiteral("合成市%1").arg(n / 50) : QStringLiteral("合成区%1").arg(n);
    d.meta.level = municipal ? QStringLiteral("municipal") : QStringLiteral("district");
    d.meta.year = 2019 + n % 5;
    d.meta.title = d.meta.jurisdiction + QStringLiteral("营商环境优化提升工作方案");
    d.path = QStringLiteral("/synthetic/") + d.meta.docId + QStringLiteral(".txt");
    d.layout = Layout::NumberedProse;
    d.encoding = QStringLiteral("UTF-8");
    QString src = d.meta.title + QLatin1Char('\n');
    const int count = 60 + int(rng.bounded(31));
    for (int k = 0; k < count; ++k) {
        bench::appendMeasure(a, src, pool[int(rng.bounded(quint32(pool.size())))], k);
    }
    d.source = src;
    d.sha256 = QString::number(n); // unique per plan; the importer never sees the file
    return a;
}

// CPU time of this process (user + system), in nanoseconds: the machine is shared, so wall time
// alone measures the neighbours too.
qint64 cpuNanoseconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

// The reference the issue measures import against: plain SQLite, an FTS5 table with the built-in
// trigram tokenizer, the same measure texts (title, body, units) inserted one plan per transaction
// (WAL, synchronous=NORMAL, as the store), through the C API with one prepared statement. Returns
// MB/s of plan source text, as the import column; 0 when SQLite cannot open the file.
struct Throughput {
    double wall = 0; // MB/s
    double cpu = 0;  // MB per CPU second
};

Throughput referenceTrigram(int plans, const QList<bench::PooledMeasure>& pool, const QString& dir) {
    const QString path = dir + QStringLiteral("/reference-trigram-%1.sqlite").arg(plans);
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return {};
    }
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE VIRTUAL TABLE ref USING "
                 "fts5(title, body, units, tokenize='trigram')",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO ref(title, body, units) VALUES (?,?,?)", -1, &ins, nullptr);
    qint64 bytes = 0;
    qint64 elapsed = 0;
    qint64 cpu = 0;
    QElapsedTimer t;
    for (int n = 0; n < plans && ins; ++n) {
        const Analysis a = synthesize(n, pool);
        bytes += a.document.source.toUtf8().size();
        const qint64 cpu0 = cpuNanoseconds();
        t.start();
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        for (const Measure& m : a.document.measures) {
            const QByteArray title = m.title.toUtf8();
            const QByteArray body = m.body.toUtf8();
            QStringList units;
            for (const Unit& u : m.lead)
                units << u.written;
            for (const Unit& u : m.partners)
                units << u.written;
            const QByteArray unitText = units.join(QLatin1Char(' ')).toUtf8();
            sqlite3_bind_text(ins, 1, title.constData(), int(title.size()), SQLITE_STATIC);
            sqlite3_bind_text(ins, 2, body.constData(), int(body.size()), SQLITE_STATIC);
            sqlite3_bind_text(ins, 3, unitText.constData(), int(unitText.size()), SQLITE_STATIC);
            sqlite3_step(ins);
            sqlite3_reset(ins);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        elapsed += t.nsecsElapsed();
        cpu += cpuNanoseconds() - cpu0;
    }
    sqlite3_finalize(ins);
    sqlite3_close(db);
    QFile::remove(path);
    if (elapsed <= 0 || cpu <= 0)
        return {};
    return {double(bytes) / 1e6 / (double(elapsed) / 1e9), double(bytes) / 1e6 / (double(cpu) / 1e9)};
}

double percentile(QList<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[qMin(v.size() - 1, qsizetype(p * double(v.size())))];
}

long peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

struct Figures {
    int plans = 0;
    qint64 measures = 0;
    double sourceMb = 0;
    double importSeconds = 0;
    double importCpuSeconds = 0;
    double ftsMb = 0;
    double ftsSeconds = 0;
    double dbMb = 0;
    double referenceMbPerSecond = 0;
    double referenceCpuMbPerSecond = 0;
    double compareP50 = 0, compareP95 = 0;                 // every call reading the file
    double compareRepeatedP50 = 0, compareRepeatedP95 = 0; // with the connection's kept rows
    double searchP50 = 0, searchP95 = 0;
    long rssMb = 0;
};

Database* g_db = nullptr; // for the Google Benchmark micro-benchmarks below

// PLANCOMPARE_BENCH_PG=postgresql://USER@HOST:PORT/DB (a server's maintenance database, e.g. the URI
// tests/pg/pgcluster.sh writes): a new PostgreSQL database `name` there (dropped first); its URI.
QString freshPostgresDatabase(const QString& server, const QString& name) {
    {
        QSqlDatabase admin =
            QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
        const QUrl u(server);
        admin.setHostName(u.host());
        admin.setPort(u.port(5432));
        admin.setUserName(u.userName());
        admin.setDatabaseName(u.path().mid(1));
        if (admin.open()) {
            QSqlQuery q(admin);
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
            q.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    QUrl db(server);
    db.setPath(QLatin1Char('/') + name);
    return db.toString();
}

const QStringList kIndicators{QStringLiteral("wa.time"), QStringLiteral("el.time.low_voltage"),
                              QStringLiteral("sb.time"), QStringLiteral("cp.time.social_general"),
                              QStringLiteral("ga.time")};
const QStringList kQueries{QStringLiteral("电"),         QStringLiteral("用水"),
                           QStringLiteral("报装全流程"), QStringLiteral("营商环境"),
                           QStringLiteral("不动产登记"), QStringLiteral("5G")};

struct ConcurrentFigures {
    int plans = 0;
    int clients = 0;
    double sourceMb = 0;
    double importSeconds = 0;
    double dbMb = 0;
    double compareP50 = 0, compareP95 = 0;
    double searchP50 = 0, searchP95 = 0;
    QString error;
};

// `clients` threads, each with its own connection: plans n ≡ k (mod clients) imported by client k, all
// at once (wall time); then every client runs 40 comparisons and 30 searches (the same mix as run())
// at once.
ConcurrentFigures runConcurrent(int plans, int clients, const QList<bench::PooledMeasure>& pool,
                                const Taxonomy& taxonomy, const QString& dir) {
    ConcurrentFigures f;
    f.plans = plans;
    f.clients = clients;
    const QString server = qEnvironmentVariable("PLANCOMPARE_BENCH_PG");
    QString path = dir + QStringLiteral("/bench-%1-c%2.sqlite").arg(plans).arg(clients);
    // PLANCOMPARE_BENCH_PG_DATABASE=NAME: queries only, on that database of the server as it is (e.g.
    // bench_10000_c8 left by an earlier run); the import columns stay 0.
    const QString existing = qEnvironmentVariable("PLANCOMPARE_BENCH_PG_DATABASE");
    if (!server.isEmpty() && !existing.isEmpty()) {
        QUrl u(server);
        u.setPath(QLatin1Char('/') + existing);
        path = u.toString();
    } else if (!server.isEmpty()) {
        path = freshPostgresDatabase(server, QStringLiteral("bench_%1_c%2").arg(plans).arg(clients));
    } else {
        QFile::remove(path);
    }
    auto first = Database::open(path); // creates the schema once
    if (!first) {
        f.error = first.errorMessage();
        return f;
    }
    (void)(*first)->storeTaxonomy(taxonomy);
    std::mutex lock;
    std::atomic<qint64> bytes{0};
    const auto fail = [&](const QString& e) {
        const std::lock_guard<std::mutex> g(lock);
        if (f.error.isEmpty())
            f.error = e;
    };
    QElapsedTimer wall;
    wall.start();
    {
        std::vector<std::thread> threads;
        for (int k = 0; k < clients; ++k) {
            threads.emplace_back([&, k] {
                auto db = Database::open(path);
                if (!db) {
                    fail(db.errorMessage());
                    return;
                }
                (*db)->beginSearchBatch();
                for (int n = k; n < plans && existing.isEmpty(); n += clients) {
                    const Analysis a = synthesize(n, pool);
                    bytes += a.document.source.toUtf8().size();
                    if (n > 0 && n % 1000 == 0) { // progress, so a run cut short still says something
                        const double seconds = double(wall.nsecsElapsed()) / 1e9;
                        fprintf(stderr, "  %d clients: plan %d after %.0f s, %.2f MB/s so far\n", clients, n,
                                seconds, double(bytes.load()) / 1e6 / seconds);
                    }
                    if (const auto r = (*db)->importAnalysis(a); !r) {
                        fail(QStringLiteral("import %1: %2").arg(n).arg(r.errorMessage()));
                        return;
                    }
                }
                if (const Status ended = (*db)->endSearchBatch(); !ended)
                    fail(QStringLiteral("indexing: %1").arg(ended.errorMessage()));
            });
        }
        for (std::thread& t : threads)
            t.join();
    }
    f.importSeconds = double(wall.nsecsElapsed()) / 1e9;
    f.sourceMb = double(bytes.load()) / 1e6;
    if (!f.error.isEmpty())
        return f;
    {
        QSqlQuery q((*first)->connection());
        if (!server.isEmpty()) {
            if (existing.isEmpty())
                q.exec(QStringLiteral("VACUUM ANALYZE"));
            if (q.exec(QStringLiteral("SELECT pg_database_size(current_database())")) && q.next())
                f.dbMb = q.value(0).toDouble() / 1e6;
        } else {
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            f.dbMb = double(QFileInfo(path).size()) / 1e6;
        }
    }
    QList<double> cmp, srch;
    QHash<QString, QList<double>> perQuery;
    {
        std::vector<std::thread> threads;
        for (int k = 0; k < clients; ++k) {
            threads.emplace_back([&, k] {
                auto db = Database::open(path);
                if (!db) {
                    fail(db.errorMessage());
                    return;
                }
                QList<double> mineCmp, mineSrch;
                QHash<QString, QList<double>> mine;
                QElapsedTimer t;
                // Interleaved, each client starting elsewhere in the mix.
                for (int i = 0; i < 40; ++i) {
                    (*db)->dropCachedRows(); // every comparison read from the file, as in run()'s cold calls
                    t.start();
                    const auto rows = compare::byIndicator(**db, kIndicators[(i + k) % kIndicators.size()]);
                    mineCmp << double(t.nsecsElapsed()) / 1e6;
                    if (!rows)
                        fail(rows.errorMessage());
                    if (i % 4 == 3)
                        continue;
                    t.start();
                    const QString& query = kQueries[(i + k) % kQueries.size()];
                    const auto hits = (*db)->search(query);
                    mineSrch << double(t.nsecsElapsed()) / 1e6;
                    mine[query] << mineSrch.last();
                    if (!hits)
                        fail(hits.errorMessage());
                }
                const std::lock_guard<std::mutex> g(lock);
                cmp << mineCmp;
                srch << mineSrch;
                for (auto it = mine.cbegin(); it != mine.cend(); ++it)
                    perQuery[it.key()] << it.value();
            });
        }
        for (std::thread& t : threads)
            t.join();
    }
    for (const QString& query : kQueries) // max: the first search of a query computes its phrase counts
        fprintf(stderr, "  %d clients, search %s: p50 %.2f ms, max %.2f ms\n", clients, qPrintable(query),
                percentile(perQuery.value(query), 0.5), percentile(perQuery.value(query), 1.0));
    f.compareP50 = percentile(cmp, 0.5);
    f.compareP95 = percentile(cmp, 0.95);
    f.searchP50 = percentile(srch, 0.5);
    f.searchP95 = percentile(srch, 0.95);
    return f;
}

Figures run(int plans, const QList<bench::PooledMeasure>& pool, const Taxonomy& taxonomy, const QString& dir,
            std::unique_ptr<Database>& keep) {
    Figures f;
    f.plans = plans;
    // PLANCOMPARE_BENCH_PG=postgresql://USER@HOST:PORT/DB (a server's maintenance database, e.g. the
    // URI tests/pg/pgcluster.sh writes): the same corpus in a new PostgreSQL database bench_N there.
    const QString server = qEnvironmentVariable("PLANCOMPARE_BENCH_PG");
    const bool pg = !server.isEmpty();
    QString path = dir + QStringLiteral("/bench-%1.sqlite").arg(plans);
    if (pg)
        path = freshPostgresDatabase(server, QStringLiteral("bench_%1").arg(plans));
    const bool reuse =
        !pg && qEnvironmentVariableIntValue("PLANCOMPARE_BENCH_REUSE") != 0 && QFileInfo::exists(path);
    if (!reuse && !pg)
        QFile::remove(path);
    auto opened = Database::open(path);
    if (!opened) {
        fprintf(stderr, "%s\n", qPrintable(opened.errorMessage()));
        return f;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    (void)db->storeTaxonomy(taxonomy);
    // PLANCOMPARE_BENCH_NO_INDEX=1: the row write path alone. The two search indexes become views whose
    // inserts do nothing, so the importer's per-plan index fill costs only its SELECT over the plan's
    // measures; the reference, the index rebuild and the searches are skipped.
    const bool noIndex = !pg && qEnvironmentVariableIntValue("PLANCOMPARE_BENCH_NO_INDEX") != 0;
    if (noIndex && !reuse) {
        // Whichever search tables and triggers this schema has (the set changes between versions).
        QSqlQuery q(db->connection());
        QStringList sql;
        q.exec(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'measures' "
                           "AND name LIKE 'measures_fts%'"));
        while (q.next())
            sql << QStringLiteral("DROP TRIGGER ") + q.value(0).toString();
        const QList<std::pair<QString, QString>> indexes{
            {QStringLiteral("measure_fts"), QStringLiteral("rowid, title, body, units")},
            {QStringLiteral("measure_chars"), QStringLiteral("rowid, text")}};
        for (const auto& [name, columns] : indexes) {
            q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'").arg(name));
            if (!q.next() || q.value(0).toInt() == 0)
                continue;
            QStringList nothing;
            for (qsizetype k = 0; k < columns.count(QLatin1Char(',')) + 1; ++k)
                nothing << QStringLiteral("NULL");
            sql << QStringLiteral("DROP TABLE ") + name
                << QStringLiteral("CREATE VIEW %1(%2) AS SELECT %3 WHERE 0")
                       .arg(name, columns, nothing.join(QLatin1Char(',')))
                << QStringLiteral("CREATE TRIGGER %1_skip INSTEAD OF INSERT ON %1 BEGIN SELECT 1; END")
                       .arg(name);
        }
        q.finish();
        for (const QString& statement : std::as_const(sql)) {
            if (!q.exec(statement)) {
                fprintf(stderr, "%s: %s\n", qPrintable(statement), qPrintable(q.lastError().text()));
                return f;
            }
        }
    }
    if (qEnvironmentVariableIsSet("BENCH_EXPERIMENT")) {
        QSqlQuery q(db->connection());
        for (const QString& sql : QString::fromLocal8Bit(qgetenv("BENCH_EXPERIMENT")).split(QLatin1Char(';')))
            q.exec(sql);
    }
    qint64 bytes = 0;
    QElapsedTimer t;
    qint64 elapsed = 0;
    qint64 cpu = 0;
    // As pc::Importer stores a run of files: one search batch (the index catches up every few plans
    // and at the end, which is timed with the import).
    db->beginSearchBatch();
    for (int n = 0; n < plans && !reuse; ++n) {
        const Analysis a = synthesize(n, pool);
        bytes += a.document.source.toUtf8().size();
        f.measures += a.document.measures.size();
        const qint64 cpu0 = cpuNanoseconds();
        t.start();
        const auto r = db->importAnalysis(a);
        elapsed += t.nsecsElapsed();
        cpu += cpuNanoseconds() - cpu0;
        if (!r) {
            fprintf(stderr, "import %d: %s\n", n, qPrintable(r.errorMessage()));
            return f;
        }
    }
    {
        const qint64 cpu0 = cpuNanoseconds();
        t.start();
        const Status ended = db->endSearchBatch();
        elapsed += t.nsecsElapsed();
        cpu += cpuNanoseconds() - cpu0;
        if (!ended) {
            fprintf(stderr, "indexing: %s\n", qPrintable(ended.errorMessage()));
            return f;
        }
    }
    f.sourceMb = double(bytes) / 1e6;
    if (!reuse && !pg && !noIndex && qEnvironmentVariableIntValue("PLANCOMPARE_BENCH_NO_REFERENCE") == 0) {
        const Throughput r = referenceTrigram(plans, pool, dir);
        f.referenceMbPerSecond = r.wall;
        f.referenceCpuMbPerSecond = r.cpu;
    }
    f.importSeconds = double(elapsed) / 1e9;
    f.importCpuSeconds = double(cpu) / 1e9;
    if (pg) {
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral("VACUUM ANALYZE"));
        if (q.exec(QStringLiteral("SELECT pg_database_size(current_database())")) && q.next())
            f.dbMb = q.value(0).toDouble() / 1e6;
    } else {
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        f.dbMb = double(QFileInfo(path).size()) / 1e6;
        // Where the bytes go: tables and indexes over 1 % of the file (dbstat, when SQLite has it).
        if (q.exec(QStringLiteral("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"))) {
            while (q.next()) {
                const double mb = q.value(1).toDouble() / 1e6;
                if (mb >= f.dbMb / 100)
                    fprintf(stderr, "  bytes %s: %.1f MB\n", qPrintable(q.value(0).toString()), mb);
            }
        }
    }

    // FTS indexing alone: rebuild the index over the stored measure text (SQLite's FTS5 table).
    if (!reuse && !pg && !noIndex) {
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral(
            "SELECT sum(length(CAST(pc_title(body, title) AS BLOB)) + length(CAST(pc_body(body) AS BLOB)) + "
            "length(CAST(pc_units(body, units) AS BLOB))) FROM measures"));
        q.next();
        f.ftsMb = q.value(0).toDouble() / 1e6;
        q.finish();
        t.start();
        q.exec(QStringLiteral("BEGIN"));
        q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"));
        q.exec(QStringLiteral("COMMIT"));
        f.ftsSeconds = double(t.nsecsElapsed()) / 1e9;
    }

    const QStringList& indicators = kIndicators;
    // Cold: every call reads its rows from the file (the connection's kept rows dropped first, as after
    // any change of the data). Repeated: the same 100 calls with the kept rows, as a user going back
    // and forth between indicators.
    for (const bool cold : {true, false}) {
        QList<double> cmp;
        for (int i = 0; i < 100; ++i) {
            if (cold)
                db->dropCachedRows();
            t.start();
            const auto rows = compare::byIndicator(*db, indicators[i % indicators.size()]);
            cmp << double(t.nsecsElapsed()) / 1e6;
            benchmark::DoNotOptimize(rows.ok());
        }
        for (int k = 0; k < indicators.size(); ++k) {
            QList<double> mine;
            for (int i = k; i < cmp.size(); i += int(indicators.size()))
                mine << cmp[i];
            const auto rows = compare::byIndicator(*db, indicators[k]);
            fprintf(stderr, "  compare %s %s: %lld rows, p50 %.2f ms, max %.2f ms\n",
                    cold ? "cold" : "repeated", qPrintable(indicators[k]), rows ? qint64(rows->size()) : -1LL,
                    percentile(mine, 0.5), percentile(mine, 1.0));
        }
        (cold ? f.compareP50 : f.compareRepeatedP50) = percentile(cmp, 0.5);
        (cold ? f.compareP95 : f.compareRepeatedP95) = percentile(cmp, 0.95);
    }
    const QStringList& queries = kQueries;
    QList<double> srch;
    QList<double> srchCpu; // the thread's CPU time (user and system) of each call: the load left out
    const auto threadCpuMs = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    };
    for (int i = 0; i < (noIndex ? 0 : 60); ++i) {
        const double cpu = threadCpuMs();
        t.start();
        const auto hits = db->search(queries[i % queries.size()]);
        srch << double(t.nsecsElapsed()) / 1e6;
        srchCpu << threadCpuMs() - cpu;
        benchmark::DoNotOptimize(hits.ok());
    }
    for (int k = 0; k < (noIndex ? 0 : queries.size()); ++k) {
        QList<double> mine;
        QList<double> mineCpu;
        for (int i = k; i < srch.size(); i += int(queries.size())) {
            mine << srch[i];
            mineCpu << srchCpu[i];
        }
        fprintf(stderr, "  search %s: p50 %.2f ms, max %.2f ms; CPU p50 %.2f ms, max %.2f ms\n",
                qPrintable(queries[k]), percentile(mine, 0.5), percentile(mine, 1.0),
                percentile(mineCpu, 0.5), percentile(mineCpu, 1.0));
    }
    if (!srchCpu.isEmpty())
        fprintf(stderr, "  search CPU p50 / p95: %.2f / %.2f ms\n", percentile(srchCpu, 0.5),
                percentile(srchCpu, 0.95));
    f.searchP50 = percentile(srch, 0.5);
    f.searchP95 = percentile(srch, 0.95);
    f.rssMb = peakRssMb();
    keep = std::move(db);
    return f;
}

// Cold: the rows read from the file on every call (the kept ones dropped, and freed, in the loop).
void BM_CompareByIndicator(benchmark::State& state) {
    for (auto _ : state) {
        g_db->dropCachedRows();
        benchmark::DoNotOptimize(compare::byIndicator(*g_db, QStringLiteral("wa.time")).ok());
    }
}

// Repeated: the connection's kept rows (nothing changed since the last call).
void BM_CompareByIndicatorRepeated(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(compare::byIndicator(*g_db, QStringLiteral("wa.time")).ok());
}

void BM_Search(benchmark::State& state, const char* query) {
    const QString q = QString::fromUtf8(query);
    for (auto _ : state)
        benchmark::DoNotOptimize(g_db->search(q).ok());
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    if (!taxonomy) {
        fprintf(stderr, "%s\n", qPrintable(taxonomy.errorMessage()));
        return 1;
    }
    const Result<QList<Analysis>> analysed = bench::analyzeSeeds(*taxonomy);
    if (!analysed) {
        fprintf(stderr, "%s\n", qPrintable(analysed.errorMessage()));
        return 1;
    }
    const QList<Analysis>& seeds = *analysed;
    const QList<bench::PooledMeasure> pool = bench::measurePool(seeds);
    QList<int> sizes;
    const QByteArray env = qgetenv("PLANCOMPARE_BENCH_PLANS");
    for (const QByteArray& part : (env.isEmpty() ? QByteArray("1000,10000") : env).split(','))
        sizes << part.trimmed().toInt();
    QTemporaryDir tmp;
    const QString keepDir = qEnvironmentVariable("PLANCOMPARE_BENCH_DIR");
    const QString dir = keepDir.isEmpty() ? tmp.path() : keepDir;
    const QByteArray clientsEnv = qgetenv("PLANCOMPARE_BENCH_CLIENTS");
    if (!clientsEnv.isEmpty()) {
        printf("| plans | clients | source MB | import s | import MB/s | DB MB | compare p50/p95 ms | search "
               "p50/p95 ms |\n|---|---|---|---|---|---|---|---|\n");
        fflush(stdout);
        for (int n : sizes) {
            for (const QByteArray& c : clientsEnv.split(',')) {
                const ConcurrentFigures f =
                    runConcurrent(n, qMax(1, c.trimmed().toInt()), pool, *taxonomy, dir);
                if (!f.error.isEmpty()) {
                    fprintf(stderr, "%s\n", qPrintable(f.error));
                    return 1;
                }
                printf("| %d | %d | %.1f | %.1f | %.2f | %.0f | %.2f / %.2f | %.2f / %.2f |\n", f.plans,
                       f.clients, f.sourceMb, f.importSeconds, f.sourceMb / f.importSeconds, f.dbMb,
                       f.compareP50, f.compareP95, f.searchP50, f.searchP95);
                fflush(stdout);
            }
        }
        return 0;
    }
    std::unique_ptr<Database> last;
    printf("| plans | measures | source MB | import s | import MB/s wall / CPU | FTS5-trigram reference "
           "MB/s wall / CPU | FTS rebuild MB/s | DB MB | DB / source | compare p50/p95 ms | repeated compare "
           "p50/p95 ms | search p50/p95 ms | peak RSS MB "
           "|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    fflush(stdout);
    for (int n : sizes) {
        last.reset();
        const Figures f = run(n, pool, *taxonomy, dir, last);
        printf("| %d | %lld | %.1f | %.1f | %.1f / %.1f | %.1f / %.1f | %.1f | %.0f | %.2f | %.2f / %.2f | "
               "%.3f / %.3f | %.2f / %.2f | %ld |\n",
               f.plans, f.measures, f.sourceMb, f.importSeconds, f.sourceMb / f.importSeconds,
               f.sourceMb / f.importCpuSeconds, f.referenceMbPerSecond, f.referenceCpuMbPerSecond,
               f.ftsMb / f.ftsSeconds, f.dbMb, f.dbMb / f.sourceMb, f.compareP50, f.compareP95,
               f.compareRepeatedP50, f.compareRepeatedP95, f.searchP50, f.searchP95, f.rssMb);
        fflush(stdout);
    }
    if (!last)
        return 1;
    g_db = last.get();
    benchmark::RegisterBenchmark("compare/byIndicator(wa.time)", BM_CompareByIndicator)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("compare/byIndicator(wa.time)/repeated", BM_CompareByIndicatorRepeated)
        ->Unit(benchmark::kMillisecond);
    for (const char* q : {"电", "用水", "报装全流程", "5G"}) {
        if (qEnvironmentVariableIntValue("PLANCOMPARE_BENCH_NO_INDEX") != 0)
            break;
        benchmark::RegisterBenchmark((std::string("search/") + q).c_str(), BM_Search, q)
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
