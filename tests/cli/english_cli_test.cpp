// plancompare-cli in English: --lang and the locale name jurisdictions, units and indicators in human
// output (compare tables, charts, reports); export --lang adds a label row and name columns; machine
// formats (targets CSV, the export's contract columns) never change with the language.
#include "testpaths.h"

#include "export/csv.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc::test;

namespace {

RunResult cli(const QString& db, QStringList args, const QStringList& env = {}) {
    args.prepend(db);
    args.prepend(QStringLiteral("--db"));
    return run(cliBin(), args, env);
}

QString seededDatabase() {
    static QTemporaryDir dir;
    static QString path;
    if (path.isEmpty()) {
        const QString p = dir.filePath(QStringLiteral("seeded.sqlite"));
        const RunResult r = cli(p, {QStringLiteral("import"), QStringLiteral("--seeds")});
        if (r.exitCode == 0)
            path = p;
    }
    return path;
}

} // namespace

TEST(CliEnglish, CompareTableFollowsLangAndTheLocale) {
    const QString db = seededDatabase();
    ASSERT_FALSE(db.isEmpty());
    const QStringList args{QStringLiteral("compare"), QStringLiteral("--indicator"),
                           QStringLiteral("wa.time")};
    const RunResult en = cli(db, args + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
    ASSERT_EQ(en.exitCode, 0) << en.errText().toStdString();
    EXPECT_TRUE(en.outText().contains(QStringLiteral("Yuzhong District"))) << en.outText().toStdString();
    EXPECT_TRUE(en.outText().contains(QStringLiteral("Chongqing Municipality")));
    EXPECT_TRUE(en.outText().contains(QStringLiteral("<= 8 working days")));
    EXPECT_FALSE(en.outText().contains(QStringLiteral("渝中区")));
    // The quote column stays as the plan writes it.
    EXPECT_TRUE(en.outText().contains(QStringLiteral("用水报装全流程办理时限不超过8个工作日")));

    // The same from the environment, and --lang before the command.
    const RunResult env = cli(db, args, {QStringLiteral("LANG=en_US.UTF-8")});
    ASSERT_EQ(env.exitCode, 0);
    EXPECT_EQ(env.outText(), en.outText());
    const RunResult before =
        run(cliBin(),
            QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), db} + args);
    EXPECT_EQ(before.outText(), en.outText());

    const RunResult zh = cli(db, args);
    ASSERT_EQ(zh.exitCode, 0);
    EXPECT_TRUE(zh.outText().contains(QStringLiteral("渝中区")));
    EXPECT_TRUE(zh.outText().contains(QStringLiteral("<= 8 工作日")));
    const RunResult zhOverEnv = cli(db, args + QStringList{QStringLiteral("--lang"), QStringLiteral("zh")},
                                    {QStringLiteral("LANG=en_US.UTF-8")});
    EXPECT_EQ(zhOverEnv.outText(), zh.outText());

    const RunResult bad = cli(db, args + QStringList{QStringLiteral("--lang"), QStringLiteral("fr")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.errText().contains(QStringLiteral("--lang must be en or zh")))
        << bad.errText().toStdString();
}

TEST(CliEnglish, MachineFormatsDoNotChangeWithTheLocale) {
    const QStringList args{QStringLiteral("targets"), seedPath(QStringLiteral("yuzhong-2023"))};
    const RunResult zh = run(cliBin(), args);
    const RunResult en = run(cliBin(), args, {QStringLiteral("LANG=en_US.UTF-8")});
    ASSERT_EQ(zh.exitCode, 0);
    EXPECT_EQ(en.out, zh.out);
    EXPECT_TRUE(
        zh.outText().startsWith(QStringLiteral("doc,area,indicator,scope,kind,comparator,value,unit")));
    EXPECT_TRUE(zh.outText().contains(QStringLiteral(",工作日,")));
}

