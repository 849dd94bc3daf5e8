// The search index fed in batches (schema 23): an import lists its plans' measures in search_pending and
// the index catches up every few plans and at the end of the import. Search finds what waits, a killed
// import's waiting measures are indexed by the next open, and deletes, re-imports and changed texts of
// waiting measures keep the index whole — with the same ids, scores and snippets as a database whose
// plans were indexed one by one in their own transactions (the way before schema 23).
#include "digests.h"
#include "storefixtures.h"

#include "store/cjktokenizer.h"
#include "store/database.h"
#include "store/databasecopy.h"
#include "store/importer.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace pc;
using namespace pc::test;

namespace {

// `count` plans in the words of the sample plans: each sample plan again under another doc id, with a
// sentence of its own in the first measure (so no two plans index alike).
QList<PlanSpec> manyPlans(int count) {
    const QList<PlanSpec> base = samplePlans();
    QList<PlanSpec> out;
    for (int i = 0; i < count; ++i) {
        PlanSpec p = base[i % base.size()];
        p.docId = QStringLiteral("plan-%1").arg(i, 3, 10, QLatin1Char('0'));
        p.measures[0].body += QStringLiteral("第%1批次推行电子证照%2项。").arg(i).arg(i * 7 % 13);
        out << p;
    }
    return out;
}

// The plans as files (their source text) and an analyser giving each file its plan's analysis.
struct PlanFiles {
    QTemporaryDir dir;
    QStringList paths;
    QHash<QString, PlanSpec> byStem;
    Analyzer analyzer() const {
        return [this](const QByteArray&, const QString& path) -> Result<Analysis> {
            const PlanSpec p = byStem.value(QFileInfo(path).completeBaseName());
            return makeAnalysis(p);
        };
    }
};

bool writePlans(PlanFiles& f, const QList<PlanSpec>& plans) {
    for (const PlanSpec& p : plans) {
        const QString path = f.dir.filePath(p.docId + QStringLiteral(".txt"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(makeAnalysis(p).document.source.toUtf8()) < 0)
            return false;
        f.paths << path;
        f.byStem.insert(p.docId, p);
    }
    return true;
}

// FTS5's own check that the index holds exactly the tokens of the measures' texts.
::testing::AssertionResult indexWhole(Database& db) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts, rank) VALUES ('integrity-check', 1)")))
        return ::testing::AssertionFailure() << q.lastError().text().toStdString();
    return ::testing::AssertionSuccess();
}

qint64 waiting(Database& db) {
    const Result<qint64> n = db.measuresWaitingForIndex();
    return n ? *n : -1;
}

// The queries compared: one character, bigrams, a phrase, a word across columns, OR, a unit's name.
const QStringList kQueries = {QStringLiteral("电"),          QStringLiteral("用水"),
                              QStringLiteral("报装全流程"),  QStringLiteral("电子证照"),
                              QStringLiteral("用水 工作日"), QStringLiteral("零上门 OR 一站式"),
                              QStringLiteral("水利局"),      QStringLiteral("批次")};

// Every hit of every query: id, score (to the last bit), plan, snippet.
QStringList results(Database& db, const QString& docId = {}) {
    QStringList out;
    for (const QString& query : kQueries) {
        SearchOptions o;
        o.docId = docId;
        const Result<QList<SearchHit>> hits = db.search(query, o);
        if (!hits) {
            out << query + QStringLiteral(": ") + hits.errorMessage();
            continue;
        }
        for (const SearchHit& h : *hits)
            out << QStringLiteral("%1|%2|%3|%4|%5")
                       .arg(query)
                       .arg(h.measureId)
                       .arg(h.score, 0, 'g', 17)
                       .arg(h.docId, h.snippet);
    }
    return out;
}

// A database with `plans` imported the way before schema 23: one plan at a time, each indexed in its
// own transaction (importAnalysis outside a search batch).
std::unique_ptr<Database> referenceOf(const QList<PlanSpec>& plans, QTemporaryDir& dir) {
    std::unique_ptr<Database> ref = openFile(dir.filePath(QStringLiteral("reference.sqlite")));
    if (!ref)
        return nullptr;
    for (const PlanSpec& p : plans)
        EXPECT_TRUE(ref->importAnalysis(makeAnalysis(p)).ok()) << p.docId.toStdString();
    EXPECT_EQ(waiting(*ref), 0);
    return ref;
}

} // namespace

