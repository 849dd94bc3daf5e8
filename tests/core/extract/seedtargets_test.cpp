// Regression on the five seed plans: specific targets of every plan, exact quotes at their spans,
// no repeats, every measure and target classified.
#include "shippedtaxonomy.h"
#include "testpaths.h"

#include "common/datapaths.h"
#include "extract/analysis.h"
#include "extract/targetextractor.h"
#include "taxonomy/classifier.h"
#include "taxonomy/taxonomy.h"

#include <gtest/gtest.h>

#include <QSet>

#include <functional>

using namespace pc;

namespace {

const Taxonomy& taxonomy() {
    return test::shippedTaxonomy();
}

const Analysis& seed(const QString& stem) {
    static QHash<QString, Analysis> cache;
    auto it = cache.find(stem);
    if (it == cache.end()) {
        const Result<Analysis> a = analyzeFile(test::seedPath(stem), taxonomy());
        EXPECT_TRUE(a.ok()) << a.errorMessage().toStdString();
        it = cache.insert(stem, a.ok() ? a.value() : Analysis{});
    }
    return *it;
}

QList<Target> find(const QString& stem, const QString& indicator, double value, const QString& unit) {
    QList<Target> out;
    for (const Target& t : seed(stem).targets) {
        if (t.indicator == indicator && t.value && *t.value == value && t.unit == unit)
            out << t;
    }
    return out;
}

const QStringList kSeeds = {QStringLiteral("chongqing-2019"), QStringLiteral("dazu-2019"),
                            QStringLiteral("jiangjin-2021"), QStringLiteral("wulong-2022"),
                            QStringLiteral("yuzhong-2023")};

TEST(SeedTargets, YuzhongWaterConnectionWithinEightWorkingDays) {
    const QList<Target> t =
        find(QStringLiteral("yuzhong-2023"), QStringLiteral("wa.time"), 8, QStringLiteral("工作日"));
    ASSERT_EQ(t.size(), 1);
    EXPECT_EQ(t[0].comparator, QStringLiteral("<="));
    EXPECT_EQ(t[0].area, QStringLiteral("water"));
    EXPECT_TRUE(t[0].quote.contains(QStringLiteral("不超过8个工作日")));
}

TEST(SeedTargets, YuzhongGasPermitsStartupAndInnovation) {
    const QString yz = QStringLiteral("yuzhong-2023");
    ASSERT_EQ(find(yz, QStringLiteral("ga.time"), 10, QStringLiteral("工作日")).size(), 1);
    const QList<Target> cp = find(yz, QStringLiteral("cp.time.social_general"), 45, QStringLiteral("工作日"));
    ASSERT_EQ(cp.size(), 1);
    EXPECT_EQ(cp[0].baseline, 50);
    EXPECT_EQ(cp[0].comparator, QStringLiteral("="));
    const QList<Target> lowRisk = find(yz, QStringLiteral("cp.time.low_risk"), 13, QStringLiteral("工作日"));
    ASSERT_EQ(lowRisk.size(), 1);
    EXPECT_EQ(lowRisk[0].baseline, 16);
    const QList<Target> sb = find(yz, QStringLiteral("sb.time"), 0.5, QStringLiteral("天"));
    ASSERT_EQ(sb.size(), 1);
    EXPECT_EQ(sb[0].area, QStringLiteral("start_business"));
    const QList<Target> hi = find(yz, QStringLiteral("inn.hightech_firms"), 208, QStringLiteral("家"));
    ASSERT_EQ(hi.size(), 1);
    EXPECT_EQ(hi[0].comparator, QStringLiteral(">="));
    EXPECT_EQ(hi[0].deadline, QStringLiteral("2023-12"));
    const QList<Target> inc = find(yz, QStringLiteral("sb.commitment_items"), 50, QStringLiteral("%"));
    ASSERT_EQ(inc.size(), 1);
    EXPECT_EQ(inc[0].kind, QStringLiteral("increase_by"));
}

TEST(SeedTargets, YuzhongMarketAccessSectionIsStartingABusiness) {
    for (const Measure& m : seed(QStringLiteral("yuzhong-2023")).document.measures) {
        if (m.areaHeading.contains(QStringLiteral("市场准入"))) {
            EXPECT_EQ(m.area, QStringLiteral("start_business")) << m.number;
        }
    }
}

TEST(SeedTargets, JiangjinWholeProcessWaterWithinNineWorkingDays) {
    const QList<Target> t =
        find(QStringLiteral("jiangjin-2021"), QStringLiteral("wa.time"), 9, QStringLiteral("工作日"));
    ASSERT_EQ(t.size(), 1);
    EXPECT_EQ(t[0].comparator, QStringLiteral("<="));
    EXPECT_TRUE(t[0].deadline.isEmpty());
    EXPECT_TRUE(t[0].scope.contains(QStringLiteral("一般项目用户"))) << t[0].scope.toStdString();
}

TEST(SeedTargets, JiangjinProcurementAndLabour) {
    const QString jj = QStringLiteral("jiangjin-2021");
    ASSERT_EQ(find(jj, QStringLiteral("gp.prepayment"), 30, QStringLiteral("%")).size(), 1);
    const QList<Target> sme = find(jj, QStringLiteral("gp.prepayment"), 50, QStringLiteral("%"));
    ASSERT_EQ(sme.size(), 1);
    EXPECT_EQ(sme[0].comparator, QStringLiteral(">="));
    const QList<Target> contract = find(jj, QStringLiteral("gp.time.contract"), 20, QStringLiteral("日"));
    ASSERT_EQ(contract.size(), 1);
    const QList<Target> aaa = find(jj, QStringLiteral("lm.aaa_firms"), 2, QStringLiteral("家"));
    ASSERT_EQ(aaa.size(), 1);
    EXPECT_EQ(aaa[0].deadline, QStringLiteral("2021-12")); // 今年内 in a 2021 plan
    // Two gas targets with the same words but different subjects stay two.
    EXPECT_EQ(find(jj, QStringLiteral("ga.time"), 8, QStringLiteral("工作日")).size(), 2);
}

TEST(SeedTargets, JiangjinUtilitySectionClassifiedByContent) {
    for (const Measure& m : seed(QStringLiteral("jiangjin-2021")).document.measures) {
        if (m.areaHeading.contains(QStringLiteral("水电气"))) {
            EXPECT_TRUE(m.area == QStringLiteral("water") || m.area == QStringLiteral("electricity") ||
                        m.area == QStringLiteral("gas"))
                << m.number << " " << m.area.toStdString();
        }
    }
}

TEST(SeedTargets, DazuConstructionPermitTimes) {
    const QString dz = QStringLiteral("dazu-2019");
    for (auto [id, v] : {std::pair{"cp.time.social_general", 50}, std::pair{"cp.time.social_small", 35},
                         std::pair{"cp.time.land_with_plan", 20}, std::pair{"cp.time.industrial", 15},
                         std::pair{"cp.time.gov_invest", 80}, std::pair{"cp.time.gov_building", 70}}) {
        const QList<Target> t = find(dz, QString::fromLatin1(id), v, QStringLiteral("工作日"));
        ASSERT_EQ(t.size(), 1) << id;
        EXPECT_EQ(t[0].comparator, QStringLiteral("<=")) << id;
        EXPECT_EQ(t[0].deadline, QStringLiteral("2019-12")) << id;
    }
    // Sub-item numbers and deadlines are not part of the scope.
    const QList<Target> general =
        find(dz, QStringLiteral("cp.time.social_general"), 50, QStringLiteral("工作日"));
    ASSERT_EQ(general.size(), 1);
    EXPECT_EQ(general[0].scope, QStringLiteral("一般社会投资项目从立项到竣工验收"));
}

TEST(SeedTargets, DazuWaterGasElectricity) {
    const QString dz = QStringLiteral("dazu-2019");
    const QList<Target> water = find(dz, QStringLiteral("wa.time"), 4, QStringLiteral("工作日"));
    ASSERT_EQ(water.size(), 1);
    EXPECT_EQ(water[0].comparator, QStringLiteral("<="));
    const QList<Target> gas = find(dz, QStringLiteral("ga.time"), 14, QStringLiteral("工作日"));
    ASSERT_EQ(gas.size(), 1);
    EXPECT_EQ(gas[0].baseline, 30);
    EXPECT_EQ(gas[0].deadline, QStringLiteral("2021-12"));
    EXPECT_EQ(find(dz, QStringLiteral("el.reliability.urban"), 99.96, QStringLiteral("%")).size(), 1);
    EXPECT_EQ(find(dz, QStringLiteral("el.reliability.rural"), 99.81, QStringLiteral("%")).size(), 1);
    const QList<Target> steps = find(dz, QStringLiteral("el.steps"), 3, QStringLiteral("个"));
    EXPECT_EQ(steps.size(), 2); // 低压 3 个 and 高压 without external works 3 个
    const QList<Target> hr = find(dz, QStringLiteral("lm.time.hr_agency"), 10, QStringLiteral("工作日"));
    ASSERT_EQ(hr.size(), 1);
    EXPECT_EQ(hr[0].baseline, 20);
    EXPECT_EQ(hr[0].area, QStringLiteral("labor_market"));
}

TEST(SeedTargets, DazuNoEnumerationsOrScopeBounds) {
    for (const Target& t : seed(QStringLiteral("dazu-2019")).targets) {
        EXPECT_FALSE(t.quote.contains(QStringLiteral("重要方面"))) << t.quote.toStdString();
        EXPECT_FALSE(t.quote.contains(QStringLiteral("行政权力"))) << t.quote.toStdString();
        EXPECT_FALSE(t.quote.contains(QStringLiteral("DN100"))) << t.quote.toStdString();
        EXPECT_FALSE(t.unit == QStringLiteral("年") || t.unit == QStringLiteral("月"))
            << t.quote.toStdString();
    }
}

TEST(SeedTargets, WulongRowDeadlineWhenSentenceHasNone) {
    QList<Target> nine;
    for (const Target& x : seed(QStringLiteral("wulong-2022")).targets) {
        if (x.value && *x.value == 9 && x.unit == QStringLiteral("类"))
            nine << x;
    }
    ASSERT_EQ(nine.size(), 1);
    EXPECT_EQ(nine[0].deadline, QStringLiteral("2022-05"));
    EXPECT_TRUE(nine[0].indicator.startsWith(QStringLiteral("other:"))) << nine[0].indicator.toStdString();
    EXPECT_LT(nine[0].indicatorConfidence, 0.5);
    QList<Target> range;
    for (const Target& x : seed(QStringLiteral("wulong-2022")).targets) {
        if (x.quote.contains(QStringLiteral("1—2个")))
            range << x;
    }
    ASSERT_EQ(range.size(), 1);
    EXPECT_EQ(*range[0].value, 2);
    EXPECT_EQ(range[0].comparator, QStringLiteral("<="));
    EXPECT_TRUE(range[0].deadline.isEmpty()); // the row says 已完成
}

TEST(SeedTargets, MunicipalWaterConnectionTwelveToSevenDays) {
    const QList<Target> t =
        find(QStringLiteral("chongqing-2019"), QStringLiteral("wa.time"), 7, QStringLiteral("工作日"));
    QList<Target> withBaseline;
    for (const Target& x : t) {
        if (x.baseline)
            withBaseline << x;
    }
    ASSERT_EQ(withBaseline.size(), 1);
    EXPECT_EQ(*withBaseline[0].baseline, 12);
    EXPECT_EQ(withBaseline[0].comparator, QStringLiteral("<="));
    EXPECT_EQ(withBaseline[0].deadline, QStringLiteral("2020-12"));
    // The scope is what the deadline governs, not the measure title glued before it.
    EXPECT_EQ(withBaseline[0].scope, QStringLiteral("水表口径DN100以下的用水接入"));
}

TEST(SeedTargets, MunicipalRepeatedPassagesGiveOneTarget) {
    const QString cq = QStringLiteral("chongqing-2019");
    EXPECT_EQ(find(cq, QStringLiteral("in.4g_stations"), 5000, QStringLiteral("个")).size(), 1);
    EXPECT_EQ(find(cq, QStringLiteral("in.mobile_price"), 20, QStringLiteral("%")).size(), 1);
    EXPECT_EQ(find(cq, QStringLiteral("el.reliability.rural"), 99.81, QStringLiteral("%")).size(), 1);
}

TEST(SeedTargets, MunicipalTargetsReadAcrossInterleavedFragments) {
    const QString cq = QStringLiteral("chongqing-2019");
    // 控制在20个工作日市经济能源公以内
    const QList<Target> hv = find(cq, QStringLiteral("el.time.high_voltage"), 20, QStringLiteral("工作日"));
    ASSERT_EQ(hv.size(), 1);
    EXPECT_EQ(hv[0].comparator, QStringLiteral("<="));
    EXPECT_EQ(hv[0].deadline, QStringLiteral("2019-12"));
    // 控制在20个工6．压减市住房作日以内
    const QList<Target> land =
        find(cq, QStringLiteral("cp.time.land_with_plan"), 20, QStringLiteral("工作日"));
    ASSERT_EQ(land.size(), 1);
    EXPECT_EQ(land[0].comparator, QStringLiteral("<="));
    // 由30个工作日减21．压少至14个工作日
    const QList<Target> gas = find(cq, QStringLiteral("ga.time"), 14, QStringLiteral("工作日"));
    ASSERT_EQ(gas.size(), 1);
    EXPECT_EQ(gas[0].baseline, 30);
    EXPECT_EQ(gas[0].deadline, QStringLiteral("2021-12"));
    EXPECT_TRUE(find(cq, QStringLiteral("ga.time"), 30, QStringLiteral("工作日")).isEmpty());
    // 由每件550元减至80市规划自然资源局元
    const QList<Target> fee = find(cq, QStringLiteral("pr.fee.parking"), 80, QStringLiteral("元"));
    ASSERT_EQ(fee.size(), 1);
    EXPECT_EQ(fee[0].baseline, 550);
    // 通气不超过3个工作五、获日
    const QList<Target> stage = find(cq, QStringLiteral("ga.time.stage"), 3, QStringLiteral("工作日"));
    ASSERT_EQ(stage.size(), 1);
    EXPECT_EQ(stage[0].quote, QStringLiteral("通气不超过3个工作五、获日"));
    EXPECT_EQ(find(cq, QStringLiteral("cb.documents"), 46, QStringLiteral("种")).size(), 1);
    // 压减高、低压客户办电环节至4个（…）、3个（…）… 进一步压减环节至3个、2个: all four are electricity steps.
    EXPECT_EQ(find(cq, QStringLiteral("el.steps"), 4, QStringLiteral("个")).size(), 1);
    EXPECT_EQ(find(cq, QStringLiteral("el.steps"), 3, QStringLiteral("个")).size(), 2);
    EXPECT_EQ(find(cq, QStringLiteral("el.steps"), 2, QStringLiteral("个")).size(), 1);
    const QList<Target> gasSteps = find(cq, QStringLiteral("ga.steps"), 5, QStringLiteral("个"));
    ASSERT_EQ(gasSteps.size(), 1);
    EXPECT_EQ(gasSteps[0].baseline, 9);
    EXPECT_LE(gasSteps[0].quote.size(), 20); // a short quote even when the baseline is far before
    // Units as written (the labelling rule): 5万人次 is 5 万人次.
    EXPECT_EQ(find(cq, QStringLiteral("ipr.outreach"), 5, QStringLiteral("万人次")).size(), 1);
}

TEST(SeedTargets, MunicipalNoTargetsFromPreambleEnumerations) {
    for (const Target& t : seed(QStringLiteral("chongqing-2019")).targets) {
        EXPECT_FALSE(t.quote.contains(QStringLiteral("重要方面"))) << t.quote.toStdString();
        EXPECT_FALSE(t.quote.contains(QStringLiteral("行政权力"))) << t.quote.toStdString();
        EXPECT_FALSE(t.quote.contains(QStringLiteral("7×24"))) << t.quote.toStdString();
        EXPECT_FALSE(t.unit == QStringLiteral("年") || t.unit == QStringLiteral("月"))
            << t.quote.toStdString();
    }
}

class EverySeed : public ::testing::TestWithParam<QString> {};

TEST_P(EverySeed, QuotesAreTheSourceAtTheirSpans) {
    const Analysis& a = seed(GetParam());
    ASSERT_FALSE(a.targets.isEmpty());
    const QString raw = test::readSeed(GetParam());
    for (const Target& t : a.targets) {
        ASSERT_TRUE(t.span.isValid());
        EXPECT_EQ(a.document.source.mid(t.span.start, t.span.length()), t.quote);
        EXPECT_TRUE(raw.contains(t.quote)) << t.quote.toStdString();
        EXPECT_FALSE(t.quote.contains(QLatin1Char('\n')) || t.quote.contains(QLatin1Char('\t')))
            << t.quote.toStdString();
        if (t.value) {
            // The quote holds the number as written (digits, a Chinese numeral, 零费用, 半天).
            EXPECT_TRUE(std::any_of(t.quote.begin(), t.quote.end(), [](QChar c) {
                return c.isDigit() || QStringLiteral("零一二两三四五六七八九十半").contains(c);
            })) << t.quote.toStdString();
        }
    }
}

TEST_P(EverySeed, NoTargetRepeatsAnotherAtTheSameSpan) {
    QSet<QPair<qsizetype, qsizetype>> spans;
    for (const Target& t : seed(GetParam()).targets) {
        const QPair<qsizetype, qsizetype> key{t.span.start, t.span.end};
        EXPECT_FALSE(spans.contains(key)) << t.quote.toStdString();
        spans.insert(key);
    }
}

TEST_P(EverySeed, EveryMeasureAndTargetIsClassified) {
    const Analysis& a = seed(GetParam());
    for (const Measure& m : a.document.measures)
        EXPECT_FALSE(m.area.isEmpty()) << m.number;
    for (const Target& t : a.targets) {
        EXPECT_FALSE(t.area.isEmpty());
        ASSERT_FALSE(t.indicator.isEmpty());
        if (!t.indicator.startsWith(QStringLiteral("other:"))) {
            const Indicator* ind = taxonomy().indicator(t.indicator);
            ASSERT_NE(ind, nullptr) << t.indicator.toStdString();
            EXPECT_EQ(ind->area, t.area);
        }
        EXPECT_TRUE(t.comparator.isEmpty() == t.qualitative) << t.quote.toStdString();
        EXPECT_TRUE(QStringList({QStringLiteral("level"), QStringLiteral("reduce_by"),
                                 QStringLiteral("increase_by"), QStringLiteral("add")})
                        .contains(t.kind));
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, EverySeed, ::testing::ValuesIn(kSeeds.begin(), kSeeds.end()),
                         [](const auto& info) {
                             QString n = info.param;
                             n.replace(QLatin1Char('-'), QLatin1Char('_'));
                             return n.toStdString();
                         });

} // namespace

// The pipeline hands extractTargets the document's dominant area it computed for the measures; the
// two-argument form computes it itself. Both give the same targets, and the area is really used: a
// document said to be about another area files some of its targets differently.
TEST(SeedTargets, DominantAreaPassedInGivesWhatExtractTargetsComputes) {
    const Classifier classifier(taxonomy());
    int changed = 0;
    for (const char* stem : {"chongqing-2019", "dazu-2019", "jiangjin-2021", "wulong-2022", "yuzhong-2023"}) {
        const Document& doc = seed(QString::fromUtf8(stem)).document;
        const QList<Target> own = extractTargets(doc, classifier);
        ASSERT_FALSE(own.isEmpty()) << stem;
        EXPECT_EQ(extractTargets(doc, classifier, classifier.dominantArea(doc.source.left(1500))), own)
            << stem;
        for (const Area& area : taxonomy().areas()) {
            if (extractTargets(doc, classifier, area.id) != own)
                ++changed;
        }
    }
    EXPECT_GT(changed, 0);
}
