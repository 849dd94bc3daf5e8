// isHeadingLine tests a line's first and last characters inline before it searches it for 。; the old
// function (the search first, a library search per character class) is kept here, and both run on
// hand-written lines and on generated ones (numerals, brackets, 第…章, the naming words, 。, colons,
// lines of every length around 40).
#include "extract/targetextractor.h"
#include "lcg.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

bool isHeadingLineBefore(QStringView line) {
    static const QRegularExpression labelled(
        QStringLiteral("^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第["
                       "一二三四五六七八九十]+[章节部分])"));
    static const QRegularExpression named(
        QStringLiteral("^[\\p{Han}“”]{2,10}(?:目标|要求|任务|思路|原则)[：:]?$"));
    if (line.isEmpty() || line.size() > 40 || line.contains(u'。'))
        return false;
    // Each pattern is anchored: run it only where the first (labelled) or last (named) character fits.
    const char16_t first = line.front().unicode();
    const bool mayBeLabelled = first == u'（' || first == u'(' || first == u'第' ||
                               QStringView(u"一二三四五六七八九十").contains(QChar(first));
    const char16_t last = line.back().unicode();
    const bool mayBeNamed = QStringView(u"标求务路则：:").contains(QChar(last));
    return (mayBeLabelled && labelled.match(line).hasMatch()) || (mayBeNamed && named.match(line).hasMatch());
}

} // namespace

TEST(Headings, HandWrittenLines) {
    for (const QString& line : {u"一、总体目标"_s, u"（三）主要任务"_s, u"第二章 保障措施"_s, u"工作目标："_s,
                                u"基本原则"_s, u"一是压减时间。"_s, u"企业开办"_s, u""_s, u"十"_s})
        EXPECT_EQ(pc::isHeadingLine(line), isHeadingLineBefore(line)) << qPrintable(line);
    EXPECT_TRUE(pc::isHeadingLine(u"一、总体目标"));
    EXPECT_TRUE(pc::isHeadingLine(u"工作目标："));
    EXPECT_FALSE(pc::isHeadingLine(u"一、压减时间。"));
    EXPECT_FALSE(pc::isHeadingLine(u"企业开办"));
}

TEST(Headings, GeneratedLinesAgreeWithTheOldTest) {
    const QStringList pieces = {u"一"_s,       u"十"_s,   u"三"_s,   u"、"_s,   u"."_s,    u"．"_s,
                                u"（"_s,       u"("_s,    u"）"_s,   u")"_s,    u"第"_s,   u"章"_s,
                                u"部分"_s,     u"目标"_s, u"要求"_s, u"任务"_s, u"思路"_s, u"原则"_s,
                                u"："_s,       u":"_s,    u"。"_s,   u"“"_s,    u"”"_s,    u"企业"_s,
                                u"营商环境"_s, u"标"_s,   u"则"_s,   u"1"_s,    u" "_s,    u"a"_s};
    const QStringList labels = {u"一、"_s, u"（二）"_s, u"第三章"_s, u"十."_s, u"(五)"_s, u"四．"_s};
    const QStringList names = {u"目标"_s, u"要求："_s, u"原则:"_s, u"思路"_s, u"任务。"_s};
    pc::test::Lcg next(40);
    int headings = 0;
    for (int k = 0; k < 50000; ++k) {
        // Half the lines open with a label, half end with a naming word (either may be spoilt after).
        QString line = next.words(pieces, 12);
        if (k % 2)
            line.prepend(labels.at(qsizetype(next(quint32(labels.size())))));
        if (k % 3 == 0)
            line += names.at(qsizetype(next(quint32(names.size()))));
        const bool want = isHeadingLineBefore(line);
        ASSERT_EQ(pc::isHeadingLine(line), want) << "line " << k << ": " << qPrintable(line);
        headings += want ? 1 : 0;
    }
    EXPECT_GT(headings, 2000);
    EXPECT_LT(headings, 45000);
}
