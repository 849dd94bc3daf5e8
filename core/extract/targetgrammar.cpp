// The target grammar (see targetgrammar.h): sentences → dates → numbers with units → target or not,
// comparator, kind, baseline, deadline and scope. Works by scanning tokens and cue words, not by one
// regex. The parts live beside it: lexicon (units, character classes), cuewords, dates, quantity
// (number + unit), comparators, scope, lists (分别, shared figures) and specialforms (立等可取, 0材料).
#include "targetgrammar.h"

#include "comparators.h"
#include "cuewords.h"
#include "dates.h"
#include "lexicon.h"
#include "lists.h"
#include "numbers.h"
#include "quantity.h"
#include "scope.h"
#include "specialforms.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace pc::extract {

using namespace grammar;

namespace grammar {

// See specialforms.h.
QList<SentenceRange> splitSentences(const QString& text) {
    QList<SentenceRange> out;
    const qsizetype n = text.size();
    qsizetype start = 0;
    unsigned forms = 0;
    auto push = [&](qsizetype end) {
        if (end > start)
            out << SentenceRange{start, end, forms};
        start = end;
        forms = 0;
    };
    // The characters this walk acts on (sentence ends, brackets, the special forms' first characters),
    // by their low eight bits: most characters of a text have none of those bits and are passed over.
    static const std::array<quint64, 4> acts = [] {
        std::array<quint64, 4> m{};
        for (char16_t c : u"。！？!?\n\r\t（(零0０半立即当一年月")
            m[(c & 0xff) >> 6] |= quint64(1) << (c & 63);
        return m;
    }();
    const char16_t* d = QStringView(text).utf16();
    for (qsizetype i = 0; i < n; ++i) {
        if (!(acts[(d[i] & 0xff) >> 6] & (quint64(1) << (d[i] & 63))))
            continue;
        const QChar c = text.at(i);
        if (isSentenceEnd(c)) {
            push(i + 1);
            continue;
        }
        forms |= sentenceFormsOf(d[i], i + 1 < n ? d[i + 1] : 0);
        if ((c == u'（' || c == u'(') && i + 2 < n) {
            qsizetype j = i + 1;
            while (j < n && j - i <= 3 && (isArabicDigit(text.at(j)) || isChineseDigit(text.at(j))))
                ++j;
            if (j > i + 1 && j < n && (text.at(j) == u'）' || text.at(j) == u')'))
                push(i);
        }
    }
    push(n);
    return out;
}

} // namespace grammar

