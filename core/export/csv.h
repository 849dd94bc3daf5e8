// RFC 4180 CSV writing (UTF-8, optional BOM for Excel), shared by every CSV the tool writes.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace pc::csv {

// Quotes a field when it holds a comma, quote, CR or LF (doubling quotes).
QString field(const QString& value);

// Spreadsheet formula injection ("CSV injection", OWASP): Excel and LibreOffice evaluate a cell that
// starts with = + - @ (also after leading blanks) or with a tab or CR, and plan text is untrusted.
// Such a cell gets a leading apostrophe, which spreadsheets show as text. Cells that cannot run
// anything stay as they are, so numbers stay numbers: a plain decimal (-3.5) and the lone
// comparator "=". table() applies this to every cell.
QString defused(const QString& cell);
QString row(const QStringList& fields); // fields joined with ',' and terminated with "\r\n"
// row(fields) appended to `out`: no text per row in between (a listing of thousands of rows writes
// into one text).
void appendRow(QString& out, const QStringList& fields);

struct Options {
    bool bom = false; // UTF-8 byte-order mark so Excel shows Chinese
};
// Every cell (header included) is written through defused() and field().
QByteArray table(const QStringList& header, const QList<QStringList>& rows, const Options& options = {});

// Parses CSV text back into rows (used by tests and by the importer of user files).
QList<QStringList> parse(const QString& text);

} // namespace pc::csv
