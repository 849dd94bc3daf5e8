// plancompare-cli loads no GUI library: chart and report are listed in --help and handed to
// plancompare-cli-render; every other command starts without Qt Widgets, Gui or Charts.
#include "testpaths.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace pc;

namespace {

// The shared objects the dynamic linker loaded for a run (LD_DEBUG=libs, "calling init: PATH" lines).
QStringList loadedLibraries(const test::RunResult& r) {
    static const QRegularExpression init(QStringLiteral("calling init: (\\S+)"));
    QStringList libs;
    for (auto it = init.globalMatch(r.errText()); it.hasNext();)
        libs << it.next().captured(1);
    return libs;
}

bool anyContains(const QStringList& libs, const QString& name) {
    for (const QString& l : libs)
        if (l.contains(name))
            return true;
    return false;
}

} // namespace

TEST(RenderCli, TargetsLoadsNoGuiLibrary) {
    const test::RunResult r =
        test::run(test::cliBin(), {QStringLiteral("targets"), test::seedPath(QStringLiteral("dazu-2019"))},
                  {QStringLiteral("LD_DEBUG=libs")});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    EXPECT_GT(r.outText().count(QLatin1Char('\n')), 10); // the targets themselves
    const QStringList libs = loadedLibraries(r);
    ASSERT_TRUE(anyContains(libs, QStringLiteral("libQt6Core.so"))) << r.errText().left(2000).toStdString();
    EXPECT_FALSE(anyContains(libs, QStringLiteral("libQt6Widgets.so")));
    EXPECT_FALSE(anyContains(libs, QStringLiteral("libQt6Gui.so")));
    EXPECT_FALSE(anyContains(libs, QStringLiteral("libQt6Charts.so")));
}

TEST(RenderCli, HelpListsTheCommandsThatDraw) {
    const test::RunResult r = test::run(test::cliBin(), {QStringLiteral("--help")});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.outText().contains(QStringLiteral("\n  chart --indicator ID --out FILE.png|.svg|.pdf")));
    EXPECT_TRUE(
        r.outText().contains(QStringLiteral("\n  report (--indicator ID | --area ID) --out FILE.pdf|.html")));
    const test::RunResult usage =
        test::run(test::cliBin(), {QStringLiteral("chart"), QStringLiteral("--help")});
    EXPECT_EQ(usage.exitCode, 0);
    EXPECT_TRUE(usage.outText().startsWith(QStringLiteral("usage: plancompare-cli chart --indicator ID")));
}
