// Loading the canonical taxonomy: every shipped id, user files merged over it, errors naming the file.
#include "common/datapaths.h"
#include "taxonomy/taxonomy.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace pc;

namespace {

QString shippedPath() {
    const Result<QString> p = findDataFile(QStringLiteral("taxonomy/indicators.json"));
    EXPECT_TRUE(p.ok()) << p.errorMessage().toStdString();
    return p.ok() ? p.value() : QString();
}

void write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// The ids of the starting taxonomy (shared/taxonomy.md), which the comparison and the gold use as keys.
const char* const kAreas[] = {"start_business",
                              "construction_permits",
                              "electricity",
                              "water",
                              "gas",
                              "internet",
                              "property_registration",
                              "taxes",
                              "cross_border_trade",
                              "insolvency",
                              "credit",
                              "investor_protection",
                              "contract_enforcement",
                              "labor_market",
                              "gov_procurement",
                              "bidding",
                              "gov_services",
                              "ip",
                              "market_supervision",
                              "fair_competition",
                              "innovation",
                              "inclusive",
                              "other"};
const char* const kIndicators[] = {"sb.time",
                                   "sb.steps",
                                   "sb.commitment_items",
                                   "cp.time.social_general",
                                   "cp.time.social_small",
                                   "cp.time.low_risk",
                                   "cp.time.land_with_plan",
                                   "cp.time.industrial",
                                   "cp.time.gov_invest",
                                   "cp.time.gov_building",
                                   "cp.green_building",
                                   "cp.inspections",
                                   "el.time.high_voltage",
                                   "el.time.low_voltage",
                                   "el.time.10kv",
                                   "el.time.planning_permit",
                                   "el.time.road_permit",
                                   "el.steps",
                                   "el.capacity",
                                   "el.reliability.urban",
                                   "el.reliability.rural",
                                   "el.price",
                                   "el.price_notice",
                                   "wa.time",
                                   "wa.time.application",
                                   "wa.price",
                                   "ga.time",
                                   "ga.time.stage",
                                   "ga.time.residential",
                                   "ga.steps",
                                   "in.broadband_price",
                                   "in.mobile_price",
                                   "in.4g_stations",
                                   "in.5g_stations",
                                   "in.fiber_share",
                                   "pr.time.general",
                                   "pr.time.mortgage",
                                   "pr.fee.parking",
                                   "tx.small_taxpayer_rate",
                                   "cb.clearance_time",
                                   "cb.documents",
                                   "cb.single_window",
                                   "is.subsidy",
                                   "cr.npl_tolerance",
                                   "cr.ip_loans",
                                   "inv.director_training",
                                   "lm.time.collective_contract",
                                   "lm.time.dispatch",
                                   "lm.time.special_hours",
                                   "lm.time.hr_agency",
                                   "lm.time.unemployment",
                                   "lm.time.job_referral",
                                   "lm.training",
                                   "lm.online_share",
                                   "lm.aaa_firms",
                                   "gp.time.contract",
                                   "gp.time.acceptance",
                                   "gp.time.payment",
                                   "gp.prepayment",
                                   "bd.time.deposit_refund",
                                   "gs.online_share",
                                   "gs.hall_share",
                                   "gs.one_window_share",
                                   "gs.one_thing",
                                   "gs.cross_region",
                                   "ipr.patents",
                                   "ipr.trademarks",
                                   "ipr.closure_rate",
                                   "ipr.outreach",
                                   "ipr.standard_firms",
                                   "ipr.advantage_firms",
                                   "ipr.nav_centers",
                                   "ms.random_coverage",
                                   "ms.disclosure_rate",
                                   "inn.incubators",
                                   "inn.hightech_firms",
                                   "inn.tech_firms",
                                   "inn.incubator_area",
                                   "inc.air_days",
                                   "inc.forest_cover",
                                   "inc.green_space",
                                   "inc.green_cover",
                                   "inc.roads",
                                   "inc.water_quality",
                                   "inc.culture_spaces",
                                   "inc.elderly_homes"};

TEST(Taxonomy, ShipsEveryStartingAreaAndIndicator) {
    const Result<Taxonomy> t = Taxonomy::load(shippedPath());
    ASSERT_TRUE(t.ok()) << t.errorMessage().toStdString();
    for (const char* a : kAreas)
        EXPECT_NE(t->area(QString::fromLatin1(a)), nullptr) << a;
    for (const char* i : kIndicators)
        EXPECT_NE(t->indicator(QString::fromLatin1(i)), nullptr) << i;
    EXPECT_GE(t->indicators().size(), qsizetype(std::size(kIndicators)));
}

TEST(Taxonomy, EveryIndicatorIsDescribed) {
    const Result<Taxonomy> t = Taxonomy::load(shippedPath());
    ASSERT_TRUE(t.ok());
    for (const Indicator& i : t->indicators()) {
        SCOPED_TRACE(i.id.toStdString());
        EXPECT_NE(t->area(i.area), nullptr);
        EXPECT_FALSE(i.nameZh.isEmpty());
        EXPECT_FALSE(i.nameEn.isEmpty());
        EXPECT_FALSE(i.unit.isEmpty());
        EXPECT_FALSE(i.definition.isEmpty());
        EXPECT_FALSE(i.cues.isEmpty());
        EXPECT_NE(i.better, Direction::None);
        EXPECT_FALSE(i.userDefined);
    }
    const Indicator* wa = t->indicator(QStringLiteral("wa.time"));
    ASSERT_NE(wa, nullptr);
    EXPECT_EQ(wa->area, QStringLiteral("water"));
    EXPECT_EQ(wa->nameZh, QStringLiteral("用水报装时限"));
    EXPECT_EQ(wa->unit, QStringLiteral("工作日"));
    EXPECT_EQ(wa->better, Direction::Lower);
    EXPECT_EQ(t->indicator(QStringLiteral("el.reliability.urban"))->better, Direction::Higher);
    EXPECT_EQ(t->indicatorsOf(QStringLiteral("gas")).size(), 6);
    EXPECT_TRUE(t->area(QStringLiteral("start_business"))->cues.contains(QStringLiteral("市场准入")));
}

// Reports and the Chinese interface show definition_zh: every shipped indicator has one, in Chinese,
// naming the indicator's unit where it has one.
TEST(Taxonomy, EveryIndicatorHasAChineseDefinition) {
    const Result<Taxonomy> t = Taxonomy::load(shippedPath());
    ASSERT_TRUE(t.ok());
    static const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    EXPECT_EQ(t->indicators().size(), 131);
    for (const Indicator& i : t->indicators()) {
        SCOPED_TRACE(i.id.toStdString());
        EXPECT_FALSE(i.definitionZh.isEmpty());
        EXPECT_TRUE(i.definitionZh.contains(cjk)) << i.definitionZh.toStdString();
        EXPECT_TRUE(i.definitionZh.endsWith(QStringLiteral("。"))) << i.definitionZh.toStdString();
        EXPECT_NE(i.definitionZh, i.definition);
        EXPECT_EQ(i.definitionIn(true), i.definitionZh);
        EXPECT_EQ(i.definitionIn(false), i.definition);
    }
    EXPECT_EQ(t->indicator(QStringLiteral("sb.time"))->definitionZh,
              QStringLiteral("完成企业登记、公章刻制、申领发票和员工参保登记的全流程办理时间（工作日）。"));
    EXPECT_TRUE(t->indicator(QStringLiteral("wa.time"))->definitionZh.contains(QStringLiteral("用水报装")));
}

// A user file may give a Chinese definition; without one the English sentence is the fallback.
TEST(Taxonomy, UserFileCarriesChineseDefinitions) {
    QTemporaryDir dir;
    const QString user = dir.filePath(QStringLiteral("indicators.json"));
    write(user, QStringLiteral(
                    R"({"indicators": [
          {"id": "wa.time", "area": "water", "name_zh": "用水接入时限", "name_en": "Water connection time",
           "unit": "工作日", "better": "lower", "definition": "Own wording.", "definition_zh": "自定义的用水接入时间（工作日）。",
           "cues": ["用水"]},
          {"id": "zz.only_en", "area": "water", "name_zh": "仅英文", "unit": "个", "better": "lower",
           "definition": "English only.", "cues": ["仅英文"]}]})")
                    .toUtf8());
    const Result<Taxonomy> t = Taxonomy::load(shippedPath(), user);
    ASSERT_TRUE(t.ok()) << t.errorMessage().toStdString();
    const Indicator* wa = t->indicator(QStringLiteral("wa.time"));
    ASSERT_NE(wa, nullptr);
    EXPECT_EQ(wa->definitionZh, QStringLiteral("自定义的用水接入时间（工作日）。"));
    EXPECT_EQ(wa->definition, QStringLiteral("Own wording."));
    const Indicator* en = t->indicator(QStringLiteral("zz.only_en"));
    ASSERT_NE(en, nullptr);
    EXPECT_TRUE(en->definitionZh.isEmpty());
    EXPECT_EQ(en->definitionIn(true), QStringLiteral("English only."));
}

