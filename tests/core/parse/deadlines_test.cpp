// Deadline expressions as YYYY-MM (table-driven, sentences from the seeds).
#include "parse/deadlines.h"

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
