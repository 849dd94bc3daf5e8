// Reports: HTML content, PDF pages and text (pdftotext), standalone HTML.
#include "export/reporthtml.h"
#include "fakedata.h"
#include "report/pdftounicode.h"
#include "report/reportdocument.h"
#include "testpaths.h"

#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

int pdfPages(const QString& path) {
    const test::RunResult info = test::run(QStringLiteral("pdfinfo"), {path});
    static const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto m = pages.match(info.outText());
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

TEST(PdfToUnicode, RadicalsBecomeIdeographsAndOffsetsStay) {
    // ⽅ (Kangxi, decomposes) and ⻚ ⻔ (CJK supplement, from the table); 0041 stays.
    QByteArray pdf("x\n2 beginbfchar\n<0001> <2F45>\n<0002> <2EDA>\nendbfchar\n"
                   "1 beginbfrange\n<0003> <0004> [<2ED4> <0041>]\nendbfrange\n");
    const qsizetype size = pdf.size();
    EXPECT_EQ(repairPdfToUnicode(pdf), 3);
    EXPECT_EQ(pdf.size(), size);
    EXPECT_TRUE(pdf.contains("<0001> <65B9>"));
    EXPECT_TRUE(pdf.contains("<0002> <9875>"));
    EXPECT_TRUE(pdf.contains("[<95E8> <0041>]"));
}

TEST(ReportHtml, TargetTextAndHighlightedSentence) {
    test::FakeData data;
    const QList<ComparisonRow> rows = data.rows(QStringLiteral("wa.time")).value();
    EXPECT_EQ(report::targetText(rows.at(2)), QStringLiteral("≤ 8 工作日"));
    EXPECT_EQ(report::baselineToTarget(rows.at(0)), QStringLiteral("12 → 7"));
    EXPECT_EQ(report::number(0.5), QStringLiteral("0.5"));
    EXPECT_EQ(report::number(99.90), QStringLiteral("99.9"));
    EXPECT_EQ(report::number(100), QStringLiteral("100"));
    EXPECT_EQ(report::sentenceHtml(rows.at(2)),
              QStringLiteral("<u>用水报装全流程办理时限不超过<span style=\"background-color:#ffe08a; "
                             "font-weight:bold;\">8</span>"
                             "个工作日</u>，用气报装全流程办理时限不超过10个工作日"));
}

TEST(ReportDocument, IndicatorReportPdfHasTitleTableSourcesAndMeta) {
    test::FakeData data;
    ReportBuilder builder(data, QStringLiteral("2026-01-02 03:04"));
    const Result<ReportDocument> doc = builder.indicatorReport(QStringLiteral("wa.time"));
    ASSERT_TRUE(doc.ok()) << doc.errorMessage().toStdString();
    EXPECT_EQ(doc->images.size(), 1);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("wa.pdf"));
    ASSERT_TRUE(doc->write(pdf).ok());
    EXPECT_TRUE(test::readAll(pdf).startsWith("%PDF-"));
    EXPECT_EQ(pdfPages(pdf), 1);
    // Every page carries the title and its number in the footer.
    const QString footer = test::run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).outText();
    EXPECT_TRUE(footer.contains(QStringLiteral("第1/1页"))) << footer.toStdString();
    EXPECT_TRUE(footer.contains(QStringLiteral("指标报告：用水报装时限")));
    const QString text =
        test::run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
            .outText();
    for (const QString& expected :
         {QStringLiteral("用水报装时限"), QStringLiteral("定义：从申请到通水的全流程办理时间。"),
          QStringLiteral("≤ 8 工作日"), QStringLiteral("12 → 7"), QStringLiteral("渝中府办〔2023〕32号"),
          QStringLiteral("原文出处"), QStringLiteral("用水报装全流程办理时限不超过8个工作日"),
          QStringLiteral("2026-01-02 03:04"), QStringLiteral("/tmp/fake.sqlite")})
        EXPECT_TRUE(text.contains(expected)) << expected.toStdString() << "\n" << text.toStdString();
    // The report is in Chinese: the Chinese definition, not the English sentence.
    EXPECT_FALSE(text.contains(QStringLiteral("Working days from application"))) << text.toStdString();
    EXPECT_TRUE(doc->html.contains(QStringLiteral("<p>定义：从申请到通水的全流程办理时间。</p>")));
    const QString fonts = test::run(QStringLiteral("pdffonts"), {pdf}).outText();
    EXPECT_TRUE(fonts.contains(QStringLiteral("NotoSansCJKsc"))) << fonts.toStdString();
    EXPECT_FALSE(fonts.contains(QStringLiteral("CJKjp")));

    const QString html = dir.filePath(QStringLiteral("wa.html"));
    ASSERT_TRUE(doc->write(html).ok());
    const QString htmlText = QString::fromUtf8(test::readAll(html));
    EXPECT_TRUE(htmlText.contains(QStringLiteral("src=\"data:image/png;base64,iVBOR")));
    EXPECT_TRUE(htmlText.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    EXPECT_FALSE(doc->write(dir.filePath(QStringLiteral("wa.docx"))).ok());
}