TEST(Taxonomy, UserFileAddsAndReplacesIndicators) {
    QTemporaryDir dir;
    const QString user = dir.filePath(QStringLiteral("indicators.json"));
    write(user,
          QStringLiteral(
              R"({"areas": [{"id": "tourism", "name_zh": "旅游", "name_en": "Tourism", "cues": ["景区"]}],
        "indicators": [
          {"id": "gs.e_license_mutual", "area": "gov_services", "name_zh": "电子证照互认类数", "name_en": "Mutually recognised e-licences",
           "unit": "类", "better": "higher", "definition": "Kinds of e-licences recognised elsewhere.", "cues": ["电子证照"]},
          {"id": "wa.time", "area": "water", "name_zh": "用水接入时限", "name_en": "Water connection time", "unit": "工作日",
           "better": "lower", "definition": "Own wording.", "cues": ["用水"]},
          {"id": "to.visitors", "area": "tourism", "name_zh": "接待游客人次", "name_en": "Visitors", "unit": "人次",
           "better": "higher", "definition": "Visitors received.", "cues": ["游客"]}]})")
              .toUtf8());
    const Result<Taxonomy> t = Taxonomy::load(shippedPath(), user);
    ASSERT_TRUE(t.ok()) << t.errorMessage().toStdString();
    const Result<Taxonomy> shipped = Taxonomy::load(shippedPath());
    ASSERT_TRUE(shipped.ok());
    EXPECT_EQ(t->indicators().size(), shipped->indicators().size() + 2);
    ASSERT_NE(t->indicator(QStringLiteral("gs.e_license_mutual")), nullptr);
    EXPECT_TRUE(t->indicator(QStringLiteral("gs.e_license_mutual"))->userDefined);
    EXPECT_EQ(t->indicator(QStringLiteral("wa.time"))->nameZh, QStringLiteral("用水接入时限"));
    EXPECT_EQ(t->area(QStringLiteral("tourism"))->nameZh, QStringLiteral("旅游"));
    EXPECT_EQ(t->indicatorsOf(QStringLiteral("tourism")).size(), 1);
}

