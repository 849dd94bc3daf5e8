// `db copy` between engines: the seeds with a researcher's work go SQLite → PostgreSQL → SQLite and
// every copy compares equal, answers searches and comparisons alike and continues the ids; a database
// that holds data is refused; a copy that fails midway leaves PostgreSQL empty.
#include "copyfixtures.h"
#include "digests.h"
#include "seedimport.h"
#include "testdb.h"
#include "testpaths.h"

#include "common/manifest.h"
#include "compare/comparison.h"
#include "compare/planselection.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "store/databasecopy.h"
#include "store/importer.h"
#include "taxonomy/taxonomy.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

#include <iostream>
#include <tuple>

using namespace pc;
using namespace pc::test;

namespace {

std::unique_ptr<Database> openAt(const QString& location) {
    Result<std::unique_ptr<Database>> db = Database::open(location);
    EXPECT_TRUE(db.ok()) << db.errorMessage().toStdString();
    return db ? std::move(db).value() : nullptr;
}

std::tuple<int, QString, QString> runCli(const QStringList& args) {
    QProcess p;
    p.start(cliBin(), args);
    p.waitForFinished(180000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST(DatabaseCopyPostgres, SeedsGoSqliteToPostgresAndBackAndEveryCopyComparesEqual) {
    QTemporaryDir dir;
    std::unique_ptr<Database> a = openAt(dir.filePath(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(a);
    importSeeds(*a);
    addUserWork(*a);
    const QString uri = freshPostgresUri();
    ASSERT_FALSE(uri.isEmpty());
    std::unique_ptr<Database> b = openAt(uri);
    std::unique_ptr<Database> c = openAt(dir.filePath(QStringLiteral("c.sqlite")));
    ASSERT_TRUE(b && c);

    QElapsedTimer t;
    t.start();
    const Result<CopyReport> toPg = copyDatabase(*a, *b);
    const qint64 toPgMs = t.restart();
    ASSERT_TRUE(toPg.ok()) << toPg.errorMessage().toStdString();
    const Result<CopyReport> back = copyDatabase(*b, *c);
    const qint64 backMs = t.elapsed();
    ASSERT_TRUE(back.ok()) << back.errorMessage().toStdString();
    std::cout << "[ figures  ] five seeds with corrections: SQLite -> PostgreSQL " << toPgMs << " ms ("
              << toPg->rows << " rows), PostgreSQL -> SQLite " << backMs << " ms\n";
    EXPECT_EQ(toPg->rows, back->rows);

    const Result<DatabaseDigest> da = digestDatabase(*a);
    const Result<DatabaseDigest> db = digestDatabase(*b);
    const Result<DatabaseDigest> dc = digestDatabase(*c);
    ASSERT_TRUE(da.ok() && db.ok() && dc.ok()) << db.errorMessage().toStdString();
    EXPECT_TRUE(sameDigest(*da, *db));
    EXPECT_TRUE(sameDigest(*db, *dc));
    EXPECT_EQ(db->schemaVersion, Database::latestSchemaVersion());
    EXPECT_EQ(db->tables.size(), 17);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("documents")), 5);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("document_files")), 5); // the original files
    EXPECT_EQ(rowsOf(*db, QStringLiteral("sources")), 5);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("targets")), a->counts()->targets);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("overrides")), 2);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("notes")), 1);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("target_history")), 2);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("plan_corrections")), 1);
    EXPECT_EQ(rowsOf(*db, QStringLiteral("plan_set_members")), 2);

    const QStringList queries{QStringLiteral("电"), QStringLiteral("用水"), QStringLiteral("报装全流程"),
                              QStringLiteral("不动产 登记")};
    expectSameAnswers(*a, *b, queries);
    expectSameAnswers(*a, *c, queries);
    for (const QString& indicator : {QStringLiteral("wa.time"), QStringLiteral("el.time.low_voltage")}) {
        const Result<QList<ComparisonRow>> ra = compare::byIndicator(*a, indicator, PlanSelection::all());
        const Result<QList<ComparisonRow>> rb = compare::byIndicator(*b, indicator, PlanSelection::all());
        const Result<QList<ComparisonRow>> rc = compare::byIndicator(*c, indicator, PlanSelection::all());
        ASSERT_TRUE(ra.ok() && rb.ok() && rc.ok());
        EXPECT_FALSE(ra->isEmpty());
        EXPECT_EQ(*ra, *rb);
        EXPECT_EQ(*ra, *rc);
    }
    // The seeds are UTF-8 text files, stored as their source (schema 24): the marker goes along and
    // every copy rebuilds the same bytes from its own source text.
    const QList<DocumentRecord> plans = a->documents().value();
    for (const DocumentRecord& d : plans) {
        SCOPED_TRACE(d.docId.toStdString());
        const Result<StoredFile> fa = a->documentFile(d.id);
        const Result<StoredFile> fb = b->documentFile(d.id);
        const Result<StoredFile> fc = c->documentFile(d.id);
        ASSERT_TRUE(fa.ok() && fb.ok() && fc.ok()) << fb.errorMessage().toStdString();
        EXPECT_EQ(*fa, *fb);
        EXPECT_EQ(*fa, *fc);
        EXPECT_EQ(fa->original, test::readAll(d.sourcePath));
    }
    for (Database* x : {a.get(), b.get(), c.get()}) {
        QSqlQuery q(x->connection());
        ASSERT_TRUE(q.exec(
            QStringLiteral("SELECT count(*), sum(length(original)) FROM document_files WHERE derived = 1")));
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toInt(), 5) << x->path().toStdString();
        EXPECT_EQ(q.value(1).toLongLong(), 0) << x->path().toStdString();
    }
    EXPECT_EQ(*a->documentSource(a->documents()->first().id), *b->documentSource(a->documents()->first().id));

    // PostgreSQL's identity sequences were moved past the copied ids: new rows get new ids.
    const qint64 maxNote = a->notes()->last().id;
    const Result<qint64> note =
        b->addNote(NoteSubject::Document, a->documents()->first().id, QStringLiteral("新"));
    ASSERT_TRUE(note.ok()) << note.errorMessage().toStdString();
    EXPECT_GT(*note, maxNote);
    const Result<qint64> correction =
        b->correctTarget(b->targets()->at(2).targetId, OverrideKind::TargetUnit, QStringLiteral("工作日"));
    ASSERT_TRUE(correction.ok()) << correction.errorMessage().toStdString();
    EXPECT_GT(*correction, 2);
}

