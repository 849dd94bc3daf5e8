// Frozen-column table view (see frozentableview.h).
#include "frozentableview.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScrollBar>

namespace pc::ui {

FrozenTableView::FrozenTableView(int frozenColumns, QWidget* parent)
    : QTableView(parent)
    , m_columns(frozenColumns)
    , m_frozen(new QTableView(this)) {
    m_frozen->setObjectName(QStringLiteral("frozenColumns"));
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollMode(ScrollPerPixel);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->setEditTriggers(NoEditTriggers);
    m_frozen->setWordWrap(true);
    m_frozen->setMouseTracking(true);
    // The overlay's right edge: a line like the grid's, so the frozen part reads as one with the table.
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border-right: 1px solid palette(mid); }"));
    viewport()->stackUnder(m_frozen);
    setHorizontalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerPixel);

    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (logical < m_columns) {
            m_frozen->setColumnWidth(logical, size);
            updateOverlay();
        }
    });
    connect(verticalHeader(), &QHeaderView::sectionResized, this,
            [this](int logical, int, int size) { m_frozen->setRowHeight(logical, size); });
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
    // Clicks and sorting in the overlay act on the table.
    connect(m_frozen, &QAbstractItemView::doubleClicked, this, &QAbstractItemView::doubleClicked);
    connect(m_frozen, &QAbstractItemView::clicked, this, &QAbstractItemView::clicked);
    m_frozen->horizontalHeader()->setSectionsClickable(true);
    connect(m_frozen->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int logical) {
        if (!isSortingEnabled())
            return;
        const QHeaderView* h = horizontalHeader();
        const Qt::SortOrder order =
            h->sortIndicatorSection() == logical && h->sortIndicatorOrder() == Qt::AscendingOrder
                ? Qt::DescendingOrder
                : Qt::AscendingOrder;
        sortByColumn(logical, order);
    });
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_frozen->horizontalHeader(),
            [this](int logical, Qt::SortOrder order) {
                m_frozen->horizontalHeader()->setSortIndicatorShown(logical < m_columns);
                m_frozen->horizontalHeader()->setSortIndicator(logical, order);
            });
}

void FrozenTableView::setModel(QAbstractItemModel* model) {
    m_frozen->setModel(model);
    QTableView::setModel(model); // shares its new selection model with the overlay (setSelectionModel)
    if (model) {
        const auto resync = [this] {
            syncColumns();
            syncRows();
        };
        connect(model, &QAbstractItemModel::modelReset, this, resync);
        connect(model, &QAbstractItemModel::layoutChanged, this, resync);
        connect(model, &QAbstractItemModel::columnsInserted, this, &FrozenTableView::syncColumns);
        connect(model, &QAbstractItemModel::rowsInserted, this, &FrozenTableView::syncRows);
    }
    syncColumns();
    syncRows();
}

void FrozenTableView::setSelectionModel(QItemSelectionModel* selectionModel) {
    QTableView::setSelectionModel(selectionModel);
    if (selectionModel && selectionModel->model() == m_frozen->model())
        m_frozen->setSelectionModel(selectionModel);
}

int FrozenTableView::frozenWidth() const {
    int w = 0;
    for (int c = 0; c < m_columns && model() && c < model()->columnCount(); ++c)
        if (!isColumnHidden(c))
            w += columnWidth(c);
    return w;
}

void FrozenTableView::syncColumns() {
    const int n = model() ? model()->columnCount() : 0;
    for (int c = 0; c < n; ++c) {
        m_frozen->setColumnHidden(c, c >= m_columns || isColumnHidden(c));
        if (c < m_columns)
            m_frozen->setColumnWidth(c, columnWidth(c));
    }
    updateOverlay();
}

void FrozenTableView::syncRows() {
    const int n = model() ? model()->rowCount() : 0;
    for (int r = 0; r < n; ++r)
        m_frozen->setRowHeight(r, rowHeight(r));
}

void FrozenTableView::updateOverlay() {
    // The header exactly as tall as the table's (plan headers run to two lines), the rows below it
    // exactly where the table's are, and no further down than the table's viewport.
    m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
    m_frozen->setGeometry(verticalHeader()->width() + frameWidth(), frameWidth(), frozenWidth(),
                          viewport()->height() + horizontalHeader()->height());
    m_frozen->verticalScrollBar()->setValue(verticalScrollBar()->value());
}

void FrozenTableView::resizeEvent(QResizeEvent* event) {
    QTableView::resizeEvent(event);
    updateOverlay();
}

void FrozenTableView::updateGeometries() {
    QTableView::updateGeometries();
    updateOverlay();
}

// Moving the cursor left past the frozen columns scrolls the table so the cell is not hidden.
QModelIndex FrozenTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) {
    const QModelIndex current = QTableView::moveCursor(cursorAction, modifiers);
    if (cursorAction == MoveLeft && current.column() >= m_columns &&
        visualRect(current).topLeft().x() < frozenWidth()) {
        const int newValue =
            horizontalScrollBar()->value() + visualRect(current).topLeft().x() - frozenWidth();
        horizontalScrollBar()->setValue(newValue);
    }
    return current;
}

void FrozenTableView::scrollTo(const QModelIndex& index, ScrollHint hint) {
    if (index.column() >= m_columns) {
        QTableView::scrollTo(index, hint);
        return;
    }
    // A frozen cell is always in view horizontally: scroll vertically only.
    const int x = horizontalScrollBar()->value();
    QTableView::scrollTo(index, hint);
    horizontalScrollBar()->setValue(x);
}

} // namespace pc::ui
