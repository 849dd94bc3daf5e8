// The fixture generators of docxfixtures.h.
#include "docxfixtures.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <zip.h>

#include <array>
#include <stdexcept>

namespace pc::fixtures {

namespace {

const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

QString wrapPart(const QString& root, const QString& children) {
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:%1 xmlns:w=\"%2\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">%3</w:%1>")
        .arg(root, QLatin1String(kW), children);
}

} // namespace

QByteArray makeZip(const QList<QPair<QString, QByteArray>>& members) {
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("out.zip")));
    int err = 0;
    zip_t* z = zip_open(path.constData(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z)
        throw std::runtime_error("zip_open failed");
    for (const auto& [name, bytes] : members) {
        // libzip reads the buffer at zip_close: copy it into memory libzip frees.
        void* copy = malloc(size_t(bytes.size()) + 1);
        memcpy(copy, bytes.constData(), size_t(bytes.size()));
        zip_source_t* src = zip_source_buffer(z, copy, zip_uint64_t(bytes.size()), 1);
        if (!src || zip_file_add(z, name.toUtf8().constData(), src, ZIP_FL_ENC_UTF_8) < 0)
            throw std::runtime_error("zip_file_add failed");
    }
    if (zip_close(z) != 0)
        throw std::runtime_error("zip_close failed");
    QFile f(QFile::decodeName(path));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read zip");
    return f.readAll();
}

QString DocxBuilder::escape(const QString& s) {
    return s.toHtmlEscaped();
}

QString DocxBuilder::level(int ilvl, const QString& numFmt, const QString& lvlText, int start) {
    return QStringLiteral("<w:lvl w:ilvl=\"%1\"><w:start w:val=\"%2\"/><w:numFmt w:val=\"%3\"/><w:lvlText "
                          "w:val=\"%4\"/><w:lvlJc w:val=\"left\"/></w:lvl>")
        .arg(ilvl)
        .arg(start)
        .arg(numFmt, escape(lvlText));
}

