// `plancompare-cli targets` as a subprocess: columns, rows, formats and exit codes.
#include "testpaths.h"

#include "export/csv.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace pc;

namespace {

TEST(TargetsCli, CsvHasContractColumnsAndRows) {
    const test::RunResult r = test::run(
        test::cliBin(), {QStringLiteral("targets"), test::seedPath(QStringLiteral("jiangjin-2021"))});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QList<QStringList> rows = csv::parse(r.outText());
    ASSERT_GT(rows.size(), 10);
    EXPECT_EQ(rows[0].mid(0, 11).join(QLatin1Char(',')),
              QStringLiteral("doc,area,indicator,scope,kind,comparator,value,unit,baseline,deadline,quote"));
    EXPECT_EQ(rows[0].mid(11).join(QLatin1Char(',')),
              QStringLiteral("start,end,measure_no,confidence,indicator_confidence,qualitative,section,"
                             "section_heading,page"));
    const QString source = test::readSeed(QStringLiteral("jiangjin-2021"));
    bool water = false;
    for (const QStringList& row : rows.mid(1)) {
        ASSERT_EQ(row.size(), 20);
        EXPECT_EQ(row[19], QString()); // text has no pages
        EXPECT_EQ(row[17], QStringLiteral("measure")); // every target of 江津 stands in a numbered measure
        EXPECT_EQ(row[0], QStringLiteral("jiangjin-2021"));
        EXPECT_EQ(source.mid(row[11].toLongLong(), row[12].toLongLong() - row[11].toLongLong()), row[10]);
        EXPECT_FALSE(row[6].endsWith(QStringLiteral(".0"))) << row[6].toStdString();
        if (row[2] == QStringLiteral("wa.time")) {
            water = true;
            EXPECT_EQ(row[1], QStringLiteral("water"));
            EXPECT_EQ(row[5], QStringLiteral("<="));
            EXPECT_EQ(row[6], QStringLiteral("9"));
            EXPECT_EQ(row[7], QStringLiteral("工作日"));
            EXPECT_EQ(row[13], QStringLiteral("6"));
        }
        EXPECT_EQ(row[16], QStringLiteral("0")); // qualitative rows only with --qualitative
    }
    EXPECT_TRUE(water);
}

// A plan's 工作目标 paragraph before its measures holds targets too; they say where they stand.
TEST(TargetsCli, TargetsOutsideMeasuresCarryTheirSection) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("goal-2024.txt"));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(
                "某区优化营商环境实施方案\n一、工作目标\n到2024年底，用水报装时间压缩至3个工作日，"
                "政务服务事项网上可办率达到95%以上。\n二、主要任务\n1.优化用电服务。低压小微企业用电报装"
                "时间不超过10个工作日。\n2.优化用气服务。用气报装时间不超过5个工作日。\n")
                .toUtf8());
    f.close();
    const test::RunResult r = test::run(test::cliBin(), {QStringLiteral("targets"), file});
    ASSERT_EQ(r.exitCode, 0) << r.errText().toStdString();
    const QList<QStringList> rows = csv::parse(r.outText());
    ASSERT_EQ(rows.size(), 5);
    QStringList sections;
    for (const QStringList& row : rows.mid(1))
        sections << row[6] + QLatin1Char(':') + row[17] + QLatin1Char(':') + row[18];
    EXPECT_EQ(
        sections,
        (QStringList{QStringLiteral("3:goal:一、工作目标"), QStringLiteral("95:goal:一、工作目标"),
                     QStringLiteral("10:measure:二、主要任务"), QStringLiteral("5:measure:二、主要任务")}));
    EXPECT_EQ(rows[1][9], QStringLiteral("2024-12"));
}

TEST(TargetsCli, JsonHasTheSameTargets) {
    const QString file = test::seedPath(QStringLiteral("yuzhong-2023"));
    const test::RunResult csvRun = test::run(test::cliBin(), {QStringLiteral("targets"), file});
    const test::RunResult jsonRun =
        test::run(test::cliBin(),
                  {QStringLiteral("targets"), file, QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(jsonRun.exitCode, 0) << jsonRun.errText().toStdString();
    const QJsonArray a = QJsonDocument::fromJson(jsonRun.out).array();
    EXPECT_EQ(a.size(), csv::parse(csvRun.outText()).size() - 1);
    bool found = false;
    for (const QJsonValue& v : a) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("indicator")).toString() == QStringLiteral("cp.time.social_general")) {
            found = true;
            EXPECT_EQ(o.value(QStringLiteral("value")).toDouble(), 45);
            EXPECT_EQ(o.value(QStringLiteral("baseline")).toDouble(), 50);
            EXPECT_EQ(o.value(QStringLiteral("indicator_name")).toString(),
                      QStringLiteral("一般社会投资项目审批时限"));
        }
    }
    EXPECT_TRUE(found);
}

TEST(TargetsCli, QualitativeTargetsOnRequest) {
    const QString file = test::seedPath(QStringLiteral("dazu-2019"));
    const test::RunResult r =
        test::run(test::cliBin(), {QStringLiteral("targets"), file, QStringLiteral("--qualitative")});
    ASSERT_EQ(r.exitCode, 0);
    int qualitative = 0;
    for (const QStringList& row : csv::parse(r.outText()).mid(1)) {
        if (row[16] == QStringLiteral("1")) {
            ++qualitative;
            EXPECT_TRUE(row[6].isEmpty());
        }
    }
    EXPECT_GE(qualitative, 1); // 抵押注销登记…实现立等可取
}

TEST(TargetsCli, ErrorsNameTheFileAndUseExitCodes) {
    const test::RunResult missing =
        test::run(test::cliBin(), {QStringLiteral("targets"), QStringLiteral("/nonexistent/plan.txt")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.errText().contains(QStringLiteral("/nonexistent/plan.txt")))
        << missing.errText().toStdString();
    EXPECT_EQ(test::run(test::cliBin(), {QStringLiteral("targets")}).exitCode, 2);
    EXPECT_EQ(
        test::run(test::cliBin(), {QStringLiteral("targets"), test::seedPath(QStringLiteral("dazu-2019")),
                                   QStringLiteral("--format"), QStringLiteral("xml")})
            .exitCode,
        2);
}

} // namespace
