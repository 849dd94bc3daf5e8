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

QString comparatorSymbol(const QString& comparator, Language language) {
    return naming::comparatorText(comparator, language);
}

QString targetText(const ComparisonRow& row, Language language) {
    return naming::targetText(row, language);
}

QString baselineToTarget(const ComparisonRow& row) {
    if (!row.value || !row.baseline)
        return {};
    return number(*row.baseline) + QStringLiteral(" → ") + number(*row.value);
}

QString citation(const ComparisonRow& row, Language language) {
    QStringList parts{naming::jurisdictionName(row.jurisdiction, language)};
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

// A label in the report's language (the report's own words; data names come from naming::).
QString L(Language language, const char16_t* zh, const char16_t* en) {
    return QString::fromUtf16(language == Language::English ? en : zh);
}

QString head(const QString& title, Language language) {
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"") +
           (language == Language::English ? QStringLiteral("en") : QStringLiteral("zh-CN")) +
           QStringLiteral("\"><head><meta charset=\"utf-8\"><title>") + title.toHtmlEscaped() +
           QStringLiteral("</title><style>") + css() + QStringLiteral("</style></head><body>\n");
}

QString footer(const ReportMeta& meta) {
    return QStringLiteral("<p class=\"meta\">%1 %2 · %3 %4 · PlanCompare %5</p>\n")
        .arg(L(meta.language, u"生成时间", u"Generated"), meta.generatedAt.toHtmlEscaped(),
             L(meta.language, u"数据库", u"database"), meta.databasePath.toHtmlEscaped(),
             meta.version.toHtmlEscaped());
}

// In English the reader is told once why Chinese remains: the sources are evidence, quoted as written.
QString sourcesNote(Language language) {
    if (language != Language::English)
        return {};
    return QStringLiteral("<p class=\"meta\">Source sentences, scopes, plan titles and document numbers are "
                          "quoted in Chinese exactly as the plans write them; they are the evidence for each "
                          "figure. Names, units and jurisdictions are translated.</p>\n");
}

QString cell(const QString& text) {
    return QStringLiteral("<td>") + text + QStringLiteral("</td>");
}

