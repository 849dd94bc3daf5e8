// Import throughput of real files through pc::Importer::importFiles (read, hash, decode, parse, extract,
// classify, store with the search index), as `plancompare-cli import` runs it: the five seeds copied
// PLANCOMPARE_BENCH_COPIES times (default 40: 200 files, 8.5 MB) under distinct names into a fresh
// SQLite file, one transaction per plan. /0: every file analysed and stored on one thread, one after
// another; /N: N files analysed ahead on worker threads while the calling thread stores.
// Counters: MB/s of file over wall time and over the whole process's CPU time (all threads; Google
// Benchmark's own CPU column counts the calling thread only), the calling (storing) thread's CPU
// seconds, peak RSS so far. PLANCOMPARE_BENCH_PRAGMAS: connection settings to try, PLANCOMPARE_BENCH_SQL:
// a script to run before the import (see below).
// The analyser is the CLI's (one shared classifier, the importer's hash only) and so are the
// allocator settings (PLANCOMPARE_BENCH_GLIBC_DEFAULTS=1: glibc's own). PLANCOMPARE_BENCH_SQL_PROFILE=1
// prints, after each run, the SQL statements of the storing connection by their total time (SQLite's
// own profile: wall time from the first step to the reset, triggers and FTS5 work included).
#include "common/batchmemory.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "store/importer.h"
#include "taxonomy/classifier.h"
#include "taxonomy/taxonomy.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <benchmark/benchmark.h>

#include <sqlite3.h>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Corpus {
    QTemporaryDir dir;
    QStringList files;
    qint64 bytes = 0;
};

