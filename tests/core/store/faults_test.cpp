// Faults: a locked file, a damaged file, a killed writer, a read-only database and a full disk.
#include "storefixtures.h"

#include "store/database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace pc;
using namespace pc::test;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString makeDatabaseWithTwoPlans(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("plans.sqlite"));
    auto db = Database::open(path);
    if (!db)
        return {};
    for (const PlanSpec& p : {samplePlans()[0], samplePlans()[1]}) {
        if (!(*db)->importAnalysis(makeAnalysis(p)))
            return {};
    }
    return path;
}

} // namespace

TEST(StoreFaults, WriterWaitsForTheBusyTimeoutThenSaysTheFileIsBusy) {
    QTemporaryDir dir;
    const QString path = makeDatabaseWithTwoPlans(dir);
    ASSERT_FALSE(path.isEmpty());
    auto holder = Database::open(path);
    ASSERT_TRUE(holder.ok());
    QSqlQuery lock((*holder)->connection());
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

    DatabaseOptions o;
    o.busyTimeoutMs = 300;
    auto second = Database::open(path, o);
    ASSERT_TRUE(second.ok()) << second.errorMessage().toStdString(); // readers are not blocked in WAL mode
    EXPECT_EQ((*second)->counts()->documents, 2);
    QElapsedTimer timer;
    timer.start();
    const Result<Database::ImportOutcome> r = (*second)->importAnalysis(makeAnalysis(samplePlans()[2]));
    const qint64 waited = timer.elapsed();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("db-locked"));
    EXPECT_TRUE(r.errorMessage().contains(path));
    EXPECT_TRUE(r.errorMessage().contains(QStringLiteral("busy")));
    EXPECT_GE(waited, 250);
    EXPECT_LT(waited, 5000);
    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    EXPECT_TRUE((*second)->importAnalysis(makeAnalysis(samplePlans()[2])).ok());
}

TEST(StoreFaults, FileThatIsNotADatabaseIsReportedAndLeftUntouched) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QByteArray junk("这不是数据库 — just some text a user saved with the wrong name.\n");
    junk = junk.repeated(200);
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(junk);
    }
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, QStringLiteral("db-corrupt"));
    EXPECT_TRUE(db.errorMessage().contains(path));
    EXPECT_TRUE(db.errorMessage().contains(QStringLiteral("import --seeds")));
    EXPECT_EQ(fileBytes(path), junk);
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    // The user can rebuild into a new file next to it.
    auto fresh = Database::open(dir.filePath(QStringLiteral("rebuilt.sqlite")));
    ASSERT_TRUE(fresh.ok());
    EXPECT_TRUE((*fresh)->importAnalysis(makeAnalysis(samplePlans()[0])).ok());
}

TEST(StoreFaults, DamagedPagesFailTheQuickCheckAndTheFileIsKept) {
    QTemporaryDir dir;
    const QString path = makeDatabaseWithTwoPlans(dir);
    ASSERT_FALSE(path.isEmpty());
    {
        // Fold the WAL into the main file so the damage below hits real pages.
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
    }
    QByteArray bytes = fileBytes(path);
    ASSERT_GT(bytes.size(), 8 * 4096);
    // Overwrite the body of pages 3..6 (b-tree pages of the schema's tables) with garbage.
    for (qsizetype i = 2 * 4096 + 100; i < 6 * 4096; ++i)
        bytes[i] = char(0xA5 ^ (i & 0xFF));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, QStringLiteral("db-corrupt"));
    EXPECT_TRUE(db.errorMessage().contains(path)) << db.errorMessage().toStdString();
    EXPECT_EQ(fileBytes(path), bytes);
}

TEST(StoreFaults, LargeFilesSkipTheQuickCheckAndTheFirstDamagedReadSaysSo) {
    QTemporaryDir dir;
    const QString path = makeDatabaseWithTwoPlans(dir);
    ASSERT_FALSE(path.isEmpty());
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
    }
    QByteArray bytes = fileBytes(path);
    // Pages 3..6: the doc id index, sources and sections (as in the quick-check test above).
    for (qsizetype i = 2 * 4096 + 100; i < 6 * 4096; ++i)
        bytes[i] = char(0xA5 ^ (i & 0xFF));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    DatabaseOptions o;
    o.quickCheckMaxBytes = bytes.size() - 1; // "large": opening does not read every page
    auto db = Database::open(path, o);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    const Result<QString> text = (*db)->documentSource(1); // sources: pages 4..
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().code, QStringLiteral("db-corrupt"));
    EXPECT_TRUE(text.errorMessage().contains(path)) << text.errorMessage().toStdString();
}

