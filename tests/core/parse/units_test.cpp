// Unit cells and 牵头单位 clauses: splitting, wrapped names, labels, normalization.
#include "lcg.h"
#include "parse/units.h"
#include "text/normalizedtext.h"

#include <QStringList>

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

namespace {

// normalizedName as it was written before it skipped aliases by their characters and wrote through a
// pointer: spaces dropped, characters folded, each alias replaced where it occurs, the jurisdiction
// folded to its generic form.
QString normalizedByAliasSearch(const QString& jurisdiction, const QString& written) {
    QString s;
    for (const QChar c : written) {
        if (!c.isSpace())
            s.append(pc::text::foldChar(c));
    }
    for (const auto& [from, to] : pc::parse::agencyAliases())
        s.replace(from, to);
    const QString& j = jurisdiction;
    const QString generic = QString(j.back());
    if (j != QStringLiteral("重庆市") && s.contains(j)) {
        s.replace(QStringLiteral("重庆市") + j, generic);
        s.replace(QStringLiteral("重庆") + j, generic);
    }
    if (s.startsWith(j))
        s = generic + s.mid(j.size());
    else
        s.replace(j, generic);
    return s;
}

} // namespace

TEST(Units, NormalizedNamesAgreeWithASearchPerAliasOnGeneratedNames) {
    const QStringList pieces = {QStringLiteral("城市管理局"),
                                QStringLiteral("城市"),
                                QStringLiteral("管理局"),
                                QStringLiteral("人力资源和社会保障局"),
                                QStringLiteral("人力资源"),
                                QStringLiteral("市场监督管理局"),
                                QStringLiteral("市场监督"),
                                QStringLiteral("住房和城乡建设委员会"),
                                QStringLiteral("发展和改革委员会"),
                                QStringLiteral("经济和信息化委员会"),
                                QStringLiteral("政务服务管理办公室"),
                                QStringLiteral("政务服务办公室"),
                                QStringLiteral("规划和自然资源局"),
                                QStringLiteral("生态环境保护局"),
                                QStringLiteral("经信委"),
                                QStringLiteral("经信"),
                                QStringLiteral("委"),
                                QStringLiteral("重庆市"),
                                QStringLiteral("重庆"),
                                QStringLiteral("大足区"),
                                QStringLiteral("区"),
                                QStringLiteral(" "),
                                QStringLiteral("\u3000"),
                                QStringLiteral("\t"),
                                QStringLiteral("ＡＢ"),
                                QStringLiteral("１"),
                                QStringLiteral("公司"),
                                QStringLiteral("局"),
                                QStringLiteral("办"),
                                QStringLiteral("室")};
    const UnitNamer namer(QStringLiteral("大足区"));
    pc::test::Lcg next(2026);
    int changed = 0;
    for (int k = 0; k < 20000; ++k) {
        const QString name = next.words(pieces, 6);
        const QString want = normalizedByAliasSearch(QStringLiteral("大足区"), name);
        ASSERT_EQ(namer.normalizedName(name), want) << "name " << k << ": " << qPrintable(name);
        QString plain = name;
        plain.remove(QLatin1Char(' ')).remove(QChar(0x3000)).remove(QLatin1Char('\t'));
        changed += want != plain ? 1 : 0;
    }
    EXPECT_GT(changed, 5000); // aliases, the jurisdiction or folding changed names often
}

