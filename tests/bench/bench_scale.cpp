// Plan sets, the matrix, a 40-bar chart and alignment at scale: a synthetic corpus of N plans (default
// 10,000; $PLANCOMPARE_BENCH_PLANS) recombined from the seed measures like bench_store, under the 40
// jurisdictions of the gazetteer (38 districts and counties and two zones) plus the municipality,
// years 2019–2024. Files go to $PLANCOMPARE_BENCH_DIR (kept; bench-scale-N.sqlite, reused with
// PLANCOMPARE_BENCH_REUSE=1) or a temporary folder. Prints p50/p95 of each step:
//   switch   compare::plans for latest / year / a named set of 40
//   matrix   the latest set's rows by indicator (one index range per plan) + MatrixModel::setInput
//   bars     ScaleCharts::dataFor(Bars) for 40+ jurisdictions + render to a 900 × 1,100 image
//   align    one district plan against the municipal plan from the database (planFromDatabase + align)
#include "align/alignment.h"
#include "chart/scalecharts.h"
#include "common/manifest.h"
#include "compare/planselection.h"
#include "extract/analysis.h"
#include "gazetteer/gazetteer.h"
#include "models/matrixmodel.h"
#include "store/database.h"
#include "store/importer.h"
#include "synthplans.h"
#include "taxonomy/taxonomy.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace pc;

