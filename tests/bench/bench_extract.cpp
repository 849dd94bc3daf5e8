// Benchmark: parse + extract + classify the five seed plans, and each stage alone, so extraction can be
// compared with parsing (it should cost no more than the parse itself).
#include "benchseeds.h"
#include "extract/analysis.h"
#include "extract/targetextractor.h"
#include "parse/parser.h"
#include "taxonomy/classifier.h"
#include "taxonomy/taxonomy.h"

#include <benchmark/benchmark.h>

namespace {

using pc::bench::seeds;
using pc::bench::taxonomy;

QList<pc::Document> parsedSeeds() {
    QList<pc::Document> docs;
    for (qsizetype i = 0; i < seeds().bytes.size(); ++i)
        docs << pc::parseBytes(seeds().bytes[i], seeds().paths[i]).value();
    return docs;
}

void BM_Parse(benchmark::State& state) {
    for (auto _ : state) {
        for (qsizetype i = 0; i < seeds().bytes.size(); ++i)
            benchmark::DoNotOptimize(pc::parseBytes(seeds().bytes[i], seeds().paths[i]));
    }
    state.SetBytesProcessed(state.iterations() * seeds().total);
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

// Classification of measures plus extraction and classification of targets, on parsed documents.
void BM_ExtractAndClassify(benchmark::State& state) {
    QList<pc::Document> docs = parsedSeeds();
    const pc::Classifier classifier(taxonomy());
    qsizetype targets = 0;
    for (auto _ : state) {
        targets = 0;
        for (pc::Document& d : docs) {
            for (pc::Measure& m : d.measures)
                m.area = classifier.classifyMeasure(m).area;
            targets += pc::extractTargets(d, classifier).size();
        }
    }
    state.SetBytesProcessed(state.iterations() * seeds().total);
    state.counters["targets"] = double(targets);
}
BENCHMARK(BM_ExtractAndClassify)->Unit(benchmark::kMillisecond);

// The whole pipeline as the CLI runs it: parse, classify measures, extract, classify targets.
void BM_Pipeline(benchmark::State& state) {
    const pc::Classifier classifier(taxonomy());
    for (auto _ : state) {
        for (qsizetype i = 0; i < seeds().bytes.size(); ++i) {
            pc::Document d = pc::parseBytes(seeds().bytes[i], seeds().paths[i]).value();
            for (pc::Measure& m : d.measures)
                m.area = classifier.classifyMeasure(m).area;
            benchmark::DoNotOptimize(pc::extractTargets(d, classifier));
        }
    }
    state.SetBytesProcessed(state.iterations() * seeds().total);
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

// What `plancompare-cli targets` does per file, from the file's bytes: detect the format, decode,
// normalise, parse, classify measures, extract and classify targets (one classifier for the run, no
// file hash). Compare with tests/bench/run_reference.sh, which times the CLI and a Python regex
// script on the same text.
void BM_TargetsCli(benchmark::State& state) {
    pc::bench::targetsAsTheCliRuns(state);
}
BENCHMARK(BM_TargetsCli)->Unit(benchmark::kMillisecond);

} // namespace

PLANCOMPARE_BENCHMARK_MAIN()
