// The views behind other tabs are filled when first shown or read, once however many changes came
// while they were hidden; the view on show follows every change at once.
#include "app/workbench.h"
#include "fakedata.h"
#include "mainwindow.h"
#include "models/measuresmodel.h"
#include "views/matrixview.h"
#include "views/measuresview.h"
#include "views/readerview.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTextCursor>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

// Counts the reads that only the measures view and the reader make.
class CountingData : public test::FakeData {
public:
    CountingData() {
        for (int n = 1; n <= 2; ++n) {
            MeasureRow m;
            m.id = n;
            m.docId = FakeData::plans().value().at(0).docId;
            m.jurisdiction = QStringLiteral("重庆市");
            m.level = QStringLiteral("municipal");
            m.area = QStringLiteral("water");
            m.number = n;
            m.title = n == 1 ? QStringLiteral("优化用水报装") : QStringLiteral("降低接入费用");
            m.body = m.title + QStringLiteral("。");
            m_measures << m;
        }
    }
    Result<QList<MeasureRow>> measures() override {
        ++measureReads;
        return FakeData::measures();
    }
    Result<PlanText> planText(const QString& docId) override {
        ++planTextReads;
        return FakeData::planText(docId);
    }
    int measureReads = 0;
    int planTextReads = 0;
};

} // namespace

TEST(LazyViews, HiddenViewsAreFilledWhenFirstShownOnceForAllChangesMeanwhile) {
    CountingData data;
    const int measures = int(data.measures().value().size());
    data.measureReads = 0;
    ASSERT_GT(measures, 0);
    Workbench wb(data);
    MainWindow w(wb);
    w.resize(1200, 800);
    w.setAttribute(Qt::WA_DontShowOnScreen);
    w.setView(QStringLiteral("matrix"));
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    wb.reload();
    wb.reload();
    w.show();
    QApplication::processEvents();
    EXPECT_EQ(data.measureReads, 0);
    EXPECT_EQ(data.planTextReads, 0);

    // Switching to the tab fills the view before it is shown.
    w.setView(QStringLiteral("measures"));
    EXPECT_EQ(data.measureReads, 1);
    EXPECT_EQ(w.measuresView()->table()->model()->rowCount(), measures);
    // On show, a change reloads it at once.
    wb.reload();
    EXPECT_EQ(data.measureReads, 2);

    // Behind another tab three changes cost nothing until the tab is shown again, then one read.
    w.setView(QStringLiteral("reader"));
    EXPECT_EQ(data.planTextReads, 1);
    EXPECT_FALSE(w.readerView()->text()->toPlainText().isEmpty());
    wb.reload();
    wb.reload();
    wb.reload();
    EXPECT_EQ(data.measureReads, 2);
    EXPECT_EQ(data.planTextReads, 4); // the reader on show reopens its plan on every change
    w.setView(QStringLiteral("measures"));
    EXPECT_EQ(data.measureReads, 3);
    EXPECT_EQ(w.measuresView()->model()->rowCount(), measures);
}

TEST(LazyViews, APassageRequestedWhileTheReaderIsHiddenIsShownWhenTheReaderIsRead) {
    CountingData data;
    Workbench wb(data);
    MainWindow w(wb);
    const QString doc = data.plans().value().at(1).docId;
    wb.showPassage(doc, 21, 26, false); // "8个工作日" in every plan's text
    EXPECT_EQ(data.planTextReads, 0);
    ReaderView* reader = w.readerView();
    EXPECT_EQ(data.planTextReads, 1); // the passage's plan only, not the first plan before it
    EXPECT_EQ(reader->currentDocId(), doc);
    EXPECT_EQ(reader->text()->textCursor().selectedText(), QStringLiteral("8个工作日"));
    EXPECT_EQ(reader->parserNotes()->count(), 2);
}

TEST(LazyViews, FilterBoxesGetTheirClearButtonWithTheirFirstText) {
    test::FakeData data;
    Workbench wb(data);
    MainWindow w(wb);
    for (QLineEdit* box : {w.matrixView()->findChild<QLineEdit*>(), w.measuresView()->searchBox()}) {
        ASSERT_TRUE(box);
        EXPECT_FALSE(box->isClearButtonEnabled());
        box->setText(QStringLiteral("用水"));
        EXPECT_TRUE(box->isClearButtonEnabled());
        box->clear();
        EXPECT_TRUE(box->isClearButtonEnabled());
    }
}

TEST(LazyViews, APassageOfAPlanThatIsGoneLeavesTheReaderOnTheFirstPlan) {
    CountingData data;
    Workbench wb(data);
    MainWindow w(wb);
    wb.showPassage(QStringLiteral("no-such-plan"), 0, 4, false);
    EXPECT_EQ(w.readerView()->currentDocId(), data.plans().value().at(0).docId);
    EXPECT_FALSE(w.readerView()->text()->toPlainText().isEmpty());
}
