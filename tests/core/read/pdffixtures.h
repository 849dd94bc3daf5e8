// Test PDFs typeset at test time with QPdfWriter/QPainter (Noto Sans CJK SC): seed text over pages with
// running headers and page numbers, two-column pages, ruled tables, scanned (image-only) pages.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QStringList>

namespace pc::test::pdf {

enum class PageNumbers { None, Dashes, OfTotal }; // "- 3 -", "第 3 页 共 9 页"

struct TypesetOptions {
    QString header; // drawn at the top of every page
    PageNumbers numbers = PageNumbers::None;
    double fontSize = 10.5;
    bool indent = true; // first-line indent of two characters (numbered paragraphs too)
};

struct TypesetPdf {
    QByteArray bytes;
    QStringList pages; // the body text drawn on each page, one entry per page, lines joined without breaks
};

// Paragraphs flowed over A4 pages (margins 60 pt, body from 72 to 770 pt).
TypesetPdf typeset(const QStringList& paragraphs, const TypesetOptions& options = {});

// One A4 page: a full-width title, two columns of paragraphs side by side, a full-width closing line.
QByteArray twoColumnPage(const QString& title, const QStringList& left, const QStringList& right,
                         const QString& closing);

// A ruled table (cells padded 5 pt, text top-aligned, wrapped) between two paragraphs; rows that do not
// fit start a new page, or with splitRows run on over the page break as word processors do.
QByteArray tablePdf(const QString& before, const QList<QStringList>& rows, const QList<double>& columnWidths,
                    const QString& after, bool splitRows = false);

// Paragraphs rendered to a grayscale page image (A4 at dpi) as a scanner would deliver it.
QImage scannedPage(const QStringList& paragraphs, int dpi, double fontSize);
// Image-only PDF: each image fills an A4 page.
QByteArray imagePdf(const QList<QImage>& pages);
// A PDF with empty pages.
QByteArray blankPdf(int pages);

} // namespace pc::test::pdf
