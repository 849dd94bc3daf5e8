// The tables every export writes (documents, measures, targets, comparison, coverage): column names in
// English and Chinese and typed cells, so CSV, XLSX and JSON say the same thing.
#pragma once

#include "export/exporter.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace pc::exporttables {

struct Column {
    QString name; // English, snake_case: the CSV/JSON key
    QString zh;   // Chinese header row
    QString en{}; // English header row (--lang en); empty: derived from `name`
};

// Cells are QVariant: double/int for numbers, bool for flags, QString for text, null when empty.
struct Table {
    QString name; // documents | measures | targets | comparison | coverage
    QList<Column> columns;
    QList<QList<QVariant>> rows;
};

Table documents(const ExportData& data);
Table measures(const ExportData& data);
Table targets(const QList<ComparisonRow>& rows, const QString& name);
Table coverage(const ExportData& data);
// Diffusion: doc, measure_no, against_doc, against_measure_no, similarity, relation (adopted |
// adapted | new | not_taken_up, `doc` empty on not_taken_up rows), then out_of_order and
// suggested_against_title; and the aligned targets (stricter/same/looser, earlier/same/later).
Table diffusion(const QList<align::Alignment>& alignments);
Table diffusionTargets(const QList<align::Alignment>& alignments);

// The tables of an export in order: documents, measures, targets, comparison (+ coverage with an area),
// with name columns appended when `options.names` asks for them.
QList<Table> all(const ExportData& data, const ExportOptions& options = {});
// The single table a CSV gets.
Table single(const ExportData& data, ExportTable which, const ExportOptions& options = {});
// The second header row: column labels in options.names' language, else Chinese with
// options.chineseHeader, else empty (one header row).
QStringList labelRow(const Table& table, const ExportOptions& options);
// Appends `<column>_name` columns for the jurisdiction, area, indicator, unit, kind and coverage
// columns the table has, named in `language` (naming::). Existing columns are untouched.
void appendNames(Table& table, const ExportData& data, Language language);

// A cell as CSV text: '.' decimals, no exponent for ordinary values, 1/0 for flags, "" for null.
QString cellText(const QVariant& v);

} // namespace pc::exporttables