// While an import runs, the plans it stored wait for their batch; a search on another, read-only
// connection and on the importer's own finds them with the scores and snippets the indexed plans give.
// The import ends with nothing waiting and the index whole.
TEST(SearchBatch, SearchFindsPlansWhoseBatchHasNotRun) {
    PlanFiles files;
    const QList<PlanSpec> plans = manyPlans(6);
    ASSERT_TRUE(writePlans(files, plans));
    const QString path = files.dir.filePath(QStringLiteral("plans.sqlite"));
    std::unique_ptr<Database> db = openFile(path);
    ASSERT_TRUE(db);
    Importer importer(*db, files.analyzer());
    ImportOptions options;
    options.analysesAhead = 0;
    QList<qint64> waitingSeen;
    int checked = 0;
    options.progress = [&](int done, int, const FileImport& last) {
        EXPECT_EQ(last.status, ImportStatus::Imported) << last.reason.toStdString();
        waitingSeen << waiting(*db);
        if (done == 2 || done == 5) {
            QTemporaryDir refDir;
            std::unique_ptr<Database> ref = referenceOf(plans.mid(0, done), refDir);
            std::unique_ptr<Database> reader = openFile(path, true);
            if (!ref || !reader)
                return false;
            const QStringList expected = results(*ref);
            EXPECT_GT(expected.size(), 10);
            EXPECT_EQ(results(*reader), expected);
            EXPECT_EQ(results(*db), expected);
            // Within one plan (a rowid range) too.
            EXPECT_EQ(results(*db, plans[1].docId), results(*ref, plans[1].docId));
            const Result<QList<SearchHit>> newest = reader->search(QStringLiteral("第%1批次").arg(done - 1));
            EXPECT_TRUE(newest.ok() && newest->size() == 1 && newest->first().docId == plans[done - 1].docId);
            ++checked;
        }
        return true;
    };
    const QList<FileImport> reports = importer.importFiles(files.paths, options);
    ASSERT_EQ(reports.size(), 6);
    EXPECT_EQ(checked, 2);
    // Every plan's measures waited (2 measures, 2, 1, …) until the end of the import.
    EXPECT_EQ(waitingSeen, (QList<qint64>{2, 4, 5, 7, 9, 10}));
    EXPECT_EQ(waiting(*db), 0);
    EXPECT_TRUE(indexWhole(*db));
    QTemporaryDir refDir;
    std::unique_ptr<Database> ref = referenceOf(plans, refDir);
    ASSERT_TRUE(ref);
    EXPECT_EQ(results(*db), results(*ref));
}

// An import killed between a plan's commit and its batch (here: the connection goes without ending the
// batch, as a killed process leaves the file) leaves the plans stored and their measures listed as
// waiting; FTS5's integrity check sees the index lag behind. The next writable open indexes them: the
// check passes and the results are those of the reference.
TEST(SearchBatch, AKilledImportLeavesWaitingMeasuresThatTheNextOpenIndexes) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plans.sqlite"));
    const QList<PlanSpec> plans = manyPlans(5);
    {
        std::unique_ptr<Database> db = openFile(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->importAnalysis(makeAnalysis(plans[0])).ok()); // indexed at once: no batch
        db->beginSearchBatch();
        for (const PlanSpec& p : plans.mid(1))
            ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
        EXPECT_EQ(waiting(*db), 7);
        EXPECT_FALSE(indexWhole(*db));
    } // gone without endSearchBatch()
    QTemporaryDir refDir;
    std::unique_ptr<Database> ref = referenceOf(plans, refDir);
    ASSERT_TRUE(ref);
    {
        // A read-only connection changes nothing, and finds everything.
        std::unique_ptr<Database> reader = openFile(path, true);
        ASSERT_TRUE(reader);
        EXPECT_EQ(waiting(*reader), 7);
        EXPECT_EQ(results(*reader), results(*ref));
    }
    std::unique_ptr<Database> db = openFile(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(waiting(*db), 0);
    EXPECT_TRUE(indexWhole(*db));
    EXPECT_EQ(db->counts()->documents, 5);
    EXPECT_EQ(results(*db), results(*ref));
}