// Importing into PostgreSQL stores a UTF-8 text file as its source too (with and without a byte order
// mark), a GB18030 one as its bytes; PostgreSQL → SQLite keeps both kinds and the bytes come back alike.
TEST(DatabaseCopyPostgres, TextFilesStoredAsTheirSourceInPostgresCopyBothWays) {
    const QString uri = freshPostgresUri();
    ASSERT_FALSE(uri.isEmpty());
    std::unique_ptr<Database> pg = openAt(uri);
    ASSERT_TRUE(pg);
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    QTemporaryDir dir;
    const QByteArray seed = test::readAll(test::seedPath(QStringLiteral("dazu-2019")));
    QStringEncoder gb("GB18030");
    const QList<std::pair<QString, QByteArray>> files{
        {QStringLiteral("utf8-2019.txt"), seed},
        {QStringLiteral("bom-2019.txt"), QByteArray("\xEF\xBB\xBF") + seed},
        {QStringLiteral("gb-2019.txt"), gb.encode(QString::fromUtf8(seed))}};
    QStringList paths;
    for (const auto& [name, bytes] : files) {
        QFile f(dir.filePath(name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        paths << f.fileName();
    }
    Importer importer(*pg, [&](const QByteArray& bytes, const QString& path) {
        return analyzeBytes(bytes, path, *taxonomy);
    });
    for (const FileImport& r : importer.importFiles(paths))
        ASSERT_EQ(r.status, ImportStatus::Imported) << r.reason.toStdString();
    std::unique_ptr<Database> back = openAt(dir.filePath(QStringLiteral("back.sqlite")));
    ASSERT_TRUE(back);
    const Result<CopyReport> copied = copyDatabase(*pg, *back);
    ASSERT_TRUE(copied.ok()) << copied.errorMessage().toStdString();
    EXPECT_TRUE(sameDigest(*pg, *back));
    const QStringList expected{QStringLiteral("bom-2019|2|0"), QStringLiteral("gb-2019|0|1"),
                               QStringLiteral("utf8-2019|1|0")};
    for (Database* x : {pg.get(), back.get()}) {
        SCOPED_TRACE(x->path().toStdString());
        QSqlQuery q(x->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT d.doc_id, f.derived, length(f.original) > 0 FROM "
                                          "document_files f JOIN documents d ON d.id = f.document_id "
                                          "ORDER BY d.doc_id")));
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1|%2|%3")
                        .arg(q.value(0).toString())
                        .arg(q.value(1).toInt())
                        .arg(q.value(2).toBool() ? 1 : 0);
        EXPECT_EQ(rows, expected);
        for (const auto& [name, bytes] : files) {
            const Result<DocumentRecord> d = x->documentByDocId(QFileInfo(name).completeBaseName());
            ASSERT_TRUE(d.ok());
            const Result<StoredFile> f = x->documentFile(d->id);
            ASSERT_TRUE(f.ok()) << f.errorMessage().toStdString();
            EXPECT_EQ(f->original, bytes) << name.toStdString();
        }
    }
}

