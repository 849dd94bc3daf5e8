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

bool isArabicDigit(QChar c);
bool isChineseDigit(QChar c); // 零一二两三四五六七八九十百千

// Value of a Chinese numeral such as 三, 十五, 二十, 一百二十, 两; nullopt if malformed.
std::optional<double> parseChineseNumber(QStringView s);

// Reads the number starting at `pos` (Arabic with optional decimals, Chinese numeral, or 半 before a
// unit).
// Returns nullopt if no number starts there.
std::optional<NumberToken> readNumber(const QString& text, qsizetype pos);

// Formats a value the way the CLI and CSV contract wants it: '.' decimals, no trailing zeros.
QString formatNumber(double v);

} // namespace pc::extract
