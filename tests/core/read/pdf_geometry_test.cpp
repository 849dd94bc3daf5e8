// The layout stage on word boxes made by hand: running text found despite jitter, page numbers by
// pattern only at the page's edge, CJK spacing, joining across a page break, OCR runs per word.
#include "pdftesthelpers.h"

#include "read/pdflayout.h"

using namespace pc;
using namespace pc::read;
using namespace pc::test::pdf;

namespace {

// A line of CJK text at (x, y): one word per run of characters between spaces, 10 pt per character.
QList<pdf::Word> line(const QString& text, double x, double y, float confidence = 1.0f) {
    QList<pdf::Word> out;
    for (const QString& w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        out.append({w, QRectF(x, y, 10.0 * w.size(), 14), true, 10, confidence});
        x += 10.0 * w.size() + 3;
    }
    return out;
}

pdf::PageWords page(int number, const QList<QList<pdf::Word>>& lines) {
    pdf::PageWords p{number, QRectF(0, 0, 595, 842), {}, false};
    for (const auto& l : lines)
        p.words += l;
    return p;
}

// A body line that fills the 60–535 pt measure (47 characters).
QString full(QChar c) {
    return QString(47, c);
}

TEST(PdfGeometry, RunningHeaderWithJitterAndFractionPageNumbersAreRemoved) {
    QList<pdf::PageWords> pages;
    for (int n = 1; n <= 4; ++n) {
        pages.append(
            page(n, {line(QStringLiteral("某某区人民政府行政规范性文件"), 200, 29 + (n % 2) * 2.9),
                     line(full(QChar(0x4E00 + n)), 60, 100), line(QStringLiteral("本页结束。"), 60, 116),
                     line(QStringLiteral("%1/4").arg(n), 290, 800)}));
    }
    ReadResult r;
    const pdf::LayoutStats stats = pdf::layoutPages(pages, r);
    EXPECT_EQ(stats.runningLinesRemoved, 8);
    EXPECT_FALSE(r.text.contains(QStringLiteral("规范性文件")));
    EXPECT_FALSE(r.text.contains(QLatin1Char('/')));
    EXPECT_EQ(r.text.count(QStringLiteral("本页结束。")), 4);
    ASSERT_EQ(r.pageStarts.size(), 4);
    EXPECT_EQ(r.text.mid(r.pageStarts[1], 3), QString(3, QChar(0x4E00 + 2)));
}

TEST(PdfGeometry, NumbersInsideThePageAndOneOffHeadingsStay) {
    // "12" alone mid-page is content; a heading at the top of one page only is not running text.
    QList<pdf::PageWords> pages{
        page(1, {line(QStringLiteral("江津区实施方案"), 240, 40), line(full(QChar(0x6C34)), 60, 100),
                 line(QStringLiteral("12"), 60, 400), line(QStringLiteral("- 1 -"), 280, 800)}),
        page(2, {line(full(QChar(0x7535)), 60, 100), line(QStringLiteral("- 2 -"), 280, 800)})};
    ReadResult r;
    pdf::layoutPages(pages, r);
    EXPECT_TRUE(r.text.startsWith(QStringLiteral("江津区实施方案\n")));
    EXPECT_TRUE(r.text.contains(QStringLiteral("\n12\n")));
    EXPECT_FALSE(r.text.contains(QLatin1Char('-')));
}

TEST(PdfGeometry, ParagraphRunningOnOverAPageBreakIsJoined) {
    QList<pdf::PageWords> pages{
        page(1, {line(full(QChar(0x6C34)), 60, 100), line(full(QChar(0x7535)), 60, 116)}),
        page(2, {line(QStringLiteral("气结束。"), 60, 100), line(QStringLiteral("一、新段落"), 60, 116)})};
    ReadResult r;
    pdf::layoutPages(pages, r);
    EXPECT_EQ(r.text, full(QChar(0x6C34)) + full(QChar(0x7535)) + QStringLiteral("气结束。\n一、新段落\n"));
    ASSERT_EQ(r.pageStarts.size(), 2);
    EXPECT_EQ(r.pageStarts[1], 94); // mid-line: the first character read from page 2
    expectOriginsConsistent(r);
}

TEST(PdfGeometry, OcrWordsKeepTheirConfidenceAndLoseTheirSpaces) {
    pdf::PageWords p = page(1, {line(QStringLiteral("不 超 过 9 个 工 作 日"), 60, 100, 0.5f)});
    p.words[3].confidence = 0.25f; // the 9
    p.ocr = true;
    ReadResult r;
    pdf::layoutPages({p}, r);
    EXPECT_EQ(r.text, QStringLiteral("不超过9个工作日\n"));
    ASSERT_EQ(r.origins.size(), 8);
    EXPECT_EQ(r.origins[3].start, 3);
    EXPECT_EQ(r.origins[3].origin.confidence, 0.25f);
    EXPECT_TRUE(r.origins[3].origin.ocr);
    EXPECT_EQ(r.origins[3].origin.block, 0);
    EXPECT_EQ(r.origins[0].origin.confidence, 0.5f);
}

TEST(PdfGeometry, TwoColumnsWhoseLinesDoNotLineUpAreStillReadColumnByColumn) {
    // Left column lines at 100, 116, …; right column lines half a line lower, with a heading in between.
    QList<QList<pdf::Word>> lines;
    for (int i = 0; i < 6; ++i) {
        lines.append(
            line(i == 5 ? QStringLiteral("左栏结束。") : QString(22, QChar(0x5DE6)), 60, 100 + 16 * i));
        lines.append(
            line(i == 5 ? QStringLiteral("右栏结束。") : QString(22, QChar(0x53F3)), 310, 108 + 16 * i));
    }
    ReadResult r;
    const pdf::LayoutStats stats = pdf::layoutPages({page(1, lines)}, r);
    EXPECT_EQ(stats.columnRegions, 1);
    EXPECT_EQ(r.text, QString(5 * 22, QChar(0x5DE6)) + QStringLiteral("左栏结束。\n") +
                          QString(5 * 22, QChar(0x53F3)) + QStringLiteral("右栏结束。\n"));
}

TEST(PdfGeometry, TableCellCentredVerticallyStaysInItsRow) {
    // Two rows; in each the lead unit (third column) sits on the middle line of a three-line cell.
    QList<QList<pdf::Word>> lines;
    for (int row = 0; row < 2; ++row) {
        const double y = 100 + row * 70;
        lines.append(line(QStringLiteral("%1.").arg(row + 1), 60, y));
        for (int k = 0; k < 3; ++k)
            lines.append(line(QString(15, QChar(0x4E00 + row * 3 + k)), 120, y + 16 * k));
        lines.append(line(QStringLiteral("区城管局"), 300, y + 16));
    }
    ReadResult r;
    const pdf::LayoutStats stats = pdf::layoutPages({page(1, lines)}, r);
    EXPECT_EQ(stats.tables, 1);
    EXPECT_EQ(r.text, QStringLiteral("1.\t") + QString(15, QChar(0x4E00)) + QString(15, QChar(0x4E01)) +
                          QString(15, QChar(0x4E02)) + QStringLiteral("\t区城管局\n2.\t") +
                          QString(15, QChar(0x4E03)) + QString(15, QChar(0x4E04)) +
                          QString(15, QChar(0x4E05)) + QStringLiteral("\t区城管局\n"));
}

TEST(PdfGeometry, CleanTextMapsRadicalsAndDropsControls) {
    EXPECT_EQ(pdf::cleanText(QStringLiteral("⽤⼾⻔⻓\u0001ﬁ")), QStringLiteral("用户门长fi"));
}

} // namespace
