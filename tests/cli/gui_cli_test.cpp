// plancompare --screenshot and plancompare-cli chart/report as subprocesses, on a database the GUI
// builds from the seeds at its first start.
#include "testpaths.h"

#include <QDomDocument>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;

namespace {

class GuiCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = new QTemporaryDir;
        db = dir->filePath(QStringLiteral("gui.sqlite"));
        // First start without a database: the GUI builds it from the seeds, then renders the matrix.
        const test::RunResult r =
            test::run(test::guiBin(),
                      {QStringLiteral("--screenshot"), dir->filePath(QStringLiteral("matrix.png")),
                       QStringLiteral("--view"), QStringLiteral("matrix"), QStringLiteral("--db"), db},
                      {QStringLiteral("XDG_CONFIG_HOME=") + dir->path()});
        ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    }
    static void TearDownTestSuite() { delete dir; }
    static test::RunResult cli(const QStringList& args) {
        return test::run(test::cliBin(), QStringList{QStringLiteral("--db"), db} + args);
    }
    static QTemporaryDir* dir;
    static QString db;
};
QTemporaryDir* GuiCli::dir = nullptr;
QString GuiCli::db;

} // namespace

TEST_F(GuiCli, ScreenshotOfEveryViewIsAPng) {
    EXPECT_EQ(QImage(dir->filePath(QStringLiteral("matrix.png"))).size(), QSize(1440, 900));
    for (const QString& view : {QStringLiteral("compare"), QStringLiteral("chart"),
                                QStringLiteral("measures"), QStringLiteral("reader")}) {
        const QString png = dir->filePath(view + QStringLiteral(".png"));
        const test::RunResult r =
            test::run(test::guiBin(),
                      {QStringLiteral("--screenshot"), png, QStringLiteral("--view"), view,
                       QStringLiteral("--indicator"), QStringLiteral("wa.time"), QStringLiteral("--db"), db});
        ASSERT_EQ(r.exitCode, 0) << view.toStdString() << ": " << r.errText().toStdString();
        EXPECT_TRUE(test::readAll(png).startsWith("\x89PNG")) << view.toStdString();
    }
    const test::RunResult bad = test::run(
        test::guiBin(), {QStringLiteral("--screenshot"), dir->filePath(QStringLiteral("x.png")),
                         QStringLiteral("--view"), QStringLiteral("nope"), QStringLiteral("--db"), db});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.errText().contains(QStringLiteral("unknown view 'nope'")));
}

TEST_F(GuiCli, ChartCommandWritesPngSvgAndPdf) {
    const QString png = dir->filePath(QStringLiteral("wa.png"));
    test::RunResult r = cli({QStringLiteral("chart"), QStringLiteral("--indicator"),
                             QStringLiteral("wa.time"), QStringLiteral("--out"), png,
                             QStringLiteral("--width"), QStringLiteral("600"), QStringLiteral("--height"),
                             QStringLiteral("400"), QStringLiteral("--dpi"), QStringLiteral("192")});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(1200, 800));

    const QString svg = dir->filePath(QStringLiteral("wa.svg"));
    r = cli({QStringLiteral("chart"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
             QStringLiteral("--out"), svg});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    QDomDocument dom;
    ASSERT_TRUE(dom.setContent(test::readAll(svg)));
    EXPECT_EQ(dom.documentElement().elementsByTagName(QStringLiteral("title")).at(0).toElement().text(),
              QStringLiteral("用水报装时限"));

    const QString pdf = dir->filePath(QStringLiteral("wa.pdf"));
    r = cli({QStringLiteral("chart"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
             QStringLiteral("--out"), pdf});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    EXPECT_TRUE(test::readAll(pdf).startsWith("%PDF-"));
    EXPECT_TRUE(test::run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")})
                    .outText()
                    .contains(QStringLiteral("渝中区")));

    EXPECT_EQ(cli({QStringLiteral("chart"), QStringLiteral("--indicator"), QStringLiteral("xx.none"),
                   QStringLiteral("--out"), png})
                  .exitCode,
              1);
    EXPECT_EQ(cli({QStringLiteral("chart"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                   QStringLiteral("--out"), dir->filePath(QStringLiteral("a.gif"))})
                  .exitCode,
              2);
    EXPECT_EQ(cli({QStringLiteral("chart"), QStringLiteral("--out"), png}).exitCode, 2);
}

TEST_F(GuiCli, ReportCommandWritesPdfAndHtml) {
    const QString pdf = dir->filePath(QStringLiteral("water.pdf"));
    test::RunResult r = cli({QStringLiteral("report"), QStringLiteral("--area"), QStringLiteral("water"),
                             QStringLiteral("--out"), pdf});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QString text = test::run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).outText();
    EXPECT_TRUE(text.contains(QStringLiteral("领域报告：获得用水")));
    EXPECT_TRUE(text.contains(QStringLiteral("用水报装时限")));
    EXPECT_GE(text.count(QLatin1Char('\f')), 2); // cover + at least one indicator page

    const QString html = dir->filePath(QStringLiteral("wa.html"));
    r = cli({QStringLiteral("report"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
             QStringLiteral("--out"), html});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QString h = QString::fromUtf8(test::readAll(html));
    EXPECT_TRUE(h.contains(QStringLiteral("渝中府办〔2023〕32号")));
    EXPECT_TRUE(h.contains(QStringLiteral("data:image/png;base64,")));

    EXPECT_EQ(cli({QStringLiteral("report"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                   QStringLiteral("--area"), QStringLiteral("water"), QStringLiteral("--out"), html})
                  .exitCode,
              2);
    EXPECT_EQ(test::run(test::cliBin(), {QStringLiteral("--db"), dir->filePath(QStringLiteral("none.sqlite")),
                                         QStringLiteral("report"), QStringLiteral("--indicator"),
                                         QStringLiteral("wa.time"), QStringLiteral("--out"), html})
                  .exitCode,
              1);
}

TEST_F(GuiCli, EnglishInterfaceLoads) {
    const QString png = dir->filePath(QStringLiteral("en.png"));
    const test::RunResult r =
        test::run(test::guiBin(), {QStringLiteral("--screenshot"), png, QStringLiteral("--lang"),
                                   QStringLiteral("en"), QStringLiteral("--db"), db});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_FALSE(r.errText().contains(QStringLiteral("no translation")));
}
