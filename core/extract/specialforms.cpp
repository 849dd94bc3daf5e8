// Targets without a number and unit (see specialforms.h).
#include "specialforms.h"

#include "lexicon.h"
#include "scope.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace pc::extract::grammar {

void addSpecialForms(const QString& text, qsizetype ss, const QString& sentence, int sentenceIndex,
                     const QList<DateMention>& dates, const std::function<bool()>& reporting,
                     QList<TextTarget>& found) {
    auto inDate = [&](qsizetype p) {
        return std::any_of(dates.begin(), dates.end(),
                           [p](const DateMention& d) { return p >= d.start && p < d.end; });
    };
    // Qualitative commitments: 立等可取, 即办即结 — recorded without a value.
    static const QRegularExpression qual(QStringLiteral(
        "立等可取|即办即结|即办即取|当场办结|即来即办|立即办结|即时办结|当日办结|当天办结|即到即办|"
        "一次都不跑|一次不用跑|一次不跑"));
    // Each of those phrases holds 立, 即, 当 or 跑: skip the regex where none occurs.
    const bool mayBeQualitative = containsAny(sentence, {u"立", u"即", u"当", u"跑"});
    // (No match iterator at all otherwise: even an empty one allocates.)
    for (auto qit = mayBeQualitative ? std::optional(qual.globalMatch(sentence)) : std::nullopt;
         qit && qit->hasNext();) {
        const QRegularExpressionMatch m = qit->next();
        TextTarget t;
        t.qualitative = true;
        t.numberStart = ss + m.capturedStart();
        t.numberEnd = ss + m.capturedEnd();
        qsizetype cs = t.numberStart;
        while (cs > ss && !isClauseDelimiter(text.at(cs - 1)))
            --cs;
        t.clauseStart = cs;
        t.quoteStart = std::max(cs, t.numberStart - 8);
        t.quoteEnd = t.numberEnd;
        t.kind = QStringLiteral("level");
        t.sentence = sentence;
        t.sentenceIndex = sentenceIndex;
        t.before = text.mid(cs, t.numberStart - cs);
        t.scope = cleanScope(QStringView(text).mid(cs, t.numberStart - cs));
        t.confidence = 0.8;
        for (const DateMention& d : dates) {
            if (!d.yearMonth.isEmpty() && d.end <= t.numberStart)
                t.deadline = d.yearMonth;
        }
        found << t;
    }
    // 0材料、0费用 / 实现零跑动: a zero of something is a target of its own (unit: the noun).
    // 零材料提交事项 (a name), “零投资” and “三零” (quoted service slogans) are not.
    static const QRegularExpression zero(
        QStringLiteral("(?<![0-9０-９零一二三四五六七八九十百“\"])(?:零|0|０)(材料|费用|成本|跑动|跑腿|"
                       "上门|审批|投资|见面|证明|收费)"
                       "(?=[、，。；和及）)]|$)"));
    // 压缩一半以上: a cut of half, unless it restates a change read in the same sentence.
    static const QRegularExpression half(
        QStringLiteral("(?:压缩|减少|压减|缩短|降低|缩减|精简|减)[\\p{Han}]{0,4}?了?(一半)(以上)?"));
    const bool restates =
        std::any_of(found.begin(), found.end(), [](const TextTarget& t) { return t.baseline.has_value(); });
    auto addSpecial = [&](const QRegularExpressionMatch& m, int group, double value, const QString& unit,
                          const QString& comparator, const QString& kind) {
        TextTarget t;
        t.numberStart = ss + m.capturedStart();
        t.numberEnd = ss + m.capturedEnd();
        qsizetype cs = ss + m.capturedStart(group);
        while (cs > ss && !isClauseDelimiter(text.at(cs - 1)))
            --cs;
        t.clauseStart = cs;
        t.quoteStart = std::max(cs, t.numberStart - 8);
        t.quoteEnd = t.numberEnd;
        t.value = value;
        t.unit = unit;
        t.comparator = comparator;
        t.kind = kind;
        t.sentence = sentence;
        t.sentenceIndex = sentenceIndex;
        t.before = text.mid(cs, t.numberStart - cs);
        t.after = unit;
        t.scope = cleanScope(QStringView(text).mid(cs, t.numberStart - cs));
        t.confidence = 0.75;
        for (const DateMention& d : dates) {
            if (!d.yearMonth.isEmpty() && d.end <= t.numberStart)
                t.deadline = d.yearMonth;
        }
        found << t;
    };
    qsizetype zeroEnd = -1;
    qsizetype zeroScopeEnd = -1;
    const bool mayHaveZero = containsAny(sentence, {u"零", u"0", u"０"});
    for (auto it = mayHaveZero ? std::optional(zero.globalMatch(sentence)) : std::nullopt;
         it && it->hasNext();) {
        const QRegularExpressionMatch m = it->next();
        if (inDate(ss + m.capturedStart()))
            continue;
        // 0材料、0费用、0跑腿: the items of one list share the words before the list.
        const bool listed = zeroEnd >= 0 && m.capturedStart() - zeroEnd <= 1;
        if (!listed)
            zeroScopeEnd = ss + m.capturedStart();
        zeroEnd = m.capturedEnd();
        addSpecial(m, 0, 0, m.captured(1), QStringLiteral("="), QStringLiteral("level"));
        TextTarget& t = found.last();
        t.scope = cleanScope(QStringView(text).mid(t.clauseStart, zeroScopeEnd - t.clauseStart));
        t.before = text.mid(t.clauseStart, zeroScopeEnd - t.clauseStart);
    }
    if (!restates && sentence.contains(QStringLiteral("一半")) && !reporting()) {
        for (auto it = half.globalMatch(sentence); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            addSpecial(m, 0, 50, QStringLiteral("%"),
                       m.capturedLength(2) > 0 ? QStringLiteral(">=") : QStringLiteral("="),
                       QStringLiteral("reduce_by"));
        }
    }
}

} // namespace pc::extract::grammar
