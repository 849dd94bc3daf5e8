// Test fixture: a database built from seeds/ through the store's importer, once per test process
// (on PostgreSQL when PLANCOMPARE_TEST_PG is set, see testdb.h).
#pragma once

#include "data/databasedata.h"
#include "testdb.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace pc::test {

class SeedDb : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = new QTemporaryDir;
        // A SQLite file, or a new PostgreSQL database when the suite runs on the team engine.
        path = freshDatabaseLocation(dir->filePath(QStringLiteral("seeds.sqlite")));
        Result<std::unique_ptr<ui::WorkbenchData>> data = ui::openDatabaseData(path);
        ASSERT_TRUE(data.ok()) << data.errorMessage().toStdString();
        const Result<QStringList> seeds = ui::seedFiles();
        ASSERT_TRUE(seeds.ok());
        ASSERT_EQ(seeds->size(), 5);
        for (const ui::ImportOutcome& o : data.value()->importFiles(seeds.value(), {}))
            ASSERT_EQ(int(o.state), int(ui::ImportOutcome::State::Imported)) << o.message.toStdString();
    }
    static void TearDownTestSuite() {
        delete dir;
        dir = nullptr;
    }
    std::unique_ptr<ui::WorkbenchData> open() {
        Result<std::unique_ptr<ui::WorkbenchData>> data = ui::openDatabaseData(path);
        EXPECT_TRUE(data.ok());
        return std::move(data.value());
    }
    inline static QTemporaryDir* dir = nullptr;
    inline static QString path;
};

} // namespace pc::test
