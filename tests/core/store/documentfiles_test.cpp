// The original file stored with its plan (compressed, with the reader's maps) and the page of targets.
#include "../read/docxfixtures.h"
#include "testpaths.h"

#include "extract/analysis.h"
#include "read/reader.h"
#include "store/database.h"
#include "store/importer.h"
#include "store/sqlutil.h"
#include "taxonomy/taxonomy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>

#include "testdb.h"

#include <gtest/gtest.h>

using namespace pc;

namespace {

Analyzer analyzerWith(const Taxonomy& taxonomy) {
    return [&taxonomy](const QByteArray& bytes, const QString& path) {
        return analyzeBytes(bytes, path, taxonomy);
    };
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

} // namespace

TEST(DocumentFiles, ADocxIsStoredWithItsOriginalBytesAndReimportIsANoOp) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    Result<std::unique_ptr<Database>> db = test::openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    QTemporaryDir dir;
    const QString seed = QString::fromUtf8(test::readAll(test::seedPath(QStringLiteral("jiangjin-2021"))));
    const QByteArray docx = fixtures::textToDocx(seed);
    const QString path = writeFile(dir, QStringLiteral("jiangjin-2021.docx"), docx);

    Importer importer(**db, analyzerWith(*taxonomy));
    const FileImport first = importer.importFile(path);
    ASSERT_EQ(first.status, ImportStatus::Imported) << first.reason.toStdString();
    EXPECT_EQ(first.docId, QStringLiteral("jiangjin-2021"));
    EXPECT_GT(first.targets, 10);
    const Result<StoredFile> stored = (*db)->documentFile(first.documentId);
    ASSERT_TRUE(stored.ok()) << stored.errorMessage().toStdString();
    EXPECT_EQ(stored->format, QStringLiteral("docx"));
    EXPECT_EQ(stored->original, docx);
    EXPECT_EQ(stored->pageCount, 0);
    EXPECT_TRUE(stored->pageStarts.isEmpty());
    // The origin map comes back as the reader made it.
    const Result<read::ReadResult> reread = read::readBytes(docx, path);
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(stored->origins, reread->origins);
    const Result<QString> source = (*db)->documentSource(first.documentId);
    ASSERT_TRUE(source.ok());
    EXPECT_EQ(*source, reread->text);

    const FileImport again = importer.importFile(path);
    EXPECT_EQ(again.status, ImportStatus::Unchanged);
    EXPECT_EQ(again.targets, first.targets);
    const Result<StoreCounts> counts = (*db)->counts();
    ASSERT_TRUE(counts.ok());

    // A failing file stores nothing: no plan, no file row.
    const QString broken = writeFile(dir, QStringLiteral("broken.docx"), docx.left(docx.size() / 3));
    const FileImport failed = importer.importFile(broken);
    EXPECT_EQ(failed.status, ImportStatus::Failed);
    EXPECT_TRUE(failed.reason.startsWith(broken + QStringLiteral(": "))) << failed.reason.toStdString();
    EXPECT_FALSE((*db)->documentByDocId(QStringLiteral("broken")).ok());

    // Removing the plan removes its file.
    ASSERT_TRUE((*db)->removeDocument(first.documentId).ok());
    const Result<StoredFile> gone = (*db)->documentFile(first.documentId);
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().code, QStringLiteral("not-found"));
}

