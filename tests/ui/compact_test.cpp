// File ▸ Compact database: the action, its worker thread, its message, and what the file keeps.
#include "app/workbench.h"
#include "data/corrections.h"
#include "data/databasedata.h"
#include "fakedata.h"
#include "mainwindow.h"
#include "store/database.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;

namespace {

// A SQLite file of the five seeds imported one at a time, then one plan removed: its pages become free
// pages of the file. One import at a time gives the search index a segment per plan, which FTS5 merges
// when the removal adds its deletions; the five in one import share one segment (schema 23), and the
// removal's deletions then take about as many pages as the plan's rows give back, until a later merge.
QString seedsWithOnePlanRemoved(const QTemporaryDir& dir, QString* removedDoc) {
    const QString path = dir.filePath(QStringLiteral("plans.sqlite"));
    {
        Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(path);
        EXPECT_TRUE(data.ok()) << data.errorMessage().toStdString();
        const Result<QStringList> seeds = seedFiles();
        EXPECT_TRUE(seeds.ok());
        for (const QString& seed : *seeds)
            for (const ImportOutcome& o : (*data)->importFiles({seed}, {}))
                EXPECT_EQ(int(o.state), int(ImportOutcome::State::Imported)) << o.message.toStdString();
    }
    Result<std::unique_ptr<Database>> db = Database::open(path);
    EXPECT_TRUE(db.ok()) << db.errorMessage().toStdString();
    const Result<QList<DocumentRecord>> docs = (*db)->documents();
    EXPECT_TRUE(docs.ok());
    EXPECT_EQ(docs->size(), 5);
    *removedDoc = docs->first().docId;
    EXPECT_TRUE((*db)->removeDocument(docs->first().id).ok());
    return path;
}

template <typename T> T* waitForChild(QObject& parent, const QString& name, int ms = 60000) {
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        if (T* child = parent.findChild<T*>(name); child && child->isVisible())
            return child;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return nullptr;
}

} // namespace

TEST(CompactAction, GivesARemovedPlansPagesBackAndTheViewsKeepTheirRows) {
    QTemporaryDir dir;
    QString removed;
    const QString path = seedsWithOnePlanRemoved(dir, &removed);
    Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(path);
    ASSERT_TRUE(data.ok()) << data.errorMessage().toStdString();
    ASSERT_TRUE((*data)->canCompact());
    const Result<qint64> free = (*data)->freeBytes();
    ASSERT_TRUE(free.ok()) << free.errorMessage().toStdString();
    ASSERT_GT(*free, 4096 * 10); // a plan's measures, targets, index and source
    const Result<QList<ComparisonRow>> rowsBefore = (*data)->rows(QStringLiteral("wa.time"));
    ASSERT_TRUE(rowsBefore.ok());
    ASSERT_GE(rowsBefore->size(), 3);
    for (const ComparisonRow& r : *rowsBefore)
        ASSERT_NE(r.docId, removed);

    Workbench wb(**data);
    MainWindow w(wb);
    wb.setCurrentIndicator(QStringLiteral("wa.time"));
    auto* action = w.findChild<QAction*>(QStringLiteral("compactAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_TRUE(action->isEnabled());
    // The tooltip says how much would be given back (under a megabyte here: in kB, one decimal).
    ASSERT_LT(*free, 1 << 20);
    EXPECT_TRUE(action->toolTip().endsWith(
        QStringLiteral("可释放约 ") + QString::number(double(*free) / 1024, 'f', 1) + QStringLiteral(" kB")))
        << action->toolTip().toStdString();

    action->trigger();
    // While the worker runs: a busy dialog, the action off (no second VACUUM on top of the first).
    EXPECT_TRUE(w.isCompacting());
    EXPECT_FALSE(action->isEnabled());
    EXPECT_NE(w.findChild<QProgressDialog*>(QStringLiteral("compactProgress")), nullptr);

    QMessageBox* box = waitForChild<QMessageBox>(w, QStringLiteral("compactBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_FALSE(w.isCompacting());
    EXPECT_EQ(box->icon(), QMessageBox::Information);
    EXPECT_TRUE(box->text().startsWith(QStringLiteral("已压缩 ") + path + QStringLiteral("：")))
        << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QStringLiteral(" → "))) << box->text().toStdString();
    EXPECT_TRUE(action->isEnabled());
    box->close();

    // The file lost its free pages and nothing else: same rows, same search hits, integrity.
    const Result<qint64> freeAfter = (*data)->freeBytes();
    ASSERT_TRUE(freeAfter.ok());
    EXPECT_EQ(*freeAfter, 0);
    const Result<QList<ComparisonRow>> rowsAfter = (*data)->rows(QStringLiteral("wa.time"));
    ASSERT_TRUE(rowsAfter.ok());
    ASSERT_EQ(rowsAfter->size(), rowsBefore->size());
    for (qsizetype i = 0; i < rowsAfter->size(); ++i) {
        EXPECT_EQ(rowsAfter->at(i).targetId, rowsBefore->at(i).targetId);
        EXPECT_EQ(rowsAfter->at(i).sentence, rowsBefore->at(i).sentence);
    }
    Result<std::unique_ptr<Database>> db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    const Result<StoreCounts> counts = (*db)->counts();
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->documents, 4);
    const auto hits = (*db)->search(QStringLiteral("用水"));
    ASSERT_TRUE(hits.ok());
    EXPECT_FALSE(hits->isEmpty());
    const Result<qint64> freeReopened = (*db)->freeBytes();
    ASSERT_TRUE(freeReopened.ok());
    EXPECT_EQ(*freeReopened, 0);
}

TEST(CompactAction, IsOffOnAReadOnlyFileAndTheStoreRefusesIt) {
    QTemporaryDir dir;
    QString removed;
    const QString path = seedsWithOnePlanRemoved(dir, &removed);
    const qint64 size = QFileInfo(path).size();
    Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(path, true);
    ASSERT_TRUE(data.ok()) << data.errorMessage().toStdString();
    EXPECT_FALSE((*data)->canCompact());
    Workbench wb(**data);
    MainWindow w(wb);
    auto* action = w.findChild<QAction*>(QStringLiteral("compactAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_FALSE(action->isEnabled());
    EXPECT_EQ(action->toolTip(), readOnlyMessage(**data));
    // Asked anyway (a shortcut, a script): a status message, no worker, no change to the file.
    w.compactDatabase();
    EXPECT_FALSE(w.isCompacting());
    EXPECT_EQ(w.findChild<QProgressDialog*>(QStringLiteral("compactProgress")), nullptr);
    const Result<std::pair<qint64, qint64>> refused = (*data)->compactDatabase();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, QStringLiteral("db-readonly"));
    EXPECT_EQ(QFileInfo(path).size(), size);
}

TEST(CompactAction, DataWithoutAStoreSaysSoAndTheActionIsOff) {
    test::FakeData data;
    EXPECT_FALSE(data.canCompact());
    const Result<std::pair<qint64, qint64>> r = data.compactDatabase();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("bad-value"));
    EXPECT_TRUE(r.errorMessage().startsWith(data.location() + QStringLiteral(": only an SQLite")))
        << r.errorMessage().toStdString();
    Workbench wb(data);
    MainWindow w(wb);
    auto* action = w.findChild<QAction*>(QStringLiteral("compactAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_FALSE(action->isEnabled());
    EXPECT_FALSE(action->toolTip().isEmpty());
}
