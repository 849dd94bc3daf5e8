// Benchmark: the PDF reader on generated PDFs — a seed plan typeset over pages (text layer), the 大足
// measure table as a ruled table, and a scanned page read by OCR. Reports pages/s and MB/s.
#include "pdffixtures.h"

#include "read/pdfreader.h"

#include <benchmark/benchmark.h>

#include <QFile>
#include <QGuiApplication>

namespace {

using namespace pc::test::pdf;

QStringList seedLines(const QString& stem) {
    QFile f(QStringLiteral(PLANCOMPARE_TEST_SEEDS "/") + stem + QStringLiteral(".txt"));
    QStringList out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

void run(benchmark::State& state, const QByteArray& pdf, bool ocr) {
    pc::read::ReadOptions options;
    options.allowOcr = ocr;
    int pages = 0;
    for (auto _ : state) {
        const pc::Result<pc::read::ReadResult> r =
            pc::read::readPdf(pdf, QStringLiteral("bench.pdf"), options);
        if (!r.ok()) {
            state.SkipWithError(r.errorMessage().toStdString().c_str());
            return;
        }
        pages = r->pageCount;
        benchmark::DoNotOptimize(r->text.size());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * pdf.size());
    state.counters["pages"] = pages;
    state.counters["pages/s"] =
        benchmark::Counter(double(pages) * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["MB"] = double(pdf.size()) / 1e6;
}

void BM_TextLayerSeedPlans(benchmark::State& state) {
    static const QByteArray pdf = [] {
        QStringList all;
        for (const char* stem : {"chongqing-2019", "jiangjin-2021", "wulong-2022", "yuzhong-2023"})
            all += seedLines(QString::fromLatin1(stem));
        return typeset(all, {QStringLiteral("营商环境方案 基准测试排版"), PageNumbers::Dashes}).bytes;
    }();
    run(state, pdf, false);
}
BENCHMARK(BM_TextLayerSeedPlans)->Unit(benchmark::kMillisecond);

void BM_RuledTable(benchmark::State& state) {
    static const QByteArray pdf = [] {
        // The 大足 measure table: a cell per tab-indented line, rows separated by blank lines.
        QFile f(QStringLiteral(PLANCOMPARE_TEST_SEEDS "/dazu-2019.txt"));
        QList<QStringList> rows;
        QStringList row;
        if (f.open(QIODevice::ReadOnly)) {
            for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
                if (line.trimmed().isEmpty()) {
                    if (row.size() == 5 && row.join(QString()).size() < 600)
                        rows << row;
                    row.clear();
                } else if (line.startsWith(QLatin1Char('\t'))) {
                    row << line.trimmed();
                } else if (!row.isEmpty()) {
                    row.last() += line.trimmed();
                }
            }
        }
        return tablePdf(QStringLiteral("附件"), rows, {48, 92, 175, 80, 80}, QStringLiteral("完"));
    }();
    run(state, pdf, false);
}
BENCHMARK(BM_RuledTable)->Unit(benchmark::kMillisecond);

void BM_OcrScannedPage(benchmark::State& state) {
    static const QByteArray pdf = [] {
        const QStringList lines = seedLines(QStringLiteral("jiangjin-2021"));
        return imagePdf({scannedPage(lines.mid(20, 12), 300, 12)});
    }();
    run(state, pdf, true);
}
BENCHMARK(BM_OcrScannedPage)->Unit(benchmark::kSecond)->Iterations(3);

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
