// Display names in English and Chinese: every shipped name translated, units, jurisdictions, targets.
#include "testpaths.h"

#include "common/datapaths.h"
#include "extract/analysis.h"
#include "naming/naming.h"
#include "taxonomy/taxonomy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::naming;

namespace {

QString shippedPath() {
    const Result<QString> p = findDataFile(QStringLiteral("taxonomy/indicators.json"));
    EXPECT_TRUE(p.ok()) << p.errorMessage().toStdString();
    return p.ok() ? p.value() : QString();
}

ComparisonRow row(const QString& kind, const QString& comparator, double value, const QString& unit) {
    ComparisonRow r;
    r.kind = kind;
    r.comparator = comparator;
    r.value = value;
    r.unit = unit;
    return r;
}

// Restores an environment variable when the test ends.
struct EnvGuard {
    explicit EnvGuard(const char* name)
        : name(name)
        , had(qEnvironmentVariableIsSet(name))
        , old(qgetenv(name)) {}
    ~EnvGuard() {
        if (had)
            qputenv(name, old);
        else
            qunsetenv(name);
    }
    const char* name;
    bool had;
    QByteArray old;
};

} // namespace

// Generic over the file: whatever indicators and areas it holds (more are being added), each has an
// English name and an English definition without Chinese characters, and a Chinese name and definition.
TEST(NamingTaxonomy, EveryShippedIndicatorAndAreaHasAnEnglishNameAndDefinition) {
    const Result<Taxonomy> t = Taxonomy::load(shippedPath());
    ASSERT_TRUE(t.ok()) << t.errorMessage().toStdString();
    ASSERT_FALSE(t->areas().isEmpty());
    ASSERT_FALSE(t->indicators().isEmpty());
    for (const Area& a : t->areas()) {
        SCOPED_TRACE(a.id.toStdString());
        EXPECT_FALSE(a.nameEn.trimmed().isEmpty());
        EXPECT_FALSE(containsCjk(a.nameEn)) << a.nameEn.toStdString();
        EXPECT_FALSE(a.nameZh.trimmed().isEmpty());
        EXPECT_EQ(areaName(a, Language::English), a.nameEn);
        EXPECT_EQ(areaName(a, Language::Chinese), a.nameZh);
    }
    for (const Indicator& i : t->indicators()) {
        SCOPED_TRACE(i.id.toStdString());
        EXPECT_FALSE(i.nameEn.trimmed().isEmpty());
        EXPECT_FALSE(containsCjk(i.nameEn)) << i.nameEn.toStdString();
        EXPECT_FALSE(i.definition.trimmed().isEmpty());
        EXPECT_FALSE(containsCjk(i.definition)) << i.definition.toStdString();
        EXPECT_FALSE(i.nameZh.trimmed().isEmpty());
        EXPECT_FALSE(i.definitionZh.trimmed().isEmpty());
        EXPECT_EQ(indicatorName(i, Language::English), i.nameEn);
        EXPECT_EQ(definition(i, Language::English), i.definition);
        // The usual unit has an English name (units unknown to the table would show in Chinese).
        if (!i.unit.isEmpty()) {
            EXPECT_TRUE(hasEnglishUnit(i.unit)) << i.unit.toStdString();
            EXPECT_FALSE(containsCjk(unitName(i.unit, Language::English))) << i.unit.toStdString();
        }
    }
}

// The shipped file checked as JSON too, so an entry the loader would skip cannot hide a gap.
TEST(NamingTaxonomy, EveryJsonEntryCarriesNameEn) {
    QFile f(shippedPath());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    int checked = 0;
    for (const QString& key : {QStringLiteral("areas"), QStringLiteral("indicators")})
        for (const QJsonValue v : root.value(key).toArray()) {
            const QJsonObject o = v.toObject();
            SCOPED_TRACE(o.value(QStringLiteral("id")).toString().toStdString());
            EXPECT_FALSE(o.value(QStringLiteral("name_en")).toString().trimmed().isEmpty());
            if (key == QStringLiteral("indicators")) {
                EXPECT_FALSE(o.value(QStringLiteral("definition")).toString().trimmed().isEmpty());
            }
            ++checked;
        }
    const Result<Taxonomy> t = Taxonomy::load(shippedPath());
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(checked, int(t->areas().size() + t->indicators().size()));
}

