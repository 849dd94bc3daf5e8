// In-place repair of Qt's ToUnicode CMaps (radical → ideograph), keeping every byte offset.
#include "pdftounicode.h"

#include <QRegularExpression>
#include <QString>

namespace pc::ui {

namespace {

// The unified ideograph for a Kangxi / CJK-supplement radical, or 0 when there is none in the BMP.
uint ideographOf(uint code) {
    if (code < 0x2E80 || code > 0x2FDF)
        return 0;
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