TEST(DocumentFiles, TargetsCarryThePageOfTheirQuote) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    // A hand-made reader result with pages, as the PDF reader gives: the seed split in three pages.
    read::ReadResult r;
    r.text = QString::fromUtf8(test::readAll(test::seedPath(QStringLiteral("dazu-2019"))));
    r.format = read::Format::Pdf;
    const qsizetype second = r.text.indexOf(QLatin1Char('\n'), r.text.size() / 3) + 1;
    const qsizetype third = r.text.indexOf(QLatin1Char('\n'), 2 * r.text.size() / 3) + 1;
    r.pageStarts = {0, second, third};
    r.pageCount = 3;
    read::OriginRun run;
    run.start = 0;
    run.length = second;
    run.origin.page = 1;
    r.origins = {run};
    const QByteArray original = "%PDF-1.4 stand-in bytes";
    Result<Analysis> a = analyzeRead(r, original, QStringLiteral("dazu-2019.pdf"), *taxonomy);
    ASSERT_TRUE(a.ok()) << a.errorMessage().toStdString();
    EXPECT_EQ(a->document.format, QStringLiteral("pdf"));
    QList<int> pages(4, 0);
    for (const Target& t : a->targets) {
        const int expected = t.span.start >= third ? 3 : t.span.start >= second ? 2 : 1;
        EXPECT_EQ(t.page, expected) << t.quote.toStdString();
        ++pages[t.page];
    }
    EXPECT_GT(pages[1], 0);
    EXPECT_GT(pages[2] + pages[3], 0);

    Result<std::unique_ptr<Database>> db = test::openTestDatabase();
    ASSERT_TRUE(db.ok());
    qint64 id = 0;
    ASSERT_TRUE((*db)->importAnalysis(*a, &id, original).ok());
    const Result<QList<qsizetype>> starts = (*db)->documentPageStarts(id);
    ASSERT_TRUE(starts.ok());
    EXPECT_EQ(*starts, r.pageStarts);
    const Result<StoredFile> f = (*db)->documentFile(id);
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(f->format, QStringLiteral("pdf"));
    EXPECT_EQ(f->original, original);
    EXPECT_EQ(f->pageCount, 3);
    EXPECT_EQ(f->origins, r.origins);
    TargetFilter filter;
    filter.docId = QStringLiteral("dazu-2019");
    const Result<QList<ComparisonRow>> rows = (*db)->targets(filter);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), a->targets.size());
    for (const ComparisonRow& row : *rows)
        EXPECT_EQ(row.page, read::pageOfOffset(r.pageStarts, row.start));
    // Plans without pages say page 0.
    Analysis text = *a;
    text.document.meta.docId = QStringLiteral("dazu-text");
    text.document.pageStarts.clear();
    text.document.sha256 = QStringLiteral("other");
    qint64 textId = 0;
    ASSERT_TRUE((*db)->importAnalysis(text, &textId).ok());
    filter.docId = QStringLiteral("dazu-text");
    const Result<QList<ComparisonRow>> textRows = (*db)->targets(filter);
    ASSERT_TRUE(textRows.ok());
    ASSERT_FALSE(textRows->isEmpty());
    for (const ComparisonRow& row : *textRows)
        EXPECT_EQ(row.page, 0);
    EXPECT_FALSE((*db)->documentFile(textId).ok()); // stored without its bytes
}

// ---- Schema 24: a text file whose bytes are the UTF-8 of its source text is stored once (as the source).

