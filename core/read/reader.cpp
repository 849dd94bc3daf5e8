// Dispatch by detected format; size limits and the DOC/WPS/OFD conversion advice live here.
#include "reader.h"

#include "docxreader.h"
#include "format.h"
#include "htmlreader.h"
#include "pdfmodule.h"
#include "text/decode.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace pc::read {

QString conversionCommand(const QString& path) {
    QString quoted = path;
    if (quoted.contains(QLatin1Char(' ')) || quoted.contains(QLatin1Char('\'')))
        quoted = QLatin1Char('\'') + QString(quoted).replace(QLatin1String("'"), QLatin1String("'\\''")) +
                 QLatin1Char('\'');
    return QStringLiteral("soffice --headless --convert-to docx ") + quoted;
}

bool canConvertWithLibreOffice() {
    return !QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty();
}

QString importNameFilter() {
    return QStringLiteral("*.txt *.pdf *.docx *.html *.htm *.shtml *.xhtml");
}

Result<ReadResult> readBytes(const QByteArray& bytes, const QString& path, const ReadOptions& options) {
    if (bytes.size() > options.maxInputBytes)
        return Error{QStringLiteral("%1: the file is %2 MB, more than the %3 MB a plan may have")
                         .arg(path)
                         .arg(bytes.size() >> 20)
                         .arg(options.maxInputBytes >> 20),
                     QStringLiteral("too-large")};
    const Format format = detectFormat(bytes);
    switch (format) {
    case Format::Pdf:
        return readPdfThroughModule(bytes, path, options); // Poppler is loaded only now
    case Format::Docx:
        return readDocx(bytes, path, options);
    case Format::Html:
        return readHtml(bytes, path, options);
    case Format::Doc:
    case Format::Wps:
    case Format::Ofd: {
        const QString what = format == Format::Doc   ? QStringLiteral("a Word 97–2003 (.doc) document")
                             : format == Format::Wps ? QStringLiteral("a WPS Office document")
                                                     : QStringLiteral("an OFD document");
        const QString how =
            format == Format::Ofd
                ? QStringLiteral("; convert it to PDF or DOCX with the OFD reader it came with")
                : QStringLiteral("; convert it with `%1` and import the .docx").arg(conversionCommand(path));
        return Error{QStringLiteral("%1: %2, which PlanCompare does not read%3").arg(path, what, how),
                     QStringLiteral("needs-conversion")};
    }
    case Format::Unknown:
        return Error{QStringLiteral("%1: neither text, PDF, DOCX nor HTML (a zip archive or Office file "
                                    "of another kind)")
                         .arg(path),
                     QStringLiteral("unknown-format")};
    case Format::Text:
        break;
    }
    Result<text::DecodedText> decoded = text::decodeBytes(bytes, path);
    if (!decoded)
        return decoded.error();
    ReadResult out;
    out.format = Format::Text;
    out.encoding = decoded.value().encoding;
    out.text = std::move(decoded.value().text);
    if (const qsizetype bad = decoded.value().invalidSequences; bad > 0) {
        const qsizetype at = out.text.indexOf(QChar::ReplacementCharacter);
        out.issues.append(
            {Issue::Severity::Warning, QStringLiteral("invalid-bytes"),
             QStringLiteral("%1 byte sequences are not valid UTF-8 and were replaced by U+FFFD").arg(bad),
             Span{at, at + 1}});
    }
    return out;
}

Result<QByteArray> fileBytes(const QString& path, const ReadOptions& options) {
    QFile f(path);
    if (!f.exists())
        return Error{path + QStringLiteral(": no such file"), QStringLiteral("not-found")};
    if (QFileInfo(path).isDir())
        return Error{path + QStringLiteral(": is a directory, not a plan file"),
                     QStringLiteral("not-a-file")};
    if (!f.open(QIODevice::ReadOnly))
        return Error{path + QStringLiteral(": cannot be read (") + f.errorString() + QStringLiteral(")"),
                     QStringLiteral("unreadable")};
    if (f.size() > options.maxInputBytes)
        return Error{QStringLiteral("%1: the file is %2 MB, more than the %3 MB a plan may have")
                         .arg(path)
                         .arg(f.size() >> 20)
                         .arg(options.maxInputBytes >> 20),
                     QStringLiteral("too-large")};
    return f.readAll();
}

Result<ReadResult> readFile(const QString& path, const ReadOptions& options) {
    Result<QByteArray> bytes = fileBytes(path, options);
    if (!bytes)
        return bytes.error();
    return readBytes(bytes.value(), path, options);
}

} // namespace pc::read
