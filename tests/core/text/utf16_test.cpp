// Well-formed UTF-16, four units at a time, against the unit-by-unit check; and what the match
// options it gives do to the metadata patterns.
#include "lcg.h"
#include "parse/metadata.h"
#include "text/scan.h"
#include "text/utf16.h"

#include <gtest/gtest.h>

#include <vector>

using pc::text::isValidUtf16;
using pc::text::isWellFormedUtf16;

TEST(Utf16, WellFormedOnHandWrittenTexts) {
    const char16_t pair[] = {u'办', 0xD83D, 0xDE00, u'理'};
    EXPECT_TRUE(isWellFormedUtf16(QStringView(pair, 4)));
    const char16_t lone[] = {u'a', u'b', u'c', u'd', u'e', 0xD800};
    EXPECT_FALSE(isWellFormedUtf16(QStringView(lone, 6)));
    const char16_t reversed[] = {0xDE00, 0xD83D, u'x', u'y'};
    EXPECT_FALSE(isWellFormedUtf16(QStringView(reversed, 4)));
    EXPECT_TRUE(isWellFormedUtf16(QStringView()));
    // Units next to the surrogate range in every lane: D7FF, E000, F800, FFFF are no surrogates.
    const char16_t near[] = {0xD7FF, 0xE000, 0xF800, 0xFFFF, 0x5800, 0x0800, 0xD7FF, 0xE000};
    EXPECT_TRUE(isWellFormedUtf16(QStringView(near, 8)));
    EXPECT_EQ(pc::text::subjectOptions(QStringView(near, 8)),
              QRegularExpression::DontCheckSubjectStringMatchOption);
    EXPECT_EQ(pc::text::subjectOptions(QStringView(lone, 6)), QRegularExpression::NoMatchOption);
}

// 50,000 generated texts of 0–23 units: CJK, ASCII, the units around the surrogate range, pairs, lone
// and reversed surrogates at every position of a four-unit word: the same answer as isValidUtf16.
TEST(Utf16, WellFormedAgreesWithUnitByUnitOnGeneratedTexts) {
    const std::vector<std::vector<char16_t>> pieces = {
        {u'办'},  {u'a'},           {0xD7FF},         {0xE000}, {0xF7FF}, {0xF800},        {0xFFFF},
        {0x0800}, {0xD83D, 0xDE00}, {0xDBFF, 0xDFFF}, {0xD800}, {0xDC00}, {0xDFFF, 0xD800}};
    pc::test::Lcg next(16);
    int valid = 0;
    int invalid = 0;
    for (int round = 0; round < 50000; ++round) {
        std::vector<char16_t> units;
        const int n = int(next(16));
        for (int k = 0; k < n; ++k) {
            // Surrogates in one text of three only, so both answers are common.
            const auto& p = pieces.at(next(round % 3 == 0 ? quint32(pieces.size()) : 8));
            units.insert(units.end(), p.begin(), p.end());
        }
        const QStringView s(units.data(), qsizetype(units.size()));
        const bool want = isValidUtf16(s);
        ASSERT_EQ(isWellFormedUtf16(s), want) << round;
        (want ? valid : invalid) += 1;
    }
    EXPECT_GT(valid, 30000);
    EXPECT_GT(invalid, 5000);
}

// The metadata patterns skip PCRE2's check only for a well-formed head: with a lone surrogate in the
// head they still find nothing (QRegularExpression's answer for a subject that is not UTF-16), and
// without it they find the 文号, issuer and date.
TEST(Utf16, MetadataOfAHeadWithALoneSurrogateIsWhatTheCheckedPatternsFind) {
    const QString good = QStringLiteral("重庆市大足区人民政府办公室\n大足府办发〔2019〕81号\n"
                                        "关于印发某方案的通知\n2019年6月25日\n");
    const pc::DocumentMeta a = pc::parse::readMetadata(good, nullptr);
    EXPECT_EQ(a.docNumber, QStringLiteral("大足府办发〔2019〕81号"));
    EXPECT_EQ(a.issuer, QStringLiteral("重庆市大足区人民政府办公室"));
    EXPECT_EQ(a.issuedOn, QStringLiteral("2019-06-25"));
    QString bad = good;
    bad.insert(3, QChar(char16_t(0xD800)));
    const pc::DocumentMeta b = pc::parse::readMetadata(bad, nullptr);
    EXPECT_TRUE(b.docNumber.isEmpty());
    EXPECT_TRUE(b.issuer.isEmpty());
    EXPECT_TRUE(b.issuedOn.isEmpty());
}
