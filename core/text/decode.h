// Decoding a plan file's bytes to text: UTF-8 (with or without BOM) or GB18030/GBK, rejecting binary.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace pc::text {

struct DecodedText {
    QString text;                   // decoded text, BOM removed; this is the source every span indexes into
    QString encoding;               // "UTF-8" or "GB18030"
    qsizetype invalidSequences = 0; // bytes replaced by U+FFFD in an otherwise UTF-8 file
};

// Well-formed UTF-8 to UTF-16 in one pass (ASCII eight bytes at a time): true and `out` set when
// `bytes` is well-formed UTF-8 that QStringDecoder would decode without error and without dropping a
// byte order mark; false (out untouched) otherwise — an ill-formed sequence, a leading byte order
// mark, a noncharacter — and the caller decodes with QStringDecoder. The result is then exactly what
// QStringDecoder gives (tests/core/text/decode_test.cpp compares them).
bool decodeWellFormedUtf8(QByteArrayView bytes, QString& out);

// Decodes bytes read from `path` (the path only names the file in error messages).
// Errors: code "empty-file", "binary-file", "undecodable".
Result<DecodedText> decodeBytes(const QByteArray& bytes, const QString& path);

} // namespace pc::text
