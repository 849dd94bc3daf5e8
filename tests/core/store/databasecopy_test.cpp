// `db copy` in the core: a whole database into a new file with its ids, proved equal by the canonical
// digest; a target that holds data is refused; a copy that fails midway leaves the target empty.
#include "copyfixtures.h"
#include "digests.h"
#include "storefixtures.h"

#include "store/database.h"
#include "store/databasecopy.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::test;

namespace {

// A sample database with a researcher's work, and a search word from its first measure's title.
std::unique_ptr<Database> workedSample(QString* query) {
    std::unique_ptr<Database> db = sampleDatabase();
    if (!db)
        return nullptr;
    addUserWork(*db);
    const Result<QList<MeasureRecord>> m = db->measures();
    if (!m || m->isEmpty())
        return nullptr;
    *query = m->first().title.left(2);
    return db;
}

} // namespace

TEST(DatabaseCopy, TablesComeFromTheCatalogueParentsFirstWithoutTheSearchIndex) {
    std::unique_ptr<Database> db = sampleDatabase();
    ASSERT_TRUE(db);
    const Result<QStringList> t = copiedTables(*db);
    ASSERT_TRUE(t.ok()) << t.errorMessage().toStdString();
    for (const char* name :
         {"documents", "sources", "sections", "measures", "agencies", "measure_agencies", "targets", "issues",
          "areas", "indicators", "overrides", "notes", "document_files", "plan_corrections", "plan_sets",
          "plan_set_members", "target_history"})
        EXPECT_TRUE(t->contains(QString::fromLatin1(name))) << name;
    EXPECT_EQ(t->size(), 17) << t->join(QLatin1Char(',')).toStdString();
    for (const QString& name : *t)
        EXPECT_FALSE(name.startsWith(QLatin1String("measure_fts"))) << name.toStdString();
    EXPECT_LT(t->indexOf(QStringLiteral("documents")), t->indexOf(QStringLiteral("measures")));
    EXPECT_LT(t->indexOf(QStringLiteral("measures")), t->indexOf(QStringLiteral("targets")));
    EXPECT_LT(t->indexOf(QStringLiteral("agencies")), t->indexOf(QStringLiteral("measure_agencies")));
    EXPECT_LT(t->indexOf(QStringLiteral("plan_sets")), t->indexOf(QStringLiteral("plan_set_members")));
}

TEST(DatabaseCopy, SqliteToSqliteCopyComparesEqualAndAnswersAlike) {
    QString query;
    std::unique_ptr<Database> a = workedSample(&query);
    ASSERT_TRUE(a);
    QTemporaryDir dir;
    std::unique_ptr<Database> b = openFile(dir.filePath(QStringLiteral("copy.sqlite")));
    ASSERT_TRUE(b);
    const Result<CopyReport> r = copyDatabase(*a, *b);
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->copied.size(), 17);

    const Result<DatabaseDigest> da = digestDatabase(*a);
    const Result<DatabaseDigest> db = digestDatabase(*b);
    ASSERT_TRUE(da.ok() && db.ok());
    EXPECT_TRUE(sameDigest(*da, *db));
    EXPECT_EQ(da->schemaVersion, Database::latestSchemaVersion());
    EXPECT_EQ(db->schemaVersion, Database::latestSchemaVersion());
    const StoreCounts c = *a->counts();
    EXPECT_EQ(rowsOf(*db, QStringLiteral("documents")), c.documents);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("measures")), c.measures);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("targets")), c.targets);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("overrides")), 2);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("notes")), 1);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("target_history")), 2);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("plan_corrections")), 1);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("plan_sets")), 1);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("plan_set_members")), 2);
    qint64 rows = 0;
    for (const TableDigest& t : da->tables)
        rows += t.rows;
    EXPECT_EQ(r->rows, rows);

    // The copy's own full-text index was built by its triggers: the same hits and scores.
    expectSameAnswers(*a, *b, {query});

    // A new note on the copy continues after the copied ids.
    const qint64 maxNote = a->notes()->last().id;
    const Result<qint64> note =
        b->addNote(NoteSubject::Document, a->documents()->first().id, QStringLiteral("新"));
    ASSERT_TRUE(note.ok());
    EXPECT_GT(*note, maxNote);
    // ... and the digest notices it, in that table only.
    EXPECT_EQ(digestDifferences(*da, *digestDatabase(*b)), QStringList{QStringLiteral("notes")});
}

TEST(DatabaseCopy, DigestIsIndependentOfRowOrderAndFormatsNumbersAlike) {
    QTemporaryDir dir;
    std::unique_ptr<Database> a = openFile(dir.filePath(QStringLiteral("a.sqlite")));
    std::unique_ptr<Database> b = openFile(dir.filePath(QStringLiteral("b.sqlite")));
    ASSERT_TRUE(a && b);
    QSqlQuery qa(a->connection()), qb(b->connection());
    ASSERT_TRUE(
        qa.exec(QStringLiteral("INSERT INTO plan_sets(name, created_at) VALUES ('甲', 'x'), ('乙', 'y')")));
    ASSERT_TRUE(
        qb.exec(QStringLiteral("INSERT INTO plan_sets(name, created_at) VALUES ('乙', 'y'), ('甲', 'x')")));
    // 4 as an integer in one, 4.0 as a real in the other: the same number.
    ASSERT_TRUE(qa.exec(QStringLiteral("INSERT INTO areas(id, ordinal) VALUES ('wa', 4)")));
    ASSERT_TRUE(qb.exec(QStringLiteral("INSERT INTO areas(id, ordinal) VALUES ('wa', 4.0)")));
    const Result<DatabaseDigest> da = digestDatabase(*a), db = digestDatabase(*b);
    ASSERT_TRUE(da.ok() && db.ok());
    EXPECT_TRUE(sameDigest(*da, *db));
    EXPECT_EQ(rowsOf(*da, QStringLiteral("plan_sets")), 2);
    ASSERT_TRUE(qb.exec(QStringLiteral("UPDATE plan_sets SET created_at = 'z' WHERE name = '甲'")));
    EXPECT_EQ(digestDifferences(*da, *digestDatabase(*b)), QStringList{QStringLiteral("plan_sets")});
}

