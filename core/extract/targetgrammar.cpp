// The target grammar (see targetgrammar.h): sentences → dates → numbers with units → target or not,
// comparator, kind, baseline, deadline and scope. Works by scanning tokens and cue words, not by one regex.
#include "targetgrammar.h"

#include "numbers.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace pc::extract {

namespace {

using namespace Qt::StringLiterals;

// ---------------------------------------------------------------- lexicon

struct UnitEntry {
    QString written; // as it appears after the number
    QString unit;    // as reported
    double factor;   // multiplier folded into the value (5万人次 → 50000 人次)
};

// Longest first: 个工作日 before 个, 万平方米 before 万.
const QList<UnitEntry>& unitLexicon() {
    static const QList<UnitEntry> lex = [] {
        QList<UnitEntry> l = {
            {u"个工作日"_s, u"工作日"_s, 1},
            {u"工作日"_s, u"工作日"_s, 1},
            {u"个百分点"_s, u"个百分点"_s, 1},
            {u"百分点"_s, u"个百分点"_s, 1},
            {u"个小时"_s, u"小时"_s, 1},
            {u"小时"_s, u"小时"_s, 1},
            {u"分钟"_s, u"分钟"_s, 1},
            {u"个月"_s, u"月"_s, 1},
            {u"个季度"_s, u"季度"_s, 1},
            {u"周年"_s, u"年"_s, 1},
            {u"元/吨"_s, u"元/吨"_s, 1},
            {u"元/立方米"_s, u"元/立方米"_s, 1},
            {u"元/千瓦时"_s, u"元/千瓦时"_s, 1},
            {u"万平方米"_s, u"万平方米"_s, 1},
            {u"平方米"_s, u"平方米"_s, 1},
            {u"平方公里"_s, u"平方公里"_s, 1},
            {u"亿元"_s, u"亿元"_s, 1},
            {u"万元"_s, u"万元"_s, 1},
            {u"元"_s, u"元"_s, 1},
            {u"千伏安"_s, u"千伏安"_s, 1},
            {u"千瓦"_s, u"千瓦"_s, 1},
            {u"公里"_s, u"公里"_s, 1},
            // Units as written: 1000万人 is 1000 万人, 1万亿元 is 1 万亿元.
            {u"万亿元"_s, u"万亿元"_s, 1},
            {u"万人次"_s, u"万人次"_s, 1},
            {u"人次"_s, u"人次"_s, 1},
            {u"万户"_s, u"万户"_s, 1},
            {u"万家"_s, u"万家"_s, 1},
            {u"万人"_s, u"万人"_s, 1},
            {u"万个"_s, u"万个"_s, 1},
            {u"万件"_s, u"万件"_s, 1},
            {u"万吨"_s, u"万吨"_s, 1},
            {u"份"_s, u"份"_s, 1},
            {u"张"_s, u"张"_s, 1},
            {u"位"_s, u"位"_s, 1},
            {u"台"_s, u"台"_s, 1},
            {u"套"_s, u"套"_s, 1},
            {u"%"_s, u"%"_s, 1},
            {u"％"_s, u"%"_s, 1},
            {u"工作天"_s, u"天"_s, 1},
            {u"天"_s, u"天"_s, 1},
            {u"日"_s, u"日"_s, 1},
            {u"年"_s, u"年"_s, 1},
            {u"月"_s, u"月"_s, 1},
            {u"周"_s, u"周"_s, 1},
            {u"户"_s, u"户"_s, 1},
            {u"家"_s, u"家"_s, 1},
            {u"件"_s, u"件"_s, 1},
            {u"项"_s, u"项"_s, 1},
            {u"种"_s, u"种"_s, 1},
            {u"次"_s, u"次"_s, 1},
            {u"类"_s, u"类"_s, 1},
            {u"宗"_s, u"宗"_s, 1},
            {u"座"_s, u"座"_s, 1},
            {u"所"_s, u"所"_s, 1},
            {u"条"_s, u"条"_s, 1},
            {u"批"_s, u"批"_s, 1},
            {u"名"_s, u"名"_s, 1},
            {u"人"_s, u"人"_s, 1},
            {u"个"_s, u"个"_s, 1},
        };
        std::stable_sort(l.begin(), l.end(), [](const UnitEntry& a, const UnitEntry& b) {
            return a.written.size() > b.written.size();
        });
        return l;
    }();
    return lex;
}

// The longest unit written at the start of `s`, or null. Entries are indexed by their first character.
const UnitEntry* unitAt(QStringView s) {
    static const QHash<char16_t, QList<const UnitEntry*>> byFirst = [] {
        QHash<char16_t, QList<const UnitEntry*>> h;
        for (const UnitEntry& u : unitLexicon())
            h[u.written.at(0).unicode()].append(&u); // longest first, as in the lexicon
        return h;
    }();
    if (s.isEmpty())
        return nullptr;
    const auto it = byFirst.constFind(s.front().unicode());
    if (it == byFirst.cend())
        return nullptr;
    for (const UnitEntry* u : *it) {
        if (s.startsWith(u->written))
            return u;
    }
    return nullptr;
}

bool isSentenceEnd(QChar c) {
    switch (c.unicode()) {
    case u'。':
    case u'！':
    case u'？':
    case u'!':
    case u'?':
    case u'\n':
    case u'\r':
    case u'\t':
        return true;
    default:
        return false;
    }
}

bool isClauseDelimiter(QChar c) {
    switch (c.unicode()) {
    case u'，':
    case u',':
    case u'；':
    case u';':
    case u'：':
    case u':':
        return true;
    default:
        return isSentenceEnd(c);
    }
}

bool isAsciiLetter(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'Ａ' && u <= u'Ｚ') ||
           (u >= u'ａ' && u <= u'ｚ');
}

