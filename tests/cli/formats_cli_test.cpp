// The CLI on DOCX and HTML files (made at test time from a seed): same targets as the text, same
// contract; unreadable formats exit 1 with a message naming the file.
#include "../core/read/docxfixtures.h"
#include "testpaths.h"

#include "export/csv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

// Targets without the doc column and offsets (the text differs in layout, not in content).
QStringList targetsOf(const QString& file) {
    const test::RunResult r = test::run(test::cliBin(), {QStringLiteral("targets"), file});
    EXPECT_EQ(r.exitCode, 0) << r.errText().toStdString();
    QStringList out;
    const QList<QStringList> rows = csv::parse(r.outText());
    for (const QStringList& row : rows.mid(1))
        out << row.mid(1, 10).join(QLatin1Char('|'));
    return out;
}

} // namespace

TEST(FormatsCli, DocxAndHtmlGiveTheTextsTargets) {
    QTemporaryDir dir;
    const QString seed = test::readSeed(QStringLiteral("jiangjin-2021"));
    const QString docx = write(dir, QStringLiteral("jiangjin-2021.docx"), fixtures::textToDocx(seed));
    // Named .txt but HTML inside: the content decides.
    const QString html = write(dir, QStringLiteral("jiangjin-2021.txt"), fixtures::textToHtml(seed, true));
    const QStringList expected = targetsOf(test::seedPath(QStringLiteral("jiangjin-2021")));
    ASSERT_GT(expected.size(), 10);
    EXPECT_EQ(targetsOf(docx), expected);
    EXPECT_EQ(targetsOf(html), expected);

    const test::RunResult measures = test::run(test::cliBin(), {QStringLiteral("measures"), docx});
    const test::RunResult textMeasures = test::run(
        test::cliBin(), {QStringLiteral("measures"), test::seedPath(QStringLiteral("jiangjin-2021"))});
    ASSERT_EQ(measures.exitCode, 0) << measures.errText().toStdString();
    EXPECT_EQ(csv::parse(measures.outText()).size(), csv::parse(textMeasures.outText()).size());

    // parse says which reader read the file.
    const test::RunResult parsed = test::run(
        test::cliBin(), {QStringLiteral("parse"), docx, QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(parsed.exitCode, 0) << parsed.errText().toStdString();
    const QJsonObject doc = QJsonDocument::fromJson(parsed.out).object();
    EXPECT_EQ(doc[QStringLiteral("format")].toString(), QStringLiteral("docx"));
    EXPECT_TRUE(doc[QStringLiteral("pageStarts")].toArray().isEmpty());
    const test::RunResult parsedHtml = test::run(
        test::cliBin(), {QStringLiteral("parse"), html, QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonObject htmlDoc = QJsonDocument::fromJson(parsedHtml.out).object();
    EXPECT_EQ(htmlDoc[QStringLiteral("format")].toString(), QStringLiteral("html"));
    EXPECT_EQ(htmlDoc[QStringLiteral("encoding")].toString(), QStringLiteral("GB18030"));

    // import stores it (and says so), a second import is a no-op.
    const QString db = dir.filePath(QStringLiteral("plans.sqlite"));
    const test::RunResult first =
        test::run(test::cliBin(), {QStringLiteral("--db"), db, QStringLiteral("import"), docx});
    ASSERT_EQ(first.exitCode, 0) << first.errText().toStdString();
    EXPECT_TRUE(first.outText().contains(QStringLiteral("imported"))) << first.outText().toStdString();
    const test::RunResult again =
        test::run(test::cliBin(), {QStringLiteral("--db"), db, QStringLiteral("import"), docx});
    ASSERT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.outText().contains(QStringLiteral("unchanged"))) << again.outText().toStdString();
}

TEST(FormatsCli, UnreadableFormatsExitOneNamingTheFile) {
    QTemporaryDir dir;
    QByteArray ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    ole += QByteArray(504, '\0');
    for (const char c : QByteArray("WordDocument")) {
        ole += c;
        ole += '\0';
    }
    const QString doc = write(dir, QStringLiteral("plan.doc"), ole);
    const QString zip =
        write(dir, QStringLiteral("broken.docx"), QByteArray("PK\x03\x04", 4) + QByteArray(200, 'z'));
    const QString page = write(dir, QStringLiteral("index.html"),
                               "<html><body><ul class=nav><li><a href=/>Home</a></li></ul></body></html>");
    for (const QString& command :
         {QStringLiteral("targets"), QStringLiteral("measures"), QStringLiteral("parse")}) {
        for (const QString& file : {doc, zip, page}) {
            SCOPED_TRACE(QString(command + QLatin1Char(' ') + file).toStdString());
            const test::RunResult r = test::run(test::cliBin(), {command, file});
            EXPECT_EQ(r.exitCode, 1);
            EXPECT_TRUE(r.errText().contains(file + QStringLiteral(": "))) << r.errText().toStdString();
        }
    }
    const test::RunResult d = test::run(test::cliBin(), {QStringLiteral("targets"), doc});
    EXPECT_TRUE(d.errText().contains(QStringLiteral("soffice --headless --convert-to docx")))
        << d.errText().toStdString();
    const QString db = dir.filePath(QStringLiteral("plans.sqlite"));
    const test::RunResult imp =
        test::run(test::cliBin(), {QStringLiteral("--db"), db, QStringLiteral("import"), zip});
    EXPECT_EQ(imp.exitCode, 1);
    const QString said = imp.outText() + imp.errText();
    EXPECT_TRUE(said.contains(zip + QStringLiteral(": the file is a damaged zip archive")))
        << said.toStdString();
    const test::RunResult info =
        test::run(test::cliBin(), {QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("info")});
    ASSERT_EQ(info.exitCode, 0) << info.errText().toStdString();
    EXPECT_TRUE(info.outText().contains(QStringLiteral("documents\t0\n"))) << info.outText().toStdString();
}
