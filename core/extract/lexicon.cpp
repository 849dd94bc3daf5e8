// The grammar's lexicon (see lexicon.h).
#include "lexicon.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace pc::extract::grammar {

using namespace Qt::StringLiterals;

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

// Entries are indexed by their first character.
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

bool isAsciiLetter(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'Ａ' && u <= u'Ｚ') ||
           (u >= u'ａ' && u <= u'ｚ');
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

// The words are short and the comparison is inline: QStringView::startsWith / endsWith is a library
// call per word (case handling, size checks) for what is a compare of two or three code units.
bool endsWithAny(QStringView s, std::initializer_list<QStringView> words, QStringView* which) {
    for (QStringView w : words) {
        if (w.size() <= s.size() && std::equal(w.begin(), w.end(), s.end() - w.size())) {
            if (which)
                *which = w;
            return true;
        }
    }
    return false;
}

bool startsWithAny(QStringView s, std::initializer_list<QStringView> words, QStringView* which) {
    for (QStringView w : words) {
        if (w.size() <= s.size() && std::equal(w.begin(), w.end(), s.begin())) {
            if (which)
                *which = w;
            return true;
        }
    }
    return false;
}

bool containsAny(QStringView s, std::initializer_list<QStringView> words) {
    // One walk over the text, comparing first characters, beats a library search per word. A table of
    // the words' first characters (by their low eight bits) rules out most positions at once; it costs
    // a few instructions per word to build, so it is built for any list of more than two words (a
    // clause against the 20-odd predicates compared every word at every position before) and for long
    // texts (a whole sentence, for the statistic and past words).
    const char16_t* d = s.utf16();
    const qsizetype n = s.size();
    for (QStringView w : words) {
        if (w.isEmpty())
            return true; // as QStringView::contains: the empty word is everywhere
    }
    std::array<quint64, 4> firsts{};
    const bool filtered = n > 48 || words.size() > 2;
    if (filtered) {
        for (QStringView w : words)
            firsts[(w.utf16()[0] & 0xff) >> 6] |= quint64(1) << (w.utf16()[0] & 63);
    }
    for (qsizetype p = 0; p < n; ++p) {
        const char16_t c = d[p];
        if (filtered && !(firsts[(c & 0xff) >> 6] & (quint64(1) << (c & 63))))
            continue;
        for (QStringView w : words) {
            const qsizetype len = w.size();
            if (w.utf16()[0] != c || len > n - p)
                continue;
            qsizetype k = 1;
            while (k < len && w.utf16()[k] == d[p + k])
                ++k;
            if (k == len)
                return true;
        }
    }
    return false;
}

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

} // namespace pc::extract::grammar
