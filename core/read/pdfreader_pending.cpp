// Stand-in for the PDF reader until branch `pdf` is merged: PDF files are recognised and refused.
#include "pdfreader.h"

namespace pc::read {

Result<ReadResult> readPdf(const QByteArray& bytes, const QString& path, const ReadOptions& options) {
    Q_UNUSED(bytes);
    Q_UNUSED(options);
    return Error{QStringLiteral("%1: a PDF file; this build of PlanCompare cannot read PDF yet — save the "
                                "text (e.g. `pdftotext -layout FILE`) and import that")
                     .arg(path),
                 QStringLiteral("pdf-unsupported")};
}

} // namespace pc::read
