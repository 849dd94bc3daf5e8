// The grammar's scanners find exactly what the regular expressions they replaced found. The old
// expressions are kept here as the reference and both run on hand-written sentences and on many
// generated ones (made of the words the patterns name, their near misses, digits, marks and line feeds).
#include "extract/scanners.h"
#include "lcg.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

using namespace pc::extract::grammar;

namespace {

const QRegularExpression& qualitativeRe() {
    static const QRegularExpression re(QStringLiteral(
        "立等可取|即办即结|即办即取|当场办结|即来即办|立即办结|即时办结|当日办结|当天办结|即到即办|"
        "一次都不跑|一次不用跑|一次不跑"));
    return re;
}

const QRegularExpression& zeroRe() {
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9０-９零一二三四五六七八九十百“\"])(?:零|0|０)(材料|费用|成本|跑动|跑腿|"
                       "上门|审批|投资|见面|证明|收费)"
                       "(?=[、，。；和及）)]|$)"));
    return re;
}

const QString& verbs() {
    static const QString v =
        QStringLiteral("(?:平均)?(?:再)?(?:控制在|压减至|压缩至|缩减至|减少至|减至|降至|不超过|不高于|不低于|"
                       "不少于|少于|低于|至少|达到|达|"
                       "降低|压缩|压减|减少为|简化为|放宽至|放宽到|稳定在|保持在|提高到|提高至|提升至|增加|"
                       "新增|新建|实现|约|为|至|在|由|从)?$");
    return v;
}

const QRegularExpression& trailingNounAndVerbRe() {
    static const QRegularExpression re(
        QStringLiteral(
            "(?:的)?(?:全流程|平均)?(?:审批时间|办理时间|办理时限|办电时限|总办理时限|办理总时限|时限|"
            "时间|总用时|用时)") +
        verbs());
    return re;
}

const QRegularExpression& trailingVerbRe() {
    static const QRegularExpression re(verbs());
    return re;
}

QString spans(const QList<ScanMatch>& ms, bool group) {
    QStringList out;
    for (const ScanMatch& m : ms)
        out << QStringLiteral("%1-%2").arg(group ? m.groupStart : m.start).arg(group ? m.groupEnd : m.end);
    return out.join(u' ');
}

QString regexSpans(const QRegularExpression& re, const QString& s, int group) {
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out << QStringLiteral("%1-%2").arg(m.capturedStart(group)).arg(m.capturedEnd(group));
    }
    return out.join(u' ');
}

// What cleanScope made of a text with remove(regex), and the scanner's cut.
QString removedByRegex(const QRegularExpression& re, QString s) {
    return s.remove(re);
}
QString removedByScanner(const QString& s, bool withNoun) {
    const qsizetype from = trailingScopeWordsStart(s, withNoun);
    const qsizetype to = !s.isEmpty() && s.back() == u'\n' ? s.size() - 1 : s.size();
    return from >= to ? s : s.left(from) + QStringView(s).sliced(to);
}

void expectSame(const QString& s) {
    EXPECT_EQ(spans(findQualitativePhrases(s), false), regexSpans(qualitativeRe(), s, 0)) << s.toStdString();
    EXPECT_EQ(spans(findZeroForms(s), false), regexSpans(zeroRe(), s, 0)) << s.toStdString();
    EXPECT_EQ(spans(findZeroForms(s), true), regexSpans(zeroRe(), s, 1)) << s.toStdString();
    EXPECT_EQ(removedByScanner(s, true), removedByRegex(trailingNounAndVerbRe(), s)) << s.toStdString();
    EXPECT_EQ(removedByScanner(s, false), removedByRegex(trailingVerbRe(), s)) << s.toStdString();
}

