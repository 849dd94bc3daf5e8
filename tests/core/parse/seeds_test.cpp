// The five seed plans: layouts, measure counts, titles, units, deadlines and metadata, read by structure.
#include "parsetesthelpers.h"
#include "text/normalizedtext.h"

#include <QSet>

using namespace pc;
using namespace pc::test;

TEST(SeedDazu, IsATabTableWithEightyMeasures) {
    const Document& d = seedDocument(QStringLiteral("dazu-2019"));
    EXPECT_EQ(d.layout, Layout::TabTable);
    ASSERT_EQ(d.measures.size(), 80);
    for (qsizetype i = 0; i < d.measures.size(); ++i)
        EXPECT_EQ(d.measures[i].number, i + 1); // 11, 28, 41 … repeated rows merged
}

TEST(SeedDazu, Measure21HasTitleAndBothLeadUnits) {
    const Measure* m = measureNo(seedDocument(QStringLiteral("dazu-2019")), 21);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->title, QStringLiteral("压减获得用气耗时"));
    EXPECT_EQ(units(m->lead), QStringLiteral("区经济信息委;经开区经发局"));
    EXPECT_EQ(units(m->partners), QStringLiteral("区城管局;经开区建设局"));
    EXPECT_EQ(m->areaHeading, QStringLiteral("五、获得用气"));
}

TEST(SeedDazu, RepeatedRowsMergeAndSubItemsKeepTheirOwnUnits) {
    const Document& d = seedDocument(QStringLiteral("dazu-2019"));
    const Measure* m11 = measureNo(d, 11);
    ASSERT_NE(m11, nullptr);
    ASSERT_EQ(m11->items.size(), 2);
    EXPECT_EQ(m11->items[0].label, QStringLiteral("（1）"));
    EXPECT_EQ(units(m11->items[0].partners), QStringLiteral("国网区供电公司;国网双桥供电分公司"));
    // The second row wraps "区规划自然资\n源局" inside the cell: one unit, not two.
    EXPECT_EQ(units(m11->items[1].partners),
              QStringLiteral("区规划自然资源局;区城管局;国网区供电公司;国网双桥供电分公司"));
    EXPECT_EQ(m11->items[0].deadline, QStringLiteral("2019-12"));

    const Measure* m13 = measureNo(d, 13);
    ASSERT_NE(m13, nullptr);
    ASSERT_EQ(m13->items.size(), 2);
    EXPECT_EQ(units(m13->items[1].lead), QStringLiteral("区发展改革委;经开区经发局"));
    EXPECT_EQ(units(m13->lead),
              QStringLiteral("国网区供电公司;国网双桥供电分公司;区发展改革委;经开区经发局"));

    const Measure* m1 = measureNo(d, 1);
    ASSERT_NE(m1, nullptr);
    EXPECT_EQ(m1->items[0].deadline, QStringLiteral("2019-09")); // 2019年9月底前
    EXPECT_EQ(m1->areaHeading, QStringLiteral("一、开办企业"));
}

TEST(SeedDazu, LastRowWithoutTrailingCellKeepsItsUnits) {
    const Measure* m = measureNo(seedDocument(QStringLiteral("dazu-2019")), 80);
    ASSERT_NE(m, nullptr);
    ASSERT_EQ(m->items.size(), 4);
    EXPECT_EQ(units(m->items[3].lead), QStringLiteral("区林业局;区城管局"));
    EXPECT_EQ(m->items[3].deadline, QStringLiteral("2022-12"));
    EXPECT_EQ(m->deadline, QStringLiteral("2022-12"));
}

TEST(SeedDazu, MetadataFromTheNotice) {
    const DocumentMeta& m = seedDocument(QStringLiteral("dazu-2019")).meta;
    EXPECT_EQ(m.docId, QStringLiteral("dazu-2019"));
    EXPECT_EQ(m.issuer, QStringLiteral("重庆市大足区人民政府办公室"));
    EXPECT_EQ(m.docNumber, QStringLiteral("大足府办发〔2019〕88号"));
    EXPECT_EQ(m.issuedOn, QStringLiteral("2019-09-02"));
    EXPECT_EQ(m.title, QStringLiteral("大足区营商环境优化提升工作方案"));
    EXPECT_EQ(m.jurisdiction, QStringLiteral("大足区"));
    EXPECT_EQ(m.level, QStringLiteral("district"));
    EXPECT_EQ(m.year, 2019);
    EXPECT_TRUE(m.fromManifest.isEmpty());
}

