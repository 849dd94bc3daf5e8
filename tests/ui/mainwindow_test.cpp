// The main window on hand-built data: views, navigation between them, reader passage, import dialog.
#include "app/appidentity.h"
#include "app/importdialog.h"
#include "app/uilanguage.h"
#include "app/workbench.h"
#include "fakedata.h"
#include "guiapp.h"
#include "mainwindow.h"
#include "models/comparisonmodel.h"
#include "models/matrixmodel.h"
#include "views/chartview.h"
#include "views/comparisonview.h"
#include "views/matrixview.h"
#include "views/navigatordock.h"
#include "views/readerview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

TEST(MainWindow, AssemblesTheSixViewsAndFollowsTheCurrentIndicator) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    EXPECT_EQ(MainWindow::viewNames().size(), 6);
    for (const QString& v : MainWindow::viewNames()) {
        ASSERT_TRUE(w.setView(v));
        EXPECT_EQ(w.currentView(), v);
    }
    EXPECT_FALSE(w.setView(QStringLiteral("nope")));
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    EXPECT_EQ(w.comparisonView()->model()->rowCount(), 3);
    EXPECT_EQ(w.chartView()->series().bars.size(), 3);
    EXPECT_EQ(w.windowTitle(), QStringLiteral("用水报装时限 — PlanCompare 营商环境政策对比"));
    // Navigator lists 获得用水 → 用水报装时限 (3 targets) and the four plans.
    QTreeWidget* tree = w.navigator()->tree();
    ASSERT_EQ(tree->topLevelItemCount(), 2);
    EXPECT_EQ(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("获得用水"));
    EXPECT_EQ(tree->topLevelItem(0)->child(0)->child(0)->text(1), QStringLiteral("3"));
    EXPECT_EQ(tree->topLevelItem(1)->childCount(), 4);
}

TEST(MainWindow, DoubleClickInTheMatrixOpensTheComparison) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    w.setView(QStringLiteral("matrix"));
    QTableView* table = w.matrixView()->table();
    const int row = w.matrixView()->model()->rowOf(QStringLiteral("ga.time"));
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(table->model());
    ASSERT_NE(proxy, nullptr);
    const QModelIndex idx =
        proxy->mapFromSource(w.matrixView()->model()->index(row, MatrixModel::FirstPlanColumn + 3));
    Q_EMIT table->doubleClicked(idx);
    EXPECT_EQ(w.currentView(), QStringLiteral("compare"));
    EXPECT_EQ(wb.currentIndicator(), QStringLiteral("ga.time"));
    EXPECT_EQ(w.comparisonView()->model()->rowCount(), 1);
}

TEST(MainWindow, SelectingAComparisonRowShowsItsPassageInTheReader) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    w.comparisonView()->table()->selectRow(2); // 渝中区
    EXPECT_EQ(w.readerView()->currentDocId(), QStringLiteral("yuzhong-2023"));
    EXPECT_EQ(w.currentView(), QStringLiteral("matrix")); // selection alone does not switch views
    w.comparisonView()->showSelectedInReader();
    EXPECT_EQ(w.currentView(), QStringLiteral("reader"));
    EXPECT_TRUE(w.readerView()->text()->toPlainText().contains(QStringLiteral("不超过8个工作日")));
}

// A target outside the numbered measures says where it stands in the detail pane; one in a measure
// does not repeat the obvious.
TEST(MainWindow, ComparisonDetailsNameTheSectionOfATargetOutsideMeasures) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    ComparisonView* view = w.comparisonView();
    auto passage = [&]() -> QString {
        for (QTextBrowser* b : view->findChildren<QTextBrowser*>()) {
            if (b->toPlainText().contains(QStringLiteral("工作日")))
                return b->toPlainText();
        }
        return QString();
    };
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->table()->model());
    ASSERT_NE(proxy, nullptr);
    int goalRow = -1;
    int measureRow = -1;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        const ComparisonRow* row = view->model()->rowAt(r);
        if (row->docId == QStringLiteral("jiangjin-2021"))
            goalRow = proxy->mapFromSource(view->model()->index(r, 0)).row();
        else if (row->docId == QStringLiteral("yuzhong-2023"))
            measureRow = proxy->mapFromSource(view->model()->index(r, 0)).row();
    }
    ASSERT_GE(goalRow, 0);
    ASSERT_GE(measureRow, 0);
    view->table()->selectRow(goalRow);
    EXPECT_TRUE(passage().contains(QStringLiteral("目标段落：一、工作目标"))) << passage().toStdString();
    view->table()->selectRow(measureRow);
    EXPECT_FALSE(passage().contains(QStringLiteral("目标段落"))) << passage().toStdString();
    EXPECT_TRUE(passage().contains(QStringLiteral("不超过8个工作日")));
}

TEST(MainWindow, CorrectionsReloadEveryViewAndUndo) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    ComparisonModel* model = w.comparisonView()->model();
    ASSERT_TRUE(model->setData(model->index(2, ComparisonModel::ValueColumn), 5));
    EXPECT_EQ(w.chartView()->series().bars.at(2).target, 5.0);
    const int row = w.matrixView()->model()->rowOf(QStringLiteral("wa.time"));
    EXPECT_EQ(w.matrixView()->model()->index(row, MatrixModel::FirstPlanColumn + 3).data().toString(),
              QStringLiteral("≤ 5 工作日\n2023-12"));
    wb.corrections()->undoStack()->undo();
    EXPECT_EQ(w.chartView()->series().bars.at(2).target, 8.0);
    EXPECT_EQ(data.overrideCount(), 0);
}

