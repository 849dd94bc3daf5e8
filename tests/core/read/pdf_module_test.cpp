// The PDF reader as a module: readBytes() (what the programs call) loads libplancompare_pdf.so from the
// build tree and gives exactly what readPdf() gives when linked in; the CLI reads a PDF through it.
#include "pdffixtures.h"
#include "pdftesthelpers.h"

#include "read/pdfmodule.h"
#include "read/reader.h"

#include <QFileInfo>
#include <QTemporaryDir>

using namespace pc;
using namespace pc::test;
using namespace pc::test::pdf;

namespace {

TEST(PdfModule, ReadBytesThroughTheModuleEqualsTheLinkedReader) {
    const QStringList candidates = read::pdfModuleCandidates();
    ASSERT_FALSE(candidates.isEmpty());
    EXPECT_TRUE(QFileInfo::exists(candidates.first())) << candidates.first().toStdString();
    const TypesetPdf pdf = typeset(seedParagraphs(QStringLiteral("wulong-2022")));
    const Result<read::ReadResult> viaModule = read::readBytes(pdf.bytes, QStringLiteral("plan.pdf"));
    const Result<read::ReadResult> linked = read::readPdf(pdf.bytes, QStringLiteral("plan.pdf"));
    ASSERT_TRUE(viaModule.ok()) << viaModule.errorMessage().toStdString();
    ASSERT_TRUE(linked.ok());
    EXPECT_EQ(viaModule->format, read::Format::Pdf);
    EXPECT_GT(viaModule->text.size(), 1000);
    EXPECT_EQ(viaModule->text, linked->text);
    EXPECT_EQ(viaModule->pageCount, linked->pageCount);
    EXPECT_EQ(viaModule->pageStarts, linked->pageStarts);
    EXPECT_EQ(viaModule->issues.size(), linked->issues.size());
    // A damaged PDF fails the same way through the module.
    const Result<read::ReadResult> damaged = read::readBytes("%PDF-1.4\nnot a pdf", QStringLiteral("d.pdf"));
    const Result<read::ReadResult> damagedLinked =
        read::readPdf("%PDF-1.4\nnot a pdf", QStringLiteral("d.pdf"));
    ASSERT_FALSE(damaged.ok());
    EXPECT_EQ(damaged.error().code, damagedLinked.error().code);
    EXPECT_EQ(damaged.errorMessage(), damagedLinked.errorMessage());
}

TEST(PdfModule, TheCliReadsAPdfThroughTheModule) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("jiangjin.pdf"));
    const TypesetPdf pdf = typeset(seedParagraphs(QStringLiteral("jiangjin-2021")));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(pdf.bytes);
    f.close();
    const RunResult r =
        run(cliBin(), {QStringLiteral("measures"), file, QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    EXPECT_GT(r.outText().count(QLatin1Char('\n')), 20); // the seed's measures, one line each
}

} // namespace
