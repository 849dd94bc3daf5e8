// Matrix view: indicators × plans; double-click a row to open its comparison.
#pragma once

#include <QWidget>

class QSortFilterProxyModel;
class QTableView;
class QLabel;
class QLineEdit;
class QToolButton;

namespace pc::ui {

class FrozenTableView;
class MatrixModel;
class Workbench;

class MatrixView : public QWidget {
    Q_OBJECT
public:
    explicit MatrixView(Workbench& workbench, QWidget* parent = nullptr);
    MatrixModel* model() const { return m_model; }
    QTableView* table() const;
    // The area and indicator columns, laid over the table's left edge so they stay in view when
    // the plan columns scroll.
    QTableView* frozenColumns() const;
    void reload();
    // Orders the plan columns (on screen; the model keeps its order) by their target on the
    // indicator, most ambitious first by its better direction, plans without a number last.
    void sortPlansByIndicator(const QString& indicatorId);
    // Shows or hides a plan's column (the column chooser's menu does this).
    void setPlanVisible(const QString& docId, bool visible);
    QToolButton* columnChooser() const { return m_columns; }

protected:
    void changeEvent(QEvent* event) override; // LanguageChange: labels and model anew

private:
    void retranslate();
    void selectIndicator(const QString& indicatorId);
    void openComparison(const QModelIndex& proxyIndex);

    Workbench& m_wb;
    MatrixModel* m_model;
    QSortFilterProxyModel* m_proxy;
    FrozenTableView* m_table;
    QLineEdit* m_filter;
    QLabel* m_legend;
    QToolButton* m_columns;
    QToolButton* m_sortPlans;
};

} // namespace pc::ui
