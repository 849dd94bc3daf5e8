// Targets without a number and unit (see specialforms.h).
#include "specialforms.h"

#include "lexicon.h"
#include "scanners.h"
#include "scope.h"

#include <QRegularExpression>

#include <algorithm>

namespace pc::extract::grammar {

void addSpecialForms(const QString& text, qsizetype ss, QStringView sentence, int sentenceIndex,
                     const QList<DateMention>& dates, const std::function<bool()>& reporting,
                     QList<TextTarget>& found, unsigned forms) {
    // The sentence as a string only when a form is found (most sentences hold none).
    QString sentenceText;
    auto sentenceString = [&]() -> const QString& {
        if (sentenceText.isNull())
            sentenceText = sentence.toString();
        return sentenceText;
    };
    auto inDate = [&](qsizetype p) {
        return std::any_of(dates.begin(), dates.end(),
                           [p](const DateMention& d) { return p >= d.start && p < d.end; });
    };
    // Qualitative commitments: 立等可取, 即办即结 — recorded without a value (a scanner, see scanners.h).
    const QList<ScanMatch> qualitative =
        forms & MayBeQualitative ? findQualitativePhrases(sentence) : QList<ScanMatch>();
    for (const ScanMatch& m : qualitative) {
        TextTarget t;
        t.qualitative = true;
        t.numberStart = ss + m.start;
        t.numberEnd = ss + m.end;
        qsizetype cs = t.numberStart;
        while (cs > ss && !isClauseDelimiter(text.at(cs - 1)))
            --cs;
        t.clauseStart = cs;
        t.quoteStart = std::max(cs, t.numberStart - 8);
        t.quoteEnd = t.numberEnd;
        t.kind = QStringLiteral("level");
        t.sentence = sentenceString();
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
    // 压缩一半以上: a cut of half, unless it restates a change read in the same sentence.
    static const QRegularExpression half(
        QStringLiteral("(?:压缩|减少|压减|缩短|降低|缩减|精简|减)[\\p{Han}]{0,4}?了?(一半)(以上)?"));
    const bool restates =
        std::any_of(found.cbegin(), found.cend(), [](const TextTarget& t) { return t.baseline.has_value(); });
    auto addSpecial = [&](qsizetype start, qsizetype end, double value, const QString& unit,
                          const QString& comparator, const QString& kind) {
        TextTarget t;
        t.numberStart = ss + start;
        t.numberEnd = ss + end;
        qsizetype cs = ss + start;
        while (cs > ss && !isClauseDelimiter(text.at(cs - 1)))
            --cs;
        t.clauseStart = cs;
        t.quoteStart = std::max(cs, t.numberStart - 8);
        t.quoteEnd = t.numberEnd;
        t.value = value;
        t.unit = unit;
        t.comparator = comparator;
        t.kind = kind;
        t.sentence = sentenceString();
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
    // 0材料、0费用 / 实现零跑动: a zero of something is a target of its own (unit: the noun).
    // 零材料提交事项 (a name), “零投资” and “三零” (quoted service slogans) are not (see scanners.h).
    const QList<ScanMatch> zeros = forms & MayBeZero ? findZeroForms(sentence) : QList<ScanMatch>();
    for (const ScanMatch& m : zeros) {
        if (inDate(ss + m.start))
            continue;
        // 0材料、0费用、0跑腿: the items of one list share the words before the list.
        const bool listed = zeroEnd >= 0 && m.start - zeroEnd <= 1;
        if (!listed)
            zeroScopeEnd = ss + m.start;
        zeroEnd = m.end;
        addSpecial(m.start, m.end, 0, sentence.mid(m.groupStart, m.groupEnd - m.groupStart).toString(),
                   QStringLiteral("="), QStringLiteral("level"));
        TextTarget& t = found.last();
        t.scope = cleanScope(QStringView(text).mid(t.clauseStart, zeroScopeEnd - t.clauseStart));
        t.before = text.mid(t.clauseStart, zeroScopeEnd - t.clauseStart);
    }
    if ((forms & MayBeHalf) && !restates && sentence.contains(u"一半") && !reporting()) {
        for (auto it = half.globalMatch(sentenceString()); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            addSpecial(m.capturedStart(), m.capturedEnd(), 50, QStringLiteral("%"),
                       m.capturedLength(2) > 0 ? QStringLiteral(">=") : QStringLiteral("="),
                       QStringLiteral("reduce_by"));
        }
    }
}

} // namespace pc::extract::grammar