bool isSpace(QChar c) {
    return c == u' ' || c == u'\u3000' || c == u'\u00a0';
}

bool isRangeDash(QChar c) {
    switch (c.unicode()) {
    case u'-':
    case u'—':
    case u'–':
    case u'－':
    case u'~':
    case u'～':
    case u'至':
        return true;
    default:
        return false;
    }
}

bool endsWithAny(QStringView s, std::initializer_list<QStringView> words, QStringView* which = nullptr) {
    for (QStringView w : words) {
        if (s.endsWith(w)) {
            if (which)
                *which = w;
            return true;
        }
    }
    return false;
}

bool startsWithAny(QStringView s, std::initializer_list<QStringView> words, QStringView* which = nullptr) {
    for (QStringView w : words) {
        if (s.startsWith(w)) {
            if (which)
                *which = w;
            return true;
        }
    }
    return false;
}

bool containsAny(QStringView s, std::initializer_list<QStringView> words) {
    for (QStringView w : words) {
        if (s.contains(w))
            return true;
    }
    return false;
}

// `word` with one short foreign fragment (2–6 characters) between two of its characters. The
// fragments of the municipal PDF are pieces of unit names, so the gap must look like one (…局, 市…).
bool containsWithGap(QStringView text, QStringView word) {
    auto looksLikeUnitName = [](QStringView gap) {
        for (QChar c : gap) {
            if (c == u'局' || c == u'委' || c == u'办' || c == u'市' || c == u'司' || c == u'院' ||
                c == u'心')
                return true;
        }
        return false;
    };
    for (qsizetype k = 1; k < word.size(); ++k) {
        const QStringView head = word.left(k);
        const QStringView tail = word.mid(k);
        for (qsizetype at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
            const qsizetype gapStart = at + head.size();
            const qsizetype t = gapStart + 2 <= text.size() ? text.indexOf(tail, gapStart + 2) : -1;
            if (t >= 0 && t - gapStart <= 6 && looksLikeUnitName(text.mid(gapStart, t - gapStart)))
                return true;
        }
    }
    return false;
}