TEST(Scanners, HandWrittenSentences) {
    const QStringList sentences = {
        QStringLiteral("企业开办实现立等可取，不动产登记即办即结、当天办结"),
        QStringLiteral("立即办结立即办结即来即办"),
        QStringLiteral("群众办事一次都不跑，一次不用跑，一次不跑"),
        QStringLiteral("一次不一次不跑"),
        QStringLiteral("当当场办结"),
        QStringLiteral("实现0材料、0费用、零跑腿"),
        QStringLiteral("“零投资”和三零服务，0材料"),
        QStringLiteral("20材料，十零审批，百零上门。"),
        QStringLiteral("０收费）零见面)零证明和零成本及零跑动"),
        QStringLiteral("零材料提交事项"),
        QStringLiteral("0材料\n"),
        QStringLiteral("0材料\n\n"),
        QStringLiteral("0材料"),
        QStringLiteral("00材料，零零审批。"),
        QStringLiteral("高压客户在供电企业的办电时限压减至"),
        QStringLiteral("用水报装的全流程审批时间平均再压缩至"),
        QStringLiteral("办理时限"),
        QStringLiteral("的时间"),
        QStringLiteral("不动产登记时间时限达"),
        QStringLiteral("企业开办时间压缩至\n"),
        QStringLiteral("企业开办压缩至"),
        QStringLiteral("由从至"),
        QStringLiteral("平均再"),
        QStringLiteral("用时\n"),
        QStringLiteral("总办理时限为"),
        QStringLiteral("办理总时限不超过"),
        QStringLiteral("获得电力用时压减至\n"),
        QString(),
        QStringLiteral("\n"),
    };
    for (const QString& s : sentences)
        expectSame(s);
    // What the scanners find (not only that they agree): a few fixed answers.
    EXPECT_EQ(spans(findQualitativePhrases(QStringLiteral("立即办结立即办结即来即办")), false),
              QStringLiteral("0-4 4-8 8-12"));
    EXPECT_EQ(spans(findZeroForms(QStringLiteral("实现0材料、0费用、零跑腿")), true),
              QStringLiteral("3-5 7-9 11-13"));
    EXPECT_EQ(removedByScanner(QStringLiteral("高压客户在供电企业的办电时限压减至"), true),
              QStringLiteral("高压客户在供电企业"));
    EXPECT_EQ(removedByScanner(QStringLiteral("企业开办压缩至"), false), QStringLiteral("企业开办"));
}

TEST(Scanners, GeneratedSentencesAgreeWithTheRegularExpressions) {
    const QStringList words = {
        // the phrases and their near misses
        QStringLiteral("立等可取"), QStringLiteral("即办即结"), QStringLiteral("即办即取"),
        QStringLiteral("当场办结"), QStringLiteral("即来即办"), QStringLiteral("立即办结"),
        QStringLiteral("即时办结"), QStringLiteral("当日办结"), QStringLiteral("当天办结"),
        QStringLiteral("即到即办"), QStringLiteral("一次都不跑"), QStringLiteral("一次不用跑"),
        QStringLiteral("一次不跑"), QStringLiteral("立即"), QStringLiteral("即办"), QStringLiteral("一次"),
        QStringLiteral("当"), QStringLiteral("立"), QStringLiteral("跑"),
        // zeros, their nouns and what may stand around them
        QStringLiteral("零"), QStringLiteral("0"), QStringLiteral("０"), QStringLiteral("材料"),
        QStringLiteral("费用"), QStringLiteral("成本"), QStringLiteral("跑动"), QStringLiteral("跑腿"),
        QStringLiteral("上门"), QStringLiteral("审批"), QStringLiteral("投资"), QStringLiteral("见面"),
        QStringLiteral("证明"), QStringLiteral("收费"), QStringLiteral("0材料"), QStringLiteral("零跑腿"),
        QStringLiteral("０收费"), QStringLiteral("零审批"), QStringLiteral("、"), QStringLiteral("，"),
        QStringLiteral("。"), QStringLiteral("；"), QStringLiteral("和"), QStringLiteral("及"),
        QStringLiteral("）"), QStringLiteral(")"), QStringLiteral("“"), QStringLiteral("\""),
        QStringLiteral("三"), QStringLiteral("百"), QStringLiteral("5"), QStringLiteral("５"),
        QStringLiteral("\n"), QStringLiteral(" "),
        // the scope's trailing words
        QStringLiteral("的"), QStringLiteral("全流程"), QStringLiteral("平均"), QStringLiteral("再"),
        QStringLiteral("审批时间"), QStringLiteral("办理时间"), QStringLiteral("办理时限"),
        QStringLiteral("办电时限"), QStringLiteral("总办理时限"), QStringLiteral("办理总时限"),
        QStringLiteral("时限"), QStringLiteral("时间"), QStringLiteral("总用时"), QStringLiteral("用时"),
        QStringLiteral("控制在"), QStringLiteral("压减至"), QStringLiteral("压缩至"), QStringLiteral("减至"),
        QStringLiteral("不超过"), QStringLiteral("少于"), QStringLiteral("不少于"), QStringLiteral("达到"),
        QStringLiteral("达"), QStringLiteral("压缩"), QStringLiteral("减少为"), QStringLiteral("提高至"),
        QStringLiteral("实现"), QStringLiteral("约"), QStringLiteral("为"), QStringLiteral("至"),
        QStringLiteral("在"), QStringLiteral("由"), QStringLiteral("从"), QStringLiteral("总"),
        QStringLiteral("办理"), QStringLiteral("企业开办"), QStringLiteral("用水报装")};
    pc::test::Lcg next(20261201);
    int qualitative = 0, zeros = 0, cutWithNoun = 0, cutVerb = 0;
    for (int round = 0; round < 20000; ++round) {
        const QString s = next.words(words, 9);
        expectSame(s);
        if (HasFailure())
            return;
        qualitative += int(findQualitativePhrases(s).size());
        zeros += int(findZeroForms(s).size());
        cutWithNoun += removedByScanner(s, true) != s;
        cutVerb += removedByScanner(s, false) != s;
    }
    // The generated texts exercise every form many times, not only the texts where nothing matches.
    EXPECT_GT(qualitative, 1000);
    EXPECT_GT(zeros, 1000);
    EXPECT_GT(cutWithNoun, 1000);
    EXPECT_GT(cutVerb, 3000);
}

