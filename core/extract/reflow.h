// Text for extraction with the copy artefacts of PDFs and web pages undone: lines wrapped at a fixed
// width joined again, running headers and page numbers dropped, spaces inside "2024 年" / "30 分钟" gone.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace pc::extract {

struct FlowText {
    QString text;
    QList<qsizetype> offsets; // source offset of every character of text (same length)
};

// Reads source[from, to). Line breaks that end a paragraph stay; a line as long as the page's line
// width that does not end a sentence runs on into the next line.
FlowText reflow(const QString& source, qsizetype from, qsizetype to);

// Appends the characters of source[start, end) (one line, without its break) to `out`, folded, with
// their offsets: CRs dropped, and a run of spaces dropped where it stands between a digit and CJK text
// ("2024 年"), judged by the last character already in `out` and the one after the run.
void appendLineChars(const QString& source, qsizetype start, qsizetype end, FlowText& out);

// A line that is a page header, footer or page number ("Page 3 - title", "P. 3", "- 3 -", "第3页").
bool isPageLine(QStringView line);

} // namespace pc::extract
