// Number reading for the target grammar (see numbers.h).
#include "numbers.h"

#include <QByteArray>
#include <QVarLengthArray>

#include <cmath>

namespace pc::extract {

static int arabicValue(QChar c) {
    const char16_t u = c.unicode();
    return u >= u'０' ? u - u'０' : u - u'0';
}

std::optional<double> parseChineseNumber(QStringView s) {
    if (s.isEmpty())
        return std::nullopt;
    double total = 0;
    int pending = -1; // digit waiting for a multiplier
    int lastMult = 100000;
    for (QChar c : s) {
        const int d = chineseDigit(c);
        if (d >= 0) {
            if (pending >= 0 && d != 0)
                return std::nullopt; // 三四: not a numeral, a list
            pending = d;
            continue;
        }
        const int m = chineseMultiplier(c);
        if (m == 0 || m >= lastMult)
            return std::nullopt;
        total += (pending < 0 ? 1 : pending) * m; // 十五: a bare 十 means 10
        pending = -1;
        lastMult = m;
    }
    if (pending > 0)
        total += pending;
    return total;
}

std::optional<NumberToken> readNumber(const QString& text, qsizetype pos) {
    const qsizetype n = text.size();
    if (pos >= n)
        return std::nullopt;
    NumberToken t;
    t.start = pos;
    if (isArabicDigit(text.at(pos))) {
        // Fold to ASCII and let toDouble round correctly (99.96 stays 99.96); whole numbers of up to
        // 15 digits are exact in a double and are summed directly.
        QVarLengthArray<char, 32> ascii;
        bool fraction = false;
        qsizetype i = pos;
        auto digitAt = [&](qsizetype k) { return k < n && isArabicDigit(text.at(k)); };
        while (digitAt(i)) {
            ascii.append(char('0' + arabicValue(text.at(i))));
            ++i;
            // 5,000 / 1,070: an ASCII comma before exactly three digits groups thousands.
            if (i < n && text.at(i) == u',' && digitAt(i + 1) && digitAt(i + 2) && digitAt(i + 3) &&
                !digitAt(i + 4))
                ++i;
        }
        t.digits = int(ascii.size());
        if (i + 1 < n && (text.at(i) == u'.' || text.at(i) == u'．') && isArabicDigit(text.at(i + 1))) {
            ascii.append('.');
            fraction = true;
            ++i;
            while (i < n && isArabicDigit(text.at(i))) {
                ascii.append(char('0' + arabicValue(text.at(i))));
                ++i;
            }
        }
        t.end = i;
        if (!fraction && ascii.size() <= 15) {
            double v = 0;
            for (const char d : ascii)
                v = v * 10 + (d - '0');
            t.value = v;
        } else {
            t.value = QByteArray(ascii.constData(), ascii.size()).toDouble();
        }
        return t;
    }
    // 半个工作日 / 半天 / 半小时: a half, only as a quantity of time or things.
    if (text.at(pos) == u'半' && pos + 1 < n &&
        (text.at(pos + 1) == u'个' || text.at(pos + 1) == u'天' || text.at(pos + 1) == u'日' ||
         text.at(pos + 1) == u'小' || text.at(pos + 1) == u'工') &&
        (pos == 0 || !isChineseDigit(text.at(pos - 1)))) {
        t.end = pos + 1;
        t.value = 0.5;
        t.chinese = true;
        return t;
    }
    if (isChineseDigit(text.at(pos))) {
        qsizetype i = pos;
        while (i < n && isChineseDigit(text.at(i)))
            ++i;
        const auto v = parseChineseNumber(QStringView(text).mid(pos, i - pos));
        if (!v)
            return std::nullopt;
        t.end = i;
        t.value = *v;
        t.chinese = true;
        return t;
    }
    return std::nullopt;
}

QString formatNumber(double v) {
    if (std::isnan(v))
        return {};
    // Round away binary noise (0.1 * 3) before printing; plans never need more than 4 decimals.
    const double scaled = std::round(v * 10000.0);
    if (std::abs(scaled) < 1e15) {
        // The digits of the rounded value written directly: QString::number(r, 'f', 4) of
        // r = scaled / 10000 (below 10^11, its error is far below half the fourth decimal) gives these
        // same digits through a general conversion, then the trailing zeros and the point were cut.
        const qint64 k = qint64(scaled);
        quint64 a = k < 0 ? quint64(-k) : quint64(k);
        char16_t buf[24];
        char16_t* end = buf + 24;
        char16_t* p = end;
        quint64 frac = a % 10000;
        a /= 10000;
        if (frac != 0) {
            int digits = 4;
            while (frac % 10 == 0) {
                frac /= 10;
                --digits;
            }
            for (int d = 0; d < digits; ++d) {
                *--p = char16_t(u'0' + frac % 10);
                frac /= 10;
            }
            *--p = u'.';
        }
        do {
            *--p = char16_t(u'0' + a % 10);
            a /= 10;
        } while (a != 0);
        if (k < 0)
            *--p = u'-';
        return QString(reinterpret_cast<const QChar*>(p), end - p);
    }
    const double r = scaled / 10000.0;
    QString s = QString::number(r, 'f', 4);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    if (s == QStringLiteral("-0"))
        s = QStringLiteral("0");
    return s;
}

} // namespace pc::extract
