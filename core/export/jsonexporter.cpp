// JSON export: every table as an array of objects keyed by the English column names, with a schema version.
#include "jsonexporter.h"

#include "export/exporttables.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace pc {

QString JsonExporter::shortName() const {
    return QStringLiteral("json");
}

QString JsonExporter::nameFilter() const {
    return QStringLiteral("JSON (*.json)");
}

Status JsonExporter::write(const ExportData& data, const QString& path, const ExportOptions& options) const {
    QJsonObject root;
    root.insert(QStringLiteral("schema_version"), kJsonExportSchemaVersion);
    root.insert(QStringLiteral("generator"), QStringLiteral("PlanCompare " PLANCOMPARE_VERSION));
    root.insert(QStringLiteral("exported_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    QJsonObject filters;
    filters.insert(QStringLiteral("indicator"),
                   data.indicator.isEmpty() ? QJsonValue() : QJsonValue(data.indicator));
    filters.insert(QStringLiteral("area"), data.area.isEmpty() ? QJsonValue() : QJsonValue(data.area));
    root.insert(QStringLiteral("filters"), filters);
    QJsonObject columnsZh;
    for (const exporttables::Table& t : exporttables::all(data, options)) {
        QJsonArray rows;
        for (const QList<QVariant>& r : t.rows) {
            QJsonObject o;
            for (qsizetype i = 0; i < t.columns.size(); ++i)
                o.insert(t.columns[i].name, QJsonValue::fromVariant(r.value(i)));
            rows.append(o);
        }
        root.insert(t.name, rows);
        if (const QStringList labels = exporttables::labelRow(t, options); !labels.isEmpty()) {
            QJsonObject names;
            for (qsizetype c = 0; c < t.columns.size(); ++c)
                names.insert(t.columns.at(c).name, labels.at(c));
            columnsZh.insert(t.name, names);
        }
    }
    if (!columnsZh.isEmpty()) // column labels in the chosen language (--lang), else Chinese (--zh-header)
        root.insert(options.names == Language::English ? QStringLiteral("column_names_en")
                                                       : QStringLiteral("column_names_zh"),
                    columnsZh);
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
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
