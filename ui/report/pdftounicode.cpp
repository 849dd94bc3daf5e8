// In-place repair of Qt's ToUnicode CMaps (radical → ideograph), keeping every byte offset.
#include "pdftounicode.h"

#include <QHash>
#include <QRegularExpression>
#include <QString>

namespace pc::ui {

namespace {

// The unified ideograph for a Kangxi / CJK-supplement radical, or 0 when there is none in the BMP.
// Kangxi radicals decompose (NFKC); the CJK Radicals Supplement mostly does not, so its forms that
// are whole characters in simplified Chinese (⻚ 页, ⻔ 门, ⻓ 长 …) come from Unicode's
// EquivalentUnifiedIdeograph data.
uint ideographOf(uint code) {
    if (code < 0x2E80 || code > 0x2FDF)
        return 0;
    static const QHash<uint, uint> supplement{
        {0x2EA0, 0x6C11}, {0x2EA9, 0x738B}, {0x2EB0, 0x7E9F}, {0x2EC1, 0x864E}, {0x2EC4, 0x897F},
        {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2}, {0x2EC8, 0x8BA0}, {0x2EC9, 0x8D1D}, {0x2ECB, 0x8F66},
        {0x2ED0, 0x9485}, {0x2ED1, 0x9577}, {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED7, 0x96E8},
        {0x2ED8, 0x9752}, {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE},
        {0x2EDD, 0x98DF}, {0x2EE0, 0x9963}, {0x2EE2, 0x9A6C}, {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C},
        {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364}, {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4},
        {0x2EEA, 0x9EFE}, {0x2EEC, 0x9F50}, {0x2EEE, 0x9F7F}, {0x2EF0, 0x9F99}, {0x2EF1, 0x9F9C}};
    if (const uint ideo = supplement.value(code))
        return ideo;
    const QString n = QString(QChar(char16_t(code))).normalized(QString::NormalizationForm_KC);
    if (n.size() != 1 || n.at(0).unicode() == code)
        return 0;
    return n.at(0).unicode();
}

// Rewrites <XXXX> destination codes inside [from, to).
int rewrite(QByteArray& pdf, qsizetype from, qsizetype to) {
    int count = 0;
    for (qsizetype i = from; i + 6 <= to; ++i) {
        if (pdf.at(i) != '<' || pdf.at(i + 5) != '>')
            continue;
        bool ok = false;
        const uint code = QByteArray(pdf.constData() + i + 1, 4).toUInt(&ok, 16);
        if (!ok)
            continue;
        if (const uint ideo = ideographOf(code)) {
            const QByteArray hex = QByteArray::number(ideo, 16).toUpper().rightJustified(4, '0');
            pdf.replace(i + 1, 4, hex);
            ++count;
        }
        i += 5;
    }
    return count;
}

} // namespace

int repairPdfToUnicode(QByteArray& pdf) {
    int count = 0;
    qsizetype pos = 0;
    while ((pos = pdf.indexOf("beginbfrange", pos)) >= 0) {
        const qsizetype end = pdf.indexOf("endbfrange", pos);
        if (end < 0)
            break;
        // Each line is "<src> <src> <dst>" or "<src> <src> [<dst> …]": only destinations change.
        qsizetype line = pdf.indexOf('\n', pos) + 1;
        while (line > 0 && line < end) {
            qsizetype eol = pdf.indexOf('\n', line);
            if (eol < 0 || eol > end)
                eol = end;
            const qsizetype dst = line + 14; // after "<xxxx> <xxxx> "
            if (dst < eol)
                count += rewrite(pdf, dst, eol);
            line = eol + 1;
        }
        pos = end;
    }
    pos = 0;
    while ((pos = pdf.indexOf("beginbfchar", pos)) >= 0) {
        const qsizetype end = pdf.indexOf("endbfchar", pos);
        if (end < 0)
            break;
        qsizetype line = pdf.indexOf('\n', pos) + 1;
        while (line > 0 && line < end) {
            qsizetype eol = pdf.indexOf('\n', line);
            if (eol < 0 || eol > end)
                eol = end;
            if (line + 7 < eol)
                count += rewrite(pdf, line + 7, eol); // after "<xxxx> "
            line = eol + 1;
        }
        pos = end;
    }
    return count;
}

} // namespace pc::ui
