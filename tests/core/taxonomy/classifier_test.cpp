// Classifying measures into areas and targets into indicators by their words.
#include "common/datapaths.h"
#include "taxonomy/classifier.h"

#include <gtest/gtest.h>

using namespace pc;

namespace {

const Taxonomy& taxonomy() {
    static const Taxonomy t =
        Taxonomy::load(findDataFile(QStringLiteral("taxonomy/indicators.json")).value()).value();
    return t;
}

Measure measure(const QString& heading, const QString& title, const QString& body) {
    Measure m;
    m.areaHeading = heading;
    m.title = title;
    m.body = body;
    return m;
}

TEST(Classifier, HeadingDecidesArea) {
    const Classifier c(taxonomy());
    EXPECT_EQ(
        c.classifyMeasure(measure(QStringLiteral("（一）市场准入"), {},
                                  QStringLiteral("全面落实市场准入负面清单制度，深化市场准入效能评估试点。")))
            .area,
        QStringLiteral("start_business"));
    EXPECT_EQ(
        c.classifyMeasure(measure(QStringLiteral("十六、招标投标"), QStringLiteral("严格投标和履约担保管理"),
                                  QStringLiteral("投标保证金由区公共资源交易中心集中代收代管。")))
            .area,
        QStringLiteral("bidding"));
}

TEST(Classifier, SharedUtilityHeadingDecidedByContent) {
    const Classifier c(taxonomy());
    const QString heading = QStringLiteral("（二）优化水电气接入服务");
    EXPECT_EQ(c.classifyMeasure(
                   measure(heading, {}, QStringLiteral("获得用水一般项目用户全流程总用时不超过9个工作日。")))
                  .area,
              QStringLiteral("water"));
    EXPECT_EQ(
        c.classifyMeasure(
             measure(heading, {},
                     QStringLiteral("对用电容量在160千伏安及以下的小微企业报装项目，实现用电地址红线外电力"
                                    "工程“零投资”。")))
            .area,
        QStringLiteral("electricity"));
    EXPECT_EQ(
        c.classifyMeasure(
             measure(heading, {}, QStringLiteral("居民用户通气办理时限不超过3个工作日，用气报装提速。")))
            .area,
        QStringLiteral("gas"));
}

TEST(Classifier, MeasureWithoutCuesIsOther) {
    const Classifier c(taxonomy());
    const AreaMatch m = c.classifyMeasure(measure({}, {}, QStringLiteral("本方案自印发之日起施行。")));
    EXPECT_EQ(m.area, QStringLiteral("other"));
    EXPECT_LT(m.confidence, 0.5);
}

TEST(Classifier, TargetIndicatorFromWordsNearTheNumber) {
    const Classifier c(taxonomy());
    TargetCues t;
    t.before = QStringLiteral("用水报装全流程办理时限不超过");
    t.sentence = t.before + QStringLiteral("8个工作日，用气报装全流程办理时限不超过10个工作日");
    t.unit = QStringLiteral("工作日");
    t.measureArea = QStringLiteral("water");
    IndicatorMatch m = c.classifyTarget(t);
    EXPECT_EQ(m.indicator, QStringLiteral("wa.time"));
    EXPECT_EQ(m.area, QStringLiteral("water"));
    EXPECT_GT(m.confidence, 0.6);

    t.before = QStringLiteral("，用气报装全流程办理时限不超过");
    m = c.classifyTarget(t);
    EXPECT_EQ(m.indicator, QStringLiteral("ga.time"));
    EXPECT_EQ(m.area, QStringLiteral("gas"));
}

TEST(Classifier, UnitDecidesBetweenTimeAndCount) {
    const Classifier c(taxonomy());
    TargetCues t;
    t.before = QStringLiteral("压减高、低压客户办电环节至");
    t.unit = QStringLiteral("个");
    t.measureArea = QStringLiteral("electricity");
    EXPECT_EQ(c.classifyTarget(t).indicator, QStringLiteral("el.steps"));
    t.before = QStringLiteral("低压非居民客户在供电企业的办电时限控制在");
    t.unit = QStringLiteral("工作日");
    EXPECT_EQ(c.classifyTarget(t).indicator, QStringLiteral("el.time.low_voltage"));
}

TEST(Classifier, ListContinuesThePreviousIndicator) {
    const Classifier c(taxonomy());
    TargetCues t;
    t.before = QStringLiteral("（中小企业不低于");
    t.unit = QStringLiteral("%");
    t.measureArea = QStringLiteral("gov_procurement");
    t.previousIndicator = QStringLiteral("gp.prepayment");
    t.previousUnit = QStringLiteral("%");
    EXPECT_EQ(c.classifyTarget(t).indicator, QStringLiteral("gp.prepayment"));
}

TEST(Classifier, UnknownTargetGetsOtherWithLowConfidence) {
    const Classifier c(taxonomy());
    TargetCues t;
    t.before = QStringLiteral("力争2021年底前，中介服务采购人入驻达");
    t.scope = QStringLiteral("中介服务采购人入驻");
    t.unit = QStringLiteral("家");
    t.measureArea = QStringLiteral("gov_services");
    const IndicatorMatch m = c.classifyTarget(t);
    EXPECT_EQ(m.indicator, QStringLiteral("other:中介服务采购人入驻数"));
    EXPECT_EQ(m.area, QStringLiteral("gov_services"));
    EXPECT_LT(m.confidence, 0.5);
}

TEST(Classifier, OtherNameUsesCountedNounAfterAnEnumeration) {
    EXPECT_EQ(Classifier::otherName(QStringLiteral("道路运输证、网络预约出租汽车运输证等"),
                                    QStringLiteral("电子证照项目全国互认"), QStringLiteral("类")),
              QStringLiteral("other:电子证照项目全国互认类数"));
    EXPECT_EQ(Classifier::otherName(QStringLiteral("年交易规模"), {}, QStringLiteral("宗")),
              QStringLiteral("other:年交易规模"));
}

} // namespace
