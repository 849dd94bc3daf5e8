// Diffusion model: one row per measure of a plan with the measure of the other plan it takes up
// (or none), then the other plan's measures not taken up; and its filter by relation and targets.
#pragma once

#include "align/alignment.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>

namespace pc::ui {

class DiffusionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        TitleColumn,
        AgainstNumberColumn,
        AgainstTitleColumn,
        SimilarityColumn,
        RelationColumn,
        TargetsColumn,
        ColumnCount
    };
    enum Role {
        RelationRole = Qt::UserRole + 1, // int(align::Relation)
        MeasureNumberRole,               // 0 on not_taken_up rows
        AgainstNumberRole,               // 0 for new
        StricterRole,                    // int: aligned targets of this measure that are stricter
        LooserRole,                      // int: … looser
        SortRole,
    };
    explicit DiffusionModel(QObject* parent = nullptr);

    void setAlignment(const align::Alignment& alignment, const align::Plan& plan, const align::Plan& against);
    const align::Alignment& alignment() const { return m_alignment; }
    const align::MeasureText* planMeasure(int number) const;
    const align::MeasureText* againstMeasure(int number) const;

    static QString relationLabel(align::Relation r); // 采纳 改写 新增 未采纳 (translatable)
    // After a language change: headers and the relation and target texts again.
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    align::Alignment m_alignment;
    QHash<int, align::MeasureText> m_plan;
    QHash<int, align::MeasureText> m_against;
    QHash<int, QPair<int, int>> m_targets; // measure number → (stricter, looser)
};

class DiffusionFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Show { All, Adopted, Adapted, New, NotTakenUp, Stricter, Looser };
    explicit DiffusionFilter(QObject* parent = nullptr);
    void setShow(Show show);
    Show show() const { return m_show; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Show m_show = Show::All;
};

} // namespace pc::ui
