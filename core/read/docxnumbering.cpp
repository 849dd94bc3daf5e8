// Word's list numbering rendered as text: Chinese counting, 甲乙丙, letters, roman numerals …
#include "docxnumbering.h"

#include <QXmlStreamReader>

#include <climits>

namespace pc::read::docx {
namespace {

constexpr int kLevels = 9;
constexpr int kUnused = INT_MIN;

QString chineseNumber(qint64 n, const QString& digits, const QString& units, bool dropLeadingOne) {
    // digits: 零一二…九; units: 十百千 ; groups of four with 万 / 亿.
    if (n == 0)
        return digits.mid(0, 1);
    if (n < 0)
        return QString::number(n);
    const QString big[] = {QString(), QStringLiteral("万"), QStringLiteral("亿")};
    QString out;
    bool pendingZero = false;
    QList<int> groups;
    for (qint64 v = n; v > 0; v /= 10000)
        groups.prepend(int(v % 10000));
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const int value = groups[g];
        const qsizetype bigIndex = groups.size() - 1 - g;
        if (value == 0) {
            pendingZero = !out.isEmpty();
            continue;
        }
        const int d[4] = {value / 1000, value / 100 % 10, value / 10 % 10, value % 10};
        for (int i = 0; i < 4; ++i) {
            if (d[i] == 0) {
                if (!out.isEmpty())
                    pendingZero = true;
                continue;
            }
            if (pendingZero) {
                out += digits.at(0);
                pendingZero = false;
            }
            const bool tens = i == 2;
            // 十一 rather than 一十一 at the start of the number.
            if (!(tens && d[i] == 1 && out.isEmpty() && dropLeadingOne))
                out += digits.at(d[i]);
            if (i < 3)
                out += units.at(2 - i);
        }
        if (bigIndex > 0 && bigIndex < 3)
            out += big[bigIndex];
        pendingZero = value % 10 == 0 && g + 1 < groups.size();
    }
    return out;
}

QString roman(int n, bool upper) {
    if (n <= 0 || n >= 4000)
        return QString::number(n);
    static const struct {
        int v;
        const char* s;
    } table[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
                 {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
    QString out;
    for (const auto& t : table) {
        while (n >= t.v) {
            out += QLatin1String(t.s);
            n -= t.v;
        }
    }
    return upper ? out : out.toLower();
}

QString letters(int n, bool upper) {
    if (n <= 0 || n > 26 * 40) // a hostile start value must not make a megabyte label
        return QString::number(n);
    // Word: A … Z, AA … ZZ, AAA …
    const QChar c(char16_t((upper ? u'A' : u'a') + (n - 1) % 26));
    return QString((n - 1) / 26 + 1, c);
}

QString cycle(int n, const QString& symbols) {
    if (n <= 0)
        return QString::number(n);
    return symbols.mid((n - 1) % symbols.size(), 1);
}

QString enclosed(int n, char16_t first, int count) {
    if (n >= 1 && n <= count)
        return QString(QChar(char16_t(first + n - 1)));
    return QString::number(n);
}

int intAttr(const QXmlStreamReader& x, int fallback) {
    bool ok = false;
    const int v = x.attributes().value(QLatin1String("w:val")).toInt(&ok);
    return ok ? v : fallback;
}

QString strAttr(const QXmlStreamReader& x, QLatin1String name = QLatin1String("w:val")) {
    return x.attributes().value(name).toString();
}

bool isPunctuation(QChar c) {
    return c.isPunct() || c == QChar(0x3001) || c == QChar(0xFF0E);
}

// Reads one <w:lvl> (the reader stands on its start element) into level.
void readLevel(QXmlStreamReader& x, Level& level) {
    while (x.readNextStartElement()) {
        const QStringView n = x.qualifiedName();
        if (n == QLatin1String("w:start"))
            level.start = intAttr(x, 1);
        else if (n == QLatin1String("w:numFmt"))
            level.numFmt = strAttr(x);
        else if (n == QLatin1String("w:lvlText"))
            level.lvlText = strAttr(x);
        else if (n == QLatin1String("w:suff"))
            level.suffix = strAttr(x);
        else if (n == QLatin1String("w:pStyle"))
            level.pStyle = strAttr(x);
        else if (n == QLatin1String("w:lvlRestart"))
            level.restart = intAttr(x, -1);
        else if (n == QLatin1String("w:isLgl"))
            level.legal = strAttr(x) != QLatin1String("0") && strAttr(x) != QLatin1String("false");
        x.skipCurrentElement();
    }
}

} // namespace

QString formatNumber(int n, const QString& f) {
    static const QString lower = QStringLiteral("零一二三四五六七八九");
    static const QString lowerUnits = QStringLiteral("十百千");
    static const QString legal = QStringLiteral("零壹贰叁肆伍陆柒捌玖");
    static const QString legalUnits = QStringLiteral("拾佰仟");
    if (f == QLatin1String("decimal") || f.isEmpty())
        return QString::number(n);
    if (f == QLatin1String("none"))
        return {};
    if (f == QLatin1String("bullet"))
        return QStringLiteral("•");
    if (f == QLatin1String("decimalZero"))
        return n >= 0 && n < 10 ? QStringLiteral("0") + QString::number(n) : QString::number(n);
    if (f == QLatin1String("chineseCounting") || f == QLatin1String("chineseCountingThousand") ||
        f == QLatin1String("japaneseCounting") || f == QLatin1String("taiwaneseCounting") ||
        f == QLatin1String("taiwaneseCountingThousand") || f == QLatin1String("ideographLegalTraditional") ||
        f == QLatin1String("koreanCounting"))
        return chineseNumber(n, lower, lowerUnits, true);
    if (f == QLatin1String("chineseLegalSimplified"))
        return chineseNumber(n, legal, legalUnits, false);
    if (f == QLatin1String("ideographDigital") || f == QLatin1String("japaneseDigitalTenThousand")) {
        QString out;
        for (const QChar c : QString::number(n))
            out +=
                c.isDigit() ? QString(QStringLiteral("〇一二三四五六七八九").at(c.digitValue())) : QString(c);
        return out;
    }
    if (f == QLatin1String("ideographTraditional"))
        return cycle(n, QStringLiteral("甲乙丙丁戊己庚辛壬癸"));
    if (f == QLatin1String("ideographZodiac"))
        return cycle(n, QStringLiteral("子丑寅卯辰巳午未申酉戌亥"));
    if (f == QLatin1String("upperLetter"))
        return letters(n, true);
    if (f == QLatin1String("lowerLetter"))
        return letters(n, false);
    if (f == QLatin1String("upperRoman"))
        return roman(n, true);
    if (f == QLatin1String("lowerRoman"))
        return roman(n, false);
    if (f == QLatin1String("decimalEnclosedCircle") || f == QLatin1String("decimalEnclosedCircleChinese"))
        return enclosed(n, u'\u2460', 20);
    if (f == QLatin1String("decimalEnclosedParen"))
        return enclosed(n, u'\u2474', 20);
    if (f == QLatin1String("decimalEnclosedFullstop"))
        return enclosed(n, u'\u2488', 20);
    if (f == QLatin1String("decimalFullWidth") || f == QLatin1String("decimalFullWidth2")) {
        QString out = QString::number(n);
        for (QChar& c : out) {
            if (c.isDigit())
                c = QChar(char16_t(0xFF10 + c.digitValue()));
        }
        return out;
    }
    return QString::number(n);
}

Numbering Numbering::parse(const QByteArray& xml) {
    Numbering out;
    if (xml.isEmpty())
        return out;
    QXmlStreamReader x(xml);
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement())
            continue;
        const QStringView n = x.qualifiedName();
        if (n == QLatin1String("w:abstractNum")) {
            const int id = x.attributes().value(QLatin1String("w:abstractNumId")).toInt();
            QList<Level> levels(kLevels);
            while (x.readNextStartElement()) {
                if (x.qualifiedName() == QLatin1String("w:lvl")) {
                    const int ilvl = x.attributes().value(QLatin1String("w:ilvl")).toInt();
                    if (ilvl >= 0 && ilvl < kLevels)
                        readLevel(x, levels[ilvl]);
                    else
                        x.skipCurrentElement();
                } else {
                    x.skipCurrentElement();
                }
            }
            out.m_abstract.insert(id, levels);
        } else if (n == QLatin1String("w:num")) {
            const int id = x.attributes().value(QLatin1String("w:numId")).toInt();
            Num num;
            while (x.readNextStartElement()) {
                if (x.qualifiedName() == QLatin1String("w:abstractNumId")) {
                    num.abstractId = intAttr(x, -1);
                    x.skipCurrentElement();
                } else if (x.qualifiedName() == QLatin1String("w:lvlOverride")) {
                    const int ilvl = x.attributes().value(QLatin1String("w:ilvl")).toInt();
                    while (x.readNextStartElement()) {
                        if (x.qualifiedName() == QLatin1String("w:startOverride")) {
                            num.startOverride.insert(ilvl, intAttr(x, 1));
                            x.skipCurrentElement();
                        } else if (x.qualifiedName() == QLatin1String("w:lvl")) {
                            Level l;
                            readLevel(x, l);
                            num.levelOverride.insert(ilvl, l);
                        } else {
                            x.skipCurrentElement();
                        }
                    }
                } else {
                    x.skipCurrentElement();
                }
            }
            out.m_nums.insert(id, num);
        }
    }
    if (x.hasError()) {
        // A damaged part: keep what was read before the damage.
    }
    return out;
}

