// The import pipeline (Importer::importFiles with files analysed ahead on worker threads): the same
// reports, in the same order, and the same rows as importing the files one after another.
#include "digests.h"
#include "testpaths.h"

#include "extract/analysis.h"
#include "store/database.h"
#include "store/databasecopy.h"
#include "store/importer.h"
#include "taxonomy/taxonomy.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include "testdb.h"

#include <gtest/gtest.h>

#include <atomic>

using namespace pc;

namespace {

QByteArray seedBytes(const QString& name) {
    QFile f(test::seedsDir() + QLatin1Char('/') + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A run's files: every case the reports must keep — failures, a file listed twice, two files with one
// stem (different texts), a file already stored unchanged — between ordinary plans.
struct Files {
    QTemporaryDir dir;
    QString before; // imported before the run, listed again in it
    QStringList run;
    QList<ImportStatus> expected;
};

bool makeFiles(Files& f) {
    const QString d = f.dir.path();
    if (!QDir(d).mkpath(QStringLiteral("other")))
        return false;
    const QByteArray dazu = seedBytes(QStringLiteral("dazu-2019.txt"));
    const QStringList names = {QStringLiteral("chongqing-2019.txt"), QStringLiteral("dazu-2019.txt"),
                               QStringLiteral("jiangjin-2021.txt"), QStringLiteral("wulong-2022.txt"),
                               QStringLiteral("yuzhong-2023.txt")};
    for (const QString& n : names) {
        if (!writeFile(d + QLatin1Char('/') + n, seedBytes(n)))
            return false;
    }
    // The same stem in another folder, with one more sentence: it replaces the first one.
    if (!writeFile(d + QStringLiteral("/other/dazu-2019.txt"),
                   dazu + QStringLiteral("\n附：本方案由测试用例改写一句。\n").toUtf8()))
        return false;
    if (!writeFile(d + QStringLiteral("/blob.txt"), QByteArray("\x00\x01\x02\x03\xff\xfe", 6)))
        return false;
    f.before = d + QStringLiteral("/wulong-2022.txt");
    f.run = {d + QStringLiteral("/chongqing-2019.txt"),
             d + QStringLiteral("/dazu-2019.txt"),
             d + QStringLiteral("/missing.txt"),
             d + QStringLiteral("/dazu-2019.txt"),
             d + QStringLiteral("/other/dazu-2019.txt"),
             d + QStringLiteral("/jiangjin-2021.txt"),
             d + QStringLiteral("/blob.txt"),
             f.before,
             d + QStringLiteral("/yuzhong-2023.txt"),
             d + QStringLiteral("/other/dazu-2019.txt"),
             d + QStringLiteral("/dazu-2019.txt")};
    f.expected = {ImportStatus::Imported,  ImportStatus::Imported,  ImportStatus::Failed,
                  ImportStatus::Unchanged, ImportStatus::Replaced,  ImportStatus::Imported,
                  ImportStatus::Failed,    ImportStatus::Unchanged, ImportStatus::Imported,
                  ImportStatus::Unchanged, ImportStatus::Replaced};
    return true;
}

struct ImportRun {
    std::unique_ptr<Database> db;
    QList<FileImport> reports;
    QList<int> progressDone;   // `done` of every progress call
    QList<int> started;        // `index` of every starting call
    QStringList analysed;      // paths the analyser saw (any order)
    int analysedOffCaller = 0; // analyses on another thread than importFiles' caller
    bool indexesRight = true;  // fileIndexBeingAnalysed() named the analysed file
    int mostAhead = 0;         // the furthest an analysis ran ahead of the last report
};

ImportRun importRun(const Files& f, int ahead, const Taxonomy& taxonomy, int stopAfter = -1,
                    int stopBefore = -1) {
    ImportRun r;
    Result<std::unique_ptr<Database>> db = test::openTestDatabase();
    if (!db) {
        ADD_FAILURE() << db.errorMessage().toStdString();
        return r;
    }
    r.db = std::move(db).value();
    QMutex mutex;
    std::atomic<int> reported{0};
    const Qt::HANDLE caller = QThread::currentThreadId();
    const QStringList& paths = f.run;
    auto analyzer = [&](const QByteArray& bytes, const QString& path) {
        const int index = Importer::fileIndexBeingAnalysed();
        {
            const QMutexLocker lock(&mutex);
            r.analysed << path;
            if (QThread::currentThreadId() != caller)
                ++r.analysedOffCaller;
            if (index < 0 || index >= paths.size() || paths[index] != path)
                r.indexesRight = false;
            r.mostAhead = std::max(r.mostAhead, index - reported.load());
        }
        return analyzeBytes(bytes, path, taxonomy);
    };
    Importer importer(*r.db, analyzer);
    // The file imported before the run, one after another.
    if (importer.importFile(f.before).status != ImportStatus::Imported)
        ADD_FAILURE() << "could not import " << f.before.toStdString() << " first";
    r.analysed.clear();
    r.indexesRight = true; // importFile's analysis has no index (-1)
    ImportOptions options;
    options.analysesAhead = ahead;
    options.starting = [&](int index, int total) {
        EXPECT_EQ(total, paths.size());
        r.started << index;
        return index != stopBefore;
    };
    options.progress = [&](int done, int total, const FileImport& last) {
        EXPECT_EQ(total, paths.size());
        EXPECT_EQ(last.path, paths[done - 1]);
        r.progressDone << done;
        reported = done;
        return done != stopAfter;
    };
    r.reports = importer.importFiles(paths, options);
    // Every row compared below but the import's clock.
    QSqlQuery(r.db->connection()).exec(QStringLiteral("UPDATE documents SET imported_at = NULL"));
    return r;
}

QList<ImportStatus> statuses(const QList<FileImport>& reports) {
    QList<ImportStatus> out;
    for (const FileImport& r : reports)
        out << r.status;
    return out;
}

} // namespace

TEST(StoreImport, PipelineReportsAndStoresExactlyAsOneFileAfterAnother) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    Files files;
    ASSERT_TRUE(makeFiles(files));
    const ImportRun sequential = importRun(files, 0, *taxonomy);
    const ImportRun parallel = importRun(files, 3, *taxonomy);
    ASSERT_TRUE(sequential.db && parallel.db);

    EXPECT_EQ(statuses(sequential.reports), files.expected);
    EXPECT_EQ(statuses(parallel.reports), files.expected);
    // Reports equal field by field (ids, counts, reasons), in the order of the files.
    EXPECT_EQ(parallel.reports, sequential.reports);
    ASSERT_EQ(parallel.reports.size(), files.run.size());
    EXPECT_TRUE(parallel.reports[2].reason.contains(files.run[2]))
        << parallel.reports[2].reason.toStdString();
    EXPECT_TRUE(parallel.reports[6].reason.contains(files.run[6]))
        << parallel.reports[6].reason.toStdString();
    EXPECT_EQ(parallel.reports[4].documentId, parallel.reports[1].documentId); // replaced in place
    EXPECT_GT(parallel.reports[0].measures, 10);
    EXPECT_GT(parallel.reports[0].targets, 10);
    const QList<int> everyFile = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    EXPECT_EQ(parallel.progressDone, everyFile);
    EXPECT_EQ(sequential.progressDone, everyFile);
    const QList<int> everyIndex = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_EQ(parallel.started, everyIndex);

    // Nothing analysed in vain: not the unchanged files, not the second listing of a file; the same
    // analyses as one after another (7: four plans, dazu's other version, dazu again, the blob), some of
    // them on the workers, each told its file's index, none more than 3 files ahead of the reports.
    EXPECT_EQ(sequential.analysed.size(), 7);
    QStringList seq = sequential.analysed, par = parallel.analysed;
    seq.sort();
    par.sort();
    EXPECT_EQ(par, seq);
    EXPECT_EQ(sequential.analysedOffCaller, 0);
    EXPECT_GT(parallel.analysedOffCaller, 0);
    EXPECT_TRUE(sequential.indexesRight);
    EXPECT_TRUE(parallel.indexesRight);
    EXPECT_LE(parallel.mostAhead, 3);

    // The same rows in every table.
    const Result<DatabaseDigest> a = digestDatabase(*sequential.db);
    const Result<DatabaseDigest> b = digestDatabase(*parallel.db);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_TRUE(test::sameDigest(*a, *b));
    EXPECT_EQ(parallel.db->counts()->documents, 5);
    qint64 rows = 0;
    for (const TableDigest& t : b->tables)
        rows += t.rows;
    EXPECT_GT(rows, 1000);
}

TEST(StoreImport, PipelineStopsWhereTheCallbacksSayAndStoresNothingAfter) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    Files files;
    ASSERT_TRUE(makeFiles(files));
    // Stopped by the progress callback after the fifth file (the replacing dazu).
    const ImportRun afterFive = importRun(files, 2, *taxonomy, 5);
    ASSERT_TRUE(afterFive.db);
    const QList<ImportStatus> firstFive = files.expected.mid(0, 5);
    EXPECT_EQ(statuses(afterFive.reports), firstFive);
    const QList<int> five = {1, 2, 3, 4, 5};
    EXPECT_EQ(afterFive.progressDone, five);
    const ImportRun sequentialFive = importRun(files, 0, *taxonomy, 5);
    ASSERT_TRUE(sequentialFive.db);
    EXPECT_EQ(afterFive.reports, sequentialFive.reports);
    // wulong (imported first), chongqing and dazu: nothing of the files handed out beyond the stop.
    const Result<QList<DocumentRecord>> records = afterFive.db->documents();
    ASSERT_TRUE(records.ok());
    QStringList docs;
    for (const DocumentRecord& d : *records)
        docs << d.docId;
    docs.sort();
    const QStringList stored = {QStringLiteral("chongqing-2019"), QStringLiteral("dazu-2019"),
                                QStringLiteral("wulong-2022")};
    EXPECT_EQ(docs, stored);
    EXPECT_TRUE(test::sameDigest(*sequentialFive.db, *afterFive.db));