TEST(SeedJiangjin, NumberedProseWithSectionUnits) {
    const Document& d = seedDocument(QStringLiteral("jiangjin-2021"));
    EXPECT_EQ(d.layout, Layout::NumberedProse);
    ASSERT_EQ(d.measures.size(), 53);
    const Measure* m1 = measureNo(d, 1);
    ASSERT_NE(m1, nullptr);
    EXPECT_EQ(m1->title, QStringLiteral("优化开办企业服务"));
    EXPECT_EQ(m1->areaHeading, QStringLiteral("（一）深化商事制度改革。"));
    EXPECT_EQ(units(m1->lead), QStringLiteral("江津区市场监管局"));
    EXPECT_EQ(m1->lead.first().normalized, QStringLiteral("区市场监管局"));
    EXPECT_EQ(units(m1->partners),
              QStringLiteral("区发展改革委;区公安局;江津区税务局;区人力社保局;区住房城乡建委;"
                             "区政务服务办;人行江津中心支行;区级有关单位"));
    const Measure* m21 = measureNo(d, 21); // written "21." with an ASCII dot
    ASSERT_NE(m21, nullptr);
    EXPECT_EQ(m21->title, QStringLiteral("动态调整中介服务事项清单"));
    EXPECT_EQ(units(m21->lead), QStringLiteral("区发展改革委;区财政局;区政务服务办"));
    EXPECT_EQ(m21->areaHeading, QStringLiteral("（七）推进网上中介超市规范运行。"));
}

TEST(SeedJiangjin, SameUnitWrittenTwoWaysIsOneUnit) {
    const Document& d = seedDocument(QStringLiteral("jiangjin-2021"));
    // "区城市管理局" (section 二) and "区城管局" normalize alike; "江津区税务局" folds to "区税务局".
    const Measure* m6 = measureNo(d, 6);
    ASSERT_NE(m6, nullptr);
    EXPECT_EQ(units(m6->lead), QStringLiteral("区经济信息委;区城市管理局"));
    EXPECT_EQ(m6->lead[1].normalized, QStringLiteral("区城管局"));
    const Measure* m1 = measureNo(d, 1);
    EXPECT_EQ(m1->partners[2].normalized, QStringLiteral("区税务局"));
}

TEST(SeedJiangjin, DeadlinesInTextUseThePlanYear) {
    const Measure* m24 = measureNo(seedDocument(QStringLiteral("jiangjin-2021")), 24);
    ASSERT_NE(m24, nullptr);
    EXPECT_EQ(m24->deadline, QStringLiteral("2021-10")); // 确保10月底前 in a 2021 plan
}

TEST(SeedJiangjin, Metadata) {
    const DocumentMeta& m = seedDocument(QStringLiteral("jiangjin-2021")).meta;
    EXPECT_EQ(m.issuer, QStringLiteral("重庆市江津区人民政府办公室"));
    EXPECT_EQ(m.docNumber, QStringLiteral("江津府办发〔2021〕113号"));
    EXPECT_EQ(m.issuedOn, QStringLiteral("2021-08-01"));
    EXPECT_EQ(m.title, QStringLiteral("江津区2021年深化“放管服”改革优化营商环境实施方案"));
    EXPECT_EQ(m.jurisdiction, QStringLiteral("江津区"));
    EXPECT_EQ(m.year, 2021);
}

TEST(SeedYuzhong, NinetyMeasuresWithoutTitles) {
    const Document& d = seedDocument(QStringLiteral("yuzhong-2023"));
    EXPECT_EQ(d.layout, Layout::NumberedProse);
    ASSERT_EQ(d.measures.size(), 90);
    for (const Measure& m : d.measures)
        EXPECT_TRUE(m.title.isEmpty()) << m.number;
    const Measure* m9 = measureNo(d, 9);
    ASSERT_NE(m9, nullptr);
    EXPECT_EQ(m9->body,
              QStringLiteral("将一般社会投资项目建筑许可全流程办理时限由50个工作日压减至45个工作日。"));
    EXPECT_EQ(m9->areaHeading, QStringLiteral("（二）办理建筑许可。"));
    EXPECT_EQ(units(m9->lead), QStringLiteral("区住房城市建委"));
    const Measure* m41 = measureNo(d, 41);
    ASSERT_NE(m41, nullptr);
    EXPECT_EQ(m41->areaHeading, QStringLiteral("（八）纳税"));
    EXPECT_EQ(units(m41->lead), QStringLiteral("区税务局;区财政局"));
    EXPECT_TRUE(m41->partners.isEmpty());
    // A unit name with a quoted "、" inside stays whole.
    const Measure* m73 = measureNo(d, 73);
    ASSERT_NE(m73, nullptr);
    EXPECT_EQ(units(m73->partners), QStringLiteral("区级部门联合“双随机、一公开”联席会议成员单位"));
}

