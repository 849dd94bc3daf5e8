// Writes the chart document to PNG, SVG or PDF (by the file's suffix) at a chosen size and DPI.
#pragma once

#include "chartpainter.h"
#include "common/result.h"

namespace pc::ui {

struct ChartExportOptions {
    QSizeF size = defaultChartSize(); // logical document size in pixels at 96 DPI
    int dpi = 96;                     // PNG pixel density and PDF resolution
};

class ChartExport {
public:
    static QStringList suffixes(); // png svg pdf
    static QString nameFilter();   // for QFileDialog
    static Status write(const ChartSeriesData& data, const QString& path, const ChartStyle& style,
                        const ChartExportOptions& options = {});
};

} // namespace pc::ui
