// The DOCX reader: numbering rendered as text, tables as rows, what is left out, and bad archives.
#include "docxfixtures.h"

#include "read/docxnumbering.h"
#include "read/docxreader.h"
#include "read/reader.h"

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::read;
using fixtures::DocxBuilder;

TEST(DocxNumbering, RendersWordNumberFormats) {
    struct Case {
        int n;
        const char* fmt;
        const char* expected;
    };
    const Case cases[] = {
        {3, "decimal", "3"},
        {7, "decimalZero", "07"},
        {1, "chineseCounting", "一"},
        {10, "chineseCounting", "十"},
        {11, "chineseCounting", "十一"},
        {20, "chineseCountingThousand", "二十"},
        {23, "chineseCountingThousand", "二十三"},
        {105, "chineseCountingThousand", "一百零五"},
        {110, "chineseCountingThousand", "一百一十"},
        {2019, "chineseCountingThousand", "二千零一十九"},
        {3, "japaneseCounting", "三"},
        {12, "chineseLegalSimplified", "壹拾贰"},
        {1, "ideographTraditional", "甲"},
        {3, "ideographTraditional", "丙"},
        {11, "ideographTraditional", "甲"},
        {2, "ideographZodiac", "丑"},
        {1, "upperLetter", "A"},
        {27, "upperLetter", "AA"},
        {2, "lowerLetter", "b"},
        {4, "upperRoman", "IV"},
        {9, "lowerRoman", "ix"},
        {3, "decimalEnclosedCircle", "③"},
        {2, "decimalEnclosedCircleChinese", "②"},
        {25, "decimalEnclosedCircle", "25"},
        {12, "decimalFullWidth", "１２"},
        {5, "none", ""},
        {4, "somethingNew", "4"},
        {2000000000, "upperLetter", "2000000000"}, // not 77 million letters
        {-5, "chineseCounting", "-5"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(std::string(c.fmt) + " " + std::to_string(c.n));
        EXPECT_EQ(docx::formatNumber(c.n, QString::fromLatin1(c.fmt)), QString::fromUtf8(c.expected));
    }
}

TEST(DocxNumbering, CountersRestartBelowAndStartOverridesCountApart) {
    const QString xml =
        QStringLiteral(
            "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            "<w:abstractNum w:abstractNumId=\"0\">") +
        DocxBuilder::level(0, QStringLiteral("chineseCounting"), QStringLiteral("%1、")) +
        DocxBuilder::level(1, QStringLiteral("chineseCounting"), QStringLiteral("（%2）")) +
        DocxBuilder::level(2, QStringLiteral("decimal"), QStringLiteral("%1.%3")) +
        QStringLiteral("</w:abstractNum><w:abstractNum w:abstractNumId=\"1\">") +
        DocxBuilder::level(0, QStringLiteral("decimal"), QStringLiteral("%1."), 1) +
        QStringLiteral("</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                       "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
                       "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\">"
                       "<w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
                       "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>");
    docx::Numbering n = docx::Numbering::parse(xml.toUtf8());
    ASSERT_FALSE(n.isEmpty());
    EXPECT_EQ(n.next(1, 0), QStringLiteral("一、"));
    EXPECT_EQ(n.next(1, 1), QStringLiteral("（一）"));
    EXPECT_EQ(n.next(1, 1), QStringLiteral("（二）"));
    EXPECT_EQ(n.next(1, 2),
              QStringLiteral("一.1 ")); // %1 in its own level's format; no punctuation at the end
    EXPECT_EQ(n.next(1, 0), QStringLiteral("二、"));
    EXPECT_EQ(n.next(1, 1), QStringLiteral("（一）")); // restarted by level 0
    EXPECT_EQ(n.next(2, 0), QStringLiteral("1."));
    EXPECT_EQ(n.next(2, 0), QStringLiteral("2."));
    EXPECT_EQ(n.next(3, 0), QStringLiteral("5.")); // restart at 5, its own counter
    EXPECT_EQ(n.next(3, 0), QStringLiteral("6."));
    EXPECT_EQ(n.next(4, 0), QStringLiteral("3.")); // same definition, no override: continues list 2
    EXPECT_EQ(n.next(9, 0), QString());            // unknown list
    EXPECT_EQ(n.next(1, 12), QString());           // no such level
    EXPECT_TRUE(docx::Numbering::parse("<not xml").isEmpty());
}

namespace {

QByteArray fullDocument() {
    DocxBuilder b;
    b.numbering(
        fixtures::planNumbering() + QStringLiteral("<w:abstractNum w:abstractNumId=\"7\">") +
        DocxBuilder::level(0, QStringLiteral("ideographTraditional"), QStringLiteral("%1、")) +
        QStringLiteral("</w:abstractNum><w:num w:numId=\"2\"><w:abstractNumId w:val=\"7\"/></w:num>"));
    b.withHeaderFooterAndComments(QStringLiteral("页眉文字"), QStringLiteral("第 1 页 页脚"),
                                  QStringLiteral("批注内容"));
    b.paragraph(QStringLiteral("关于印发优化营商环境实施方案的通知"));
    b.paragraph(QStringLiteral("总体要求"), 1, 0);
    b.paragraph(QStringLiteral("工作目标"), 1, 1);
    b.paragraph(QStringLiteral("压减办理时间。"), 1, 2);
    b.paragraph(QStringLiteral("用水报装不超过8个工作日。"), 1, 3);
    b.paragraph(QStringLiteral("用电报装不超过5个工作日。"), 1, 3);
    b.paragraph(QStringLiteral("降低成本。"), 1, 2);
    b.paragraph(QStringLiteral("重点任务"), 1, 0);
    b.paragraph(QStringLiteral("开办企业"), 1, 1);
    b.paragraph(QStringLiteral("甲项"), 2, 0);
    b.paragraph(QStringLiteral("乙项"), 2, 0);
    // A deleted and an inserted revision, a comment anchor, a field code and hidden text.
    b.rawParagraph(QStringLiteral(
        "<w:r><w:t xml:space=\"preserve\">企业开办时间压缩至</w:t></w:r>"
        "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>7个</w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>3个</w:t></w:r></w:ins>"
        "<w:commentRangeStart w:id=\"0\"/><w:r><w:t>工作日</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
        "<w:r><w:commentReference w:id=\"0\"/></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>以内</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r><w:r><w:t>。</w:t></w:r>"));
    // A hidden paragraph mark and an old numbering kept by a tracked formatting change hide and
    // number nothing.
    b.rawParagraph(
        QStringLiteral("<w:r><w:t>末段文字。</w:t></w:r>"),
        QStringLiteral(
            "<w:pPr><w:pPrChange w:id=\"5\" w:author=\"a\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/>"
            "<w:numId w:val=\"1\"/></w:numPr></w:pPr></w:pPrChange><w:rPr><w:vanish/></w:rPr></w:pPr>"));
    b.table(
        {{QStringLiteral("序号"), QStringLiteral("任务"), QStringLiteral("牵头单位")},
         {QStringLiteral("1"), QStringLiteral("获得电力不超过15个工作日"), QStringLiteral("区经济信息委")}});
    b.raw(QStringLiteral(
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r>"
        "</w:p><w:p><w:r><w:t>两段</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>末列</w:t></w:r></w:p>"
        "</w:tc></w:tr></w:tbl>"));
    return b.build();
}

} // namespace

TEST(DocxReader, RendersNumberingTablesAndLeavesOutWhatIsNotBodyText) {
    const Result<ReadResult> r = readDocx(fullDocument(), QStringLiteral("plan.docx"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->format, Format::Docx);
    const QString expected = QStringLiteral("关于印发优化营商环境实施方案的通知\n"
                                            "一、总体要求\n"
                                            "（一）工作目标\n"
                                            "1.压减办理时间。\n"
                                            "（1）用水报装不超过8个工作日。\n"
                                            "（2）用电报装不超过5个工作日。\n"
                                            "2.降低成本。\n"
                                            "二、重点任务\n"
                                            "（一）开办企业\n"
                                            "甲、甲项\n"
                                            "乙、乙项\n"
                                            "企业开办时间压缩至3个工作日以内。\n"
                                            "末段文字。\n"
                                            "序号\t任务\t牵头单位\n"
                                            "1\t获得电力不超过15个工作日\t区经济信息委\n"
                                            "合并 两段\t\t末列\n");
    EXPECT_EQ(r->text, expected);
    for (const char* absent : {"页眉文字", "页脚", "批注内容", "7个", "PAGE", "隐藏文字"})
        EXPECT_FALSE(r->text.contains(QString::fromUtf8(absent))) << absent;
    EXPECT_EQ(r->pageStarts.size(), 0);
    EXPECT_EQ(r->pageAt(10), 0);
    // One origin run per line; paragraphs counted in document order, table cells included.
    ASSERT_EQ(r->origins.size(), 16);
    EXPECT_EQ(r->originAt(r->text.indexOf(QStringLiteral("总体要求"))).block, 1);
    EXPECT_EQ(r->originAt(r->text.indexOf(QStringLiteral("乙项"))).block, 10);
    EXPECT_EQ(r->originAt(r->text.indexOf(QStringLiteral("获得电力"))).block, 16);
    EXPECT_EQ(r->originAt(r->text.indexOf(QStringLiteral("获得电力"))).page, 0);
}

TEST(DocxReader, NumberingFromParagraphStyles) {
    const QByteArray styles =
        QStringLiteral("<?xml version=\"1.0\"?><w:styles "
                       "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                       "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:pPr><w:numPr><w:numId "
                       "w:val=\"1\"/></w:numPr></w:pPr>"
                       "</w:style><w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:basedOn "
                       "w:val=\"H1\"/><w:pPr><w:numPr>"
                       "<w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>")
            .toUtf8();
    const QByteArray document =
        QStringLiteral(
            "<?xml version=\"1.0\"?><w:document "
            "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            "<w:body><w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>"
            "<w:p><w:pPr><w:pStyle w:val=\"H2\"/></w:pPr><w:r><w:t>目标</w:t></w:r></w:p>"
            "<w:p><w:pPr><w:pStyle "
            "w:val=\"H1\"/></w:pPr><w:r><w:t>任务</w:t></w:r></w:p></w:body></w:document>")
            .toUtf8();
    const QByteArray numbering =
        QStringLiteral(
            "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">%1"
            "</w:numbering>")
            .arg(fixtures::planNumbering())
            .toUtf8();
    const QByteArray zip = fixtures::makeZip({{QStringLiteral("word/document.xml"), document},
                                              {QStringLiteral("word/styles.xml"), styles},
                                              {QStringLiteral("word/numbering.xml"), numbering}});
    const Result<ReadResult> r = readDocx(zip, QStringLiteral("s.docx"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->text, QStringLiteral("一、总体要求\n（一）目标\n二、任务\n"));
}

TEST(DocxReader, CorruptArchivesAreNamedAndRefused) {
    const QByteArray good = fullDocument();
    const Result<ReadResult> garbage =
        readBytes(QByteArray("PK\x03\x04") + QByteArray(300, 'x'), QStringLiteral("g.docx"));
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().code, QStringLiteral("corrupt-zip"));
    EXPECT_TRUE(garbage.errorMessage().startsWith(QStringLiteral("g.docx: ")));
    const Result<ReadResult> truncated = readBytes(good.left(good.size() / 2), QStringLiteral("t.docx"));
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.error().code, QStringLiteral("corrupt-zip"));
    EXPECT_TRUE(truncated.errorMessage().contains(QStringLiteral("t.docx")));
    // Damaged XML inside a sound archive.
    const QByteArray badXml = fixtures::makeZip(
        {{QStringLiteral("word/document.xml"),
          "<w:document "
          "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
          "<w:t>半句</w:t></w:r></w:p><w:p"}});
    const Result<ReadResult> xml = readBytes(badXml, QStringLiteral("x.docx"));
    ASSERT_FALSE(xml.ok());
    EXPECT_EQ(xml.error().code, QStringLiteral("corrupt-docx"));
}

TEST(DocxReader, ZipBombsAreRefusedPastTheExpansionLimit) {
    // 3 MB of markup that deflates to a few kilobytes.
    QByteArray big =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
    big += QByteArray(3 << 20, ' ');
    big += "<w:p><w:r><w:t>正文。</w:t></w:r></w:p></w:body></w:document>";
    const QByteArray zip = fixtures::makeZip({{QStringLiteral("word/document.xml"), big}});
    ASSERT_LT(zip.size(), 64 * 1024);
    ReadOptions options;
    options.maxExpandedBytes = 1 << 20;
    const Result<ReadResult> r = readBytes(zip, QStringLiteral("bomb.docx"), options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("zip-bomb"));
    EXPECT_TRUE(
        r.errorMessage().startsWith(QStringLiteral("bomb.docx: word/document.xml expands to more than")));

    // The same member lying about its size in the central directory (1 KB declared): the bytes
    // actually inflated are counted too.
    QByteArray lying = zip;
    const qsizetype central = lying.indexOf("PK\x01\x02");
    ASSERT_GT(central, 0);
    const char small[4] = {0, 4, 0, 0};
    lying.replace(central + 24, 4, QByteArray(small, 4));
    const qsizetype local = lying.indexOf("PK\x03\x04");
    lying.replace(local + 22, 4, QByteArray(small, 4));
    const Result<ReadResult> l = readBytes(lying, QStringLiteral("lying.docx"), options);
    ASSERT_FALSE(l.ok());
    EXPECT_TRUE(l.error().code == QStringLiteral("zip-bomb") ||
                l.error().code == QStringLiteral("corrupt-zip"))
        << l.error().code.toStdString();
    EXPECT_TRUE(l.errorMessage().startsWith(QStringLiteral("lying.docx: ")));

    // Within the default limit the same document reads.
    const Result<ReadResult> ok = readBytes(zip, QStringLiteral("big.docx"));
    ASSERT_TRUE(ok.ok()) << ok.errorMessage().toStdString();
    EXPECT_EQ(ok->text, QStringLiteral("正文。\n"));
}

TEST(DocxReader, ADocxThatIsReallyHtmlIsReadAsHtml) {
    const QByteArray html =
        QStringLiteral("<!DOCTYPE html><html><body><div class=\"content\"><p>一、总体要求。</p>"
                       "<p>用水报装不超过8个工作日，用电报装不超过5个工作日。</p></div></body></html>")
            .toUtf8();
    const Result<ReadResult> r = readBytes(html, QStringLiteral("saved-from-site.docx"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->format, Format::Html);
    EXPECT_EQ(r->text,
              QStringLiteral("一、总体要求。\n用水报装不超过8个工作日，用电报装不超过5个工作日。\n"));
}
