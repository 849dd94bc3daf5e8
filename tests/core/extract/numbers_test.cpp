// readNumber's Arabic numbers: whole numbers summed directly must equal what QString::toDouble reads,
// at every length, with thousands commas and full-width digits; decimals and long runs still round
// through toDouble.
#include "extract/numbers.h"

#include <QString>

#include <gtest/gtest.h>

using namespace pc::extract;

namespace {

TEST(Numbers, WholeNumbersOfEveryLengthEqualToDouble) {
    QString digits;
    for (int len = 1; len <= 22; ++len) {
        digits += QChar(u'0' + (len * 7) % 10); // 7, 74, 741, … up to 22 digits
        const QString text = QStringLiteral("压减至") + digits + QStringLiteral("个工作日");
        const auto n = readNumber(text, 3);
        ASSERT_TRUE(n.has_value()) << len;
        EXPECT_EQ(n->value, digits.toDouble()) << digits.toStdString();
        EXPECT_EQ(n->digits, len);
        EXPECT_EQ(n->end, 3 + len);
    }
}

TEST(Numbers, ThousandsCommasLeadingZerosAndFullWidth) {
    const auto comma = readNumber(QStringLiteral("新增5,000户"), 2);
    ASSERT_TRUE(comma.has_value());
    EXPECT_EQ(comma->value, 5000.0);
    EXPECT_EQ(comma->digits, 4);
    EXPECT_EQ(comma->end, 7);
    const auto zeros = readNumber(QStringLiteral("007号"), 0);
    ASSERT_TRUE(zeros.has_value());
    EXPECT_EQ(zeros->value, 7.0);
    EXPECT_EQ(zeros->digits, 3);
    const auto wide = readNumber(QStringLiteral("１２３４５６７８９０１２３４５天"), 0); // 15 digits
    ASSERT_TRUE(wide.has_value());
    EXPECT_EQ(wide->value, 123456789012345.0);
    EXPECT_EQ(wide->end, 15);
}

TEST(Numbers, DecimalsRoundLikeToDouble) {
    for (const QString& s :
         {QStringLiteral("0.1"), QStringLiteral("99.96"), QStringLiteral("3.14159265358979"),
          QStringLiteral("12345678901234.5"), QStringLiteral("0.30000000000000004")}) {
        const auto n = readNumber(s + QStringLiteral("%"), 0);
        ASSERT_TRUE(n.has_value()) << s.toStdString();
        EXPECT_EQ(n->value, s.toDouble()) << s.toStdString();
        EXPECT_EQ(n->end, s.size());
    }
    // A point not followed by a digit ends the number.
    const auto end = readNumber(QStringLiteral("第3.项"), 1);
    ASSERT_TRUE(end.has_value());
    EXPECT_EQ(end->value, 3.0);
    EXPECT_EQ(end->end, 2);
}

} // namespace