TEST(DatabaseCopyPostgres, CliCopiesVerifiesAndRefusesANonEmptyDatabase) {
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    ASSERT_EQ(
        std::get<0>(runCli({QStringLiteral("--db"), a, QStringLiteral("import"), QStringLiteral("--seeds")})),
        0);
    const QString uri = freshPostgresUri();
    ASSERT_FALSE(uri.isEmpty());
    const auto [rc, out, err] = runCli({QStringLiteral("db"), QStringLiteral("copy"),
                                        QStringLiteral("--from"), a, QStringLiteral("--to"), uri});
    EXPECT_EQ(rc, 0) << err.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("verified:"))) << out.toStdString();
    EXPECT_EQ(out.count(QStringLiteral("DIFFERS")), 0) << out.toStdString();
    EXPECT_TRUE(out.contains(QRegularExpression(QStringLiteral("\ndocuments +5 +5 ")))) << out.toStdString();

    const auto [rc2, out2, err2] = runCli({QStringLiteral("db"), QStringLiteral("compare"), a, uri});
    EXPECT_EQ(rc2, 0) << err2.toStdString();
    EXPECT_TRUE(out2.contains(QStringLiteral("are equal (schema %1)").arg(Database::latestSchemaVersion())))
        << out2.toStdString();

    // Into the same database again: refused, naming it; nothing changes.
    const QString dbName = QUrl(uri).path().mid(1);
    const auto [rc3, out3, err3] = runCli({QStringLiteral("--db"), a, QStringLiteral("db"),
                                           QStringLiteral("copy"), QStringLiteral("--to"), uri});
    EXPECT_EQ(rc3, 1);
    EXPECT_TRUE(err3.contains(dbName) && err3.contains(QStringLiteral("is not empty")) &&
                err3.contains(QStringLiteral("documents: 5 rows")))
        << err3.toStdString();
    std::unique_ptr<Database> b = openAt(uri);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->counts()->documents, 5);

    // Back into a new SQLite file, which then compares equal to the first.
    const QString c = dir.filePath(QStringLiteral("c.sqlite"));
    const auto [rc4, out4, err4] = runCli({QStringLiteral("db"), QStringLiteral("copy"),
                                           QStringLiteral("--from"), uri, QStringLiteral("--to"), c});
    EXPECT_EQ(rc4, 0) << err4.toStdString();
    const auto [rc5, out5, err5] = runCli({QStringLiteral("db"), QStringLiteral("compare"), a, c});
    EXPECT_EQ(rc5, 0) << out5.toStdString() << err5.toStdString();
    // Copying into the existing file again is refused and leaves it as it was.
    EXPECT_EQ(std::get<0>(runCli({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--from"), a,
                                  QStringLiteral("--to"), c})),
              1);
    EXPECT_EQ(std::get<0>(runCli({QStringLiteral("db"), QStringLiteral("compare"), a, c})), 0);
}

TEST(DatabaseCopyPostgres, AFailureMidwayLeavesThePostgresDatabaseEmpty) {
    QTemporaryDir dir;
    std::unique_ptr<Database> a = openAt(dir.filePath(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(a);
    importSeeds(*a);
    addUserWork(*a);
    std::unique_ptr<Database> b = openAt(freshPostgresUri());
    ASSERT_TRUE(b);
    CopyOptions o;
    o.progress = [](const QString& table, qint64) { return table != QLatin1String("targets"); };
    const Result<CopyReport> r = copyDatabase(*a, *b, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("cancelled"));
    const Result<DatabaseDigest> d = digestDatabase(*b);
    ASSERT_TRUE(d.ok());
    for (const TableDigest& t : d->tables)
        EXPECT_EQ(t.rows, 0) << t.table.toStdString();
    EXPECT_EQ(b->search(QStringLiteral("电"))->size(), 0);
    EXPECT_EQ(b->counts()->documents, 0);
    // The next try works and compares equal.
    ASSERT_TRUE(copyDatabase(*a, *b).ok());
    EXPECT_TRUE(sameDigest(*a, *b));
}
