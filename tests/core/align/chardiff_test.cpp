// Character diff: runs cover both texts, the common runs spell the same subsequence, and the
// changed parts are where a reader expects them.
#include "align/chardiff.h"

#include <gtest/gtest.h>

using namespace pc::align;

namespace {

QString spell(const QString& text, const QList<DiffRun>& runs, bool common) {
    QString out;
    for (const DiffRun& r : runs)
        if (r.common == common)
            out += text.mid(r.start, r.length);
    return out;
}

qsizetype covered(const QList<DiffRun>& runs) {
    qsizetype at = 0;
    for (const DiffRun& r : runs) {
        EXPECT_EQ(r.start, at);
        EXPECT_GT(r.length, 0);
        at += r.length;
    }
    return at;
}

} // namespace

TEST(CharDiff, ChangedNumberAndAddedClause) {
    const QString city = QStringLiteral("用水报装全流程办理时间压减至7个工作日以内。");
    const QString county = QStringLiteral("本县用水报装全流程办理时间压减至5个工作日以内。");
    const CharDiff d = charDiff(county, city);
    EXPECT_EQ(covered(d.left), county.size());
    EXPECT_EQ(covered(d.right), city.size());
    EXPECT_EQ(spell(county, d.left, true), spell(city, d.right, true));
    EXPECT_EQ(spell(county, d.left, false), QStringLiteral("本县5"));
    EXPECT_EQ(spell(city, d.right, false), QStringLiteral("7"));
    EXPECT_EQ(d.commonLength, city.size() - 1);
    EXPECT_FALSE(d.truncated);
    // Runs alternate: 本县 | 用水…至 | 5 | 个工作日以内。
    ASSERT_EQ(d.left.size(), 4);
    EXPECT_EQ(d.left[0], (DiffRun{0, 2, false}));
    EXPECT_FALSE(d.left[2].common);
    EXPECT_EQ(county.mid(d.left[2].start, d.left[2].length), QStringLiteral("5"));
}

TEST(CharDiff, IdenticalEmptyAndDisjoint) {
    const QString s = QStringLiteral("一窗受理、并联审批");
    const CharDiff same = charDiff(s, s);
    ASSERT_EQ(same.left.size(), 1);
    EXPECT_EQ(same.left[0], (DiffRun{0, s.size(), true}));
    EXPECT_EQ(same.commonLength, s.size());

    const CharDiff empty = charDiff(QString(), s);
    EXPECT_TRUE(empty.left.isEmpty());
    ASSERT_EQ(empty.right.size(), 1);
    EXPECT_EQ(empty.right[0], (DiffRun{0, s.size(), false}));

    const CharDiff disjoint = charDiff(QStringLiteral("甲乙丙"), QStringLiteral("丁戊"));
    EXPECT_EQ(disjoint.commonLength, 0);
    EXPECT_EQ(disjoint.left, (QList<DiffRun>{DiffRun{0, 3, false}}));
    EXPECT_EQ(disjoint.right, (QList<DiffRun>{DiffRun{0, 2, false}}));
}

TEST(CharDiff, LongTextsAreComparedUpToTheLimit) {
    const QString a = QString(kMaxDiffLength + 500, QChar(0x6c34)); // 水 …
    const QString b = QString(kMaxDiffLength + 10, QChar(0x6c34));
    const CharDiff d = charDiff(a, b);
    EXPECT_TRUE(d.truncated);
    EXPECT_EQ(d.commonLength, kMaxDiffLength);
    EXPECT_EQ(covered(d.left), a.size());
    EXPECT_EQ(covered(d.right), b.size());
    EXPECT_FALSE(d.left.last().common);
    EXPECT_EQ(d.left.last().length, 500);
}

TEST(CharDiff, StrayOneCharacterMatchesAreShownAsChanges) {
    // Two different sentences share 的 and 企业 by chance.
    const QString a = QStringLiteral("优化企业的开办");
    const QString b = QStringLiteral("推进企业上市的步伐");
    const CharDiff d = charDiff(a, b);
    // On the left 企业的 is one run and stays; on the right 的 stands alone after 上市 and is shown
    // as a change.
    EXPECT_EQ(spell(a, withoutStrayMatches(d.left), true), QStringLiteral("企业的"));
    const QList<DiffRun> shown = withoutStrayMatches(d.right);
    EXPECT_EQ(covered(shown), b.size());
    EXPECT_EQ(spell(b, d.right, true), QStringLiteral("企业的"));
    EXPECT_EQ(spell(b, shown, true), QStringLiteral("企业"));
    ASSERT_EQ(shown.size(), 3); // 推进 | 企业 | 上市的步伐
    for (qsizetype i = 1; i < shown.size(); ++i)
        EXPECT_NE(shown[i].common, shown[i - 1].common); // runs alternate after merging
    // A text that is all common stays one common run, whatever its length.
    EXPECT_EQ(withoutStrayMatches({DiffRun{0, 1, true}}), (QList<DiffRun>{DiffRun{0, 1, true}}));
}
