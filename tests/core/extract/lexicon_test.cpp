// containsAny: the one-walk search over short texts answers exactly what a search per word answers.
#include "extract/cuewords.h"
#include "extract/lexicon.h"
#include "lcg.h"

#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

using namespace pc::extract::grammar;
using namespace Qt::StringLiterals;

namespace {

bool containsAnyByWord(QStringView s, std::initializer_list<QStringView> words) {
    for (QStringView w : words) {
        if (s.contains(w))
            return true;
    }
    return false;
}

TEST(Lexicon, ContainsAnyFindsWordsAtEveryPlace) {
    EXPECT_TRUE(containsAny(u"已于2020年完成", {u"已经", u"已于"}));        // at the start
    EXPECT_TRUE(containsAny(u"办理时限压缩至5个工作日", {u"工作日"}));      // at the end
    EXPECT_TRUE(containsAny(u"只需一份材料", {u"最多", u"只要", u"只需"})); // the last word
    EXPECT_FALSE(containsAny(u"办理时限压缩至5个工作日", {u"已于", u"已经", u"已在"}));
    EXPECT_FALSE(containsAny(u"工作", {u"工作日"})); // a word longer than what is left
    EXPECT_FALSE(containsAny(u"", {u"零"}));
    EXPECT_TRUE(containsAny(u"abc", {u"x", u""})); // the empty word, as contains()
    EXPECT_FALSE(containsAny(u"abc", {}));
}

TEST(Lexicon, ContainsAnyAgreesWithASearchPerWordOnShortAndLongTexts) {
    const QString base = QStringLiteral("企业开办时间压缩至1个工作日以内，已经实现全程网办；只需一份材料。");
    const std::initializer_list<QStringView> words = {u"已于", u"已经",   u"只需",   u"以内", u"网办；只",
                                                      u"内，", u"材料。", u"不动产", u"零"};
    int checked = 0;
    int found = 0;
    for (int copies = 1; copies <= 3; ++copies) { // up to 105 characters: both search paths
        const QString text = base.repeated(copies);
        for (qsizetype from = 0; from < text.size(); ++from) {
            for (qsizetype len = 0; from + len <= text.size(); len += 3) {
                const QStringView s = QStringView(text).mid(from, len);
                for (QStringView w : words) {
                    ASSERT_EQ(containsAny(s, {w}), containsAnyByWord(s, {w}))
                        << s.toString().toStdString() << " / " << w.toString().toStdString();
                }
                const bool any = containsAny(s, words);
                ASSERT_EQ(any, containsAnyByWord(s, words)) << s.toString().toStdString();
                ++checked;
                found += any;
            }
        }
    }
    EXPECT_GT(checked, 1000);
    EXPECT_GT(found, 100);
    EXPECT_LT(found, checked); // both answers occur
}

// Long texts (over 48 characters) are walked once with a table of the words' first characters by their
// low eight bits: generated sentences of the statistic and past words, their pieces and characters
// that share a first character's low bits (个 and 截, 乙 and 以 …) answer what a search per word answers.
TEST(Lexicon, ContainsAnyAgreesWithASearchPerWordOnGeneratedLongTexts) {
    QStringList pieces;
    for (QStringView w : pc::extract::grammar::kStatisticWords) {
        pieces << w.toString() << w.left(1).toString() << w.mid(1).toString();
    }
    for (QStringView w : pc::extract::grammar::kPastWords)
        pieces << w.left(1).toString() << w.mid(1).toString();
    pieces << u"个"_s << u"乙"_s << u"企业"_s << u"办理时限"_s << u"，"_s << u"。"_s << u"5"_s << u"已"_s;
    pc::test::Lcg next(48);
    int found = 0;
    int checked = 0;
    for (int k = 0; k < 20000; ++k) {
        const QString text = next.words(pieces, 60);
        if (text.size() <= 48)
            continue;
        for (const auto& words : {pc::extract::grammar::kStatisticWords, pc::extract::grammar::kPastWords}) {
            const bool any = containsAny(text, words);
            ASSERT_EQ(any, containsAnyByWord(text, words)) << "text " << k << ": " << qPrintable(text);
            found += any;
            ++checked;
        }
    }
    EXPECT_GT(checked, 10000);
    EXPECT_GT(found, 1000);
    EXPECT_LT(found, checked - 1000);
}

// Short texts (clauses, cue windows) against the grammar's word lists, with the table of first
// characters for lists of more than two words: generated clauses of the predicates, result verbs,
// plan-structure and money words, their pieces and characters sharing a first character's low eight
// bits, every length from 0 to 48, answer what a search per word answers.
TEST(Lexicon, ContainsAnyAgreesWithASearchPerWordOnGeneratedShortTexts) {
    const std::initializer_list<std::initializer_list<QStringView>> lists = {
        kFarPredicates, kNearPredicates, kResultVerbs, kListPredicates, kPlanStructure, kMoneyPredicates};
    QStringList pieces;
    for (const auto& list : lists) {
        for (QStringView w : list)
            pieces << w.toString() << w.left(1).toString() << w.mid(1).toString();
    }
    // Characters whose low eight bits equal a word's first character's (not the character itself).
    for (QStringView w : kFarPredicates)
        pieces << QString(QChar(char16_t((w.front().unicode() & 0xff) | 0x4e00)));
    pieces << u"企业"_s << u"办理时限"_s << u"，"_s << u"5"_s << u"个"_s;
    pc::test::Lcg next(1202);
    int found = 0;
    int checked = 0;
    for (int k = 0; k < 30000; ++k) {
        QString text = next.words(pieces, 12);
        text.truncate(qsizetype(next(49)));
        for (const auto& words : lists) {
            const bool any = containsAny(text, words);
            ASSERT_EQ(any, containsAnyByWord(text, words)) << "text " << k << ": " << qPrintable(text);
            // Two words or fewer take the walk without the table.
            const std::initializer_list<QStringView> two = {*words.begin(), *(words.begin() + 1)};
            ASSERT_EQ(containsAny(text, two), containsAnyByWord(text, two)) << qPrintable(text);
            found += any;
            ++checked;
        }
    }
    EXPECT_GT(found, 20000);
    EXPECT_LT(found, checked - 20000);
}

// startsWithAny / endsWithAny compare in place: they answer what QStringView::startsWith / endsWith
// answer word by word, and name the same (first) word, on generated texts and words of every length,
// the empty text and the empty word included.
TEST(Lexicon, StartsAndEndsWithAnyAgreeWithQStringView) {
    const QStringList pieces = {u"个"_s, u"工作日"_s, u"%"_s,  u"元/吨"_s,
                                u"元"_s, u"以内"_s,   u"至"_s, u"办结"_s};
    const std::initializer_list<QStringView> words = {u"个工作日", u"工作日", u"%",  u"元/吨",
                                                      u"元",       u"以内",   u"至", u"内"};
    pc::test::Lcg next(3);
    int starts = 0;
    int ends = 0;
    for (int k = 0; k < 20000; ++k) {
        const QString text = next.words(pieces, 5);
        QStringView want;
        bool wantStart = false;
        for (QStringView w : words) {
            if (QStringView(text).startsWith(w)) {
                wantStart = true;
                want = w;
                break;
            }
        }
        QStringView got;
        ASSERT_EQ(startsWithAny(text, words, &got), wantStart) << qPrintable(text);
        EXPECT_EQ(got, want) << qPrintable(text);
        QStringView wantEndWord;
        bool wantEnd = false;
        for (QStringView w : words) {
            if (QStringView(text).endsWith(w)) {
                wantEnd = true;
                wantEndWord = w;
                break;
            }
        }
        QStringView gotEnd;
        ASSERT_EQ(endsWithAny(text, words, &gotEnd), wantEnd) << qPrintable(text);
        EXPECT_EQ(gotEnd, wantEndWord) << qPrintable(text);
        starts += wantStart;
        ends += wantEnd;
    }
    EXPECT_GT(starts, 5000);
    EXPECT_GT(ends, 5000);
    EXPECT_TRUE(startsWithAny(u"", {u"x", u""}));
    EXPECT_FALSE(startsWithAny(u"", {u"x"}));
    EXPECT_TRUE(endsWithAny(u"abc", {u""}));
    EXPECT_FALSE(endsWithAny(u"bc", {u"abc"}));
}

} // namespace