TEST(Taxonomy, MissingUserFileIsNoError) {
    QTemporaryDir dir;
    const Result<Taxonomy> t = Taxonomy::load(shippedPath(), dir.filePath(QStringLiteral("nothing.json")));
    ASSERT_TRUE(t.ok());
    EXPECT_NE(t->indicator(QStringLiteral("sb.time")), nullptr);
}

TEST(Taxonomy, InvalidJsonNamesFileAndLine) {
    QTemporaryDir dir;
    const QString user = dir.filePath(QStringLiteral("indicators.json"));
    write(user, "{\n  \"indicators\": [\n    {\"id\": \"x\",}\n  ]\n}\n");
    const Result<Taxonomy> t = Taxonomy::load(shippedPath(), user);
    ASSERT_FALSE(t.ok());
    EXPECT_TRUE(t.errorMessage().contains(QDir::toNativeSeparators(user))) << t.errorMessage().toStdString();
    EXPECT_TRUE(t.errorMessage().contains(QStringLiteral("line 3"))) << t.errorMessage().toStdString();
}

TEST(Taxonomy, UnknownAreaAndBadDirectionAreReported) {
    QTemporaryDir dir;
    const QString user = dir.filePath(QStringLiteral("indicators.json"));
    write(user, R"({"indicators": [{"id": "zz.new", "area": "nowhere", "unit": "个", "better": "lower"}]})");
    Result<Taxonomy> t = Taxonomy::load(shippedPath(), user);
    ASSERT_FALSE(t.ok());
    EXPECT_TRUE(t.errorMessage().contains(QStringLiteral("nowhere"))) << t.errorMessage().toStdString();
    EXPECT_TRUE(t.errorMessage().contains(QStringLiteral("zz.new")));
    EXPECT_TRUE(t.errorMessage().contains(QDir::toNativeSeparators(user)));

    write(user, R"({"indicators": [{"id": "zz.new", "area": "water", "unit": "个", "better": "more"}]})");
    t = Taxonomy::load(shippedPath(), user);
    ASSERT_FALSE(t.ok());
    EXPECT_TRUE(t.errorMessage().contains(QStringLiteral("better"))) << t.errorMessage().toStdString();

    const Result<Taxonomy> missing = Taxonomy::load(dir.filePath(QStringLiteral("absent.json")));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.errorMessage().contains(QStringLiteral("absent.json")));
}

