// Numbers that go together (see lists.h).
#include "lists.h"

#include "lexicon.h"
#include "scope.h"

namespace pc::extract::grammar {

namespace {

struct Range {
    qsizetype start;
    qsizetype end;
};

} // namespace

QList<TextTarget> distributedRate(const QString& text, qsizetype ss, qsizetype open, qsizetype close,
                                  qsizetype ns, const Quantity& q, int sentenceIndex,
                                  const QList<DateMention>& dates) {
    QList<TextTarget> out;
    if (unitClass(q.unit) != UnitClass::Percent || ns - open < 2 || text.at(ns - 1) != u'个')
        return out;
    const auto count = readNumber(text, ns - 2);
    if (!count || count->end != ns - 1 || count->value < 2)
        return out;
    qsizetype cs = open;
    while (cs > ss && !isClauseDelimiter(text.at(cs - 1)))
        --cs;
    // Items: the rates named before the quote, split at 、 和 及.
    QList<Range> items;
    qsizetype from = cs;
    for (qsizetype k = cs; k <= open; ++k) {
        const bool end = k == open;
        if (end || text.at(k) == u'、' || text.at(k) == u'和' || text.at(k) == u'及') {
            if (k > from)
                items << Range{from, k};
            from = k + 1;
        }
    }
    if (items.size() != qsizetype(count->value))
        return out;
    QString deadline;
    for (const DateMention& d : dates) {
        if (!d.yearMonth.isEmpty() && d.end <= open)
            deadline = d.yearMonth;
    }
    for (const Range& r : std::as_const(items)) {
        TextTarget t;
        t.numberStart = ns;
        t.numberEnd = q.unitEnd;
        t.clauseStart = cs;
        t.value = q.value;
        t.unit = q.unit;
        t.comparator = QStringLiteral("=");
        t.kind = QStringLiteral("level");
        t.quoteStart = r.start;
        t.quoteEnd = close + 1;
        t.scope = cleanScope(QStringView(text).mid(r.start, r.end - r.start));
        t.before = text.mid(r.start, r.end - r.start);
        t.sentence = text.mid(cs, close + 1 - cs);
        t.sentenceIndex = sentenceIndex;
        t.deadline = deadline;
        t.confidence = 0.75;
        out << t;
    }
    return out;
}

void pairLists(const QString& text, QList<TextTarget>& found) {
    qsizetype i = 0;
    while (i < found.size()) {
        qsizetype j = i;
        while (j + 1 < found.size() && !found[j].qualitative && !found[j + 1].qualitative &&
               found[j + 1].clauseStart == found[i].clauseStart &&
               found[j + 1].numberStart > found[j].numberStart &&
               found[j + 1].numberStart - found[j].numberEnd <= 2 &&
               found[j].numberEnd <= found[j + 1].numberStart &&
               (text.at(found[j + 1].numberStart - 1) == u'、' ||
                text.at(found[j + 1].numberStart - 1) == u'和'))
            ++j;
        if (j > i) {
            TextTarget& last = found[j];
            for (qsizetype k = i; k < j; ++k) {
                if (found[k].comparatorDefault && !last.comparatorDefault)
                    found[k].comparator = last.comparator;
            }
            // 分别降低10%、20%: the verb stands before the first.
            for (qsizetype k = i + 1; k <= j; ++k) {
                if (found[k].kind == QStringLiteral("level") && found[i].kind != QStringLiteral("level"))
                    found[k].kind = found[i].kind;
            }
            // 甲类、乙类用户…分别压减至: one item per number.
            const qsizetype cs = found[i].clauseStart;
            const QStringView head = QStringView(text).mid(cs, found[i].numberStart - cs);
            const qsizetype each = head.indexOf(u"分别");
            if (each > 0) {
                QList<QString> items;
                for (QStringView part : head.left(each).split(u'、'))
                    items << part.toString();
                if (items.size() == 1)
                    items = head.left(each).toString().split(u'和');
                if (items.size() == j - i + 1) {
                    for (qsizetype k = i; k <= j; ++k) {
                        found[k].scope = cleanScope(items.at(k - i));
                        found[k].before = items.at(k - i); // classify each by its own item
                    }
                }
            }
        }
        i = j + 1;
    }
}

} // namespace pc::extract::grammar
