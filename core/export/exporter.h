// One exporter interface for CSV, XLSX and JSON, shared by the GUI's "Export…" and `plancompare-cli export`.
#pragma once

#include "align/alignment.h"
#include "common/result.h"
#include "compare/comparison.h"
#include "compare/planselection.h"
#include "naming/naming.h"
#include "store/records.h"

#include <QList>
#include <QString>

#include <optional>

namespace pc {

class Database;

// Everything an export may contain; filled from the database by collectExportData().
struct ExportData {
    QString indicator; // filter used, if any (then `comparison` holds its rows)
    QString area;      // filter used, if any
    QList<DocumentRecord> documents;
    QList<MeasureRecord> measures;
    QList<ComparisonRow> targets;
    QList<ComparisonRow> comparison;
    QList<CoverageCell> coverage; // with an area filter
    QList<Area> areas;            // the taxonomy, for names (ExportOptions::names)
    QList<Indicator> indicators;
    // Diffusion (addDiffusion): each district plan against the plan it implements.
    QList<align::Alignment> diffusion;
};

// Which table a single-table format (CSV) writes.
enum class ExportTable { Auto, Documents, Measures, Targets, Comparison, Diffusion, DiffusionTargets };

struct ExportOptions {
    bool chineseHeader = false;            // a second header row with Chinese column names
    ExportTable table = ExportTable::Auto; // CSV: Auto = comparison with --indicator, else targets
    // --lang: a second header row in this language, and name columns after the contract columns
    // (jurisdiction_name, area_name, indicator_name, unit_name, kind_name, coverage_name) written in
    // it. The first header row (snake_case keys) and every existing cell stay exactly as without it.
    std::optional<Language> names{};
};

class Exporter {
public:
    virtual ~Exporter() = default;
    virtual QString shortName() const = 0;  // the CLI --format value: csv, xlsx, json
    virtual QString nameFilter() const = 0; // for file dialogs: "CSV (*.csv)"
    // Writes atomically through QSaveFile: on failure the previous file at `path` is untouched.
    virtual Status write(const ExportData& data, const QString& path, const ExportOptions& options) const = 0;
};

// All exporters, in menu order; and lookup by shortName().
QList<const Exporter*> exporters();
const Exporter* exporterFor(const QString& shortName);

// Reads the tables for an export. With `indicator` the comparison rows of that indicator and only
// its targets; with `area` that area's measures, targets and coverage.
// Only the plans of `selection` (all plans by default; the CLI passes --latest/--year/--set).
Result<ExportData> collectExportData(Database& db, const QString& indicator = {}, const QString& area = {},
                                     const PlanSelection& selection = PlanSelection::all());
// Fills data.diffusion: every district plan of `selection` aligned with the plan it implements
// (align::diffusionPairs). The tables `diffusion` (one row per measure, then not_taken_up rows: the
// columns of `plancompare-cli align`) and `diffusion_targets` are then written.
Status addDiffusion(Database& db, ExportData& data, const PlanSelection& selection = PlanSelection::all());

// Version of the JSON export's layout ("schema_version" in the file).
inline constexpr int kJsonExportSchemaVersion = 1;

} // namespace pc