const Corpus& corpus() {
    static const std::unique_ptr<Corpus> c = [] {
        auto out = std::make_unique<Corpus>();
        const int copies = qMax(1, qEnvironmentVariableIntValue("PLANCOMPARE_BENCH_COPIES") > 0
                                       ? qEnvironmentVariableIntValue("PLANCOMPARE_BENCH_COPIES")
                                       : 40);
        const QDir seeds(QStringLiteral(PLANCOMPARE_TEST_SEEDS));
        const QStringList names = seeds.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        for (int i = 0; i < copies; ++i) {
            for (const QString& n : names) {
                QFile in(seeds.filePath(n));
                if (!in.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = in.readAll();
                const QString path = out->dir.filePath(
                    QStringLiteral("%1-c%2.txt").arg(QFileInfo(n).completeBaseName()).arg(i));
                QFile f(path);
                if (f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size()) {
                    out->files << path;
                    out->bytes += bytes.size();
                }
            }
        }
        return out;
    }();
    return *c;
}

// SQLite's per-statement profile of one connection, summed by statement text.
// The connection's sqlite3 handle, or null for another engine.
sqlite3* nativeHandle(QSqlDatabase& connection) {
    const QVariant v = connection.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}

class SqlProfile {
public:
    void attach(QSqlDatabase& connection) {
        if (sqlite3* handle = nativeHandle(connection))
            sqlite3_trace_v2(handle, SQLITE_TRACE_PROFILE, &SqlProfile::onProfile, this);
    }
    void print(double storingCpu) const {
        std::vector<std::pair<std::string, Entry>> rows(m_entries.begin(), m_entries.end());
        std::sort(rows.begin(), rows.end(),
                  [](const auto& a, const auto& b) { return a.second.ns > b.second.ns; });
        double total = 0;
        for (const auto& r : rows)
            total += double(r.second.ns) / 1e9;
        printf("SQL profile: %.2f s in %zu statement texts (the storing thread's CPU: %.2f s)\n", total,
               rows.size(), storingCpu);
        for (size_t i = 0; i < rows.size() && i < 30; ++i)
            printf("%8.3f s %8lld× %.110s\n", double(rows[i].second.ns) / 1e9, rows[i].second.count,
                   rows[i].first.c_str());
    }

private:
    struct Entry {
        long long ns = 0;
        long long count = 0;
    };
    static int onProfile(unsigned, void* self, void* statement, void* nanoseconds) {
        const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
        std::string key = sql ? sql : "?";
        std::replace(key.begin(), key.end(), '\n', ' ');
        Entry& e = static_cast<SqlProfile*>(self)->m_entries[key];
        e.ns += *static_cast<sqlite3_int64*>(nanoseconds);
        ++e.count;
        return 0;
    }
    std::map<std::string, Entry> m_entries;
};

double cpuSeconds(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

void BM_ImportFiles(benchmark::State& state) {
    const pc::Result<pc::Taxonomy> taxonomy = pc::Taxonomy::loadDefault();
    if (!taxonomy) {
        state.SkipWithError(qPrintable(taxonomy.errorMessage()));
        return;
    }
    const Corpus& c = corpus();
    double wall = 0, cpu = 0, storeCpu = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dbDir;
        auto db = pc::Database::open(dbDir.filePath(QStringLiteral("bench.sqlite")));
        if (!db || !(*db)->storeTaxonomy(*taxonomy)) {
            state.SkipWithError("cannot open the database");
            return;
        }
        const pc::Taxonomy& t = *taxonomy;
        // As the CLI's and the GUI's analysers: one classifier for the run, no second SHA-256.
        const pc::Classifier classifier(t);
        pc::Importer importer(**db, [&t, &classifier](const QByteArray& bytes, const QString& path) {
            pc::AnalyzeOptions o;
            o.classifier = &classifier;
            o.identify = false;
            return pc::analyzeBytes(bytes, path, t, o);
        });
        // Settings to try, e.g. PLANCOMPARE_BENCH_PRAGMAS="wal_autocheckpoint=0;cache_size=-262144".
        for (const QString& p :
             qEnvironmentVariable("PLANCOMPARE_BENCH_PRAGMAS").split(QLatin1Char(';'), Qt::SkipEmptyParts))
            QSqlQuery((*db)->connection()).exec(QStringLiteral("PRAGMA ") + p);
        // A script to run first (any statements, triggers included, through sqlite3_exec), e.g. the search
        // index's settings: PLANCOMPARE_BENCH_SQL="INSERT INTO measure_fts(measure_fts, rank) VALUES
        // ('automerge', 8)".
        if (const QByteArray script = qgetenv("PLANCOMPARE_BENCH_SQL"); !script.isEmpty()) {
            sqlite3* handle = nativeHandle((*db)->connection());
            char* error = nullptr;
            if (!handle || sqlite3_exec(handle, script.constData(), nullptr, nullptr, &error) != SQLITE_OK) {
                state.SkipWithError(error ? error : "PLANCOMPARE_BENCH_SQL needs a SQLite database");
                sqlite3_free(error);
                return;
            }
        }
        SqlProfile profile;
        if (qEnvironmentVariableIsSet("PLANCOMPARE_BENCH_SQL_PROFILE"))
            profile.attach((*db)->connection());
        pc::ImportOptions options;
        options.analysesAhead = int(state.range(0));
        state.ResumeTiming();
        const double cpu0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
        const double storeCpu0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
        QElapsedTimer timer;
        timer.start();
        const QList<pc::FileImport> reports = importer.importFiles(c.files, options);
        db->reset(); // closing the file, with its last checkpoint, is part of the import
        wall += double(timer.nsecsElapsed()) / 1e9;
        cpu += cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
        storeCpu += cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - storeCpu0;
        state.PauseTiming();
        if (qEnvironmentVariableIsSet("PLANCOMPARE_BENCH_SQL_PROFILE"))
            profile.print(cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - storeCpu0);
        for (const pc::FileImport& r : reports) {
            if (r.status != pc::ImportStatus::Imported) {
                state.SkipWithError(qPrintable(r.reason));
                return;
            }
        }
        state.ResumeTiming();
    }
    const double mb = double(c.bytes) / 1e6 * double(state.iterations());
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    state.counters["files"] = double(c.files.size());
    state.counters["MB"] = double(c.bytes) / 1e6;
    state.counters["MB/s_wall"] = mb / wall;
    state.counters["MB/s_cpu"] = mb / cpu;
    state.counters["caller_CPU_s"] = storeCpu / double(state.iterations());
    state.counters["peak_RSS_MB"] = double(ru.ru_maxrss) / 1024.0;
}

BENCHMARK(BM_ImportFiles)
    ->ArgName("ahead")
    ->Arg(0)
    ->Arg(QThread::idealThreadCount())
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    // As plancompare-cli does (batchmemory.h); PLANCOMPARE_BENCH_GLIBC_DEFAULTS=1 leaves glibc's.
    if (!qEnvironmentVariableIsSet("PLANCOMPARE_BENCH_GLIBC_DEFAULTS"))
        pc::keepFreedMemoryForReuse();
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
