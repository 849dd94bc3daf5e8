// Report content as HTML: what the printed report, the PDF and `plancompare-cli report` show.
#include "reporthtml.h"

#include <QRegularExpression>
#include <QSet>

namespace pc::report {

QString number(double value) {
    QString s = QString::number(value, 'f', 6);
    while (s.contains(QLatin1Char('.')) && (s.endsWith(QLatin1Char('0')) || s.endsWith(QLatin1Char('.'))))
        s.chop(1);
    return s;
}

QString comparatorSymbol(const QString& comparator) {
    if (comparator == QLatin1String("<="))
        return QStringLiteral("≤");
    if (comparator == QLatin1String(">="))
        return QStringLiteral("≥");
    if (comparator == QLatin1String("~"))
        return QStringLiteral("约");
    if (comparator == QLatin1String("="))
        return {};
    return comparator;
}

QString targetText(const ComparisonRow& row) {
    if (!row.value)
        return {};
    QString prefix;
    if (row.kind == QLatin1String("reduce_by"))
        prefix = QStringLiteral("压减 ");
    else if (row.kind == QLatin1String("increase_by"))
        prefix = QStringLiteral("提高 ");
    else if (row.kind == QLatin1String("add"))
        prefix = QStringLiteral("新增 ");
    const QString cmp = comparatorSymbol(row.comparator);
    QString text = prefix;
    if (!cmp.isEmpty())
        text += cmp + QLatin1Char(' ');
    text += number(*row.value);
    if (!row.unit.isEmpty())
        text += (row.unit == QLatin1String("%") ? QString() : QStringLiteral(" ")) + row.unit;
    return text;
}

QString baselineToTarget(const ComparisonRow& row) {
    if (!row.value || !row.baseline)
        return {};
    return number(*row.baseline) + QStringLiteral(" → ") + number(*row.value);
}

QString citation(const ComparisonRow& row) {
    QStringList parts{row.jurisdiction};
    if (!row.docNumber.isEmpty())
        parts << row.docNumber;
    if (!row.issuedOn.isEmpty())
        parts << row.issuedOn;
    return parts.join(QStringLiteral(" · "));
}

namespace {

// Marks every number of the quote inside the escaped quote text.
QString highlightNumbers(const QString& quote, const QString& color) {
    static const QRegularExpression digits(QStringLiteral("[0-9０-９]+(?:[.．][0-9０-９]+)?"));
    QString out;
    qsizetype pos = 0;
    for (auto it = digits.globalMatch(quote); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += quote.mid(pos, m.capturedStart() - pos).toHtmlEscaped();
        out += QStringLiteral("<span style=\"background-color:%1; font-weight:bold;\">").arg(color) +
               m.captured().toHtmlEscaped() + QStringLiteral("</span>");
        pos = m.capturedEnd();
    }
    out += quote.mid(pos).toHtmlEscaped();
    return out;
}

} // namespace

QString sentenceHtml(const ComparisonRow& row, const QString& highlightColor) {
    const QString quoteHtml =
        QStringLiteral("<u>") + highlightNumbers(row.quote, highlightColor) + QStringLiteral("</u>");
    if (row.sentence.isEmpty())
        return quoteHtml;
    const qsizetype at = row.quote.isEmpty() ? -1 : row.sentence.indexOf(row.quote);
    if (at < 0)
        return row.sentence.toHtmlEscaped();
    return row.sentence.left(at).toHtmlEscaped() + quoteHtml +
           row.sentence.mid(at + row.quote.size()).toHtmlEscaped();
}

namespace {

QString css() {
    return QStringLiteral("body { font-family: 'Noto Sans CJK SC'; font-size: 10pt; color: #1a1a1a; }"
                          "h1 { font-size: 17pt; margin-bottom: 2px; }"
                          "h2 { font-size: 13pt; margin-top: 14px; margin-bottom: 4px; color: #22406a; }"
                          "p.meta { color: #555555; font-size: 8.5pt; }"
                          "table.cmp { border-collapse: collapse; }"
                          "table.cmp th { background-color: #e8edf4; font-weight: bold; padding: 3px; }"
                          "table.cmp td { padding: 3px; }"
                          "p.src { margin-top: 3px; margin-bottom: 6px; }"
                          "span.cite { color: #555555; font-size: 8.5pt; }"
                          "span.note { color: #6a4a00; font-size: 9pt; }");
}

QString head(const QString& title) {
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>") +
           title.toHtmlEscaped() + QStringLiteral("</title><style>") + css() +
           QStringLiteral("</style></head><body>\n");
}

QString footer(const ReportMeta& meta) {
    return QStringLiteral("<p class=\"meta\">生成时间 %1 · 数据库 %2 · PlanCompare %3</p>\n")
        .arg(meta.generatedAt.toHtmlEscaped(), meta.databasePath.toHtmlEscaped(),
             meta.version.toHtmlEscaped());
}

QString cell(const QString& text) {
    return QStringLiteral("<td>") + text + QStringLiteral("</td>");
}

QString sectionBody(const IndicatorSection& s, bool standalone) {
    const Indicator& ind = s.indicator;
    QString html;
    const QString title = ind.nameZh.isEmpty() ? ind.id : ind.nameZh;
    html += (standalone ? QStringLiteral("<h1>") : QStringLiteral("<h2 style=\"font-size:15pt;\">")) +
            title.toHtmlEscaped() + QStringLiteral(" <span style=\"font-size:9pt; color:#666666;\">") +
            ind.id.toHtmlEscaped() +
            (ind.nameEn.isEmpty() ? QString() : QStringLiteral(" · ") + ind.nameEn.toHtmlEscaped()) +
            QStringLiteral("</span>") + (standalone ? QStringLiteral("</h1>") : QStringLiteral("</h2>")) +
            QLatin1Char('\n');
    QStringList facts;
    if (!s.areaName.isEmpty())
        facts << QStringLiteral("领域：") + s.areaName.toHtmlEscaped();
    if (!ind.unit.isEmpty())
        facts << QStringLiteral("单位：") + ind.unit.toHtmlEscaped();
    facts << QStringLiteral("方向：") + (ind.better == Direction::Lower    ? QStringLiteral("越低越好")
                                         : ind.better == Direction::Higher ? QStringLiteral("越高越好")
                                                                           : QStringLiteral("无"));
    html += QStringLiteral("<p>") + facts.join(QStringLiteral("　")) + QStringLiteral("</p>\n");
    // The report speaks Chinese: the Chinese definition, the English one only when no other exists.
    const QString definition = ind.definitionIn(true);
    if (!definition.isEmpty())
        html += QStringLiteral("<p>定义：") + definition.toHtmlEscaped() + QStringLiteral("</p>\n");

    html += QStringLiteral("<h2>对比</h2>\n");
    if (s.rows.isEmpty()) {
        html += QStringLiteral("<p>没有规划为该指标设定目标。</p>\n");
    } else {
        html += QStringLiteral(
            "<table class=\"cmp\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">"
            "<tr><th>#</th><th>辖区</th><th>目标</th><th>基线 → 目标</th><th>期限</th><th>范围</th>"
            "<th>文号</th></tr>\n");
        for (qsizetype i = 0; i < s.rows.size(); ++i) {
            const ComparisonRow& r = s.rows.at(i);
            QString target = targetText(r);
            if (target.isEmpty())
                target =
                    r.qualitative ? QStringLiteral("定性：") + r.quote : QStringLiteral("提及，未设数值");
            if (r.corrected)
                target += QStringLiteral(" ✎");
            html += QStringLiteral("<tr>") + cell(QString::number(i + 1)) +
                    cell(r.jurisdiction.toHtmlEscaped()) + cell(target.toHtmlEscaped()) +
                    cell(baselineToTarget(r).toHtmlEscaped()) + cell(r.deadline.toHtmlEscaped()) +
                    cell(r.scope.toHtmlEscaped()) + cell(r.docNumber.toHtmlEscaped()) +
                    QStringLiteral("</tr>\n");
        }
        html += QStringLiteral("</table>\n");
    }
    if (!s.chartSrc.isEmpty())
        html += QStringLiteral("<p align=\"center\"><img src=\"") + s.chartSrc.toHtmlEscaped() +
                QStringLiteral("\" width=\"560\"></p>\n");
    if (!s.rows.isEmpty()) {
        html += QStringLiteral("<h2>原文出处</h2>\n");
        for (qsizetype i = 0; i < s.rows.size(); ++i) {
            const ComparisonRow& r = s.rows.at(i);
            html += QStringLiteral("<p class=\"src\">[%1] ").arg(i + 1) + sentenceHtml(r) +
                    QStringLiteral("<br><span class=\"cite\">") + citation(r).toHtmlEscaped() +
                    (r.docTitle.isEmpty()
                         ? QString()
                         : QStringLiteral(" · 《") + r.docTitle.toHtmlEscaped() + QStringLiteral("》")) +
                    (r.measureNumber > 0 ? QStringLiteral(" · 第 %1 项").arg(r.measureNumber) : QString()) +
                    (r.page > 0 ? QStringLiteral(" · 第 %1 页").arg(r.page) : QString()) +
                    QStringLiteral("</span>");
            for (const QString& note : s.notes.value(r.targetId))
                html += QStringLiteral("<br><span class=\"note\">注释：") + note.toHtmlEscaped() +
                        QStringLiteral("</span>");
            html += QStringLiteral("</p>\n");
        }
    }
    return html;
}

} // namespace

QString indicatorReportHtml(const IndicatorSection& section, const ReportMeta& meta) {
    const QString title =
        QStringLiteral("指标报告：") +
        (section.indicator.nameZh.isEmpty() ? section.indicator.id : section.indicator.nameZh);
    return head(title) + sectionBody(section, true) + footer(meta) + QStringLiteral("</body></html>\n");
}

QString areaReportHtml(const Area& area, const QList<IndicatorSection>& sections, const ReportMeta& meta) {
    const QString title = QStringLiteral("领域报告：") + (area.nameZh.isEmpty() ? area.id : area.nameZh);
    QString html = head(title);
    html += QStringLiteral("<h1>") + title.toHtmlEscaped() +
            QStringLiteral(" <span style=\"font-size:9pt; color:#666666;\">") + area.id.toHtmlEscaped() +
            (area.nameEn.isEmpty() ? QString() : QStringLiteral(" · ") + area.nameEn.toHtmlEscaped()) +
            QStringLiteral("</span></h1>\n");

    // Overview: indicator × jurisdiction, the target text or a mark.
    QStringList jurisdictions;
    for (const IndicatorSection& s : sections)
        for (const ComparisonRow& r : s.rows)
            if (!jurisdictions.contains(r.jurisdiction))
                jurisdictions << r.jurisdiction;
    html += QStringLiteral("<h2>概览</h2>\n<p>%1 个指标。</p>\n").arg(sections.size());
    if (!jurisdictions.isEmpty()) {
        html += QStringLiteral("<table class=\"cmp\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                               "width=\"100%\"><tr><th>指标</th>");
        for (const QString& j : jurisdictions)
            html += QStringLiteral("<th>") + j.toHtmlEscaped() + QStringLiteral("</th>");
        html += QStringLiteral("</tr>\n");
        for (const IndicatorSection& s : sections) {
            html +=
                QStringLiteral("<tr>") +
                cell((s.indicator.nameZh.isEmpty() ? s.indicator.id : s.indicator.nameZh).toHtmlEscaped());
            for (const QString& j : jurisdictions) {
                QStringList texts;
                for (const ComparisonRow& r : s.rows)
                    if (r.jurisdiction == j) {
                        const QString t = targetText(r);
                        texts << (t.isEmpty() ? QStringLiteral("提及") : t);
                    }
                html += cell(texts.join(QStringLiteral("<br>")).isEmpty()
                                 ? QString()
                                 : texts.join(QStringLiteral("; ")).toHtmlEscaped());
            }
            html += QStringLiteral("</tr>\n");
        }
        html += QStringLiteral("</table>\n");
    }
    html += footer(meta);
    for (const IndicatorSection& s : sections)
        html += QStringLiteral("<div style=\"page-break-before: always;\">") + sectionBody(s, false) +
                QStringLiteral("</div>\n");
    html += QStringLiteral("</body></html>\n");
    return html;
}

} // namespace pc::report
