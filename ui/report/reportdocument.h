// A printable report (per indicator or per area): HTML from core/export plus rendered charts,
// written as PDF (Chinese fonts embedded) or standalone HTML, or printed through QPrinter.
#pragma once

#include "common/result.h"
#include "data/workbenchdata.h"

#include <QHash>
#include <QImage>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace pc::ui {

struct ReportDocument {
    QString title;
    QString html;                          // <img src> names refer to `images`
    QHash<QString, QImage> images;         // chart images by resource name
    Language language = Language::Chinese; // of the page footer ("page n of N")

    // A QTextDocument with the images registered and the Simplified Chinese font as default.
    std::unique_ptr<QTextDocument> textDocument() const;
    QString standaloneHtml() const; // images inlined as data: URIs
    void print(QPagedPaintDevice& device) const;
    Status writePdf(const QString& path) const;
    Status writeHtml(const QString& path) const;
    Status write(const QString& path) const; // by suffix: .pdf or .html/.htm
};

class ReportBuilder {
public:
    explicit ReportBuilder(WorkbenchData& data, QString generatedAt = {},
                           Language language = Language::Chinese);
    Result<ReportDocument> indicatorReport(const QString& indicatorId);
    Result<ReportDocument> areaReport(const QString& areaId);

private:
    WorkbenchData& m_data;
    QString m_generatedAt;
    Language m_language;
};

} // namespace pc::ui