// Every unit on every target the extractor finds in the five seed plans has an English name.
TEST(NamingUnits, EveryUnitOfTheSeedTargetsHasAnEnglishName) {
    const Result<Taxonomy> t = Taxonomy::load(shippedPath());
    ASSERT_TRUE(t.ok());
    QSet<QString> units;
    int targets = 0;
    for (const QString& stem :
         {QStringLiteral("chongqing-2019"), QStringLiteral("dazu-2019"), QStringLiteral("jiangjin-2021"),
          QStringLiteral("wulong-2022"), QStringLiteral("yuzhong-2023")}) {
        const Result<Analysis> a = analyzeFile(test::seedPath(stem), t.value());
        ASSERT_TRUE(a.ok()) << a.errorMessage().toStdString();
        for (const Target& target : a->targets) {
            ++targets;
            if (!target.unit.isEmpty())
                units.insert(target.unit);
        }
    }
    EXPECT_GT(targets, 150);
    EXPECT_GE(units.size(), 8);
    for (const QString& u : std::as_const(units)) {
        EXPECT_TRUE(hasEnglishUnit(u)) << u.toStdString();
        EXPECT_FALSE(containsCjk(unitName(u, Language::English))) << u.toStdString();
    }
}

TEST(NamingUnits, WorkingAndCalendarDaysStayApartInEnglish) {
    const QList<std::pair<QString, QString>> cases = {
        {QStringLiteral("工作日"), QStringLiteral("working days")},
        {QStringLiteral("日"), QStringLiteral("calendar days")},
        {QStringLiteral("天"), QStringLiteral("calendar days")},
        {QStringLiteral("个"), QStringLiteral("count")},
        {QStringLiteral("%"), QStringLiteral("%")},
        {QStringLiteral("元"), QStringLiteral("yuan")},
        {QStringLiteral("个百分点"), QStringLiteral("percentage points")},
        {QStringLiteral("千伏安"), QStringLiteral("kVA")},
        {QStringLiteral("元/立方米"), QStringLiteral("yuan/m³")},
        {QStringLiteral("小时"), QStringLiteral("hours")},
    };
    for (const auto& [zh, en] : cases) {
        EXPECT_EQ(unitName(zh, Language::English), en) << zh.toStdString();
        EXPECT_EQ(unitName(zh, Language::Chinese), zh);
    }
    EXPECT_EQ(unitName(QStringLiteral("工作日"), Language::English, 1.0), QStringLiteral("working day"));
    EXPECT_EQ(unitName(QStringLiteral("工作日"), Language::English, 2.0), QStringLiteral("working days"));
    // A unit the table does not know falls back to the Chinese.
    EXPECT_EQ(unitName(QStringLiteral("平米"), Language::English), QStringLiteral("平米"));
    EXPECT_FALSE(hasEnglishUnit(QStringLiteral("平米")));
}

TEST(NamingTargets, TargetTextInBothLanguages) {
    struct Case {
        ComparisonRow r;
        QString zh;
        QString en;
    };
    const QList<Case> cases = {
        {row(QStringLiteral("level"), QStringLiteral("<="), 8, QStringLiteral("工作日")),
         QStringLiteral("≤ 8 工作日"), QStringLiteral("≤ 8 working days")},
        {row(QStringLiteral("level"), QStringLiteral("<="), 1, QStringLiteral("工作日")),
         QStringLiteral("≤ 1 工作日"), QStringLiteral("≤ 1 working day")},
        {row(QStringLiteral("reduce_by"), QStringLiteral("="), 50, QStringLiteral("%")),
         QStringLiteral("压减 50%"), QStringLiteral("cut by 50%")},
        {row(QStringLiteral("increase_by"), QStringLiteral(">="), 5, QStringLiteral("个百分点")),
         QStringLiteral("提高 ≥ 5 个百分点"), QStringLiteral("raise by ≥ 5 percentage points")},
        {row(QStringLiteral("add"), QStringLiteral("="), 100, QStringLiteral("个")),
         QStringLiteral("新增 100 个"), QStringLiteral("add 100")},
        {row(QStringLiteral("level"), QStringLiteral("~"), 3, QStringLiteral("天")),
         QStringLiteral("约 3 天"), QStringLiteral("about 3 calendar days")},
        {row(QStringLiteral("level"), QStringLiteral(">="), 99.96, QStringLiteral("%")),
         QStringLiteral("≥ 99.96%"), QStringLiteral("≥ 99.96%")},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(targetText(c.r, Language::Chinese), c.zh);
        EXPECT_EQ(targetText(c.r, Language::English), c.en);
    }
    ComparisonRow none;
    EXPECT_TRUE(targetText(none, Language::English).isEmpty());
    EXPECT_EQ(kindText(QStringLiteral("reduce_by"), Language::English), QStringLiteral("cut by"));
    EXPECT_EQ(coverageText(Coverage::MentionedNoNumber, Language::Chinese), QStringLiteral("提及，未设数值"));
    EXPECT_EQ(coverageText(Coverage::MentionedNoNumber, Language::English),
              QStringLiteral("mentioned, no number"));
    EXPECT_EQ(deadlineText(QStringLiteral("已完成"), Language::English), QStringLiteral("completed"));
    EXPECT_EQ(deadlineText(QStringLiteral("2020-12"), Language::English), QStringLiteral("2020-12"));
}