QList<TextTarget> extractTextTargets(const QString& text, const GrammarOptions& options) {
    QList<TextTarget> out;
    const QList<SentenceRange> sentences = splitSentences(text);
    int sentenceIndex = -1;
    for (const SentenceRange& sr : sentences) {
        ++sentenceIndex;
        const qsizetype ss = sr.start;
        const qsizetype se = sr.end;
        // Every date form names 年 or 月 (the splitter noted whether the sentence holds one).
        const QList<DateMention> dates =
            (sr.forms & MayHaveDate) ? findDates(text, ss, se, options.documentYear) : QList<DateMention>();
        auto inDate = [&](qsizetype p) {
            return std::any_of(dates.begin(), dates.end(),
                               [p](const DateMention& d) { return p >= d.start && p < d.end; });
        };
        const QStringView sentence = QStringView(text).mid(ss, se - ss);
        // A statistic (截至…, 同比, 占比, 共受理) reports and commits to nothing; a narrative of the
        // past (已有, …以来, a sentence opening with a year before the plan's) commits only where a
        // comparator or a change says so.
        // Read only when a candidate needs it: most sentences hold no number at all.
        int statisticState = -1;
        int pastState = -1;
        auto statistic = [&] {
            if (statisticState < 0)
                statisticState = containsAny(sentence, kStatisticWords) ? 1 : 0;
            return statisticState == 1;
        };
        auto past = [&] {
            if (pastState >= 0)
                return pastState == 1;
            bool p = containsAny(sentence, kPastWords);
            for (const DateMention& d : dates) {
                if (p)
                    break;
                if (options.documentYear > 0 && d.start - ss <= 12 && d.end - d.start >= 5 &&
                    isArabicDigit(text.at(d.start))) {
                    const int y = QStringView(text).mid(d.start, 4).toInt();
                    if (y > 1990 && y < options.documentYear && !d.yearMonth.isEmpty() &&
                        !QStringView(text).mid(d.end, 2).startsWith(u"前") &&
                        !QStringView(text).mid(d.end, 2).startsWith(u"底"))
                        p = true;
                }
            }
            pastState = p ? 1 : 0;
            return p;
        };
        qsizetype descriptiveEnd = -2;    // end of the last number that only described (4个阶段76项)
        qsizetype baselineTargetEnd = -1; // end of the last target read with a baseline
        QList<TextTarget> found;
        std::optional<double> pendingBaseline;
        qsizetype pendingBaselineStart = -1;
        qsizetype segmentStart = ss; // classification context starts after the previous target
        int titleDepth = 0;          // inside 《…》 numbers belong to a title
        qsizetype i = ss;
        while (i < se) {
            const QChar c = text.at(i);
            if (c == u'《') {
                ++titleDepth;
                ++i;
                continue;
            }
            if (c == u'》') {
                titleDepth = std::max(0, titleDepth - 1);
                ++i;
                continue;
            }
            const bool arabic = isArabicDigit(c);
            if ((!arabic && !isChineseDigit(c) && c != u'半') || titleDepth > 0 || inDate(i)) {
                ++i;
                continue;
            }
            // Only a number's first character starts a token.
            if (i > ss && (isArabicDigit(text.at(i - 1)) || (!arabic && isChineseDigit(text.at(i - 1))))) {
                ++i;
                continue;
            }
            const auto q = readQuantity(text, i, se, options.interleaved);
            if (!q) {
                const auto bare = readNumber(text, i);
                i = bare ? std::max(bare->end, i + 1) : i + 1;
                continue;
            }
            i = std::max(q->unitEnd, i + 1);
            const qsizetype ns = q->number.start;
            const QChar prev = ns > ss ? text.at(ns - 1) : QChar();
            const QChar next = q->number.end < se ? text.at(q->number.end) : QChar();
            // Codes and identifiers: DN100, 4G, 7×24, 〔2019〕81号, 第二批, 12345 hotline.
            if (isAsciiLetter(prev) || prev == u'@' || prev == u'×' || prev == u'*' || prev == u'第' ||
                prev == u'.' || isAsciiLetter(next) || next == u'×' || next == u'〕' || next == u'号')
                continue;
            // "2、24小时" folded to "2.24小时": a list label ran into the number after it.
            if (arabic && ns == ss && q->number.digits == 1 && ns + 1 < se && text.at(ns + 1) == u'.' &&
                q->number.end - ns - 2 >= 2) {
                i = ns + 2;
                continue;
            }
            if (q->number.chinese) {
                // Chinese numerals live inside words (一次性, 一批, 三个作用); 一 counts as a duration, or
                // as a count right after a predicate (整合为一个环节, 只需一份材料, 最多跑一次).
                const UnitClass uc = unitClass(q->unit);
                if (q->value == 1 && uc != UnitClass::Time) {
                    qsizetype cs1 = ns;
                    while (cs1 > ss && !isClauseDelimiter(text.at(cs1 - 1)))
                        --cs1;
                    const QStringView back =
                        QStringView(text).mid(std::max(cs1, ns - 3), ns - std::max(cs1, ns - 3));
                    const QStringView clause = QStringView(text).mid(cs1, ns - cs1);
                    if (!endsWithAny(back, {u"为", u"至", u"到", u"成", u"跑"}) &&
                        !containsAny(clause, {u"只需", u"仅需", u"只要", u"最多"}))
                        continue;
                }
                if (q->unit == u"年" || q->unit == u"月")
                    continue;
            }
            const UnitClass uc = unitClass(q->unit);
            // Years and months are plan horizons (3年左右的努力, 1个月内制定), never targets here.
            if (q->unit == u"年" || q->unit == u"月" || q->unit == u"周" || q->unit == u"季度")
                continue;
            // Clause around the number.
            qsizetype cs = ns;
            while (cs > ss && !isClauseDelimiter(text.at(cs - 1)))
                --cs;
            qsizetype ce = q->unitEnd;
            while (ce < se && !isClauseDelimiter(text.at(ce)))
                ++ce;
            const QStringView clauseBefore = QStringView(text).mid(cs, ns - cs);
            const QStringView clauseAfter = QStringView(text).mid(q->unitEnd, ce - q->unitEnd);
            const AfterCue after = comparatorAfter(text, q->unitEnd, se, options.interleaved);
            if (after.scopeBound)
                continue;
            if (containsAny(clauseAfter, {u"已于", u"已经", u"已在"}))
                continue;
            // 24小时自助服务, 7×24小时: service hours, not a time limit (24小时内办结 is one).
            if (q->unit == u"小时" && q->value == 24 && after.comparator.isEmpty() &&
                !containsAny(QStringView(text).mid(q->unitEnd, std::min<qsizetype>(3, se - q->unitEnd)),
                             {u"办结", u"完成", u"办理", u"响应", u"答复", u"回应", u"到达", u"处置"}))
                continue;
            // 在3日前报送: a day of the month.
            if (q->unit == u"日" && QStringView(text).mid(q->unitEnd, 1).startsWith(u'前') &&
                (prev == u'在' || prev == u'于' || prev == u'月'))
                continue;
            // 每12个人中: a denominator.
            if (prev == u'每' && uc != UnitClass::Money)
                continue;
            // 前20%的事项: a scope (the top fifth of something); 进入前10名 is a target, read below.
            if (prev == u'前' &&
                (uc == UnitClass::Percent || QStringView(text).mid(q->unitEnd, 1).startsWith(u'的')))
                continue;
            // A number inside a short quoted name (“最多90天”改革, “三项行动”) names a reform or a
            // campaign; “五个100%” after the rates it covers is one target per rate.
            {
                qsizetype open = -1;
                for (qsizetype k = ns - 1; k >= std::max(ss, ns - 8); --k) {
                    if (text.at(k) == u'”')
                        break;
                    if (text.at(k) == u'“') {
                        open = k;
                        break;
                    }
                }
                qsizetype close = -1;
                if (open >= 0) {
                    for (qsizetype k = q->unitEnd; k < std::min(se, q->unitEnd + 8); ++k) {
                        if (text.at(k) == u'“')
                            break;
                        if (text.at(k) == u'”') {
                            close = k;
                            break;
                        }
                    }
                }
                if (open >= 0 && close >= 0) {
                    const QList<TextTarget> each =
                        distributedRate(text, ss, open, close, ns, *q, sentenceIndex, dates);
                    found << each;
                    continue;
                }
            }
            // A count that sums up the list just before it (立项、规划、施工、验收4个阶段) describes;
            // so does a count right after it (4个阶段76项). 简化为A、B 2个环节 is a target.
            if (uc == UnitClass::Count || uc == UnitClass::None) {
                if (ns - descriptiveEnd <= 3 && descriptiveEnd >= 0) {
                    descriptiveEnd = q->unitEnd;
                    continue;
                }
                const QStringView lead = QStringView(text).mid(cs, ns - cs);
                const qsizetype items = lead.count(u'、') + 1;
                const bool numberList =
                    std::any_of(lead.begin(), lead.end(), [](QChar ch) { return isArabicDigit(ch); });
                // The last item runs up to the number: a verb there (分别压减至2个、4个) makes it a target.
                const QStringView lastItem = lead.mid(lead.lastIndexOf(u'、') + 1);
                auto verbBefore = [&] {
                    return containsAny(lastItem, kFarPredicates) || containsAny(lastItem, kNearPredicates) ||
                           lastItem.contains(u"分别");
                };
                if (items >= 2 && double(items) == q->value && !numberList && !verbBefore() &&
                    !containsAny(lead, kListPredicates) && !containsAny(clauseAfter, kResultVerbs) &&
                    !changeFollows(text, q->unitEnd, se)) {
                    descriptiveEnd = q->unitEnd;
                    continue;
                }
                // 30项重点领域行动计划, 26条措施: the plan's own structure.
                const QStringView counted =
                    QStringView(text).mid(q->unitEnd, std::min<qsizetype>(12, ce - q->unitEnd));
                if ((q->unit == u"项" || q->unit == u"条" || q->unit == u"个" || q->unit == u"大") &&
                    after.comparator.isEmpty() && containsAny(counted, kPlanStructure))
                    continue;
            }
            // Restating a change just read (由25天压缩至17天，提速32%) adds no target.
            if (uc == UnitClass::Percent && baselineTargetEnd >= 0 && ns - baselineTargetEnd <= 16)
                continue;

            // Baseline: 由30个工作日减少至14个工作日 — this number is the prior value of the next one.
            {
                const qsizetype lookFrom = std::max(cs, ns - 12);
                const QStringView back = QStringView(text).mid(lookFrom, ns - lookFrom);
                qsizetype youAt = std::max(back.lastIndexOf(u'由'), back.lastIndexOf(u'从'));
                // 三个环节整合为一个环节: a change written without 由.
                const qsizetype changeEnd = youAt < 0 ? changeFollows(text, q->unitEnd, se) : 0;
                if (changeEnd > 0) {
                    const auto nextQ = readQuantity(text, changeEnd, se, false);
                    if (nextQ && nextQ->unit == q->unit) {
                        pendingBaseline = q->value;
                        pendingBaselineStart = ns;
                        continue;
                    }
                }
                if (youAt >= 0) {
                    static const QString verbs =
                        QStringLiteral("(?:减少|压减|缩减|压缩|降低|下降|减|降|放宽|提高|增加|提升|调整|延长|"
                                       "缩短|增至|精简)?(?:至|到|为)");
                    static const QRegularExpression change(
                        QStringLiteral("^\\s*(?:[^，。；,;0-9０-９]{0,4}?)") + verbs);
                    // Interleaved text may put a measure label inside the verb: 减21．压少至.
                    static const QRegularExpression changeInterleaved(
                        QStringLiteral("^\\s*(?:[^，。；,;]{0,8}?)") + verbs);
                    const QRegularExpressionMatch m =
                        (options.interleaved ? changeInterleaved : change)
                            .match(text.mid(q->unitEnd, std::min<qsizetype>(12, se - q->unitEnd)));
                    if (m.hasMatch()) {
                        pendingBaseline = q->value;
                        pendingBaselineStart = lookFrom + youAt;
                        continue;
                    }
                }
            }

            // Is this number the object of a commitment?
            const CueHit before = comparatorBefore(text, cs, ns);
            const QStringView nearBack =
                QStringView(text).mid(std::max(cs, ns - 3), ns - std::max(cs, ns - 3));
            const bool nearPredicate = containsAny(nearBack, kNearPredicates);
            bool farPredicate = containsAny(clauseBefore, kFarPredicates);
            if (!farPredicate && options.interleaved) {
                // 申报创产权局建1个: a fragment inside the verb.
                for (QStringView p : kFarPredicates) {
                    if (p.size() >= 2 && containsWithGap(clauseBefore, p)) {
                        farPredicate = true;
                        break;
                    }
                }
            }
            const bool resultAfter = containsAny(clauseAfter, kResultVerbs);
            QStringView afterUnit =
                QStringView(text).mid(q->unitEnd, std::min<qsizetype>(2, se - q->unitEnd));
            const bool endsClause = afterUnit.isEmpty() || isClauseDelimiter(afterUnit.front()) ||
                                    afterUnit.front() == u'、' || afterUnit.front() == u'（' ||
                                    afterUnit.front() == u'(' || afterUnit.front() == u'）' ||
                                    afterUnit.front() == u')';
            const bool hasBaseline = pendingBaseline.has_value();
            double confidence = 0.9;
            bool isTarget = false;
            switch (uc) {
            case UnitClass::Time:
            case UnitClass::Percent:
            case UnitClass::Area:
            case UnitClass::Length:
                isTarget = true;
                break;
            case UnitClass::Money: {
                // 每户630元 / 标准为每吨2元: a price per unit; 安排4000万元: money committed.
                const qsizetype per = clauseBefore.lastIndexOf(u'每');
                isTarget = q->unit.contains(u'/') || nearPredicate || farPredicate || hasBaseline ||
                           !before.comparator.isEmpty() || !after.comparator.isEmpty() ||
                           (per >= 0 && clauseBefore.size() - per <= 4) ||
                           containsAny(clauseBefore, kMoneyPredicates);
                break;
            }
            case UnitClass::Power:
            case UnitClass::Count:
            case UnitClass::None:
                if (nearPredicate || !after.comparator.isEmpty() || q->range || hasBaseline ||
                    (!before.comparator.isEmpty() && before.comparator != u"=")) {
                    isTarget = true;
                } else if (farPredicate || resultAfter) {
                    isTarget = true;
                    confidence = 0.75;
                } else if (endsClause && uc == UnitClass::Count) {
                    // The count closes its clause after the noun it counts: 培育知识产权优势企业80家。
                    isTarget = clauseBefore.size() >= 2;
                    confidence = 0.7;
                }
                break;
            }
            if (!isTarget)
                continue;
            const bool cued = !before.comparator.isEmpty() || !after.comparator.isEmpty() || hasBaseline ||
                              q->range || q->more || nearPredicate;
            if (!hasBaseline && statistic())
                continue;
            if (!cued && past())
                continue;
            // A number with no cue at all (当场办结率96.77%) is less sure to be a commitment.
            if (!cued && !farPredicate && confidence > 0.7)
                confidence = 0.7;
            if (q->number.chinese)
                confidence -= 0.1;

            TextTarget t;
            t.numberStart = ns;
            t.numberEnd = q->unitEnd;
            t.clauseStart = cs;
            t.value = q->value;
            t.unit = q->unit;
            {
                const qsizetype from = std::max(ss, ns - 250);
                const qsizetype to = std::min(se, q->unitEnd + 120);
                t.sentence = text.mid(from, to - from);
            }
            t.sentenceIndex = sentenceIndex;
            t.confidence = confidence;
            // Comparator: a cue after the number wins (从20个工作日压减至10个工作日内 → <=), then the one
            // before.
            if (q->range)
                t.comparator = QStringLiteral("<=");
            else if (!after.comparator.isEmpty())
                t.comparator = after.comparator;
            else if (!before.comparator.isEmpty())
                t.comparator = before.comparator;
            else if (q->more)
                t.comparator = QStringLiteral(">");
            else if (prev == u'前')
                t.comparator = QStringLiteral("<="); // 进入前10名
            else if (containsAny(QStringView(text).mid(cs, ns - cs), {u"只需", u"仅需", u"只要"}))
                t.comparator = QStringLiteral("<=");
            else if (uc == UnitClass::Time &&
                     (prev == u'（' || prev == u'(' ||
                      endsWithAny(trimSpaces(QStringView(text).mid(cs, ns - cs)),
                                  {u"时限", u"时限为", u"时限是", u"承诺时限", u"用时", u"时长"})))
                t.comparator = QStringLiteral("<="); // a stage's time limit: 受理（1个工作日）
            else if (!found.isEmpty() && ns > ss && (text.at(ns - 1) == u'、' || text.at(ns - 1) == u'和') &&
                     found.last().numberEnd >= ns - 2 && !found.last().qualitative)
                t.comparator = found.last().comparator; // 分别不超过2个、6个工作日
            else {
                t.comparator = QStringLiteral("=");
                t.comparatorDefault = true;
            }
            // Kind: 降低15% / 压缩60% cut by; 增加50% grow by; 新增/新建 add; else a level.
            {
                const qsizetype kf = std::max(cs, ns - 6);
                QString back = QStringView(text).mid(kf, ns - kf).toString();
                back.remove(QLatin1Char(' '));
                back.remove(QChar(0x3000));
                // 压缩超70% / 降低了20% / 减少一半以上: the cut's verb stands before the comparator.
                for (QStringView w : {u"超过", u"超", u"了", u"达到", u"达", u"约", u"近", u"逾", u"至少"}) {
                    if (back.endsWith(w)) {
                        back.chop(w.size());
                        break;
                    }
                }
                const bool rate = uc == UnitClass::Percent;
                QStringView verb;
                // 降低制度性交易成本50%: the verb, its object, then the rate — a change by the rate too.
                // An object that names a rate or a target state (覆盖率, 占比, 提高到) makes it a level.
                auto verbThenObject = [&](std::initializer_list<QStringView> verbs) {
                    for (QStringView v : verbs) {
                        const qsizetype at = clauseBefore.lastIndexOf(v);
                        if (at < 0)
                            continue;
                        const QStringView object = trimSpaces(clauseBefore.mid(at + v.size()));
                        if (object.size() >= 2 && object.size() <= 10 &&
                            std::none_of(object.begin(), object.end(),
                                         [](QChar ch) { return isArabicDigit(ch) || ch == u'、'; }) &&
                            !containsAny(object, {u"至", u"到", u"为", u"在", u"率", u"比例", u"占比",
                                                  u"比重", u"达", u"超", u"了", u"后", u"前"}))
                            return true;
                    }
                    return false;
                };
                const std::initializer_list<QStringView> cuts = {u"降低", u"下降", u"压缩", u"压减", u"减少",
                                                                 u"缩减", u"缩短", u"精简", u"节省", u"节约"};
                const std::initializer_list<QStringView> rises = {u"增加", u"增长", u"提高", u"提升",
                                                                  u"扩大"};
                if (rate &&
                    (endsWithAny(back, cuts, &verb) || endsWithAny(back, {u"降", u"减"}, &verb) ||
                     verbThenObject(cuts)) &&
                    !hasBaseline)
                    t.kind = QStringLiteral("reduce_by");
                else if (rate &&
                         (endsWithAny(back, rises, &verb) || back.endsWith(u"增") || verbThenObject(rises)) &&
                         !hasBaseline)
                    t.kind = QStringLiteral("increase_by");
                else if (uc != UnitClass::Time && uc != UnitClass::Percent &&
                         containsAny(clauseBefore, {u"新增", u"新建"}))
                    t.kind = QStringLiteral("add");
                else
                    t.kind = QStringLiteral("level");
                // 降低20%以上: a cut of at least 20% keeps >=; a plain cut is "=".
            }
            if (hasBaseline) {
                t.baseline = pendingBaseline;
                pendingBaseline.reset();
                baselineTargetEnd = std::max(q->unitEnd, after.end);
            }
            // Quote: from the cue (or 由 of the baseline) before the number to the cue after it.
            qsizetype qs = ns;
            if (before.start >= 0)
                qs = std::min(qs, before.start);
            if (t.baseline && pendingBaselineStart >= cs && ns - pendingBaselineStart <= 24)
                qs = std::min(qs, pendingBaselineStart);
            qsizetype qe = std::max(q->unitEnd, after.end);
            const qsizetype scopeEnd = qs;
            // A quote needs the words the number belongs to: the whole clause when it is short,
            // else a few characters before the cue.
            if (ns - cs <= 14)
                qs = cs;
            else if (ns - qs < 6)
                qs = std::max(cs, std::min(qs, ns - 6));
            while (qs < ns && (isClauseDelimiter(text.at(qs)) || isSpace(text.at(qs))))
                ++qs;
            t.quoteStart = qs;
            t.quoteEnd = qe;
            // Deadline: the closest governing date before the number in the sentence, else the first after.
            const DateMention* gov = nullptr;
            for (const DateMention& d : dates) {
                if (d.yearMonth.isEmpty())
                    continue;
                if (d.end <= ns)
                    gov = &d;
            }
            if (!gov) {
                for (const DateMention& d : dates) {
                    if (!d.yearMonth.isEmpty() && d.start >= q->unitEnd) {
                        gov = &d;
                        break;
                    }
                }
            }
            if (gov) {
                t.deadline = gov->yearMonth;
                t.deadlineRelative = gov->relative;
            }
            // Classification reads the words near the number; a jumbled page can make "sentences" of
            // thousands of characters, so the context is bounded.
            const qsizetype beforeFrom = std::max(segmentStart, ns - 80);
            t.before = text.mid(beforeFrom, ns - beforeFrom);
            t.after = clauseAfter.toString();
            const qsizetype scopeStart = std::max(segmentStart, cs);
            t.scope =
                cleanScope(QStringView(text).mid(scopeStart, std::max(scopeEnd, scopeStart) - scopeStart));
            if (t.scope.isEmpty())
                t.scope = cleanScope(
                    QStringView(text).mid(std::max(segmentStart, cs), ns - std::max(segmentStart, cs)));
            segmentStart = std::max(qe, q->unitEnd);
            found << std::move(t);
        }
        addSpecialForms(
            text, ss, sentence, sentenceIndex, dates, [&] { return statistic() || past(); }, found, sr.forms);
        // Most sentences have no target: a non-const begin() would allocate for an empty list (detach).
        if (found.size() > 1)
            std::sort(found.begin(), found.end(),
                      [](const TextTarget& a, const TextTarget& b) { return a.numberStart < b.numberStart; });
        pairLists(text, found);
        out.append(std::move(found));
    }
    return out;
}

} // namespace pc::extract
