// Decoding bytes: strict UTF-8 first, then GB18030 (a superset of GBK), after a binary sniff.
#include "decode.h"

#include <cstring>

#include <QStringDecoder>
#include <QtEndian>

namespace pc::text {
namespace {

// Control bytes other than tab/CR/LF/FF are rare in text and common in binaries; NUL is decisive
// (UTF-16 files are treated as binary too: the plans are never stored that way).
bool looksBinary(const QByteArray& bytes) {
    const qsizetype n = std::min<qsizetype>(bytes.size(), 64 * 1024);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    if (n > 0 && std::memchr(p, 0, size_t(n)))
        return true;
    // Eight bytes at a time: a word without a byte below 0x20 (nearly every word of a text) adds
    // nothing; the others are counted byte by byte (C0 controls other than \t \n \f \r).
    qsizetype controls = 0;
    auto countBytes = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            const unsigned c = p[i];
            controls += (c < 0x20) & (c != '\t') & (c != '\n') & (c != '\r') & (c != '\f');
        }
    };
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 w;
        std::memcpy(&w, p + i, 8);
        // A byte below 0x20 sets its high bit here (the classic "has less than" test; exact for the
        // high bit of the lowest such byte, and any set bit sends the word to the byte count).
        if ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull)
            countBytes(i, i + 8);
    }
    countBytes(i, n);
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

bool decodeWellFormedUtf8(QByteArrayView bytes, QString& out) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return false;                   // QStringDecoder drops a leading byte order mark
    QString text(n, Qt::Uninitialized); // never more UTF-16 units than bytes
    char16_t* d = reinterpret_cast<char16_t*>(text.data());
    qsizetype i = 0;
    qsizetype w = 0;
    // Overlong, a surrogate, or a noncharacter (U+FDD0–FDEF, U+FFFE, U+FFFF): what a three-byte
    // sequence may not encode here.
    auto badThreeByte = [](char32_t u) {
        return u < 0x800 || (u >= 0xD800 && u <= 0xDFFF) || (u >= 0xFDD0 && (u <= 0xFDEF || u >= 0xFFFE));
    };
    while (i < n) {
        // A run of three-byte characters (nearly every Chinese character and mark): one eight-byte
        // load tests the lead and continuation bytes of two characters at once (bytes 7–8 unused);
        // a pair holding a character that may not be encoded is left to the loops below.
        while (i + 8 <= n) {
            quint64 v;
            std::memcpy(&v, p + i, 8);
            v = qFromLittleEndian(v);
            if ((v & 0xC0C0F0C0C0F0ull) != 0x8080E08080E0ull)
                break;
            const char32_t u0 = char32_t(((v & 0x0Fu) << 12) | ((v >> 2) & 0xFC0u) | ((v >> 16) & 0x3Fu));
            const char32_t u1 = char32_t(((v >> 12) & 0xF000u) | ((v >> 26) & 0xFC0u) | ((v >> 40) & 0x3Fu));
            if (badThreeByte(u0) || badThreeByte(u1))
                break;
            d[w] = char16_t(u0);
            d[w + 1] = char16_t(u1);
            w += 2;
            i += 6;
        }
        while (i + 4 <= n) {
            quint32 v;
            std::memcpy(&v, p + i, 4);
            v = qFromLittleEndian(v);
            if ((v & 0x00C0C0F0u) != 0x008080E0u)
                break;
            const char32_t u = ((v & 0x0Fu) << 12) | ((v >> 2) & 0xFC0u) | ((v >> 16) & 0x3Fu);
            if (badThreeByte(u))
                return false;
            d[w++] = char16_t(u);
            i += 3;
        }
        if (i >= n)
            break;
        const unsigned c = p[i];
        if (c < 0x80) {
            d[w++] = char16_t(c);
            ++i;
            // A run of ASCII, eight bytes at a time.
            while (i + 8 <= n) {
                quint64 chunk;
                std::memcpy(&chunk, p + i, 8);
                if (chunk & 0x8080808080808080ull)
                    break;
                for (int k = 0; k < 8; ++k)
                    d[w + k] = p[i + k];
                i += 8;
                w += 8;
            }
            continue;
        }
        auto cont = [&](qsizetype k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
        char32_t u;
        if ((c & 0xF0) == 0xE0) { // three bytes: nearly every Chinese character
            if (!cont(1) || !cont(2))
                return false;
            u = ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
            if (badThreeByte(u))
                return false;
            d[w++] = char16_t(u);
            i += 3;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            if (!cont(1))
                return false;
            d[w++] = char16_t(((c & 0x1F) << 6) | (p[i + 1] & 0x3F));
            i += 2;
            continue;
        }
        if (c < 0xF0 || c > 0xF4 || !cont(1) || !cont(2) || !cont(3))
            return false; // a continuation byte, C0/C1 (overlong), F5–FF, or a cut sequence
        u = ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
        if (u < 0x10000 || u > 0x10FFFF || (u & 0xFFFE) == 0xFFFE)
            return false;
        d[w++] = QChar::highSurrogate(u);
        d[w++] = QChar::lowSurrogate(u);
        i += 4;
    }
    text.truncate(w);
    out = std::move(text);
    return true;
}

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

    // Well-formed UTF-8 (nearly every plan) in one pass; QStringDecoder for the rest.
    if (decodeWellFormedUtf8(body, out.text)) {
        out.encoding = QStringLiteral("UTF-8");
        if (onlyWhitespace(out.text))
            return Error{path + QStringLiteral(": the file holds no text (only whitespace)"),
                         QStringLiteral("empty-file")};
        return out;
    }
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
