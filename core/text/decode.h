// Decoding a plan file's bytes to text: UTF-8 (with or without BOM) or GB18030/GBK, rejecting binary.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace pc::text {

struct DecodedText {
    QString text;                   // decoded text, BOM removed; this is the source every span indexes into
    QString encoding;               // "UTF-8" or "GB18030"
    qsizetype invalidSequences = 0; // bytes replaced by U+FFFD in an otherwise UTF-8 file
};

// Decodes bytes read from `path` (the path only names the file in error messages).
// Errors: code "empty-file", "binary-file", "undecodable".
Result<DecodedText> decodeBytes(const QByteArray& bytes, const QString& path);

} // namespace pc::text
