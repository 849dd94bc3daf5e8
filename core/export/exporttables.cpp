// Columns and typed rows of the export tables.
#include "exporttables.h"

#include <cmath>

#include <QHash>

namespace pc::exporttables {

namespace {

QVariant opt(const std::optional<double>& v) {
    return v ? QVariant(*v) : QVariant();
}

QVariant textOrNull(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QList<Column> cols(std::initializer_list<std::pair<const char*, const char*>> list) {
    QList<Column> out;
    for (const auto& [en, zh] : list)
        out.append({QString::fromUtf8(en), QString::fromUtf8(zh)});
    return out;
}

} // namespace

Table documents(const ExportData& data) {
    Table t{QStringLiteral("documents"),
            cols({{"doc", "文件"},
                  {"jurisdiction", "地区"},
                  {"level", "层级"},
                  {"year", "年份"},
                  {"doc_number", "文号"},
                  {"issuer", "发文机关"},
                  {"issued_on", "印发日期"},
                  {"title", "标题"},
                  {"measures", "措施数"},
                  {"targets", "目标数"},
                  {"layout", "版式"},
                  {"sha256", "SHA-256"},
                  {"source_path", "来源文件"},
                  {"imported_at", "导入时间"}}),
            {}};
    for (const DocumentRecord& d : data.documents)
        t.rows.append({d.docId, d.jurisdiction, d.level, d.year ? QVariant(d.year) : QVariant(),
                       textOrNull(d.docNumber), textOrNull(d.issuer), textOrNull(d.issuedOn),
                       textOrNull(d.title), d.measureCount, d.targetCount, d.layout, d.sha256, d.sourcePath,
                       d.importedAt});
    return t;
}

Table measures(const ExportData& data) {
    Table t{QStringLiteral("measures"),
            cols({{"doc", "文件"},
                  {"jurisdiction", "地区"},
                  {"measure_no", "序号"},
                  {"measure_title", "措施"},
                  {"area", "领域"},
                  {"area_corrected", "领域已更正"},
                  {"area_heading", "所在标题"},
                  {"lead", "牵头单位"},
                  {"partners", "配合单位"},
                  {"deadline", "完成时限"},
                  {"targets", "目标数"},
                  {"start", "起始位置"},
                  {"end", "结束位置"},
                  {"confidence", "置信度"},
                  {"text", "内容"}}),
            {}};
    for (const MeasureRecord& m : data.measures)
        t.rows.append({m.docId, m.jurisdiction, m.number, textOrNull(m.title), textOrNull(m.area),
                       m.areaCorrected, textOrNull(m.areaHeading), textOrNull(m.lead.join(QLatin1Char(';'))),
                       textOrNull(m.partners.join(QLatin1Char(';'))), textOrNull(m.deadline), m.targetCount,
                       qint64(m.start), qint64(m.end), m.confidence, m.body});
    return t;
}

Table targets(const QList<ComparisonRow>& rows, const QString& name) {
    Table t{name,
            cols({{"doc", "文件"},
                  {"jurisdiction", "地区"},
                  {"level", "层级"},
                  {"year", "年份"},
                  {"doc_number", "文号"},
                  {"measure_no", "措施序号"},
                  {"area", "领域"},
                  {"indicator", "指标"},
                  {"scope", "范围"},
                  {"kind", "类型"},
                  {"comparator", "比较"},
                  {"value", "数值"},
                  {"unit", "单位"},
                  {"baseline", "基数"},
                  {"deadline", "完成时限"},
                  {"quote", "原文"},
                  {"start", "起始位置"},
                  {"end", "结束位置"},
                  {"corrected", "已更正"},
                  {"corrected_fields", "更正字段"},
                  {"user_added", "用户添加"},
                  {"qualitative", "定性"},
                  {"confidence", "置信度"},
                  {"sentence", "所在句子"}}),
            {}};
    for (const ComparisonRow& r : rows)
        t.rows.append({r.docId,
                       r.jurisdiction,
                       r.level,
                       r.year ? QVariant(r.year) : QVariant(),
                       textOrNull(r.docNumber),
                       r.measureNumber,
                       textOrNull(r.area),
                       textOrNull(r.indicator),
                       textOrNull(r.scope),
                       textOrNull(r.kind),
                       textOrNull(r.comparator),
                       opt(r.value),
                       textOrNull(r.unit),
                       opt(r.baseline),
                       textOrNull(r.deadline),
                       r.quote,
                       qint64(r.start),
                       qint64(r.end),
                       r.corrected,
                       textOrNull(r.correctedFields.join(QLatin1Char(';'))),
                       r.userAdded,
                       r.qualitative,
                       r.confidence,
                       textOrNull(r.sentence)});
    return t;
}

Table coverage(const ExportData& data) {
    Table t{QStringLiteral("coverage"),
            cols({{"indicator", "指标"},
                  {"doc", "文件"},
                  {"jurisdiction", "地区"},
                  {"coverage", "覆盖情况"},
                  {"targets", "目标数"}}),
            {}};
    for (const CoverageCell& c : data.coverage)
        t.rows.append({c.indicator, c.docId, c.jurisdiction, compare::coverageName(c.coverage), c.targets});
    return t;
}

Table diffusion(const QList<align::Alignment>& alignments) {
    Table t{QStringLiteral("diffusion"),
            cols({{"doc", "文件"},
                  {"measure_no", "措施序号"},
                  {"against_doc", "对照文件"},
                  {"against_measure_no", "对照措施序号"},
                  {"similarity", "相似度"},
                  {"relation", "关系"},
                  {"out_of_order", "顺序之外"},
                  {"suggested_against_title", "推断的对照标题"}}),
            {}};
    for (const align::Alignment& a : alignments)
        for (const align::MeasureLink& l : a.measures) {
            const bool notTaken = l.relation == align::Relation::NotTakenUp;
            t.rows.append(
                {notTaken ? QVariant() : QVariant(a.docId), notTaken ? QVariant() : QVariant(l.measureNumber),
                 a.againstDocId, l.againstNumber > 0 ? QVariant(l.againstNumber) : QVariant(),
                 std::round(l.similarity * 1000) / 1000, align::relationName(l.relation), l.outOfOrder,
                 l.suggestedTitle.isEmpty() ? QVariant() : QVariant(l.suggestedTitle)});
        }
    return t;
}

Table diffusionTargets(const QList<align::Alignment>& alignments) {
    Table t{QStringLiteral("diffusion_targets"),
            cols({{"doc", "文件"},
                  {"measure_no", "措施序号"},
                  {"against_doc", "对照文件"},
                  {"against_measure_no", "对照措施序号"},
                  {"indicator", "指标"},
                  {"comparator", "比较"},
                  {"value", "数值"},
                  {"unit", "单位"},
                  {"deadline", "完成时限"},
                  {"against_comparator", "对照比较"},
                  {"against_value", "对照数值"},
                  {"against_unit", "对照单位"},
                  {"against_deadline", "对照完成时限"},
                  {"strictness", "松紧"},
                  {"timing", "时限先后"},
                  {"quote", "原文"},
                  {"against_quote", "对照原文"}}),
            {}};
    auto num = [](const std::optional<double>& v) { return v ? QVariant(*v) : QVariant(); };
    for (const align::Alignment& a : alignments)
        for (const align::TargetLink& l : a.targets)
            t.rows.append({a.docId, l.target.measureNumber, a.againstDocId, l.against.measureNumber,
                           l.target.indicator, l.target.comparator, num(l.target.value), l.target.unit,
                           l.target.deadline, l.against.comparator, num(l.against.value), l.against.unit,
                           l.against.deadline, align::strictnessName(l.strictness),
                           align::timingName(l.timing), l.target.quote, l.against.quote});
    return t;
}

QList<Table> all(const ExportData& data, const ExportOptions& options) {
    QList<Table> out{documents(data), measures(data), targets(data.targets, QStringLiteral("targets")),
                     targets(data.comparison, QStringLiteral("comparison"))};
    if (!data.area.isEmpty())
        out.append(coverage(data));
    if (!data.diffusion.isEmpty())
        out << diffusion(data.diffusion) << diffusionTargets(data.diffusion);
    if (options.names)
        for (Table& t : out)
            appendNames(t, data, *options.names);
    return out;
}

namespace {

Table singleTable(const ExportData& data, ExportTable which) {
    switch (which) {
    case ExportTable::Documents:
        return documents(data);
    case ExportTable::Measures:
        return measures(data);
    case ExportTable::Targets:
        return targets(data.targets, QStringLiteral("targets"));
    case ExportTable::Comparison:
        return targets(data.comparison, QStringLiteral("comparison"));
    case ExportTable::Diffusion:
        return diffusion(data.diffusion);
    case ExportTable::DiffusionTargets:
        return diffusionTargets(data.diffusion);
    case ExportTable::Auto:
        break;
    }
    return data.indicator.isEmpty() ? targets(data.targets, QStringLiteral("targets"))
                                    : targets(data.comparison, QStringLiteral("comparison"));
}

// "doc_number" → "Doc number": the English label of a column without its own.
QString labelOf(const QString& name) {
    QString s = name;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}

} // namespace

Table single(const ExportData& data, ExportTable which, const ExportOptions& options) {
    Table t = singleTable(data, which);
    if (options.names)
        appendNames(t, data, *options.names);
    return t;
}

QStringList labelRow(const Table& table, const ExportOptions& options) {
    QStringList out;
    if (!options.names && !options.chineseHeader)
        return out;
    const bool en = options.names && *options.names == Language::English;
    for (const Column& c : table.columns)
        out << (en ? (c.en.isEmpty() ? labelOf(c.name) : c.en) : c.zh);
    return out;
}

void appendNames(Table& table, const ExportData& data, Language language) {
    QHash<QString, const Area*> areas;
    for (const Area& a : data.areas)
        areas.insert(a.id, &a);
    QHash<QString, const Indicator*> indicators;
    for (const Indicator& i : data.indicators)
        indicators.insert(i.id, &i);
    const auto name = [&](const QString& column, const QString& value) -> QVariant {
        if (value.isEmpty())
            return {};
        if (column == QLatin1String("jurisdiction"))
            return naming::jurisdictionName(value, language);
        if (column == QLatin1String("area")) {
            const Area* a = areas.value(value);
            return a ? naming::areaName(*a, language) : value;
        }
        if (column == QLatin1String("indicator")) {
            const Indicator* i = indicators.value(value);
            return i ? naming::indicatorName(*i, language) : naming::otherIndicatorName(value, language);
        }
        if (column == QLatin1String("unit"))
            return naming::unitName(value, language);
        if (column == QLatin1String("kind")) {
            const QString k = naming::kindText(value, language);
            return k.isEmpty()
                       ? (language == Language::English ? QStringLiteral("level") : QStringLiteral("水平"))
                       : k;
        }
        if (column == QLatin1String("coverage")) {
            for (const Coverage c : {Coverage::NumberSet, Coverage::MentionedNoNumber, Coverage::Silent})
                if (compare::coverageName(c) == value)
                    return naming::coverageText(c, language);
        }
        return value;
    };
    static const QList<std::pair<QString, QString>> named = {
        {QStringLiteral("jurisdiction"), QStringLiteral("地区名称")},
        {QStringLiteral("area"), QStringLiteral("领域名称")},
        {QStringLiteral("indicator"), QStringLiteral("指标名称")},
        {QStringLiteral("unit"), QStringLiteral("单位名称")},
        {QStringLiteral("kind"), QStringLiteral("类型名称")},
        {QStringLiteral("coverage"), QStringLiteral("覆盖情况名称")},
    };
    for (const auto& [column, zh] : named) {
        qsizetype at = -1;
        for (qsizetype c = 0; c < table.columns.size(); ++c)
            if (table.columns.at(c).name == column)
                at = c;
        if (at < 0)
            continue;
        table.columns.append(
            {column + QStringLiteral("_name"), zh, labelOf(column) + QStringLiteral(" (name)")});
        for (QList<QVariant>& row : table.rows)
            row.append(name(column, row.value(at).toString()));
    }
}

QString cellText(const QVariant& v) {
    if (v.isNull() || !v.isValid())
        return {};
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::Double:
        return QString::number(v.toDouble(), 'g', 15);
    default:
        return v.toString();
    }
}

} // namespace pc::exporttables