QStringView trimSpaces(QStringView s) {
    while (!s.isEmpty() && isSpace(s.front()))
        s = s.mid(1);
    while (!s.isEmpty() && isSpace(s.back()))
        s.chop(1);
    return s;
}

// ---------------------------------------------------------------- dates

struct DateMention {
    qsizetype start = -1;
    qsizetype end = -1;
    QString yearMonth; // YYYY-MM; empty if the date governs nothing (past, a base year, a full date)
};

QString ym(int year, int month) {
    return QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
}

QList<DateMention> findDates(const QString& text, qsizetype from, qsizetype to, int documentYear) {
    static const QRegularExpression re(QStringLiteral(
        "(?<year>[0-9０-９]{4})\\s*年(?:\\s*(?<month>[0-9０-９]{1,2})\\s*月(?:\\s*(?<day>[0-9０-９]{1,2})\\s*"
        "日)?)?"
        "|(?<omonth>[0-9０-９]{1,2})\\s*月(?=底|末|份|中旬|上旬|下旬|前|内|\\s*[0-9０-９]{1,2}\\s*日)"
        "(?:\\s*(?<oday>[0-9０-９]{1,2})\\s*日)?"
        "|(?<next>明年|次年)(?:\\s*(?<nmonth>[0-9０-９]{1,2})\\s*月)?"
        "|(?<this>今年)\\s*(?<tmonth>[0-9０-９]{1,2})\\s*月"
        "|(?<rel>今年内|今年底|今年年底|今年|本年度|年内|全年|年底前|年底)"));
    auto toInt = [](QStringView s) {
        int v = 0;
        for (QChar c : s)
            v = v * 10 + (c.unicode() >= u'０' ? c.unicode() - u'０' : c.unicode() - u'0');
        return v;
    };
    QList<DateMention> out;
    // Every form above names a 年 or a 月: most sentences have neither and need no regex.
    const QStringView range = QStringView(text).mid(from, to - from);
    if (!range.contains(u'年') && !range.contains(u'月'))
        return out;
    auto it = re.globalMatch(range);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        DateMention d;
        d.start = from + m.capturedStart();
        d.end = from + m.capturedEnd();
        const QStringView after =
            QStringView(text).mid(d.end, std::max<qsizetype>(0, std::min<qsizetype>(6, to - d.end)));
        const QStringView before =
            QStringView(text).mid(std::max(from, d.start - 3), d.start - std::max(from, d.start - 3));
        const bool past = before.endsWith(u"已于") || before.endsWith(u"已") || before.endsWith(u"已在");
        const bool base =
            after.startsWith(u"基础上") || after.startsWith(u"的基础") || after.startsWith(u"水平");
        if (!m.capturedView(u"year").isEmpty()) {
            // A digit run just before (e.g. a phone number) means this is no year.
            if (d.start > from && isArabicDigit(text.at(d.start - 1)))
                continue;
            const int y = toInt(m.capturedView(u"year"));
            int mo = m.capturedView(u"month").isEmpty() ? 12 : toInt(m.capturedView(u"month"));
            // 2020年上半年 / 2020年三季度: the end of that part of the year.
            if (m.capturedView(u"month").isEmpty()) {
                static const std::array<std::pair<QStringView, int>, 8> parts = {{{u"上半年", 6},
                                                                                  {u"第一季度", 3},
                                                                                  {u"一季度", 3},
                                                                                  {u"第二季度", 6},
                                                                                  {u"二季度", 6},
                                                                                  {u"第三季度", 9},
                                                                                  {u"三季度", 9},
                                                                                  {u"下半年", 12}}};
                for (const auto& [word, month] : parts) {
                    if (after.startsWith(word)) {
                        mo = month;
                        d.end += word.size();
                        break;
                    }
                }
            }
            const bool fullDate = !m.capturedView(u"day").isEmpty();
            if (y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && !past && !base && !fullDate)
                d.yearMonth = ym(y, mo);
        } else if (!m.capturedView(u"omonth").isEmpty()) {
            const int mo = toInt(m.capturedView(u"omonth"));
            if (d.start > from && isArabicDigit(text.at(d.start - 1)))
                continue;
            if (documentYear > 0 && mo >= 1 && mo <= 12 && m.capturedView(u"oday").isEmpty() && !past)
                d.yearMonth = ym(documentYear, mo);
        } else if (!m.capturedView(u"next").isEmpty()) {
            // 明年(上半年): the year after the plan's.
            const int mo = m.capturedView(u"nmonth").isEmpty() ? 12 : toInt(m.capturedView(u"nmonth"));
            if (documentYear > 0 && mo >= 1 && mo <= 12 && !past)
                d.yearMonth = ym(documentYear + 1, after.startsWith(u"上半年") ? 6 : mo);
        } else if (!m.capturedView(u"this").isEmpty()) {
            const int mo = toInt(m.capturedView(u"tmonth"));
            if (documentYear > 0 && mo >= 1 && mo <= 12 && !past)
                d.yearMonth = ym(documentYear, mo);
        } else {
            // 2023年年底前: the year branch already read the date; a bare 年底 is the plan's year.
            if (d.start > from && text.at(d.start - 1) == u'年')
                continue;
            if (documentYear > 0 && !past)
                d.yearMonth = ym(documentYear, 12);
        }
        out << d;
    }
    return out;
}