TEST(SeedYuzhong, Metadata) {
    const DocumentMeta& m = seedDocument(QStringLiteral("yuzhong-2023")).meta;
    EXPECT_EQ(m.issuer, QStringLiteral("重庆市渝中区人民政府办公室"));
    EXPECT_EQ(m.docNumber, QStringLiteral("渝中府办〔2023〕32号"));
    EXPECT_EQ(m.issuedOn, QStringLiteral("2023-06-28"));
    EXPECT_EQ(m.jurisdiction, QStringLiteral("渝中区"));
    EXPECT_EQ(m.level, QStringLiteral("district"));
    EXPECT_EQ(m.year, 2023);
}

TEST(SeedWulong, TaskTableItemsWithDeadlinesAndRemarks) {
    const Document& d = seedDocument(QStringLiteral("wulong-2022"));
    EXPECT_EQ(d.layout, Layout::ProseTaskTable);
    ASSERT_EQ(d.measures.size(), 69);
    const Measure* m35 = measureNo(d, 35);
    ASSERT_NE(m35, nullptr);
    EXPECT_EQ(m35->deadline, QStringLiteral("2022-03"));
    EXPECT_EQ(m35->title, QStringLiteral("探索建立招标计划提前发布制度"));
    EXPECT_EQ(units(m35->lead), QStringLiteral("区政务办"));
    EXPECT_EQ(m35->areaHeading, QStringLiteral("六、维护公平竞争秩序"));

    const Measure* m33 = measureNo(d, 33); // two rows numbered 33
    ASSERT_NE(m33, nullptr);
    ASSERT_EQ(m33->items.size(), 2);
    EXPECT_EQ(m33->items[0].deadline, QStringLiteral("2022-06"));
    EXPECT_EQ(m33->items[1].deadline, QStringLiteral("2022-12"));
    EXPECT_EQ(units(m33->items[1].lead), QStringLiteral("区政务办"));
    EXPECT_EQ(m33->deadline, QStringLiteral("2022-12"));

    const Measure* m6 = measureNo(d, 6); // second row 已完成
    ASSERT_NE(m6, nullptr);
    ASSERT_EQ(m6->items.size(), 2);
    EXPECT_EQ(m6->items[1].deadline, QStringLiteral("已完成"));
    EXPECT_EQ(units(m6->items[1].lead), QStringLiteral("区林业局"));

    const Measure* m17 = measureNo(d, 17);
    ASSERT_NE(m17, nullptr);
    EXPECT_EQ(m17->remark, QStringLiteral("重点改革事项"));
    EXPECT_EQ(m17->areaHeading, QStringLiteral("三、持续提升投资和建设便利度")); // [image: …] removed

    const Measure* m9 = measureNo(d, 9); // "9[image: IMG_258] " in the number cell
    ASSERT_NE(m9, nullptr);
    EXPECT_EQ(m9->title, QStringLiteral("开展不含行政区划名称的企业名称自主申报"));
}

TEST(SeedWulong, Metadata) {
    const DocumentMeta& m = seedDocument(QStringLiteral("wulong-2022")).meta;
    EXPECT_EQ(m.issuer, QStringLiteral("重庆市武隆区人民政府"));
    EXPECT_EQ(m.docNumber, QStringLiteral("武隆府发〔2022〕9号"));
    EXPECT_EQ(m.issuedOn, QStringLiteral("2022-05-27"));
    EXPECT_EQ(m.title, QStringLiteral("重庆市武隆区营商环境创新试点实施方案"));
    EXPECT_EQ(m.jurisdiction, QStringLiteral("武隆区"));
    EXPECT_EQ(m.year, 2022);
}

