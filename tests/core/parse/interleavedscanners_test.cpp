// The interleaved parser's scanners against the regular expressions they replace: every match (start,
// end, group) on hand-written texts and on generated ones built from the patterns' words, their near
// misses, digits, marks, line feeds, a Han character outside the BMP and a lone surrogate.
#include "lcg.h"
#include "parse/interleavedscanners.h"
#include "text/scan.h"

#include <gtest/gtest.h>

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <iostream>

namespace {

using pc::parse::ScanSpan;

const QRegularExpression& numberRe() {
    static const QRegularExpression re(QStringLiteral("(?<![\\d.])(\\d{1,3})\\.(?=\\p{Han})"));
    return re;
}
const QRegularExpression& inlineNumberRe() {
    static const QRegularExpression re(QStringLiteral("(?<![\\d.])(\\d{1,2})\\.(?=\\p{Han})"));
    return re;
}
const QRegularExpression& areaRe() {
    static const QRegularExpression re(
        QStringLiteral("([一二三四五六七八九十]{1,3})、(\\p{Han}{2,10}?)(?=\\d{1,3}\\.|[（(]|$)"));
    return re;
}
const QRegularExpression& headingRe() {
    static const QRegularExpression re(
        QStringLiteral("[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）"));
    return re;
}
const QRegularExpression& listedRe() {
    static const QRegularExpression re(
        QStringLiteral("(?<=[、，,])((?:重庆市|重庆|市|国网|人行)\\p{Han}{1,8}?(?:局|委|办|院|部|海关|公司|"
                       "中心)|\\p{Han}{2,8}?公司)(?=[、，,。])"));
    return re;
}

QList<ScanSpan> byRegex(const QRegularExpression& re, const QString& text, qsizetype from, int group) {
    QList<ScanSpan> out;
    QRegularExpressionMatchIterator it = re.globalMatch(text, from);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out.append(
            ScanSpan{m.capturedStart(), m.capturedEnd(), m.capturedStart(group), m.capturedEnd(group)});
    }
    return out;
}

std::string show(const QList<ScanSpan>& spans) {
    std::string s;
    for (const ScanSpan& m : spans)
        s += "[" + std::to_string(m.start) + "," + std::to_string(m.end) + " g" +
             std::to_string(m.captureStart) + "," + std::to_string(m.captureEnd) + "]";
    return s;
}

// Runs all four scanners and their expressions on `text`; adds how many matches each found to `found`
// (numbers, areas, heading, units) and returns their sum.
int compareAll(const QString& text, qsizetype from, std::array<int, 5>* found = nullptr) {
    const std::string where = text.toStdString() + " from " + std::to_string(from);
    const QList<ScanSpan> numbers = byRegex(numberRe(), text, from, 1);
    EXPECT_EQ(show(pc::parse::findMeasureNumbers(text, from)), show(numbers)) << where;
    EXPECT_EQ(show(pc::parse::findMeasureNumbers(text, from, 2)),
              show(byRegex(inlineNumberRe(), text, from, 1)))
        << where;
    const QList<ScanSpan> areas = byRegex(areaRe(), text, from, 2);
    EXPECT_EQ(show(pc::parse::findAreaHeadings(text, from)), show(areas)) << where;
    static const QRegularExpression lineNumber(QStringLiteral("^\\s*\\d{1,3}\\.(?!\\d)"));
    const bool numbered = lineNumber.match(QStringView(text).mid(from)).hasMatch();
    EXPECT_EQ(pc::parse::isNumberedLine(QStringView(text).mid(from)), numbered) << where;
    if (found)
        (*found)[4] += numbered ? 1 : 0;
    const QRegularExpressionMatch h = headingRe().match(text);
    EXPECT_EQ(pc::parse::findProseHeading(text), h.hasMatch() ? h.capturedStart() : -1) << where;
    const QList<ScanSpan> units = byRegex(listedRe(), text, 0, 1);
    EXPECT_EQ(show(pc::parse::findListedUnits(text)), show(units)) << where;
    if (found) {
        (*found)[0] += int(numbers.size());
        (*found)[1] += int(areas.size());
        (*found)[2] += h.hasMatch() ? 1 : 0;
        (*found)[3] += int(units.size());
    }
    return int(numbers.size() + areas.size() + units.size() + (h.hasMatch() ? 1 : 0));
}