DocxBuilder& DocxBuilder::paragraph(const QString& text, int numId, int ilvl) {
    QString ppr;
    if (numId > 0)
        ppr =
            QStringLiteral("<w:pPr><w:numPr><w:ilvl w:val=\"%1\"/><w:numId w:val=\"%2\"/></w:numPr></w:pPr>")
                .arg(ilvl)
                .arg(numId);
    QString runs;
    // Split at tabs: each tab is a <w:tab/>, the rest text runs.
    const QStringList parts = text.split(QLatin1Char('\t'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            runs += QStringLiteral("<w:r><w:tab/></w:r>");
        if (!parts[i].isEmpty())
            runs += QStringLiteral("<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t "
                                   "xml:space=\"preserve\">%1</w:t></w:r>")
                        .arg(escape(parts[i]));
    }
    m_body += QStringLiteral("<w:p>%1%2</w:p>").arg(ppr, runs);
    return *this;
}

DocxBuilder& DocxBuilder::rawParagraph(const QString& runsXml, const QString& pPrXml) {
    m_body += QStringLiteral("<w:p>%1%2</w:p>").arg(pPrXml, runsXml);
    return *this;
}

DocxBuilder& DocxBuilder::table(const QList<QStringList>& rows) {
    QString t = QStringLiteral("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid/>");
    for (const QStringList& row : rows) {
        t += QStringLiteral("<w:tr>");
        for (const QString& cell : row)
            t += QStringLiteral(
                     "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>%1</w:t>"
                     "</w:r></w:p></w:tc>")
                     .arg(escape(cell));
        t += QStringLiteral("</w:tr>");
    }
    m_body += t + QStringLiteral("</w:tbl>");
    return *this;
}

DocxBuilder& DocxBuilder::raw(const QString& bodyXml) {
    m_body += bodyXml;
    return *this;
}

DocxBuilder& DocxBuilder::numbering(const QString& children) {
    m_numbering = children;
    return *this;
}

DocxBuilder& DocxBuilder::withHeaderFooterAndComments(const QString& headerText, const QString& footerText,
                                                      const QString& commentText) {
    m_header = headerText;
    m_footer = footerText;
    m_comment = commentText;
    return *this;
}

QByteArray DocxBuilder::build() const {
    QString rels = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                                  "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    QString types = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
        "Extension=\"xml\" "
        "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
    QList<QPair<QString, QByteArray>> members;
    QString sect = QStringLiteral("<w:sectPr>");
    if (!m_header.isEmpty()) {
        members.append({QStringLiteral("word/header1.xml"),
                        wrapPart(QStringLiteral("hdr"),
                                 QStringLiteral("<w:p><w:r><w:t>%1</w:t></w:r></w:p>").arg(escape(m_header)))
                            .toUtf8()});
        members.append({QStringLiteral("word/footer1.xml"),
                        wrapPart(QStringLiteral("ftr"),
                                 QStringLiteral("<w:p><w:r><w:t>%1</w:t></w:r></w:p>").arg(escape(m_footer)))
                            .toUtf8()});
        members.append(
            {QStringLiteral("word/comments.xml"),
             wrapPart(QStringLiteral("comments"),
                      QStringLiteral("<w:comment w:id=\"0\" w:author=\"t\"><w:p><w:r><w:t>%1</w:t></w:r>"
                                     "</w:p></w:comment>")
                          .arg(escape(m_comment)))
                 .toUtf8()});
        rels += QStringLiteral(
            "<Relationship Id=\"rIdH\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
            "2006/relationships/header\" Target=\"header1.xml\"/><Relationship Id=\"rIdF\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
            "Target=\"footer1.xml\"/>");
        sect += QStringLiteral("<w:headerReference w:type=\"default\" r:id=\"rIdH\"/><w:footerReference "
                               "w:type=\"default\" r:id=\"rIdF\"/>");
    }
    sect += QStringLiteral("<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>");
    if (!m_numbering.isEmpty()) {
        members.append({QStringLiteral("word/numbering.xml"),
                        wrapPart(QStringLiteral("numbering"), m_numbering).toUtf8()});
        rels += QStringLiteral(
            "<Relationship Id=\"rIdN\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
            "2006/relationships/numbering\" Target=\"numbering.xml\"/>");
    }
    rels += QStringLiteral("</Relationships>");
    types += QStringLiteral("</Types>");
    members.prepend({QStringLiteral("word/_rels/document.xml.rels"), rels.toUtf8()});
    members.prepend(
        {QStringLiteral("word/document.xml"),
         wrapPart(QStringLiteral("document"), QStringLiteral("<w:body>%1%2</w:body>").arg(m_body, sect))
             .toUtf8()});
    members.prepend(
        {QStringLiteral("_rels/.rels"),
         QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
                    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    "officeDocument\" Target=\"word/document.xml\"/></Relationships>")});
    members.prepend({QStringLiteral("[Content_Types].xml"), types.toUtf8()});
    return makeZip(members);
}