TEST(NamingJurisdictions, KnownNamesComeFromTheTable) {
    const QList<std::pair<QString, QString>> cases = {
        {QStringLiteral("重庆市"), QStringLiteral("Chongqing Municipality")},
        {QStringLiteral("渝中区"), QStringLiteral("Yuzhong District")},
        {QStringLiteral("大足区"), QStringLiteral("Dazu District")},
        {QStringLiteral("江津区"), QStringLiteral("Jiangjin District")},
        {QStringLiteral("武隆区"), QStringLiteral("Wulong District")},
        // Polyphonic characters a plain transliteration reads wrongly (长 zhǎng, 都 dōu).
        {QStringLiteral("长寿区"), QStringLiteral("Changshou District")},
        {QStringLiteral("丰都县"), QStringLiteral("Fengdu County")},
        {QStringLiteral("忠县"), QStringLiteral("Zhong County")},
        {QStringLiteral("秀山土家族苗族自治县"), QStringLiteral("Xiushan Tujia and Miao Autonomous County")},
        {QStringLiteral("两江新区"), QStringLiteral("Liangjiang New Area")},
        {QStringLiteral("成都市"), QStringLiteral("Chengdu City")},
    };
    for (const auto& [zh, en] : cases) {
        EXPECT_EQ(jurisdictionName(zh, Language::English), en) << zh.toStdString();
        EXPECT_EQ(jurisdictionName(zh, Language::Chinese), zh);
    }
}

// Names outside the table: pinyin through ICU, the administrative suffix translated.
TEST(NamingJurisdictions, OtherNamesAreTransliteratedWithTheirSuffix) {
    const QList<std::pair<QString, QString>> cases = {
        {QStringLiteral("绵阳市"), QStringLiteral("Mianyang City")},
        {QStringLiteral("雁塔区"), QStringLiteral("Yanta District")},
        {QStringLiteral("西安市"), QStringLiteral("Xi'an City")},
        {QStringLiteral("浦东新区"), QStringLiteral("Pudong New Area")},
        {QStringLiteral("四川省"), QStringLiteral("Sichuan Province")},
        {QStringLiteral("景宁畲族自治县"), QStringLiteral("Jingning She Autonomous County")},
        {QStringLiteral("平江县"), QStringLiteral("Pingjiang County")},
        {QStringLiteral("阿坝藏族羌族自治州"), QStringLiteral("Aba Tibetan and Qiang Autonomous Prefecture")},
        {QStringLiteral("恩施土家族苗族自治州"),
         QStringLiteral("Enshi Tujia and Miao Autonomous Prefecture")},
    };
    for (const auto& [zh, en] : cases)
        EXPECT_EQ(jurisdictionName(zh, Language::English), en) << zh.toStdString();
    EXPECT_EQ(pinyinName(QStringLiteral("渝中")), QStringLiteral("Yuzhong"));
    EXPECT_EQ(pinyinName(QStringLiteral("南岸")), QStringLiteral("Nan'an"));
    // Already Latin: unchanged.
    EXPECT_EQ(jurisdictionName(QStringLiteral("Test County"), Language::English),
              QStringLiteral("Test County"));
    EXPECT_TRUE(jurisdictionName(QString(), Language::English).isEmpty());
}

