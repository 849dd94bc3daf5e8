// The one-pass cue search counts what a search per cue (repeated indexOf from the end of the last hit)
// would count, for cues of one, two and more characters that share their first characters.
#include "lcg.h"
#include "taxonomy/cuematcher.h"

#include <gtest/gtest.h>

#include <QMap>
#include <QStringList>

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

// Many cues over a small alphabet (so cues share first and second characters and the pair table grows
// several times), random texts: every cue's count is what repeated indexOf counts, and the hits come in
// the order of their first occurrence (one-character cues before longer ones at the same place).
TEST(CueMatcher, AgreesWithASearchPerCueOnGeneratedCuesAndTexts) {
    const QString alphabet = QStringLiteral("用水报装时限办理电气网工日天个%");
    pc::test::Lcg next(12345);
    CueMatcher m;
    QStringList cues;
    for (int i = 0; i < 400; ++i) {
        QString cue;
        const int len = 1 + int(next(5));
        for (int k = 0; k < len; ++k)
            cue += alphabet.at(next(quint32(alphabet.size())));
        const int id = m.add(cue);
        if (id == cues.size())
            cues << cue;
        ASSERT_EQ(m.cue(id), cue);
    }
    ASSERT_GT(cues.size(), 200);
    int found = 0;
    for (int round = 0; round < 60; ++round) {
        QString text;
        const int len = int(next(120));
        for (int k = 0; k < len; ++k)
            text += (next(9) == 0 ? QChar(u'x') : alphabet.at(next(quint32(alphabet.size()))));
        const int cap = 1 + int(next(4));
        const CueMatcher::Hits hits = m.find(text, cap);
        QMap<QString, int> got;
        qsizetype lastFirst = -1;
        int lastLen = 0;
        for (const CueMatcher::Hit& h : hits) {
            const QString& cue = m.cue(h.cue);
            ASSERT_FALSE(got.contains(cue)) << cue.toStdString();
            got.insert(cue, h.count);
            const qsizetype first = text.indexOf(cue);
            ASSERT_GE(first, lastFirst) << cue.toStdString() << " in " << text.toStdString();
            if (first == lastFirst && lastLen > 1) {
                ASSERT_GT(cue.size(), 1) << cue.toStdString();
            }
            lastFirst = first;
            lastLen = int(cue.size());
        }
        for (const QString& cue : cues) {
            const int want = searchCount(text, cue, cap);
            ASSERT_EQ(got.value(cue), want) << cue.toStdString() << " in " << text.toStdString();
            found += want;
        }
    }
    EXPECT_GT(found, 1000);
}

} // namespace

namespace {

// The hits a scan that tries every cue at every place gives, in the order the classifier's sums
// depend on: by place, one-character cues first, then longer ones, each in adding order.
CueMatcher::Hits naiveHits(const QStringList& cues, const QString& text, int cap) {
    CueMatcher::Hits out;
    QMap<int, int> slot;
    for (qsizetype i = 0; i < text.size(); ++i) {
        for (int pass = 0; pass < 2; ++pass) {
            for (int id = 0; id < cues.size(); ++id) {
                const QString& c = cues.at(id);
                if (c.isEmpty() || (pass == 0) != (c.size() == 1) || !QStringView(text).mid(i).startsWith(c))
                    continue;
                const qsizetype end = i + c.size();
                if (!slot.contains(id)) {
                    slot.insert(id, int(out.size()));
                    out.append(CueMatcher::Hit{id, 1, end});
                } else {
                    CueMatcher::Hit& h = out[slot.value(id)];
                    if (i >= h.lastEnd && h.count < cap) {
                        ++h.count;
                        h.lastEnd = end;
                    }
                }
            }
        }
    }
    return out;
}

// Whether `got` holds exactly `want`'s hits in the same order (cue, count, end); the first difference
// otherwise. Adds the hits compared to `*compared`.
::testing::AssertionResult sameHits(const CueMatcher::Hits& got, const CueMatcher::Hits& want,
                                    int* compared) {
    if (got.size() != want.size())
        return ::testing::AssertionFailure() << got.size() << " hits instead of " << want.size();
    for (qsizetype k = 0; k < got.size(); ++k) {
        if (got[k].cue != want[k].cue || got[k].count != want[k].count || got[k].lastEnd != want[k].lastEnd)
            return ::testing::AssertionFailure()
                   << "hit " << k << ": cue " << got[k].cue << " ×" << got[k].count << " ending "
                   << got[k].lastEnd << " instead of cue " << want[k].cue << " ×" << want[k].count
                   << " ending " << want[k].lastEnd;
        ++*compared;
    }
    return ::testing::AssertionSuccess();
}

// Exactly the same hits, in the same order, with the same counts and ends, as the scan above: cues
// that share first characters, characters that collide in the tables, U+0000 and U+FFFF, cues as long
// as the text and longer.
TEST(CueMatcher, HitsAreExactlyThoseOfAScanOfEveryCueAtEveryPlace) {
    QString alphabet = QStringLiteral("用水报装电气网工日天个%a");
    alphabet += QChar(0xFFFF);
    alphabet += QChar(0x0000);
    alphabet += QChar(0x4E00 + 4096); // shares the low bits of 一 (U+4E00)
    alphabet += QChar(0x4E00);
    pc::test::Lcg next(777);
    CueMatcher m;
    QStringList cues;
    for (int i = 0; i < 300; ++i) {
        QString cue;
        const int len = 1 + int(next(i % 50 == 0 ? 12 : 4));
        for (int k = 0; k < len; ++k)
            cue += alphabet.at(next(quint32(alphabet.size())));
        const int id = m.add(cue);
        if (id == cues.size())
            cues << cue;
    }
    m.add(QString());
    cues << QString();
    int compared = 0;
    for (int round = 0; round < 300; ++round) {
        QString text;
        const int len = int(next(60));
        for (int k = 0; k < len; ++k)
            text += alphabet.at(next(quint32(alphabet.size())));
        const int cap = 1 + int(next(4));
        ASSERT_TRUE(sameHits(m.find(text, cap), naiveHits(cues, text, cap), &compared)) << "round " << round;
    }
    EXPECT_GT(compared, 2000);
}

// Thousands of cues over hundreds of characters: the two-character filter has set bits that belong to
// other pairs (and one-character cues set their own), so many places pass the filter without a cue
// starting there. The hits stay exactly the scan's.
TEST(CueMatcher, HitsStayTheScansWhenTheFirstTwoCharacterFilterIsCrowded) {
    pc::test::Lcg next(4242);
    auto character = [&] { return QChar(char16_t(0x4E00 + next(400))); };
    CueMatcher m;
    QStringList cues;
    for (int i = 0; i < 4000; ++i) {
        QString cue;
        const int len = i % 97 == 0 ? 1 : 2 + int(next(3));
        for (int k = 0; k < len; ++k)
            cue += character();
        if (m.add(cue) == cues.size())
            cues << cue;
    }
    int compared = 0;
    for (int round = 0; round < 40; ++round) {
        QString text;
        for (int k = 0; k < 400; ++k)
            text += character();
        ASSERT_TRUE(sameHits(m.find(text, 3), naiveHits(cues, text, 3), &compared)) << "round " << round;
    }
    EXPECT_GT(compared, 1000);
}

} // namespace
