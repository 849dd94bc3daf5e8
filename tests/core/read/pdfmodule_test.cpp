// The PDF reader module seen from the core (no Poppler linked here): where it is looked for, the
// messages when it is missing or foreign, and that plancompare-cli does not link the PDF libraries.
#include "read/pdfmodule.h"
#include "read/reader.h"
#include "testpaths.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;

namespace {

// Sets an environment variable for one test and removes it after.
class ScopedModuleEnv {
public:
    explicit ScopedModuleEnv(const QString& value) { qputenv("PLANCOMPARE_PDF_MODULE", value.toLocal8Bit()); }
    ~ScopedModuleEnv() { qunsetenv("PLANCOMPARE_PDF_MODULE"); }
};

TEST(PdfModuleLookup, TheBuildTreeModuleSitsWhereTheInstalledOneWould) {
    qunsetenv("PLANCOMPARE_PDF_MODULE");
    const QStringList candidates = read::pdfModuleCandidates();
    ASSERT_EQ(candidates.size(), 1);
    EXPECT_TRUE(candidates.first().endsWith(QStringLiteral("/plancompare/libplancompare_pdf.so")))
        << candidates.first().toStdString();
    EXPECT_TRUE(QFileInfo::exists(candidates.first())) << candidates.first().toStdString();
}

TEST(PdfModuleLookup, AMissingModuleNamesTheFileTheModuleAndWhereItLooked) {
    const ScopedModuleEnv env(QStringLiteral("/nonexistent/plancompare/libplancompare_pdf.so"));
    const Result<read::ReadResult> r = read::readBytes("%PDF-1.4\n%%EOF\n", QStringLiteral("plan.pdf"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("pdf-module-missing"));
    EXPECT_TRUE(r.errorMessage().startsWith(QStringLiteral("plan.pdf: a PDF, but the PDF reader module")))
        << r.errorMessage().toStdString();
    EXPECT_TRUE(r.errorMessage().contains(QStringLiteral("/nonexistent/plancompare/libplancompare_pdf.so")));
    // Text still reads without the module.
    EXPECT_TRUE(read::readBytes("一、总体要求\n", QStringLiteral("plan.txt")).ok());
}

TEST(PdfModuleLookup, AFileThatIsNoModuleIsRefusedWithTheReason) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString fake = dir.filePath(QStringLiteral("libplancompare_pdf.so"));
    QFile f(fake);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("not an ELF file\n");
    f.close();
    const ScopedModuleEnv env(fake);
    const Result<read::ReadResult> r = read::readBytes("%PDF-1.4\n%%EOF\n", QStringLiteral("plan.pdf"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("pdf-module-invalid"));
    EXPECT_TRUE(r.errorMessage().startsWith(QStringLiteral("plan.pdf: ")));
    EXPECT_TRUE(r.errorMessage().contains(fake)) << r.errorMessage().toStdString();
}

TEST(PdfModuleLookup, TheCliLinksNoPdfLibraryAndSaysWhenTheModuleIsMissing) {
    const test::RunResult elf = test::run(QStringLiteral("readelf"), {QStringLiteral("-d"), test::cliBin()});
    ASSERT_EQ(elf.exitCode, 0) << elf.errText().toStdString();
    const QString dyn = elf.outText();
    EXPECT_TRUE(dyn.contains(QStringLiteral("[libQt6Core.so.6]")))
        << dyn.toStdString(); // NEEDED entries read
    EXPECT_FALSE(dyn.contains(QStringLiteral("poppler"))) << dyn.toStdString();
    EXPECT_FALSE(dyn.contains(QStringLiteral("tesseract"))) << dyn.toStdString();
    EXPECT_FALSE(dyn.contains(QStringLiteral("lept"))) << dyn.toStdString();

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString pdf = dir.filePath(QStringLiteral("plan.pdf"));
    QFile f(pdf);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("%PDF-1.4\n%%EOF\n");
    f.close();
    const test::RunResult r =
        test::run(test::cliBin(), {QStringLiteral("targets"), pdf},
                  {QStringLiteral("PLANCOMPARE_PDF_MODULE=/nonexistent/libplancompare_pdf.so")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(pdf + QStringLiteral(": a PDF, but the PDF reader module")))
        << r.errText().toStdString();
}

} // namespace
