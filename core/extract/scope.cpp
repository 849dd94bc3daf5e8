// Scopes (see scope.h).
#include "scope.h"

#include "lexicon.h"
#include "numbers.h"
#include "scanners.h"

#include <QRegularExpression>

#include <algorithm>

namespace pc::extract::grammar {

namespace {

// The last steps on what is left: no trailing 的, list or clause mark or space; at most 40 characters.
template <typename Text> Text finished(Text out) {
    while (!out.isEmpty() &&
           (out.back() == u'的' || out.back() == u'、' || out.back() == u'，' || isSpace(out.back())))
        out.chop(1);
    if (out.size() > 40)
        out = out.right(40);
    return out;
}

} // namespace

// Every step cuts at the front or the back of what is left, so the scope is a view into `s` until
// the end (one QString made per scope; a copy per removal before). The one exception: trailing words
// cut before a final line feed keep the line feed (as the anchored expression did), which is then
// put back.
QString cleanScope(QStringView s) {
    static const QRegularExpression leadingDate(QStringLiteral(
        "^(?:[0-9０-９]{4}\\s*年(?:[0-9０-９]{1,2}\\s*月)?(?:年?底|末)?(?:前|以前|内)?|今年内|年内|全年)"));
    // The measured noun (办理时限, 审批时间) goes too when a qualifier remains:
    // 高压客户在供电企业(的办电时限); otherwise only the trailing verb (scanners.h).
    // A deadline inside the clause ends whatever came before it (a measure title in a jumbled
    // page, 压减获得用水耗时2020年底前实现…): the scope is what the deadline governs.
    static const QRegularExpression innerDeadline(
        QStringLiteral("[0-9０-９]{4}\\s*年(?:[0-9０-９]{1,2}\\s*月)?(?:年?底|末)?(?:前|以前)"));
    QStringView out = trimSpaces(s);
    // Each regex runs only where its match is possible: a deadline holds 年 and 前; a leading date
    // starts with a digit, 今, 年 or 全.
    if (out.contains(u'年') && out.contains(u'前')) {
        QRegularExpressionMatch last;
        for (auto it = innerDeadline.globalMatch(out); it.hasNext();)
            last = it.next();
        if (last.hasMatch() && last.capturedStart() > 0 && out.size() - last.capturedEnd() >= 4)
            out = out.sliced(last.capturedEnd());
    }
    for (int pass = 0; pass < 3; ++pass) {
        if (!out.isEmpty() && (isArabicDigit(out.front()) || out.front() == u'今' || out.front() == u'年' ||
                               out.front() == u'全')) {
            // Anchored at ^: at most the one match at the start (what remove() took away).
            const QRegularExpressionMatch m = leadingDate.match(out);
            if (m.hasMatch())
                out = out.sliced(m.capturedEnd());
        }
        while (!out.isEmpty() &&
               (isClauseDelimiter(out.front()) || out.front() == u'、' || out.front() == u'（' ||
                out.front() == u'）' || out.front() == u'(' || out.front() == u')' || isSpace(out.front())))
            out = out.sliced(1);
        QStringView lead;
        if (startsWithAny(out, {u"其中", u"将",   u"对",   u"实现", u"推动", u"推行", u"实行",
                                u"推进", u"做到", u"确保", u"力争", u"争取", u"全面", u"进一步",
                                u"在",   u"使",   u"按照", u"并",   u"和",   u"及",   u"分别"},
                          &lead))
            out = out.sliced(lead.size());
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
    struct Cut {
        QStringView head;
        bool lineFeed; // a final line feed follows head
        qsizetype size() const { return head.size() + (lineFeed ? 1 : 0); }
    };
    auto withoutTrailing = [](QStringView t, bool withNoun) {
        const qsizetype from = trailingScopeWordsStart(t, withNoun);
        const qsizetype to = !t.isEmpty() && t.back() == u'\n' ? t.size() - 1 : t.size();
        return from >= to ? Cut{t, false} : Cut{t.left(from), to < t.size()};
    };
    Cut cut = withoutTrailing(out, true);
    if (cut.size() < 3)
        cut = withoutTrailing(out, false);
    if (cut.lineFeed)
        return finished(QString(cut.head.toString() + u'\n'));
    return finished(cut.head).toString();
}

} // namespace pc::extract::grammar
