// RFC 4180 CSV writing and reading.
#include "csv.h"

namespace pc::csv {

QString field(const QString& value)
{
    bool needsQuotes = false;
    for (const QChar c : value) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return value;
    QString out = value;
    out.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

namespace {

bool isPlainDecimal(const QString& s)
{
    // -?digits(.digits)? — what the exporters write for numbers.
    qsizetype i = s.startsWith(QLatin1Char('-')) ? 1 : 0;
    qsizetype digits = 0;
    bool point = false;
    for (; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            ++digits;
        } else if (c == QLatin1Char('.') && !point && digits > 0 && i + 1 < s.size()) {
            point = true;
        } else {
            return false;
        }
    }
    return digits > 0;
}

} // namespace

QString defused(const QString& cell)
{
    if (cell.isEmpty())
        return cell;
    const QChar first = cell.at(0);
    if (first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + cell;
    qsizetype i = 0;
    while (i < cell.size() && (cell.at(i) == QLatin1Char(' ') || cell.at(i) == QLatin1Char('\n') ||
                               cell.at(i) == QChar(0x3000) || cell.at(i) == QChar(0x00A0)))
        ++i;
    if (i == cell.size())
        return cell;
    const QChar c = cell.at(i);
    const bool trigger =
        c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@');
    if (!trigger || (i == 0 && (cell == QLatin1String("=") || isPlainDecimal(cell))))
        return cell;
    return QLatin1Char('\'') + cell;
}

void appendRow(QString& out, const QStringList& fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += QLatin1Char(',');
        out += field(defused(fields.at(i)));
    }
    out += QLatin1String("\r\n");
}

QString row(const QStringList& fields)
{
    QString out;
    appendRow(out, fields);
    return out;
}

QByteArray table(const QStringList& header, const QList<QStringList>& rows, const Options& options)
{
    QString text = row(header);
    for (const QStringList& r : rows)
        text += row(r);
    QByteArray out;
    if (options.bom)
        out = QByteArrayLiteral("\xEF\xBB\xBF");
    out += text.toUtf8();
    return out;
}

QList<QStringList> parse(const QString& text)
{
    QList<QStringList> rows;
    QStringList current;
    QString fieldText;
    bool inQuotes = false;
    bool any = false;
    qsizetype i = 0;
    if (text.startsWith(QChar(0xFEFF)))
        i = 1;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        any = true;
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    fieldText += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                fieldText += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            inQuotes = true;
        } else if (c == QLatin1Char(',')) {
            current << fieldText;
            fieldText.clear();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            current << fieldText;
            fieldText.clear();
            rows << current;
            current.clear();
            any = false;
        } else {
            fieldText += c;
        }
    }
    if (any) {
        current << fieldText;
        rows << current;
    }
    return rows;
}

} // namespace pc::csv
