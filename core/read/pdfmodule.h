// The PDF reader (Poppler, Tesseract and the ~50 libraries they pull in) lives in a module of its own,
// libplancompare_pdf.so, loaded with dlopen when the first PDF arrives: a program that reads text,
// DOCX or HTML never maps those libraries (start-up of every plancompare-cli command).
#pragma once

#include "common/result.h"
#include "read/readresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pc::read {

// Where the module is looked for, in order: $PLANCOMPARE_PDF_MODULE (a file), then
// <program folder>/<PLANCOMPARE_PDF_MODULE_SUBDIR>/libplancompare_pdf.so (installed:
// PREFIX/bin/../lib/plancompare; in the build tree: build/<preset>/lib/plancompare, one level above
// app/ and tests/).
QStringList pdfModuleCandidates();

// readPdf() through the module. Without it the read fails with code "pdf-module-missing" and a message
// naming the file, the module and where it was looked for; a module from another build fails with
// "pdf-module-invalid".
Result<ReadResult> readPdfThroughModule(const QByteArray& bytes, const QString& path,
                                        const ReadOptions& options);

} // namespace pc::read

// The module's entry points (C names, looked up with dlsym). The version changes whenever ReadOptions,
// ReadResult or Result change shape: a module from another build is refused, not called.
#define PLANCOMPARE_PDF_MODULE_ABI 1
extern "C" {
using PlancomparePdfAbiFn = int (*)();
using PlancomparePdfReadFn = void (*)(const QByteArray* bytes, const QString* path,
                                      const pc::read::ReadOptions* options,
                                      pc::Result<pc::read::ReadResult>* out);
}
