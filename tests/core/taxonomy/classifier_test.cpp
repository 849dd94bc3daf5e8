// Classifying measures into areas and targets into indicators by their words.
#include "common/datapaths.h"
#include "lcg.h"
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

// The cue-hit cache (sentence, title and heading hits kept from one target to the next) changes no
// result: 20,000 generated targets in runs that share their sentence, title or heading (as the targets
// of one sentence or measure do), made of the taxonomy's own cue words and near misses, classified
// with one cache and without any; every indicator, area and confidence is the same. Texts repeat as
// new strings with the same content and come back after another (A, B, A).
TEST(Classifier, SharedCueHitsGiveTheSameIndicatorsAsSearchingEachTarget) {
    const Classifier c(taxonomy());
    QStringList words;
    for (const Indicator& ind : taxonomy().indicators()) {
        for (const QString& cue : ind.cues)
            words << cue << cue.left(cue.size() - 1);
    }
    for (const Area& a : taxonomy().areas())
        words << a.cues;
    words << QStringLiteral("，") << QStringLiteral("。") << QStringLiteral("不超过")
          << QStringLiteral("压减至") << QStringLiteral("（不含外线工程）") << QStringLiteral("全流程")
          << QStringLiteral("办理");
    const QStringList units = {QStringLiteral("工作日"), QStringLiteral("个"),   QStringLiteral("%"),
                               QStringLiteral("天"),     QStringLiteral("小时"), QString()};
    const QStringList areas = {QStringLiteral("water"), QStringLiteral("electricity"), QStringLiteral("gas"),
                               QStringLiteral("other"), QString()};
    pc::test::Lcg next(1414);
    QStringList sentences;
    QStringList titles;
    QStringList headings;
    for (int k = 0; k < 40; ++k) {
        sentences << next.words(words, 30);
        titles << next.words(words, 4);
        headings << next.words(words, 5);
    }
    CueHitCache cache;
    int sentence = 0;
    int title = 0;
    int heading = 0;
    int others = 0;
    for (int round = 0; round < 20000; ++round) {
        // Mostly the same as the previous target's; sometimes another one, sometimes an earlier one.
        if (next(4) == 0)
            sentence = int(next(40));
        if (next(8) == 0)
            title = int(next(40));
        if (next(12) == 0)
            heading = int(next(40));
        TargetCues t;
        t.before = next.words(words, 6);
        t.after = next.words(words, 4);
        // A new string with the same content half the time: equal text, not the same object.
        t.sentence = next(2) ? sentences.at(sentence)
                             : QString(sentences.at(sentence).constData(), sentences.at(sentence).size());
        t.measureTitle = titles.at(title);
        t.heading = next(20) == 0 ? QString() : headings.at(heading);
        t.unit = units.at(next(quint32(units.size())));
        t.measureArea = areas.at(next(quint32(areas.size())));
        t.documentArea = areas.at(next(quint32(areas.size())));
        t.scope = t.before.right(6);
        t.gapped = next(10) == 0;
        const IndicatorMatch want = c.classifyTarget(t);
        const IndicatorMatch got = c.classifyTarget(t, &cache);
        ASSERT_EQ(got.indicator, want.indicator) << round;
        ASSERT_EQ(got.area, want.area) << round;
        ASSERT_EQ(got.confidence, want.confidence) << round;
        others += want.indicator.startsWith(QStringLiteral("other:"));
    }
    // Both kinds of answers occur: indicators found by their cues, and other:.
    EXPECT_GT(others, 500);
    EXPECT_LT(others, 19500);
}

} // namespace
