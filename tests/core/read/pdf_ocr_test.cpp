// OCR of scanned pages: a page of seed text rendered to a 300 dpi image and wrapped in a PDF is read by
// Tesseract, and the targets the grammar finds in it are those of the original text.
#include "pdffixtures.h"
#include "pdftesthelpers.h"

#include "extract/targetgrammar.h"

using namespace pc;
using namespace pc::test;
using namespace pc::test::pdf;

namespace {

// Consecutive paragraphs of 江津 around its water, power and gas measure, about a page at 12 pt.
QStringList scannedParagraphs() {
    const QStringList all = seedParagraphs(QStringLiteral("jiangjin-2021"));
    const qsizetype at =
        std::find_if(all.begin(), all.end(),
                     [](const QString& p) { return p.startsWith(QStringLiteral("（二）优化水电气")); }) -
        all.begin();
    QStringList out;
    int chars = 0;
    for (qsizetype i = at; i < all.size() && chars + all[i].size() < 1150; ++i) {
        out << all[i];
        chars += int(all[i].size());
    }
    return out;
}

// Targets as (value, unit) pairs, e.g. "9 工作日".
QStringList targetsOf(const QString& text) {
    QStringList out;
    for (const extract::TextTarget& t : extract::extractTextTargets(text)) {
        if (t.value)
            out << QStringLiteral("%1 %2").arg(*t.value).arg(t.unit);
    }
    return out;
}

TEST(PdfOcr, ScannedSeedPageFindsNinetyPercentOfItsTargets) {
    const QStringList paragraphs = scannedParagraphs();
    ASSERT_GE(paragraphs.size(), 3);
    const QImage scan = scannedPage(paragraphs, 300, 12);
    const read::ReadResult r = readOk(imagePdf({scan}));
    EXPECT_EQ(r.pageCount, 1);
    EXPECT_EQ(r.ocrPages, 1);

    const QStringList expected = targetsOf(paragraphs.join(QLatin1Char('\n')));
    ASSERT_GE(expected.size(), 6) << expected.join(QStringLiteral(", ")).toStdString();
    QStringList found = targetsOf(r.text);
    int matched = 0;
    for (const QString& t : expected) {
        if (found.removeOne(t))
            ++matched;
    }
    EXPECT_GE(matched * 10, expected.size() * 9)
        << matched << " of " << expected.size()
        << "\nexpected: " << expected.join(QStringLiteral(", ")).toStdString()
        << "\nOCR text: " << r.text.toStdString();
    // Chinese comes back without the spaces Tesseract puts between characters.
    EXPECT_TRUE(noSpace(r.text).contains(QStringLiteral("获得用水一般项目用户全流程总用时不超过9个工作日")))
        << r.text.toStdString();
    EXPECT_FALSE(r.text.contains(QStringLiteral("用 水")));
    // Wrapped lines are joined into paragraphs: the page holds as many paragraphs as were typeset (one
    // more where a misread character breaks a line).
    EXPECT_GE(r.text.count(QLatin1Char('\n')), paragraphs.size()) << r.text.toStdString();
    EXPECT_LE(r.text.count(QLatin1Char('\n')), paragraphs.size() + 1) << r.text.toStdString();

    // Every run is OCR with a confidence; the page is reported for review.
    ASSERT_FALSE(r.origins.isEmpty());
    double sum = 0;
    for (const read::OriginRun& run : r.origins) {
        EXPECT_TRUE(run.origin.ocr);
        EXPECT_EQ(run.origin.page, 1);
        EXPECT_GE(run.origin.confidence, 0.0f);
        EXPECT_LE(run.origin.confidence, 1.0f);
        sum += run.origin.confidence;
    }
    // A clean 300 dpi render reads with high confidence.
    EXPECT_GT(sum / double(r.origins.size()), 0.8);
    expectOriginsConsistent(r);
    const auto it = std::find_if(r.issues.begin(), r.issues.end(), [](const Issue& i) {
        return i.code == QStringLiteral("pdf-ocr-page") || i.code == QStringLiteral("pdf-ocr-low-confidence");
    });
    ASSERT_NE(it, r.issues.end());
    EXPECT_TRUE(it->message.contains(QStringLiteral("page 1")));
    EXPECT_EQ(it->span.start, 0);
    EXPECT_EQ(it->span.end, r.text.size());
}

} // namespace
