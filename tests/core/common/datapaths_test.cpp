// Where shipped data is looked for: the environment override, the install prefix next to the
// executable, the source-tree fallback that PLANCOMPARE_NO_SOURCE_TREE turns off, the database.
#include "common/datapaths.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <optional>

using namespace pc;

namespace {

// Sets (or unsets, with nullopt) an environment variable for one test and restores it after.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<QByteArray> value)
        : name_(name)
        , had_(qEnvironmentVariableIsSet(name))
        , old_(qgetenv(name)) {
        if (value)
            qputenv(name, *value);
        else
            qunsetenv(name);
    }
    ~ScopedEnv() {
        if (had_)
            qputenv(name_, old_);
        else
            qunsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    bool had_;
    QByteArray old_;
};

QString sourceTree() {
    return QDir::cleanPath(test::seedsDir() + QStringLiteral("/.."));
}
QString prefixRoot() {
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/plancompare"));
}

} // namespace

TEST(DataPaths, SearchOrderIsPrefixThenSourceTree) {
    ScopedEnv noData("PLANCOMPARE_DATA_DIR", std::nullopt);
    ScopedEnv noFlag("PLANCOMPARE_NO_SOURCE_TREE", std::nullopt);
    const QStringList roots = dataRoots();
    ASSERT_EQ(roots.size(), 3);
    EXPECT_EQ(QDir::cleanPath(roots.at(0)), prefixRoot());
    EXPECT_EQ(roots.at(1), sourceTree());
    EXPECT_EQ(roots.at(2), sourceTree() + QStringLiteral("/resources"));
}

TEST(DataPaths, DataDirVariableIsSearchedFirst) {
    QTemporaryDir dir;
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("seeds")));
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("taxonomy")));
    ScopedEnv data("PLANCOMPARE_DATA_DIR", dir.path().toLocal8Bit());
    EXPECT_EQ(dataRoots().first(), dir.path());
    const Result<QString> seeds = findSeedsDir();
    ASSERT_TRUE(seeds.ok()) << seeds.errorMessage().toStdString();
    EXPECT_EQ(seeds.value(), dir.path() + QStringLiteral("/seeds"));
    const Result<QString> taxonomy = findDataDir(QStringLiteral("taxonomy"));
    ASSERT_TRUE(taxonomy.ok());
    EXPECT_EQ(taxonomy.value(), dir.path() + QStringLiteral("/taxonomy"));
}

TEST(DataPaths, SourceTreeFallbackFindsTheSeedsOfABuildTree) {
    ScopedEnv noData("PLANCOMPARE_DATA_DIR", std::nullopt);
    ScopedEnv flagZero("PLANCOMPARE_NO_SOURCE_TREE", QByteArray("0"));
    const Result<QString> seeds = findSeedsDir();
    ASSERT_TRUE(seeds.ok()) << seeds.errorMessage().toStdString();
    EXPECT_EQ(seeds.value(), test::seedsDir());
}

TEST(DataPaths, NoSourceTreeLeavesOnlyThePrefix) {
    ScopedEnv noData("PLANCOMPARE_DATA_DIR", std::nullopt);
    ScopedEnv flag("PLANCOMPARE_NO_SOURCE_TREE", QByteArray("1"));
    EXPECT_EQ(dataRoots(), QStringList{prefixRoot()});
    // The test binary is not installed, so there is no share/plancompare beside it.
    const Result<QString> seeds = findSeedsDir();
    ASSERT_FALSE(seeds.ok());
    EXPECT_EQ(seeds.error().code, QStringLiteral("seeds-missing"));
    EXPECT_TRUE(seeds.errorMessage().contains(prefixRoot() + QStringLiteral("/seeds")));
    EXPECT_FALSE(seeds.errorMessage().contains(test::seedsDir()));
    const Result<QString> taxonomy = findDataDir(QStringLiteral("taxonomy"));
    ASSERT_FALSE(taxonomy.ok());
    EXPECT_TRUE(taxonomy.errorMessage().startsWith(QStringLiteral("taxonomy folder not found; looked in: ") +
                                                   prefixRoot() + QStringLiteral("/taxonomy.")));
}

TEST(DataPaths, DefaultDatabaseLivesInThePlancompareDataFolder) {
    QTemporaryDir home;
    ScopedEnv xdg("XDG_DATA_HOME", home.path().toLocal8Bit());
    EXPECT_EQ(defaultDatabasePath(), home.path() + QStringLiteral("/plancompare/plancompare.sqlite"));
}