QString sectionBody(const IndicatorSection& s, bool standalone, Language lang) {
    const Indicator& ind = s.indicator;
    const bool en = lang == Language::English;
    QString html;
    const QString title = naming::indicatorName(ind, lang);
    // The other language's name beside the id, so either reader finds the original.
    const QString otherName = en ? (ind.nameZh == title ? QString() : ind.nameZh) : ind.nameEn;
    html += (standalone ? QStringLiteral("<h1>") : QStringLiteral("<h2 style=\"font-size:15pt;\">")) +
            title.toHtmlEscaped() + QStringLiteral(" <span style=\"font-size:9pt; color:#666666;\">") +
            ind.id.toHtmlEscaped() +
            (otherName.isEmpty() ? QString() : QStringLiteral(" · ") + otherName.toHtmlEscaped()) +
            QStringLiteral("</span>") + (standalone ? QStringLiteral("</h1>") : QStringLiteral("</h2>")) +
            QLatin1Char('\n');
    QStringList facts;
    const QString sep = en ? QStringLiteral(": ") : QStringLiteral("：");
    if (!s.areaName.isEmpty())
        facts << L(lang, u"领域", u"Area") + sep + s.areaName.toHtmlEscaped();
    if (!ind.unit.isEmpty())
        facts << L(lang, u"单位", u"Unit") + sep + naming::unitName(ind.unit, lang).toHtmlEscaped();
    facts << L(lang, u"方向", u"Direction") + sep + naming::directionText(ind.better, lang);
    html += QStringLiteral("<p>") + facts.join(en ? QStringLiteral(" · ") : QStringLiteral("　")) +
            QStringLiteral("</p>\n");
    const QString definition = naming::definition(ind, lang);
    if (!definition.isEmpty())
        html += QStringLiteral("<p>") + L(lang, u"定义", u"Definition") + sep + definition.toHtmlEscaped() +
                QStringLiteral("</p>\n");

    html += QStringLiteral("<h2>") + L(lang, u"对比", u"Comparison") + QStringLiteral("</h2>\n");
    if (s.rows.isEmpty()) {
        html += QStringLiteral("<p>") +
                L(lang, u"没有规划为该指标设定目标。", u"No plan sets a target for this indicator.") +
                QStringLiteral("</p>\n");
    } else {
        html += QStringLiteral("<table class=\"cmp\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                               "width=\"100%\"><tr><th>#</th>");
        for (const QString& h : {L(lang, u"辖区", u"Jurisdiction"), L(lang, u"目标", u"Target"),
                                 L(lang, u"基线 → 目标", u"Baseline → target"), L(lang, u"期限", u"Deadline"),
                                 L(lang, u"范围", u"Scope (source)"), L(lang, u"文号", u"Document no.")})
            html += QStringLiteral("<th>") + h.toHtmlEscaped() + QStringLiteral("</th>");
        html += QStringLiteral("</tr>\n");
        for (qsizetype i = 0; i < s.rows.size(); ++i) {
            const ComparisonRow& r = s.rows.at(i);
            QString target = targetText(r, lang);
            if (target.isEmpty())
                target = r.qualitative ? naming::qualitativeText(lang) + sep + r.quote
                                       : naming::coverageText(Coverage::MentionedNoNumber, lang);
            if (r.corrected)
                target += QStringLiteral(" ✎");
            html += QStringLiteral("<tr>") + cell(QString::number(i + 1)) +
                    cell(naming::jurisdictionName(r.jurisdiction, lang).toHtmlEscaped()) +
                    cell(target.toHtmlEscaped()) + cell(baselineToTarget(r).toHtmlEscaped()) +
                    cell(naming::deadlineText(r.deadline, lang).toHtmlEscaped()) +
                    cell(r.scope.toHtmlEscaped()) + cell(r.docNumber.toHtmlEscaped()) +
                    QStringLiteral("</tr>\n");
        }
        html += QStringLiteral("</table>\n");
    }
    if (!s.chartSrc.isEmpty())
        html += QStringLiteral("<p align=\"center\"><img src=\"") + s.chartSrc.toHtmlEscaped() +
                QStringLiteral("\" width=\"560\"></p>\n");
    if (!s.rows.isEmpty()) {
        html += QStringLiteral("<h2>") + L(lang, u"原文出处", u"Sources (quoted in Chinese)") +
                QStringLiteral("</h2>\n");
        for (qsizetype i = 0; i < s.rows.size(); ++i) {
            const ComparisonRow& r = s.rows.at(i);
            html +=
                QStringLiteral("<p class=\"src\">[%1] ").arg(i + 1) + sentenceHtml(r) +
                QStringLiteral("<br><span class=\"cite\">") + citation(r, lang).toHtmlEscaped() +
                (r.docTitle.isEmpty()
                     ? QString()
                     : QStringLiteral(" · 《") + r.docTitle.toHtmlEscaped() + QStringLiteral("》")) +
                (r.measureNumber > 0 ? (en ? QStringLiteral(" · measure %1") : QStringLiteral(" · 第 %1 项"))
                                           .arg(r.measureNumber)
                                     : QString()) +
                (r.page > 0 ? (en ? QStringLiteral(" · page %1") : QStringLiteral(" · 第 %1 页")).arg(r.page)
                            : QString()) +
                QStringLiteral("</span>");
            for (const QString& note : s.notes.value(r.targetId))
                html += QStringLiteral("<br><span class=\"note\">") + L(lang, u"注释：", u"Note: ") +
                        note.toHtmlEscaped() + QStringLiteral("</span>");
            html += QStringLiteral("</p>\n");
        }
    }
    return html;
}

} // namespace

QString indicatorReportHtml(const IndicatorSection& section, const ReportMeta& meta) {
    const Language lang = meta.language;
    const QString title =
        L(lang, u"指标报告：", u"Indicator report: ") + naming::indicatorName(section.indicator, lang);
    return head(title, lang) + sectionBody(section, true, lang) + sourcesNote(lang) + footer(meta) +
           QStringLiteral("</body></html>\n");
}