TEST(SeedChongqing, InterleavedMeasuresRecoveredWithLowConfidence) {
    const Document& d = seedDocument(QStringLiteral("chongqing-2019"));
    EXPECT_EQ(d.layout, Layout::InterleavedPdf);
    // 76 of the ~91 numbers survive the extraction; each appears once despite repeated passages.
    EXPECT_EQ(d.measures.size(), 76);
    QSet<int> numbers;
    for (const Measure& m : d.measures) {
        EXPECT_FALSE(numbers.contains(m.number)) << m.number;
        numbers.insert(m.number);
        EXPECT_LE(m.confidence, 0.5);
    }
    const Measure* m3 = measureNo(d, 3);
    ASSERT_NE(m3, nullptr);
    EXPECT_EQ(m3->title, QStringLiteral("降低开办企业费用"));
    EXPECT_EQ(m3->areaHeading, QStringLiteral("一、开办企业"));
    const Measure* m15 = measureNo(d, 15);
    ASSERT_NE(m15, nullptr);
    EXPECT_EQ(m15->areaHeading, QStringLiteral("三、获得电力"));
    bool missingFlagged = false;
    for (const Issue& i : d.issues)
        missingFlagged = missingFlagged || (i.code == QStringLiteral("missing-measures") &&
                                            i.message.contains(QStringLiteral("45")));
    EXPECT_TRUE(missingFlagged);
}

TEST(SeedChongqing, UnitNamesWovenIntoSentencesAreRemovedFromBody) {
    const Document& d = seedDocument(QStringLiteral("chongqing-2019"));
    const Measure* m13 = measureNo(d, 13);
    ASSERT_NE(m13, nullptr);
    EXPECT_FALSE(m13->lead.isEmpty());
    for (const Unit& u : m13->lead)
        EXPECT_FALSE(m13->body.contains(u.written)) << u.written.toStdString();
    // …while the offsets still point at the characters kept.
    for (qsizetype i = 0; i < m13->body.size(); ++i)
        EXPECT_EQ(pc::text::foldChar(d.source.at(m13->bodyOffsets[i])) == m13->body.at(i) ||
                      m13->body.at(i) == QLatin1Char('.'),
                  true);
}

TEST(SeedChongqing, UnitFragmentInsideASentenceIsCutOut) {
    // Source: "将高压客长电联合户在供电企业的办电时限" — 长电联合 is a piece of 长电联合能源公司, a unit
    // listed elsewhere in the file.
    const Document& d = seedDocument(QStringLiteral("chongqing-2019"));
    const Measure* m2 = measureNo(d, 2);
    ASSERT_NE(m2, nullptr);
    const qsizetype at = m2->body.indexOf(QStringLiteral("将高压客户在供电企业的办电时限"));
    ASSERT_GE(at, 0);
    const qsizetype hu = m2->bodyOffsets[at + 4];
    EXPECT_EQ(d.source.at(hu), QChar(u'户'));
    EXPECT_EQ(d.source.mid(hu - 5, 5), QStringLiteral("客长电联合"));
    EXPECT_EQ(m2->bodyOffsets[at + 3], hu - 5);
}

TEST(SeedChongqing, Metadata) {
    const DocumentMeta& m = seedDocument(QStringLiteral("chongqing-2019")).meta;
    EXPECT_EQ(m.issuer, QStringLiteral("重庆市人民政府办公厅"));
    EXPECT_EQ(m.docNumber, QStringLiteral("渝府办发〔2019〕81号"));
    EXPECT_EQ(m.issuedOn, QStringLiteral("2019-07-23"));
    EXPECT_EQ(m.title, QStringLiteral("重庆市营商环境优化提升工作方案"));
    EXPECT_EQ(m.jurisdiction, QStringLiteral("重庆市"));
    EXPECT_EQ(m.level, QStringLiteral("municipal"));
    EXPECT_EQ(m.year, 2019);
}

TEST(SeedMetadata, EveryPlanHasItsGazetteerCodeKindAndTheDistrictsNameTheMunicipalPlanTheyImplement) {
    const struct {
        const char* stem;
        const char* jurisdiction;
        const char* code;
        const char* implements;
    } cases[] = {
        {"chongqing-2019", "重庆市", "500000", ""},
        {"dazu-2019", "大足区", "500111", "渝府办发〔2019〕81号"},
        {"jiangjin-2021", "江津区", "500116", "渝府办发〔2021〕48号"},
        {"wulong-2022", "武隆区", "500156", "国发〔2021〕24号"},
        {"yuzhong-2023", "渝中区", "500103", ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.stem);
        const Document& d = seedDocument(QString::fromLatin1(c.stem));
        EXPECT_EQ(d.meta.jurisdiction, QString::fromUtf8(c.jurisdiction));
        EXPECT_EQ(d.meta.jurisdictionCode, QString::fromLatin1(c.code));
        EXPECT_EQ(d.meta.planKind, QStringLiteral("comprehensive"));
        EXPECT_EQ(d.meta.implementsDocNumber, QString::fromUtf8(c.implements));
    }
}
