// Seeded random mutations of a generated PDF (text, a table, a scanned page with OCR off): the reader
// never crashes and either reads it or fails with one of its error codes and the file's name.
#include "pdffixtures.h"
#include "pdftesthelpers.h"

#include <QElapsedTimer>

#include <random>

using namespace pc;
using namespace pc::test;
using namespace pc::test::pdf;

namespace {

QByteArray mutate(QByteArray bytes, std::mt19937& rng) {
    static const QByteArray pieces[] = {
        "obj",   "endobj",  "stream",    "endstream",  "/Length 99999999",
        "xref",  "trailer", "<<",        ">>",         "/Encrypt",
        "%%EOF", "0 0 R",   "/Count -1", "9999999999", "[",
        "]",     "(",       ")",         "\\",         "/Filter /FlateDecode"};
    const int edits = 1 + int(rng() % 12);
    for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
        const qsizetype at = qsizetype(rng() % bytes.size());
        switch (rng() % 5) {
        case 0:
            bytes.remove(at, qsizetype(rng() % 64));
            break;
        case 1:
            bytes.insert(at, pieces[rng() % std::size(pieces)]);
            break;
        case 2:
            for (int k = 0; k < 8 && at + k < bytes.size(); ++k)
                bytes[at + k] = char(rng() % 256);
            break;
        case 3:
            bytes.insert(qsizetype(rng() % bytes.size()), bytes.mid(at, qsizetype(rng() % 300)));
            break;
        default:
            // Digits are offsets and lengths: nudge one.
            if (QChar::isDigit(uchar(bytes[at])))
                bytes[at] = char('0' + rng() % 10);
            break;
        }
    }
    return bytes;
}

TEST(PdfFuzz, MutatedPdfsReadOrFailCleanly) {
    const QList<QByteArray> seeds{
        typeset(seedParagraphs(QStringLiteral("yuzhong-2023")).mid(0, 12),
                {QStringLiteral("页眉"), PageNumbers::Dashes})
            .bytes,
        tablePdf(QStringLiteral("表"),
                 {{QStringLiteral("序号"), QStringLiteral("事项"), QStringLiteral("牵头单位")},
                  {QStringLiteral("1"), QStringLiteral("不超过 9 个工作日"), QStringLiteral("区城管局")}},
                 {60, 200, 100}, QStringLiteral("完")),
        imagePdf({scannedPage({QStringLiteral("扫描")}, 36, 14)})};
    const QStringList codes{QStringLiteral("pdf-damaged"), QStringLiteral("pdf-encrypted"),
                            QStringLiteral("pdf-no-text"), QStringLiteral("too-large")};
    read::ReadOptions options;
    options.allowOcr = false; // OCR costs seconds a page; the text and layout code is what is fuzzed
    std::mt19937 rng(20261201u);
    QElapsedTimer timer;
    timer.start();
    int runs = 0, read = 0;
    while (timer.elapsed() < 4000 || runs < 60) {
        const QByteArray bytes = mutate(seeds[runs % seeds.size()], rng);
        const Result<read::ReadResult> r = read::readPdf(bytes, QStringLiteral("fuzz.pdf"), options);
        ++runs;
        if (r.ok()) {
            ++read;
            ASSERT_NO_FATAL_FAILURE(expectOriginsConsistent(r.value()));
            ASSERT_EQ(r->pageStarts.size(), r->pageCount);
        } else {
            ASSERT_TRUE(codes.contains(r.error().code)) << r.error().code.toStdString();
            ASSERT_TRUE(r.errorMessage().startsWith(QStringLiteral("fuzz.pdf: ")));
        }
        if (runs >= 5000)
            break;
    }
    EXPECT_GT(runs, 50);
    EXPECT_GT(read, 0); // some mutations leave a readable file
}

} // namespace