TEST(ImportDialog, RunsOffTheUiThreadAndListsEveryFile) {
    test::FakeData data;
    ImportDialog dlg(data, {QStringLiteral("/x/a.txt"), QStringLiteral("/x/b.pdf")});
    bool done = false;
    QObject::connect(&dlg, &ImportDialog::finished, [&] { done = true; });
    dlg.start();
    QElapsedTimer t;
    t.start();
    while (!done && t.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    ASSERT_TRUE(done);
    ASSERT_EQ(dlg.results()->topLevelItemCount(), 2);
    EXPECT_EQ(dlg.results()->topLevelItem(0)->text(1), QStringLiteral("已导入"));
    EXPECT_EQ(dlg.results()->topLevelItem(1)->text(1), QStringLiteral("失败"));
    EXPECT_EQ(dlg.results()->topLevelItem(1)->text(2), QStringLiteral("/x/b.pdf: not a plan text file"));
}

TEST(MainWindow, DefinitionsFollowTheInterfaceLanguage) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    const QString zh = QStringLiteral("从申请到通水的全流程办理时间。");
    const QString en = QStringLiteral("Working days from application to water supply.");
    ASSERT_TRUE(chineseInterface());
    QString header = w.comparisonView()->header()->text();
    EXPECT_TRUE(header.contains(zh)) << header.toStdString();
    EXPECT_FALSE(header.contains(en));
    const MatrixModel& m = *w.matrixView()->model();
    const int row = m.rowOf(QStringLiteral("wa.time"));
    ASSERT_GE(row, 0);
    EXPECT_EQ(m.index(row, MatrixModel::IndicatorColumn).data(Qt::ToolTipRole).toString(),
              QStringLiteral("wa.time\n") + zh);
    QTreeWidgetItem* water = w.navigator()->tree()->topLevelItem(0)->child(0)->child(0);
    EXPECT_TRUE(water->toolTip(0).endsWith(zh)) << water->toolTip(0).toStdString();

    // English interface: the English sentence; an indicator without a Chinese one falls back to it
    // in Chinese too (none of the fake's others has a definition at all).
    setInterfaceLanguage(Language::English);
    w.comparisonView()->reload();
    header = w.comparisonView()->header()->text();
    setInterfaceLanguage(Language::Chinese);
    EXPECT_TRUE(header.contains(en)) << header.toStdString();
    EXPECT_FALSE(header.contains(zh));
}

TEST(MainWindow, HasTheApplicationIconAndDesktopName) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    EXPECT_FALSE(w.windowIcon().isNull());
    // The icon is drawn, not an empty square: most of its 64×64 pixels are opaque.
    const QImage image = applicationIcon().pixmap(64, 64).toImage();
    ASSERT_EQ(image.size(), QSize(64, 64));
    int opaque = 0;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            opaque += qAlpha(image.pixel(x, y)) > 128;
    EXPECT_GT(opaque, 64 * 64 / 2);
    EXPECT_EQ(applicationIcon().availableSizes().size(), 7);
    applyApplicationIdentity();
    EXPECT_EQ(QGuiApplication::desktopFileName(), QStringLiteral("io.github.plancompare.PlanCompare"));
    EXPECT_FALSE(QGuiApplication::windowIcon().isNull());
}

TEST(MainWindow, ReaderParserNoteWithASpanSelectsItInTheText) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    ReaderView& reader = *w.readerView();
    reader.openPlan(QStringLiteral("dazu-2019"));
    QListWidget* list = reader.parserNotes();
    ASSERT_EQ(list->count(), 2);
    EXPECT_EQ(list->item(0)->text(), QStringLiteral("提示：prose layout"));
    EXPECT_EQ(list->item(1)->text(), QStringLiteral("警告：a guessed number"));
    EXPECT_EQ(list->item(1)->toolTip(), QStringLiteral("low-confidence（点击在原文中查看）"));
    EXPECT_EQ(reader.parserNotesToggle()->text(), QStringLiteral("解析提示（2）"));
    EXPECT_TRUE(reader.parserNotesToggle()->isChecked()); // a warning: unfolded
    // Folding hides the list, unfolding shows it again.
    reader.parserNotesToggle()->click();
    EXPECT_TRUE(list->isHidden());
    reader.parserNotesToggle()->click();
    EXPECT_FALSE(list->isHidden());

    // The whole-plan note selects nothing; the other selects 8个工作日.
    reader.showParserNote(0);
    EXPECT_FALSE(reader.text()->textCursor().hasSelection());
    Q_EMIT list->itemClicked(list->item(1));
    EXPECT_EQ(reader.text()->textCursor().selectedText(), QStringLiteral("8个工作日"));
}

// A 1440 × 900 window keeps its size (no view's minimum widens it) and its navigator shows whole
// area names instead of one character and an ellipsis; the same in English, whose texts are longer.
TEST(MainWindow, KeepsItsSizeAndANavigatorWideEnoughForNames) {
    for (const bool english : {false, true}) {
        test::FakeData data;
        Workbench wb(data);
        MainWindow w(wb);
        if (english) {
            ASSERT_TRUE(installTranslation(QStringLiteral("en")));
        }
        w.setView(QStringLiteral("matrix"));
        w.resize(1440, 900);
        w.setAttribute(Qt::WA_DontShowOnScreen);
        w.show();
        QApplication::processEvents();
        EXPECT_EQ(w.width(), 1440) << (english ? "English" : "Chinese");
        QTreeWidget* tree = w.navigator()->tree();
        const QTreeWidgetItem* area = tree->topLevelItem(0)->child(0);
        const QRect rect = tree->visualItemRect(area);
        const int needed = QFontMetrics(tree->font()).horizontalAdvance(area->text(0));
        EXPECT_GE(tree->columnWidth(0) - rect.left(), needed) << area->text(0).toStdString();
        if (english)
            installTranslation(QStringLiteral("zh"));
    }
}
