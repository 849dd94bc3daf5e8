// The matrix' area and indicator columns stay in view when the plan columns scroll horizontally:
// an overlay over the table's left edge, row for row in step with the table.
#include "app/workbench.h"
#include "models/matrixmodel.h"
#include "seeddb.h"
#include "views/matrixview.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QScrollBar>
#include <QTableView>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

class FrozenMatrix : public test::SeedDb {};

void settle() {
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

// Pixels clearly darker than the table's background: drawn text.
int darkPixels(const QImage& image) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 110)
                ++n;
    return n;
}

} // namespace

TEST_F(FrozenMatrix, TheIndicatorColumnStaysInViewWhenThePlansScrollFarRight) {
    std::unique_ptr<WorkbenchData> data = open();
    Workbench wb(*data);
    MatrixView view(wb);
    view.resize(900, 480);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.show();
    settle();
    QTableView* table = view.table();
    // Plan columns widened (as by dragging their edges) until the five plans need scrolling.
    for (int c = MatrixModel::FirstPlanColumn; c < view.model()->columnCount(); ++c)
        table->setColumnWidth(c, 400);
    settle();
    QTableView* frozen = view.frozenColumns();
    ASSERT_NE(frozen, nullptr);
    ASSERT_GT(view.model()->rowCount(), 5);
    EXPECT_TRUE(frozen->isVisible());
    // The overlay shows the area and indicator columns only, as wide as the table's.
    EXPECT_FALSE(frozen->isColumnHidden(MatrixModel::IndicatorColumn));
    for (int c = MatrixModel::FirstPlanColumn; c < view.model()->columnCount(); ++c)
        EXPECT_TRUE(frozen->isColumnHidden(c)) << c;
    const int frozenWidth =
        table->columnWidth(MatrixModel::AreaColumn) + table->columnWidth(MatrixModel::IndicatorColumn);
    EXPECT_EQ(frozen->width(), frozenWidth);
    const QRect strip = frozen->geometry();
    EXPECT_EQ(strip.x(), table->verticalHeader()->width() + table->frameWidth());
    const QImage before = table->grab(strip).toImage();

    // Far right: the table's own indicator column has scrolled out of its viewport.
    QScrollBar* h = table->horizontalScrollBar();
    ASSERT_GT(h->maximum(), 0) << table->width() << " " << table->viewport()->width() << " "
                               << table->horizontalHeader()->length() << " " << view.model()->columnCount();
    h->setValue(h->maximum());
    settle();
    EXPECT_LT(table->columnViewportPosition(MatrixModel::IndicatorColumn) +
                  table->columnWidth(MatrixModel::IndicatorColumn),
              0);
    EXPECT_TRUE(frozen->isVisible());
    EXPECT_EQ(frozen->geometry(), strip);

    // The left strip is drawn exactly as before the scroll, and it holds text: the indicator names.
    const QImage after = table->grab(strip).toImage();
    EXPECT_EQ(after, before);
    const int indicatorX = table->columnWidth(MatrixModel::AreaColumn);
    const QImage names = after.copy(indicatorX, frozen->horizontalHeader()->height(),
                                    table->columnWidth(MatrixModel::IndicatorColumn),
                                    after.height() - frozen->horizontalHeader()->height());
    EXPECT_GT(darkPixels(names), 200);
    const QModelIndex first = frozen->indexAt(QPoint(indicatorX + 5, 5));
    ASSERT_TRUE(first.isValid());
    EXPECT_EQ(first.column(), MatrixModel::IndicatorColumn);
    EXPECT_EQ(first.data().toString(),
              table->model()->index(first.row(), MatrixModel::IndicatorColumn).data().toString());
    EXPECT_FALSE(first.data().toString().isEmpty());

    // Vertically the overlay follows the table row for row.
    QScrollBar* v = table->verticalScrollBar();
    ASSERT_GT(v->maximum(), 0);
    v->setValue(v->maximum() / 2);
    settle();
    EXPECT_EQ(frozen->verticalScrollBar()->value(), v->value());
    for (int r = 0; r < view.model()->rowCount(); ++r) {
        EXPECT_EQ(frozen->rowViewportPosition(r), table->rowViewportPosition(r)) << r;
        EXPECT_EQ(frozen->rowHeight(r), table->rowHeight(r)) << r;
    }
    // Selection is shared: the current cell of the table is the overlay's.
    EXPECT_EQ(frozen->selectionModel(), table->selectionModel());
}
