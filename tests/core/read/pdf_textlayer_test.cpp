// The text layer: a seed plan typeset over pages comes back as the seed's text, paragraphs joined without
// spaces between CJK characters, running headers and page numbers gone, pages and origins right.
#include "pdffixtures.h"
#include "pdftesthelpers.h"

using namespace pc;
using namespace pc::test;
using namespace pc::test::pdf;

namespace {

const QString kHeader = QStringLiteral("测试排版 江津区营商环境实施方案 内部校对稿");

TEST(PdfTextLayer, SeedOverPagesReadsAsTheSeedWithoutHeadersOrPageNumbers) {
    const QStringList paragraphs = seedParagraphs(QStringLiteral("jiangjin-2021"));
    const TypesetPdf pdf = typeset(paragraphs, {kHeader, PageNumbers::Dashes});
    ASSERT_GE(pdf.pages.size(), 5);
    const read::ReadResult r = readOk(pdf.bytes);
    EXPECT_EQ(r.format, read::Format::Pdf);
    EXPECT_EQ(r.pageCount, pdf.pages.size());
    EXPECT_EQ(r.ocrPages, 0);
    EXPECT_EQ(noSpace(r.text), noSpace(paragraphs.join(QString())));
    EXPECT_FALSE(r.text.contains(QStringLiteral("内部校对稿")));
    EXPECT_FALSE(r.text.contains(QStringLiteral("- 2 -")));
    // Every page's text starts at its pageStarts entry.
    ASSERT_EQ(r.pageStarts.size(), pdf.pages.size());
    for (qsizetype p = 0; p < pdf.pages.size(); ++p) {
        const qsizetype end = p + 1 < r.pageStarts.size() ? r.pageStarts[p + 1] : r.text.size();
        EXPECT_EQ(noSpace(r.text.mid(r.pageStarts[p], end - r.pageStarts[p])), noSpace(pdf.pages[p]))
            << "page " << p + 1;
    }
    expectOriginsConsistent(r);
    // One info issue names what was removed: a header and a page number on every page.
    const auto it = std::find_if(r.issues.begin(), r.issues.end(),
                                 [](const Issue& i) { return i.code == QStringLiteral("pdf-running-text"); });
    ASSERT_NE(it, r.issues.end());
    EXPECT_EQ(it->severity, Issue::Severity::Info);
    EXPECT_TRUE(it->message.contains(QString::number(2 * pdf.pages.size()))) << it->message.toStdString();
    EXPECT_TRUE(it->message.contains(QStringLiteral("fixture.pdf")));
}

TEST(PdfTextLayer, ParagraphsStayParagraphsAndWrappedLinesAreJoined) {
    const QStringList paragraphs = seedParagraphs(QStringLiteral("jiangjin-2021"));
    const read::ReadResult r = readOk(typeset(paragraphs, {kHeader, PageNumbers::OfTotal}).bytes);
    QStringList lines = r.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // Numbered paragraphs are whole lines: `6．压减接入时间。…` wraps over three lines on the page.
    const QString six = *std::find_if(paragraphs.begin(), paragraphs.end(), [](const QString& p) {
        return p.startsWith(QStringLiteral("6．压减接入时间"));
    });
    ASSERT_GT(six.size(), 100);
    EXPECT_TRUE(lines.contains(six));
    // Almost every seed paragraph comes back as one line (a paragraph whose last line happens to reach
    // the right margin may run on into the next unindented one).
    int whole = 0;
    for (const QString& p : paragraphs)
        whole += lines.contains(p);
    EXPECT_GE(whole, paragraphs.size() * 9 / 10) << whole << " of " << paragraphs.size();
    EXPECT_FALSE(r.text.contains(QStringLiteral("共 ")));
    EXPECT_FALSE(r.text.contains(QStringLiteral("第 2 页")));
}

TEST(PdfTextLayer, SpacesBetweenCjkAndDigitsAreLayoutButLatinWordsKeepTheirs) {
    // A space next to a CJK character is layout (`不超过 9 个`, `指标 and`); between Latin words it is
    // content. (Qt's PDF writer leaves digits that follow Latin letters out of its ToUnicode map, so the
    // fixture puts its numbers next to CJK text.)
    const QStringList paragraphs{
        QStringLiteral("获得用水一般项目用户全流程总用时不超过 9 个工作日，压减 12.5 % 以上。"),
        QStringLiteral("Doing Business 报告中的 营商环境 指标 and more words")};
    const read::ReadResult r = readOk(typeset(paragraphs, {QString(), PageNumbers::None, 10.5, false}).bytes);
    EXPECT_EQ(r.text, QStringLiteral("获得用水一般项目用户全流程总用时不超过9个工作日，压减12.5 %以上。\n"
                                     "Doing Business报告中的营商环境指标and more words\n"));
}

TEST(PdfTextLayer, RadicalsFromTheFontMapBecomeIdeographs) {
    // Qt's PDF writer (like many producers) maps 用 门 长 户 to the radicals sharing their glyph.
    const QStringList paragraphs{QStringLiteral("用户用水用电，门户网站，长期见效，马上就办，黄金周一")};
    const read::ReadResult r = readOk(typeset(paragraphs, {QString(), PageNumbers::None, 10.5, false}).bytes);
    EXPECT_EQ(r.text, paragraphs.first() + QLatin1Char('\n'));
}

TEST(PdfTextLayer, ProgressIsReportedPerPageAndCancelStops) {
    const TypesetPdf pdf = typeset(seedParagraphs(QStringLiteral("yuzhong-2023")));
    ASSERT_GE(pdf.pages.size(), 3);
    QList<std::pair<int, int>> calls;
    read::ReadOptions options;
    options.progress = [&](int done, int total) {
        calls.append({done, total});
        return true;
    };
    readOk(pdf.bytes, options);
    ASSERT_EQ(calls.size(), pdf.pages.size());
    for (qsizetype i = 0; i < calls.size(); ++i)
        EXPECT_EQ(calls[i], std::make_pair(int(i) + 1, int(pdf.pages.size())));

    int seen = 0;
    options.progress = [&](int done, int) {
        seen = done;
        return done < 2;
    };
    const Result<read::ReadResult> r = read::readPdf(pdf.bytes, QStringLiteral("big.pdf"), options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("cancelled"));
    EXPECT_EQ(seen, 2);
    EXPECT_TRUE(r.errorMessage().contains(QStringLiteral("big.pdf")));
}

} // namespace
