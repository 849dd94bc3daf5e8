// Parser throughput: each seed plan, and all five together, parsed from bytes in memory (MB/s).
#include "benchseeds.h"
#include "parse/parser.h"

#include <QCoreApplication>
#include <QFile>

#include <benchmark/benchmark.h>

namespace {

QByteArray readSeed(const char* stem) {
    QFile f(QString::fromUtf8(PLANCOMPARE_TEST_SEEDS) + QLatin1Char('/') + QString::fromUtf8(stem) +
            QStringLiteral(".txt"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const char* const kSeeds[] = {"chongqing-2019", "dazu-2019", "jiangjin-2021", "wulong-2022", "yuzhong-2023"};

void parseSeed(benchmark::State& state, const char* stem) {
    const QByteArray bytes = readSeed(stem);
    const QString path = QString::fromUtf8(stem) + QStringLiteral(".txt");
    qsizetype measures = 0;
    for (auto _ : state) {
        const pc::Result<pc::Document> doc = pc::parseBytes(bytes, path);
        if (!doc) {
            state.SkipWithError("parse failed");
            return;
        }
        measures = doc->measures.size();
        benchmark::DoNotOptimize(measures);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes.size());
    state.counters["measures"] = static_cast<double>(measures);
}

void BM_ParseAllSeeds(benchmark::State& state) {
    QList<QByteArray> all;
    int64_t total = 0;
    for (const char* s : kSeeds) {
        all.append(readSeed(s));
        total += all.last().size();
    }
    for (auto _ : state) {
        for (qsizetype i = 0; i < all.size(); ++i) {
            const pc::Result<pc::Document> doc = pc::parseBytes(all[i], QString::fromUtf8(kSeeds[i]));
            benchmark::DoNotOptimize(doc.ok());
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * total);
}

} // namespace

BENCHMARK_CAPTURE(parseSeed, chongqing, "chongqing-2019")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parseSeed, dazu, "dazu-2019")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parseSeed, jiangjin, "jiangjin-2021")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parseSeed, wulong, "wulong-2022")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parseSeed, yuzhong, "yuzhong-2023")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAllSeeds)->Unit(benchmark::kMillisecond);

PLANCOMPARE_BENCHMARK_MAIN()
