// PDF page geometry → reading-order text: words into lines, running headers removed, column gutters and
// tables found from word boxes, lines joined into paragraphs. Knows nothing of Poppler or Tesseract.
#pragma once

#include "read/readresult.h"

#include <QList>
#include <QRectF>
#include <QString>

namespace pc::read::pdf {

// One word as the text layer (or OCR) reports it; boxes in points, origin top-left.
struct Word {
    QString text;
    QRectF box;
    bool spaceAfter = false; // the producer put a space (or a space-sized gap) after it
    double fontSize = 0;     // points; 0 when unknown (the box height is used instead)
    float confidence = 1.0f; // OCR word confidence in 0..1
};

struct PageWords {
    int number = 0; // 1-based
    QRectF rect;    // the page's box in the words' coordinates
    QList<Word> words;
    bool ocr = false; // words came from OCR: one origin run per word, carrying its confidence
};

struct LayoutStats {
    int runningLinesRemoved = 0; // headers, footers, page numbers
    QStringList runningExamples; // a few of the removed lines, for the issue message
    int tables = 0;              // table regions rebuilt into rows
    int tableRows = 0;
    int joinedRows = 0;    // table rows broken over a page break and joined again
    int columnRegions = 0; // multi-column regions read column by column
};

// Appends the pages' text to out.text (paragraphs end with '\n', table rows are cells joined with '\t'
// ending in '\n'), with origin runs and pageStarts. A paragraph that runs on across a page break is
// joined; its page's start is then the offset of the new page's first character.
LayoutStats layoutPages(const QList<PageWords>& pages, ReadResult& out);

// Text-layer clean-up: CJK radicals that producers' ToUnicode maps put in place of the ideographs that
// share their glyph (⽤ U+2F64 for 用, ⻔ U+2ED4 for 门) become the ideographs; ligatures are unfolded;
// control characters are dropped.
QString cleanText(const QString& text);

// True for ideographs, kana, hangul, CJK and full-width punctuation: characters between which a space
// is layout, never content.
bool isCjk(char32_t c);

} // namespace pc::read::pdf