TEST(Taxonomy, OtherIdsAreShownByTheirName) {
    const Result<Taxonomy> t = Taxonomy::load(shippedPath());
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->displayName(QStringLiteral("wa.time")), QStringLiteral("用水报装时限"));
    EXPECT_EQ(t->displayName(QStringLiteral("other:电子证照互认类数")),
              QStringLiteral("电子证照互认类数（其他）"));
    EXPECT_EQ(t->displayName(QStringLiteral("zz.unknown")), QStringLiteral("zz.unknown"));
}

TEST(Taxonomy, DefaultMergesTheUserConfigFile) {
    QStandardPaths::setTestModeEnabled(true);
    const QString user = Taxonomy::userTaxonomyPath();
    EXPECT_TRUE(user.endsWith(QStringLiteral("/plancompare/indicators.json"))) << user.toStdString();
    QDir().mkpath(QFileInfo(user).path());
    write(user, R"({"indicators": [{"id": "zz.user_added", "area": "water", "name_zh": "测试", "unit": "个",
                   "better": "lower", "cues": ["测试"]}]})");
    const Result<Taxonomy> t = Taxonomy::loadDefault();
    QFile::remove(user);
    QStandardPaths::setTestModeEnabled(false);
    ASSERT_TRUE(t.ok()) << t.errorMessage().toStdString();
    ASSERT_NE(t->indicator(QStringLiteral("zz.user_added")), nullptr);
    EXPECT_TRUE(t->indicator(QStringLiteral("zz.user_added"))->userDefined);
    EXPECT_NE(t->indicator(QStringLiteral("wa.time")), nullptr);
}

} // namespace

// The national evaluation and Doing Business measure each utility connection, property registration
// and starting a business by time, procedures, documents and cost: the taxonomy has an indicator for each,
// described in both languages.
TEST(Taxonomy, CoversTimeProceduresDocumentsAndCostOfEachService) {
    const Result<Taxonomy> t = Taxonomy::load(shippedPath());
    ASSERT_TRUE(t.ok());
    const QStringList areas = {QStringLiteral("water"), QStringLiteral("gas"), QStringLiteral("electricity"),
                               QStringLiteral("start_business")};
    for (const QString& area : areas) {
        SCOPED_TRACE(area.toStdString());
        QStringList units;
        for (const Indicator* i : t->indicatorsOf(area)) {
            units << i->unit;
            EXPECT_FALSE(i->nameEn.isEmpty());
            EXPECT_FALSE(i->definition.isEmpty());
            EXPECT_FALSE(i->definitionZh.isEmpty());
        }
        EXPECT_TRUE(units.contains(QStringLiteral("工作日")));
        EXPECT_TRUE(units.contains(QStringLiteral("个")));
        EXPECT_TRUE(units.contains(QStringLiteral("份")));
        EXPECT_TRUE(units.contains(QStringLiteral("元")));
    }
    EXPECT_EQ(t->indicator(QStringLiteral("gs.visits"))->better, Direction::Lower);
    EXPECT_EQ(t->indicator(QStringLiteral("gs.online_depth"))->better, Direction::Higher);
    EXPECT_EQ(t->indicator(QStringLiteral("pr.time.enterprise"))->unit, QStringLiteral("工作日"));
}
