// The gazetteer: Chongqing's 38 districts and counties with GB/T 2260 codes, zones, and the guess of a
// plan's jurisdiction from its issuer and title.
#include "gazetteer/gazetteer.h"
#include "parse/metadata.h"

#include <gtest/gtest.h>

#include <QSet>

using namespace pc;

TEST(Gazetteer, HoldsThe38DistrictsAndCountiesOfChongqingWithUniqueCodesUnderTheMunicipality) {
    int districts = 0, counties = 0, zones = 0;
    QSet<QString> codes;
    for (const gazetteer::Jurisdiction& j : gazetteer::all()) {
        if (j.kind == QLatin1String("district"))
            ++districts;
        else if (j.kind == QLatin1String("county") || j.kind == QLatin1String("autonomous_county"))
            ++counties;
        else if (j.kind == QLatin1String("zone"))
            ++zones;
        if (j.kind == QLatin1String("municipality")) {
            EXPECT_EQ(j.code, QStringLiteral("500000"));
            continue;
        }
        EXPECT_EQ(j.parentCode, QStringLiteral("500000")) << j.name.toStdString();
        if (j.kind == QLatin1String("zone")) {
            EXPECT_TRUE(j.code.isEmpty()) << j.name.toStdString(); // zones have no GB/T 2260 code
            continue;
        }
        // Districts are 5001xx, counties 5002xx.
        EXPECT_TRUE(j.code.startsWith(j.kind == QLatin1String("district") ? QStringLiteral("5001")
                                                                          : QStringLiteral("5002")))
            << j.name.toStdString();
        EXPECT_FALSE(codes.contains(j.code)) << j.code.toStdString();
        codes.insert(j.code);
    }
    EXPECT_EQ(districts, 26);
    EXPECT_EQ(counties, 12);
    EXPECT_GE(zones, 2);
    EXPECT_EQ(gazetteer::all().first().name, QStringLiteral("重庆市"));
}

TEST(Gazetteer, KnowsTheCodesOfTheSeedJurisdictionsAndOthers) {
    const struct {
        const char* name;
        const char* code;
    } cases[] = {{"万州区", "500101"}, {"渝中区", "500103"},
                 {"大足区", "500111"}, {"江津区", "500116"},
                 {"铜梁区", "500151"}, {"武隆区", "500156"},
                 {"城口县", "500229"}, {"忠县", "500233"},
                 {"石柱县", "500240"}, {"彭水苗族土家族自治县", "500243"}};
    for (const auto& c : cases) {
        const gazetteer::Jurisdiction* j = gazetteer::find(QString::fromUtf8(c.name));
        ASSERT_NE(j, nullptr) << c.name;
        EXPECT_EQ(j->code, QString::fromLatin1(c.code)) << c.name;
        EXPECT_EQ(gazetteer::byCode(QString::fromLatin1(c.code)), j);
    }
    EXPECT_EQ(gazetteer::find(QStringLiteral("石柱县"))->name, QStringLiteral("石柱土家族自治县"));
    EXPECT_EQ(gazetteer::find(QStringLiteral("绵阳市")), nullptr);
}

TEST(Gazetteer, GuessesTheJurisdictionFromIssuerThenTitle) {
    using gazetteer::guessFromPlan;
    EXPECT_EQ(guessFromPlan(QStringLiteral("重庆市大足区人民政府办公室"), {})->name,
              QStringLiteral("大足区"));
    EXPECT_EQ(guessFromPlan(QStringLiteral("重庆市人民政府办公厅"),
                            QStringLiteral("重庆市营商环境优化提升工作方案"))
                  ->name,
              QStringLiteral("重庆市"));
    // The issuer wins over a title that names the municipal plan it implements.
    EXPECT_EQ(guessFromPlan(QStringLiteral("重庆市江津区人民政府办公室"),
                            QStringLiteral("江津区贯彻落实重庆市营商环境优化提升工作方案"))
                  ->name,
              QStringLiteral("江津区"));
    EXPECT_EQ(guessFromPlan({}, QStringLiteral("重庆高新技术产业开发区优化营商环境行动方案"))->name,
              QStringLiteral("重庆高新区"));
    EXPECT_EQ(guessFromPlan({}, QStringLiteral("两江新区2022年优化营商环境重点任务"))->name,
              QStringLiteral("两江新区"));
    // Another place that mentions Chongqing stays itself.
    EXPECT_EQ(guessFromPlan(QStringLiteral("成都市人民政府"),
                            QStringLiteral("成都市推动川渝营商环境一体化（与重庆市）方案"),
                            QStringLiteral("成都市")),
              nullptr);
}

TEST(PlanMetadata, ReadsKindImplementedPlanAndGazetteerCodeFromTheText) {
    const QString text = QStringLiteral(
        "重庆市璧山区人民政府办公室\n关于印发璧山区进一步优化获得用水用气营商环境实施方案的通知\n"
        "璧山府办发〔2022〕17号\n各镇人民政府：\n现印发给你们。\n重庆市璧山区人民政府办公室\n2022年3月1日\n"
        "为贯彻落实《优化营商环境条例》，根据《重庆市人民政府办公厅关于印发重庆市营商环境优化提升工作方案的通"
        "知》"
        "（渝府办发〔2019〕81号）要求，制定本方案。\n一、工作目标\n");
    const DocumentMeta m = parse::readMetadata(text, nullptr);
    EXPECT_EQ(m.jurisdiction, QStringLiteral("璧山区"));
    EXPECT_EQ(m.jurisdictionCode, QStringLiteral("500120"));
    EXPECT_EQ(m.level, QStringLiteral("district"));
    EXPECT_EQ(m.year, 2022);
    EXPECT_EQ(m.planKind, QStringLiteral("special"));
    EXPECT_EQ(m.implementsDocNumber, QStringLiteral("渝府办发〔2019〕81号"));
    EXPECT_EQ(m.implementsTitle,
              QStringLiteral("重庆市人民政府办公厅关于印发重庆市营商环境优化提升工作方案的通知"));

    const QString general = QStringLiteral("重庆市忠县人民政府办公室\n关于印发忠县2024年优化营商环境激发市场"
                                           "活力实施方案的通知\n忠府办发〔2024〕5号\n"
                                           "为深入贯彻落实《优化营商环境条例》，制定本方案。\n");
    const DocumentMeta g = parse::readMetadata(general, nullptr);
    EXPECT_EQ(g.jurisdiction, QStringLiteral("忠县"));
    EXPECT_EQ(g.jurisdictionCode, QStringLiteral("500233"));
    EXPECT_EQ(g.planKind, QStringLiteral("comprehensive"));
    EXPECT_TRUE(g.implementsDocNumber.isEmpty()); // a law without a 文号 is not a plan
}
