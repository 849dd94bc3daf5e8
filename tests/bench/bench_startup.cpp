// The workbench's start-up path in-process: opening a database, building the main window with its
// six views and the navigator, and the first paint — over the seed database, on the first start
// (database built from the seeds by the background import) and, when PLANCOMPARE_BENCH_DB names
// one (e.g. bench_scale's bench-scale-10000.sqlite), over a large file. Prints ms and peak RSS.
//
//   PLANCOMPARE_BENCH_DB=/tmp/b/bench-scale-10000.sqlite build/ci/tests/bench/bench_startup
#include "app/seedimport.h"
#include "app/workbench.h"
#include "data/databasedata.h"
#include "guiapp.h"
#include "mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <memory>

using namespace pc;
using namespace pc::ui;

namespace {

double peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

// Open, build the window, show it and paint it once (what a start does before the user sees it).
void openAndPaint(benchmark::State& state, const QString& path, bool fromSeeds) {
    Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(path);
    if (!data) {
        state.SkipWithError(qPrintable(data.errorMessage()));
        return;
    }
    Workbench wb(*data.value());
    std::unique_ptr<SeedImport> seeding;
    if (fromSeeds) {
        const Result<QStringList> seeds = seedFiles();
        if (!seeds) {
            state.SkipWithError(qPrintable(seeds.errorMessage()));
            return;
        }
        seeding = std::make_unique<SeedImport>(wb, seeds.value());
        seeding->start();
    }
    MainWindow window(wb);
    window.resize(1440, 900);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.show();
    QApplication::processEvents();
    if (seeding) {
        seeding->waitForDone();
        if (!seeding->failures().isEmpty())
            state.SkipWithError(qPrintable(seeding->failures()));
    }
    benchmark::DoNotOptimize(window.grab());
    state.counters["plans"] = double(wb.snapshot().plans.size());
}

void setCounters(benchmark::State& state) {
    state.counters["peak_rss_MB"] = peakRssMb();
}

QString seedDatabase() {
    static QTemporaryDir dir;
    static QString path;
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("seeds.sqlite"));
        Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(path);
        const Result<QStringList> seeds = seedFiles();
        if (data && seeds)
            data.value()->importFiles(seeds.value(), {});
    }
    return path;
}

void BM_OpenSeedDatabase(benchmark::State& state) {
    const QString path = seedDatabase();
    for (auto _ : state)
        openAndPaint(state, path, false);
    setCounters(state);
}
BENCHMARK(BM_OpenSeedDatabase)->Unit(benchmark::kMillisecond)->MinTime(2.0)->MeasureProcessCPUTime();

void BM_FirstStartFromSeeds(benchmark::State& state) {
    QTemporaryDir dir;
    int n = 0;
    for (auto _ : state) {
        const QString path = dir.filePath(QStringLiteral("new-%1.sqlite").arg(n++));
        openAndPaint(state, path, true);
    }
    setCounters(state);
}
// Process CPU time: the import's worker thread counts.
BENCHMARK(BM_FirstStartFromSeeds)->Unit(benchmark::kMillisecond)->MinTime(2.0)->MeasureProcessCPUTime();

void BM_OpenLargeDatabase(benchmark::State& state) {
    const QString path = QString::fromLocal8Bit(qgetenv("PLANCOMPARE_BENCH_DB"));
    if (path.isEmpty() || !QFile::exists(path)) {
        state.SkipWithError("set PLANCOMPARE_BENCH_DB to a database file (bench_scale builds one)");
        return;
    }
    for (auto _ : state)
        openAndPaint(state, path, false);
    setCounters(state);
}
BENCHMARK(BM_OpenLargeDatabase)->Unit(benchmark::kMillisecond)->Iterations(3)->MeasureProcessCPUTime();

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    applyChineseFont(); // as the application does: the CJK face is part of the start-up
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
