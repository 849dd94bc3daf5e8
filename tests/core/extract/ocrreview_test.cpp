// Targets read from OCR text are marked for review: their confidence falls below what the GUI flags.
#include "extract/analysis.h"
#include "read/readresult.h"
#include "shippedtaxonomy.h"
#include "taxonomy/taxonomy.h"

#include <gtest/gtest.h>

using namespace pc;

namespace {

read::ReadResult page(bool ocr, float confidence) {
    read::ReadResult r;
    r.format = read::Format::Pdf;
    r.text = QStringLiteral("某县优化营商环境工作方案\n"
                            "一、获得用水\n"
                            "1.压减用水报装时间。2024年底前，用水报装全流程办理时间压减至5个工作日以内。\n");
    r.pageCount = 1;
    r.pageStarts = {0};
    read::Origin o;
    o.page = 1;
    o.ocr = ocr;
    o.confidence = confidence;
    r.origins = {read::OriginRun{0, r.text.size(), o}};
    if (ocr)
        r.ocrPages = 1;
    return r;
}

} // namespace

TEST(OcrReview, TargetsFromOcrTextAreBelowTheReviewThreshold) {
    const Taxonomy& taxonomy = test::shippedTaxonomy();
    const Result<Analysis> typed =
        analyzeRead(page(false, 1.0f), QByteArray("%PDF-"), QStringLiteral("a.pdf"), taxonomy);
    const Result<Analysis> scanned =
        analyzeRead(page(true, 0.9f), QByteArray("%PDF-"), QStringLiteral("b.pdf"), taxonomy);
    ASSERT_TRUE(typed.ok()) << typed.errorMessage().toStdString();
    ASSERT_TRUE(scanned.ok()) << scanned.errorMessage().toStdString();
    ASSERT_EQ(typed->targets.size(), 1);
    ASSERT_EQ(scanned->targets.size(), 1);
    const Target& t = typed->targets.first();
    const Target& s = scanned->targets.first();
    EXPECT_EQ(*s.value, 5.0);
    EXPECT_EQ(s.unit, QStringLiteral("工作日"));
    EXPECT_EQ(s.page, 1);
    EXPECT_GE(t.confidence, 0.8);  // the text layer: as sure as the grammar is
    EXPECT_LE(s.confidence, 0.45); // OCR: at most half the words' confidence, flagged for review
}
