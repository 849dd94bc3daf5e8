// DOCX → text: word/document.xml through QXmlStreamReader, numbering from numbering.xml and styles.xml.
#include "docxreader.h"

#include "docxnumbering.h"
#include "zipfile.h"

#include <QHash>
#include <QXmlStreamReader>

namespace pc::read {
namespace {

const QLatin1String kW("http://schemas.openxmlformats.org/wordprocessingml/2006/main");

struct StyleNumbering {
    int numId = -1; // -1: not set by this style
    int ilvl = -1;
    QString basedOn;
};

bool isW(const QXmlStreamReader& x, QLatin1String local) {
    return x.name() == local && x.namespaceUri() == kW;
}

QString wVal(const QXmlStreamReader& x) {
    return x.attributes().value(kW, QLatin1String("val")).toString();
}

QHash<QString, StyleNumbering> readStyles(const QByteArray& xml) {
    QHash<QString, StyleNumbering> out;
    if (xml.isEmpty())
        return out;
    QXmlStreamReader x(xml);
    QString current;
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement())
            continue;
        if (isW(x, QLatin1String("style")))
            current = x.attributes().value(kW, QLatin1String("styleId")).toString();
        else if (isW(x, QLatin1String("basedOn")) && !current.isEmpty())
            out[current].basedOn = wVal(x);
        else if (isW(x, QLatin1String("numId")) && !current.isEmpty())
            out[current].numId = wVal(x).toInt();
        else if (isW(x, QLatin1String("ilvl")) && !current.isEmpty())
            out[current].ilvl = wVal(x).toInt();
    }
    return out;
}

class DocumentReader {
public:
    DocumentReader(QXmlStreamReader& x, docx::Numbering& numbering,
                   const QHash<QString, StyleNumbering>& styles, const ReadOptions& options)
        : m_x(x)
        , m_numbering(numbering)
        , m_styles(styles)
        , m_options(options) {}

    bool run(ReadResult& out) {
        m_out = &out;
        while (!m_x.atEnd()) {
            m_x.readNext();
            if (m_x.isStartElement() && isW(m_x, QLatin1String("body"))) {
                readBlocks(QLatin1String("body"));
                break;
            }
        }
        return !m_cancelled;
    }

private:
    // Paragraphs and tables until the end of the enclosing element.
    void readBlocks(QLatin1String endName) {
        while (!m_x.atEnd() && !m_cancelled) {
            m_x.readNext();
            if (m_x.isEndElement() && isW(m_x, endName))
                return;
            if (!m_x.isStartElement())
                continue;
            if (isW(m_x, QLatin1String("p"))) {
                const QString text = readParagraph();
                if (!text.isEmpty())
                    emitLine(text, m_paragraph - 1);
                else if (!m_out->text.isEmpty())
                    m_out->text += QLatin1Char('\n'); // an empty paragraph is a blank line (plans use them
                                                      // between table rows written as lines)
            } else if (isW(m_x, QLatin1String("tbl"))) {
                readTable();
            } else if (skippable()) {
                m_x.skipCurrentElement();
            }
        }
    }

    bool skippable() const {
        const QStringView n = m_x.name();
        if (m_x.namespaceUri() == kW)
            return n == QLatin1String("del") || n == QLatin1String("moveFrom") ||
                   n == QLatin1String("instrText") || n == QLatin1String("delText") ||
                   n == QLatin1String("txbxContent") || n == QLatin1String("sectPr") ||
                   n == QLatin1String("footnoteReference") || n == QLatin1String("commentReference") ||
                   // formatting before a tracked change (an old numPr must not number the paragraph)
                   n == QLatin1String("pPrChange") || n == QLatin1String("rPrChange");
        // mc:Fallback repeats mc:Choice for older readers.
        return n == QLatin1String("Fallback");
    }

    void emitLine(const QString& text, int block) {
        OriginRun run;
        run.start = m_out->text.size();
        run.length = text.size();
        run.origin.block = block;
        m_out->origins.append(run);
        m_out->text += text;
        m_out->text += QLatin1Char('\n');
        if (m_options.progress && (m_paragraph % 256) == 0 && !m_options.progress(m_paragraph, 0))
            m_cancelled = true;
    }