const Level* Numbering::level(int numId, int ilvl) const {
    const auto num = m_nums.constFind(numId);
    if (num == m_nums.cend() || ilvl < 0 || ilvl >= kLevels)
        return nullptr;
    if (const auto o = num->levelOverride.constFind(ilvl); o != num->levelOverride.cend())
        return &*o;
    const auto a = m_abstract.constFind(num->abstractId);
    if (a == m_abstract.cend())
        return nullptr;
    return &(*a)[ilvl];
}

int Numbering::levelForStyle(int numId, const QString& styleId) const {
    for (int i = 0; i < kLevels; ++i) {
        const Level* l = level(numId, i);
        if (l && l->pStyle == styleId)
            return i;
    }
    return -1;
}

QString Numbering::next(int numId, int ilvl) {
    const Level* current = level(numId, ilvl);
    if (!current)
        return {};
    const Num& num = m_nums[numId];
    const QString key = num.startOverride.isEmpty() && num.levelOverride.isEmpty()
                            ? QStringLiteral("a%1").arg(num.abstractId)
                            : QStringLiteral("n%1").arg(numId);
    QList<int>& counters = m_counters[key];
    if (counters.isEmpty())
        counters = QList<int>(kLevels, kUnused);
    const auto startOf = [&](int i) {
        const Level* l = level(numId, i);
        return num.startOverride.value(i, l ? l->start : 1);
    };
    counters[ilvl] = counters[ilvl] == kUnused  ? startOf(ilvl)
                     : counters[ilvl] < INT_MAX ? counters[ilvl] + 1
                                                : INT_MAX; // no signed overflow on a hostile start value
    for (int deeper = ilvl + 1; deeper < kLevels; ++deeper) {
        const Level* l = level(numId, deeper);
        const int restart = l ? l->restart : -1;
        if (restart < 0 || (restart > 0 && ilvl < restart))
            counters[deeper] = kUnused;
    }
    QString label;
    const QString& text = current->lvlText;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            const int ref = text.at(i + 1).digitValue() - 1;
            ++i;
            if (ref < 0 || ref >= kLevels)
                continue;
            const int value = counters[ref] == kUnused ? startOf(ref) : counters[ref];
            const Level* rl = level(numId, ref);
            const QString fmt =
                current->legal ? QStringLiteral("decimal") : (rl ? rl->numFmt : QStringLiteral("decimal"));
            label += formatNumber(value, fmt);
        } else {
            label += c;
        }
    }
    if (!label.isEmpty() && current->suffix != QLatin1String("nothing") && !isPunctuation(label.back()))
        label += QLatin1Char(' ');
    return label;
}

} // namespace pc::read::docx
