// Chart export: PNG through QImage, SVG through QSvgGenerator (title + sources in the metadata),
// PDF through QPdfWriter (fonts embedded); all three paint the same fixed-size document.
#include "chartexport.h"

#include "report/pdftounicode.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace pc::ui {

QStringList ChartExport::suffixes() {
    return {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
}

QString ChartExport::nameFilter() {
    return QStringLiteral("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)");
}

Status ChartExport::write(const ChartSeriesData& data, const QString& path, const ChartStyle& style,
                          const ChartExportOptions& options) {
    const QString description = style.language == Language::English
                                    ? QStringLiteral("Sources: ") + data.sources.join(QStringLiteral("; "))
                                    : QStringLiteral("来源：") + data.sources.join(QStringLiteral("；"));
    return writeDocument(
        data.title, description,
        [&](QPaintDevice& device, const QSizeF& size) { ChartPainter::render(data, device, size, style); },
        path, options);
}

Status ChartExport::writeDocument(const QString& title, const QString& description, const Paint& paint,
                                  const QString& path, const ChartExportOptions& options) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!suffixes().contains(suffix))
        return Status::failure(
            QStringLiteral("%1: unsupported chart format '%2' (use .png, .svg or .pdf)").arg(path, suffix),
            QStringLiteral("bad-format"));
    if (options.size.width() < 50 || options.size.height() < 50 || options.dpi < 30 || options.dpi > 1200)
        return Status::failure(QStringLiteral("%1: chart size %2×%3 at %4 DPI is out of range")
                                   .arg(path)
                                   .arg(options.size.width())
                                   .arg(options.size.height())
                                   .arg(options.dpi),
                               QStringLiteral("bad-size"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (suffix == QLatin1String("png")) {
        const qreal scale = options.dpi / 96.0;
        QImage image(QSize(int(std::lround(options.size.width() * scale)),
                           int(std::lround(options.size.height() * scale))),
                     QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        image.setDotsPerMeterX(int(std::lround(options.dpi / 0.0254)));
        image.setDotsPerMeterY(int(std::lround(options.dpi / 0.0254)));
        image.setText(QStringLiteral("Title"), title);
        image.setText(QStringLiteral("Description"), description);
        paint(image, options.size);
        if (!image.save(&buffer, "PNG"))
            return Status::failure(QStringLiteral("%1: cannot encode PNG").arg(path));
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(options.size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), options.size));
        svg.setResolution(96);
        svg.setTitle(title);
        svg.setDescription(description);
        paint(svg, options.size);
    } else {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(options.dpi);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("PlanCompare"));
        // The page is the document: width × height at 96 px per inch, no margins.
        pdf.setPageLayout(QPageLayout(
            QPageSize(QSizeF(options.size.width() * 72.0 / 96.0, options.size.height() * 72.0 / 96.0),
                      QPageSize::Point, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        paint(pdf, options.size);
    }
    buffer.close();
    if (suffix == QLatin1String("pdf"))
        repairPdfToUnicode(bytes);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(
            QStringLiteral("%1: cannot write the chart (%2)").arg(path, file.errorString()),
            QStringLiteral("write-failed"));
    return okStatus();
}

} // namespace pc::ui
