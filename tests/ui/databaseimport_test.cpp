// The GUI's import over the store (DatabaseData::importFiles, what 导入规划 and the first start run on
// their worker thread): files analysed ahead on worker threads, reported in order, the progress of one
// file after another, and cancelling from the progress callback.
#include "data/databasedata.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <utility>

using namespace pc;
using namespace pc::ui;

namespace {

struct Copies {
    QTemporaryDir dir;
    QStringList files; // the five seeds under new names, a missing file, the first one again
};

bool makeCopies(Copies& c) {
    const Result<QStringList> seeds = seedFiles();
    if (!seeds || seeds->size() != 5)
        return false;
    for (const QString& s : *seeds) {
        const QString to = c.dir.filePath(QStringLiteral("copy-") + QFileInfo(s).fileName());
        if (!QFile::copy(s, to))
            return false;
        c.files << to;
    }
    c.files.insert(2, c.dir.filePath(QStringLiteral("missing.txt")));
    c.files << c.files.first();
    return true;
}

} // namespace

TEST(DatabaseImport, ReportsEveryFileInOrderWithProgressThatNeverGoesBack) {
    Copies c;
    ASSERT_TRUE(makeCopies(c));
    QTemporaryDir dbDir;
    Result<std::unique_ptr<WorkbenchData>> data =
        openDatabaseData(dbDir.filePath(QStringLiteral("i.sqlite")));
    ASSERT_TRUE(data.ok()) << data.errorMessage().toStdString();
    QMutex mutex;
    QList<std::pair<int, int>> calls;
    const QList<ImportOutcome> out = data.value()->importFiles(c.files, [&](int file, int percent) {
        const QMutexLocker lock(&mutex);
        calls << std::pair{file, percent};
        return true;
    });
    ASSERT_EQ(out.size(), c.files.size());
    for (qsizetype i = 0; i < out.size(); ++i)
        EXPECT_EQ(out[i].path, c.files[i]);
    EXPECT_EQ(out[0].state, ImportOutcome::State::Imported);
    EXPECT_TRUE(out[0].message.startsWith(QStringLiteral("新导入"))) << out[0].message.toStdString();
    EXPECT_EQ(out[1].state, ImportOutcome::State::Imported);
    EXPECT_EQ(out[2].state, ImportOutcome::State::Failed);
    EXPECT_TRUE(out[2].message.contains(c.files[2])) << out[2].message.toStdString();
    for (int i = 3; i < 6; ++i)
        EXPECT_EQ(out[i].state, ImportOutcome::State::Imported) << out[i].message.toStdString();
    EXPECT_EQ(out[6].state, ImportOutcome::State::Unchanged);
    EXPECT_EQ(out[6].message, QStringLiteral("与已导入版本相同"));

    // Every file starts at 0 and ends at 100, one after another; nothing goes back.
    ASSERT_FALSE(calls.isEmpty());
    for (int i = 0; i < int(c.files.size()); ++i) {
        EXPECT_TRUE(calls.contains(std::pair{i, 0})) << i;
        EXPECT_TRUE(calls.contains(std::pair{i, 100})) << i;
    }
    for (qsizetype k = 1; k < calls.size(); ++k) {
        const int before = calls[k - 1].first * 100 + calls[k - 1].second;
        const int now = calls[k].first * 100 + calls[k].second;
        EXPECT_GE(now, before) << "call " << k << ": " << calls[k].first << "/" << calls[k].second;
    }
    EXPECT_EQ(calls.last(), std::pair(int(c.files.size()) - 1, 100));
    const Result<QList<PlanInfo>> plans = data.value()->plans();
    ASSERT_TRUE(plans.ok());
    EXPECT_EQ(plans->size(), 5);
}

TEST(DatabaseImport, CancellingFromTheProgressStopsAfterThatFileAndStoresNothingBeyond) {
    Copies c;
    ASSERT_TRUE(makeCopies(c));
    QTemporaryDir dbDir;
    Result<std::unique_ptr<WorkbenchData>> data =
        openDatabaseData(dbDir.filePath(QStringLiteral("c.sqlite")));
    ASSERT_TRUE(data.ok()) << data.errorMessage().toStdString();
    // Cancelled when the second file is done: the files analysed ahead are not stored.
    const QList<ImportOutcome> out = data.value()->importFiles(
        c.files, [&](int file, int percent) { return !(file == 1 && percent == 100); });
    ASSERT_EQ(out.size(), 2);
    EXPECT_EQ(out[0].state, ImportOutcome::State::Imported);
    EXPECT_EQ(out[1].state, ImportOutcome::State::Imported);
    const Result<QList<PlanInfo>> plans = data.value()->plans();
    ASSERT_TRUE(plans.ok());
    EXPECT_EQ(plans->size(), 2);
}
