// Plan metadata and plan sets from the command line: plans (jurisdiction codes, kinds, the plan each
// implements), corrections, named sets, --latest/--year/--all/--set on compare and export, the
// diffusion export table, and the charts that scale.
#include "testpaths.h"

#include "export/csv.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc::test;

namespace {

RunResult cli(const QString& db, QStringList args) {
    args.prepend(db);
    args.prepend(QStringLiteral("--db"));
    return run(cliBin(), args);
}

QString seeded(const QTemporaryDir& dir) {
    const QString db = dir.filePath(QStringLiteral("plans.sqlite"));
    const RunResult r = cli(db, {QStringLiteral("import"), QStringLiteral("--seeds")});
    EXPECT_EQ(r.exitCode, 0) << r.err.constData();
    return db;
}

QList<QStringList> csvRows(const QByteArray& bytes) {
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return pc::csv::parse(text);
}

QStringList column(const QList<QStringList>& rows, const QString& name) {
    QStringList out;
    if (rows.isEmpty())
        return out;
    const qsizetype at = rows.first().indexOf(name);
    for (qsizetype i = 1; i < rows.size(); ++i)
        out << rows[i].value(at);
    return out;
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(PlanSetsCli, PlansListCodesKindsAndImplementedPlansAndACorrectionSticks) {
    QTemporaryDir dir;
    const QString db = seeded(dir);
    RunResult r = cli(db, {QStringLiteral("plans"), QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    QList<QStringList> rows = csvRows(r.out);
    ASSERT_EQ(rows.size(), 6);
    EXPECT_EQ(rows[0].mid(0, 8),
              (QStringList{QStringLiteral("doc"), QStringLiteral("jurisdiction"), QStringLiteral("code"),
                           QStringLiteral("level"), QStringLiteral("year"), QStringLiteral("kind"),
                           QStringLiteral("doc_number"), QStringLiteral("implements")}));
    const QStringList docs = column(rows, QStringLiteral("doc"));
    const QStringList codes = column(rows, QStringLiteral("code"));
    const QStringList implements = column(rows, QStringLiteral("implements"));
    const qsizetype dazu = docs.indexOf(QStringLiteral("dazu-2019"));
    ASSERT_GE(dazu, 0);
    EXPECT_EQ(codes[dazu], QStringLiteral("500111"));
    EXPECT_EQ(implements[dazu], QStringLiteral("渝府办发〔2019〕81号"));
    EXPECT_EQ(codes[docs.indexOf(QStringLiteral("chongqing-2019"))], QStringLiteral("500000"));
    EXPECT_EQ(column(rows, QStringLiteral("kind")).count(QStringLiteral("comprehensive")), 5);

    r = cli(db, {QStringLiteral("plans"), QStringLiteral("correct"), QStringLiteral("dazu-2019"),
                 QStringLiteral("year"), QStringLiteral("2020")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    r = cli(db, {QStringLiteral("plans"), QStringLiteral("--year"), QStringLiteral("2020"),
                 QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    EXPECT_EQ(column(csvRows(r.out), QStringLiteral("doc")), QStringList{QStringLiteral("dazu-2019")});

    r = cli(db, {QStringLiteral("plans"), QStringLiteral("correct"), QStringLiteral("dazu-2019"),
                 QStringLiteral("year"), QStringLiteral("soon")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("soon"))) << r.err.constData();
}

TEST(PlanSetsCli, CompareAndExportFollowTheSetAndBadSelectionsAreUsageErrors) {
    QTemporaryDir dir;
    const QString db = seeded(dir);
    RunResult r = cli(db, {QStringLiteral("sets"), QStringLiteral("save"), QStringLiteral("足渝"),
                           QStringLiteral("dazu-2019"), QStringLiteral("yuzhong-2023")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    r = cli(db, {QStringLiteral("sets")});
    EXPECT_EQ(r.outText(), QStringLiteral("足渝\t2\n"));

    r = cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                 QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--set"),
                 QStringLiteral("足渝")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    QStringList docs = column(csvRows(r.out), QStringLiteral("doc"));
    docs.removeDuplicates();
    EXPECT_EQ(docs, (QStringList{QStringLiteral("dazu-2019"), QStringLiteral("yuzhong-2023")}));

    r = cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                 QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--year"),
                 QStringLiteral("2019")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    docs = column(csvRows(r.out), QStringLiteral("doc"));
    docs.removeDuplicates();
    EXPECT_EQ(docs, (QStringList{QStringLiteral("chongqing-2019"), QStringLiteral("dazu-2019")}));

    const QString out = dir.filePath(QStringLiteral("targets.csv"));
    r = cli(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                 QStringLiteral("--out"), out, QStringLiteral("--set"), QStringLiteral("足渝")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    docs = column(csvRows(fileBytes(out)), QStringLiteral("doc"));
    docs.removeDuplicates();
    EXPECT_EQ(docs, (QStringList{QStringLiteral("dazu-2019"), QStringLiteral("yuzhong-2023")}));

    r = cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                 QStringLiteral("--set"), QStringLiteral("无此集合")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("无此集合"))) << r.err.constData();
    r = cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                 QStringLiteral("--year"), QStringLiteral("2019"), QStringLiteral("--all")});
    EXPECT_EQ(r.exitCode, 2);
    r = cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                 QStringLiteral("--year"), QStringLiteral("last")});
    EXPECT_EQ(r.exitCode, 2);
}

TEST(PlanSetsCli, DiffusionTableAlignsEachDistrictWithThePlanItImplements) {
    QTemporaryDir dir;
    const QString db = seeded(dir);
    const QString out = dir.filePath(QStringLiteral("diffusion.csv"));
    RunResult r =
        cli(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                 QStringLiteral("--table"), QStringLiteral("diffusion"), QStringLiteral("--out"), out});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    const QList<QStringList> rows = csvRows(fileBytes(out));
    ASSERT_GT(rows.size(), 80);
    EXPECT_EQ(rows[0].mid(0, 6),
              (QStringList{QStringLiteral("doc"), QStringLiteral("measure_no"), QStringLiteral("against_doc"),
                           QStringLiteral("against_measure_no"), QStringLiteral("similarity"),
                           QStringLiteral("relation")}));
    // 大足 has 80 measures, every one against the municipal plan it names by 文号.
    int dazu = 0;
    for (const QStringList& row : rows)
        if (row.value(0) == QLatin1String("dazu-2019")) {
            ++dazu;
            EXPECT_EQ(row.value(2), QStringLiteral("chongqing-2019"));
            EXPECT_TRUE(
                QStringList({QStringLiteral("adopted"), QStringLiteral("adapted"), QStringLiteral("new")})
                    .contains(row.value(5)));
        }
    EXPECT_EQ(dazu, 80);
    EXPECT_TRUE(column(rows, QStringLiteral("relation")).contains(QStringLiteral("not_taken_up")));
    // The municipal plan is not aligned with itself.
    EXPECT_FALSE(column(rows, QStringLiteral("doc")).contains(QStringLiteral("chongqing-2019")));
}

TEST(PlanSetsCli, ScaleChartsWriteSvgWithTheJurisdictionsAndTheMunicipalReference) {
    QTemporaryDir dir;
    const QString db = seeded(dir);
    for (const char* kind : {"bars", "distribution", "trend"}) {
        SCOPED_TRACE(kind);
        const QString out = dir.filePath(QString::fromLatin1(kind) + QStringLiteral(".svg"));
        const RunResult r =
            cli(db, {QStringLiteral("chart"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                     QStringLiteral("--kind"), QString::fromLatin1(kind), QStringLiteral("--out"), out});
        ASSERT_EQ(r.exitCode, 0) << r.err.constData();
        const QString svg = QString::fromUtf8(fileBytes(out));
        EXPECT_TRUE(svg.contains(QStringLiteral("<svg"))) << kind;
    }
    const RunResult bad = cli(db, {QStringLiteral("chart"), QStringLiteral("--indicator"),
                                   QStringLiteral("wa.time"), QStringLiteral("--kind"), QStringLiteral("pie"),
                                   QStringLiteral("--out"), dir.filePath(QStringLiteral("x.png"))});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.errText().contains(QStringLiteral("pie")));
}