TEST(NamingLanguage, CodesAndEnvironment) {
    EXPECT_EQ(parseLanguage(QStringLiteral("en")), Language::English);
    EXPECT_EQ(parseLanguage(QStringLiteral("en_GB.UTF-8")), Language::English);
    EXPECT_EQ(parseLanguage(QStringLiteral("zh_CN.UTF-8")), Language::Chinese);
    EXPECT_EQ(parseLanguage(QStringLiteral("C.UTF-8")), std::nullopt);
    EXPECT_EQ(parseLanguage(QStringLiteral("fr")), std::nullopt);
    EnvGuard language("LANGUAGE"), all("LC_ALL"), messages("LC_MESSAGES"), lang("LANG");
    qunsetenv("LANGUAGE");
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qputenv("LANG", "en_US.UTF-8");
    EXPECT_EQ(languageFromEnvironment(), Language::English);
    qputenv("LANG", "C.UTF-8");
    EXPECT_EQ(languageFromEnvironment(), Language::Chinese);
    // LANGUAGE is a preference list and wins over the locale.
    qputenv("LANGUAGE", "fr:zh_CN:en");
    qputenv("LANG", "en_US.UTF-8");
    EXPECT_EQ(languageFromEnvironment(), Language::Chinese);
    qunsetenv("LANGUAGE");
    qputenv("LC_ALL", "zh_CN.UTF-8");
    EXPECT_EQ(languageFromEnvironment(), Language::Chinese);
}

TEST(NamingLanguage, ContainsCjkFindsIdeographsAndPunctuation) {
    EXPECT_TRUE(containsCjk(QStringLiteral("a用b")));
    EXPECT_TRUE(containsCjk(QStringLiteral("（")));
    EXPECT_TRUE(containsCjk(QStringLiteral("〔")));
    EXPECT_FALSE(containsCjk(QStringLiteral("≤ 8 working days · 2020-12 → m²")));
}

// A user indicator with name_en shows it in English; one without shows its Chinese name, not nothing.
TEST(NamingTaxonomy, UserIndicatorsWithAndWithoutNameEn) {
    QTemporaryDir dir;
    const QString user = dir.filePath(QStringLiteral("indicators.json"));
    QFile f(user);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"areas": [], "indicators": [
        {"id": "my.a", "area": "water", "name_zh": "我的指标甲", "name_en": "My indicator A", "unit": "工作日"},
        {"id": "my.b", "area": "water", "name_zh": "我的指标乙", "unit": "个"}]})");
    f.close();
    const Result<Taxonomy> t = Taxonomy::load(shippedPath(), user);
    ASSERT_TRUE(t.ok()) << t.errorMessage().toStdString();
    ASSERT_TRUE(t->indicator(QStringLiteral("my.a")));
    ASSERT_TRUE(t->indicator(QStringLiteral("my.b")));
    EXPECT_EQ(indicatorName(*t->indicator(QStringLiteral("my.a")), Language::English),
              QStringLiteral("My indicator A"));
    EXPECT_EQ(indicatorName(*t->indicator(QStringLiteral("my.b")), Language::English),
              QStringLiteral("我的指标乙"));
    EXPECT_EQ(indicatorName(*t->indicator(QStringLiteral("my.a")), Language::Chinese),
              QStringLiteral("我的指标甲"));
    EXPECT_EQ(otherIndicatorName(QStringLiteral("other:电子证照"), Language::English),
              QStringLiteral("Other: 电子证照"));
}

TEST(NamingUnits, TenThousandsAndZeroNounsHaveEnglishNames) {
    EXPECT_EQ(unitName(QStringLiteral("万人次"), Language::English), QStringLiteral("10,000 person-times"));
    EXPECT_EQ(unitName(QStringLiteral("万户"), Language::English), QStringLiteral("10,000 households"));
    EXPECT_EQ(unitName(QStringLiteral("万"), Language::English), QStringLiteral("10,000"));
    EXPECT_EQ(unitName(QStringLiteral("亿元"), Language::English), QStringLiteral("100 million yuan"));
    EXPECT_EQ(unitName(QStringLiteral("费用"), Language::English), QStringLiteral("fees"));
    EXPECT_EQ(unitName(QStringLiteral("份"), Language::English, 1.0), QStringLiteral("document"));
    EXPECT_TRUE(hasEnglishUnit(QStringLiteral("万件")));
    EXPECT_FALSE(hasEnglishUnit(QStringLiteral("万吨公里"))); // no English form: shown as written
    EXPECT_EQ(unitName(QStringLiteral("万吨公里"), Language::English), QStringLiteral("万吨公里"));
}
