// Deadline expressions as YYYY-MM (table-driven, sentences from the seeds).
#include "lcg.h"
#include "parse/deadlines.h"

#include <QRegularExpression>
#include <QStringList>

#include <gtest/gtest.h>

using pc::parse::findDeadline;

TEST(Deadlines, ReadsPlanExpressions) {
    const struct {
        const char16_t* text;
        int year;
        const char16_t* expected;
    } cases[] = {
        {u"2019年底前实现办理营业执照、公章刻制3个工作日以内办结", 2019, u"2019-12"},
        {u"2019年9月底前实现企业名称自主申报", 2019, u"2019-09"},
        {u"2022年6月", 2022, u"2022-06"},
        {u"已完成", 2022, u"已完成"},
        {u"今年内实现全覆盖", 2021, u"2021-12"},
        {u"确保10月底前实现同一事项在成渝地区无差别受理", 2021, u"2021-10"},
        {u"2023年中心城区达标率达100%", 2023, u"2023-12"},
        {u"经2019年9月2日区政府同意，2020年底前完成", 2019, u"2020-12"},
        {u"严格执行工作时间规定", 2019, u""},
    };
    for (const auto& c : cases) {
        const QString text = QString::fromUtf16(c.text);
        SCOPED_TRACE(text.toStdString());
        EXPECT_EQ(findDeadline(text, c.year), QString::fromUtf16(c.expected));
    }
}

TEST(Deadlines, LaterDeadlineTreatsDoneAsEarliest) {
    EXPECT_EQ(pc::parse::laterDeadline(QStringLiteral("2022-06"), QStringLiteral("2022-12")),
              QStringLiteral("2022-12"));
    EXPECT_EQ(pc::parse::laterDeadline(QStringLiteral("已完成"), QStringLiteral("2022-05")),
              QStringLiteral("2022-05"));
    EXPECT_EQ(pc::parse::laterDeadline(QString(), QStringLiteral("已完成")), QStringLiteral("已完成"));
}

// The scanner behind findDeadline finds what the regular expression it replaced found: the same
// matches, left to right, with the same groups, on hand-written and generated texts.
namespace {

QString scannedForms(const QString& s) {
    QStringList out;
    pc::parse::DeadlineScan m;
    for (qsizetype from = 0; pc::parse::nextDeadlineForm(s, from, m); from = m.end) {
        QString one = QStringLiteral("%1-%2").arg(m.start).arg(m.end);
        for (int g = 0; g < 6; ++g) {
            if (m.group[g].first >= 0)
                one += QStringLiteral(" %1=%2-%3").arg(g + 1).arg(m.group[g].first).arg(m.group[g].second);
        }
        out << one;
    }
    return out.join(u'|');
}

QString regexForms(const QString& s) {
    static const QRegularExpression re(
        QStringLiteral("(已完成)"
                       "|(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月(?:(\\d{1,2})日)?)?"
                       "|(今年内|今年底|今年年底|本年度内|年内|年底前)"
                       "|(?<![\\d年])(\\d{1,2})\\s*月底前"));
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString one = QStringLiteral("%1-%2").arg(m.capturedStart()).arg(m.capturedEnd());
        for (int g = 1; g <= 6; ++g) {
            if (m.capturedStart(g) >= 0)
                one += QStringLiteral(" %1=%2-%3").arg(g).arg(m.capturedStart(g)).arg(m.capturedEnd(g));
        }
        out << one;
    }
    return out.join(u'|');
}

TEST(Deadlines, ScannerFindsWhatTheRegularExpressionFound) {
    const QStringList written = {
        QStringLiteral("已完成；2019年底前；2022年6月；2023年 6 月15日；今年内"),
        QStringLiteral("20190年底前，12月底前，123月底前，年12月底前，2019 年\t5月"),
        QStringLiteral("今年年底，本年度内，年内，年底前，今年底"),
        QStringLiteral("２０２０年６月底前"),
        QStringLiteral("2020年05月5日 2020年5月555日"),
    };
    for (const QString& s : written)
        EXPECT_EQ(scannedForms(s), regexForms(s)) << s.toStdString();
    EXPECT_EQ(scannedForms(QStringLiteral("于2022年6月底前")), QStringLiteral("1-8 2=1-5 3=6-7"));
    const QStringList words = {
        QStringLiteral("2"),      QStringLiteral("0"),      QStringLiteral("1"),  QStringLiteral("2019"),
        QStringLiteral("12"),     QStringLiteral("年"),     QStringLiteral("月"), QStringLiteral("日"),
        QStringLiteral("底"),     QStringLiteral("前"),     QStringLiteral("内"), QStringLiteral("今年"),
        QStringLiteral("本年度"), QStringLiteral("已完成"), QStringLiteral("已"), QStringLiteral("完成"),
        QStringLiteral("月底前"), QStringLiteral(" "),      QStringLiteral("\t"), QStringLiteral("\n"),
        QStringLiteral("\u3000"), QStringLiteral("２"),     QStringLiteral("办")};
    pc::test::Lcg next(99);
    int forms = 0;
    for (int round = 0; round < 30000; ++round) {
        const QString s = next.words(words, 10);
        const QString got = scannedForms(s);
        ASSERT_EQ(got, regexForms(s)) << s.toStdString();
        forms += int(got.count(u'|')) + (got.isEmpty() ? 0 : 1);
    }
    EXPECT_GT(forms, 5000);
}

} // namespace