// A namer keeps each name's normalized form (plans repeat the same units on every row): 20,000 names
// drawn from 60 (so each comes back many times, after others), for three jurisdictions, each asked of
// one long-lived namer and of a fresh one: the same forms.
TEST(Units, RememberedNormalizedNamesAreWhatAFreshNamerGives) {
    const QStringList pieces = {QStringLiteral("重庆市"),         QStringLiteral("大足区"),
                                QStringLiteral("江津区"),         QStringLiteral("发展和改革委员会"),
                                QStringLiteral("市场监督管理局"), QStringLiteral("经信委"),
                                QStringLiteral("税务局"),         QStringLiteral(" "),
                                QStringLiteral("ＡＢ"),           QStringLiteral("公司")};
    pc::test::Lcg next(60);
    QStringList names;
    for (int k = 0; k < 60; ++k)
        names << next.words(pieces, 5);
    for (const QString& place : {QStringLiteral("大足区"), QStringLiteral("重庆市"), QString()}) {
        const UnitNamer kept(place);
        int changed = 0;
        for (int k = 0; k < 20000; ++k) {
            const QString& name = names.at(next(60));
            const QString want = UnitNamer(place).normalizedName(name);
            ASSERT_EQ(kept.normalizedName(name), want) << qPrintable(place) << " / " << qPrintable(name);
            changed += want != name;
        }
        EXPECT_GT(changed, 1000) << qPrintable(place);
    }
}

namespace {

// split as it was written before it pushed characters into a small array: a QString appended character
// by character, cleaned, skipped when a placeholder, merged by normalized name.
QList<Unit> splitByAppending(const UnitNamer& namer, QStringView cell) {
    const QString finals = QStringLiteral("局委办司心院会府行部队所处站室厅团馆社组庭科署区县市村镇街园");
    const auto clean = [](const QString& s) { return pc::parse::cleanUnitName(s); };
    QList<Unit> out;
    QString current;
    auto flush = [&] {
        const QString name = clean(current);
        current.clear();
        if (name.isEmpty() || name == QStringLiteral("无") || name == QStringLiteral("/") ||
            name == QStringLiteral("—") || name == QStringLiteral("-") || name == QStringLiteral("——"))
            return;
        mergeUnits(out, {Unit{name, namer.normalizedName(name)}});
    };
    int quoteDepth = 0;
    for (const QChar c : cell) {
        if (c == QChar(u'“') || c == QChar(u'《'))
            ++quoteDepth;
        else if ((c == QChar(u'”') || c == QChar(u'》')) && quoteDepth > 0)
            --quoteDepth;
        if (quoteDepth > 0 && c != QLatin1Char('\n')) {
            current.append(c);
        } else if (c == u'、' || c == u'，' || c == u',' || c == u'；' || c == u';') {
            flush();
        } else if (c == QLatin1Char('\n')) {
            const QStringView t = QStringView(current).trimmed();
            if (!t.isEmpty() && finals.contains(t.back()))
                flush();
        } else if (c != QLatin1Char('\t') && c != QLatin1Char('\r')) {
            current.append(c);
        }
    }
    flush();
    return out;
}

} // namespace

TEST(Units, SplitAgreesWithAppendingCharacterByCharacterOnGeneratedCells) {
    const QStringList pieces = {QStringLiteral("区市场监管局"),
                                QStringLiteral("大足区"),
                                QStringLiteral("规划自然资"),
                                QStringLiteral("源局"),
                                QStringLiteral("、"),
                                QStringLiteral("，"),
                                QStringLiteral(";"),
                                QStringLiteral("\n"),
                                QStringLiteral("\t"),
                                QStringLiteral("\r"),
                                QStringLiteral(" "),
                                QStringLiteral("\u3000"),
                                QStringLiteral("（"),
                                QStringLiteral("）"),
                                QStringLiteral("。"),
                                QStringLiteral("“双随机、一公开”"),
                                QStringLiteral("《"),
                                QStringLiteral("》"),
                                QStringLiteral("无"),
                                QStringLiteral("/"),
                                QStringLiteral("各镇街"),
                                QStringLiteral("市场监督管理局"),
                                QStringLiteral("重庆市大足区税务局"),
                                QStringLiteral("公司")};
    const UnitNamer namer(QStringLiteral("大足区"));
    pc::test::Lcg next(11);
    int units = 0;
    for (int k = 0; k < 20000; ++k) {
        const QString cell = next.words(pieces, 12);
        const QList<Unit> want = splitByAppending(namer, cell);
        ASSERT_EQ(namer.split(cell), want) << "cell " << k << ": " << qPrintable(cell);
        units += int(want.size());
    }
    EXPECT_GT(units, 15000); // about one unit per cell: the inputs name many
}