TEST(DatabaseCopy, RefusesATargetThatHoldsDataAndLeavesItAsItWas) {
    QString query;
    std::unique_ptr<Database> a = workedSample(&query);
    ASSERT_TRUE(a);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.sqlite"));
    std::unique_ptr<Database> b = openFile(path);
    ASSERT_TRUE(b);
    ASSERT_TRUE(copyDatabase(*a, *b).ok());
    const Result<DatabaseDigest> before = digestDatabase(*b);
    ASSERT_TRUE(before.ok());
    const Result<CopyReport> again = copyDatabase(*a, *b);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, QStringLiteral("not-empty"));
    EXPECT_TRUE(again.errorMessage().contains(path)) << again.errorMessage().toStdString();
    EXPECT_TRUE(again.errorMessage().contains(QStringLiteral("documents: 3 rows")))
        << again.errorMessage().toStdString();
    EXPECT_TRUE(sameDigest(*before, *b));

    // A target with only a note (no plans) is not empty either.
    std::unique_ptr<Database> c = openFile(dir.filePath(QStringLiteral("c.sqlite")));
    ASSERT_TRUE(c);
    QSqlQuery q(c->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("INSERT INTO notes(subject, doc_id, text) VALUES ('document', 'x', 'n')")));
    const Result<CopyReport> intoNote = copyDatabase(*a, *c);
    ASSERT_FALSE(intoNote.ok());
    EXPECT_TRUE(intoNote.errorMessage().contains(QStringLiteral("notes: 1 rows")))
        << intoNote.errorMessage().toStdString();
}

TEST(DatabaseCopy, AFailureMidwayLeavesTheTargetEmpty) {
    QString query;
    std::unique_ptr<Database> a = workedSample(&query);
    ASSERT_TRUE(a);
    QTemporaryDir dir;
    std::unique_ptr<Database> b = openFile(dir.filePath(QStringLiteral("b.sqlite")));
    ASSERT_TRUE(b);
    QStringList seen;
    CopyOptions o;
    o.progress = [&](const QString& table, qint64) {
        seen << table;
        return table != QLatin1String("targets"); // fail after documents, measures … were written
    };
    const Result<CopyReport> r = copyDatabase(*a, *b, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("cancelled"));
    EXPECT_TRUE(seen.contains(QStringLiteral("measures")));
    const Result<DatabaseDigest> d = digestDatabase(*b);
    ASSERT_TRUE(d.ok());
    for (const TableDigest& t : d->tables)
        EXPECT_EQ(t.rows, 0) << t.table.toStdString();
    EXPECT_EQ(b->search(query)->size(), 0);
    // ... and a later copy into it works.
    ASSERT_TRUE(copyDatabase(*a, *b).ok());
    EXPECT_TRUE(sameDigest(*a, *b));
}

// Schema 24: a text file stored as its source (an empty `original`) and a file stored as its bytes are
// copied as they are, compare equal and give the same bytes in the copy.
TEST(DatabaseCopy, FilesStoredAsTheirSourceOrAsBytesCopyAlike) {
    std::unique_ptr<Database> a = sampleDatabase();
    ASSERT_TRUE(a);
    Analysis text = makeAnalysis(samplePlans()[0]);
    text.document.meta.docId = QStringLiteral("text-file");
    const QByteArray utf8 = QByteArray("\xEF\xBB\xBF") + text.document.source.toUtf8();
    text.document.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(utf8, QCryptographicHash::Sha256).toHex());
    Analysis pdf = makeAnalysis(samplePlans()[1]);
    pdf.document.meta.docId = QStringLiteral("pdf-file");
    pdf.document.format = QStringLiteral("pdf");
    const QByteArray pdfBytes("%PDF-1.4 stand-in bytes");
    qint64 textId = 0, pdfId = 0;
    ASSERT_TRUE(a->importAnalysis(text, &textId, utf8).ok());
    ASSERT_TRUE(a->importAnalysis(pdf, &pdfId, pdfBytes).ok());
    QTemporaryDir dir;
    std::unique_ptr<Database> b = openFile(dir.filePath(QStringLiteral("copy.sqlite")));
    ASSERT_TRUE(b);
    const Result<CopyReport> r = copyDatabase(*a, *b);
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_TRUE(sameDigest(*a, *b));
    for (Database* x : {a.get(), b.get()}) {
        SCOPED_TRACE(x->path().toStdString());
        QSqlQuery q(x->connection());
        ASSERT_TRUE(
            q.exec(QStringLiteral("SELECT document_id, derived, typeof(original), length(original) FROM "
                                  "document_files ORDER BY document_id")));
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1|%2|%3|%4")
                        .arg(q.value(0).toLongLong())
                        .arg(q.value(1).toInt())
                        .arg(q.value(2).toString())
                        .arg(q.value(3).toLongLong() > 0 ? QStringLiteral(">0") : QStringLiteral("0"));
        EXPECT_EQ(rows, (QStringList{QStringLiteral("%1|2|blob|0").arg(textId),
                                     QStringLiteral("%1|0|blob|>0").arg(pdfId)}));
        EXPECT_EQ(x->documentFile(textId)->original, utf8);
        EXPECT_EQ(x->documentFile(pdfId)->original, pdfBytes);
    }
}
