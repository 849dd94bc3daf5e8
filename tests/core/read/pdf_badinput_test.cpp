// Files the PDF reader must refuse: encrypted, truncated, not a PDF, too large, no text at all.
#include "pdffixtures.h"
#include "pdftesthelpers.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

using namespace pc;
using namespace pc::test;
using namespace pc::test::pdf;

namespace {

Error readError(const QByteArray& bytes, const read::ReadOptions& options = {}) {
    const Result<read::ReadResult> r =
        read::readPdf(bytes, QStringLiteral("/data/downloads/方案.pdf"), options);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.errorMessage().startsWith(QStringLiteral("/data/downloads/方案.pdf: ")))
        << r.errorMessage().toStdString();
    return r.ok() ? Error{} : r.error();
}

QByteArray smallPdf() {
    return typeset({QStringLiteral("一、总体要求"), QStringLiteral("获得用水全流程总用时不超过9个工作日。")})
        .bytes;
}

// qpdf (Debian package qpdf) encrypts a generated PDF with AES-256.
QByteArray encrypted(const QByteArray& plain, const QString& userPassword) {
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("in.pdf")), out = dir.filePath(QStringLiteral("out.pdf"));
    QFile f(in);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(plain);
    f.close();
    const RunResult r = run(QStringLiteral("qpdf"),
                            {QStringLiteral("--encrypt"), userPassword, QStringLiteral("owner-secret"),
                             QStringLiteral("256"), QStringLiteral("--"), in, out});
    EXPECT_EQ(r.exitCode, 0) << r.errText().toStdString();
    return readAll(out);
}

TEST(PdfBadInput, PasswordProtectedPdfIsRefused) {
    const QByteArray bytes = encrypted(smallPdf(), QStringLiteral("user-secret"));
    ASSERT_TRUE(bytes.startsWith("%PDF-"));
    const Error e = readError(bytes);
    EXPECT_EQ(e.code, QStringLiteral("pdf-encrypted"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("password")));
}

TEST(PdfBadInput, EncryptedWithoutUserPasswordIsRead) {
    // Copy restrictions only (empty user password): every viewer opens it, so do we.
    const QByteArray bytes = encrypted(smallPdf(), QString());
    const read::ReadResult r = readOk(bytes);
    EXPECT_EQ(r.text, QStringLiteral("一、总体要求\n获得用水全流程总用时不超过9个工作日。\n"));
}

TEST(PdfBadInput, TruncatedPdfIsDamaged) {
    const QByteArray bytes = smallPdf();
    for (double keep : {0.2, 0.5, 0.9}) {
        const Error e = readError(bytes.left(qsizetype(bytes.size() * keep)));
        EXPECT_EQ(e.code, QStringLiteral("pdf-damaged")) << keep;
        EXPECT_TRUE(e.message.contains(QStringLiteral("truncated"))) << e.message.toStdString();
    }
}

TEST(PdfBadInput, NotAPdfIsDamaged) {
    for (const QByteArray& bytes : {readAll(seedPath(QStringLiteral("dazu-2019"))), QByteArray(),
                                    QByteArray("%PDF-1.7\n%%EOF\n"), QByteArray("PK\x03\x04 not a pdf")}) {
        const Error e = readError(bytes);
        EXPECT_EQ(e.code, QStringLiteral("pdf-damaged")) << bytes.left(20).toStdString();
    }
}

TEST(PdfBadInput, TooLargeIsRefusedBeforeParsing) {
    read::ReadOptions options;
    options.maxInputBytes = 1000;
    const Error e = readError(smallPdf(), options);
    EXPECT_EQ(e.code, QStringLiteral("too-large"));
}

TEST(PdfBadInput, BlankPdfHasNoText) {
    const Error e = readError(blankPdf(2));
    EXPECT_EQ(e.code, QStringLiteral("pdf-no-text"));
}

TEST(PdfBadInput, ScanWithOcrTurnedOffHasNoText) {
    read::ReadOptions options;
    options.allowOcr = false;
    const QImage page = scannedPage({QStringLiteral("获得用水全流程总用时不超过9个工作日。")}, 100, 14);
    const Error e = readError(imagePdf({page}), options);
    EXPECT_EQ(e.code, QStringLiteral("pdf-no-text"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("OCR")));
}

TEST(PdfBadInput, ScanWithoutTheChineseModelSaysWhatToInstall) {
    QTemporaryDir empty;
    read::ReadOptions options;
    options.tessdataDir = empty.path();
    const QImage page = scannedPage({QStringLiteral("获得用水全流程总用时不超过9个工作日。")}, 100, 14);
    const Error e = readError(imagePdf({page}), options);
    EXPECT_EQ(e.code, QStringLiteral("ocr-unavailable"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("tesseract-ocr-chi-sim"))) << e.message.toStdString();
    EXPECT_TRUE(e.message.contains(empty.path()));
}

TEST(PdfBadInput, ScannedPageAmongTextPagesIsSkippedWithAWarningWhenOcrIsOff) {
    // A text page followed by an image page: the text is read, the image page reported.
    const QByteArray text = smallPdf();
    read::ReadOptions options;
    options.allowOcr = false;
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.pdf")), b = dir.filePath(QStringLiteral("b.pdf")),
                  out = dir.filePath(QStringLiteral("out.pdf"));
    QFile fa(a), fb(b);
    ASSERT_TRUE(fa.open(QIODevice::WriteOnly) && fb.open(QIODevice::WriteOnly));
    fa.write(text);
    fb.write(imagePdf({scannedPage({QStringLiteral("扫描页")}, 100, 14)}));
    fa.close();
    fb.close();
    const RunResult r = run(QStringLiteral("qpdf"), {QStringLiteral("--empty"), QStringLiteral("--pages"), a,
                                                     b, QStringLiteral("--"), out});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const read::ReadResult rr = readOk(readAll(out), options);
    EXPECT_EQ(rr.pageCount, 2);
    EXPECT_EQ(rr.text, QStringLiteral("一、总体要求\n获得用水全流程总用时不超过9个工作日。\n"));
    const auto it = std::find_if(rr.issues.begin(), rr.issues.end(),
                                 [](const Issue& i) { return i.code == QStringLiteral("pdf-page-unread"); });
    ASSERT_NE(it, rr.issues.end());
    EXPECT_TRUE(it->message.contains(QStringLiteral("page 2"))) << it->message.toStdString();
}

} // namespace
