// Comparison model: thin table over ComparisonRow values.
#include "comparisonmodel.h"

#include "ambition.h"
#include "app/uilanguage.h"
#include "data/corrections.h"
#include "export/reporthtml.h"

#include <QBrush>
#include <QFont>

namespace pc::ui {

ComparisonModel::ComparisonModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ComparisonModel::setRows(const QString& indicatorId, const QList<ComparisonRow>& rows,
                              Direction better) {
    beginResetModel();
    m_indicator = indicatorId;
    m_rows = rows;
    m_ambition = ambition(rows, better);
    endResetModel();
}

const ComparisonRow* ComparisonModel::rowAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void ComparisonModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ComparisonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}
int ComparisonModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ComparisonRow& r = m_rows.at(index.row());
    switch (role) {
    case TargetIdRole:
        return r.targetId;
    case DocIdRole:
        return r.docId;
    case StartRole:
        return qint64(r.start);
    case EndRole:
        return qint64(r.end);
    case CorrectedRole:
        return r.corrected;
    case AmbitionRole:
        return m_ambition.at(index.row()) ? QVariant(*m_ambition.at(index.row())) : QVariant();
    case HtmlRole:
        return index.column() == SentenceColumn ? QVariant(report::sentenceHtml(r)) : QVariant();
    default:
        break;
    }
    const int col = index.column();
    const Language lang = interfaceLanguage();
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        const bool edit = role == Qt::EditRole;
        switch (col) {
        case JurisdictionColumn:
            return edit ? r.jurisdiction : naming::jurisdictionName(r.jurisdiction, lang);
        case TargetColumn: {
            const QString t = report::targetText(r, lang);
            if (!t.isEmpty())
                return r.corrected ? t + QStringLiteral(" ✎") : t;
            return r.qualitative ? naming::qualitativeText(lang)
                                 : naming::coverageText(Coverage::MentionedNoNumber, lang);
        }
        case ComparatorColumn:
            return edit ? r.comparator : report::comparatorSymbol(r.comparator, lang);
        case ValueColumn:
            return r.value ? (edit ? QVariant(*r.value) : QVariant(report::number(*r.value))) : QVariant();
        case UnitColumn: // edits stay in the stored (Chinese) unit the extractor writes
            return edit ? r.unit : naming::unitName(r.unit, lang, r.value);
        case BaselineColumn:
            if (edit)
                return r.baseline ? QVariant(*r.baseline) : QVariant();
            return report::baselineToTarget(r);
        case DeadlineColumn:
            return edit ? r.deadline : naming::deadlineText(r.deadline, lang);
        case ScopeColumn:
            return r.scope;
        case SentenceColumn:
            return r.sentence.isEmpty() ? r.quote : r.sentence;
        case DocNumberColumn:
            return r.docNumber;
        case IssuedOnColumn:
            return r.issuedOn;
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (col) {
        case JurisdictionColumn:
            return index.row(); // comparison order: municipal first
        case TargetColumn:
        case ValueColumn:
            return r.value ? QVariant(*r.value) : QVariant();
        case BaselineColumn:
            return r.baseline ? QVariant(*r.baseline) : QVariant();
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && (col == SentenceColumn || col == TargetColumn))
        return QString(QStringLiteral("<p style=\"max-width:480px\">") + report::sentenceHtml(r) +
                       QStringLiteral("<br><i>") + report::citation(r, lang).toHtmlEscaped() +
                       QStringLiteral("</i></p>"));
    // In English the stored Chinese original is one step away.
    if (role == Qt::ToolTipRole && lang == Language::English) {
        if (col == JurisdictionColumn)
            return r.jurisdiction;
        if (col == UnitColumn && naming::hasEnglishUnit(r.unit) && r.unit != QStringLiteral("%"))
            return r.unit;
    }
    if (role == Qt::BackgroundRole && col == TargetColumn) {
        const QColor c = ambitionColor(m_ambition.at(index.row()));
        return c.isValid() ? QVariant(QBrush(c)) : QVariant();
    }
    if (role == Qt::FontRole && col == TargetColumn) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ForegroundRole && r.corrected && col != SentenceColumn)
        return QBrush(QColor(0x8a, 0x3f, 0x00));
    return {};
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) // narrow columns elide their header
        return headerData(section, orientation, Qt::DisplayRole);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case JurisdictionColumn:
        return tr("辖区");
    case TargetColumn:
        return tr("目标");
    case ComparatorColumn:
        return tr("比较");
    case ValueColumn:
        return tr("数值");
    case UnitColumn:
        return tr("单位");
    case BaselineColumn:
        return tr("基线 → 目标");
    case DeadlineColumn:
        return tr("期限");
    case ScopeColumn:
        return tr("范围");
    case SentenceColumn:
        return tr("原文");
    case DocNumberColumn:
        return tr("文号");
    case IssuedOnColumn:
        return tr("印发日期");
    default:
        return {};
    }
}

Qt::ItemFlags ComparisonModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    switch (index.column()) {
    case ComparatorColumn:
    case ValueColumn:
    case UnitColumn:
    case BaselineColumn:
    case DeadlineColumn:
    case ScopeColumn:
        if (m_corrections && !m_corrections->data().readOnly())
            f |= Qt::ItemIsEditable;
        break;
    default:
        break;
    }
    return f;
}

bool ComparisonModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !m_corrections || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    TargetField field;
    switch (index.column()) {
    case ComparatorColumn:
        field = TargetField::Comparator;
        break;
    case ValueColumn:
        field = TargetField::Value;
        break;
    case UnitColumn:
        field = TargetField::Unit;
        break;
    case BaselineColumn:
        field = TargetField::Baseline;
        break;
    case DeadlineColumn:
        field = TargetField::Deadline;
        break;
    case ScopeColumn:
        field = TargetField::Scope;
        break;
    default:
        return false;
    }
    QString text = value.toString().trimmed();
    if (field == TargetField::Value || field == TargetField::Baseline) {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok && !(field == TargetField::Baseline && text.isEmpty()))
            return false;
        text = ok ? report::number(v) : QString();
    }
    if (field == TargetField::Comparator) {
        static const QStringList allowed{QStringLiteral("<="), QStringLiteral("<"), QStringLiteral("="),
                                         QStringLiteral(">="), QStringLiteral(">"), QStringLiteral("~")};
        if (text == QStringLiteral("≤"))
            text = QStringLiteral("<=");
        else if (text == QStringLiteral("≥"))
            text = QStringLiteral(">=");
        if (!allowed.contains(text))
            return false;
    }
    // The corrections object writes the override and the owner reloads this model.
    return m_corrections->setField(m_rows.at(index.row()), field, text);
}

} // namespace pc::ui
