// What a reader makes of a file: the text every span indexes into, and where each part of it came from.
#pragma once

#include "model/span.h"

#include <QList>
#include <QRectF>
#include <QString>

#include <functional>

namespace pc::read {

// Detected from the content (magic bytes, zip members, markup), never from the file name.
enum class Format { Text, Pdf, Docx, Html, Doc, Wps, Ofd, Unknown };

// "text", "pdf", "docx", "html", "doc", "wps", "ofd", "unknown"
QString formatName(Format format);

// Where one run of the extracted text came from.
struct Origin {
    int page = 0;            // 1-based PDF page; 0 for formats without pages
    int block = -1;          // 0-based paragraph (DOCX, HTML) or line on the page (PDF); -1 unknown
    QRectF box;              // PDF: the run's bounding box in points, origin top-left; empty otherwise
    bool ocr = false;        // read by OCR from a page image
    float confidence = 1.0f; // OCR mean word confidence in 0..1; 1 for text layers
    bool operator==(const Origin&) const = default;
};

struct OriginRun {
    qsizetype start = 0; // offset into ReadResult::text
    qsizetype length = 0;
    Origin origin;
    bool operator==(const OriginRun&) const = default;
};

// The text is what the parser reads. Paragraphs and headings end with '\n'; a table row is its cells
// joined with '\t' and ended with '\n' (the layout the parser already reads as a measure table); a
// page ends with '\n' and the offset of each page's first character is in pageStarts.
struct ReadResult {
    QString text;
    Format format = Format::Text;
    QString encoding;            // text and HTML: "UTF-8" or "GB18030"; empty otherwise
    QList<OriginRun> origins;    // sorted by start, non-overlapping; empty for plain text
    QList<qsizetype> pageStarts; // PDF: offset of each page's first character, ascending
    int pageCount = 0;           // PDF pages (0 for formats without pages)
    int ocrPages = 0;            // pages read by OCR
    QList<Issue> issues;         // what the reader flagged (pages OCR'd, headers removed, low confidence …)

    // The origin of the run containing offset, or Origin{} when no run covers it.
    Origin originAt(qsizetype offset) const;
    // 1-based page of offset (from pageStarts), 0 when the format has no pages.
    int pageAt(qsizetype offset) const;
};

// 1-based page of offset given the pages' start offsets (ascending); 0 when there are none. The
// store keeps only pageStarts, so the GUI and reports use this directly.
int pageOfOffset(const QList<qsizetype>& pageStarts, qsizetype offset);

struct ReadOptions {
    // Called after each page (PDF, OCR) or unit of work; return false to cancel: the read then fails
    // with error code "cancelled".
    std::function<bool(int done, int total)> progress;
    bool allowOcr = true;
    qint64 maxInputBytes = 256LL * 1024 * 1024;    // larger files are refused ("too-large")
    qint64 maxExpandedBytes = 512LL * 1024 * 1024; // zip members past this are refused ("zip-bomb")
    // HTML is parsed into a tree several times its size; pages past this are refused ("too-large").
    qint64 maxMarkupBytes = 64LL * 1024 * 1024;
    // OCR: the folder holding chi_sim.traineddata (empty: $TESSDATA_PREFIX, then the standard locations)
    // and the resolution pages are rendered at.
    QString tessdataDir;
    int ocrDpi = 300;
};

} // namespace pc::read
