// A table view whose first columns stay put when it scrolls horizontally (Qt's "Frozen Column"
// pattern): a second view over the same model and selection model, showing only those columns,
// laid over the left edge and kept in step with the table's column widths, row heights and
// vertical scrolling. The matrix freezes its area and indicator columns this way.
#pragma once

#include <QTableView>

namespace pc::ui {

class FrozenTableView : public QTableView {
    Q_OBJECT
public:
    explicit FrozenTableView(int frozenColumns, QWidget* parent = nullptr);
    void setModel(QAbstractItemModel* model) override;
    void setSelectionModel(QItemSelectionModel* selectionModel) override;
    QTableView* frozenView() const { return m_frozen; }
    int frozenColumns() const { return m_columns; }
    int frozenWidth() const; // the frozen columns' width on screen
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void updateGeometries() override;

private:
    void syncColumns();   // which columns the overlay shows, and their widths
    void syncRows();      // row heights
    void updateOverlay(); // the overlay's geometry
    int m_columns;
    QTableView* m_frozen;
};

} // namespace pc::ui
