// The executables' basic contract: version, help, usage errors, screenshot, bad data folders.
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc::test;

TEST(Cli, VersionComesFromTheProject) {
    const RunResult r = run(cliBin(), {QStringLiteral("--version")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.outText(), QStringLiteral("plancompare-cli " PLANCOMPARE_VERSION "\n"));
}

TEST(Cli, HelpListsCommandsAndExitCodes) {
    const RunResult r = run(cliBin(), {QStringLiteral("--help")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.outText().contains(QStringLiteral("Usage: plancompare-cli")));
    EXPECT_TRUE(r.outText().contains(QStringLiteral("seeds")));
    EXPECT_TRUE(r.outText().contains(QStringLiteral("2 usage error")));
}

TEST(Cli, UnknownCommandIsAUsageError) {
    const RunResult r = run(cliBin(), {QStringLiteral("frobnicate")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("unknown command 'frobnicate'")));
}

TEST(Cli, SeedsListsTheShippedPlans) {
    const RunResult r = run(cliBin(), {QStringLiteral("seeds")});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QStringList lines = r.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 5);
    EXPECT_TRUE(lines.at(0).startsWith(QStringLiteral("chongqing-2019\t重庆市\tmunicipal\t2019")));
}

TEST(Cli, MissingSeedsFolderIsExplained) {
    QTemporaryDir empty;
    const RunResult r = run(cliBin(), {QStringLiteral("seeds"), QStringLiteral("--dir"), empty.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(empty.path() + QStringLiteral("/manifest.json")));
}

TEST(Gui, VersionComesFromTheProject) {
    const RunResult r =
        run(guiBin(), {QStringLiteral("--version")}, {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.outText().contains(QStringLiteral(PLANCOMPARE_VERSION)));
}

// No display at all (a server, an SSH session): version and help still answer, the window does not abort.
const QStringList kNoDisplay{QStringLiteral("QT_QPA_PLATFORM="), QStringLiteral("DISPLAY="),
                             QStringLiteral("WAYLAND_DISPLAY=")};

TEST(Gui, VersionAndHelpNeedNoDisplay) {
    const RunResult v = run(guiBin(), {QStringLiteral("--version")}, kNoDisplay);
    EXPECT_EQ(v.exitCode, 0) << v.errText().toStdString();
    EXPECT_EQ(v.outText().trimmed(), QStringLiteral("plancompare " PLANCOMPARE_VERSION));
    const RunResult h = run(guiBin(), {QStringLiteral("--help")}, kNoDisplay);
    EXPECT_EQ(h.exitCode, 0) << h.errText().toStdString();
    EXPECT_TRUE(h.outText().contains(QStringLiteral("--screenshot <FILE>")));
    EXPECT_TRUE(h.outText().contains(QStringLiteral("--indicator <ID>")));
}

TEST(Gui, NoDisplayIsExplainedNotAborted) {
    const RunResult r = run(guiBin(), {}, kNoDisplay);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("no display"))) << r.errText().toStdString();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("--screenshot")));
}

TEST(Gui, ScreenshotWritesAWindowSizedPng) {
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    const RunResult r = run(guiBin(),
                            {QStringLiteral("--screenshot"), png, QStringLiteral("--db"),
                             dir.filePath(QStringLiteral("db.sqlite"))},
                            {QStringLiteral("XDG_DATA_HOME=") + dir.path()});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QImage img(png);
    ASSERT_FALSE(img.isNull());
    EXPECT_GE(img.width(), 1000);
    EXPECT_GE(img.height(), 600);
    // Not a blank image: a real window has many distinct colours (text, frames, header).
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 4)
        for (int x = 0; x < img.width(); x += 4)
            colours.insert(img.pixel(x, y));
    EXPECT_GT(colours.size(), 8);
}

TEST(Gui, UnwritableDataDirectoryFailsWithMessage) {
    QTemporaryDir dir;
    const RunResult r = run(guiBin(),
                            {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")),
                             QStringLiteral("--db"), QStringLiteral("/proc/nowhere/db.sqlite")},
                            {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("/proc/nowhere")));
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("x.png"))));
}

TEST(Gui, MissingSeedsFailsWithMessage) {
    QTemporaryDir dir;
    // Point the data search at an empty folder and copy the binary away from the source tree is not
    // possible here; instead an empty PLANCOMPARE_DATA_DIR with a broken manifest must be reported.
    QDir(dir.path()).mkpath(QStringLiteral("seeds"));
    QFile f(dir.filePath(QStringLiteral("seeds/manifest.json")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("not json");
    f.close();
    const RunResult r = run(
        guiBin(),
        {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")), QStringLiteral("--db"),
         dir.filePath(QStringLiteral("db.sqlite"))},
        {QStringLiteral("QT_QPA_PLATFORM=offscreen"), QStringLiteral("PLANCOMPARE_DATA_DIR=") + dir.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(dir.filePath(QStringLiteral("seeds/manifest.json"))));
}
