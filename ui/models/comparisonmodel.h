// Comparison model: one indicator, one row per target (municipal first), editable through Corrections.
#pragma once

#include "compare/comparison.h"
#include "taxonomy/taxonomy.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

namespace pc::ui {

class Corrections;

class ComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        JurisdictionColumn,
        TargetColumn,     // `≤ 8 工作日`
        ComparatorColumn, // editable
        ValueColumn,      // editable
        UnitColumn,       // editable
        BaselineColumn,   // `20 → 8`; edits the baseline
        DeadlineColumn,   // editable
        ScopeColumn,      // editable
        SentenceColumn,   // source sentence (HtmlRole has the highlighted version)
        DocNumberColumn,
        IssuedOnColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw numbers for value/target/baseline, plan order for jurisdiction
        HtmlRole,                    // rich text of the sentence with the number highlighted
        TargetIdRole,
        DocIdRole,
        StartRole,
        EndRole,
        AmbitionRole,
        CorrectedRole,
    };

    explicit ComparisonModel(QObject* parent = nullptr);
    void setCorrections(Corrections* corrections) { m_corrections = corrections; }
    void setRows(const QString& indicatorId, const QList<ComparisonRow>& rows, Direction better);
    const QList<ComparisonRow>& rows() const { return m_rows; }
    QString indicatorId() const { return m_indicator; }
    const ComparisonRow* rowAt(int row) const;

    // The interface language changed: every header and cell is shown anew (no reset, so selections stay).
    void retranslate();
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Goes through Corrections (undoable, stored as an override); the store then reloads the model.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    QString m_indicator;
    QList<ComparisonRow> m_rows;
    QList<std::optional<double>> m_ambition;
    QPointer<Corrections> m_corrections;
};

} // namespace pc::ui
