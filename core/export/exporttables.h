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

// The tables of an export in order: documents, measures, targets, comparison (+ coverage with an area).
QList<Table> all(const ExportData& data);
// The single table a CSV gets.
Table single(const ExportData& data, ExportTable which);

// A cell as CSV text: '.' decimals, no exponent for ordinary values, 1/0 for flags, "" for null.
QString cellText(const QVariant& v);

} // namespace pc::exporttables