namespace {

struct FileRow {
    int derived = -1;
    qint64 originalBytes = -1; // length(original) as stored
    qint64 size = -1;
};

FileRow fileRow(Database& db, qint64 documentId) {
    QSqlQuery q(db.connection());
    q.prepare(
        QStringLiteral("SELECT derived, length(original), size FROM document_files WHERE document_id = ?"));
    q.addBindValue(documentId);
    FileRow r;
    if (q.exec() && q.next())
        r = {q.value(0).toInt(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    return r;
}

// Imports `bytes` as the file `name` and gives back the stored file (bytes, row) of the imported plan.
struct Imported {
    FileImport import;
    Result<StoredFile> file = Error{QStringLiteral("not imported"), QStringLiteral("test")};
    FileRow row;
};

Imported importBytes(Database& db, const Taxonomy& taxonomy, const QTemporaryDir& dir, const QString& name,
                     const QByteArray& bytes) {
    Importer importer(db, analyzerWith(taxonomy));
    Imported out;
    out.import = importer.importFile(writeFile(dir, name, bytes));
    if (out.import.status == ImportStatus::Imported || out.import.status == ImportStatus::Replaced) {
        out.file = db.documentFile(out.import.documentId);
        out.row = fileRow(db, out.import.documentId);
    }
    return out;
}

} // namespace

TEST(DocumentFiles, AUtf8TextFileIsStoredAsItsSourceAndComesBackByteForByte) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    Result<std::unique_ptr<Database>> db = test::openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    QTemporaryDir dir;
    const QByteArray seed = test::readAll(test::seedPath(QStringLiteral("jiangjin-2021")));
    ASSERT_GT(seed.size(), 1000);
    QByteArray crlf = seed;
    crlf.replace("\n", "\r\n");
    // Characters a round trip might lose: a supplementary one, a byte order mark inside the text, a
    // noncharacter, a replacement character written as such, a form feed.
    const QByteArray tricky =
        seed + QStringLiteral("\n附：𠀀字、\uFEFF标记、\uFDD0、\uFFFD、\f分页。\n").toUtf8();
    const struct {
        const char* name;
        QByteArray bytes;
        int derived;
    } cases[] = {
        {"plain-2021.txt", seed, store::kOriginalIsSource},
        {"bom-2021.txt", QByteArray("\xEF\xBB\xBF") + seed, store::kOriginalIsBomAndSource},
        {"crlf-2021.txt", crlf, store::kOriginalIsSource}, // the reader keeps CR: the text holds it
        {"tricky-2021.txt", tricky, store::kOriginalIsSource},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const Imported got = importBytes(**db, *taxonomy, dir, QString::fromLatin1(c.name), c.bytes);
        ASSERT_EQ(got.import.status, ImportStatus::Imported) << got.import.reason.toStdString();
        ASSERT_TRUE(got.file.ok()) << got.file.errorMessage().toStdString();
        EXPECT_EQ(got.file->original, c.bytes);
        EXPECT_EQ(got.file->format, QStringLiteral("text"));
        EXPECT_EQ(got.row.derived, c.derived);
        EXPECT_EQ(got.row.originalBytes, 0); // nothing stored twice
        EXPECT_EQ(got.row.size, c.bytes.size());
    }
}

TEST(DocumentFiles, FilesThatAreNotTheirSourcesUtf8KeepTheirBytes) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    Result<std::unique_ptr<Database>> db = test::openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    QTemporaryDir dir;
    const QString seed = QString::fromUtf8(test::readAll(test::seedPath(QStringLiteral("dazu-2019"))));
    QStringEncoder gb("GB18030");
    ASSERT_TRUE(gb.isValid());
    const QByteArray gbBytes = gb.encode(seed);
    ASSERT_NE(gbBytes, seed.toUtf8());
    QByteArray damagedUtf8 = seed.toUtf8();
    damagedUtf8.insert(damagedUtf8.indexOf('\n') + 1, "\xFF"); // one invalid byte: read as U+FFFD
    const QByteArray docx = fixtures::textToDocx(seed);
    const struct {
        const char* name;
        QByteArray bytes;
        const char* format;
    } cases[] = {
        {"gb-2019.txt", gbBytes, "text"},
        {"bad-2019.txt", damagedUtf8, "text"},
        {"docx-2019.docx", docx, "docx"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const Imported got = importBytes(**db, *taxonomy, dir, QString::fromLatin1(c.name), c.bytes);
        ASSERT_EQ(got.import.status, ImportStatus::Imported) << got.import.reason.toStdString();
        ASSERT_TRUE(got.file.ok()) << got.file.errorMessage().toStdString();
        EXPECT_EQ(got.file->original, c.bytes);
        EXPECT_EQ(got.file->format, QString::fromLatin1(c.format));
        EXPECT_EQ(got.row.derived, store::kOriginalStored);
        EXPECT_GT(got.row.originalBytes, 0);
    }
    // The GB18030 file's text is the seed's all the same.
    const Result<DocumentRecord> gbPlan = (*db)->documentByDocId(QStringLiteral("gb-2019"));
    ASSERT_TRUE(gbPlan.ok());
    EXPECT_EQ(*(*db)->documentSource(gbPlan->id), seed);
}

// A text that is not valid UTF-16 (no reader gives one) keeps the bytes: its UTF-8 would not give the
// text back.
TEST(DocumentFiles, AnAnalysisWithABrokenTextKeepsTheBytes) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    Result<std::unique_ptr<Database>> db = test::openTestDatabase();
    ASSERT_TRUE(db.ok());
    read::ReadResult r;
    r.text = QString::fromUtf8(test::readAll(test::seedPath(QStringLiteral("wulong-2022"))));
    r.format = read::Format::Text;
    Result<Analysis> a = analyzeRead(r, r.text.toUtf8(), QStringLiteral("wulong-2022.txt"), *taxonomy);
    ASSERT_TRUE(a.ok()) << a.errorMessage().toStdString();
    qint64 id = 0;
    Analysis broken = *a;
    broken.document.meta.docId = QStringLiteral("broken-2022");
    broken.document.source.append(QChar(0xD800)); // a lone surrogate
    const QByteArray brokenUtf8 = broken.document.source.toUtf8();
    broken.document.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(brokenUtf8, QCryptographicHash::Sha256).toHex());
    ASSERT_TRUE((*db)->importAnalysis(broken, &id, brokenUtf8).ok());
    EXPECT_EQ(fileRow(**db, id).derived, store::kOriginalStored);
    EXPECT_EQ((*db)->documentFile(id)->original, brokenUtf8);

    // The same plan without the lone surrogate is stored as its source.
    ASSERT_TRUE((*db)->importAnalysis(*a, &id, r.text.toUtf8()).ok());
    EXPECT_EQ(fileRow(**db, id).derived, store::kOriginalIsSource);
    EXPECT_EQ((*db)->documentFile(id)->original, r.text.toUtf8());
}

