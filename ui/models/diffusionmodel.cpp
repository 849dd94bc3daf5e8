// Diffusion model: align::Alignment as a table, with the targets each measure tightened or loosened.
#include "diffusionmodel.h"

#include <QColor>

namespace pc::ui {

DiffusionModel::DiffusionModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void DiffusionModel::setAlignment(const align::Alignment& alignment, const align::Plan& plan,
                                  const align::Plan& against) {
    beginResetModel();
    m_alignment = alignment;
    m_plan.clear();
    m_against.clear();
    m_targets.clear();
    for (const align::MeasureText& m : plan.measures)
        m_plan.insert(m.number, m);
    for (const align::MeasureText& m : against.measures)
        m_against.insert(m.number, m);
    for (const align::TargetLink& t : alignment.targets) {
        QPair<int, int>& c = m_targets[t.target.measureNumber];
        if (t.strictness == align::Strictness::Stricter)
            ++c.first;
        else if (t.strictness == align::Strictness::Looser)
            ++c.second;
    }
    endResetModel();
}

const align::MeasureText* DiffusionModel::planMeasure(int number) const {
    const auto it = m_plan.constFind(number);
    return it == m_plan.cend() ? nullptr : &*it;
}

const align::MeasureText* DiffusionModel::againstMeasure(int number) const {
    const auto it = m_against.constFind(number);
    return it == m_against.cend() ? nullptr : &*it;
}

void DiffusionModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString DiffusionModel::relationLabel(align::Relation r) {
    switch (r) {
    case align::Relation::Adopted:
        return tr("采纳");
    case align::Relation::Adapted:
        return tr("改写");
    case align::Relation::New:
        return tr("新增");
    case align::Relation::NotTakenUp:
        return tr("未采纳");
    }
    return {};
}

int DiffusionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_alignment.measures.size());
}

int DiffusionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiffusionModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_alignment.measures.size())
        return {};
    const align::MeasureLink& l = m_alignment.measures.at(index.row());
    const QPair<int, int> targets = m_targets.value(l.measureNumber);
    switch (role) {
    case RelationRole:
        return int(l.relation);
    case MeasureNumberRole:
        return l.measureNumber;
    case AgainstNumberRole:
        return l.againstNumber;
    case StricterRole:
        return targets.first;
    case LooserRole:
        return targets.second;
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == AgainstNumberColumn ||
            index.column() == SimilarityColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (l.relation == align::Relation::NotTakenUp)
            return QColor(0x80, 0x80, 0x80);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == AgainstTitleColumn && !l.suggestedTitle.isEmpty())
            return tr(
                "对照规划的标题是文本碎片（解析置信度低）；括号中是根据本规划推断的标题，仅供参考，原文未改");
        if (index.column() == RelationColumn && l.outOfOrder)
            return tr("不按两份规划共同的顺序，仅凭高度相似对应");
        return {};
    case SortRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
    case NumberColumn:
        if (sort)
            return l.measureNumber ? l.measureNumber : 100000 + l.againstNumber;
        return l.measureNumber ? QVariant(l.measureNumber) : QVariant();
    case TitleColumn: {
        const align::MeasureText* m = planMeasure(l.measureNumber);
        return m ? m->title : QString();
    }
    case AgainstNumberColumn:
        if (sort)
            return l.againstNumber;
        return l.againstNumber ? QVariant(l.againstNumber) : QVariant();
    case AgainstTitleColumn: {
        const align::MeasureText* m = againstMeasure(l.againstNumber);
        QString t = m ? m->title : QString();
        if (!l.suggestedTitle.isEmpty())
            t += tr("（推断：%1）").arg(l.suggestedTitle);
        return t;
    }
    case SimilarityColumn:
        if (l.relation == align::Relation::NotTakenUp)
            return sort ? QVariant(-1.0) : QVariant();
        return sort ? QVariant(l.similarity) : QVariant(QString::number(l.similarity, 'f', 2));
    case RelationColumn:
        return QString(relationLabel(l.relation) + (l.outOfOrder ? QStringLiteral(" *") : QString()));
    case TargetsColumn: {
        if (sort)
            return targets.first - targets.second;
        QStringList parts;
        if (targets.first)
            parts << tr("收紧 %1").arg(targets.first);
        if (targets.second)
            parts << tr("放宽 %1").arg(targets.second);
        return parts.join(QStringLiteral(" · "));
    }
    default:
        return {};
    }
}

QVariant DiffusionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("措施");
    case TitleColumn:
        return tr("标题");
    case AgainstNumberColumn:
        return tr("对照措施");
    case AgainstTitleColumn:
        return tr("对照标题");
    case SimilarityColumn:
        return tr("相似度");
    case RelationColumn:
        return tr("关系");
    case TargetsColumn:
        return tr("目标");
    default:
        return {};
    }
}

DiffusionFilter::DiffusionFilter(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(DiffusionModel::SortRole);
}

void DiffusionFilter::setShow(Show show) {
    m_show = show;
    invalidateFilter();
}

bool DiffusionFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto relation = align::Relation(i.data(DiffusionModel::RelationRole).toInt());
    switch (m_show) {
    case Show::All:
        return true;
    case Show::Adopted:
        return relation == align::Relation::Adopted;
    case Show::Adapted:
        return relation == align::Relation::Adapted;
    case Show::New:
        return relation == align::Relation::New;
    case Show::NotTakenUp:
        return relation == align::Relation::NotTakenUp;
    case Show::Stricter:
        return i.data(DiffusionModel::StricterRole).toInt() > 0;
    case Show::Looser:
        return i.data(DiffusionModel::LooserRole).toInt() > 0;
    }
    return true;
}

} // namespace pc::ui
