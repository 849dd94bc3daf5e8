// Writes the chart document to PNG, SVG or PDF (by the file's suffix) at a chosen size and DPI.
#pragma once

#include "chartpainter.h"
#include "common/result.h"

#include <functional>

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
    // Any chart document: `paint` draws it at logical size `size` onto the device (PNG, SVG or PDF by
    // the path's suffix); title and description go into the file's metadata.
    using Paint = std::function<void(QPaintDevice& device, const QSizeF& size)>;
    static Status writeDocument(const QString& title, const QString& description, const Paint& paint,
                                const QString& path, const ChartExportOptions& options = {});
};

} // namespace pc::ui
