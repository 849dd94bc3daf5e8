// Decoding bytes: strict UTF-8 first, then GB18030 (a superset of GBK), after a binary sniff.
#include "decode.h"

#include <cstring>

#include <QStringDecoder>

namespace pc::text {
namespace {

// Control bytes other than tab/CR/LF/FF are rare in text and common in binaries; NUL is decisive
// (UTF-16 files are treated as binary too: the plans are never stored that way).
bool looksBinary(const QByteArray& bytes) {
    const qsizetype n = std::min<qsizetype>(bytes.size(), 64 * 1024);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    if (n > 0 && std::memchr(p, 0, size_t(n)))
        return true;
    // One branch-free count the compiler vectorises: C0 controls other than \t \n \f \r.
    qsizetype controls = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned c = p[i];
        controls += (c < 0x20) & (c != '\t') & (c != '\n') & (c != '\r') & (c != '\f');
    }
    return n > 0 && controls * 100 > n; // more than 1 % control characters
}

bool onlyWhitespace(const QString& s) {
    for (const QChar c : s) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

} // namespace

Result<DecodedText> decodeBytes(const QByteArray& bytes, const QString& path) {
    if (bytes.isEmpty())
        return Error{path + QStringLiteral(": the file is empty"), QStringLiteral("empty-file")};
    if (looksBinary(bytes))
        return Error{
            path +
                QStringLiteral(": this is a binary file, not a text plan (it contains NUL or control bytes)"),
            QStringLiteral("binary-file")};

    DecodedText out;
    QByteArray body = bytes;
    const bool bom = body.startsWith("\xEF\xBB\xBF");
    if (bom)
        body.remove(0, 3);

    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(body);
    if (!utf8.hasError()) {
        out.text = std::move(text);
        out.encoding = QStringLiteral("UTF-8");
    } else {
        // A GB18030 file read as UTF-8 fails on nearly every Chinese character; a UTF-8 file with a
        // damaged byte here and there fails rarely. Keep the latter (flagged), try GB18030 otherwise.
        const qsizetype badUtf8 = text.count(QChar::ReplacementCharacter);
        if (bom || badUtf8 * 100 <= text.size()) {
            out.text = std::move(text);
            out.encoding = QStringLiteral("UTF-8");
            out.invalidSequences = badUtf8;
        } else {
            QStringDecoder gb("GB18030");
            if (!gb.isValid())
                return Error{path + QStringLiteral(": the file is not UTF-8 and GB18030 is not available"),
                             QStringLiteral("undecodable")};
            QString gbText = gb.decode(body);
            if (gb.hasError() || gbText.contains(QChar::ReplacementCharacter))
                return Error{path + QStringLiteral(": the file is neither UTF-8 nor GB18030 text"),
                             QStringLiteral("undecodable")};
            out.text = std::move(gbText);
            out.encoding = QStringLiteral("GB18030");
        }
    }
    if (onlyWhitespace(out.text))
        return Error{path + QStringLiteral(": the file holds no text (only whitespace)"),
                     QStringLiteral("empty-file")};
    return out;
}

} // namespace pc::text
