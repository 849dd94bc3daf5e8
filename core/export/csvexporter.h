// CsvExporter: the "csv" export format (see exporter.h).
#pragma once

#include "export/exporter.h"

namespace pc {

class CsvExporter final : public Exporter {
public:
    QString shortName() const override;
    QString nameFilter() const override;
    Status write(const ExportData& data, const QString& path, const ExportOptions& options) const override;
};

} // namespace pc