TEST(CliEnglish, ExportLangWritesLabelsAndNamesAfterTheContractColumns) {
    const QString db = seededDatabase();
    ASSERT_FALSE(db.isEmpty());
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain.csv"));
    const QString english = dir.filePath(QStringLiteral("en.csv"));
    const QStringList args{QStringLiteral("export"),  QStringLiteral("--format"),
                           QStringLiteral("csv"),     QStringLiteral("--indicator"),
                           QStringLiteral("wa.time"), QStringLiteral("--out")};
    // The locale alone changes nothing in an export.
    ASSERT_EQ(cli(db, args + QStringList{plain}, {QStringLiteral("LANG=en_US.UTF-8")}).exitCode, 0);
    ASSERT_EQ(cli(db, args + QStringList{english, QStringLiteral("--lang"), QStringLiteral("en")}).exitCode,
              0);
    const QList<QStringList> a = pc::csv::parse(QString::fromUtf8(readAll(plain).mid(3)));
    const QList<QStringList> b = pc::csv::parse(QString::fromUtf8(readAll(english).mid(3)));
    ASSERT_GE(a.size(), 7);
    ASSERT_EQ(b.size(), a.size() + 1);
    const qsizetype n = a[0].size();
    EXPECT_EQ(a[0].value(0), QStringLiteral("doc"));
    EXPECT_FALSE(a[0].contains(QStringLiteral("jurisdiction_name")));
    EXPECT_EQ(b[0].mid(0, n), a[0]);
    const qsizetype name = b[0].indexOf(QStringLiteral("jurisdiction_name"));
    const qsizetype indicator = b[0].indexOf(QStringLiteral("indicator_name"));
    const qsizetype unit = b[0].indexOf(QStringLiteral("unit_name"));
    ASSERT_GE(name, n);
    ASSERT_GE(indicator, n);
    EXPECT_EQ(b[1].value(b[0].indexOf(QStringLiteral("doc_number"))), QStringLiteral("Doc number"));
    QStringList jurisdictions;
    for (int r = 1; r < a.size(); ++r) {
        EXPECT_EQ(b[r + 1].mid(0, n), a[r]);
        EXPECT_EQ(b[r + 1].value(indicator), QStringLiteral("Water connection time"));
        EXPECT_EQ(b[r + 1].value(unit), QStringLiteral("working days"));
        jurisdictions << b[r + 1].value(name);
    }
    EXPECT_TRUE(jurisdictions.contains(QStringLiteral("Yuzhong District")))
        << jurisdictions.join(u',').toStdString();
    EXPECT_EQ(jurisdictions.first(), QStringLiteral("Chongqing Municipality"));
}

TEST(CliEnglish, ChartAndReportInEnglish) {
    const QString db = seededDatabase();
    ASSERT_FALSE(db.isEmpty());
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("c.svg"));
    const RunResult chart =
        cli(db, {QStringLiteral("chart"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                 QStringLiteral("--out"), svg, QStringLiteral("--lang"), QStringLiteral("en")});
    ASSERT_EQ(chart.exitCode, 0) << chart.errText().toStdString();
    const QString svgText = QString::fromUtf8(readAll(svg));
    EXPECT_TRUE(svgText.contains(QStringLiteral("<title>Water connection time</title>")));
    EXPECT_TRUE(svgText.contains(QStringLiteral("Sources: Chongqing Municipality")));

    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    const RunResult report = cli(db,
                                 {QStringLiteral("report"), QStringLiteral("--indicator"),
                                  QStringLiteral("wa.time"), QStringLiteral("--out"), pdf},
                                 {QStringLiteral("LANG=en_GB.UTF-8")});
    ASSERT_EQ(report.exitCode, 0) << report.errText().toStdString();
    const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).outText();
    EXPECT_TRUE(text.contains(QStringLiteral("Indicator report: Water connection time")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Yuzhong District")));
    EXPECT_TRUE(text.contains(QStringLiteral("working days")));
    // The figures themselves, from the HTML (pdftotext drops digits that Qt's PDF text layer maps poorly).
    const QString html = dir.filePath(QStringLiteral("r.html"));
    ASSERT_EQ(cli(db,
                  {QStringLiteral("report"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                   QStringLiteral("--out"), html},
                  {QStringLiteral("LANG=en_GB.UTF-8")})
                  .exitCode,
              0);
    const QString htmlText = QString::fromUtf8(readAll(html));
    EXPECT_TRUE(htmlText.contains(QStringLiteral("<td>≤ 8 working days</td>")))
        << htmlText.left(3000).toStdString();
    EXPECT_TRUE(htmlText.contains(QStringLiteral("<td>Yuzhong District</td>")));
    EXPECT_TRUE(htmlText.contains(QStringLiteral("<td>渝中府办〔2023〕32号</td>"))); // 文号 as written
}
