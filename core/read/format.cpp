// Format detection by content: %PDF-, zip members, OLE2 streams, the first HTML tag.
#include "format.h"

#include "zipfile.h"

namespace pc::read {
namespace {

bool startsWithNoCase(const QByteArray& bytes, qsizetype at, const char* prefix) {
    const qsizetype n = qsizetype(qstrlen(prefix));
    if (at + n > bytes.size())
        return false;
    return qstrnicmp(bytes.constData() + at, prefix, n) == 0;
}

// OLE2 directory entries name their streams in UTF-16LE; Word writes "WordDocument", WPS Office
// adds "WpsCustomData" (older Kingsoft files lack "WordDocument" altogether).
bool containsUtf16(const QByteArray& bytes, const char* ascii) {
    QByteArray needle;
    for (const char* p = ascii; *p; ++p) {
        needle.append(*p);
        needle.append('\0');
    }
    return bytes.contains(needle);
}

Format detectOle2(const QByteArray& bytes) {
    const bool word = containsUtf16(bytes, "WordDocument");
    const bool wps =
        containsUtf16(bytes, "WpsCustomData") || bytes.contains("Kingsoft") || bytes.contains("WPS Office");
    if (wps)
        return Format::Wps;
    return word ? Format::Doc : Format::Unknown;
}

} // namespace

qsizetype skipMarkupPreamble(const QByteArray& bytes) {
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    // A bounded number of comments/declarations: a hostile file of a million comments is text.
    for (int guard = 0; guard < 64; ++guard) {
        while (i < bytes.size() && (bytes.at(i) == ' ' || bytes.at(i) == '\t' || bytes.at(i) == '\r' ||
                                    bytes.at(i) == '\n' || bytes.at(i) == '\f'))
            ++i;
        if (startsWithNoCase(bytes, i, "<!--")) {
            const qsizetype end = bytes.indexOf("-->", i + 4);
            if (end < 0)
                return i;
            i = end + 3;
        } else if (startsWithNoCase(bytes, i, "<?xml")) {
            const qsizetype end = bytes.indexOf("?>", i + 5);
            if (end < 0)
                return i;
            i = end + 2;
        } else {
            return i;
        }
    }
    return i;
}

Format detectFormat(const QByteArray& bytes) {
    // PDF readers accept up to 1 KB of junk before the header.
    const qsizetype pdf =
        QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), 1024 + 5)).indexOf("%PDF-");
    if (pdf >= 0 && pdf < 1024)
        return Format::Pdf;
    if (bytes.startsWith("PK\x03\x04") || bytes.startsWith("PK\x05\x06")) {
        const QStringList names = zipMemberNames(bytes);
        if (names.contains(QStringLiteral("word/document.xml")))
            return Format::Docx;
        if (names.contains(QStringLiteral("OFD.xml")))
            return Format::Ofd;
        // A damaged archive lists nothing: the DOCX reader names the damage.
        return names.isEmpty() ? Format::Docx : Format::Unknown;
    }
    if (bytes.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return detectOle2(bytes);
    const qsizetype at = skipMarkupPreamble(bytes);
    for (const char* tag : {"<!doctype html", "<html", "<head", "<body"}) {
        if (startsWithNoCase(bytes, at, tag))
            return Format::Html;
    }
    return Format::Text;
}

} // namespace pc::read
