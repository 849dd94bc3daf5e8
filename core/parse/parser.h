// Parsing a plan file into the Document model: layout detection and the structure parsers behind it.
#pragma once

#include "common/manifest.h"
#include "common/result.h"
#include "model/document.h"
#include "read/readresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace pc {

struct ParseOptions {
    const ManifestEntry* manifest = nullptr; // fills metadata the text does not state
    QStringList knownUnits;                  // unit names seen in other plans (cue for interleaved text)
    std::function<bool(int)> progress;       // percent done; return false to cancel
    read::ReadOptions read;                  // limits and per-page progress of the file's reader
    bool identify = true; // compute Document::sha256 (the store's identity; a listing does not need it)
};

// Reads and parses a file. Errors (empty, binary, undecodable, unreadable, cancelled) name the file.
Result<Document> parseFile(const QString& path, const ParseOptions& options = {});
// Same, for bytes already read; `path` names the document (doc id = file stem) and messages. The bytes
// may be text, DOCX, HTML or PDF: read::readBytes decides from the content.
Result<Document> parseBytes(const QByteArray& bytes, const QString& path, const ParseOptions& options = {});
// Same, for a file already read by the reader layer (`bytes` are the original file's, for its hash).
Result<Document> parseRead(read::ReadResult read, const QByteArray& bytes, const QString& path,
                           const ParseOptions& options = {});

namespace parse {
// Evidence-based layout guess on normalized text (exposed for tests and diagnostics).
Layout detectLayout(const QString& normalizedText);
} // namespace parse

} // namespace pc