    // Stopped by the starting callback before the sixth file (jiangjin): it is not reported.
    const ImportRun beforeSix = importRun(files, 2, *taxonomy, -1, 5);
    ASSERT_TRUE(beforeSix.db);
    EXPECT_EQ(statuses(beforeSix.reports), firstFive);
    const QList<int> six = {0, 1, 2, 3, 4, 5};
    EXPECT_EQ(beforeSix.started, six);
    EXPECT_FALSE(beforeSix.db->documentByDocId(QStringLiteral("jiangjin-2021")).ok());
    EXPECT_EQ(beforeSix.db->counts()->documents, 3);
}

TEST(StoreImport, PipelineWithOneFileAheadKeepsOrderOverManyFiles) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    QTemporaryDir dir;
    const QByteArray text = seedBytes(QStringLiteral("yuzhong-2023.txt"));
    QStringList paths;
    QList<ImportStatus> expected;
    for (int i = 0; i < 24; ++i) {
        // Every fourth file cannot be read; the others are distinct plans (a numbered last line).
        const QString p = dir.filePath(QStringLiteral("plan-%1.txt").arg(i));
        if (i % 4 != 3) {
            const QByteArray numbered = text + QStringLiteral("\n第%1稿\n").arg(i).toUtf8();
            ASSERT_TRUE(writeFile(p, numbered));
        }
        paths << p;
        expected << (i % 4 == 3 ? ImportStatus::Failed : ImportStatus::Imported);
    }
    auto db = test::openTestDatabase();
    ASSERT_TRUE(db.ok());
    std::atomic<int> reported{0};
    std::atomic<int> mostAhead{0};
    Importer importer(**db, [&](const QByteArray& bytes, const QString& path) {
        const int ahead = Importer::fileIndexBeingAnalysed() - reported.load();
        int seen = mostAhead.load();
        while (ahead > seen && !mostAhead.compare_exchange_weak(seen, ahead)) {
        }
        return analyzeBytes(bytes, path, *taxonomy);
    });
    ImportOptions options;
    options.analysesAhead = 1;
    options.progress = [&](int done, int, const FileImport&) {
        reported = done;
        return true;
    };
    const QList<FileImport> reports = importer.importFiles(paths, options);
    ASSERT_EQ(reports.size(), paths.size());
    for (qsizetype i = 0; i < reports.size(); ++i) {
        EXPECT_EQ(reports[i].path, paths[i]);
        EXPECT_EQ(reports[i].status, expected[i]) << reports[i].reason.toStdString();
        EXPECT_EQ(reports[i].docId, QStringLiteral("plan-%1").arg(i));
    }
    EXPECT_LE(mostAhead.load(), 1);
    EXPECT_EQ((*db)->counts()->documents, 18);
}
