// Benchmark: parse + extract + classify the five seed plans, and each stage alone, so extraction can be
// compared with parsing (it should cost no more than the parse itself).
#include "common/datapaths.h"
#include "extract/analysis.h"
#include "extract/targetextractor.h"
#include "parse/parser.h"
#include "taxonomy/classifier.h"
#include "taxonomy/taxonomy.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QFile>

namespace {

const QStringList kSeeds = {QStringLiteral("chongqing-2019"), QStringLiteral("dazu-2019"),
                            QStringLiteral("jiangjin-2021"), QStringLiteral("wulong-2022"),
                            QStringLiteral("yuzhong-2023")};

struct Seeds {
    QList<QByteArray> bytes;
    QStringList paths;
    qint64 total = 0;
};

const Seeds& seeds() {
    static const Seeds s = [] {
        Seeds out;
        for (const QString& stem : kSeeds) {
            const QString path =
                QString::fromUtf8(PLANCOMPARE_TEST_SEEDS) + QLatin1Char('/') + stem + QStringLiteral(".txt");
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

const pc::Taxonomy& taxonomy() {
    static const pc::Taxonomy t = [] {
        const auto path = pc::findDataFile(QStringLiteral("taxonomy/indicators.json"));
        if (!path)
            qFatal("%s", qPrintable(path.errorMessage()));
        auto r = pc::Taxonomy::load(path.value());
        if (!r)
            qFatal("%s", qPrintable(r.errorMessage()));
        return r.value();
    }();
    return t;
}

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
    const pc::Classifier classifier(taxonomy());
    pc::AnalyzeOptions options;
    options.classifier = &classifier;
    options.identify = false;
    qsizetype targets = 0;
    for (auto _ : state) {
        targets = 0;
        for (qsizetype i = 0; i < seeds().bytes.size(); ++i) {
            const auto a = pc::analyzeBytes(seeds().bytes[i], seeds().paths[i], taxonomy(), options);
            targets += a ? a->targets.size() : 0;
        }
    }
    state.SetBytesProcessed(state.iterations() * seeds().total);
    state.counters["targets"] = double(targets);
}
BENCHMARK(BM_TargetsCli)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
