// Reading numbers as the plans write them: Arabic (full- or half-width, decimals), Chinese numerals, 万/亿.
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace pc::extract {

// A number found in text: [start, end) in the text, the value, and how it was written.
struct NumberToken {
    qsizetype start = -1;
    qsizetype end = -1;
    double value = 0;
    bool chinese = false; // 三, 十五, 两
    int digits = 0;       // Arabic integer digits (2019 → 4), to tell years from values
};

// The character tests run for every character of every sentence: inline, no call per character.
inline bool isArabicDigit(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'０' && u <= u'９');
}

// 零〇一二两三四五六七八九 → 0–9, else -1
inline int chineseDigit(QChar c) {
    switch (c.unicode()) {
    case u'零':
    case u'〇':
        return 0;
    case u'一':
        return 1;
    case u'二':
    case u'两':
        return 2;
    case u'三':
        return 3;
    case u'四':
        return 4;
    case u'五':
        return 5;
    case u'六':
        return 6;
    case u'七':
        return 7;
    case u'八':
        return 8;
    case u'九':
        return 9;
    default:
        return -1;
    }
}

// 十百千 → 10, 100, 1000, else 0
inline int chineseMultiplier(QChar c) {
    switch (c.unicode()) {
    case u'十':
        return 10;
    case u'百':
        return 100;
    case u'千':
        return 1000;
    default:
        return 0;
    }
}

inline bool isChineseDigit(QChar c) { // 零一二两三四五六七八九十百千
    return chineseDigit(c) >= 0 || chineseMultiplier(c) > 0;
}

// Value of a Chinese numeral such as 三, 十五, 二十, 一百二十, 两; nullopt if malformed.
std::optional<double> parseChineseNumber(QStringView s);

// Reads the number starting at `pos` (Arabic with optional decimals, Chinese numeral, or 半 before a
// unit).
// Returns nullopt if no number starts there.
std::optional<NumberToken> readNumber(const QString& text, qsizetype pos);

// Formats a value the way the CLI and CSV contract wants it: '.' decimals, no trailing zeros.
QString formatNumber(double v);

} // namespace pc::extract