// Waiting plans removed or re-imported, and a waiting measure's id taken again by the next plan: the
// delete trigger gives FTS5 no 'delete' for a row it never indexed, and the batch indexes the rows as
// they are. The same operations on the reference give the same ids, scores and snippets.
TEST(SearchBatch, RemovingAndReimportingWaitingPlansKeepsTheIndexWhole) {
    QTemporaryDir dir;
    const QList<PlanSpec> plans = manyPlans(6);
    PlanSpec changed = plans[2];
    changed.measures[0].body = QStringLiteral("用水报装全流程压缩至1个工作日，推行电子证照。");
    changed.measures[0].targets.clear();
    const auto operations = [&](Database& db) {
        for (const PlanSpec& p : plans.mid(0, 4))
            ASSERT_TRUE(db.importAnalysis(makeAnalysis(p)).ok());
        ASSERT_TRUE(db.importAnalysis(makeAnalysis(changed)).ok()); // a waiting plan replaced
        ASSERT_TRUE(db.removeDocument(db.documentByDocId(plans[1].docId)->id).ok()); // one removed
        ASSERT_TRUE(db.removeDocument(db.documentByDocId(plans[2].docId)->id).ok()); // the newest id goes …
        ASSERT_TRUE(db.importAnalysis(makeAnalysis(plans[4])).ok());                 // … and come back
        ASSERT_TRUE(db.importAnalysis(makeAnalysis(plans[0])).ok());                 // unchanged
    };
    std::unique_ptr<Database> db = openFile(dir.filePath(QStringLiteral("plans.sqlite")));
    std::unique_ptr<Database> ref = openFile(dir.filePath(QStringLiteral("reference.sqlite")));
    ASSERT_TRUE(db && ref);
    db->beginSearchBatch();
    operations(*db);
    // The replaced plan's old measures, the removed plans' and the reused ids' first owners are gone from
    // the list; what is listed is exactly the measures that exist and were never indexed.
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*), sum(p.measure_id NOT IN (SELECT id FROM measures)) "
                                      "FROM search_pending p")) &&
                q.next());
    EXPECT_EQ(q.value(0).toInt(), 2 + 2 + 2); // plans 0, 3 and 4 (the first of its ids was plan 2's)
    EXPECT_EQ(q.value(1).toInt(), 0);
    // Nine measures were stored, the ninth under the id of the eighth, which was removed while waiting.
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT max(id) FROM measures")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 9);
    q.finish();
    operations(*ref);
    EXPECT_EQ(results(*db), results(*ref));
    ASSERT_TRUE(db->endSearchBatch().ok());
    EXPECT_EQ(waiting(*db), 0);
    EXPECT_TRUE(indexWhole(*db));
    EXPECT_EQ(results(*db), results(*ref));
    // A second batch replacing indexed plans: their rows leave the index through the trigger's 'delete'.
    db->beginSearchBatch();
    PlanSpec again = plans[4];
    again.measures[0].body += QStringLiteral("新增一句。");
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(again)).ok());
    ASSERT_TRUE(ref->importAnalysis(makeAnalysis(again)).ok());
    EXPECT_EQ(results(*db), results(*ref));
    ASSERT_TRUE(db->endSearchBatch().ok());
    EXPECT_TRUE(indexWhole(*db));
    EXPECT_EQ(results(*db), results(*ref));
}

// A waiting measure whose texts change (no PlanCompare command does; another program or a later
// version may) loses its stamp, so the batch indexes the row, not the texts the import kept; a
// correction of a waiting measure's area leaves its texts and the batch alone.
TEST(SearchBatch, AChangedWaitingMeasureIsIndexedAsItIsNow) {
    QTemporaryDir dir;
    std::unique_ptr<Database> db = openFile(dir.filePath(QStringLiteral("plans.sqlite")));
    ASSERT_TRUE(db);
    const QList<PlanSpec> plans = samplePlans();
    db->beginSearchBatch();
    for (const PlanSpec& p : plans)
        ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    const qint64 first = firstMeasureId(*db);
    ASSERT_TRUE(db->setMeasureArea(first + 1, QStringLiteral("water")).ok());
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("UPDATE measures SET body = pc_measure('改写的标题', '全新的正文：水电气'"
                              "'联合报装', '', NULL) WHERE id = %1")
                   .arg(first)))
        << q.lastError().text().toStdString();
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*), count(stamp) FROM search_pending")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 5);
    EXPECT_EQ(q.value(1).toInt(), 4); // the changed measure's stamp is gone
    q.finish();
    const Result<QList<SearchHit>> before = db->search(QStringLiteral("联合报装"));
    ASSERT_TRUE(before.ok());
    ASSERT_EQ(before->size(), 1);
    EXPECT_EQ(before->first().measureId, first);
    EXPECT_EQ(before->first().title, QStringLiteral("改写的标题"));
    ASSERT_TRUE(db->endSearchBatch().ok());
    EXPECT_TRUE(indexWhole(*db)); // the kept texts would fail the check
    const Result<QList<SearchHit>> after = db->search(QStringLiteral("联合报装"));
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->size(), 1);
    EXPECT_EQ(after->first().score, before->first().score);
    EXPECT_TRUE(db->search(QStringLiteral("优化用水报装"))->isEmpty()); // the old title is gone
    // An indexed measure changed the same way: the trigger re-indexes it at once.
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE measures SET body = pc_measure('', '再次改写', '', NULL) "
                                      "WHERE id = %1")
                           .arg(first)));
    EXPECT_TRUE(indexWhole(*db));
    EXPECT_TRUE(db->search(QStringLiteral("联合报装"))->isEmpty());
    EXPECT_EQ(db->search(QStringLiteral("再次改写"))->size(), 1);
}