QString planNumbering() {
    return QStringLiteral("<w:abstractNum w:abstractNumId=\"0\">") +
           DocxBuilder::level(0, QStringLiteral("chineseCounting"), QStringLiteral("%1、")) +
           DocxBuilder::level(1, QStringLiteral("chineseCounting"), QStringLiteral("（%2）")) +
           DocxBuilder::level(2, QStringLiteral("decimal"), QStringLiteral("%3.")) +
           DocxBuilder::level(3, QStringLiteral("decimal"), QStringLiteral("（%4）")) +
           QStringLiteral("</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
}

namespace {

QString chinese(int n) {
    static const QString d = QStringLiteral("零一二三四五六七八九");
    if (n < 10)
        return d.mid(n, 1);
    if (n < 20)
        return QStringLiteral("十") + (n % 10 ? d.mid(n % 10, 1) : QString());
    return d.mid(n / 10, 1) + QStringLiteral("十") + (n % 10 ? d.mid(n % 10, 1) : QString());
}

} // namespace

QByteArray textToDocx(const QString& text, int* numbered) {
    DocxBuilder b;
    b.numbering(planNumbering());
    // The same counters as Word's for list 1: a level resets the levels below it.
    std::array<int, 4> counter{0, 0, 0, 0};
    static const std::array<QRegularExpression, 4> patterns{
        QRegularExpression(QStringLiteral("^([一二三四五六七八九十]+)、")),
        QRegularExpression(QStringLiteral("^（([一二三四五六七八九十]+)）")),
        QRegularExpression(QStringLiteral("^(\\d+)\\.")), QRegularExpression(QStringLiteral("^（(\\d+)）"))};
    int count = 0;
    QString body = text;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (const QString& line : body.split(QLatin1Char('\n'))) {
        bool done = false;
        for (int lvl = 0; lvl < 4 && !done; ++lvl) {
            const QRegularExpressionMatch m = patterns[size_t(lvl)].match(line);
            if (!m.hasMatch())
                continue;
            const int next = counter[size_t(lvl)] + 1;
            const QString expected = lvl < 2 ? chinese(next) : QString::number(next);
            if (m.captured(1) != expected)
                break;
            counter[size_t(lvl)] = next;
            for (int deeper = lvl + 1; deeper < 4; ++deeper)
                counter[size_t(deeper)] = 0;
            b.paragraph(line.mid(m.capturedLength(0)), 1, lvl);
            ++count;
            done = true;
        }
        if (!done)
            b.paragraph(line);
    }
    if (numbered)
        *numbered = count;
    return b.build();
}

QByteArray textToHtml(const QString& text, bool gb18030) {
    QString body;
    QString table;
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (const QString& line : normalised.split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1Char('\t'))) {
            // The 大足 layout: one cell per line after a tab; keep the line as a two-cell row.
            QString row = QStringLiteral("<tr>");
            for (const QString& cell : line.split(QLatin1Char('\t')))
                row += QStringLiteral("<td>%1</td>").arg(cell.toHtmlEscaped());
            table += row + QStringLiteral("</tr>\n");
            continue;
        }
        if (!table.isEmpty()) {
            body += QStringLiteral("<table border=\"1\">\n%1</table>\n").arg(table);
            table.clear();
        }
        body += line.trimmed().isEmpty() ? QStringLiteral("<p>&nbsp;</p>\n")
                                         : QStringLiteral("<p>%1</p>\n").arg(line.toHtmlEscaped());
    }
    if (!table.isEmpty())
        body += QStringLiteral("<table border=\"1\">\n%1</table>\n").arg(table);
    const QString meta =
        gb18030 ? QStringLiteral("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">")
                : QStringLiteral("<meta charset=\"utf-8\">");
    QString nav;
    for (const char* item : {"首页", "政务公开", "政策文件", "政策解读", "互动交流", "办事服务", "数据开放"})
        nav += QStringLiteral("<li><a href=\"/%1\">%1</a></li>").arg(QString::fromUtf8(item));
    QString side;
    for (int i = 1; i <= 12; ++i)
        side +=
            QStringLiteral("<li><a href=\"/n%1\">关于做好第%1批政务服务事项公开工作的通知</a></li>").arg(i);
    const QString page =
        QStringLiteral(
            "<!DOCTYPE html>\n<html><head>%1<title>区政府办公室关于印发实施方案的通知</title>"
            "<style>.nav{color:red}</style><script>var s = '<p>不是正文。</p>'; function f(){}</script>"
            "</head>\n<body><div class=\"header\"><div class=\"logo\">区人民政府门户网站</div>"
            "<ul class=\"nav\">%2</ul></div>\n"
            "<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a> "
            "&gt; 政策文件</div>\n<div class=\"main\"><div "
            "class=\"side\"><h3>相关文件</h3><ul>%3</ul></div>\n"
            "<div class=\"article\"><div class=\"TRS_Editor\">\n%4</div></div></div>\n"
            "<div class=\"footer\"><p>主办：区人民政府办公室 承办：区大数据发展局</p>"
            "<p>网站标识码：5001110000，备案号：渝ICP备00000000号。</p></div>\n"
            "<script>document.write('统计');</script></body></html>\n")
            .arg(meta, nav, side, body);
    if (!gb18030)
        return page.toUtf8();
    QStringEncoder enc("GB18030");
    return enc.encode(page);
}

} // namespace pc::fixtures
