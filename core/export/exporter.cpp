// The exporter registry and the data every export reads from the database.
#include "exporter.h"

#include "align/diffusion.h"
#include "csvexporter.h"
#include "jsonexporter.h"
#include "store/database.h"
#include "xlsxexporter.h"

#include <QSet>

#include <algorithm>

namespace pc {

QList<const Exporter*> exporters() {
    static const CsvExporter csvExporter;
    static const XlsxExporter xlsxExporter;
    static const JsonExporter jsonExporter;
    return {&xlsxExporter, &csvExporter, &jsonExporter};
}

const Exporter* exporterFor(const QString& shortName) {
    for (const Exporter* e : exporters()) {
        if (e->shortName() == shortName)
            return e;
    }
    return nullptr;
}

Result<ExportData> collectExportData(Database& db, const QString& indicator, const QString& area,
                                     const PlanSelection& selection) {
    ExportData d;
    d.indicator = indicator;
    d.area = area;
    Result<QList<DocumentRecord>> docs = db.documents();
    if (!docs)
        return docs.error();
    d.documents = *docs;
    MeasureFilter mf;
    mf.area = area;
    Result<QList<MeasureRecord>> ms = db.measures(mf);
    if (!ms)
        return ms.error();
    d.measures = *ms;
    TargetFilter tf;
    tf.indicator = indicator;
    tf.area = area;
    Result<QList<ComparisonRow>> ts = db.targets(tf);
    if (!ts)
        return ts.error();
    d.targets = *ts;
    if (!indicator.isEmpty()) {
        Result<QList<ComparisonRow>> rows = compare::byIndicator(db, indicator);
        if (!rows)
            return rows.error();
        d.comparison = *rows;
        if (Status s = db.readSentences(d.comparison); !s)
            return s.error();
    } else {
        // Without an indicator: every target, grouped by indicator (stable: plan order within).
        d.comparison = d.targets;
        std::stable_sort(
            d.comparison.begin(), d.comparison.end(),
            [](const ComparisonRow& a, const ComparisonRow& b) { return a.indicator < b.indicator; });
    }
    if (!area.isEmpty()) {
        Result<QList<CoverageCell>> cov = compare::coverageOfArea(db, area);
        if (!cov)
            return cov.error();
        d.coverage = *cov;
    }
    Result<QList<Area>> areas = db.areas();
    if (!areas)
        return areas.error();
    d.areas = *areas;
    Result<QList<Indicator>> indicators = db.indicators();
    if (!indicators)
        return indicators.error();
    d.indicators = *indicators;
    if (selection.mode == PlanSelection::Mode::All)
        return d;
    Result<QList<PlanInfo>> chosen = compare::plans(db, selection);
    if (!chosen)
        return chosen.error();
    QSet<QString> chosenDocs;
    for (const PlanInfo& p : *chosen)
        chosenDocs.insert(p.docId);
    auto keep = [&](auto& list) {
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&](const auto& x) { return !chosenDocs.contains(x.docId); }),
                   list.end());
    };
    keep(d.documents);
    keep(d.measures);
    keep(d.targets);
    keep(d.comparison);
    keep(d.coverage);
    return d;
}

Status addDiffusion(Database& db, ExportData& data, const PlanSelection& selection) {
    Result<QList<PlanInfo>> all = db.planInfos();
    if (!all)
        return all.error();
    Result<QList<PlanInfo>> chosen = compare::plans(db, selection);
    if (!chosen)
        return chosen.error();
    Result<QList<align::Alignment>> alignments = align::diffusionOf(db, *chosen, *all);
    if (!alignments)
        return alignments.error();
    data.diffusion = *alignments;
    return okStatus();
}

} // namespace pc
