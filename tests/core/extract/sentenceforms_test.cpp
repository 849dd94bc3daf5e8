// The sentence splitter notes which special forms (立等可取, 0材料, 压缩一半) a sentence's characters
// allow, and addSpecialForms runs only the scanners those notes allow. Gated or not, the targets must be
// the same: both run on hand-written and generated sentences, and a text of many sentences gives what
// each of its sentences gives alone.
#include "extract/dates.h"
#include "extract/specialforms.h"
#include "extract/targetgrammar.h"
#include "lcg.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

using namespace pc::extract;
using namespace pc::extract::grammar;
using namespace Qt::StringLiterals;

namespace {

// What splitSentences notes for a sentence standing alone.
unsigned formsOf(QStringView s) {
    unsigned forms = 0;
    for (qsizetype i = 0; i < s.size(); ++i)
        forms |= sentenceFormsOf(s.at(i).unicode(), i + 1 < s.size() ? s.at(i + 1).unicode() : 0);
    return forms;
}

QList<TextTarget> specialForms(const QString& sentence, unsigned forms) {
    QList<TextTarget> found;
    addSpecialForms(
        sentence, 0, sentence, 0, {}, [] { return false; }, found, forms);
    return found;
}

// The words of the special forms, their pieces and near misses, and words around them.
const QStringList& pieces() {
    static const QStringList p = {
        u"立等可取"_s, u"即办即结"_s, u"当场办结"_s, u"当天办结"_s, u"一次不跑"_s, u"一次都不跑"_s, u"立"_s,
        u"即"_s,       u"当"_s,       u"一"_s,       u"等"_s,       u"办"_s,       u"次"_s,         u"天"_s,
        u"日"_s,       u"场"_s,       u"零"_s,       u"0"_s,        u"０"_s,       u"材料"_s,       u"费用"_s,
        u"跑腿"_s,     u"上门"_s,     u"审批"_s,     u"、"_s,       u"，"_s,       u"和"_s,         u"）"_s,
        u"压缩"_s,     u"减少"_s,     u"一半"_s,     u"半"_s,       u"以上"_s,     u"了"_s,         u"实现"_s,
        u"企业"_s,     u"办理时间"_s, u"3"_s,        u"个工作日"_s, u"“"_s,        u"”"_s,          u" "_s,
    };
    return p;
}

} // namespace

TEST(SentenceForms, HandWrittenSentencesNoteWhatTheirFormsNeed) {
    EXPECT_EQ(formsOf(u"企业开办立等可取"), unsigned(MayBeQualitative));
    EXPECT_EQ(formsOf(u"实现0材料、0费用"), unsigned(MayBeZero));
    EXPECT_EQ(formsOf(u"审批时间压缩一半以上"), unsigned(MayBeHalf));
    EXPECT_EQ(formsOf(u"一批企业办理时间缩短"), 0u); // 一 not followed by a phrase's second character
    EXPECT_EQ(formsOf(u"零跑腿，一次不跑，压缩一半"), unsigned(MayBeQualitative | MayBeZero | MayBeHalf));
    EXPECT_EQ(formsOf(u"2025年底前零跑腿，一次不跑，压缩一半"), unsigned(AllForms));
    EXPECT_EQ(formsOf(u"6月底前完成"), unsigned(MayHaveDate));
    EXPECT_EQ(formsOf(u"年内完成"), unsigned(MayHaveDate));
    for (const QString& s : {u"企业开办立等可取"_s, u"实现0材料、0费用"_s, u"审批时间压缩一半以上"_s,
                             u"零跑腿，一次不跑，压缩一半"_s, u"2025年底前零跑腿，一次不跑，压缩一半"_s}) {
        const QList<TextTarget> all = specialForms(s, AllForms);
        EXPECT_FALSE(all.isEmpty()) << qPrintable(s);
        EXPECT_EQ(specialForms(s, formsOf(s)), all) << qPrintable(s);
        EXPECT_TRUE(specialForms(s, 0).isEmpty()) << qPrintable(s); // a clear bit looks for nothing
    }
    EXPECT_EQ(specialForms(u"实现0材料、0费用"_s, AllForms).size(), 2);
}

TEST(SentenceForms, GatedScannersFindWhatUngatedOnesFind) {
    pc::test::Lcg next(20261202);
    int withTargets = 0;
    int gatedOff = 0;
    for (int k = 0; k < 30000; ++k) {
        const QString s = next.words(pieces(), 14);
        const unsigned forms = formsOf(s);
        const QList<TextTarget> all = specialForms(s, AllForms);
        ASSERT_EQ(specialForms(s, forms), all) << "sentence " << k << ": " << qPrintable(s);
        withTargets += all.isEmpty() ? 0 : 1;
        gatedOff += forms == AllForms ? 0 : 1;
    }
    // The inputs exercise both sides: many sentences hold forms, many skip a scanner.
    EXPECT_GT(withTargets, 3000);
    EXPECT_GT(gatedOff, 10000);
}

