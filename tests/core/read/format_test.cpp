// Format detection from content, the dispatcher's refusals, and ReadResult's origin/page look-ups.
#include "docxfixtures.h"

#include "read/format.h"
#include "read/reader.h"

#include <QStringEncoder>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::read;

namespace {

QByteArray ole2(const char* streamName) {
    QByteArray b("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    b.append(QByteArray(504, '\0'));
    for (const char* p = streamName; *p; ++p) {
        b.append(*p);
        b.append('\0');
    }
    b.append(QByteArray(64, '\0'));
    return b;
}

} // namespace

TEST(ReadFormat, NamesEveryFormat) {
    EXPECT_EQ(formatName(Format::Text), QStringLiteral("text"));
    EXPECT_EQ(formatName(Format::Pdf), QStringLiteral("pdf"));
    EXPECT_EQ(formatName(Format::Docx), QStringLiteral("docx"));
    EXPECT_EQ(formatName(Format::Html), QStringLiteral("html"));
    EXPECT_EQ(formatName(Format::Doc), QStringLiteral("doc"));
    EXPECT_EQ(formatName(Format::Wps), QStringLiteral("wps"));
    EXPECT_EQ(formatName(Format::Ofd), QStringLiteral("ofd"));
    EXPECT_EQ(formatName(Format::Unknown), QStringLiteral("unknown"));
}

TEST(ReadFormat, DetectsFormatsFromContentNotName) {
    EXPECT_EQ(detectFormat("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), Format::Pdf);
    EXPECT_EQ(detectFormat(QByteArray(100, ' ') + "%PDF-1.4"), Format::Pdf);
    EXPECT_EQ(detectFormat(QByteArray(2000, ' ') + "%PDF-1.4"), Format::Text);
    const QByteArray docx = fixtures::DocxBuilder().paragraph(QStringLiteral("一段文字。")).build();
    EXPECT_EQ(detectFormat(docx), Format::Docx);
    EXPECT_EQ(detectFormat(fixtures::makeZip({{QStringLiteral("OFD.xml"), "<ofd:OFD/>"}})), Format::Ofd);
    EXPECT_EQ(detectFormat(fixtures::makeZip({{QStringLiteral("data.csv"), "a,b"}})), Format::Unknown);
    EXPECT_EQ(detectFormat(ole2("WordDocument")), Format::Doc);
    EXPECT_EQ(detectFormat(ole2("WpsCustomData")), Format::Wps);
    EXPECT_EQ(detectFormat(ole2("Workbook")), Format::Unknown);
    EXPECT_EQ(detectFormat("\xEF\xBB\xBF  <!-- saved from url -->\n<!DOCTYPE HTML PUBLIC>"), Format::Html);
    EXPECT_EQ(detectFormat("<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"), Format::Html);
    EXPECT_EQ(detectFormat("\n\n<HTML><BODY>"), Format::Html);
    EXPECT_EQ(detectFormat(QStringLiteral("一、总体要求\n<html> 不在开头").toUtf8()), Format::Text);
    EXPECT_EQ(detectFormat(QStringLiteral("<!-- 未闭合的注释 一、总体要求").toUtf8()), Format::Text);
}

TEST(ReadFormat, DocWpsAndOfdAreRefusedWithTheConversion) {
    const Result<ReadResult> doc = readBytes(ole2("WordDocument"), QStringLiteral("/tmp/方案.doc"));
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code, QStringLiteral("needs-conversion"));
    EXPECT_TRUE(doc.errorMessage().startsWith(QStringLiteral("/tmp/方案.doc: ")));
    EXPECT_TRUE(
        doc.errorMessage().contains(QStringLiteral("soffice --headless --convert-to docx /tmp/方案.doc")));
    const Result<ReadResult> wps = readBytes(ole2("WpsCustomData"), QStringLiteral("a b.wps"));
    ASSERT_FALSE(wps.ok());
    EXPECT_TRUE(wps.errorMessage().contains(QStringLiteral("WPS")));
    EXPECT_TRUE(wps.errorMessage().contains(QStringLiteral("--convert-to docx 'a b.wps'")));
    const Result<ReadResult> ofd =
        readBytes(fixtures::makeZip({{QStringLiteral("OFD.xml"), "<ofd:OFD/>"}}), QStringLiteral("x.ofd"));
    ASSERT_FALSE(ofd.ok());
    EXPECT_EQ(ofd.error().code, QStringLiteral("needs-conversion"));
    EXPECT_TRUE(ofd.errorMessage().contains(QStringLiteral("OFD")));
}

TEST(ReadFormat, PdfGoesToThePdfReaderAndOtherArchivesAreUnknown) {
    const Result<ReadResult> pdf = readBytes("%PDF-1.4\n", QStringLiteral("plan.pdf"));
    ASSERT_FALSE(pdf.ok());
    EXPECT_TRUE(pdf.errorMessage().startsWith(QStringLiteral("plan.pdf: ")));
    const Result<ReadResult> zip =
        readBytes(fixtures::makeZip({{QStringLiteral("a.txt"), "x"}}), QStringLiteral("plan.docx"));
    ASSERT_FALSE(zip.ok());
    EXPECT_EQ(zip.error().code, QStringLiteral("unknown-format"));
    EXPECT_TRUE(zip.errorMessage().startsWith(QStringLiteral("plan.docx: ")));
}

TEST(ReadFormat, TextKeepsTheDecoderAndRefusesPastTheInputLimit) {
    QStringEncoder gb("GB18030");
    const QByteArray bytes = gb.encode(QStringLiteral("一、总体要求\n用水报装不超过8个工作日。\n"));
    const Result<ReadResult> r = readBytes(bytes, QStringLiteral("x.txt"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->format, Format::Text);
    EXPECT_EQ(r->encoding, QStringLiteral("GB18030"));
    EXPECT_EQ(r->text, QStringLiteral("一、总体要求\n用水报装不超过8个工作日。\n"));
    EXPECT_TRUE(r->origins.isEmpty());
    ReadOptions small;
    small.maxInputBytes = 10;
    const Result<ReadResult> big = readBytes(bytes, QStringLiteral("x.txt"), small);
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.error().code, QStringLiteral("too-large"));
    EXPECT_TRUE(big.errorMessage().startsWith(QStringLiteral("x.txt: ")));
    const Result<ReadResult> binary = readBytes(QByteArray("ab\0cd", 5), QStringLiteral("b.bin"));
    ASSERT_FALSE(binary.ok());
    EXPECT_EQ(binary.error().code, QStringLiteral("binary-file"));
}

TEST(ReadResult, OriginAndPageOfAnOffset) {
    ReadResult r;
    r.text = QStringLiteral("第一页第一行\n第一页第二行\n第二页\n");
    r.pageStarts = {0, 14};
    r.pageCount = 2;
    Origin a;
    a.page = 1;
    a.block = 0;
    Origin b;
    b.page = 1;
    b.block = 1;
    Origin c;
    c.page = 2;
    c.block = 0;
    c.ocr = true;
    c.confidence = 0.8f;
    r.origins = {{0, 6, a}, {7, 6, b}, {14, 3, c}};
    EXPECT_EQ(r.originAt(0), a);
    EXPECT_EQ(r.originAt(5), a);
    EXPECT_EQ(r.originAt(6), Origin{}); // the line break belongs to no run
    EXPECT_EQ(r.originAt(8), b);
    EXPECT_EQ(r.originAt(16), c);
    EXPECT_EQ(r.originAt(17), Origin{});
    EXPECT_EQ(r.originAt(-1), Origin{});
    EXPECT_EQ(r.pageAt(0), 1);
    EXPECT_EQ(r.pageAt(13), 1);
    EXPECT_EQ(r.pageAt(14), 2);
    EXPECT_EQ(r.pageAt(100), 2);
    EXPECT_EQ(r.pageAt(-3), 0);
    EXPECT_EQ(pageOfOffset({5, 10}, 2), 1); // text before the first page start is page 1
    EXPECT_EQ(pageOfOffset({}, 2), 0);
}
