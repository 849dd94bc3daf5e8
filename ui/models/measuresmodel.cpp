// Measures model and filter: thin table over MeasureRow values.
#include "measuresmodel.h"

#include "app/uilanguage.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QStyle>

namespace pc::ui {

MeasuresModel::MeasuresModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void MeasuresModel::setMeasures(const QList<MeasureRow>& measures, const QList<Area>& areas,
                                const QStringList& planOrder) {
    beginResetModel();
    m_rows = measures;
    m_areas.clear();
    for (const Area& a : areas)
        m_areas.insert(a.id, a);
    m_planOrder.clear();
    for (qsizetype i = 0; i < planOrder.size(); ++i)
        m_planOrder.insert(planOrder.at(i), int(i));
    endResetModel();
}

void MeasuresModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int MeasuresModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}
int MeasuresModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MeasuresModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MeasureRow& m = m_rows.at(index.row());
    switch (role) {
    case MeasureIdRole:
        return m.id;
    case DocIdRole:
        return m.docId;
    case AreaIdRole:
        return m.area;
    case JurisdictionRole:
        return m.jurisdiction;
    case BodyRole:
        return m.body;
    case StartRole:
        return qint64(m.start);
    case ConfidenceRole:
        return m.confidence;
    case LowConfidenceRole:
        return m.confidence < kLowConfidence;
    default:
        break;
    }
    // Measures the parser was unsure of: grey italic, a warning icon before the title, and the
    // confidence in the tooltip, so researchers check them against the text.
    const bool low = m.confidence < kLowConfidence;
    if (low) {
        switch (role) {
        case Qt::FontRole: {
            QFont f;
            f.setItalic(true);
            return f;
        }
        case Qt::ForegroundRole:
            return QBrush(QColor(0x6e, 0x6e, 0x6e));
        case Qt::DecorationRole:
            if (index.column() == TitleColumn)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            break;
        case Qt::ToolTipRole: {
            const QString warning = tr("解析置信度 %1：解析器对这条措施的识别把握较低，请对照原文核对。")
                                        .arg(QLocale().toString(m.confidence, 'f', 2));
            if (index.column() != TitleColumn)
                return warning;
            return QString(QStringLiteral("<p><b>") + warning.toHtmlEscaped() +
                           QStringLiteral("</b></p><p style=\"max-width:520px\">") + m.body.toHtmlEscaped() +
                           QStringLiteral("</p>"));
        }
        default:
            break;
        }
    }
    const Language lang = interfaceLanguage();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case JurisdictionColumn:
            return naming::jurisdictionName(m.jurisdiction, lang);
        case AreaColumn: {
            const auto it = m_areas.constFind(m.area);
            return it == m_areas.constEnd() ? m.area : naming::areaName(*it, lang);
        }
        case NumberColumn:
            return m.number;
        case TitleColumn:
            return m.title.isEmpty() ? m.body.left(60) : m.title;
        case LeadColumn:
            return m.lead.join(QStringLiteral("；"));
        case PartnersColumn:
            return m.partners.join(QStringLiteral("；"));
        case DeadlineColumn:
            return naming::deadlineText(m.deadline, lang);
        default:
            return {};
        }
    }
    // In English the stored Chinese names are one step away.
    if (role == Qt::ToolTipRole && lang == Language::English) {
        if (index.column() == JurisdictionColumn)
            return m.jurisdiction;
        if (index.column() == AreaColumn) {
            const auto it = m_areas.constFind(m.area);
            return it == m_areas.constEnd() ? QVariant() : QVariant(it->nameZh);
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case JurisdictionColumn:
            return m_planOrder.value(m.docId, 999) * 100000 + m.number;
        case NumberColumn:
            return m.number;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && (index.column() == TitleColumn))
        return QString(QStringLiteral("<p style=\"max-width:520px\">") + m.body.toHtmlEscaped() +
                       QStringLiteral("</p>"));
    if (role == Qt::TextAlignmentRole && index.column() == NumberColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MeasuresModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case JurisdictionColumn:
        return tr("辖区");
    case AreaColumn:
        return tr("领域");
    case NumberColumn:
        return tr("序号");
    case TitleColumn:
        return tr("措施");
    case LeadColumn:
        return tr("牵头单位");
    case PartnersColumn:
        return tr("配合单位");
    case DeadlineColumn:
        return tr("完成时限");
    default:
        return {};
    }
}

MeasuresFilter::MeasuresFilter(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(MeasuresModel::SortRole);
}

void MeasuresFilter::setJurisdiction(const QString& jurisdiction) {
    m_jurisdiction = jurisdiction;
    invalidateFilter();
}

void MeasuresFilter::setArea(const QString& areaId) {
    m_area = areaId;
    invalidateFilter();
}

void MeasuresFilter::setSearchHits(const std::optional<QList<SearchHit>>& hits) {
    m_searching = hits.has_value();
    m_hits.clear();
    if (hits)
        for (const SearchHit& h : *hits)
            m_hits.insert(h.measureId, h.rank);
    invalidate();
}

bool MeasuresFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex idx = sourceModel()->index(sourceRow, MeasuresModel::JurisdictionColumn, sourceParent);
    if (!m_jurisdiction.isEmpty() && idx.data(MeasuresModel::JurisdictionRole).toString() != m_jurisdiction)
        return false;
    if (!m_area.isEmpty() && idx.data(MeasuresModel::AreaIdRole).toString() != m_area)
        return false;
    if (m_searching && !m_hits.contains(idx.data(MeasuresModel::MeasureIdRole).toLongLong()))
        return false;
    return true;
}

bool MeasuresFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace pc::ui
