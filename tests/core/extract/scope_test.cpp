// cleanScope works on a view of the scope and makes one QString at the end; before, it removed words
// from a QString step by step. The old function is kept here: both run on hand-written scopes and on
// generated ones (dates before and inside, lead words, marks, 由/从 with a prior value, the trailing
// nouns and verbs, spaces, line feeds, lone surrogates, texts over 40 characters) and must agree.
#include "extract/lexicon.h"
#include "extract/numbers.h"
#include "extract/scanners.h"
#include "extract/scope.h"
#include "lcg.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

using namespace pc::extract;
using namespace pc::extract::grammar;
using namespace Qt::StringLiterals;

namespace {

// cleanScope as it was (QString::remove per step).
QString cleanScopeBefore(QStringView s) {
    static const QRegularExpression leadingDate(QStringLiteral(
        "^(?:[0-9０-９]{4}\\s*年(?:[0-9０-９]{1,2}\\s*月)?(?:年?底|末)?(?:前|以前|内)?|今年内|年内|全年)"));
    // The measured noun (办理时限, 审批时间) goes too when a qualifier remains:
    // 高压客户在供电企业(的办电时限); otherwise only the trailing verb (scanners.h).
    // A deadline inside the clause ends whatever came before it (a measure title in a jumbled
    // page, 压减获得用水耗时2020年底前实现…): the scope is what the deadline governs.
    static const QRegularExpression innerDeadline(
        QStringLiteral("[0-9０-９]{4}\\s*年(?:[0-9０-９]{1,2}\\s*月)?(?:年?底|末)?(?:前|以前)"));
    QString out = trimSpaces(s).toString();
    // Each regex runs only where its match is possible: a deadline holds 年 and 前; a leading date
    // starts with a digit, 今, 年 or 全.
    if (out.contains(u'年') && out.contains(u'前')) {
        QRegularExpressionMatch last;
        for (auto it = innerDeadline.globalMatch(out); it.hasNext();)
            last = it.next();
        if (last.hasMatch() && last.capturedStart() > 0 && out.size() - last.capturedEnd() >= 4)
            out.remove(0, last.capturedEnd());
    }
    for (int pass = 0; pass < 3; ++pass) {
        if (!out.isEmpty() && (isArabicDigit(out.front()) || out.front() == u'今' || out.front() == u'年' ||
                               out.front() == u'全'))
            out.remove(leadingDate); // anchored at ^: at most the one match at the start
        while (!out.isEmpty() &&
               (isClauseDelimiter(out.front()) || out.front() == u'、' || out.front() == u'（' ||
                out.front() == u'）' || out.front() == u'(' || out.front() == u')' || isSpace(out.front())))
            out.remove(0, 1);
        QStringView lead;
        if (startsWithAny(out, {u"其中", u"将",   u"对",   u"实现", u"推动", u"推行", u"实行",
                                u"推进", u"做到", u"确保", u"力争", u"争取", u"全面", u"进一步",
                                u"在",   u"使",   u"按照", u"并",   u"和",   u"及",   u"分别"},
                          &lead))
            out.remove(0, lead.size());
    }
    // 由30个工作日减少至 / 初的90多个工作日压缩至: the prior value is no qualifier.
    {
        const qsizetype you = std::max(out.lastIndexOf(u'由'), out.lastIndexOf(u'从'));
        auto digitFrom = [&](qsizetype from) {
            for (qsizetype k = std::max<qsizetype>(0, from); k < out.size(); ++k) {
                if (isArabicDigit(out.at(k)))
                    return k;
            }
            return qsizetype(-1);
        };
        if (you >= 0 && digitFrom(you) >= 0) {
            out.truncate(you);
        } else if (you < 0 && digitFrom(0) >= 0 && out.endsWith(u'至')) {
            qsizetype cut = digitFrom(0);
            while (cut > 0 && !isClauseDelimiter(out.at(cut - 1)) && out.at(cut - 1) != u'的')
                --cut;
            out.truncate(cut);
        }
    }
    // What remove() of the trailing words anchored at the end leaves: the text before them (and a
    // final line feed, which the anchor stops before).
    auto withoutTrailing = [](const QString& t, bool withNoun) {
        const qsizetype from = trailingScopeWordsStart(t, withNoun);
        const qsizetype to = !t.isEmpty() && t.back() == u'\n' ? t.size() - 1 : t.size();
        return from >= to ? t : t.left(from) + QStringView(t).sliced(to);
    };
    const QString shorter = withoutTrailing(out, true);
    if (shorter.size() >= 3)
        out = shorter;
    else
        out = withoutTrailing(out, false);
    while (!out.isEmpty() &&
           (out.back() == u'的' || out.back() == u'、' || out.back() == u'，' || isSpace(out.back())))
        out.chop(1);
    if (out.size() > 40)
        out = out.right(40);
    return out;
}

const QStringList& pieces() {
    static const QStringList p = {
        u"2025年底前"_s,
        u"2024年"_s,
        u"６月"_s,
        u"2023 年 6 月底前"_s,
        u"今年内"_s,
        u"年内"_s,
        u"全年"_s,
        u"2025"_s,
        u"年"_s,
        u"前"_s,
        u"以前"_s,
        u"底"_s,
        u"末"_s,
        u"其中"_s,
        u"将"_s,
        u"实现"_s,
        u"进一步"_s,
        u"在"_s,
        u"分别"_s,
        u"，"_s,
        u"、"_s,
        u"（"_s,
        u"）"_s,
        u"("_s,
        u"；"_s,
        u" "_s,
        u"\u3000"_s,
        u"\n"_s,
        u"由"_s,
        u"从"_s,
        u"30个工作日"_s,
        u"5"_s,
        u"至"_s,
        u"的"_s,
        u"全流程"_s,
        u"平均"_s,
        u"再"_s,
        u"办理时间"_s,
        u"审批时间"_s,
        u"时限"_s,
        u"用时"_s,
        u"压缩至"_s,
        u"控制在"_s,
        u"减少"_s,
        u"企业开办"_s,
        u"不动产登记"_s,
        u"高压客户在供电企业"_s,
        u"办电"_s,
        u"为"_s,
        u"达"_s,
        u"约"_s,
        u"\xd800"_s,
    };
    return p;
}

} // namespace

