// Matrix model: a thin table over comparison rows; colours by ambition within each indicator.
#include "matrixmodel.h"

#include "ambition.h"
#include "app/uilanguage.h"
#include "export/reporthtml.h"

#include <QBrush>
#include <QFont>
#include <QHash>

namespace pc::ui {

MatrixModel::MatrixModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void MatrixModel::setInput(MatrixInput input) {
    beginResetModel();
    m_in = std::move(input);
    m_areaOrder.clear();
    for (qsizetype i = 0; i < m_in.areas.size(); ++i)
        m_areaOrder.insert(m_in.areas.at(i).id, int(i));
    m_cells.clear();
    // The plans' columns by document id and by doc id, and the coverage by indicator and doc id (the
    // last cell listed wins), so filling the cells is linear in rows + cells, not rows × plans (a set
    // of 1,000 plans took 15 s that way).
    QHash<qint64, QList<int>> byDocumentId;
    QHash<QString, QList<int>> byDocId;
    for (qsizetype p = 0; p < m_in.plans.size(); ++p) {
        byDocumentId[m_in.plans.at(p).documentId].append(int(p));
        byDocId[m_in.plans.at(p).docId].append(int(p));
    }
    QHash<QString, QHash<QString, Coverage>> coverage;
    for (const CoverageCell& c : std::as_const(m_in.coverage))
        coverage[c.indicator].insert(c.docId, c.coverage);
    for (const Indicator& ind : std::as_const(m_in.indicators)) {
        const QList<ComparisonRow> rows = m_in.rows.value(ind.id);
        // Ambition over one representative row per plan (its first valued one), so a plan with
        // several scopes does not outweigh the others.
        QList<ComparisonRow> firsts;
        QList<int> firstsPlan;
        QList<Cell> line(m_in.plans.size());
        for (const ComparisonRow& r : rows) {
            // The plans this row belongs to: its document's; a row without a document id (not stored)
            // also those with its doc id.
            QList<int> targets = byDocumentId.value(r.documentId);
            if (r.documentId == 0)
                for (int p : byDocId.value(r.docId))
                    if (!targets.contains(p))
                        targets.append(p);
            for (int p : std::as_const(targets))
                line[p].rows.append(r);
        }
        const QHash<QString, Coverage> covered = coverage.value(ind.id);
        for (qsizetype p = 0; p < m_in.plans.size(); ++p) {
            line[p].coverage = covered.value(m_in.plans.at(p).docId, line[p].coverage);
            if (!line[p].rows.isEmpty() && line[p].coverage == Coverage::Silent)
                line[p].coverage = Coverage::NumberSet;
            for (const ComparisonRow& r : std::as_const(line[p].rows))
                if (r.value) {
                    firsts << r;
                    firstsPlan << int(p);
                    break;
                }
        }
        const QList<std::optional<double>> scores = ambition(firsts, ind.better);
        for (qsizetype k = 0; k < firsts.size(); ++k)
            line[firstsPlan.at(k)].ambition = scores.at(k);
        m_cells.append(line);
    }
    endResetModel();
}

void MatrixModel::retranslate() {
    if (columnCount() > 0)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int MatrixModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_in.indicators.size());
}

int MatrixModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : FirstPlanColumn + int(m_in.plans.size());
}

const MatrixModel::Cell* MatrixModel::cell(int row, int column) const {
    if (row < 0 || row >= m_cells.size() || column < FirstPlanColumn ||
        column - FirstPlanColumn >= m_in.plans.size())
        return nullptr;
    return &m_cells.at(row).at(column - FirstPlanColumn);
}

QList<ComparisonRow> MatrixModel::cellRows(int row, int column) const {
    const Cell* c = cell(row, column);
    return c ? c->rows : QList<ComparisonRow>{};
}

int MatrixModel::rowOf(const QString& indicatorId) const {
    for (qsizetype i = 0; i < m_in.indicators.size(); ++i)
        if (m_in.indicators.at(i).id == indicatorId)
            return int(i);
    return -1;
}

QString MatrixModel::cellText(const Cell& c) const {
    const Language lang = interfaceLanguage();
    const QString mentioned = naming::coverageText(Coverage::MentionedNoNumber, lang);
    if (c.rows.isEmpty())
        return c.coverage == Coverage::MentionedNoNumber ? mentioned : QString();
    const ComparisonRow& r = c.rows.first();
    QString text = report::targetText(r, lang);
    if (text.isEmpty()) // a qualitative target shows the start of its quote (source text)
        text = r.qualitative ? tr("定性：%1").arg(r.quote.left(10)) : mentioned;
    if (!r.deadline.isEmpty())
        text += QStringLiteral("\n") + naming::deadlineText(r.deadline, lang);
    if (c.rows.size() > 1)
        text += tr("（另 %1 项）").arg(c.rows.size() - 1);
    return text;
}

