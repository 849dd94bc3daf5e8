// Matrix model: indicators (grouped by area) × plans (municipal first), one target summary per cell.
#pragma once

#include "compare/comparison.h"
#include "taxonomy/taxonomy.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace pc::ui {

struct MatrixInput {
    QList<Area> areas;                         // order of the groups
    QList<Indicator> indicators;               // rows, in the order given (grouped by area by the caller)
    QList<PlanInfo> plans;                     // columns after the two label columns
    QHash<QString, QList<ComparisonRow>> rows; // by indicator id
    QList<CoverageCell> coverage;              // "mentioned, no number" comes from here
};

class MatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AreaColumn = 0, IndicatorColumn = 1, FirstPlanColumn = 2 };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw number (cells), area order (area column), name (indicator)
        IndicatorIdRole,
        DocIdRole,
        AmbitionRole, // 0..1 or invalid
        CoverageRole, // int(pc::Coverage)
        TargetCountRole,
    };

    explicit MatrixModel(QObject* parent = nullptr);
    void setInput(MatrixInput input);
    const MatrixInput& input() const { return m_in; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The interface language changed: every header and cell is shown anew (no reset, so selections stay).
    void retranslate();
    // The rows of one cell, in comparison order.
    QList<ComparisonRow> cellRows(int row, int column) const;
    int rowOf(const QString& indicatorId) const;

private:
    struct Cell {
        QList<ComparisonRow> rows;
        Coverage coverage = Coverage::Silent;
        std::optional<double> ambition;
    };
    const Cell* cell(int row, int column) const;
    QString cellText(const Cell& c) const;

    MatrixInput m_in;
    QList<QList<Cell>> m_cells; // [indicator][plan]
    QHash<QString, int> m_areaOrder;
};

} // namespace pc::ui