TEST(ReportDocument, AreaReportHasACoverPageAndOnePagePerIndicator) {
    test::FakeData data;
    ReportBuilder builder(data, QStringLiteral("2026-01-02 03:04"));
    const Result<ReportDocument> water = builder.areaReport(QStringLiteral("water"));
    ASSERT_TRUE(water.ok());
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("water.pdf"));
    ASSERT_TRUE(water->write(pdf).ok());
    // Cover + wa.time (wa.price has no targets and is left out).
    EXPECT_EQ(pdfPages(pdf), 2);
    const QString text = test::run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).outText();
    EXPECT_TRUE(text.contains(QStringLiteral("领域报告：获得用水")));
    EXPECT_FALSE(text.contains(QStringLiteral("非居民供水价格")));
    const QStringList pages = text.split(QLatin1Char('\f'));
    ASSERT_GE(pages.size(), 2);
    EXPECT_TRUE(pages.at(1).contains(QStringLiteral("用水报装时限")));
    // pdftotext drops the thin spaces of the footer.
    EXPECT_TRUE(pages.at(0).contains(QStringLiteral("第1/2页"))) << pages.at(0).toStdString();
    EXPECT_TRUE(pages.at(1).contains(QStringLiteral("第2/2页")));
    EXPECT_FALSE(builder.areaReport(QStringLiteral("nowhere")).ok());
    EXPECT_FALSE(builder.indicatorReport(QStringLiteral("xx.none")).ok());
}

TEST(ReportHtml, ChineseDefinitionAndNotesUnderTheirSource) {
    test::FakeData data;
    report::IndicatorSection section{*data.findIndicator(QStringLiteral("wa.time")),
                                     QStringLiteral("获得用水"),
                                     data.rows(QStringLiteral("wa.time")).value(),
                                     {},
                                     {}};
    ASSERT_EQ(section.rows.size(), 3);
    section.notes.insert(section.rows.at(1).targetId,
                         {QStringLiteral("口径含<施工>"), QStringLiteral("第二条")});
    const QString html = report::indicatorReportHtml(
        section, {QStringLiteral("/tmp/x"), QStringLiteral("1"), QStringLiteral("2026-01-02")});
    EXPECT_TRUE(html.contains(QStringLiteral("<p>定义：从申请到通水的全流程办理时间。</p>")));
    EXPECT_FALSE(html.contains(QStringLiteral("Working days")));
    // Both notes, escaped, in the second source paragraph ([2]) and nowhere else.
    EXPECT_EQ(html.count(QStringLiteral("注释：")), 2);
    const qsizetype second = html.indexOf(QStringLiteral("<p class=\"src\">[2]"));
    const qsizetype third = html.indexOf(QStringLiteral("<p class=\"src\">[3]"));
    ASSERT_GE(second, 0);
    ASSERT_GT(third, second);
    const QString block = html.mid(second, third - second);
    EXPECT_TRUE(block.contains(QStringLiteral("<span class=\"note\">注释：口径含&lt;施工&gt;</span>")))
        << block.toStdString();
    EXPECT_TRUE(block.contains(QStringLiteral("注释：第二条")));

    // Without a Chinese definition the English one is shown rather than nothing.
    section.indicator.definitionZh.clear();
    EXPECT_TRUE(report::indicatorReportHtml(section, {})
                    .contains(QStringLiteral("<p>定义：Working days from application to water supply.</p>")));
}