QVariant MatrixModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Indicator& ind = m_in.indicators.at(index.row());
    const Language lang = interfaceLanguage();
    if (role == IndicatorIdRole)
        return ind.id;
    if (index.column() == AreaColumn) {
        switch (role) {
        case Qt::DisplayRole:
            for (const Area& a : m_in.areas)
                if (a.id == ind.area)
                    return naming::areaName(a, lang);
            return ind.area;
        case Qt::ToolTipRole: // the other language's name, one step away
            for (const Area& a : m_in.areas)
                if (a.id == ind.area)
                    return QString(a.id + QStringLiteral(" · ") +
                                   (lang == Language::English ? a.nameZh : a.nameEn));
            return {};
        case SortRole:
            return m_areaOrder.value(ind.area, 999) * 1000 + index.row();
        default:
            return {};
        }
    }
    if (index.column() == IndicatorColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return naming::indicatorName(ind, lang);
        case Qt::ToolTipRole: {
            // English: the Chinese name beside the id (when it differs from what the cell shows).
            const QString original = lang == Language::English && !ind.nameZh.isEmpty() &&
                                             ind.nameZh != naming::indicatorName(ind, lang)
                                         ? QStringLiteral(" · ") + ind.nameZh
                                         : QString();
            const QString definition = naming::definition(ind, lang);
            return QString(ind.id + original +
                           (definition.isEmpty() ? QString() : QStringLiteral("\n") + definition));
        }
        case SortRole:
            return naming::indicatorName(ind, lang);
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        default:
            return {};
        }
    }
    const Cell* c = cell(index.row(), index.column());
    if (!c)
        return {};
    const PlanInfo& plan = m_in.plans.at(index.column() - FirstPlanColumn);
    switch (role) {
    case Qt::DisplayRole:
        return cellText(*c);
    case Qt::ToolTipRole: {
        if (c->rows.isEmpty())
            return c->coverage == Coverage::MentionedNoNumber
                       ? tr("%1 的规划提到该指标，但未设定数值目标")
                             .arg(naming::jurisdictionName(plan.jurisdiction, lang))
                       : QVariant();
        QString tip = QStringLiteral("<div style=\"max-width:480px\">");
        for (const ComparisonRow& r : c->rows)
            tip += QStringLiteral("<p>") + report::sentenceHtml(r) + QStringLiteral("<br><i>") +
                   report::citation(r, lang).toHtmlEscaped() + QStringLiteral("</i></p>");
        return QString(tip + QStringLiteral("</div>"));
    }
    case Qt::BackgroundRole: {
        const QColor col = ambitionColor(c->ambition);
        if (col.isValid())
            return QBrush(col);
        if (c->coverage == Coverage::MentionedNoNumber)
            return QBrush(QColor(0xf2, 0xf2, 0xf2));
        return {};
    }
    case Qt::ForegroundRole:
        if (c->rows.isEmpty() || !c->rows.first().value)
            return QBrush(QColor(0x77, 0x77, 0x77));
        return {};
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case SortRole:
        for (const ComparisonRow& r : c->rows)
            if (r.value)
                return *r.value;
        return {};
    case DocIdRole:
        return plan.docId;
    case AmbitionRole:
        return c->ambition ? QVariant(*c->ambition) : QVariant();
    case CoverageRole:
        return int(c->coverage);
    case TargetCountRole:
        return int(c->rows.size());
    default:
        return {};
    }
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (section == AreaColumn)
        return role == Qt::DisplayRole ? QVariant(tr("领域")) : QVariant();
    if (section == IndicatorColumn)
        return role == Qt::DisplayRole ? QVariant(tr("指标")) : QVariant();
    const qsizetype p = section - FirstPlanColumn;
    if (p < 0 || p >= m_in.plans.size())
        return {};
    const PlanInfo& plan = m_in.plans.at(p);
    const Language lang = interfaceLanguage();
    if (role == Qt::DisplayRole)
        return QString(naming::jurisdictionName(plan.jurisdiction, lang) + QStringLiteral("\n") +
                       QString::number(plan.year));
    if (role == Qt::ToolTipRole) // the Chinese name stays one step away in English
        return QString((lang == Language::English ? plan.jurisdiction + QStringLiteral("\n") : QString()) +
                       plan.title + QStringLiteral("\n") + plan.docNumber + QStringLiteral(" · ") +
                       plan.issuedOn);
    return {};
}

} // namespace pc::ui
