// readSplitUnit (a unit broken by a fragment of another column, 个工 + 6．压减市住房 + 作日) looks at the
// first character before it searches the units' pieces; the old function is kept here, and both run on
// generated interleaved texts at every start and limit and must give the same answer, unit and end.
#include "extract/lexicon.h"
#include "extract/quantity.h"
#include "lcg.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

using namespace pc::extract;
using namespace pc::extract::grammar;
using namespace Qt::StringLiterals;

namespace {

// A unit broken by an interleaved fragment: 个工 + 6．压减市住房 + 作日. Only splits whose first part is no
// unit of its own are tried (个 alone is a unit, so 3个环节 is never read as 个…工作日).
bool readSplitUnitBefore(const QString& text, qsizetype i, qsizetype limit, QString* unit, qsizetype* end) {
    static const QList<std::pair<QString, QString>> splittable = {
        {QStringLiteral("个工作日"), QStringLiteral("工作日")},
        {QStringLiteral("工作日"), QStringLiteral("工作日")},
        {QStringLiteral("个百分点"), QStringLiteral("个百分点")},
        {QStringLiteral("个小时"), QStringLiteral("小时")},
        {QStringLiteral("万平方米"), QStringLiteral("万平方米")},
        {QStringLiteral("千伏安"), QStringLiteral("千伏安")},
        {QStringLiteral("人次"), QStringLiteral("人次")}};
    const QStringView rest = QStringView(text).mid(i, limit - i);
    for (const auto& [written, name] : splittable) {
        for (qsizetype k = written.size() - 1; k >= 1; --k) {
            const QStringView head = QStringView(written).left(k);
            const QStringView tail = QStringView(written).mid(k);
            if (head == u"个" || !rest.startsWith(head))
                continue;
            const qsizetype from = k + 1; // at least one foreign character
            const qsizetype at = rest.indexOf(tail, from);
            if (at < 0 || at - k > kMaxFragment)
                continue;
            const QStringView gap = rest.mid(k, at - k);
            if (std::any_of(gap.begin(), gap.end(),
                            [](QChar c) { return isSentenceEnd(c) || c == u'，' || c == u'；'; }))
                continue;
            *unit = name;
            *end = i + at + tail.size();
            return true;
        }
    }
    return false;
}

} // namespace

TEST(SplitUnits, GeneratedTextsAgreeWithTheOldReading) {
    const QStringList pieces = {u"个"_s, u"工"_s, u"作日"_s, u"作"_s,   u"日"_s,     u"百"_s, u"分点"_s,
                                u"小"_s, u"时"_s, u"万"_s,   u"平方"_s, u"米"_s,     u"千"_s, u"伏安"_s,
                                u"人"_s, u"次"_s, u"6．"_s,  u"压减"_s, u"市住房"_s, u"局"_s, u"，"_s,
                                u"。"_s, u"；"_s, u"20"_s,   u"环节"_s, u"以内"_s};
    pc::test::Lcg next(1202);
    int found = 0;
    int calls = 0;
    for (int k = 0; k < 10000; ++k) {
        const QString text = next.words(pieces, 14);
        for (qsizetype i = 0; i <= text.size(); ++i) {
            for (const qsizetype limit : {text.size(), std::min(text.size(), i + 5), i}) {
                QString unit = u"-"_s, unitBefore = u"-"_s;
                qsizetype end = -2, endBefore = -2;
                const bool got = readSplitUnit(text, i, limit, &unit, &end);
                const bool want = readSplitUnitBefore(text, i, limit, &unitBefore, &endBefore);
                ASSERT_EQ(got, want) << "text " << k << " at " << i << " to " << limit << ": "
                                     << qPrintable(text);
                ASSERT_EQ(unit, unitBefore) << qPrintable(text);
                ASSERT_EQ(end, endBefore) << qPrintable(text);
                found += got ? 1 : 0;
                ++calls;
            }
        }
    }
    EXPECT_GT(found, 500);
    EXPECT_GT(calls, 100000);
}

TEST(SplitUnits, HandWrittenFragments) {
    QString unit;
    qsizetype end = -1;
    const QString text = u"20个工6．压减市住房作日以内"_s;
    ASSERT_TRUE(readSplitUnit(text, 2, text.size(), &unit, &end));
    EXPECT_EQ(unit, u"工作日"_s);
    EXPECT_EQ(end, text.indexOf(u"以内"));
    EXPECT_FALSE(readSplitUnit(u"3个环节，工作日办结"_s, 1, 10, &unit, &end)); // a bare 个 reaches no further
    EXPECT_FALSE(readSplitUnit(u"20项工作日"_s, 2, 6, &unit, &end));
}
