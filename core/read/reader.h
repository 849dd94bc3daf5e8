// The reader layer's entry point: any plan file → text with its origins, by the format its bytes show.
#pragma once

#include "common/result.h"
#include "read/readresult.h"

#include <QByteArray>
#include <QString>

namespace pc::read {

// Detects the format from the content and runs its reader. Text goes through text::decodeBytes
// (UTF-8 or GB18030, binary refused). DOC, WPS and OFD are recognised and refused with the command
// that converts them. Every error names `path` and the problem (Error::code: "too-large",
// "needs-conversion", "unknown-format", the readers' codes).
Result<ReadResult> readBytes(const QByteArray& bytes, const QString& path, const ReadOptions& options = {});
// Same on a file; also "not-found", "not-a-file", "unreadable".
Result<ReadResult> readFile(const QString& path, const ReadOptions& options = {});
// The bytes of a plan file, refused with a message naming it when it is missing, a folder,
// unreadable ("not-found", "not-a-file", "unreadable") or larger than options.maxInputBytes ("too-large").
Result<QByteArray> fileBytes(const QString& path, const ReadOptions& options = {});

// The conversion command for DOC/WPS/OFD ("soffice --headless --convert-to docx FILE").
QString conversionCommand(const QString& path);
// Whether LibreOffice's soffice is on PATH (the GUI/CLI may offer to convert).
bool canConvertWithLibreOffice();

// File name filter of every format PlanCompare reads, for file dialogs.
QString importNameFilter();

} // namespace pc::read
