// The one-pass cue search counts what a search per cue (repeated indexOf from the end of the last hit)
// would count, for cues of one, two and more characters that share their first characters.
#include "taxonomy/cuematcher.h"

#include <gtest/gtest.h>

#include <QMap>

namespace {

using pc::CueMatcher;

QMap<QString, int> counts(const CueMatcher& m, const QString& text, int maxCount) {
    QMap<QString, int> out;
    for (const CueMatcher::Hit& h : m.find(text, maxCount))
        out.insert(m.cue(h.cue), h.count);
    return out;
}

// What the classifier counted before: non-overlapping occurrences from the left, at most `cap`.
int searchCount(const QString& text, const QString& cue, int cap) {
    int n = 0;
    for (qsizetype at = text.indexOf(cue); at >= 0 && n < cap; at = text.indexOf(cue, at + cue.size()))
        ++n;
    return n;
}

TEST(CueMatcher, SameTextGivesSameIdAndEmptyCueIsNeverFound) {
    CueMatcher m;
    const int a = m.add(QStringLiteral("用水"));
    EXPECT_EQ(m.add(QStringLiteral("用水")), a);
    const int empty = m.add(QString());
    EXPECT_NE(empty, a);
    EXPECT_EQ(m.size(), 2);
    EXPECT_EQ(m.length(a), 2);
    EXPECT_TRUE(m.find(QStringLiteral("用水报装"), 3).size() == 1);
    EXPECT_TRUE(m.find(QString(), 3).isEmpty());
}

TEST(CueMatcher, FindsCuesSharingTheirFirstCharacters) {
    CueMatcher m;
    for (const char* c : {"用水", "用水报装", "用气", "用", "报装", "装表通水", "通水"})
        m.add(QString::fromUtf8(c));
    const QMap<QString, int> got = counts(m, QStringLiteral("用水报装后装表通水，用气报装"), 5);
    EXPECT_EQ(got.value(QStringLiteral("用水")), 1);
    EXPECT_EQ(got.value(QStringLiteral("用水报装")), 1);
    EXPECT_EQ(got.value(QStringLiteral("用气")), 1);
    EXPECT_EQ(got.value(QStringLiteral("用")), 2);
    EXPECT_EQ(got.value(QStringLiteral("报装")), 2);
    EXPECT_EQ(got.value(QStringLiteral("装表通水")), 1);
    EXPECT_EQ(got.value(QStringLiteral("通水")), 1);
    EXPECT_EQ(got.size(), 7);
}

TEST(CueMatcher, CountsNonOverlappingOccurrencesUpToTheCap) {
    CueMatcher m;
    m.add(QStringLiteral("办办"));
    m.add(QStringLiteral("环节"));
    const QString text = QStringLiteral("办办办办办环节环节环节环节");
    for (int cap : {1, 2, 3, 5}) {
        const QMap<QString, int> got = counts(m, text, cap);
        EXPECT_EQ(got.value(QStringLiteral("办办")), searchCount(text, QStringLiteral("办办"), cap)) << cap;
        EXPECT_EQ(got.value(QStringLiteral("环节")), searchCount(text, QStringLiteral("环节"), cap)) << cap;
    }
    EXPECT_EQ(counts(m, text, 5).value(QStringLiteral("办办")), 2); // 办办|办办|办, not 4 overlapping
    EXPECT_EQ(counts(m, text, 5).value(QStringLiteral("环节")), 4);
}

TEST(CueMatcher, CueAtTheVeryEndAndLongerThanTheRest) {
    CueMatcher m;
    m.add(QStringLiteral("工作日"));
    m.add(QStringLiteral("工作"));
    const QMap<QString, int> got = counts(m, QStringLiteral("3个工作日"), 1);
    EXPECT_EQ(got.value(QStringLiteral("工作日")), 1);
    EXPECT_EQ(got.value(QStringLiteral("工作")), 1);
    EXPECT_TRUE(counts(m, QStringLiteral("3个工"), 1).isEmpty());
}

} // namespace
