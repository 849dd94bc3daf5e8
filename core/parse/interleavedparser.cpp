// Interleaved text: find the numbered measures in order, de-duplicate repeats, drop unit fragments.
//
// Text extracted from a multi-column PDF table weaves the unit columns into the sentences of the
// measure column and repeats passages. What can be recovered: measure numbers ("6．") with the
// text that follows them, area headings ("三、获得电力") that precede a measure number, and unit
// names, which are known from clean lists elsewhere in the file (and from other plans, via
// ParseOptions::knownUnits). Everything recovered here carries a low confidence and an Issue.
#include "interleavedparser.h"

#include "deadlines.h"
#include "interleavedscanners.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace pc::parse {
namespace {

struct Token {
    int number = 0;
    qsizetype start = 0;     // the digits
    qsizetype textStart = 0; // after "N."
};

struct AreaToken {
    int numeral = 0;
    QString name;
    qsizetype start = 0;
    qsizetype end = 0;
};

int chineseNumeral(QStringView s) {
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    int value = 0, current = 0;
    for (const QChar c : s) {
        if (c == QChar(u'十')) {
            value += (current == 0 ? 1 : current) * 10;
            current = 0;
        } else {
            const qsizetype d = digits.indexOf(c);
            if (d < 0)
                return 0;
            current = static_cast<int>(d);
        }
    }
    return value + current;
}

// Unit vocabulary: names standing in 、/，-separated lists in this file, plus known units (a
// district "区X局" also teaches the municipal "市X局").
QStringList unitVocabulary(const ParseContext& ctx) {
    // (?<=[、，,])((?:重庆市|…)\p{Han}{1,8}?(?:局|…)|\p{Han}{2,8}?公司)(?=[、，,。]): a scanner.
    QSet<QString> names;
    for (const ScanSpan& m : findListedUnits(ctx.text))
        names.insert(ctx.text.mid(m.captureStart, m.captureEnd - m.captureStart));
    for (const QString& u : ctx.options.knownUnits) {
        if (u.size() < 3)
            continue;
        names.insert(u);
        if (u.startsWith(QChar(u'区')))
            names.insert(QStringLiteral("市") + u.mid(1));
    }
    QStringList out(names.begin(), names.end());
    // Longest first, so "国网市电力公司" wins over a shorter name inside it.
    std::sort(out.begin(), out.end(), [](const QString& a, const QString& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    return out;
}

} // namespace

int parseInterleaved(ParseContext& ctx) {
    const QString& text = ctx.text;

    // The measures table follows the attachment mark; before it is the notice and the plan's prose.
    qsizetype tableStart = text.indexOf(QStringLiteral("附件"));
    if (tableStart < 0)
        tableStart = 0;

    // Measure numbers (?<![\d.])(\d{1,3})\.(?=\p{Han}) and area headings
    // ([一二三四五六七八九十]{1,3})、(\p{Han}{2,10}?)(?=\d{1,3}\.|[（(]|$): scanners (interleavedscanners.h).
    QList<Token> tokens;
    for (const ScanSpan& m : findMeasureNumbers(text, tableStart))
        tokens.append(
            {QStringView(text).mid(m.captureStart, m.captureEnd - m.captureStart).toInt(), m.start, m.end});
    if (tokens.isEmpty())
        return 0;

    // Area headings: the first measure number right after "三、获得电力" starts that area.
    QList<AreaToken> areas;
    for (const ScanSpan& m : findAreaHeadings(text, tableStart))
        areas.append({chineseNumeral(QStringView(text).mid(m.start, m.captureStart - 1 - m.start)),
                      text.mid(m.captureStart, m.captureEnd - m.captureStart), m.start, m.end});
    // Per numeral: the name right before a measure number (an anchor) wins over other mentions.
    struct AreaInfo {
        int first = 0; // first measure number seen right after the heading, 0 if none
        QString name;
        QMap<QString, int> names; // name → mentions
    };
    QMap<int, AreaInfo> areaInfo;
    for (const AreaToken& a : areas) {
        AreaInfo& info = areaInfo[a.numeral];
        info.names[a.name] += 1;
        const auto next =
            std::find_if(tokens.cbegin(), tokens.cend(), [&](const Token& t) { return t.start >= a.end; });
        if (next != tokens.cend() && next->start == a.end && (info.first == 0 || next->number < info.first)) {
            info.first = next->number;
            info.name = a.name;
        }
    }
    static const QString numerals = QStringLiteral("一二三四五六七八九十");
    auto numeralText = [&](int n) -> QString {
        if (n <= 10)
            return QString(numerals.at(n - 1));
        if (n < 20)
            return QString(QStringLiteral("十") + numerals.at(n - 11));
        return QString(QString(numerals.at(n / 10 - 1)) + QStringLiteral("十") +
                       (n % 10 ? QString(numerals.at(n % 10 - 1)) : QString()));
    };

    // One occurrence per number (later ones repeat a passage): the one that sits in sequence
    // (N-1 before it or N+1 after it) and starts with the longest clean title; ties → first.
    auto occurrenceScore = [&](int i) {
        int score = 0;
        if (i > 0 && tokens[i - 1].number == tokens[i].number - 1)
            score += 20;
        if (i + 1 < tokens.size() && tokens[i + 1].number == tokens[i].number + 1)
            score += 20;
        qsizetype p = tokens[i].textStart;
        while (p < text.size() && p - tokens[i].textStart < 12 && text.at(p).script() == QChar::Script_Han &&
               text.at(p) != QChar(u'、'))
            ++p;
        return score + static_cast<int>(p - tokens[i].textStart);
    };
    QHash<int, int> chosen; // number → token index
    QHash<int, int> chosenScore;
    int maxNumber = 0;
    for (int i = 0; i < tokens.size(); ++i) {
        const int sc = occurrenceScore(i);
        if (!chosen.contains(tokens[i].number) || sc > chosenScore.value(tokens[i].number)) {
            chosen.insert(tokens[i].number, i);
            chosenScore.insert(tokens[i].number, sc);
        }
        maxNumber = std::max(maxNumber, tokens[i].number);
    }
    int repeats = static_cast<int>(tokens.size() - chosen.size());

    const QStringList vocabulary = unitVocabulary(ctx);
    // The names that start with each character, in vocabulary order (the first that fits wins).
    QHash<char16_t, QList<int>> vocabularyByFirst;
    for (qsizetype vi = 0; vi < vocabulary.size(); ++vi) {
        if (!vocabulary.at(vi).isEmpty())
            vocabularyByFirst[vocabulary.at(vi).at(0).unicode()].append(int(vi));
    }
    // Fragments of long unit names (4+ characters, e.g. "长电联合" of "长电联合能源公司").
    // (Sets of views into `vocabulary`, which outlives them: probing the text allocates nothing.)
    QSet<QStringView> fragments;
    QSet<quint32> fragmentStarts; // first two characters, to skip most positions without allocating
    auto pairAt = [](QStringView v, qsizetype i) {
        return (quint32(v.at(i).unicode()) << 16) | v.at(i + 1).unicode();
    };
    for (const QString& u : vocabulary) {
        if (u.size() < 6)
            continue;
        // Only a name's head or tail: an inner piece ("市场监管" of 市市场监管局) is ordinary prose.
        for (qsizetype len = 4; len < u.size(); ++len) {
            for (const qsizetype s : {qsizetype(0), u.size() - len}) {
                fragments.insert(QStringView(u).mid(s, len));
                fragmentStarts.insert(pairAt(u, s));
            }
        }
    }

    // Short pieces of a wrapped unit cell: a name's tail before a list comma ("局、") and, right after
    // a removed piece, a name's head ("市人" of 市人力社保局).
    QSet<QStringView> tails, heads;
    for (const QString& u : vocabulary) {
        for (qsizetype len = 1; len <= 3 && len < u.size(); ++len)
            tails.insert(QStringView(u).right(len));
        for (qsizetype len = 2; len <= 4 && len < u.size(); ++len)
            heads.insert(QStringView(u).left(len));
    }
    const QStringView textView(text);
    int added = 0;
    int removedTotal = 0;
    const qsizetype firstAdded = ctx.doc.measures.size();
    QList<int> numbers = chosen.keys();
    std::sort(numbers.begin(), numbers.end());
    for (int number : numbers) {
        const int ti = chosen.value(number);
        const Token& t = tokens[ti];
        // The measure's text runs to the next number or area heading in reading order.
        qsizetype end = ti + 1 < tokens.size() ? tokens[ti + 1].start : text.size();
        // …or to any heading of the plan's prose woven in ("二、主要举措", "（二）强化考核评价"):
        // [一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）, a scanner.
        // Only a heading within the measure's reach matters: search that window (plus the longest
        // heading), not the rest of the plan after every number.
        const qsizetype reach = std::min<qsizetype>(text.size(), std::min(end, t.textStart + 600) + 8);
        const qsizetype hm =
            findProseHeading(QStringView(text).mid(t.textStart, std::max<qsizetype>(0, reach - t.textStart)));
        if (hm >= 0 && t.textStart + hm < end)
            end = t.textStart + hm;
        end = std::min(end, t.textStart + 600);

        // Mark unit names and fragments woven into the sentence.
        QList<bool> drop(end - t.textStart, false);
        QList<Unit> seenUnits;
        for (qsizetype p = t.textStart; p < end;) {
            qsizetype hit = 0;
            const auto first = vocabularyByFirst.constFind(text.at(p).unicode());
            for (const int vi : first != vocabularyByFirst.cend() ? *first : QList<int>()) {
                const QString& u = vocabulary.at(vi);
                if (p + u.size() <= end && QStringView(text).mid(p, u.size()) == u) {
                    hit = u.size();
                    mergeUnits(seenUnits, {Unit{u, ctx.namer.normalizedName(u)}});
                    break;
                }
            }
            if (!hit && p + 1 < end && fragmentStarts.contains(pairAt(text, p))) {
                for (qsizetype len = 8; len >= 4 && !hit; --len) {
                    if (p + len <= end && fragments.contains(textView.mid(p, len)))
                        hit = len;
                }
            }
            if (!hit) {
                for (qsizetype len = 3; len >= 1 && !hit; --len) {
                    if (p + len < end && text.at(p + len) == QChar(u'、') &&
                        tails.contains(textView.mid(p, len)))
                        hit = len;
                }
            }
            if (!hit && p > t.textStart && drop[p - 1 - t.textStart]) {
                for (qsizetype len = 4; len >= 2 && !hit; --len) {
                    if (p + len <= end && heads.contains(textView.mid(p, len)))
                        hit = len;
                }
            }
            if (hit) {
                for (qsizetype k = 0; k < hit; ++k)
                    drop[p - t.textStart + k] = true;
                // The list comma after a removed unit goes with it.
                if (p + hit < end && text.at(p + hit) == QChar(u'、'))
                    drop[p + hit - t.textStart] = true, ++hit;
                p += hit;
                ++removedTotal;
            } else {
                ++p;
            }
        }

        Measure ms;
        ms.number = number;
        ms.confidence = 0.5;
        qsizetype s0 = t.start, e0 = end;
        ctx.trim(s0, e0);
        ms.span = ctx.span(s0, e0);
        // Body: kept characters with their own source offsets.
        // Sized for every character and cut to what is kept: no append call per character. The offsets
        // of the whole range come from one walk along the normalisation's segments (a binary search
        // per character before), and the kept ones move forward in place.
        ms.body.resize(std::max<qsizetype>(0, end - t.textStart));
        ctx.norm.appendSourceOffsets(t.textStart, end, ms.bodyOffsets);
        QChar* bodyOut = ms.body.data();
        qsizetype* offsetOut = ms.bodyOffsets.data();
        qsizetype kept = 0;
        for (qsizetype p = t.textStart; p < end; ++p) {
            if (drop[p - t.textStart] || text.at(p) == QLatin1Char('\n'))
                continue;
            bodyOut[kept] = text.at(p);
            offsetOut[kept] = offsetOut[p - t.textStart]; // kept <= p - t.textStart
            ++kept;
        }
        ms.body.truncate(kept);
        ms.bodyOffsets.resize(kept);
        // Title: the kept characters up to the first bracket, full stop, comma or digit.
        qsizetype titleEnd = t.textStart;
        QString title;
        for (qsizetype p = t.textStart; p < end && title.size() < 20; ++p) {
            const QChar c = text.at(p);
            if (c == QChar(u'（') || c == QChar(u'。') || c == QChar(u'，') || c == QChar(u'(') ||
                c.isDigit() || c == QLatin1Char('\n'))
                break;
            titleEnd = p + 1;
            if (!drop[p - t.textStart])
                title.append(c);
        }
        ms.title = title;
        ms.titleSpan = ctx.span(t.textStart, titleEnd);
        if (!seenUnits.isEmpty()) {
            ms.lead = seenUnits;
            ms.confidence = 0.4;
        }
        ms.deadline = findDeadline(ms.body, ctx.year);
        SubItem item;
        item.text = ms.body;
        item.span = ms.span;
        item.lead = ms.lead;
        item.deadline = ms.deadline;
        ms.items.append(item);
        ctx.doc.measures.append(ms);
        ++added;
    }

    // Areas: a heading starts at the first measure whose title names it ("获得电力" in
    // "压减获得电力耗时") or that follows it directly; boundaries must increase with the numeral.
    QList<std::pair<int, QString>> starts; // (first measure, heading)
    int lastFirst = 0;
    for (auto a = areaInfo.begin(); a != areaInfo.end(); ++a) {
        QString name = a->name;
        if (name.isEmpty()) {
            int best = 0;
            for (auto n = a->names.cbegin(); n != a->names.cend(); ++n) {
                if (n.value() > best)
                    best = n.value(), name = n.key();
            }
        }
        int first = a->first;
        for (qsizetype m = firstAdded; m < ctx.doc.measures.size(); ++m) {
            const Measure& ms = ctx.doc.measures[m];
            if (name.size() >= 2 && ms.title.contains(name) && (first == 0 || ms.number < first) &&
                ms.number > lastFirst)
                first = ms.number;
        }
        if (first > lastFirst) {
            starts.append({first, numeralText(a.key()) + QStringLiteral("、") + name});
            lastFirst = first;
        }
    }
    for (qsizetype m = firstAdded; m < ctx.doc.measures.size(); ++m) {
        Measure& ms = ctx.doc.measures[m];
        for (const auto& [first, heading] : starts) {
            if (first <= ms.number)
                ms.areaHeading = heading;
        }
    }

    QList<int> missing;
    for (int n = 1; n <= maxNumber; ++n) {
        if (!chosen.contains(n))
            missing.append(n);
    }
    ctx.issue(QStringLiteral("interleaved-text"),
              QStringLiteral(
                  "table columns are interleaved in the text: %1 measures recovered with low confidence, "
                  "%2 repeated passages skipped, %3 unit names or fragments removed from sentences; "
                  "lead units are those found inside each measure's text")
                  .arg(added)
                  .arg(repeats)
                  .arg(removedTotal));
    if (!missing.isEmpty()) {
        QStringList m;
        for (int n : missing)
            m.append(QString::number(n));
        ctx.issue(QStringLiteral("missing-measures"),
                  QStringLiteral("measure numbers not found in the text: ") + m.join(QStringLiteral(", ")));
    }
    return added;
}

} // namespace pc::parse
