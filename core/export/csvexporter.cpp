// CSV export: one table, UTF-8 with a byte-order mark so Excel shows Chinese, optional Chinese header row.
#include "csvexporter.h"

#include "export/csv.h"
#include "export/exporttables.h"

#include <QSaveFile>

namespace pc {

QString CsvExporter::shortName() const {
    return QStringLiteral("csv");
}

QString CsvExporter::nameFilter() const {
    return QStringLiteral("CSV (*.csv)");
}

Status CsvExporter::write(const ExportData& data, const QString& path, const ExportOptions& options) const {
    const exporttables::Table t = exporttables::single(data, options.table, options);
    QStringList header;
    for (const exporttables::Column& c : t.columns)
        header << c.name;
    QList<QStringList> rows;
    rows.reserve(t.rows.size() + 1);
    if (const QStringList labels = exporttables::labelRow(t, options); !labels.isEmpty())
        rows.append(labels);
    for (const QList<QVariant>& r : t.rows) {
        QStringList cells;
        cells.reserve(r.size());
        for (const QVariant& v : r)
            cells << exporttables::cellText(v);
        rows.append(cells);
    }
    const QByteArray bytes = csv::table(header, rows, {true});
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Status::failure(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()),
                               QStringLiteral("write-failed"));
    if (f.write(bytes) != bytes.size() || !f.commit())
        return Status::failure(QStringLiteral("%1: writing failed: %2").arg(path, f.errorString()),
                               QStringLiteral("write-failed"));
    return okStatus();
}

} // namespace pc
