// The chosen plan set is remembered per database location and restored at the next start, unless it
// no longer exists.
#include "app/plansetmemory.h"
#include "app/workbench.h"
#include "mainwindow.h"
#include "models/matrixmodel.h"
#include "seeddb.h"
#include "views/matrixview.h"
#include "views/plansetchooser.h"

#include <QComboBox>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

class PlanSetMemoryUi : public test::SeedDb {};

} // namespace

TEST_F(PlanSetMemoryUi, TheChosenSetIsRememberedPerDatabaseAndRestoredAtTheNextStart) {
    QTemporaryDir settingsDir;
    const QString ini = settingsDir.filePath(QStringLiteral("plancompare.ini"));
    const QString location = open()->location();
    {
        // First session: 2019's plans chosen in the tool bar.
        std::unique_ptr<WorkbenchData> data = open();
        Workbench wb(*data);
        PlanSetMemory memory(wb, ini);
        EXPECT_FALSE(memory.restore()); // nothing remembered yet: the latest plans
        EXPECT_EQ(wb.data().planSelection(), PlanSelection::latest());
        MainWindow w(wb);
        QComboBox* combo = w.planSetChooser()->combo();
        combo->setCurrentIndex(combo->findData(QStringLiteral("year:2019")));
        Q_EMIT combo->activated(combo->currentIndex());
        EXPECT_EQ(memory.remembered(location), QStringLiteral("year:2019"));
    }
    // The file holds it, under a key for this database only.
    QSettings file(ini, QSettings::IniFormat);
    ASSERT_EQ(file.allKeys().size(), 1);
    EXPECT_EQ(file.value(file.allKeys().first()).toString(), QStringLiteral("year:2019"));
    {
        // Second session: restored before the window is built, so the matrix opens on it.
        std::unique_ptr<WorkbenchData> data = open();
        Workbench wb(*data);
        PlanSetMemory memory(wb, ini);
        EXPECT_TRUE(memory.restore());
        EXPECT_EQ(wb.data().planSelection(), PlanSelection::ofYear(2019));
        MainWindow w(wb);
        EXPECT_EQ(w.matrixView()->model()->columnCount() - MatrixModel::FirstPlanColumn, 2);
        EXPECT_EQ(w.planSetChooser()->combo()->currentData().toString(), QStringLiteral("year:2019"));
        // Another database remembers nothing.
        EXPECT_TRUE(memory.remembered(location + QStringLiteral(".other")).isEmpty());
    }
}

TEST_F(PlanSetMemoryUi, ASetThatNoLongerExistsIsNotRestored) {
    QTemporaryDir settingsDir;
    const QString ini = settingsDir.filePath(QStringLiteral("plancompare.ini"));
    std::unique_ptr<WorkbenchData> data = open();
    const QString location = data->location();
    Workbench wb(*data);
    PlanSetMemory memory(wb, ini);
    memory.remember(location, PlanSelection::named(QStringLiteral("已删除的集合")));
    EXPECT_FALSE(memory.restore());
    memory.remember(location, PlanSelection::ofYear(1999)); // no plan of that year
    EXPECT_FALSE(memory.restore());
    EXPECT_EQ(wb.data().planSelection(), PlanSelection::latest());
    memory.remember(location, PlanSelection::all());
    EXPECT_TRUE(memory.restore());
    EXPECT_EQ(wb.data().planSelection(), PlanSelection::all());
}
