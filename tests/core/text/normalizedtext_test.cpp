// Normalization: what is folded, what is removed, and that every offset maps back to the source.
#include "lcg.h"
#include "text/normalizedtext.h"

#include <QStringList>

#include <gtest/gtest.h>

using pc::text::normalize;

TEST(Normalize, FoldsFullWidthDigitsLettersAndDot) {
    const auto n = normalize(QStringLiteral("１２．３％，ＤＮ１００（１）"));
    EXPECT_EQ(n.text(), QStringLiteral("12.3%，DN100（1）"));
    EXPECT_EQ(n.removedCount(), 0);
    for (qsizetype i = 0; i < n.size(); ++i)
        EXPECT_EQ(n.toSource(i), i);
}

TEST(Normalize, UnifiesLineInitialNumbering) {
    const auto n = normalize(QStringLiteral("1、优化服务。\n\t21．压减耗时\n3.降低费用\n一、开办企业"));
    EXPECT_EQ(n.text(), QStringLiteral("1.优化服务。\n\t21.压减耗时\n3.降低费用\n一、开办企业"));
}

TEST(Normalize, KeepsEnumerationCommaInsideSentences) {
    const auto n = normalize(QStringLiteral("办理营业执照、公章刻制3、4个"));
    EXPECT_EQ(n.text(), QStringLiteral("办理营业执照、公章刻制3、4个"));
}

TEST(Normalize, RemovesImageAndBookmarkMarkersAndMapsAroundThem) {
    const QString src = QStringLiteral("\t9[image: IMG_258] \n\t[bookmark: _GoBack]按照市级统一要求");
    const auto n = normalize(src);
    EXPECT_EQ(n.text(), QStringLiteral("\t9 \n\t按照市级统一要求"));
    const qsizetype a = n.text().indexOf(QStringLiteral("按照"));
    EXPECT_EQ(src.mid(n.toSource(a), 2), QStringLiteral("按照"));
    const pc::Span s = n.sourceSpan(a, a + 8);
    EXPECT_EQ(src.mid(s.start, s.length()), QStringLiteral("按照市级统一要求"));
}

TEST(Normalize, RemovesPageMarkLinesAndCarriageReturns) {
    const QString src = QStringLiteral("第一段\r\n－ 1 －  \r\n－ 12 －\n第二段");
    const auto n = normalize(src);
    EXPECT_EQ(n.text(), QStringLiteral("第一段\n第二段"));
    const qsizetype b = n.text().indexOf(QStringLiteral("第二段"));
    EXPECT_EQ(src.mid(n.toSource(b), 3), QStringLiteral("第二段"));
}

TEST(Normalize, KeepsDashesInsideText) {
    const auto n = normalize(QStringLiteral("1－2个工作日"));
    EXPECT_EQ(n.text(), QStringLiteral("1-2个工作日"));
}

TEST(Normalize, EveryOffsetMapsToTheSameOrFoldedCharacter) {
    const QString src =
        QStringLiteral("－ 3 －\n附件[image: a]：\r\n\t１．精简流程[bookmark: x]（１）２０１９年\n");
    const auto n = normalize(src);
    for (qsizetype i = 0; i < n.size(); ++i) {
        const QChar s = src.at(n.toSource(i));
        EXPECT_EQ(pc::text::foldChar(s) == n.text().at(i) || n.text().at(i) == QLatin1Char('.'), true)
            << "offset " << i;
    }
    EXPECT_EQ(n.toSource(n.size()), src.size());
}

// appendSourceOffsets (one search per range) gives what toSource gives character by character, for
// every range: before, across and after removed markers, page marks and CRs, and past the end.
TEST(Normalize, RangeOffsetsEqualOffsetByOffset) {
    const QString src = QStringLiteral("－ 3 －\n附件[image: a]：\r\n\t１．精简流程[bookmark: "
                                       "x]（１）２０１９年\r\n－ 4 －\n第二段[image: b]完");
    const auto n = normalize(src);
    ASSERT_GT(n.removedCount(), 20);
    qsizetype ranges = 0;
    for (qsizetype a = 0; a <= n.size() + 2; ++a) {
        for (qsizetype b = a; b <= n.size() + 2; ++b) {
            QList<qsizetype> got{-7}; // appends after what is there
            n.appendSourceOffsets(a, b, got);
            QList<qsizetype> want{-7};
            for (qsizetype i = a; i < b; ++i)
                want.append(n.toSource(i));
            ASSERT_EQ(got, want) << "range " << a << "–" << b;
            ++ranges;
        }
    }
    const qsizetype k = n.size() + 3; // every pair a <= b of 0 … size + 2
    EXPECT_EQ(ranges, k * (k + 1) / 2);
    EXPECT_GE(n.size(), 20);
    const auto plain = normalize(QStringLiteral("没有要去掉的字"));
    QList<qsizetype> got;
    plain.appendSourceOffsets(2, 5, got);
    EXPECT_EQ(got, (QList<qsizetype>{2, 3, 4}));
}

// The same on generated texts full of removals (markers, page marks, CRs) between kept runs of every
// length: appendSourceOffsets writes whole runs between segment starts at once.
TEST(Normalize, RangeOffsetsEqualOffsetByOffsetOnGeneratedTexts) {
    const QStringList pieces = {QStringLiteral("[image: p]"), QStringLiteral("[bookmark: q]"),
                                QStringLiteral("\r"),         QStringLiteral("\n－ 7 －\n"),
                                QStringLiteral("\n１．"),     QStringLiteral("办理"),
                                QStringLiteral("时限"),       QStringLiteral("２０"),
                                QStringLiteral("个工作日。"), QStringLiteral("a"),
                                QStringLiteral("\n"),         QStringLiteral("[imag")};
    pc::test::Lcg next(99);
    qsizetype removed = 0;
    for (int k = 0; k < 3000; ++k) {
        const auto n = normalize(next.words(pieces, 16));
        removed += n.removedCount();
        const qsizetype a = qsizetype(next(quint32(n.size() + 2)));
        const qsizetype b = a + qsizetype(next(quint32(n.size() + 3 - a)));
        QList<qsizetype> got{1, 2};
        n.appendSourceOffsets(a, b, got);
        QList<qsizetype> want{1, 2};
        for (qsizetype i = a; i < b; ++i)
            want.append(n.toSource(i));
        ASSERT_EQ(got, want) << "text " << k << ", range " << a << "–" << b;
    }
    EXPECT_GT(removed, 10000);
}
