// Confidence covers the fields, not only whether a number is a target: a deadline read against a plan
// year that no 文号 confirms, and an indicator the classifier only guessed, put a target under review.
#include "extract/analysis.h"
#include "shippedtaxonomy.h"
#include "taxonomy/taxonomy.h"

#include <gtest/gtest.h>

using namespace pc;

namespace {

const Target& only(const Result<Analysis>& a) {
    EXPECT_TRUE(a.ok()) << a.errorMessage().toStdString();
    EXPECT_EQ(a->targets.size(), 1);
    return a->targets.first();
}

Result<Analysis> analyze(const QString& text, const QString& name) {
    return analyzeBytes(text.toUtf8(), name, test::shippedTaxonomy());
}

} // namespace

TEST(Confidence, RelativeDeadlineIsSureOnlyWhenTheDocumentNumberDatesThePlan) {
    // The same commitment, due 今年内: once in a plan whose 文号 says 2024, once in a news item whose only
    // dates are events.
    const QString body = QStringLiteral("今年内，用水报装全流程办理时限压缩至5个工作日以内。\n");
    const Result<Analysis> plan = analyze(QStringLiteral("某县人民政府办公室文件\n某府办发〔2024〕12号\n"
                                                         "某县优化营商环境工作方案\n") +
                                              body,
                                          QStringLiteral("plan.txt"));
    const Result<Analysis> news =
        analyze(QStringLiteral("2023年5月8日，记者从县水务局获悉新的报装举措。\n") + body,
                QStringLiteral("news.txt"));
    const Target& p = only(plan);
    const Target& n = only(news);
    EXPECT_EQ(p.indicator, QStringLiteral("wa.time"));
    EXPECT_EQ(n.indicator, QStringLiteral("wa.time"));
    EXPECT_EQ(p.deadline, QStringLiteral("2024-12"));
    EXPECT_EQ(n.deadline, QStringLiteral("2023-12"));
    EXPECT_EQ(*p.value, 5.0);
    EXPECT_EQ(*n.value, 5.0);
    EXPECT_GE(p.confidence, 0.8);
    EXPECT_LT(n.confidence, 0.8);
    EXPECT_NEAR(n.confidence, p.confidence * 0.9, 1e-9);
}

TEST(Confidence, WrittenYearNeedsNoDocumentNumber) {
    const Result<Analysis> a =
        analyze(QStringLiteral("2023年5月8日，记者从县水务局获悉新的报装举措。\n"
                               "2024年底前，用水报装全流程办理时限压缩至5个工作日以内。\n"),
                QStringLiteral("news.txt"));
    const Target& t = only(a);
    EXPECT_EQ(t.deadline, QStringLiteral("2024-12"));
    EXPECT_GE(t.confidence, 0.8);
}

TEST(Confidence, GuessedIndicatorIsMarkedForReview) {
    const Result<Analysis> a = analyze(
        QStringLiteral("2024年底前，用水报装全流程办理时限压缩至5个工作日以内。\n"), QStringLiteral("a.txt"));
    const Result<Analysis> b =
        analyze(QStringLiteral("2024年底前，企业物流成本降低15%。\n"), QStringLiteral("b.txt"));
    const Target& sure = only(a);
    const Target& other = only(b);
    EXPECT_EQ(sure.indicator, QStringLiteral("wa.time"));
    EXPECT_GE(sure.indicatorConfidence, 0.7);
    EXPECT_GE(sure.confidence, 0.8);
    EXPECT_TRUE(other.indicator.startsWith(QStringLiteral("other:")));
    EXPECT_EQ(other.kind, QStringLiteral("reduce_by"));
    EXPECT_LT(other.confidence, 0.8);
}
