// `plancompare-cli parse` and `measures` as a user runs them: output, issues on stderr, exit codes.
#include "export/csv.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc::test;

TEST(CliMeasures, CsvStartsWithTheContractColumns) {
    const RunResult r = run(cliBin(), {QStringLiteral("measures"), seedPath(QStringLiteral("dazu-2019")),
                                       seedPath(QStringLiteral("wulong-2022"))});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QList<QStringList> rows = pc::csv::parse(r.outText());
    ASSERT_EQ(rows.size(), 1 + 80 + 69);
    EXPECT_EQ(rows[0].mid(0, 7),
              (QStringList{QStringLiteral("doc"), QStringLiteral("area_heading"),
                           QStringLiteral("measure_no"), QStringLiteral("measure_title"),
                           QStringLiteral("lead"), QStringLiteral("partners"), QStringLiteral("deadline")}));
    const QStringList m21 = rows[21];
    EXPECT_EQ(m21.mid(0, 6),
              (QStringList{QStringLiteral("dazu-2019"), QStringLiteral("五、获得用气"), QStringLiteral("21"),
                           QStringLiteral("压减获得用气耗时"), QStringLiteral("区经济信息委;经开区经发局"),
                           QStringLiteral("区城管局;经开区建设局")}));
    const QStringList w35 = rows[1 + 80 + 34];
    EXPECT_EQ(w35[0], QStringLiteral("wulong-2022"));
    EXPECT_EQ(w35[2], QStringLiteral("35"));
    EXPECT_EQ(w35[6], QStringLiteral("2022-03"));
    const QStringList w33 = rows[1 + 80 + 32];
    EXPECT_EQ(w33[4], QStringLiteral("区财政局;区政务办"));
    EXPECT_EQ(w33[6], QStringLiteral("2022-06;2022-12"));
}

TEST(CliMeasures, JsonListsMeasuresWithDocAndUnits) {
    const RunResult r = run(cliBin(), {QStringLiteral("measures"), seedPath(QStringLiteral("jiangjin-2021")),
                                       QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QJsonArray a = QJsonDocument::fromJson(r.out).array();
    ASSERT_EQ(a.size(), 53);
    const QJsonObject m1 = a[0].toObject();
    EXPECT_EQ(m1[QStringLiteral("doc")].toString(), QStringLiteral("jiangjin-2021"));
    EXPECT_EQ(m1[QStringLiteral("title")].toString(), QStringLiteral("优化开办企业服务"));
    EXPECT_EQ(m1[QStringLiteral("lead")].toArray()[0].toObject()[QStringLiteral("normalized")].toString(),
              QStringLiteral("区市场监管局"));
}

TEST(CliParse, JsonHasMetadataMeasuresAndSourceOffsets) {
    const QString path = seedPath(QStringLiteral("yuzhong-2023"));
    const RunResult r =
        run(cliBin(), {QStringLiteral("parse"), path, QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(doc[QStringLiteral("layout")].toString(), QStringLiteral("numbered-prose"));
    EXPECT_EQ(doc[QStringLiteral("meta")].toObject()[QStringLiteral("docNumber")].toString(),
              QStringLiteral("渝中府办〔2023〕32号"));
    const QJsonArray measures = doc[QStringLiteral("measures")].toArray();
    ASSERT_EQ(measures.size(), 90);
    const QJsonObject m9 = measures[8].toObject();
    const QJsonObject span = m9[QStringLiteral("span")].toObject();
    const QString source = readSeed(QStringLiteral("yuzhong-2023"));
    const QString quoted =
        source.mid(span[QStringLiteral("start")].toInt(),
                   span[QStringLiteral("end")].toInt() - span[QStringLiteral("start")].toInt());
    EXPECT_EQ(quoted,
              QStringLiteral("9.将一般社会投资项目建筑许可全流程办理时限由50个工作日压减至45个工作日。"));
    const QJsonArray offsets = m9[QStringLiteral("bodyOffsets")].toArray();
    EXPECT_EQ(offsets.size(), m9[QStringLiteral("body")].toString().size());
    EXPECT_EQ(source.at(offsets[0].toInt()), QChar(u'将'));
}

TEST(CliParse, IssuesGoToStderrWithFileLineColumn) {
    const QString path = seedPath(QStringLiteral("chongqing-2019"));
    const RunResult r = run(cliBin(), {QStringLiteral("measures"), path});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.errText().contains(path + QStringLiteral(": warning: interleaved-text: ")))
        << r.errText().toStdString();
    EXPECT_TRUE(r.errText().contains(path + QStringLiteral(": warning: missing-measures: ")));
    QTemporaryDir dir;
    const QString table = dir.filePath(QStringLiteral("table.txt"));
    QFile f(table);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(
        QStringLiteral(
            "附件\n\t改革事项\n\t牵头单位\n\n\t压减开办时间\n\t区市场监管局\n\n\t推行电子证照\n\t区政务办\n")
            .toUtf8());
    f.close();
    const RunResult t = run(cliBin(), {QStringLiteral("measures"), table});
    ASSERT_EQ(t.exitCode, 0);
    EXPECT_TRUE(t.errText().startsWith(table + QStringLiteral(":5:2: warning: no-numbering: ")))
        << t.errText().toStdString();
}

TEST(CliParse, BadInputExitsOneNamingTheFile) {
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.txt"));
    QFile f(empty);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    RunResult r = run(cliBin(), {QStringLiteral("parse"), empty});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.errText(), empty + QStringLiteral(": the file is empty\n"));
    r = run(cliBin(), {QStringLiteral("measures"), seedPath(QStringLiteral("dazu-2019")),
                       dir.filePath(QStringLiteral("nope.txt"))});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(
        r.errText().contains(dir.filePath(QStringLiteral("nope.txt")) + QStringLiteral(": no such file")));
    EXPECT_EQ(pc::csv::parse(r.outText()).size(), 81); // the good file is still reported
}

TEST(CliParse, UsageErrorsExitTwo) {
    EXPECT_EQ(run(cliBin(), {QStringLiteral("parse")}).exitCode, 2);
    EXPECT_EQ(run(cliBin(), {QStringLiteral("measures")}).exitCode, 2);
    const RunResult r = run(cliBin(), {QStringLiteral("measures"), seedPath(QStringLiteral("dazu-2019")),
                                       QStringLiteral("--format"), QStringLiteral("xml")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("unknown format 'xml'")));
    EXPECT_EQ(run(cliBin(),
                  {QStringLiteral("parse"), seedPath(QStringLiteral("dazu-2019")), QStringLiteral("--bogus")})
                  .exitCode,
              2);
}