// ---------------------------------------------------------------- sentences

struct Range {
    qsizetype start;
    qsizetype end;
};

// Sentences end at 。！？ and line breaks, and before a sub-item marker （2） even without a full stop.
QList<Range> splitSentences(const QString& text) {
    QList<Range> out;
    const qsizetype n = text.size();
    qsizetype start = 0;
    auto push = [&](qsizetype end) {
        if (end > start)
            out << Range{start, end};
        start = end;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (isSentenceEnd(c)) {
            push(i + 1);
            continue;
        }
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

// ---------------------------------------------------------------- numbers with units

struct Quantity {
    NumberToken number;
    qsizetype unitEnd = -1; // end of number + unit
    QString unit;
    double value = 0;
    bool range = false;
    double rangeLow = 0;
    bool more = false; // 120多个 / 100余项: "more than"
};

// Longest gap a foreign fragment may open inside a unit or between a unit and its cue.
constexpr qsizetype kMaxFragment = 10;

// A unit broken by an interleaved fragment: 个工 + 6．压减市住房 + 作日. Only splits whose first part is no
// unit of its own are tried (个 alone is a unit, so 3个环节 is never read as 个…工作日).
bool readSplitUnit(const QString& text, qsizetype i, qsizetype limit, QString* unit, qsizetype* end) {
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

// ---------------------------------------------------------------- cue words

// Verbs anywhere earlier in the clause that make a count the object of a commitment.
const std::initializer_list<QStringView> kFarPredicates = {
    u"简化为", u"减少为", u"精简为", u"精简至", u"压减",   u"压缩",   u"缩减",   u"减少",   u"降低",
    u"减至",   u"降至",   u"放宽",   u"提高",   u"提升",   u"增加",   u"新增",   u"新建",   u"建成",
    u"培育",   u"建设",   u"打造",   u"实现",   u"实施",   u"推出",   u"完成",   u"开展",   u"选取",
    u"推荐",   u"落地",   u"创建",   u"控制在", u"稳定在", u"保持在", u"不超过", u"不少于", u"不低于",
    u"至少",   u"力争",   u"累计",   u"只进行", u"只需",
};
// Cues right before the number (a few characters at most).
const std::initializer_list<QStringView> kNearPredicates = {
    u"达到", u"达", u"至", u"到", u"为", u"只", u"约", u"超过", u"提前", u"增加", u"新增", u"新建",
};
// A verb after the counted noun that states the result the count is about (9类电子证照…互认).
const std::initializer_list<QStringView> kResultVerbs = {
    u"互认", u"实现", u"建成", u"落地", u"完成", u"全程网办", u"纳入",
};

// Words of a sentence that reports figures instead of committing to them.
const std::initializer_list<QStringView> kStatisticWords = {
    u"截至",   u"截止",     u"同比",     u"环比",     u"共受理",   u"共办理",
    u"全年共", u"累计受理", u"累计办理", u"数据显示", u"统计显示",
};
// Words of a narrative of what was already done.
const std::initializer_list<QStringView> kPastWords = {
    u"已有",     u"以来",     u"已上线",   u"已实现",   u"已完成",   u"已经",   u"已建成",
    u"已累计",   u"去年",     u"上年",     u"此前",     u"原来需要", u"过去",   u"占比",
    u"累计审批", u"累计发放", u"累计服务", u"累计减免", u"累计接待", u"累计为",
};
// Verbs that introduce the list a count then sums up as the new state (简化为A、B 2个环节).
const std::initializer_list<QStringView> kListPredicates = {
    u"简化为", u"精简为", u"压减为", u"减少为", u"合并为", u"整合为", u"压缩为",
    u"减为",   u"只需",   u"仅需",   u"优化为", u"调整为", u"分为",   u"缩减为",
};
// Nouns a count names when it describes the plan itself (30项行动计划, 26条措施).
const std::initializer_list<QStringView> kPlanStructure = {
    u"行动", u"措施",     u"举措",     u"任务",     u"条款", u"方面", u"要点",
    u"意见", u"政策措施", u"改革事项", u"重点工作", u"部分", u"章",   u"篇",
};
// Verbs that make an amount of money a commitment.
const std::initializer_list<QStringView> kMoneyPredicates = {
    u"安排", u"投入", u"设立", u"给予", u"奖励", u"补助", u"补贴", u"扶持", u"资助", u"支持", u"统筹",
};

// 环节整合为 / 合并为 right after a count: the count is the state before a change (三个环节整合为一个环节).
// Returns where the new value starts, or 0.
qsizetype changeFollows(const QString& text, qsizetype unitEnd, qsizetype limit) {
    static const QRegularExpression merged(QStringLiteral(
        "^[\\p{Han}]{0,4}?(?:整合|合并|归并|精简|压减|减少|缩减|压缩|简化|优化)(?:为|成|至|到)"));
    const QRegularExpressionMatch m =
        merged.match(text.mid(unitEnd, std::min<qsizetype>(10, limit - unitEnd)));
    return m.hasMatch() ? unitEnd + m.capturedEnd() : 0;
}

struct CueHit {
    QString comparator;
    qsizetype start = -1; // where the cue starts in the text (to include it in the quote)
};

// Comparator cue before the number: the text just before it ends with (or nearly ends with) a cue.
CueHit comparatorBefore(const QString& text, qsizetype clauseStart, qsizetype numStart) {
    struct Cue {
        QStringView word;
        const char16_t* comparator;
    };
    static const std::array<Cue, 33> cues = {{
        {u"提前", u">="},   {u"超", u">"},      {u"突破", u">"},    {u"逾", u">"},      {u"仅需", u"<="},
        {u"只需", u"<="},   {u"不足", u"<"},    {u"不超过", u"<="}, {u"不高于", u"<="}, {u"不多于", u"<="},
        {u"最多", u"<="},   {u"最长", u"<="},   {u"控制在", u"<="}, {u"压缩在", u"<="}, {u"只进行", u"<="},
        {u"只", u"<="},     {u"不大于", u"<="}, {u"少于", u"<"},    {u"低于", u"<"},    {u"不到", u"<"},
        {u"不低于", u">="}, {u"不少于", u">="}, {u"至少", u">="},   {u"达到", u">="},   {u"达", u">="},
        {u"超过", u">"},    {u"高于", u">"},    {u"多于", u">"},    {u"大于", u">"},    {u"大约", u"~"},
        {u"约", u"~"},      {u"至", u"="},      {u"为", u"="},
    }};
    // Look back a few characters only: 至少提前1个 / 控制在 20 / 达 80%.
    const qsizetype from = std::max(clauseStart, numStart - 8);
    const QStringView win = QStringView(text).mid(from, numStart - from);
    CueHit best;
    qsizetype bestEnd = -1;
    for (const Cue& c : cues) {
        const qsizetype at = win.lastIndexOf(c.word);
        if (at < 0)
            continue;
        const qsizetype start = from + at;
        const qsizetype end = start + c.word.size();
        // A one-character cue must touch the number; a word may leave room for 提前 / 平均 / 完成.
        const qsizetype maxGap = c.word.size() >= 2 ? 4 : 1;
        if (numStart - end > maxGap)
            continue;
        // 不低于 is not 低于, 至少 is not 至.
        if ((c.word == u"低于" || c.word == u"少于" || c.word == u"高于" || c.word == u"多于") && start > 0 &&
            text.at(start - 1) == u'不')
            continue;
        if (c.word == u"至" && end < text.size() && text.at(end) == u'少')
            continue;
        // The cue closest to the number wins; at the same end the longer one (达到 over 达).
        if (end > bestEnd || (end == bestEnd && start < best.start)) {
            best.comparator = QString::fromUtf16(c.comparator);
            best.start = start;
            bestEnd = end;
        }
    }
    return best;
}

struct AfterCue {
    QString comparator;      // empty if none
    qsizetype end = -1;      // end of the cue (for the quote)
    bool scopeBound = false; // 及以下 / 以下的: the number bounds a scope, it is no target
};

AfterCue comparatorAfter(const QString& text, qsizetype unitEnd, qsizetype limit, bool interleaved = false);

// 控制在20个工作日市经济能源公以内: in interleaved text the cue may follow a short foreign fragment.
AfterCue comparatorAfterFragment(const QString& text, qsizetype unitEnd, qsizetype limit) {
    for (qsizetype skip = 2; skip <= 8 && unitEnd + skip < limit; ++skip) {
        if (isClauseDelimiter(text.at(unitEnd + skip - 1)) || isArabicDigit(text.at(unitEnd + skip - 1)))
            break;
        const QStringView at = QStringView(text).mid(unitEnd + skip, limit - unitEnd - skip);
        if (startsWithAny(at, {u"以内", u"以上", u"以下", u"内办结", u"内完成", u"左右"}))
            return comparatorAfter(text, unitEnd + skip, limit, false);
    }
    return {};
}

AfterCue comparatorAfter(const QString& text, qsizetype unitEnd, qsizetype limit, bool interleaved) {
    AfterCue out;
    qsizetype i = unitEnd;
    // 160千伏安/千瓦及以下: skip an alternative unit.
    if (i < limit && text.at(i) == u'/') {
        qsizetype j = i + 1;
        while (j < limit && j - i <= 3 && !isClauseDelimiter(text.at(j)) && text.at(j) != u'及')
            ++j;
        i = j;
    }
    const QStringView rest = QStringView(text).mid(i, std::min<qsizetype>(8, limit - i));
    if (startsWithAny(rest, {u"及以下", u"及以上", u"以下的", u"以上的", u"及其以下", u"以下（含）"})) {
        out.scopeBound = true;
        return out;
    }
    struct Cue {
        QStringView word;
        const char16_t* comparator;
    };
    static const std::array<Cue, 15> cues = {{
        {u"以内", u"<="},
        {u"之内", u"<="},
        {u"内", u"<="},
        {u"以下", u"<="},
        {u"为限", u"<="},
        {u"以上", u">="},
        {u"及以上", u">="},
        {u"左右", u"~"},
        {u"上下", u"~"},
        {u"完成", u"<="},
        {u"办结", u"<="},
        {u"装表通水", u"<="},
        {u"装表接电", u"<="},
        {u"通气", u"<="},
        {u"达到", u">="}, // 60%达到四级网办深度: the share is the subject
    }};
    for (const Cue& c : cues) {
        if (rest.startsWith(c.word)) {
            out.comparator = QString::fromUtf16(c.comparator);
            out.end = i + c.word.size();
            // 10个工作日内办结: keep the verb in the quote.
            const QStringView more = QStringView(text).mid(out.end, std::min<qsizetype>(4, limit - out.end));
            QStringView verb;
            if (startsWithAny(more, {u"办结", u"完成", u"装表通水", u"办理完毕"}, &verb))
                out.end += verb.size();
            return out;
        }
    }
    if (interleaved)
        return comparatorAfterFragment(text, unitEnd, limit);
    return out;
}

// ---------------------------------------------------------------- scope

QString cleanScope(QStringView s) {
    static const QRegularExpression leadingDate(QStringLiteral(
        "^(?:[0-9０-９]{4}\\s*年(?:[0-9０-９]{1,2}\\s*月)?(?:年?底|末)?(?:前|以前|内)?|今年内|年内|全年)"));
    static const QString verbs =
        QStringLiteral("(?:平均)?(?:再)?(?:控制在|压减至|压缩至|缩减至|减少至|减至|降至|不超过|不高于|不低于|"
                       "不少于|少于|低于|至少|达到|达|"
                       "降低|压缩|压减|减少为|简化为|放宽至|放宽到|稳定在|保持在|提高到|提高至|提升至|增加|"
                       "新增|新建|实现|约|为|至|在|由|从)?$");
    // The measured noun (办理时限, 审批时间) goes too when a qualifier remains:
    // 高压客户在供电企业(的办电时限).
    static const QRegularExpression trailingNounAndVerb(
        QStringLiteral(
            "(?:的)?(?:全流程|平均)?(?:审批时间|办理时间|办理时限|办电时限|总办理时限|办理总时限|时限|时间|"
            "总用时|用时)") +
        verbs);
    static const QRegularExpression trailingVerb(verbs);
    // A deadline inside the clause ends whatever came before it (a measure title in a jumbled
    // page, 压减获得用水耗时2020年底前实现…): the scope is what the deadline governs.
    static const QRegularExpression innerDeadline(
        QStringLiteral("[0-9０-９]{4}\\s*年(?:[0-9０-９]{1,2}\\s*月)?(?:年?底|末)?(?:前|以前)"));
    QString out = trimSpaces(s).toString();
    QRegularExpressionMatch last;
    for (auto it = innerDeadline.globalMatch(out); it.hasNext();)
        last = it.next();
    if (last.hasMatch() && last.capturedStart() > 0 && out.size() - last.capturedEnd() >= 4)
        out.remove(0, last.capturedEnd());
    for (int pass = 0; pass < 3; ++pass) {
        out.remove(leadingDate);
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
    QString shorter = out;
    shorter.remove(trailingNounAndVerb);
    if (shorter.size() >= 3)
        out = shorter;
    else
        out.remove(trailingVerb);
    while (!out.isEmpty() &&
           (out.back() == u'的' || out.back() == u'、' || out.back() == u'，' || isSpace(out.back())))
        out.chop(1);
    if (out.size() > 40)
        out = out.right(40);
    return out;
}

// “五个100%” after the rates it covers (覆盖率、回访率和整改率“三个100%”): one target per rate.
// Any other number in a short quoted name gives nothing.
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

// Numbers listed together (3、2个工作日内办结; 分别压减至2个、4个) share the comparator written
// with the last, and after 分别 pair in order with the items listed before it.
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

} // namespace

UnitClass unitClass(const QString& u) {
    static const QHash<QString, UnitClass> map = {
        {u"工作日"_s, UnitClass::Time},      {u"日"_s, UnitClass::Time},
        {u"天"_s, UnitClass::Time},          {u"小时"_s, UnitClass::Time},
        {u"分钟"_s, UnitClass::Time},        {u"月"_s, UnitClass::Time},
        {u"年"_s, UnitClass::Time},          {u"周"_s, UnitClass::Time},
        {u"季度"_s, UnitClass::Time},        {u"%"_s, UnitClass::Percent},
        {u"个百分点"_s, UnitClass::Percent}, {u"元"_s, UnitClass::Money},
        {u"万元"_s, UnitClass::Money},       {u"亿元"_s, UnitClass::Money},
        {u"万亿元"_s, UnitClass::Money},     {u"费用"_s, UnitClass::Money},
        {u"成本"_s, UnitClass::Money},       {u"投资"_s, UnitClass::Money},
        {u"收费"_s, UnitClass::Money},       {u"元/吨"_s, UnitClass::Money},
        {u"元/立方米"_s, UnitClass::Money},  {u"元/千瓦时"_s, UnitClass::Money},
        {u"平方米"_s, UnitClass::Area},      {u"万平方米"_s, UnitClass::Area},
        {u"平方公里"_s, UnitClass::Area},    {u"公里"_s, UnitClass::Length},
        {u"千伏安"_s, UnitClass::Power},     {u"千瓦"_s, UnitClass::Power},
    };
    if (u.isEmpty())
        return UnitClass::None;
    return map.value(u, UnitClass::Count);
}

QList<TextTarget> extractTextTargets(const QString& text, const GrammarOptions& options) {
    QList<TextTarget> out;
    const QList<Range> sentences = splitSentences(text);
    int sentenceIndex = -1;
    for (const Range& sr : sentences) {
        ++sentenceIndex;
        const qsizetype ss = sr.start;
        const qsizetype se = sr.end;
        const QList<DateMention> dates = findDates(text, ss, se, options.documentYear);
        auto inDate = [&](qsizetype p) {
            return std::any_of(dates.begin(), dates.end(),
                               [p](const DateMention& d) { return p >= d.start && p < d.end; });
        };
        const QString sentence = text.mid(ss, se - ss);
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
                if (rate &&
                    endsWithAny(back,
                                {u"降低", u"下降", u"压缩", u"压减", u"减少", u"缩减", u"缩短", u"精简",
                                 u"节省", u"节约", u"降", u"减"},
                                &verb) &&
                    !hasBaseline)
                    t.kind = QStringLiteral("reduce_by");
                else if (rate &&
                         endsWithAny(back, {u"增加", u"增长", u"提高", u"提升", u"扩大", u"增"}, &verb) &&
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
            if (gov)
                t.deadline = gov->yearMonth;
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
            found << t;
        }
        // Qualitative commitments: 立等可取, 即办即结 — recorded without a value.
        static const QRegularExpression qual(QStringLiteral(
            "立等可取|即办即结|即办即取|当场办结|即来即办|立即办结|即时办结|当日办结|当天办结|即到即办|"
            "一次都不跑|一次不用跑|一次不跑"));
        // Each of those phrases holds 立, 即, 当 or 跑: skip the regex where none occurs.
        const bool mayBeQualitative = containsAny(sentence, {u"立", u"即", u"当", u"跑"});
        for (auto qit = mayBeQualitative ? qual.globalMatch(sentence) : QRegularExpressionMatchIterator();
             qit.hasNext();) {
            const QRegularExpressionMatch m = qit.next();
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
        const bool restates = std::any_of(found.begin(), found.end(),
                                          [](const TextTarget& t) { return t.baseline.has_value(); });
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
        for (auto it = mayHaveZero ? zero.globalMatch(sentence) : QRegularExpressionMatchIterator();
             it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
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
        if (!restates && sentence.contains(QStringLiteral("一半")) && !statistic() && !past()) {
            for (auto it = half.globalMatch(sentence); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                addSpecial(m, 0, 50, QStringLiteral("%"),
                           m.capturedLength(2) > 0 ? QStringLiteral(">=") : QStringLiteral("="),
                           QStringLiteral("reduce_by"));
            }
        }
        std::sort(found.begin(), found.end(),
                  [](const TextTarget& a, const TextTarget& b) { return a.numberStart < b.numberStart; });
        pairLists(text, found);
        out << found;
    }
    return out;
}

} // namespace pc::extract
