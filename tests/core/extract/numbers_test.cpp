// readNumber's Arabic numbers: whole numbers summed directly must equal what QString::toDouble reads,
// at every length, with thousands commas and full-width digits; decimals and long runs still round
// through toDouble.
#include "extract/numbers.h"

#include <QList>
#include <QString>

#include <cmath>
#include <cstring>
#include <iomanip>
#include <limits>

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

namespace {

// formatNumber as it was: QString::number(r, 'f', 4), then the trailing zeros and point cut.
QString formatNumberBefore(double v) {
    if (std::isnan(v))
        return {};
    const double r = std::round(v * 10000.0) / 10000.0;
    QString s = QString::number(r, 'f', 4);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    if (s == QStringLiteral("-0"))
        s = QStringLiteral("0");
    return s;
}

} // namespace

// formatNumber writes the digits of the rounded value itself: whole numbers, fractions of every length,
// values just around a fourth decimal's half, negatives, -0, tiny values, the largest values of the
// direct path and beyond it, infinities and NaN agree with the old conversion.
TEST(Numbers, FormatNumberAgreesWithTheGeneralConversion) {
    QList<double> values = {0.0,
                            -0.0,
                            8.0,
                            99.96,
                            0.5,
                            0.9,
                            0.75,
                            1e-5,
                            -1e-5,
                            0.00005,
                            -0.00005,
                            0.00015,
                            123.45675,
                            1e11,
                            -1e11,
                            99999999999.9999,
                            1e15,
                            -3e14,
                            1e16,
                            1e300,
                            -1e300,
                            5e-324,
                            2.5e-4,
                            0.1 * 3,
                            std::numeric_limits<double>::infinity(),
                            -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN()};
    quint64 seed = 1202;
    auto next = [&seed] {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        return seed >> 11;
    };
    for (int k = 0; k < 200000; ++k) {
        const quint64 r = next();
        switch (k % 5) {
        case 0: // whole numbers
            values << double(qint64(r % 2000001) - 1000000);
            break;
        case 1: // up to four decimals, as plans write them
            values << double(qint64(r % 20000001) - 10000000) / 10000.0;
            break;
        case 2: // around the half of a fourth decimal
            values << double(qint64(r % 2000001) - 1000000) / 10000.0 + 0.00005 * ((r >> 40) % 3 ? 1 : -1);
            break;
        case 3: // any magnitude
            values << double(r % 1000000007) * std::pow(10.0, double(int(r >> 50) % 24) - 12.0) *
                          ((r >> 40) & 1 ? -1 : 1);
            break;
        default: // arbitrary bits (NaN, infinities and subnormals among them)
            double d;
            std::memcpy(&d, &r, sizeof d);
            values << d;
            break;
        }
    }
    int fractions = 0;
    for (double v : std::as_const(values)) {
        const QString want = formatNumberBefore(v);
        ASSERT_EQ(formatNumber(v), want) << std::setprecision(17) << v;
        fractions += want.contains(u'.') ? 1 : 0;
    }
    EXPECT_GT(fractions, 50000);
}
