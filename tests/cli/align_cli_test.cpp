// `plancompare-cli align` as a subprocess: the CSV contract, files and database agreeing, exit codes.
#include "testpaths.h"

#include "export/csv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using test::run;
using test::RunResult;

namespace {

QStringList alignArgs(const QStringList& more) {
    return QStringList{QStringLiteral("align"), test::seedPath(QStringLiteral("dazu-2019")),
                       QStringLiteral("--against"), test::seedPath(QStringLiteral("chongqing-2019"))} +
           more;
}

} // namespace

TEST(AlignCli, CsvHasOneRowPerMeasureThenTheMeasuresNotTakenUp) {
    const RunResult r = run(test::cliBin(), alignArgs({QStringLiteral("--format"), QStringLiteral("csv")}));
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QList<QStringList> rows = csv::parse(r.outText());
    ASSERT_GT(rows.size(), 81);
    EXPECT_EQ(rows[0].mid(0, 6).join(QLatin1Char(',')),
              QStringLiteral("doc,measure_no,against_doc,against_measure_no,similarity,relation"));
    int measures = 0;
    int notTaken = 0;
    bool pastMeasures = false;
    for (const QStringList& row : rows.mid(1)) {
        ASSERT_EQ(row.size(), rows[0].size());
        EXPECT_EQ(row[2], QStringLiteral("chongqing-2019"));
        const QString& relation = row[5];
        if (row[0].isEmpty()) {
            pastMeasures = true; // not_taken_up rows come last
            ++notTaken;
            EXPECT_EQ(relation, QStringLiteral("not_taken_up"));
            EXPECT_FALSE(row[3].isEmpty());
            EXPECT_TRUE(row[1].isEmpty());
            continue;
        }
        EXPECT_FALSE(pastMeasures);
        ++measures;
        EXPECT_EQ(row[0], QStringLiteral("dazu-2019"));
        EXPECT_EQ(row[1].toInt(), measures); // 大足 numbers its measures 1–80 in order
        EXPECT_TRUE(relation == QLatin1String("adopted") || relation == QLatin1String("adapted") ||
                    relation == QLatin1String("new"))
            << relation.toStdString();
        EXPECT_EQ(row[3].isEmpty(), relation == QLatin1String("new"));
        bool ok = false;
        const double s = row[4].toDouble(&ok);
        EXPECT_TRUE(ok && s >= 0.0 && s <= 1.0) << row[4].toStdString();
    }
    EXPECT_EQ(measures, 80);
    EXPECT_GE(notTaken, 5);
    // 大足 3 降低开办企业费用 takes up the municipal measure 3 of the same title.
    EXPECT_EQ(rows[3].mid(0, 4), (QStringList{QStringLiteral("dazu-2019"), QStringLiteral("3"),
                                              QStringLiteral("chongqing-2019"), QStringLiteral("3")}));
    EXPECT_EQ(rows[3][5], QStringLiteral("adopted"));
}

TEST(AlignCli, DatabaseAndFilesGiveTheSameAlignment) {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("a.sqlite"));
    const RunResult imp = run(
        test::cliBin(), {QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--seeds")});
    ASSERT_EQ(imp.exitCode, 0) << imp.errText().toStdString();
    const RunResult files =
        run(test::cliBin(), alignArgs({QStringLiteral("--format"), QStringLiteral("json")}));
    const RunResult stored =
        run(test::cliBin(),
            {QStringLiteral("--db"), db, QStringLiteral("align"), QStringLiteral("--doc"),
             QStringLiteral("dazu-2019"), QStringLiteral("--against-doc"), QStringLiteral("chongqing-2019"),
             QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(files.exitCode, 0) << files.errText().toStdString();
    ASSERT_EQ(stored.exitCode, 0) << stored.errText().toStdString();
    const QJsonObject a = QJsonDocument::fromJson(files.out).object();
    const QJsonObject b = QJsonDocument::fromJson(stored.out).object();
    EXPECT_EQ(a.value(QStringLiteral("measures")), b.value(QStringLiteral("measures")));
    EXPECT_EQ(a.value(QStringLiteral("summary")), b.value(QStringLiteral("summary")));
    const QJsonObject s = a.value(QStringLiteral("summary")).toObject();
    EXPECT_EQ(s.value(QStringLiteral("adopted")).toInt() + s.value(QStringLiteral("adapted")).toInt() +
                  s.value(QStringLiteral("new")).toInt(),
              80);
    EXPECT_GE(s.value(QStringLiteral("stricter")).toInt(), 1); // 大足's water connection: 4 vs 7 working days

    const RunResult targets =
        run(test::cliBin(), alignArgs({QStringLiteral("--format"), QStringLiteral("csv"),
                                       QStringLiteral("--table"), QStringLiteral("targets")}));
    ASSERT_EQ(targets.exitCode, 0);
    const QList<QStringList> rows = csv::parse(targets.outText());
    ASSERT_GE(rows.size(), 10);
    const qsizetype strictness = rows[0].indexOf(QStringLiteral("strictness"));
    ASSERT_GE(strictness, 0);
    bool water = false;
    for (const QStringList& row : rows.mid(1))
        if (row[4] == QStringLiteral("wa.time") && row[6] == QStringLiteral("4")) {
            water = true;
            EXPECT_EQ(row[strictness], QStringLiteral("stricter"));
        }
    EXPECT_TRUE(water);
}

TEST(AlignCli, BadInputAndUsage) {
    EXPECT_EQ(
        run(test::cliBin(), {QStringLiteral("align"), test::seedPath(QStringLiteral("dazu-2019"))}).exitCode,
        2);
    EXPECT_EQ(run(test::cliBin(), alignArgs({QStringLiteral("--format"), QStringLiteral("xml")})).exitCode,
              2);
    EXPECT_EQ(run(test::cliBin(), alignArgs({QStringLiteral("--doc"), QStringLiteral("x")})).exitCode, 2);
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no-such-plan.txt"));
    const RunResult r = run(test::cliBin(), {QStringLiteral("align"), missing, QStringLiteral("--against"),
                                             test::seedPath(QStringLiteral("chongqing-2019"))});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("no-such-plan.txt"))) << r.errText().toStdString();
    const QString db = dir.filePath(QStringLiteral("empty.sqlite"));
    ASSERT_EQ(run(test::cliBin(), {QStringLiteral("--db"), db, QStringLiteral("import"),
                                   test::seedPath(QStringLiteral("dazu-2019"))})
                  .exitCode,
              0);
    const RunResult unknown =
        run(test::cliBin(),
            {QStringLiteral("--db"), db, QStringLiteral("align"), QStringLiteral("--doc"),
             QStringLiteral("dazu-2019"), QStringLiteral("--against-doc"), QStringLiteral("nowhere-2020")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.errText().contains(QStringLiteral("nowhere-2020")))
        << unknown.errText().toStdString();
}
