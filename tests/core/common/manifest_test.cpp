// The seeds manifest: the shipped one is complete, and bad manifests give messages naming the file.
#include "common/datapaths.h"
#include "common/manifest.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;

TEST(Manifest, ShippedManifestListsTheFivePlans)
{
    const Result<Manifest> m = readManifest(test::seedsDir());
    ASSERT_TRUE(m.ok()) << m.errorMessage().toStdString();
    ASSERT_EQ(m->entries.size(), 5);
    const ManifestEntry* yz = m->find(QStringLiteral("yuzhong-2023"));
    ASSERT_NE(yz, nullptr);
    EXPECT_EQ(yz->jurisdiction, QStringLiteral("渝中区"));
    EXPECT_EQ(yz->docNumber, QStringLiteral("渝中府办〔2023〕32号"));
    EXPECT_EQ(yz->issuedOn, QStringLiteral("2023-06-28"));
    EXPECT_EQ(yz->level, QStringLiteral("district"));
    const ManifestEntry* cq = m->find(QStringLiteral("chongqing-2019"));
    ASSERT_NE(cq, nullptr);
    EXPECT_EQ(cq->level, QStringLiteral("municipal"));
    EXPECT_EQ(cq->year, 2019);
}

TEST(Manifest, SeedsAreTheReceivedBytes)
{
    // Byte-exact copies: sizes and a hash of one file pin them.
    EXPECT_EQ(test::readAll(test::seedPath(QStringLiteral("chongqing-2019"))).size(), 62853);
    EXPECT_EQ(test::readAll(test::seedPath(QStringLiteral("dazu-2019"))).size(), 53139);
    EXPECT_EQ(test::readAll(test::seedPath(QStringLiteral("jiangjin-2021"))).size(), 26965);
    EXPECT_EQ(test::readAll(test::seedPath(QStringLiteral("wulong-2022"))).size(), 48397);
    EXPECT_EQ(test::readAll(test::seedPath(QStringLiteral("yuzhong-2023"))).size(), 23647);
}

TEST(Manifest, MissingManifestNamesThePath)
{
    QTemporaryDir dir;
    const Result<Manifest> m = readManifest(dir.path());
    ASSERT_FALSE(m.ok());
    EXPECT_TRUE(m.errorMessage().contains(dir.path() + QStringLiteral("/manifest.json")));
    EXPECT_TRUE(m.errorMessage().contains(QStringLiteral("not found")));
}

TEST(Manifest, MalformedJsonIsReportedWithOffset)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("manifest.json")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\"plans\": [ {\"id\": ");
    f.close();
    const Result<Manifest> m = readManifest(dir.path());
    ASSERT_FALSE(m.ok());
    EXPECT_TRUE(m.errorMessage().contains(QStringLiteral("not valid JSON")));
    EXPECT_EQ(m.error().code, QStringLiteral("bad-manifest"));
}

TEST(Manifest, EntryPointingAtMissingFileIsRejected)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("manifest.json")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"plans": [{"id": "x-2020", "file": "x-2020.txt", "level": "district"}]})");
    f.close();
    const Result<Manifest> m = readManifest(dir.path());
    ASSERT_FALSE(m.ok());
    EXPECT_TRUE(m.errorMessage().contains(QStringLiteral("x-2020.txt is missing"))) << m.errorMessage().toStdString();
}

TEST(DataPaths, FindsSeedsFromTheSourceTree)
{
    const Result<QString> d = findSeedsDir();
    ASSERT_TRUE(d.ok()) << d.errorMessage().toStdString();
    EXPECT_TRUE(QFile::exists(d.value() + QStringLiteral("/manifest.json")));
}

TEST(DataPaths, UnwritableDirectoryIsReported)
{
    if (QFileInfo(QStringLiteral("/proc/1")).isWritable())
        GTEST_FAIL() << "cannot construct an unwritable directory here";
    const Status s = ensureWritableParent(QStringLiteral("/proc/plancompare-test/db.sqlite"));
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.errorMessage().contains(QStringLiteral("/proc/plancompare-test")));
}

TEST(Manifest, EntryBesideAFile)
{
    const std::optional<ManifestEntry> dz = manifestEntryBeside(test::seedPath(QStringLiteral("dazu-2019")));
    ASSERT_TRUE(dz.has_value());
    EXPECT_EQ(dz->jurisdiction, QStringLiteral("大足区"));
    EXPECT_EQ(dz->year, 2019);
    // A file with no manifest beside it, or one the manifest does not list, has no entry.
    QTemporaryDir dir;
    const QString loose = dir.filePath(QStringLiteral("plan.txt"));
    QFile f(loose);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("1. 测试。");
    f.close();
    EXPECT_FALSE(manifestEntryBeside(loose).has_value());
    EXPECT_FALSE(manifestEntryBeside(test::seedsDir() + QStringLiteral("/not-listed.txt")).has_value());
}
