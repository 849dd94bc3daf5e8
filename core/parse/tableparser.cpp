// Table parsing: header roles, area cells, numbered rows, repeated numbers merged, sub-items with units.
#include "tableparser.h"

#include "deadlines.h"

#include <QHash>
#include <QRegularExpression>

namespace pc::parse {
namespace {

Column roleOf(QStringView header) {
    const QString h = flattened(header);
    auto has = [&](const char16_t* w) { return h.contains(QString::fromUtf16(w)); };
    if (h.isEmpty())
        return Column::Unknown;
    if (has(u"序号") || has(u"编号"))
        return Column::Number;
    if (has(u"牵头"))
        return Column::Lead;
    if (has(u"配合") || has(u"协同") || has(u"参与") || has(u"协办"))
        return Column::Partners;
    if (has(u"责任单位") || has(u"责任部门"))
        return Column::Lead;
    if (has(u"时间") || has(u"时限") || has(u"节点") || has(u"完成"))
        return Column::Deadline;
    if (has(u"备注"))
        return Column::Remark;
    if (has(u"事项") || has(u"目标") || has(u"名称") || has(u"指标"))
        return Column::Title;
    if (has(u"举措") || has(u"措施") || has(u"内容") || has(u"任务"))
        return Column::Text;
    return Column::Unknown;
}

const QRegularExpression& areaHeadingRe() {
    static const QRegularExpression re(QStringLiteral("^[一二三四五六七八九十]+、"));
    return re;
}

struct SubSplit {
    QString label;
    qsizetype start, end;
};

// Splits a text cell at its （1）（2）… markers (numbers must follow each other).
QList<SubSplit> splitSubItems(const ParseContext& ctx, qsizetype start, qsizetype end) {
    QList<SubSplit> out;
    QList<std::pair<qsizetype, QString>> marks;
    int expect = 1;
    const QStringView cell = ctx.view(start, end);
    for (const ItemMarker& m : findItemMarkers(cell)) {
        const int n = cell.sliced(m.numberStart, m.numberEnd - m.numberStart).toInt();
        if (n == expect || (marks.isEmpty() && n > 0)) {
            marks.append({start + m.start, cell.sliced(m.start, m.end - m.start).toString()});
            expect = n + 1;
        }
    }
    if (marks.isEmpty()) {
        out.append({QString(), start, end});
        return out;
    }
    qsizetype s0 = start, e0 = marks.first().first;
    ctx.trim(s0, e0);
    if (e0 > s0)
        out.append({QString(), start, marks.first().first});
    for (qsizetype i = 0; i < marks.size(); ++i) {
        const qsizetype e = i + 1 < marks.size() ? marks[i + 1].first : end;
        out.append({marks[i].second, marks[i].first, e});
    }
    return out;
}

} // namespace

TableScan scanTable(const ParseContext& ctx) {
    TableScan scan;
    bool inRow = false;
    for (int i = 0; i < ctx.lines.size(); ++i) {
        const Line& l = ctx.lines[i];
        const QStringView v = ctx.lineView(i);
        if (v.isEmpty() || v == u"\r") {
            inRow = false;
            continue;
        }
        // A row written on one line, its cells separated by tabs (what the PDF, DOCX and HTML readers
        // write for a table, and what a table copied from a web page looks like).
        const qsizetype firstTab = v.indexOf(QLatin1Char('\t'), v.front() == QLatin1Char('\t') ? 1 : 0);
        if (firstTab > 0) {
            TableRow row{{}, l.start, l.end, i, true};
            qsizetype cellStart = 0; // a leading tab is an empty first cell (a merged area column)
            for (qsizetype k = cellStart; k <= v.size(); ++k) {
                if (k == v.size() || v.at(k) == QLatin1Char('\t')) {
                    row.cells.append({l.start + cellStart, l.start + k});
                    cellStart = k + 1;
                }
            }
            scan.rows.append(row);
            inRow = true; // a line without tabs that follows continues the last cell
            continue;
        }
        if (v.front() == QLatin1Char('\t')) {
            if (!inRow) {
                scan.rows.append(TableRow{{}, l.start + 1, l.end, i});
                inRow = true;
            }
            scan.rows.last().cells.append({l.start + 1, l.end});
            scan.rows.last().end = l.end;
        } else if (inRow) {
            scan.rows.last().cells.last().end = l.end;
            scan.rows.last().end = l.end;
        }
    }
    for (int r = 0; r < scan.rows.size(); ++r) {
        QList<Column> roles;
        int known = 0;
        for (const TableCell& c : scan.rows[r].cells) {
            const Column role = roleOf(ctx.view(c.start, c.end));
            roles.append(role);
            if (role != Column::Unknown && ctx.view(c.start, c.end).trimmed().size() <= 8)
                ++known;
        }
        // A one-line row is a measure table's header only when it names the responsible units: tables
        // of stage limits or fees (序号 事项 时限) are data the extractor reads row by row.
        const bool header = scan.rows[r].oneLine
                                ? roles.contains(Column::Lead)
                                : (roles.contains(Column::Lead) || roles.contains(Column::Number));
        if (known >= 2 && header) {
            scan.headerRow = r;
            scan.columns = roles;
            break;
        }
    }
    return scan;
}

int parseTable(ParseContext& ctx, const TableScan& scan) {
    if (scan.headerRow < 0)
        return 0;
    static const QRegularExpression numbered(QStringLiteral("^(\\d{1,3})\\s*\\.\\s*"));
    static const QRegularExpression bareNumber(QStringLiteral("^(\\d{1,3})\\s*$"));
    const qsizetype headerSize = scan.columns.size();
    const bool hasNumberColumn = scan.hasColumn(Column::Number);
    int added = 0;
    int currentSection = -1;
    QString currentArea;
    bool warnedUnnumbered = false;
    int lastNumber = 0;
    Measure* current = nullptr;
    // Rows usually have as many cells as the header, or more when the header spans the area column
    // ("目标任务" over area + measure). A short row (a trailing empty cell lost) keeps that alignment.
    QHash<qsizetype, int> sizes;
    for (qsizetype r = scan.headerRow + 1; r < scan.rows.size(); ++r)
        sizes[scan.rows[r].cells.size()] += 1;
    qsizetype typicalSize = headerSize;
    int typicalCount = 0;
    for (auto it = sizes.cbegin(); it != sizes.cend(); ++it) {
        if (it.value() > typicalCount || (it.value() == typicalCount && it.key() > typicalSize)) {
            typicalSize = it.key();
            typicalCount = it.value();
        }
    }

    auto finishMeasure = [&](Measure& m) {
        m.lead.clear();
        m.partners.clear();
        QString deadline;
        for (const SubItem& s : m.items) {
            mergeUnits(m.lead, s.lead);
            mergeUnits(m.partners, s.partners);
            deadline = laterDeadline(deadline, s.deadline);
        }
        m.deadline = deadline;
    };

    for (qsizetype r = scan.headerRow + 1; r < scan.rows.size(); ++r) {
        if (ctx.cancelled(static_cast<int>(50 + 40 * r / scan.rows.size())))
            return added;
        const TableRow& row = scan.rows[r];
        const qsizetype n = row.cells.size();
        const qsizetype extra = typicalSize > headerSize ? typicalSize - headerSize : 0;
        auto cellOf = [&](Column role) -> const TableCell* {
            for (qsizetype h = 0; h < headerSize; ++h) {
                if (scan.columns[h] == role && extra + h < n)
                    return &row.cells[extra + h];
            }
            return nullptr;
        };
        auto textOf = [&](const TableCell* c) {
            return c ? ctx.view(c->start, c->end).trimmed() : QStringView();
        };

        // Area: leading extra cells, or a row holding only a 一、 heading.
        const TableCell* areaCell = extra > 0 ? &row.cells[0] : nullptr;
        bool areaOnly = false;
        if (!areaCell && n > 0 && areaHeadingRe().match(textOf(&row.cells[0])).hasMatch()) {
            areaOnly = true;
            for (qsizetype c = 1; c < n; ++c)
                areaOnly = areaOnly && textOf(&row.cells[c]).isEmpty();
            if (areaOnly)
                areaCell = &row.cells[0];
        }
        if (areaCell) {
            const QString area = flattened(textOf(areaCell));
            if (!area.isEmpty() && area != currentArea) {
                currentArea = area;
                const QRegularExpressionMatch m = areaHeadingRe().match(area);
                const QString label = m.hasMatch() ? m.captured(0) : QString();
                currentSection =
                    ctx.addSection(1, label, area.mid(label.size()), areaCell->start, areaCell->end, -1);
            }
        }
        if (areaOnly)
            continue;

        const TableCell* numberCell = cellOf(Column::Number);
        const TableCell* titleCell = cellOf(Column::Title);
        const TableCell* textCell = cellOf(Column::Text);
        int number = 0;
        qsizetype titleStart = titleCell ? titleCell->start : -1;
        qsizetype titleEnd = titleCell ? titleCell->end : -1;
        if (titleCell)
            ctx.trim(titleStart, titleEnd);
        if (numberCell) {
            const QRegularExpressionMatch m = bareNumber.match(textOf(numberCell));
            if (m.hasMatch())
                number = m.capturedView(1).toInt();
        }
        if (number == 0 && titleCell && titleStart < titleEnd) {
            const QRegularExpressionMatch m = numbered.match(ctx.view(titleStart, titleEnd));
            if (m.hasMatch()) {
                number = m.capturedView(1).toInt();
                titleStart += m.capturedLength(0);
            }
        }
        const bool hasTitle = titleStart >= 0 && titleStart < titleEnd;
        const bool hasText = textCell && !textOf(textCell).isEmpty();
        if (number == 0 && !hasTitle && !hasText)
            continue; // an empty row

        double confidence = 1.0;
        if (number == 0 && hasTitle) {
            // A new row with a title but no number: the table is not numbered; count rows ourselves.
            number = lastNumber + 1;
            confidence = 0.5;
            if (!warnedUnnumbered) {
                ctx.issue(QStringLiteral("no-numbering"),
                          QStringLiteral(
                              "table rows carry no measure numbers; measures were numbered in row order"),
                          ctx.span(row.start, row.end));
                warnedUnnumbered = true;
            }
        }

        const bool continuation = number == 0 || (current && number == current->number);
        if (!continuation) {
            ctx.doc.measures.append(Measure{});
            current = &ctx.doc.measures.last();
            current->number = number;
            current->areaHeading = currentArea;
            current->sectionId = currentSection;
            current->confidence = confidence;
            current->span = ctx.span(row.start, row.end);
            if (hasTitle) {
                current->title = flattened(ctx.view(titleStart, titleEnd));
                current->titleSpan = ctx.span(titleStart, titleEnd);
            }
            if (lastNumber > 0 && number != lastNumber + 1)
                ctx.issue(QStringLiteral("numbering-gap"),
                          QStringLiteral("measure %1 follows measure %2").arg(number).arg(lastNumber),
                          ctx.span(row.start, row.end), Issue::Severity::Info);
            lastNumber = number;
            ++added;
        } else if (!current) {
            // A continuation row before any numbered row: keep its text, flagged.
            ctx.doc.measures.append(Measure{});
            current = &ctx.doc.measures.last();
            current->number = lastNumber + 1;
            lastNumber = current->number;
            current->areaHeading = currentArea;
            current->sectionId = currentSection;
            current->confidence = 0.4;
            current->span = ctx.span(row.start, row.end);
            ctx.issue(QStringLiteral("orphan-row"),
                      QStringLiteral("table row without a measure number or title"),
                      ctx.span(row.start, row.end));
            ++added;
        } else {
            const Span s = ctx.span(row.start, row.end);
            current->span.start = std::min(current->span.start, s.start);
            current->span.end = std::max(current->span.end, s.end);
        }

        const TableCell* leadCell = cellOf(Column::Lead);
        const TableCell* partnerCell = cellOf(Column::Partners);
        const TableCell* deadlineCell_ = cellOf(Column::Deadline);
        const TableCell* remarkCell = cellOf(Column::Remark);
        const QList<Unit> lead =
            leadCell ? ctx.namer.split(ctx.view(leadCell->start, leadCell->end)) : QList<Unit>();
        const QList<Unit> partners =
            partnerCell ? ctx.namer.split(ctx.view(partnerCell->start, partnerCell->end)) : QList<Unit>();
        const QString rowDeadline = deadlineCell_ ? deadlineCell(textOf(deadlineCell_), ctx.year) : QString();
        if (remarkCell && !textOf(remarkCell).isEmpty() && !current->remark.contains(textOf(remarkCell)))
            current->remark = current->remark.isEmpty()
                                  ? textOf(remarkCell).toString()
                                  : current->remark + QLatin1Char(';') + textOf(remarkCell);
        if (hasNumberColumn && hasTitle && current->title.isEmpty()) {
            current->title = flattened(ctx.view(titleStart, titleEnd));
            current->titleSpan = ctx.span(titleStart, titleEnd);
        }

        if (textCell) {
            ctx.appendBody(*current, textCell->start, textCell->end);
            const QList<SubSplit> parts = splitSubItems(ctx, textCell->start, textCell->end);
            for (const SubSplit& p : parts) {
                qsizetype s = p.start, e = p.end;
                ctx.trim(s, e);
                if (s >= e)
                    continue;
                SubItem item;
                item.label = p.label;
                item.text = ctx.view(s + p.label.size(), e).trimmed().toString();
                item.span = ctx.span(s, e);
                item.lead = lead;
                item.partners = partners;
                item.deadline = rowDeadline.isEmpty() ? findDeadline(ctx.view(s, e), ctx.year) : rowDeadline;
                current->items.append(item);
            }
        } else {
            SubItem item;
            item.span = ctx.span(row.start, row.end);
            item.lead = lead;
            item.partners = partners;
            item.deadline = rowDeadline;
            current->items.append(item);
        }
        finishMeasure(*current);
    }
    return added;
}

QList<ItemMarker> findItemMarkers(QStringView cell) {
    QList<ItemMarker> out;
    const qsizetype n = cell.size();
    auto digit = [&](qsizetype p) {
        return p < n && cell.at(p).unicode() >= u'0' && cell.at(p).unicode() <= u'9';
    };
    for (qsizetype p = 0; p < n; ++p) {
        if (cell.at(p) != u'（' || !digit(p + 1))
            continue;
        // One or two digits, then ）: a third digit fails both (what follows two digits is then no ）).
        const qsizetype e = digit(p + 2) ? p + 3 : p + 2;
        if (e >= n || cell.at(e) != u'）')
            continue;
        out.append(ItemMarker{p, e + 1, p + 1, e});
        p = e;
    }
    return out;
}

} // namespace pc::parse