    // A paragraph's text with its numbering label; the reader stands on <w:p>.
    QString readParagraph() {
        ++m_paragraph;
        QString text;
        QString style;
        int numId = -1;
        int ilvl = -1;
        bool hidden = false;
        int depth = 1;
        while (!m_x.atEnd() && depth > 0) {
            m_x.readNext();
            if (m_x.isEndElement()) {
                --depth;
                if (isW(m_x, QLatin1String("r")))
                    hidden = false;
                continue;
            }
            if (!m_x.isStartElement())
                continue;
            ++depth;
            const QStringView n = m_x.name();
            if (m_x.namespaceUri() != kW) {
                if (skippable()) {
                    m_x.skipCurrentElement();
                    --depth;
                }
                continue;
            }
            if (n == QLatin1String("r")) {
                hidden = false; // w:vanish of the paragraph mark (pPr/rPr) hides no run
            } else if (n == QLatin1String("pStyle")) {
                style = wVal(m_x);
            } else if (n == QLatin1String("numId")) {
                numId = wVal(m_x).toInt();
            } else if (n == QLatin1String("ilvl")) {
                ilvl = wVal(m_x).toInt();
            } else if (n == QLatin1String("vanish") || n == QLatin1String("webHidden")) {
                const QString v = wVal(m_x);
                hidden = v.isEmpty() || (v != QLatin1String("0") && v != QLatin1String("false"));
            } else if (n == QLatin1String("t")) {
                const QString t = m_x.readElementText(QXmlStreamReader::IncludeChildElements);
                --depth;
                if (!hidden)
                    text += t;
            } else if (n == QLatin1String("tab")) {
                // A tab in the runs (tab stop definitions, w:tabs, are skipped below). Kept as '\t':
                // text laid out with tabs reads like the tab-separated plans.
                text += QLatin1Char('\t');
            } else if (n == QLatin1String("br") || n == QLatin1String("cr")) {
                const QString type = m_x.attributes().value(kW, QLatin1String("type")).toString();
                if (type.isEmpty() || type == QLatin1String("textWrapping"))
                    text += QLatin1Char('\n');
            } else if (n == QLatin1String("noBreakHyphen")) {
                text += QLatin1Char('-');
            } else if (n == QLatin1String("tabs")) {
                m_x.skipCurrentElement(); // tab stop definitions, not tabs
                --depth;
            } else if (n == QLatin1String("p")) {
                // A paragraph nested in one (only through constructs skipped above): flatten it.
                text += QLatin1Char('\n');
            } else if (skippable()) {
                m_x.skipCurrentElement();
                --depth;
            }
        }
        QString label;
        if (numId < 0 && !style.isEmpty()) {
            // Numbering from the paragraph style (and the styles it is based on).
            QString s = style;
            for (int hop = 0; hop < 10 && !s.isEmpty(); ++hop) {
                const auto it = m_styles.constFind(s);
                if (it == m_styles.cend())
                    break;
                if (it->numId >= 0) {
                    numId = it->numId;
                    if (ilvl < 0)
                        ilvl = it->ilvl;
                    break;
                }
                s = it->basedOn;
            }
            if (numId > 0 && ilvl < 0)
                ilvl = m_numbering.levelForStyle(numId, style);
        }
        if (numId > 0)
            label = m_numbering.next(numId, ilvl < 0 ? 0 : ilvl);
        // Trailing and leading line breaks would make empty lines; keep those inside.
        while (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        // A paragraph of only a tab is kept: plans written as one table cell per line use it for
        // an empty cell.
        if (text.isEmpty() && label.trimmed().isEmpty())
            return {};
        return label + text;
    }

    // One line per row, cells joined by '\t' (a cell spanning columns adds empty cells); the
    // paragraphs of one cell are joined by spaces, nested tables flattened into their cell.
    void readTable() {
        int depth = 1;
        QStringList cells;
        QString cell;
        int span = 1;
        int cellDepth = -1;
        int rowFirstParagraph = -1;
        while (!m_x.atEnd() && depth > 0 && !m_cancelled) {
            m_x.readNext();
            if (m_x.isEndElement()) {
                --depth;
                if (isW(m_x, QLatin1String("tc")) && depth == cellDepth - 1) {
                    cells << cell.simplified().replace(QLatin1Char('\t'), QLatin1Char(' '));
                    for (int i = 1; i < span && i < 64; ++i)
                        cells << QString();
                    cell.clear();
                    span = 1;
                    cellDepth = -1;
                } else if (isW(m_x, QLatin1String("tr")) && depth == 1) {
                    bool any = false;
                    for (const QString& c : std::as_const(cells))
                        any = any || !c.isEmpty();
                    if (any)
                        emitLine(cells.join(QLatin1Char('\t')), rowFirstParagraph);
                    cells.clear();
                    rowFirstParagraph = -1;
                }
                continue;
            }
            if (!m_x.isStartElement())
                continue;
            ++depth;
            if (isW(m_x, QLatin1String("tc")) && cellDepth < 0) {
                cellDepth = depth;
            } else if (isW(m_x, QLatin1String("gridSpan")) && cellDepth > 0 && depth == cellDepth + 2) {
                span = qBound(1, wVal(m_x).toInt(), 64);
            } else if (isW(m_x, QLatin1String("p"))) {
                if (rowFirstParagraph < 0)
                    rowFirstParagraph = m_paragraph;
                const QString p = readParagraph();
                --depth;
                if (!p.isEmpty()) {
                    if (!cell.isEmpty())
                        cell += QLatin1Char(' ');
                    cell += QString(p).replace(QLatin1Char('\n'), QLatin1Char(' '));
                }
            } else if (skippable()) {
                m_x.skipCurrentElement();
                --depth;
            }
        }
    }

    QXmlStreamReader& m_x;
    docx::Numbering& m_numbering;
    const QHash<QString, StyleNumbering>& m_styles;
    const ReadOptions& m_options;
    ReadResult* m_out = nullptr;
    int m_paragraph = 0;
    bool m_cancelled = false;
};

} // namespace