namespace {

// Plan n: 60–90 measures of the seed plans laid out one after another (spans moved with the text),
// under jurisdiction n % 41 (0 = 重庆市) and year 2019 + (n / 41) % 6; every 7th a 专项方案.
Analysis synthesize(int n, const QList<bench::PooledMeasure>& pool,
                    const QList<gazetteer::Jurisdiction>& places) {
    QRandomGenerator rng(quint32(n) * 2654435761u + 17);
    Analysis a;
    Document& d = a.document;
    const gazetteer::Jurisdiction& j = places[n % places.size()];
    d.meta.docId = QStringLiteral("scale-%1").arg(n, 5, 10, QLatin1Char('0'));
    d.meta.jurisdiction = j.name;
    d.meta.jurisdictionCode = j.code;
    d.meta.level = j.level();
    d.meta.year = 2019 + (n / int(places.size())) % 6;
    d.meta.planKind = n % 7 == 3 ? QStringLiteral("special") : QStringLiteral("comprehensive");
    d.meta.issuedOn = QStringLiteral("%1-06-%2").arg(d.meta.year).arg(1 + n % 28, 2, 10, QLatin1Char('0'));
    d.meta.docNumber = QStringLiteral("合成发〔%1〕%2号").arg(d.meta.year).arg(n);
    d.meta.title = j.name + QStringLiteral("营商环境优化提升工作方案");
    d.path = QStringLiteral("/synthetic/") + d.meta.docId + QStringLiteral(".txt");
    d.layout = Layout::NumberedProse;
    d.encoding = QStringLiteral("UTF-8");
    QString src = d.meta.title + QLatin1Char('\n');
    const int count = 60 + int(rng.bounded(31));
    for (int k = 0; k < count; ++k) {
        bench::appendMeasure(a, src, pool[int(rng.bounded(quint32(pool.size())))], k, [&](Target& t) {
            // Values vary by plan so that bars, boxes and trends have something to show (rates stay
            // as written: 114 % would be nonsense).
            if (t.value && t.kind == QLatin1String("level") && *t.value >= 2 && t.unit != QLatin1String("%"))
                t.value = std::max(1.0, std::round(*t.value * (0.6 + 0.08 * double((n * 7 + k) % 11))));
        });
    }
    d.source = src;
    d.sha256 = QStringLiteral("scale-%1").arg(n);
    return a;
}

struct Timing {
    double p50 = 0, p95 = 0;
};

Timing timeIt(int repeats, const std::function<void()>& step) {
    QList<double> ms;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        step();
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min<qsizetype>(ms.size() - 1, qsizetype(0.95 * double(ms.size())))]};
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int plans = qEnvironmentVariableIsSet("PLANCOMPARE_BENCH_PLANS")
                          ? qEnvironmentVariableIntValue("PLANCOMPARE_BENCH_PLANS")
                          : 10000;
    QTemporaryDir tmp;
    const QString dir = qEnvironmentVariableIsSet("PLANCOMPARE_BENCH_DIR")
                            ? QString::fromLocal8Bit(qgetenv("PLANCOMPARE_BENCH_DIR"))
                            : tmp.path();
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/bench-scale-%1.sqlite").arg(plans);
    const bool reuse =
        qEnvironmentVariableIntValue("PLANCOMPARE_BENCH_REUSE") != 0 && QFileInfo::exists(path);

    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    if (!taxonomy) {
        fprintf(stderr, "%s\n", qPrintable(taxonomy.errorMessage()));
        return 1;
    }
    if (!reuse)
        QFile::remove(path);
    auto opened = Database::open(path);
    if (!opened) {
        fprintf(stderr, "%s\n", qPrintable(opened.errorMessage()));
        return 1;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    if (!reuse) {
        (void)db->storeTaxonomy(*taxonomy);
        const Result<QList<Analysis>> analysed = bench::analyzeSeeds(*taxonomy);
        if (!analysed) {
            fprintf(stderr, "%s\n", qPrintable(analysed.errorMessage()));
            return 1;
        }
        const QList<Analysis>& seeds = *analysed;
        const QList<bench::PooledMeasure> pool = bench::measurePool(seeds);
        // The municipality, the 38 districts and counties, and the first two zones: 41 places.
        QList<gazetteer::Jurisdiction> places;
        int zones = 0;
        for (const gazetteer::Jurisdiction& j : gazetteer::all())
            if (j.kind != QLatin1String("zone") || zones++ < 2)
                places << j;
        QElapsedTimer t;
        t.start();
        for (int n = 0; n < plans; ++n) {
            if (const auto r = db->importAnalysis(synthesize(n, pool, places)); !r) {
                fprintf(stderr, "import %d: %s\n", n, qPrintable(r.errorMessage()));
                return 1;
            }
            if (n % 1000 == 999)
                fprintf(stderr, "imported %d plans in %.0f s\n", n + 1, double(t.elapsed()) / 1000);
        }
    }
    const QList<PlanInfo> latest = compare::plans(*db, PlanSelection::latest()).value();
    QStringList forty;
    for (const PlanInfo& p : latest)
        if (forty.size() < 40)
            forty << p.docId;
    (void)db->savePlanSet(QStringLiteral("forty"), forty);

    printf("plans in database: %d; latest set: %lld plans\n", plans, qint64(latest.size()));
    const Timing switching = timeIt(30, [&] {
        benchmark::DoNotOptimize(compare::plans(*db, PlanSelection::latest()));
        benchmark::DoNotOptimize(compare::plans(*db, PlanSelection::ofYear(2021)));
        benchmark::DoNotOptimize(compare::plans(*db, PlanSelection::named(QStringLiteral("forty"))));
    });
    printf("switch plan set (latest + year + named, 3 selections): p50 %.1f ms, p95 %.1f ms\n", switching.p50,
           switching.p95);

    int matrixColumns = 0, matrixRows = 0;
    const Timing matrix = timeIt(10, [&] {
        Result<QHash<QString, QList<ComparisonRow>>> rows =
            compare::rowsByIndicator(*db, PlanSelection::latest());
        ui::MatrixInput in;
        in.areas = db->areas().value();
        const QList<Indicator> indicators = db->indicators().value();
        for (const Indicator& i : indicators)
            if (rows->contains(i.id))
                in.indicators << i;
        in.plans = compare::plans(*db, PlanSelection::latest()).value();
        in.rows = std::move(rows).value();
        ui::MatrixModel model;
        model.setInput(std::move(in));
        matrixColumns = model.columnCount() - ui::MatrixModel::FirstPlanColumn;
        matrixRows = model.rowCount();
    });
    printf("matrix (%d plans × %d indicators, latest set): p50 %.1f ms, p95 %.1f ms\n", matrixColumns,
           matrixRows, matrix.p50, matrix.p95);

    const QList<ComparisonRow> waRows =
        compare::byIndicator(*db, QStringLiteral("wa.time"), PlanSelection::latest()).value();
    int bars = 0;
    const Timing chart = timeIt(10, [&] {
        ui::ChartStyle style;
        style.title = QStringLiteral("获得用水办理时间");
        const ui::ScaleChartData data = ui::ScaleCharts::dataFor(ui::ScaleChartKind::Bars, waRows, style);
        bars = int(data.bars.size());
        const QSizeF size = ui::ScaleCharts::preferredSize(data);
        QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
        ui::ScaleCharts::render(data, image, size, style);
    });
    printf("bar chart (%d bars, wa.time, latest set, render 900 px wide): p50 %.1f ms, p95 %.1f ms\n", bars,
           chart.p50, chart.p95);

    QString district, municipal;
    for (const PlanInfo& p : latest) {
        if (p.level == QLatin1String("municipal") && municipal.isEmpty())
            municipal = p.docId;
        if (p.level != QLatin1String("municipal") && district.isEmpty())
            district = p.docId;
    }
    QHash<QString, Direction> better;
    const QList<Indicator> indicators = db->indicators().value();
    for (const Indicator& i : indicators)
        better.insert(i.id, i.better);
    const Timing aligning = timeIt(20, [&] {
        const align::Plan a = align::planFromDatabase(*db, district).value();
        const align::Plan b = align::planFromDatabase(*db, municipal).value();
        benchmark::DoNotOptimize(align::align(a, b, better));
    });
    printf("align %s against %s (from the database): p50 %.1f ms, p95 %.1f ms\n", qPrintable(district),
           qPrintable(municipal), aligning.p50, aligning.p95);
    return 0;
}