// A changed source text or file hash never passes for the file: the read fails naming the plan.
TEST(DocumentFiles, ADamagedSourceOfAFileStoredAsItsSourceIsReportedNotReturned) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    Result<std::unique_ptr<Database>> db = test::openTestDatabase();
    ASSERT_TRUE(db.ok());
    QTemporaryDir dir;
    const QByteArray seed = test::readAll(test::seedPath(QStringLiteral("yuzhong-2023")));
    const Imported got = importBytes(**db, *taxonomy, dir, QStringLiteral("yuzhong-2023.txt"), seed);
    ASSERT_TRUE(got.file.ok()) << got.file.errorMessage().toStdString();
    ASSERT_EQ(got.row.derived, store::kOriginalIsSource);
    const qint64 id = got.import.documentId;
    const auto expectDamaged = [&](const char* what) {
        SCOPED_TRACE(what);
        const Result<StoredFile> f = (*db)->documentFile(id);
        ASSERT_FALSE(f.ok());
        EXPECT_EQ(f.error().code, QStringLiteral("db-corrupt"));
        EXPECT_TRUE(f.errorMessage().contains(QStringLiteral("yuzhong-2023")))
            << f.errorMessage().toStdString();
    };
    QSqlQuery q((*db)->connection());
    // One character changed, the length in bytes kept (a damaged row, not a re-import).
    QString changed = QString::fromUtf8(seed);
    const qsizetype at = changed.indexOf(QStringLiteral("优化"));
    ASSERT_GE(at, 0);
    changed[at] = QChar(u'忧');
    ASSERT_EQ(changed.toUtf8().size(), seed.size());
    q.prepare(QStringLiteral("UPDATE sources SET text = ? WHERE document_id = ?"));
    q.addBindValue(store::packSource(changed));
    q.addBindValue(id);
    ASSERT_TRUE(q.exec());
    expectDamaged("a changed character");
    // Source text that no longer decompresses.
    q.prepare(QStringLiteral("UPDATE sources SET text = ? WHERE document_id = ?"));
    q.addBindValue(QByteArray("\x28\xB5\x2F\xFD garbage", 13));
    q.addBindValue(id);
    ASSERT_TRUE(q.exec());
    expectDamaged("a source that does not unpack");
    // The source back, the hash changed.
    q.prepare(QStringLiteral("UPDATE sources SET text = ? WHERE document_id = ?"));
    q.addBindValue(store::packSource(QString::fromUtf8(seed)));
    q.addBindValue(id);
    ASSERT_TRUE(q.exec());
    ASSERT_EQ((*db)->documentFile(id)->original, seed);
    ASSERT_TRUE(q.exec(
        QStringLiteral("UPDATE documents SET sha256 = 'ab' || substr(sha256, 3) WHERE id = %1").arg(id)));
    expectDamaged("a changed hash");
    // A marker this version does not know.
    ASSERT_TRUE(
        q.exec(QStringLiteral("UPDATE document_files SET derived = 7 WHERE document_id = %1").arg(id)));
    expectDamaged("an unknown marker");
}
