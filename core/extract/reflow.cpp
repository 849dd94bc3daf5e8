// Reflowing a plan's text for extraction (see reflow.h).
#include "reflow.h"

#include "text/normalizedtext.h"

#include <QHash>
#include <QRegularExpression>

#include <numeric>

namespace pc::extract {

namespace {

bool isCjk(QChar c) {
    return c.unicode() >= 0x3400 && c.unicode() <= 0x9FFF;
}

bool isDigitChar(QChar c) {
    const QChar f = text::foldChar(c);
    return f.unicode() >= u'0' && f.unicode() <= u'9';
}

// Written to the flow as it is: not a CR, a space (ASCII, ideographic, no-break) or what foldChar
// folds (the full-width ASCII forms).
bool keptAsIs(char16_t u) {
    return u != u'\r' && u != u' ' && u != 0x3000 && u != 0x00A0 && (u < 0xFF01 || u > 0xFF5E);
}

bool endsSentence(QChar c) {
    switch (c.unicode()) {
    case u'。':
    case u'！':
    case u'？':
    case u'!':
    case u'?':
    case u'；':
    case u';':
    case u'：':
    case u':':
        return true;
    default:
        return false;
    }
}

// A line that opens a list item or a heading never continues the line before it.
bool startsItem(QStringView line) {
    static const QRegularExpression marker(QStringLiteral(
        "^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]{1,2}[.．、]|"
        "[—-]{2}|第[一二三四五六七八九十]+[章节条部])"));
    return marker.match(line).hasMatch();
}

QStringView trimmed(QStringView s) {
    while (!s.isEmpty() && s.front().isSpace())
        s = s.mid(1);
    while (!s.isEmpty() && s.back().isSpace())
        s.chop(1);
    return s;
}

struct Cell {
    qsizetype start;
    qsizetype end;
};

// The cells of a table row written with | or tabs; one cell for any other line.
QList<Cell> splitCells(const QString& s, qsizetype start, qsizetype end) {
    QList<Cell> cells;
    qsizetype from = start;
    for (qsizetype i = start; i <= end; ++i) {
        if (i == end || s.at(i) == u'|' || s.at(i) == u'\t') {
            qsizetype a = from;
            qsizetype b = i;
            while (a < b && s.at(a).isSpace())
                ++a;
            while (b > a && s.at(b - 1).isSpace())
                --b;
            if (b > a)
                cells.append({a, b});
            from = i + 1;
        }
    }
    return cells;
}

// 办理时限（工作日） / 时间(天) / 收费标准（元）: the unit of a column named in its header.
QString headerCellUnit(QStringView cell) {
    static const QRegularExpression re(QStringLiteral(
        "^\\p{Han}{1,12}[（(]\\s*(个工作日|工作日|天|日|小时|分钟|元|万元|%|个|项|份|次)\\s*[）)]$"));
    const QRegularExpressionMatch m = re.match(cell);
    if (!m.hasMatch())
        return {};
    const QString u = m.captured(1);
    return u == QStringLiteral("个工作日") ? QStringLiteral("工作日") : u;
}

bool isNumberCell(QStringView cell) {
    static const QRegularExpression re(QStringLiteral("^[0-9０-９]+(?:[.．][0-9０-９]+)?$"));
    return re.match(cell).hasMatch();
}

// Writes "name（N unit）\n" for a table row whose unit column holds a bare number.
bool appendTableRow(const QString& s, const QList<Cell>& cells, qsizetype unitColumn, const QString& unit,
                    FlowText& out) {
    const Cell& num = cells.at(unitColumn);
    if (!isNumberCell(QStringView(s).mid(num.start, num.end - num.start)))
        return false;
    const Cell* name = nullptr;
    for (const Cell& c : cells) {
        const QStringView v = QStringView(s).mid(c.start, c.end - c.start);
        if (&c != &num && std::any_of(v.begin(), v.end(), [](QChar ch) { return isCjk(ch); })) {
            name = &c;
            break;
        }
    }
    if (!name)
        return false;
    auto put = [&](QChar c, qsizetype at) {
        out.text.append(c);
        out.offsets.append(at);
    };
    for (qsizetype i = name->start; i < name->end; ++i)
        put(text::foldChar(s.at(i)), i);
    put(u'（', num.start);
    for (qsizetype i = num.start; i < num.end; ++i)
        put(text::foldChar(s.at(i)), i);
    for (QChar c : unit)
        put(c, num.end - 1);
    put(u'）', num.end - 1);
    put(u'\n', num.end);
    return true;
}

} // namespace

bool isPageLine(QStringView line) {
    static const QRegularExpression re(
        QStringLiteral("^(?:Page\\s*\\d+(?:\\s.*)?|P\\.\\s*\\d+|[-－—–]\\s*\\d+\\s*[-－—–]|第\\s*\\d+\\s*页(?"
                       ":\\s*[,，/]?\\s*共\\s*"
                       "\\d+\\s*页)?|\\d+\\s*/\\s*\\d+)$"));
    const QStringView t = trimmed(line);
    return !t.isEmpty() && t.size() <= 80 && re.match(t).hasMatch();
}

void appendLineChars(const QString& source, qsizetype start, qsizetype end, FlowText& out) {
    const QChar* chars = source.constData();
    for (qsizetype i = start; i < end; ++i) {
        // A run of characters written as they are (not a CR, a space or what foldChar folds): appended
        // at once, with their offsets.
        qsizetype j = i;
        while (j < end && keptAsIs(chars[j].unicode()))
            ++j;
        if (j > i) {
            out.text.append(chars + i, j - i);
            const qsizetype at = out.offsets.size();
            out.offsets.resize(at + (j - i));
            std::iota(out.offsets.begin() + at, out.offsets.end(), i);
            i = j - 1;
            continue;
        }
        const QChar c = chars[i];
        if (c == u'\r')
            continue;
        // "2024 年", "30 分钟", "的 5": a space beside a digit, between CJK text, says nothing.
        if (c == u' ' || c == u'\u3000' || c == u'\u00a0') {
            j = i;
            while (j < end &&
                   (source.at(j) == u' ' || source.at(j) == u'\u3000' || source.at(j) == u'\u00a0'))
                ++j;
            const QChar prev = out.text.isEmpty() ? QChar() : out.text.back();
            const QChar next = j < end ? source.at(j) : QChar();
            const bool digitSide = isDigitChar(prev) || isDigitChar(next);
            const bool cjkSide = isCjk(prev) || isCjk(next) || next == u'%' || next == u'％';
            if (!out.text.isEmpty() && j < end && digitSide && cjkSide) {
                i = j - 1;
                continue;
            }
        }
        out.text.append(text::foldChar(c));
        out.offsets.append(i);
    }
}

FlowText reflow(const QString& source, qsizetype from, qsizetype to) {
    FlowText out;
    from = std::clamp<qsizetype>(from, 0, source.size());
    to = std::clamp<qsizetype>(to, from, source.size());
    struct Line {
        qsizetype start;
        qsizetype end; // without the line break
        qsizetype width;
        bool page;
    };
    QList<Line> lines;
    for (qsizetype s = from; s < to;) {
        qsizetype e = source.indexOf(QLatin1Char('\n'), s);
        if (e < 0 || e > to)
            e = to;
        const QStringView v = QStringView(source).mid(s, e - s);
        lines.append({s, e, trimmed(v).size(), isPageLine(v)});
        s = e + 1;
    }
    // The page's line width: the commonest width among long lines, if several lines share it (a PDF
    // copy wraps every line of a paragraph at the same width; a web page's paragraphs do not).
    qsizetype wrapWidth = 0;
    {
        QHash<qsizetype, int> count;
        int longLines = 0;
        for (const Line& l : std::as_const(lines)) {
            if (!l.page && l.width >= 15) {
                ++count[l.width];
                ++longLines;
            }
        }
        int best = 0;
        for (auto it = count.cbegin(); it != count.cend(); ++it) {
            const int around = it.value() + count.value(it.key() - 1) + count.value(it.key() + 1);
            if (around > best || (around == best && it.key() > wrapWidth)) {
                best = around;
                wrapWidth = it.key();
            }
        }
        if (best < 3 || best * 4 < longLines)
            wrapWidth = 0;
    }
    out.text.reserve(to - from);
    out.offsets.reserve(to - from);
    // A table whose unit stands only in a column header (办理时限（工作日）): each row is read as
    // "stage（N unit）", the way plans write a stage's limit in prose.
    QString headerUnit;
    qsizetype unitColumn = -1;
    for (qsizetype li = 0; li < lines.size(); ++li) {
        const Line& l = lines.at(li);
        if (l.page)
            continue;
        const QList<Cell> cells = splitCells(source, l.start, l.end);
        if (cells.size() < 2) {
            headerUnit.clear();
        } else {
            bool header = false;
            for (qsizetype c = 0; c < cells.size(); ++c) {
                const QString unit =
                    headerCellUnit(QStringView(source).mid(cells[c].start, cells[c].end - cells[c].start));
                if (!unit.isEmpty()) {
                    headerUnit = unit;
                    unitColumn = c;
                    header = true;
                    break;
                }
            }
            if (!header && !headerUnit.isEmpty() && unitColumn < cells.size() &&
                appendTableRow(source, cells, unitColumn, headerUnit, out))
                continue;
        }
        appendLineChars(source, l.start, l.end, out);
        if (l.end >= to && li + 1 == lines.size())
            break;
        // Does the line run on? Find the next line that is not a page header.
        qsizetype next = li + 1;
        while (next < lines.size() && lines.at(next).page)
            ++next;
        const QStringView here = trimmed(QStringView(source).mid(l.start, l.end - l.start));
        bool join = false;
        if (wrapWidth > 0 && next < lines.size() && !here.isEmpty() && l.width >= wrapWidth - 2 &&
            !endsSentence(here.back())) {
            const QStringView nextLine = trimmed(
                QStringView(source).mid(lines.at(next).start, lines.at(next).end - lines.at(next).start));
            join = !nextLine.isEmpty() && !startsItem(nextLine);
        }
        if (!join && l.end < to) {
            out.text.append(QLatin1Char('\n'));
            out.offsets.append(l.end);
        }
    }
    return out;
}

} // namespace pc::extract