TEST(StoreFaults, SqliteFileOfAnotherProgramIsNotTouched) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE accounts(id INTEGER PRIMARY KEY, name TEXT)")));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const QByteArray before = fileBytes(path);
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, QStringLiteral("db-corrupt"));
    EXPECT_TRUE(db.errorMessage().contains(QStringLiteral("another program")));
    EXPECT_EQ(fileBytes(path), before);
}

TEST(StoreFaults, ProcessKilledMidImportLeavesThePreviousContent) {
    QTemporaryDir dir;
    const QString path = makeDatabaseWithTwoPlans(dir);
    ASSERT_FALSE(path.isEmpty());
    int pipeFd[2];
    ASSERT_EQ(pipe(pipeFd), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // Child: import a changed dazu plan and a new plan, pausing inside the transaction.
        close(pipeFd[0]);
        dup2(pipeFd[1], STDERR_FILENO);
        qputenv("PLANCOMPARE_TEST_IMPORT_PAUSE_MS", "30000");
        auto db = Database::open(path);
        if (db) {
            PlanSpec changed = samplePlans()[1];
            changed.measures[0].body = QStringLiteral("用水报装办理时间不超过1个工作日。");
            changed.measures[0].targets.clear();
            (void)(*db)->importAnalysis(makeAnalysis(changed));
        }
        _exit(3);
    }
    close(pipeFd[1]);
    QByteArray seen;
    char buf[256];
    while (!seen.contains("pausing inside import transaction")) {
        const ssize_t n = ::read(pipeFd[0], buf, sizeof buf);
        if (n <= 0)
            break;
        seen.append(buf, n);
    }
    ASSERT_TRUE(seen.contains("pausing inside import transaction")) << seen.constData();
    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGKILL);
    close(pipeFd[0]);

    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->counts()->documents, 2);
    EXPECT_EQ((*db)->counts()->measures, 4);
    TargetFilter f;
    f.docId = QStringLiteral("dazu-2019");
    const QList<ComparisonRow> rows = (*db)->targets(f).value();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].value, 5.0);
    EXPECT_EQ((*db)->search(QStringLiteral("1个工作日"))->size(), 0);
    EXPECT_EQ((*db)->search(QStringLiteral("一站式"))->size(), 1);
}

TEST(StoreFaults, ReadOnlyDatabaseRollsBackWithAMessage) {
    QTemporaryDir dir;
    const QString path = makeDatabaseWithTwoPlans(dir);
    ASSERT_FALSE(path.isEmpty());
    DatabaseOptions o;
    o.readOnly = true;
    auto db = Database::open(path, o);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->counts()->documents, 2); // reading works
    const Result<Database::ImportOutcome> r = (*db)->importAnalysis(makeAnalysis(samplePlans()[2]));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("db-readonly"));
    EXPECT_TRUE(r.errorMessage().contains(path));
    EXPECT_TRUE(r.errorMessage().contains(QStringLiteral("nothing changed")));
    EXPECT_EQ((*db)->counts()->documents, 2);
}

TEST(StoreFaults, FullDiskRollsBackTheWholeDocument) {
    QTemporaryDir dir;
    const QString path = makeDatabaseWithTwoPlans(dir);
    ASSERT_FALSE(path.isEmpty());
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok());
    const StoreCounts before = (*db)->counts().value();
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
    const int pages = q.value(0).toInt();
    q.finish();
    // No room for a single new page: the disk is "full".
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
    q.finish();
    PlanSpec big = samplePlans()[2];
    big.docId = QStringLiteral("big-2024");
    for (int i = 0; i < 200; ++i)
        big.measures.append({QStringLiteral("water"),
                             QStringLiteral("扩容第%1项").arg(i),
                             QStringLiteral("新增供水管网%1公里，").arg(i).repeated(20),
                             {},
                             {}});
    const Result<Database::ImportOutcome> r = (*db)->importAnalysis(makeAnalysis(big));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("db-full")) << r.errorMessage().toStdString();
    EXPECT_TRUE(r.errorMessage().contains(QStringLiteral("rolled back")));
    EXPECT_EQ((*db)->counts().value(), before);
    EXPECT_EQ((*db)->search(QStringLiteral("供水管网"))->size(), 0);
}
