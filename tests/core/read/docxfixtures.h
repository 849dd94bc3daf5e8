// Test fixtures for the readers: a small DOCX writer (libzip + hand-written WordprocessingML) and
// HTML pages wrapped around a plan's text, generated at test time from the seeds and from our text.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace pc::fixtures {

// A zip archive holding the given members (name, bytes), deflated.
QByteArray makeZip(const QList<QPair<QString, QByteArray>>& members);

// WordprocessingML written by hand: body XML fragments are appended in order.
class DocxBuilder {
public:
    // A paragraph; numId > 0 numbers it at level ilvl. `runs` is the raw XML of its runs.
    DocxBuilder& paragraph(const QString& text, int numId = 0, int ilvl = 0);
    DocxBuilder& rawParagraph(const QString& runsXml, const QString& pPrXml = {});
    // A table: one row per inner list, one cell per string.
    DocxBuilder& table(const QList<QStringList>& rows);
    DocxBuilder& raw(const QString& bodyXml);
    // The numbering part (<w:abstractNum>/<w:num> children of <w:numbering>).
    DocxBuilder& numbering(const QString& numberingChildrenXml);
    DocxBuilder& withHeaderFooterAndComments(const QString& headerText, const QString& footerText,
                                             const QString& commentText);
    QByteArray build() const;

    static QString escape(const QString& s);
    // One <w:abstractNum> level: ilvl, numFmt, lvlText, start.
    static QString level(int ilvl, const QString& numFmt, const QString& lvlText, int start = 1);

private:
    QString m_body;
    QString m_numbering;
    QString m_header;
    QString m_footer;
    QString m_comment;
};

// The numbering the seed conversions use: list 1 with levels 一、 / （一） / 1. / （1）.
QString planNumbering();

// A plan's text as DOCX: one paragraph per line, leading tabs kept as <w:tab/>, and headings numbered
// 一、 （一） 1. （1） turned into automatically numbered paragraphs (planNumbering) wherever the
// written number is the one Word's counters would produce there. `numbered` gets how many were.
QByteArray textToDocx(const QString& text, int* numbered = nullptr);

// A plan's text inside a government-site page: navigation, breadcrumbs, a sidebar of links, a
// footer and a script around <div class="TRS_Editor"> with one <p> per line (tab-separated lines
// as table rows). gb18030: encoded in GB18030 and labelled <meta charset=gb2312>, else UTF-8.
QByteArray textToHtml(const QString& text, bool gb18030);

} // namespace pc::fixtures
