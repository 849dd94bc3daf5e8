// Report content as HTML (no widgets): per-indicator and per-area reports, and the small text
// helpers every view uses to show a target the same way (`≤ 8 工作日`, highlighted sentence).
#pragma once

#include "align/alignment.h"
#include "compare/comparison.h"
#include "naming/naming.h"
#include "taxonomy/taxonomy.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace pc::report {

// `≤ 8 工作日`, `压减 50%`, `新增 100 个` (English: `≤ 8 working days`, `cut by 50%`); empty when
// the target has no number. See naming::targetText.
QString targetText(const ComparisonRow& row, Language language = Language::Chinese);
// `≤`, `≥`, `<`, `>`, `约` (English `about`), or empty for `=`.
QString comparatorSymbol(const QString& comparator, Language language = Language::Chinese);
// A number as the plans write it: 8, 0.5, 99.9 (no trailing zeros, `.` decimals).
QString number(double value);
// `20 → 8` when the plan states a baseline; empty otherwise.
QString baselineToTarget(const ComparisonRow& row);
// The source sentence, HTML-escaped, with the quote underlined and its number(s) highlighted.
// Falls back to the quote when the sentence is unknown.
QString sentenceHtml(const ComparisonRow& row, const QString& highlightColor = QStringLiteral("#ffe08a"));
// Plan citation: `渝中区 · 渝中府办发〔2023〕1号 · 2023-03-01` (English: `Yuzhong District · …`; the
// 文号 is always kept as written).
QString citation(const ComparisonRow& row, Language language = Language::Chinese);

// One indicator's part of a report.
struct IndicatorSection {
    Indicator indicator;       // names, unit, definition
    QString areaName;          // 获得用水 (in the report's language)
    QList<ComparisonRow> rows; // compare::byIndicator order
    QString chartSrc;          // <img src>: a resource name or a data: URI; empty = no chart
    // The researcher's notes by target id, printed under that target's source as 注释 lines.
    QHash<qint64, QStringList> notes{};
};

struct ReportMeta {
    QString databasePath;
    QString version;     // application version
    QString generatedAt; // ISO date-time, given by the caller so output is reproducible
    // Labels, names, units and jurisdictions in this language; quotes, titles and 文号 as written.
    Language language = Language::Chinese;
};

// One district plan against the plan it implements, for the area report's diffusion section.
struct DiffusionEntry {
    QString jurisdiction; // of the plan
    QString docId;
    QString againstJurisdiction;
    QString againstDocId;
    align::Summary summary;                 // the whole plan: measures adopted, adapted, new, not taken up
    QList<align::TargetLink> targets;       // aligned targets on the area's indicators
    QHash<QString, QString> indicatorNames; // id → name in the report's language
};

// A whole HTML document (UTF-8 meta, inline CSS that QTextDocument understands).
QString indicatorReportHtml(const IndicatorSection& section, const ReportMeta& meta);
// Several indicators of one area: a cover with the coverage overview, then one page per indicator.
// With `diffusion`: a section on what the district plans took up from the plan they implement.
QString areaReportHtml(const Area& area, const QList<IndicatorSection>& sections, const ReportMeta& meta,
                       const QList<DiffusionEntry>& diffusion = {});

} // namespace pc::report
