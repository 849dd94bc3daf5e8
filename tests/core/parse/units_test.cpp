// Unit cells and 牵头单位 clauses: splitting, wrapped names, labels, normalization.
#include "parse/units.h"

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::parse;

namespace {
QString written(const QList<Unit>& us) {
    QStringList n;
    for (const Unit& u : us)
        n.append(u.written);
    return n.join(QLatin1Char('|'));
}
} // namespace

TEST(Units, SplitsOnListPunctuationAndLineBreaks) {
    const UnitNamer namer(QStringLiteral("大足区"));
    EXPECT_EQ(
        written(namer.split(QStringLiteral("区公安局、区人力社保局，区税务局;区医保局；区法院\n区检察院"))),
        QStringLiteral("区公安局|区人力社保局|区税务局|区医保局|区法院|区检察院"));
}

TEST(Units, RejoinsANameWrappedInsideTheCell) {
    const UnitNamer namer(QStringLiteral("大足区"));
    EXPECT_EQ(written(namer.split(QStringLiteral("区规划自然资\n源局、区城管局"))),
              QStringLiteral("区规划自然资源局|区城管局"));
    EXPECT_EQ(written(namer.split(QStringLiteral("区大数据\n管理局"))), QStringLiteral("区大数据管理局"));
}

TEST(Units, ReadsLabelledClauses) {
    const UnitNamer namer(QStringLiteral("江津区"));
    const UnitClauses c = namer.clauses(QStringLiteral(
        "（一）深化商事制度改革。（牵头单位：江津区市场监管局，责任单位：区发展改革委、区公安局）"));
    EXPECT_TRUE(c.found);
    EXPECT_EQ(written(c.lead), QStringLiteral("江津区市场监管局"));
    EXPECT_EQ(written(c.partners), QStringLiteral("区发展改革委|区公安局"));
}

TEST(Units, NormalizesJurisdictionAndLongForms) {
    const UnitNamer namer(QStringLiteral("江津区"));
    EXPECT_EQ(namer.normalizedName(QStringLiteral("江津区市场监管局")), QStringLiteral("区市场监管局"));
    EXPECT_EQ(namer.normalizedName(QStringLiteral("国网重庆江津区供电公司")),
              QStringLiteral("国网区供电公司"));
    EXPECT_EQ(namer.normalizedName(QStringLiteral("区城市管理局")), QStringLiteral("区城管局"));
    EXPECT_EQ(namer.normalizedName(QStringLiteral("区人力资源和社会保障局")), QStringLiteral("区人力社保局"));
    EXPECT_EQ(namer.normalizedName(QStringLiteral("人行江津中心支行")), QStringLiteral("人行江津中心支行"));
}

TEST(Units, SameUnitTwiceIsKeptOnce) {
    const UnitNamer namer(QStringLiteral("江津区"));
    EXPECT_EQ(written(namer.split(QStringLiteral("区城管局、区城市管理局、江津区税务局、区税务局"))),
              QStringLiteral("区城管局|江津区税务局"));
}

TEST(Units, IgnoresPlaceholders) {
    const UnitNamer namer;
    EXPECT_TRUE(namer.split(QStringLiteral("  \n")).isEmpty());
    EXPECT_TRUE(namer.split(QStringLiteral("无")).isEmpty());
}
