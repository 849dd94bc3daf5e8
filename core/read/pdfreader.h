// Reading a PDF: the text layer through Poppler, pages without one through OCR (Tesseract).
#pragma once

#include "common/result.h"
#include "read/readresult.h"

#include <QByteArray>

namespace pc::read {

// `path` only names the file in error messages. Errors (Error::code): "pdf-encrypted", "pdf-damaged",
// "pdf-no-text" (no text layer and OCR unavailable or disallowed), "ocr-unavailable", "cancelled",
// "too-large".
Result<ReadResult> readPdf(const QByteArray& bytes, const QString& path, const ReadOptions& options = {});

} // namespace pc::read