TEST(Scope, HandWrittenScopesAgreeWithTheOldCleaning) {
    const QStringList scopes = {
        u"高压客户在供电企业的办电时限压减至"_s,
        u"其中，企业开办时间压缩至"_s,
        u"2025年底前，全面实现不动产登记办理时间"_s,
        u"压减获得用水耗时2020年底前实现用水报装全流程时间"_s,
        u"由30个工作日减少至"_s,
        u"初的90多个工作日压缩至"_s,
        u"  企业开办平均再压缩至\n"_s,
        u"的时间"_s,
        u""_s,
        u"进一步进一步进一步进一步将企业开办"_s,
        u"全年工程建设项目审批时间控制在"_s,
    };
    for (const QString& s : scopes)
        EXPECT_EQ(cleanScope(s), cleanScopeBefore(s)) << qPrintable(s);
    EXPECT_EQ(cleanScope(u"其中，企业开办时间压缩至"), u"企业开办"_s);
    EXPECT_EQ(cleanScope(u"高压客户在供电企业的办电时限压减至"), u"高压客户在供电企业"_s);
}

TEST(Scope, GeneratedScopesAgreeWithTheOldCleaning) {
    pc::test::Lcg next(1202);
    int changed = 0;
    int lineFeeds = 0;
    int long40 = 0;
    for (int k = 0; k < 40000; ++k) {
        const QString s = next.words(pieces(), 16);
        const QString want = cleanScopeBefore(s);
        ASSERT_EQ(cleanScope(s), want) << "scope " << k << ": " << qPrintable(s);
        changed += want != s ? 1 : 0;
        lineFeeds += want.endsWith(u'\n') ? 1 : 0;
        long40 += want.size() == 40 ? 1 : 0;
    }
    // The inputs reach every step: over half the scopes are cut, some keep a final line feed, some are cut
    // to 40.
    EXPECT_GT(changed, 20000);
    EXPECT_GT(lineFeeds, 100);
    EXPECT_GT(long40, 100);
}