Result<ReadResult> readDocx(const QByteArray& bytes, const QString& path, const ReadOptions& options) {
    Result<std::shared_ptr<ZipArchive>> zip = ZipArchive::open(bytes, path, options.maxExpandedBytes);
    if (!zip)
        return zip.error();
    ZipArchive& archive = **zip;
    if (!archive.contains(QStringLiteral("word/document.xml")))
        return Error{
            QStringLiteral("%1: a zip archive without word/document.xml is not a DOCX document").arg(path),
            QStringLiteral("not-docx")};
    Result<QByteArray> document = archive.read(QStringLiteral("word/document.xml"));
    if (!document)
        return document.error();
    QByteArray numberingXml;
    if (archive.contains(QStringLiteral("word/numbering.xml"))) {
        Result<QByteArray> n = archive.read(QStringLiteral("word/numbering.xml"));
        if (!n)
            return n.error();
        numberingXml = std::move(n).value();
    }
    QByteArray stylesXml;
    if (archive.contains(QStringLiteral("word/styles.xml"))) {
        Result<QByteArray> s = archive.read(QStringLiteral("word/styles.xml"));
        if (!s)
            return s.error();
        stylesXml = std::move(s).value();
    }
    docx::Numbering numbering = docx::Numbering::parse(numberingXml);
    const QHash<QString, StyleNumbering> styles = readStyles(stylesXml);

    ReadResult out;
    out.format = Format::Docx;
    QXmlStreamReader x(*document);
    DocumentReader reader(x, numbering, styles, options);
    if (!reader.run(out))
        return Error{QStringLiteral("%1: reading cancelled").arg(path), QStringLiteral("cancelled")};
    if (x.hasError())
        return Error{QStringLiteral("%1: word/document.xml is damaged (line %2: %3)")
                         .arg(path)
                         .arg(x.lineNumber())
                         .arg(x.errorString()),
                     QStringLiteral("corrupt-docx")};
    if (out.text.trimmed().isEmpty())
        return Error{QStringLiteral("%1: the DOCX document holds no text").arg(path),
                     QStringLiteral("empty-file")};
    return out;
}

} // namespace pc::read