const QRegularExpression& dateRe() {
    static const QRegularExpression re(QStringLiteral(
        "(?<year>[0-9０-９]{4})\\s*年(?:\\s*(?<month>[0-9０-９]{1,2})\\s*月(?:\\s*(?<day>[0-9０-９]{1,2})\\s*"
        "日)?)?"
        "|(?<omonth>[0-9０-９]{1,2})\\s*月(?=底|末|份|中旬|上旬|下旬|前|内|\\s*[0-9０-９]{1,2}\\s*日)"
        "(?:\\s*(?<oday>[0-9０-９]{1,2})\\s*日)?"
        "|(?<next>明年|次年)(?:\\s*(?<nmonth>[0-9０-９]{1,2})\\s*月)?"
        "|(?<this>今年)\\s*(?<tmonth>[0-9０-９]{1,2})\\s*月"
        "|(?<rel>今年内|今年底|今年年底|今年|本年度|年内|全年|年底前|年底)"));
    return re;
}

// Every date with every named part, as "start-end year=a-b month=…".
QString dateParts(const QString& s) {
    QStringList out;
    for (const DateScan& d : findDateForms(s)) {
        QString one = QStringLiteral("%1-%2").arg(d.start).arg(d.end);
        for (int p = 0; p < DateScan::PartCount; ++p) {
            if (d.has(DateScan::Part(p)))
                one += QStringLiteral(" %1=%2-%3").arg(p).arg(d.part[p].first).arg(d.part[p].second);
        }
        out << one;
    }
    return out.join(u'|');
}
QString dateRegexParts(const QString& s) {
    static const char16_t* names[] = {u"year", u"month",  u"day",  u"omonth", u"oday",
                                      u"next", u"nmonth", u"this", u"tmonth", u"rel"};
    QStringList out;
    for (auto it = dateRe().globalMatch(s); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString one = QStringLiteral("%1-%2").arg(m.capturedStart()).arg(m.capturedEnd());
        for (int p = 0; p < DateScan::PartCount; ++p) {
            const QString name = QString::fromUtf16(names[p]);
            if (m.capturedStart(name) >= 0)
                one += QStringLiteral(" %1=%2-%3").arg(p).arg(m.capturedStart(name)).arg(m.capturedEnd(name));
        }
        out << one;
    }
    return out.join(u'|');
}

