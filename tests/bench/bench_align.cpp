// Benchmark: diffusion alignment of a district plan against the municipal plan (issue goal: < 100 ms),
// from analysed plans, so the figure is the alignment alone.
#include "align/alignment.h"
#include "benchseeds.h"
#include "extract/analysis.h"
#include "taxonomy/taxonomy.h"

#include <benchmark/benchmark.h>

namespace {

using pc::bench::taxonomy;

pc::align::Plan plan(const char* stem) {
    const QString path = QString::fromUtf8(PLANCOMPARE_TEST_SEEDS) + QLatin1Char('/') +
                         QString::fromUtf8(stem) + QStringLiteral(".txt");
    const auto a = pc::analyzeFile(path, taxonomy());
    if (!a)
        qFatal("%s", qPrintable(a.errorMessage()));
    return pc::align::planFrom(a.value());
}

void alignDistrict(benchmark::State& state, const char* district) {
    const pc::align::Plan d = plan(district);
    const pc::align::Plan city = plan("chongqing-2019");
    int pairs = 0;
    for (auto _ : state) {
        const pc::align::Alignment a = pc::align::align(d, city, &taxonomy());
        pairs = int(a.measures.size());
        benchmark::DoNotOptimize(pairs);
    }
    state.counters["measures"] = double(d.measures.size());
    state.counters["against"] = double(city.measures.size());
    state.counters["rows"] = pairs;
}

} // namespace

BENCHMARK_CAPTURE(alignDistrict, dazu_vs_municipal, "dazu-2019")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(alignDistrict, yuzhong_vs_municipal, "yuzhong-2023")->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
