// Numbers with units (see quantity.h).
#include "quantity.h"

#include "lexicon.h"

#include "model/unitclass.h"

#include <QHash>

#include <algorithm>

namespace pc::extract::grammar {

// See quantity.h. A unit broken by an interleaved fragment: 个工 + 6．压减市住房 + 作日. Only splits whose
// first part is no unit of its own are tried (个 alone is a unit, so 3个环节 is never read as 个…工作日).
bool readSplitUnit(const QString& text, qsizetype i, qsizetype limit, QString* unit, qsizetype* end) {
    // Every piece tried starts with the first character of one of the units below (个, 工, 万, 千, 人),
    // and text[i] is the first character of what is searched: elsewhere (most numbers of an
    // interleaved text) no word is searched.
    if (i >= 0 && i < text.size()) {
        switch (text.at(i).unicode()) {
        case u'个':
        case u'工':
        case u'万':
        case u'千':
        case u'人':
            break;
        default:
            return false;
        }
    }
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

std::optional<Quantity> readQuantity(const QString& text, qsizetype pos, qsizetype limit, bool interleaved) {
    auto num = readNumber(text, pos);
    if (!num || num->end > limit)
        return std::nullopt;
    Quantity q;
    q.number = *num;
    q.value = num->value;
    qsizetype i = num->end;
    // A range 1-2家 / 1—2个: the upper bound is the target.
    if (i + 1 < limit && isRangeDash(text.at(i))) {
        auto hi = readNumber(text, i + 1);
        if (hi && hi->end <= limit && hi->chinese == num->chinese && hi->value > num->value) {
            q.range = true;
            q.rangeLow = num->value;
            q.value = hi->value;
            i = hi->end;
        }
    }
    while (i < limit && isSpace(text.at(i)))
        ++i;
    // 120多个工作日 / 100余项: more than the number.
    if (i + 1 < limit && (text.at(i) == u'多' || text.at(i) == u'余') && !q.range) {
        if (unitAt(QStringView(text).mid(i + 1, limit - i - 1))) {
            q.more = true;
            ++i;
        }
    }
    double factor = 1;
    // 5000万 / 2亿 followed by a unit that does not carry the multiplier itself.
    const QStringView rest = QStringView(text).mid(i, limit - i);
    if (const UnitEntry* u = unitAt(rest)) {
        q.unit = u->unit;
        factor = u->factor;
        i += u->written.size();
    }
    if (q.unit.isEmpty() && (rest.startsWith(u'万') || rest.startsWith(u'亿'))) {
        // 5000万个 / 2亿次: the multiplier stays in the unit, as written; a bare 1500万 is 1500 万.
        const QStringView r2 = rest.mid(1);
        for (const UnitEntry& u : unitLexicon()) {
            if (r2.startsWith(u.written) && u.factor == 1 && unitClass(u.unit) == UnitClass::Count) {
                q.unit = rest.left(1).toString() + u.unit;
                i += 1 + u.written.size();
                break;
            }
        }
        if (q.unit.isEmpty() && (r2.isEmpty() || isClauseDelimiter(r2.front()) || r2.front() == u'、' ||
                                 r2.front() == u'以' || r2.front() == u'左')) {
            q.unit = rest.left(1).toString();
            i += 1;
        }
    }
    // In interleaved text a whole unit may still follow a broken one: prefer the whole reading above,
    // and try a split one only where the whole one failed or stopped at a bare 个.
    if (interleaved && (q.unit.isEmpty() || q.unit == QStringLiteral("个"))) {
        const qsizetype unitStart = q.unit.isEmpty() ? i : i - 1;
        QString split;
        qsizetype splitEnd = -1;
        if (readSplitUnit(text, unitStart, limit, &split, &splitEnd)) {
            q.unit = split;
            factor = 1;
            i = splitEnd;
        }
    }
    // 80市规划自然资源局元 / 10安局、国个工作日: a whole fragment between the number and its unit.
    // Only units that never start a word of their own are looked for, and the fragment has no digits.
    if (interleaved && q.unit.isEmpty()) {
        for (qsizetype skip = 2; skip <= 8 && i + skip < limit; ++skip) {
            const QChar c = text.at(i + skip - 1);
            if (isClauseDelimiter(c) || isArabicDigit(c))
                break;
            const QStringView at = QStringView(text).mid(i + skip, limit - i - skip);
            QStringView which;
            if (startsWithAny(at, {u"个工作日", u"工作日", u"%", u"元/吨", u"元"}, &which)) {
                q.unit = which == u"个工作日" ? QStringLiteral("工作日") : which.toString();
                i += skip + which.size();
                break;
            }
        }
    }
    // 2、6个工作日 / 2个、4个 / 2和3个: a list of numbers shares the unit written after the last one.
    if ((q.unit.isEmpty() || q.unit == u"个") && i < limit &&
        (text.at(i) == u'、' || text.at(i) == u'和' || text.at(i) == u'或')) {
        const auto next = readQuantity(text, i + 1, limit, interleaved);
        if (next && next->number.start == i + 1 && !next->unit.isEmpty() &&
            (q.unit.isEmpty() || (unitClass(next->unit) == UnitClass::Time &&
                                  QStringView(text).mid(next->number.end).startsWith(u'个'))))
            q.unit = next->unit;
    }
    if (q.unit.isEmpty())
        return std::nullopt;
    q.value *= factor;
    q.rangeLow *= factor;
    q.unitEnd = i;
    return q;
}

} // namespace pc::extract::grammar