TEST(Scanners, HandWrittenDates) {
    const QStringList sentences = {
        QStringLiteral("2020年底前，企业开办时间压缩至3个工作日"),
        QStringLiteral("2023年6月底前完成；2024年3月15日印发"),
        QStringLiteral("２０２１ 年 ６ 月 底"),
        QStringLiteral("20201年12月底"),
        QStringLiteral("123月底，12月5日，6月份，7月中旬，8月内，9月前，10月末，11月上旬，12月下旬"),
        QStringLiteral("5月\t3日，5月 32日"),
        QStringLiteral("明年3月，次年，明年 12 "
                       "月，今年6月，今年内，今年底，今年年底，今年，本年度，年内，全年，年底前，年底"),
        QStringLiteral("2020年123月"),
        QStringLiteral("12月是"),
        QStringLiteral("2019年上半年"),
        QStringLiteral("\u30002022\u3000年\u30001\u3000月\u30002\u3000日"),
        QStringLiteral("2022年\n5月"),
        QStringLiteral("今年年内"),
    };
    for (const QString& s : sentences)
        EXPECT_EQ(dateParts(s), dateRegexParts(s)) << s.toStdString();
    // What the scanner reads (not only that it agrees): the year, month and end of the first date.
    const QList<DateScan> d = findDateForms(QStringLiteral("2023年6月底前完成"));
    ASSERT_EQ(d.size(), 1);
    EXPECT_EQ(d.at(0).view(u"2023年6月底前完成", DateScan::Year), u"2023");
    EXPECT_EQ(d.at(0).view(u"2023年6月底前完成", DateScan::Month), u"6");
    EXPECT_EQ(d.at(0).end, 7);
}

TEST(Scanners, GeneratedDatesAgreeWithTheRegularExpression) {
    const QStringList words = {QStringLiteral("2"),    QStringLiteral("0"),        QStringLiteral("1"),
                               QStringLiteral("9"),    QStringLiteral("２"),       QStringLiteral("０"),
                               QStringLiteral("2020"), QStringLiteral("２０２３"), QStringLiteral("12"),
                               QStringLiteral("年"),   QStringLiteral("月"),       QStringLiteral("日"),
                               QStringLiteral("底"),   QStringLiteral("末"),       QStringLiteral("份"),
                               QStringLiteral("中旬"), QStringLiteral("上旬"),     QStringLiteral("下旬"),
                               QStringLiteral("前"),   QStringLiteral("内"),       QStringLiteral("明年"),
                               QStringLiteral("次年"), QStringLiteral("今年"),     QStringLiteral("本年度"),
                               QStringLiteral("全年"), QStringLiteral("年底"),     QStringLiteral("旬"),
                               QStringLiteral("本年"), QStringLiteral(" "),        QStringLiteral("\u3000"),
                               QStringLiteral("\t"),   QStringLiteral("\n"),       QStringLiteral("\u00a0"),
                               QStringLiteral("已"),   QStringLiteral("办"),       QStringLiteral("，")};
    pc::test::Lcg next(7);
    int dates = 0;
    for (int round = 0; round < 30000; ++round) {
        const QString s = next.words(words, 10);
        const QString got = dateParts(s);
        ASSERT_EQ(got, dateRegexParts(s)) << s.toStdString();
        dates += int(findDateForms(s).size());
    }
    EXPECT_GT(dates, 10000);
}

TEST(Scanners, RegexSpaceIsWhatTheRegularExpressionsCallSpace) {
    static const QRegularExpression space(QStringLiteral("^\\s$"));
    for (char32_t u = 0; u < 0x10000; ++u) {
        if (u >= 0xD800 && u < 0xE000)
            continue;
        const QString one = QString(QChar(char16_t(u)));
        // `$` also matches before a final line feed: "^\s$" on "\n" is true either way.
        ASSERT_EQ(isRegexSpace(QChar(char16_t(u))), space.match(one).hasMatch()) << std::hex << unsigned(u);
    }
}

} // namespace
