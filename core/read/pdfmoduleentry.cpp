// The entry points of libplancompare_pdf.so (see pdfmodule.h): readPdf() behind C names.
#include "pdfmodule.h"
#include "pdfreader.h"

#include <QtGlobal>

extern "C" {

Q_DECL_EXPORT int plancompare_pdf_module_abi() {
    return PLANCOMPARE_PDF_MODULE_ABI * 1000000 + QT_VERSION; // same layout and the same Qt
}

Q_DECL_EXPORT void plancompare_read_pdf(const QByteArray* bytes, const QString* path,
                                        const pc::read::ReadOptions* options,
                                        pc::Result<pc::read::ReadResult>* out) {
    *out = pc::read::readPdf(*bytes, *path, *options);
}

} // extern "C"