// A copy of a file with waiting measures holds no list (search_pending is the index's own table) and an
// index of every measure; db compare finds the two equal.
TEST(SearchBatch, ACopyOfAFileWithWaitingMeasuresIsIndexedWhole) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plans.sqlite"));
    std::unique_ptr<Database> db = openFile(path);
    ASSERT_TRUE(db);
    db->beginSearchBatch();
    for (const PlanSpec& p : manyPlans(4))
        ASSERT_TRUE(db->importAnalysis(makeAnalysis(p)).ok());
    ASSERT_EQ(waiting(*db), 7);
    const Result<QStringList> tables = copiedTables(*db);
    ASSERT_TRUE(tables.ok());
    EXPECT_FALSE(tables->contains(QStringLiteral("search_pending")));
    const QString copyPath = dir.filePath(QStringLiteral("copy.sqlite"));
    std::unique_ptr<Database> copy = openFile(copyPath);
    ASSERT_TRUE(copy);
    const Result<CopyReport> copied = copyDatabase(*db, *copy);
    ASSERT_TRUE(copied.ok()) << copied.errorMessage().toStdString();
    EXPECT_EQ(waiting(*copy), 0);
    EXPECT_TRUE(indexWhole(*copy));
    EXPECT_EQ(results(*copy), results(*db));
    const Result<DatabaseDigest> before = digestDatabase(*db);
    ASSERT_TRUE(before.ok()) << before.errorMessage().toStdString();
    EXPECT_TRUE(sameDigest(*before, *copy));
    // The digest does not change when the index catches up.
    ASSERT_TRUE(db->endSearchBatch().ok());
    EXPECT_TRUE(sameDigest(*before, *db));
}

// An import that stops early (the progress callback says stop) or whose last file fails still ends with
// its batch indexed; one file alone (importFile) too.
TEST(SearchBatch, AnImportThatStopsOrFailsEndsWithNothingWaiting) {
    PlanFiles files;
    const QList<PlanSpec> plans = manyPlans(5);
    ASSERT_TRUE(writePlans(files, plans));
    std::unique_ptr<Database> db = openFile(files.dir.filePath(QStringLiteral("plans.sqlite")));
    ASSERT_TRUE(db);
    Importer importer(*db, files.analyzer());
    ImportOptions stopAtTwo;
    stopAtTwo.progress = [](int done, int, const FileImport&) { return done < 2; };
    EXPECT_EQ(importer.importFiles(files.paths, stopAtTwo).size(), 2);
    EXPECT_EQ(waiting(*db), 0);
    EXPECT_TRUE(indexWhole(*db));
    EXPECT_EQ(db->search(QStringLiteral("第1批次"))->size(), 1);
    const QList<FileImport> failing =
        importer.importFiles({files.paths[2], files.dir.filePath(QStringLiteral("missing.txt"))});
    ASSERT_EQ(failing.size(), 2);
    EXPECT_EQ(failing[1].status, ImportStatus::Failed);
    EXPECT_EQ(waiting(*db), 0);
    EXPECT_TRUE(indexWhole(*db));
    EXPECT_EQ(importer.importFile(files.paths[3]).status, ImportStatus::Imported);
    EXPECT_EQ(waiting(*db), 0);
    EXPECT_TRUE(indexWhole(*db));
    EXPECT_EQ(db->counts()->documents, 4);
    EXPECT_EQ(db->search(QStringLiteral("第3批次"))->size(), 1);
}