TEST(SentenceForms, ATextOfManySentencesGivesWhatEachSentenceGives) {
    static const QStringView kEnds = u"。！？!?\n\r\t";
    pc::test::Lcg next(7);
    for (int k = 0; k < 2000; ++k) {
        QStringList sentences;
        const int count = 2 + int(next(5));
        for (int j = 0; j < count; ++j)
            sentences << next.words(pieces(), 10) + kEnds[next(quint32(kEnds.size()))]; // every end mark
        const QList<TextTarget> joined = extractTextTargets(sentences.join(QString()));
        QList<TextTarget> each;
        qsizetype offset = 0;
        int index = 0;
        for (const QString& s : std::as_const(sentences)) {
            for (TextTarget t : extractTextTargets(s)) {
                for (qsizetype* p :
                     {&t.quoteStart, &t.quoteEnd, &t.numberStart, &t.numberEnd, &t.clauseStart})
                    *p += offset;
                t.sentenceIndex = index;
                each << t;
            }
            offset += s.size();
            ++index;
        }
        ASSERT_EQ(joined.size(), each.size())
            << "text " << k << ": " << qPrintable(sentences.join(QString()));
        for (qsizetype i = 0; i < joined.size(); ++i)
            ASSERT_EQ(joined.at(i), each.at(i)) << "text " << k << ", target " << i;
    }
}

namespace {

// Dates and their pieces (every form of dates.h and near misses), numbers, units and sentence breaks.
const QStringList& datePieces() {
    static const QStringList p = {
        u"2025"_s, u"２０２４"_s, u"年"_s,        u"月"_s,   u"日"_s,   u"底"_s,   u"前"_s,
        u"以前"_s, u"内"_s,       u"年底"_s,      u"年内"_s, u"全年"_s, u"今年"_s, u"明年"_s,
        u"次年"_s, u"本年"_s,     u"上半年"_s,    u"6"_s,    u"12"_s,   u"末"_s,   u"季度"_s,
        u"完成"_s, u"压缩至"_s,   u"3个工作日"_s, u"零"_s,   u"立即"_s, u"一半"_s, u"（2）"_s,
        u"(3)"_s,  u"（"_s,       u"。"_s,        u"\n"_s,   u"，"_s,   u" "_s,
    };
    return p;
}

} // namespace

// The splitter's notes are what the sentence's characters allow, one by one: every range of a generated
// text (ends, sub-item markers, date words, the special forms' characters) against formsOf.
TEST(SentenceForms, SplitterNotesWhatEachSentencesCharactersAllow) {
    pc::test::Lcg next(1202);
    int withDate = 0;
    int without = 0;
    for (int k = 0; k < 20000; ++k) {
        const QString text = next.words(k % 2 ? datePieces() : pieces(), 24);
        const QList<SentenceRange> ranges = splitSentences(text);
        qsizetype at = 0;
        for (const SentenceRange& r : ranges) {
            ASSERT_EQ(r.start, at) << "text " << k << ": " << qPrintable(text);
            ASSERT_GT(r.end, r.start);
            const QStringView sentence = QStringView(text).mid(r.start, r.end - r.start);
            ASSERT_EQ(r.forms, formsOf(sentence)) << "text " << k << ": " << qPrintable(sentence.toString());
            (r.forms & MayHaveDate ? withDate : without) += 1;
            at = r.end;
        }
        ASSERT_EQ(at, text.size());
    }
    EXPECT_GT(withDate, 10000);
    EXPECT_GT(without, 10000);
}

// The grammar looks for dates only where the splitter noted 年 or 月: a sentence without the note has
// none (findDates on generated sentences, with and without the characters).
TEST(SentenceForms, DatesOnlyWhereTheSplitterNotesThem) {
    pc::test::Lcg next(2025);
    int dated = 0;
    for (int k = 0; k < 30000; ++k) {
        const QString s = next.words(datePieces(), 12);
        const QList<DateMention> dates = findDates(s, 0, s.size(), 2024);
        if (!(formsOf(s) & MayHaveDate)) {
            ASSERT_TRUE(dates.isEmpty()) << qPrintable(s);
        }
        dated += dates.isEmpty() ? 0 : 1;
    }
    EXPECT_GT(dated, 5000);
}
