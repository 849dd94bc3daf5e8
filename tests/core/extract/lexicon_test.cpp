// containsAny: the one-walk search over short texts answers exactly what a search per word answers.
#include "extract/lexicon.h"

#include <QString>

#include <gtest/gtest.h>

using namespace pc::extract::grammar;

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

} // namespace
