// The main window lists the shipped plans.
#include "common/manifest.h"
#include "mainwindow.h"
#include "testpaths.h"

#include <QTableWidget>

#include <gtest/gtest.h>

using namespace pc;

TEST(MainWindow, ShowsOneRowPerShippedPlan)
{
    const Result<Manifest> m = readManifest(test::seedsDir());
    ASSERT_TRUE(m.ok());
    ui::MainWindow w(m.value());
    auto* table = qobject_cast<QTableWidget*>(w.centralWidget());
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->rowCount(), 5);
    EXPECT_EQ(table->item(4, 0)->text(), QStringLiteral("渝中区"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("市级"));
}
