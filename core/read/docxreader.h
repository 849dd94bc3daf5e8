// Reading a DOCX file: paragraphs, automatic numbering, tables as tab-separated rows.
#pragma once

#include "common/result.h"
#include "read/readresult.h"

#include <QByteArray>

namespace pc::read {

// Body text only: headers, footers, comments, footnotes, text boxes and deleted revisions are left
// out, inserted revisions kept. Origins: one run per paragraph (Origin::block = paragraph index in
// document order, table-cell paragraphs included). Errors (Error::code): "corrupt-zip", "zip-bomb",
// "not-docx", "corrupt-docx", "empty-file", "cancelled".
Result<ReadResult> readDocx(const QByteArray& bytes, const QString& path, const ReadOptions& options = {});

} // namespace pc::read
