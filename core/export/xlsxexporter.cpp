// XLSX export via libxlsxwriter: one sheet per table, typed numeric cells, frozen header rows.
#include "xlsxexporter.h"

#include "export/exporttables.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

namespace pc {

QString XlsxExporter::shortName() const {
    return QStringLiteral("xlsx");
}

QString XlsxExporter::nameFilter() const {
    return QStringLiteral("Excel (*.xlsx)");
}

Status XlsxExporter::write(const ExportData& data, const QString& path, const ExportOptions& options) const {
    // libxlsxwriter writes to a file name; write into a private temporary folder, then move the
    // bytes into place through QSaveFile so a failure never leaves half a workbook at `path`.
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return Status::failure(QStringLiteral("%1: no temporary folder for the workbook").arg(path),
                               QStringLiteral("write-failed"));
    const QByteArray tmpPath = QFile::encodeName(tmp.filePath(QStringLiteral("export.xlsx")));
    lxw_workbook* wb = workbook_new(tmpPath.constData());
    if (!wb)
        return Status::failure(QStringLiteral("%1: cannot create the workbook").arg(path),
                               QStringLiteral("write-failed"));
    lxw_format* headerFormat = workbook_add_format(wb);
    format_set_bold(headerFormat);
    format_set_bg_color(headerFormat, 0xDDE6F0);
    const int headerRows = options.chineseHeader || options.names ? 2 : 1;
    for (const exporttables::Table& t : exporttables::all(data, options)) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.toUtf8().constData());
        const QStringList labels = exporttables::labelRow(t, options);
        for (qsizetype c = 0; c < t.columns.size(); ++c) {
            worksheet_write_string(ws, 0, lxw_col_t(c), t.columns[c].name.toUtf8().constData(), headerFormat);
            if (!labels.isEmpty())
                worksheet_write_string(ws, 1, lxw_col_t(c), labels.at(c).toUtf8().constData(), headerFormat);
        }
        for (qsizetype r = 0; r < t.rows.size(); ++r) {
            const lxw_row_t row = lxw_row_t(r + headerRows);
            const QList<QVariant>& cells = t.rows[r];
            for (qsizetype c = 0; c < cells.size(); ++c) {
                const QVariant& v = cells[c];
                const lxw_col_t col = lxw_col_t(c);
                if (v.isNull() || !v.isValid())
                    continue;
                switch (v.typeId()) {
                case QMetaType::Bool:
                    worksheet_write_boolean(ws, row, col, v.toBool() ? 1 : 0, nullptr);
                    break;
                case QMetaType::Int:
                case QMetaType::LongLong:
                case QMetaType::Double:
                    worksheet_write_number(ws, row, col, v.toDouble(), nullptr);
                    break;
                default: {
                    // Excel's cell limit is 32,767 characters.
                    const QString s = v.toString().left(32767);
                    worksheet_write_string(ws, row, col, s.toUtf8().constData(), nullptr);
                }
                }
            }
        }
        worksheet_freeze_panes(ws, lxw_row_t(headerRows), 0);
        if (!t.rows.isEmpty())
            worksheet_autofilter(ws, lxw_row_t(headerRows - 1), 0, lxw_row_t(t.rows.size() + headerRows - 1),
                                 lxw_col_t(t.columns.size() - 1));
    }
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        return Status::failure(QStringLiteral("%1: writing the workbook failed: %2")
                                   .arg(path, QString::fromUtf8(lxw_strerror(err))),
                               QStringLiteral("write-failed"));
    QFile built(QFile::decodeName(tmpPath));
    if (!built.open(QIODevice::ReadOnly))
        return Status::failure(QStringLiteral("%1: the workbook was not written").arg(path),
                               QStringLiteral("write-failed"));
    const QByteArray bytes = built.readAll();
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
