// What several benchmarks share: the five seed plans' bytes and the shipped taxonomy, each loaded once
// (a missing file ends the program with its path), the targets pipeline as the CLI runs it, and a main()
// that gives them a QCoreApplication.
#pragma once

#include "common/datapaths.h"
#include "extract/analysis.h"
#include "taxonomy/classifier.h"
#include "taxonomy/taxonomy.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QStringList>

#include <benchmark/benchmark.h>

namespace pc::bench {

struct Seeds {
    QList<QByteArray> bytes;
    QStringList paths;
    qint64 total = 0; // bytes of all five
};

// The five seeds of seeds/ (the benchmark's PLANCOMPARE_TEST_SEEDS), in the order of their names.
inline const Seeds& seeds() {
    static const Seeds s = [] {
        Seeds out;
        for (const char* stem :
             {"chongqing-2019", "dazu-2019", "jiangjin-2021", "wulong-2022", "yuzhong-2023"}) {
            const QString path = QString::fromUtf8(PLANCOMPARE_TEST_SEEDS) + QLatin1Char('/') +
                                 QString::fromUtf8(stem) + QStringLiteral(".txt");
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                qFatal("cannot read %s", qPrintable(path));
            out.bytes << f.readAll();
            out.paths << path;
            out.total += out.bytes.last().size();
        }
        return out;
    }();
    return s;
}

// The shipped taxonomy (resources/taxonomy/indicators.json, found beside the program).
inline const Taxonomy& taxonomy() {
    static const Taxonomy t = [] {
        const auto path = findDataFile(QStringLiteral("taxonomy/indicators.json"));
        if (!path)
            qFatal("%s", qPrintable(path.errorMessage()));
        auto r = Taxonomy::load(path.value());
        if (!r)
            qFatal("%s", qPrintable(r.errorMessage()));
        return r.value();
    }();
    return t;
}

// The body of a benchmark of what `plancompare-cli targets` does per file, on the five seeds from their
// bytes: detect the format, decode, normalise, parse, classify measures, extract and classify targets
// (one classifier for the run, no file hash). Counter: the targets found.
inline void targetsAsTheCliRuns(benchmark::State& state) {
    const Classifier classifier(taxonomy());
    AnalyzeOptions options;
    options.classifier = &classifier;
    options.identify = false;
    qsizetype targets = 0;
    for (auto _ : state) {
        targets = 0;
        for (qsizetype i = 0; i < seeds().bytes.size(); ++i) {
            const auto a = analyzeBytes(seeds().bytes[i], seeds().paths[i], taxonomy(), options);
            targets += a ? a->targets.size() : 0;
        }
    }
    state.SetBytesProcessed(state.iterations() * seeds().total);
    state.counters["targets"] = double(targets);
}

} // namespace pc::bench

// A benchmark program's main(): a QCoreApplication (data files are found relative to the program), then
// Google Benchmark with its own arguments.
#define PLANCOMPARE_BENCHMARK_MAIN()                                                                         \
    int main(int argc, char** argv) {                                                                        \
        QCoreApplication app(argc, argv);                                                                    \
        benchmark::Initialize(&argc, argv);                                                                  \
        if (benchmark::ReportUnrecognizedArguments(argc, argv))                                              \
            return 1;                                                                                        \
        benchmark::RunSpecifiedBenchmarks();                                                                 \
        benchmark::Shutdown();                                                                               \
        return 0;                                                                                            \
    }