TEST(InterleavedScanners, HandWrittenTexts) {
    const QStringList texts = {
        QStringLiteral("附件1.精简市企业名称自主申报，12.压减环节3．5.办理123.时间1234.办理"),
        QStringLiteral(
            "三、获得电力6.压减获得电力办理时间，由市发展改革委、国网市电力公司、长电联合能源公司负责。"),
        QStringLiteral("十一、办理建筑许可（二）强化考核评价二、主要举措十二三四、不算"),
        QStringLiteral(
            "牵头单位：市经济信息委、重庆市市场监管局，人行重庆营管部、重庆海关、市大数据发展局。"),
        QStringLiteral("一、开办企业\n"),
        QStringLiteral("一、开办企业"),
        QStringLiteral("一、开办企业\n\n"),
        QStringLiteral("、重庆市、重庆市政府公司、市一二三四五六七八局、市一二三四五六七八九局、"),
        QStringLiteral("、国网公司，人行中心。重庆市局、长江《中心》公司、"),
        QStringLiteral("5.〈办〉8.《条例》、9.1.2.3"),
        QStringLiteral(" \t12.精简"),
        QStringLiteral("1234.办"),
        QStringLiteral("12.5%"),
        QStringLiteral("\v7."),
    };
    int compared = 0;
    for (const QString& t : texts) {
        for (qsizetype from : {qsizetype(0), qsizetype(3), t.size() / 2})
            compared += compareAll(t, from);
    }
    EXPECT_GT(compared, 25);
    EXPECT_EQ(pc::parse::findMeasureNumbers(texts.at(0), 0).size(), 4); // 1. 12. 5. 123. (not 3． or 1234.)
    // 重庆市市场监管局, 人行重庆营管部, 市大数据发展局; not 市经济信息委 (after ：) or 重庆海关 (海关 needs a
    // character between 重庆 and it).
    EXPECT_EQ(pc::parse::findListedUnits(texts.at(3)).size(), 3);
}

TEST(InterleavedScanners, GeneratedTextsGiveTheSameMatches) {
    QStringList words = {
        QStringLiteral("重庆市"), QStringLiteral("重庆"),     QStringLiteral("市"),
        QStringLiteral("国网"),   QStringLiteral("人行"),     QStringLiteral("局"),
        QStringLiteral("委"),     QStringLiteral("办"),       QStringLiteral("院"),
        QStringLiteral("部"),     QStringLiteral("海关"),     QStringLiteral("公司"),
        QStringLiteral("中心"),   QStringLiteral("公"),       QStringLiteral("海"),
        QStringLiteral("电力"),   QStringLiteral("获得"),     QStringLiteral("、"),
        QStringLiteral("，"),     QStringLiteral(","),        QStringLiteral("。"),
        QStringLiteral("（"),     QStringLiteral("("),        QStringLiteral("）"),
        QStringLiteral("\n"),     QStringLiteral("."),        QStringLiteral("1"),
        QStringLiteral("23"),     QStringLiteral("456"),      QStringLiteral("7."),
        QStringLiteral("三"),     QStringLiteral("十一"),     QStringLiteral("二三四五"),
        QStringLiteral("x"),      QStringLiteral(" "),        QStringLiteral("\t"),
        QStringLiteral("１"),     QStringLiteral("《"),       QStringLiteral("〈"),
        QStringLiteral("・"),     QStringLiteral("ー"),       QString::fromUcs4(U"\U00020000"),
        QStringLiteral("12."),    QStringLiteral("三、"),     QStringLiteral("（二）"),
        QStringLiteral("、市"),   QStringLiteral("，重庆市"), QStringLiteral("公司、"),
    };
    // In one text of ten, lone surrogates too (the expressions then find nothing at all).
    const QStringList broken = {QString(QChar(0xD840)), QString(QChar(0xDC00))};
    pc::test::Lcg next(4242);
    std::array<int, 5> found{};
    for (int round = 0; round < 20000; ++round) {
        QString text;
        const int n = int(next(30));
        const bool withBroken = round % 10 == 0;
        for (int k = 0; k < n; ++k)
            text += withBroken && next(8) == 0 ? broken.at(next(2)) : words.at(next(quint32(words.size())));
        compareAll(text, text.isEmpty() ? 0 : next(quint32(text.size()) / 3 + 1), &found);
        if (HasFailure())
            return;
    }
    EXPECT_GT(found[0], 3000);
    EXPECT_GT(found[1], 500);
    EXPECT_GT(found[2], 5000);
    EXPECT_GT(found[3], 800);
    std::cout << "matches compared: numbers " << found[0] << ", areas " << found[1] << ", headings "
              << found[2] << ", units " << found[3] << ", numbered lines " << found[4] << "\n";
    EXPECT_GT(found[4], 200);
}

// \p{Han} of the expressions, for every code point: the Han script extensions (with 、。《》),
// which the scanners use through isRegexHan.
TEST(InterleavedScanners, RegexHanIsWhatTheExpressionMatches) {
    static const QRegularExpression han(QStringLiteral("^\\p{Han}$"));
    int hans = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        const QString s = QString::fromUcs4(&c, 1);
        const bool want = han.match(s).hasMatch();
        ASSERT_EQ(pc::text::isRegexHan(c), want) << std::hex << unsigned(c);
        ASSERT_EQ(pc::text::regexHanAt(s, 0), want ? s.size() : 0) << std::hex << unsigned(c);
        hans += want;
    }
    EXPECT_GT(hans, 90000);
    EXPECT_TRUE(pc::text::isRegexHan(U'、'));
    EXPECT_FALSE(QChar(u'、').script() == QChar::Script_Han); // why QChar::script is not used
}

} // namespace
