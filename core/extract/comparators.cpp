// Comparator cues (see comparators.h).
#include "comparators.h"

#include "lexicon.h"
#include "numbers.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace pc::extract::grammar {

qsizetype changeFollows(const QString& text, qsizetype unitEnd, qsizetype limit) {
    static const QRegularExpression merged(QStringLiteral(
        "^[\\p{Han}]{0,4}?(?:整合|合并|归并|精简|压减|减少|缩减|压缩|简化|优化)(?:为|成|至|到)"));
    // A match ends in 为, 成, 至 or 到 within the ten characters: without one the expression is not run
    // (most numbers are followed by none).
    const QStringView window = QStringView(text).mid(unitEnd, std::min<qsizetype>(10, limit - unitEnd));
    if (!std::any_of(window.begin(), window.end(),
                     [](QChar c) { return c == u'为' || c == u'成' || c == u'至' || c == u'到'; }))
        return 0;
    const QRegularExpressionMatch m = merged.match(window.toString());
    return m.hasMatch() ? unitEnd + m.capturedEnd() : 0;
}

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
    // The window's characters by their low six bits: a cue whose first character is not among them
    // cannot occur in it (most cues, most windows) and is not searched for. The character after the
    // window counts too: Qt 6.4's lastIndexOf of a one-character word in a view looks one character
    // past the view's end (逾 right after the window is found), and the results stay what they were.
    quint64 present = 0;
    for (const QChar ch : win)
        present |= quint64(1) << (ch.unicode() & 63);
    if (numStart < text.size())
        present |= quint64(1) << (text.at(numStart).unicode() & 63);
    for (const Cue& c : cues) {
        if (!(present & (quint64(1) << (c.word.front().unicode() & 63))))
            continue;
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

namespace {

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

} // namespace

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

} // namespace pc::extract::grammar
