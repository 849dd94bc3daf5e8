// The original file stored with its plan (compressed, with the reader's maps) and the page of targets.
#include "../read/docxfixtures.h"
#include "testpaths.h"

#include "extract/analysis.h"
#include "read/reader.h"
#include "store/database.h"
#include "store/importer.h"
#include "taxonomy/taxonomy.h"

#include <QDir>
#include <QFile>
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
