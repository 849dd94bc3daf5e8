// The first start: the seed plans are imported on a worker thread while the main window is open;
// the views start empty and show the five plans when the import is done.
#include "app/seedimport.h"
#include "app/workbench.h"
#include "data/databasedata.h"
#include "mainwindow.h"
#include "models/matrixmodel.h"
#include "views/matrixview.h"
#include "views/navigatordock.h"

#include <QFile>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

int planItems(NavigatorDock* navigator) {
    int n = 0;
    QTreeWidget* tree = navigator->tree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* root = tree->topLevelItem(i);
        if (root->text(0) != QStringLiteral("辖区与规划"))
            continue;
        for (int j = 0; j < root->childCount(); ++j)
            n += root->child(j)->childCount();
    }
    return n;
}

} // namespace

TEST(SeedImport, WindowOpensEmptyAndShowsTheFivePlansWhenTheBackgroundImportIsDone) {
    QTemporaryDir dir;
    Result<std::unique_ptr<WorkbenchData>> data =
        openDatabaseData(dir.filePath(QStringLiteral("new.sqlite")));
    ASSERT_TRUE(data.ok()) << data.errorMessage().toStdString();
    const Result<QStringList> seeds = seedFiles();
    ASSERT_TRUE(seeds.ok()) << seeds.errorMessage().toStdString();
    ASSERT_EQ(seeds->size(), 5);

    Workbench wb(*data.value());
    SeedImport seeding(wb, seeds.value());
    QSignalSpy progress(&seeding, &SeedImport::progress);
    QSignalSpy done(&seeding, &SeedImport::done);
    QSignalSpy reloaded(&wb, &Workbench::dataReloaded);
    seeding.start();
    MainWindow window(wb); // built while the worker imports
    // Before the import is done the window shows no plan (it was built over the empty database).
    if (!seeding.isDone()) {
        EXPECT_EQ(window.matrixView()->model()->columnCount() - MatrixModel::FirstPlanColumn,
                  int(wb.snapshot().plans.size()));
    }
    // The event loop keeps running while the worker imports: a timer on the window's thread fires.
    int ticks = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
    timer.start(0);
    seeding.waitForDone();
    timer.stop();
    EXPECT_GT(ticks, 0);
    ASSERT_TRUE(seeding.isDone());
    EXPECT_FALSE(seeding.isRunning());
    EXPECT_EQ(seeding.failures(), QString());
    EXPECT_EQ(done.count(), 1);
    EXPECT_GE(reloaded.count(), 1);
    ASSERT_GE(progress.count(), 2);
    EXPECT_EQ(progress.last().at(0).toInt(), 100);
    for (int i = 1; i < progress.count(); ++i)
        EXPECT_GE(progress.at(i).at(0).toInt(), progress.at(i - 1).at(0).toInt());

    EXPECT_EQ(wb.snapshot().plans.size(), 5);
    EXPECT_EQ(window.matrixView()->model()->columnCount() - MatrixModel::FirstPlanColumn, 5);
    EXPECT_GT(window.matrixView()->model()->rowCount(), 20);
    EXPECT_EQ(planItems(window.navigator()), 5);
    EXPECT_TRUE(window.statusBar()->currentMessage().startsWith(QStringLiteral("5 份规划")))
        << window.statusBar()->currentMessage().toStdString();
}

TEST(SeedImport, NamesTheFileThatFailedAndKeepsTheOthers) {
    QTemporaryDir dir;
    Result<std::unique_ptr<WorkbenchData>> data =
        openDatabaseData(dir.filePath(QStringLiteral("new.sqlite")));
    ASSERT_TRUE(data.ok());
    const Result<QStringList> seeds = seedFiles();
    ASSERT_TRUE(seeds.ok());
    const QString missing = dir.filePath(QStringLiteral("no-such-plan.txt"));
    Workbench wb(*data.value());
    SeedImport seeding(wb, {seeds->first(), missing});
    seeding.start();
    seeding.waitForDone();
    EXPECT_TRUE(seeding.failures().contains(QStringLiteral("no-such-plan.txt")))
        << seeding.failures().toStdString();
    EXPECT_EQ(wb.snapshot().plans.size(), 1);
}

TEST(SeedImport, AnEmptyDatabaseOpensWithEmptyViews) {
    QTemporaryDir dir;
    Result<std::unique_ptr<WorkbenchData>> data =
        openDatabaseData(dir.filePath(QStringLiteral("empty.sqlite")));
    ASSERT_TRUE(data.ok());
    Workbench wb(*data.value());
    MainWindow window(wb);
    EXPECT_TRUE(wb.snapshot().error.isEmpty()) << wb.snapshot().error.toStdString();
    EXPECT_EQ(wb.snapshot().plans.size(), 0);
    EXPECT_TRUE(wb.snapshot().coverage.isEmpty());
    EXPECT_EQ(window.matrixView()->model()->columnCount(), MatrixModel::FirstPlanColumn);
    EXPECT_EQ(window.matrixView()->model()->rowCount(), 0);
    EXPECT_EQ(planItems(window.navigator()), 0);
    EXPECT_TRUE(window.statusBar()->currentMessage().startsWith(QStringLiteral("0 份规划")))
        << window.statusBar()->currentMessage().toStdString();
}
