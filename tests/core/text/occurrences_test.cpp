// countOccurrences against QString::count, the library search it replaces.
#include "lcg.h"
#include "text/occurrences.h"

#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

using pc::text::countOccurrences;

TEST(Occurrences, CountsLikeQStringCountOnHandWrittenTexts) {
    EXPECT_EQ(countOccurrences(u"牵头单位：区发展改革委；牵头单位：区财政局", u"牵头单位"), 2);
    EXPECT_EQ(countOccurrences(u"牵头单位", u"牵头单位"), 1);
    EXPECT_EQ(countOccurrences(u"牵头单", u"牵头单位"), 0); // cut at the end of the text
    EXPECT_EQ(countOccurrences(u"牵牵头单位位", u"牵头单位"), 1);
    EXPECT_EQ(countOccurrences(u"aaaa", u"aa"), 3); // overlapping, as QString::count
    EXPECT_EQ(countOccurrences(u"", u"牵头单位"), 0);
    EXPECT_EQ(countOccurrences(u"abc", u""), 4);
    EXPECT_EQ(countOccurrences(u"x牵", u"牵"), 1);
}

// 20,000 generated texts of the word's pieces, its near misses and other characters, counted for the
// word itself and for words that overlap themselves (头头, 单位单): the same counts as QString::count.
TEST(Occurrences, CountsLikeQStringCountOnGeneratedTexts) {
    const QStringList pieces = {
        QStringLiteral("牵头单位"), QStringLiteral("牵头"),         QStringLiteral("单位"),
        QStringLiteral("牵"),       QStringLiteral("头"),           QStringLiteral("位"),
        QStringLiteral("头单位"),   QStringLiteral("：区财政局；"), QStringLiteral("\n"),
        QStringLiteral("ab"),       QStringLiteral("单位单")};
    const QStringList words = {QStringLiteral("牵头单位"), QStringLiteral("头头"), QStringLiteral("单位单"),
                               QStringLiteral("牵"), QStringLiteral("位\n")};
    pc::test::Lcg next(46);
    qsizetype total = 0;
    for (int round = 0; round < 20000; ++round) {
        const QString text = next.words(pieces, 30);
        for (const QString& w : words) {
            const qsizetype want = text.count(w);
            ASSERT_EQ(countOccurrences(text, w), want) << text.toStdString() << " / " << w.toStdString();
            total += want;
        }
    }
    EXPECT_GT(total, 50000);
}