namespace {

QString strictnessText(align::Strictness s, Language lang) {
    switch (s) {
    case align::Strictness::Stricter:
        return L(lang, u"更严", u"stricter");
    case align::Strictness::Same:
        return L(lang, u"相同", u"same");
    case align::Strictness::Looser:
        return L(lang, u"更松", u"looser");
    case align::Strictness::NotComparable:
        break;
    }
    return L(lang, u"不可比", u"not comparable");
}

QString timingText(align::Timing t, Language lang) {
    switch (t) {
    case align::Timing::Earlier:
        return L(lang, u"时限更早", u"earlier");
    case align::Timing::Same:
        return L(lang, u"时限相同", u"same deadline");
    case align::Timing::Later:
        return L(lang, u"时限更晚", u"later");
    case align::Timing::Unknown:
        break;
    }
    return L(lang, u"时限未定", u"deadline unknown");
}

QString diffusionHtml(const QList<DiffusionEntry>& entries, Language lang) {
    const bool en = lang == Language::English;
    QString html =
        QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
            .arg(L(lang, u"传导：区县方案对上级方案的采纳", u"Diffusion: what district plans took up"),
                 L(lang,
                   u"每个区县方案的措施与其实施的方案（文中所引文号，否则同年或之前最近的市级方案）按文字相似"
                   u"度对齐："
                   u"采纳（近乎原文）、改写、新增（区县独有）；未采纳为上级方案中没有被对应的措施。目标在同一"
                   u"指标上比较松紧与时限。",
                   u"Each district plan's measures aligned by text with the plan it implements (the one it "
                   u"cites "
                   u"by document number, else the latest municipal plan of its year or before): adopted "
                   u"(near-verbatim), adapted, new (district only); not taken up: measures of the other plan "
                   u"without a counterpart. Targets on the same indicator compared for strictness and "
                   u"deadline."));
    html += QStringLiteral(
        "<table class=\"cmp\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>");
    for (const QString& h :
         {L(lang, u"方案", u"Plan"), L(lang, u"对照", u"Against"), L(lang, u"采纳", u"Adopted"),
          L(lang, u"改写", u"Adapted"), L(lang, u"新增", u"New"), L(lang, u"未采纳", u"Not taken up"),
          L(lang, u"更严", u"Stricter"), L(lang, u"相同", u"Same"), L(lang, u"更松", u"Looser")})
        html += QStringLiteral("<th>") + h + QStringLiteral("</th>");
    html += QStringLiteral("</tr>\n");
    for (const DiffusionEntry& e : entries) {
        const align::Summary& s = e.summary;
        html += QStringLiteral("<tr>") +
                cell(QString(naming::jurisdictionName(e.jurisdiction, lang) + QStringLiteral(" · ") + e.docId)
                         .toHtmlEscaped()) +
                cell(QString(naming::jurisdictionName(e.againstJurisdiction, lang) + QStringLiteral(" · ") +
                             e.againstDocId)
                         .toHtmlEscaped());
        for (int n : {s.adopted, s.adapted, s.fresh, s.notTakenUp, s.stricter, s.same, s.looser})
            html += cell(QString::number(n));
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    // The area's targets that differ from the plan they implement.
    QString rows;
    for (const DiffusionEntry& e : entries)
        for (const align::TargetLink& t : e.targets) {
            if (t.strictness == align::Strictness::Same && t.timing != align::Timing::Later &&
                t.timing != align::Timing::Earlier)
                continue;
            auto text = [&](const align::TargetValue& v) -> QString {
                ComparisonRow r;
                r.comparator = v.comparator;
                r.value = v.value;
                r.unit = v.unit;
                r.kind = v.kind;
                return targetText(r, lang) +
                       (v.deadline.isEmpty() ? QString()
                                             : QStringLiteral(" (") + naming::deadlineText(v.deadline, lang) +
                                                   QStringLiteral(")"));
            };
            rows += QStringLiteral("<tr>") +
                    cell(naming::jurisdictionName(e.jurisdiction, lang).toHtmlEscaped()) +
                    cell(e.indicatorNames.value(t.target.indicator, t.target.indicator).toHtmlEscaped()) +
                    cell(text(t.target).toHtmlEscaped()) + cell(text(t.against).toHtmlEscaped()) +
                    cell(strictnessText(t.strictness, lang) + QStringLiteral(" / ") +
                         timingText(t.timing, lang)) +
                    cell(t.target.quote.toHtmlEscaped()) + QStringLiteral("</tr>\n");
        }
    if (!rows.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>\n")
                    .arg(L(lang, u"与上级目标不同的目标", u"Targets that differ from the other plan's"));
        html += QStringLiteral(
            "<table class=\"cmp\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>");
        for (const QString& h :
             {L(lang, u"辖区", u"Jurisdiction"), L(lang, u"指标", u"Indicator"),
              L(lang, u"区县目标", u"District target"), L(lang, u"上级目标", u"Other plan's target"),
              L(lang, u"松紧 / 时限", u"Strictness / deadline"), L(lang, u"原文", u"Source")})
            html += QStringLiteral("<th>") + h + QStringLiteral("</th>");
        html += QStringLiteral("</tr>\n") + rows + QStringLiteral("</table>\n");
    }
    (void)en;
    return html;
}

} // namespace

QString areaReportHtml(const Area& area, const QList<IndicatorSection>& sections, const ReportMeta& meta,
                       const QList<DiffusionEntry>& diffusion) {
    const Language lang = meta.language;
    const bool en = lang == Language::English;
    const QString title = L(lang, u"领域报告：", u"Area report: ") + naming::areaName(area, lang);
    const QString otherName =
        en ? (area.nameZh == naming::areaName(area, lang) ? QString() : area.nameZh) : area.nameEn;
    QString html = head(title, lang);
    html += QStringLiteral("<h1>") + title.toHtmlEscaped() +
            QStringLiteral(" <span style=\"font-size:9pt; color:#666666;\">") + area.id.toHtmlEscaped() +
            (otherName.isEmpty() ? QString() : QStringLiteral(" · ") + otherName.toHtmlEscaped()) +
            QStringLiteral("</span></h1>\n");

    // Overview: indicator × jurisdiction, the target text or a mark.
    QStringList jurisdictions;
    for (const IndicatorSection& s : sections)
        for (const ComparisonRow& r : s.rows)
            if (!jurisdictions.contains(r.jurisdiction))
                jurisdictions << r.jurisdiction;
    html += QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
                .arg(L(lang, u"概览", u"Overview"),
                     en ? QStringLiteral("%1 indicator%2.")
                              .arg(sections.size())
                              .arg(sections.size() == 1 ? QString() : QStringLiteral("s"))
                        : QStringLiteral("%1 个指标。").arg(sections.size()));
    if (!jurisdictions.isEmpty()) {
        html += QStringLiteral("<table class=\"cmp\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                               "width=\"100%\"><tr><th>") +
                L(lang, u"指标", u"Indicator") + QStringLiteral("</th>");
        for (const QString& j : jurisdictions)
            html += QStringLiteral("<th>") + naming::jurisdictionName(j, lang).toHtmlEscaped() +
                    QStringLiteral("</th>");
        html += QStringLiteral("</tr>\n");
        for (const IndicatorSection& s : sections) {
            html += QStringLiteral("<tr>") + cell(naming::indicatorName(s.indicator, lang).toHtmlEscaped());
            for (const QString& j : jurisdictions) {
                QStringList texts;
                for (const ComparisonRow& r : s.rows)
                    if (r.jurisdiction == j) {
                        const QString t = targetText(r, lang);
                        texts << (t.isEmpty() ? L(lang, u"提及", u"mentioned") : t);
                    }
                html += cell(texts.join(QStringLiteral("; ")).toHtmlEscaped());
            }
            html += QStringLiteral("</tr>\n");
        }
        html += QStringLiteral("</table>\n");
    }
    html += sourcesNote(lang);
    html += footer(meta);
    for (const IndicatorSection& s : sections)
        html += QStringLiteral("<div style=\"page-break-before: always;\">") + sectionBody(s, false, lang) +
                QStringLiteral("</div>\n");
    if (!diffusion.isEmpty())
        html += QStringLiteral("<div style=\"page-break-before: always;\">") +
                diffusionHtml(diffusion, lang) + QStringLiteral("</div>\n");
    html += QStringLiteral("</body></html>\n");
    return html;
}

} // namespace pc::report
