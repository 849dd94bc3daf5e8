// Tab-separated table layouts (one cell per tab-indented line): measures tables and task tables.
#pragma once

#include "parsecontext.h"

namespace pc::parse {

struct TableCell {
    qsizetype start = 0; // normalized range of the cell text (continuation lines included)
    qsizetype end = 0;
};

struct TableRow {
    QList<TableCell> cells;
    qsizetype start = 0;
    qsizetype end = 0;
    int firstLine = 0;
    bool oneLine = false; // written on one line, cells separated by tabs
};

enum class Column { Unknown, Area, Number, Title, Text, Lead, Partners, Deadline, Remark };

struct TableScan {
    QList<TableRow> rows;  // every tab-cell row of the text
    int headerRow = -1;    // index in rows of the header, -1 if none
    QList<Column> columns; // roles of the header cells
    bool hasColumn(Column c) const { return columns.contains(c); }
};

// Finds tab rows and the header row that names the columns.
TableScan scanTable(const ParseContext& ctx);
// Parses the rows after the header into measures; returns the number of measures added.
int parseTable(ParseContext& ctx, const TableScan& scan);

// Sub-item markers （1）（12） in a cell, left to right: [start, end) of each marker and of its number.
// A scanner for what the regular expression （(\d{1,2})） found (the test keeps it as the reference).
struct ItemMarker {
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype numberStart = 0;
    qsizetype numberEnd = 0;
};
QList<ItemMarker> findItemMarkers(QStringView cell);

} // namespace pc::parse
