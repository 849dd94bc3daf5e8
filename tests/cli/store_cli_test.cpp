// The database commands as a user runs them: import, compare, search, correct, notes, export, and faults.
#include "testpaths.h"

#include "export/csv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "testdb.h"

#include <QUrl>

#include <gtest/gtest.h>

using namespace pc::test;

namespace {

RunResult cli(const QString& db, QStringList args, const QStringList& env = {}) {
    args.prepend(db);
    args.prepend(QStringLiteral("--db"));
    return run(cliBin(), args, env);
}

// One seeded database per test binary run, copied for tests that change it.
QString seededDatabase() {
    static QTemporaryDir dir;
    static QString path;
    if (path.isEmpty()) {
        const QString p = freshDatabaseLocation(dir.filePath(QStringLiteral("seeded.sqlite")));
        const RunResult r = cli(p, {QStringLiteral("import"), QStringLiteral("--seeds")});
        if (r.exitCode == 0)
            path = p;
    }
    return path;
}

QString copyOfSeeded(const QTemporaryDir& dir) {
    const QString src = seededDatabase();
    if (onPostgres()) { // a new database made from the seeded one
        static int copies = 0;
        QUrl url(src);
        const QString name = url.path().mid(1) + QStringLiteral("_c%1").arg(++copies);
        if (src.isEmpty() ||
            !postgresAdmin(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2 STRATEGY FILE_COPY")
                               .arg(name, url.path().mid(1))))
            return {};
        url.setPath(QLatin1Char('/') + name);
        return url.toString();
    }
    const QString dst = dir.filePath(QStringLiteral("copy.sqlite"));
    if (src.isEmpty() || !QFile::copy(src, dst))
        return {};
    return dst;
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(StoreCli, ImportSeedsTwiceReportsUnchangedTheSecondTime) {
    QTemporaryDir dir;
    const QString db = freshDatabaseLocation(dir.filePath(QStringLiteral("plans.sqlite")));
    const RunResult first = cli(db, {QStringLiteral("import"), QStringLiteral("--seeds")});
    ASSERT_EQ(first.exitCode, 0) << first.err.constData();
    EXPECT_EQ(first.outText().count(QStringLiteral("imported\t")), 5);
    EXPECT_TRUE(first.outText().contains(QStringLiteral("imported\tyuzhong-2023\t")));
    const RunResult second = cli(db, {QStringLiteral("import"), QStringLiteral("--seeds")});
    ASSERT_EQ(second.exitCode, 0);
    EXPECT_EQ(second.outText().count(QStringLiteral("unchanged\t")), 5);
    const RunResult info = cli(db, {QStringLiteral("db"), QStringLiteral("info")});
    EXPECT_TRUE(info.outText().contains(QStringLiteral("documents\t5\n")));
}

TEST(StoreCli, ImportReportsAFailedFileAndKeepsGoing) {
    QTemporaryDir dir;
    const QString db = freshDatabaseLocation(dir.filePath(QStringLiteral("plans.sqlite")));
    const QString bin = dir.filePath(QStringLiteral("blob.txt"));
    QFile f(bin);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, '\0'));
    f.close();
    const RunResult r = cli(db, {QStringLiteral("import"), bin, seedPath(QStringLiteral("dazu-2019"))});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().startsWith(QStringLiteral("failed\t") + bin)) << r.err.constData();
    EXPECT_TRUE(r.outText().contains(QStringLiteral("imported\tdazu-2019\t")));
}

TEST(StoreCli, CompareFromTheDatabaseEqualsCompareFromFiles) {
    const QString db = seededDatabase();
    ASSERT_FALSE(db.isEmpty());
    const RunResult fromDb =
        cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                 QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(fromDb.exitCode, 0) << fromDb.err.constData();
    QStringList files;
    for (const char* stem : {"chongqing-2019", "dazu-2019", "jiangjin-2021", "wulong-2022", "yuzhong-2023"})
        files << seedPath(QString::fromLatin1(stem));
    const RunResult fromFiles = run(
        cliBin(), QStringList{QStringLiteral("compare"), QStringLiteral("--indicator"),
                              QStringLiteral("wa.time"), QStringLiteral("--format"), QStringLiteral("csv")} +
                      files);
    ASSERT_EQ(fromFiles.exitCode, 0) << fromFiles.err.constData();
    const QList<QStringList> a = pc::csv::parse(fromDb.outText());
    const QList<QStringList> b = pc::csv::parse(fromFiles.outText());
    ASSERT_GE(a.size(), 4);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a[1].value(1), QStringLiteral("重庆市"));
    const RunResult table =
        cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.time")});
    EXPECT_TRUE(table.outText().startsWith(QStringLiteral("jurisdiction")));
    EXPECT_TRUE(table.outText().section(QLatin1Char('\n'), 1, 1).startsWith(QStringLiteral("重庆市")));
    // The municipal 12 → 7 working days shows its baseline; 武隆 sets no number for water.
    EXPECT_TRUE(table.outText().section(QLatin1Char('\n'), 1, 1).contains(QStringLiteral("<= 7 工作日  12 ")))
        << table.out.constData();
    EXPECT_TRUE(table.outText().contains(QStringLiteral("武隆区 wulong-2022"))) << table.out.constData();
    EXPECT_FALSE(table.outText().contains(QStringLiteral("渝中区 yuzhong-2023")));
    const RunResult unknown =
        cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.nothing")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.errText().contains(QStringLiteral("unknown indicator 'wa.nothing'")));
}

TEST(StoreCli, SearchRanksSnippetsAndExplainsBadQueries) {
    const QString db = seededDatabase();
    ASSERT_FALSE(db.isEmpty());
    const RunResult r = cli(db, {QStringLiteral("search"), QStringLiteral("报装全流程"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    const QJsonArray hits = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("hits")).toArray();
    ASSERT_FALSE(hits.isEmpty());
    EXPECT_TRUE(hits[0]
                    .toObject()
                    .value(QStringLiteral("snippet"))
                    .toString()
                    .contains(QStringLiteral("【报装全流程】")));
    const RunResult one = cli(
        db, {QStringLiteral("search"), QStringLiteral("电"), QStringLiteral("--limit"), QStringLiteral("3")});
    EXPECT_EQ(one.exitCode, 0);
    EXPECT_EQ(one.outText().count(QLatin1Char('\n')), 4); // header + 3 hits
    const RunResult bad = cli(db, {QStringLiteral("search"), QStringLiteral("\"用水")});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.errText().contains(QStringLiteral("closing")));
    EXPECT_FALSE(bad.errText().contains(QStringLiteral("fts5"), Qt::CaseInsensitive));
    EXPECT_FALSE(bad.errText().contains(QStringLiteral("SQL")));
}

TEST(StoreCli, CorrectionsAndNotesRoundTrip) {
    QTemporaryDir dir;
    const QString db = copyOfSeeded(dir);
    ASSERT_FALSE(db.isEmpty());
    const RunResult list =
        cli(db, {QStringLiteral("correct"), QStringLiteral("targets"), QStringLiteral("yuzhong-2023"),
                 QStringLiteral("--indicator"), QStringLiteral("wa.time")});
    ASSERT_EQ(list.exitCode, 0) << list.err.constData();
    const QString id = list.outText().section(QLatin1Char('\n'), 1, 1).section(QLatin1Char(' '), 0, 0);
    ASSERT_FALSE(id.isEmpty());
    const RunResult set = cli(db, {QStringLiteral("correct"), QStringLiteral("set"), id,
                                   QStringLiteral("value"), QStringLiteral("5")});
    ASSERT_EQ(set.exitCode, 0) << set.err.constData();
    EXPECT_TRUE(set.outText().startsWith(QStringLiteral("correction 1: target ")));
    const RunResult cmp =
        cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.time"),
                 QStringLiteral("--format"), QStringLiteral("json")});
    bool seen = false;
    for (const QJsonValue& v :
         QJsonDocument::fromJson(cmp.out).object().value(QStringLiteral("rows")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("doc")).toString() == QStringLiteral("yuzhong-2023")) {
            seen = true;
            EXPECT_EQ(o.value(QStringLiteral("value")).toDouble(), 5.0);
            EXPECT_TRUE(o.value(QStringLiteral("corrected")).toBool());
        }
    }
    EXPECT_TRUE(seen);
    const RunResult bad = cli(db, {QStringLiteral("correct"), QStringLiteral("set"), id,
                                   QStringLiteral("deadline"), QStringLiteral("next year")});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.errText().contains(QStringLiteral("YYYY-MM")));
    const RunResult ov = cli(db, {QStringLiteral("correct"), QStringLiteral("list")});
    EXPECT_TRUE(ov.outText().contains(QStringLiteral("yuzhong-2023")));
    EXPECT_TRUE(ov.outText().contains(QStringLiteral("yes")));
    const RunResult help = cli(db, {QStringLiteral("correct"), QStringLiteral("help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.outText().contains(QStringLiteral("correct undo CORRECTION_ID")));
    EXPECT_EQ(cli(db, {QStringLiteral("correct"), QStringLiteral("frobnicate")}).exitCode, 2);
    const RunResult undo = cli(db, {QStringLiteral("correct"), QStringLiteral("undo"), QStringLiteral("1")});
    EXPECT_EQ(undo.exitCode, 0);
    EXPECT_EQ(cli(db, {QStringLiteral("correct"), QStringLiteral("list")}).outText().count(QLatin1Char('\n')),
              1);

    const RunResult note = cli(db, {QStringLiteral("notes"), QStringLiteral("add"),
                                    QStringLiteral("--target"), id, QStringLiteral("与市级目标对比")});
    ASSERT_EQ(note.exitCode, 0) << note.err.constData();
    const RunResult notes = cli(db, {QStringLiteral("notes"), QStringLiteral("list")});
    EXPECT_TRUE(notes.outText().contains(QStringLiteral("与市级目标对比")));
    EXPECT_TRUE(notes.outText().contains(QStringLiteral("target")));
    EXPECT_EQ(cli(db, {QStringLiteral("notes"), QStringLiteral("remove"), QStringLiteral("1")}).exitCode, 0);
    EXPECT_EQ(cli(db, {QStringLiteral("notes"), QStringLiteral("remove"), QStringLiteral("1")}).exitCode, 1);
}

TEST(StoreCli, ExportsOpenAgain) {
    const QString db = seededDatabase();
    ASSERT_FALSE(db.isEmpty());
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("wa.csv"));
    const RunResult c = cli(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                                 QStringLiteral("--out"), csvPath, QStringLiteral("--indicator"),
                                 QStringLiteral("wa.time"), QStringLiteral("--zh-header")});
    ASSERT_EQ(c.exitCode, 0) << c.err.constData();
    const QByteArray bytes = fileBytes(csvPath);
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"
                                 "doc,"));
    const QList<QStringList> rows = pc::csv::parse(QString::fromUtf8(bytes.mid(3)));
    ASSERT_GE(rows.size(), 5);
    EXPECT_EQ(rows[1].value(0), QStringLiteral("文件"));
    EXPECT_EQ(rows[2].value(1), QStringLiteral("重庆市"));

    const QString xlsx = dir.filePath(QStringLiteral("all.xlsx"));
    ASSERT_EQ(cli(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xlsx"),
                       QStringLiteral("--out"), xlsx})
                  .exitCode,
              0);
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"),
                {QStringLiteral("-p"), xlsx, QStringLiteral("xl/worksheets/sheet1.xml")});
    ASSERT_TRUE(unzip.waitForFinished(30000));
    const QString sheet = QString::fromUtf8(unzip.readAllStandardOutput());
    EXPECT_TRUE(sheet.contains(QStringLiteral("state=\"frozen\"")));
    EXPECT_TRUE(sheet.contains(QStringLiteral("<c r=\"D2\"><v>2019</v></c>"))); // year typed as a number

    const QString json = dir.filePath(QStringLiteral("water.json"));
    ASSERT_EQ(cli(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--out"), json, QStringLiteral("--area"), QStringLiteral("water")})
                  .exitCode,
              0);
    const QJsonObject root = QJsonDocument::fromJson(fileBytes(json)).object();
    EXPECT_EQ(root.value(QStringLiteral("schema_version")).toInt(), 1);
    EXPECT_EQ(root.value(QStringLiteral("documents")).toArray().size(), 5);
    EXPECT_FALSE(root.value(QStringLiteral("coverage")).toArray().isEmpty());
    EXPECT_EQ(cli(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf"),
                       QStringLiteral("--out"), json})
                  .exitCode,
              2);
}

TEST(StoreCli, LockedDatabaseWaitsThenSaysItIsBusy) {
    QTemporaryDir dir;
    const QString db = copyOfSeeded(dir);
    ASSERT_FALSE(db.isEmpty());
    {
        QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(db);
        ASSERT_TRUE(holder.open());
        QSqlQuery q(holder);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
        q.finish();
        ASSERT_TRUE(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QElapsedTimer t;
        t.start();
        const RunResult r = cli(db,
                                {QStringLiteral("import"), seedPath(QStringLiteral("dazu-2019")),
                                 dir.filePath(QStringLiteral("x.txt"))},
                                {QStringLiteral("PLANCOMPARE_BUSY_TIMEOUT_MS=400")});
        EXPECT_GE(t.elapsed(), 400);
        EXPECT_EQ(r.exitCode, 1);
        EXPECT_TRUE(r.errText().contains(QStringLiteral("busy"))) << r.err.constData();
        EXPECT_TRUE(r.errText().contains(db));
        // Reading still works while the other program writes.
        EXPECT_EQ(cli(db, {QStringLiteral("search"), QStringLiteral("用水")},
                      {QStringLiteral("PLANCOMPARE_BUSY_TIMEOUT_MS=400")})
                      .exitCode,
                  0);
        q.exec(QStringLiteral("ROLLBACK"));
        holder.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("holder"));
}

TEST(StoreCli, KilledImportLeavesThePreviousContent) {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("plans.sqlite"));
    ASSERT_EQ(cli(db, {QStringLiteral("import"), seedPath(QStringLiteral("dazu-2019"))}).exitCode, 0);
    const QString before =
        cli(db, {QStringLiteral("db"), QStringLiteral("info")}).outText().section(QLatin1Char('\n'), 2, 5);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PLANCOMPARE_TEST_IMPORT_PAUSE_MS"), QStringLiteral("60000"));
    p.setProcessEnvironment(env);
    p.start(cliBin(), {QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--seeds")});
    QByteArray err;
    QElapsedTimer t;
    t.start();
    while (!err.contains("pausing inside import transaction") && t.elapsed() < 60000) {
        p.waitForReadyRead(1000);
        err += p.readAllStandardError();
    }
    ASSERT_TRUE(err.contains("pausing inside import transaction")) << err.constData();
    p.kill(); // SIGKILL
    ASSERT_TRUE(p.waitForFinished(10000));
    EXPECT_EQ(p.exitStatus(), QProcess::CrashExit);
    const RunResult check = cli(db, {QStringLiteral("db"), QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 0) << check.err.constData();
    EXPECT_EQ(
        cli(db, {QStringLiteral("db"), QStringLiteral("info")}).outText().section(QLatin1Char('\n'), 2, 5),
        before);
    EXPECT_TRUE(before.startsWith(QStringLiteral("documents\t1\n")));
}

TEST(StoreCli, CorruptDatabaseIsNamedKeptAndCanBeRebuiltElsewhere) {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("broken.sqlite"));
    QByteArray junk = QByteArray("SQLite format 3").append('\0').append(QByteArray(8000, 'x'));
    {
        QFile f(db);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(junk);
    }
    const RunResult r = cli(db, {QStringLiteral("search"), QStringLiteral("用水")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(db)) << r.err.constData();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("import --seeds")));
    EXPECT_EQ(fileBytes(db), junk);
    const QString fresh = dir.filePath(QStringLiteral("rebuilt.sqlite"));
    const RunResult rebuilt = cli(fresh, {QStringLiteral("import"), QStringLiteral("--seeds")});
    EXPECT_EQ(rebuilt.exitCode, 0);
    EXPECT_EQ(cli(fresh, {QStringLiteral("search"), QStringLiteral("用水")}).exitCode, 0);
}

TEST(StoreCli, ReadingCommandsDoNotCreateAMissingDatabase) {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("none.sqlite"));
    const RunResult r =
        cli(db, {QStringLiteral("compare"), QStringLiteral("--indicator"), QStringLiteral("wa.time")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("does not exist")));
    EXPECT_FALSE(QFile::exists(db));
}

namespace {

// A plan whose measures start with what a spreadsheet would run (CSV injection, OWASP).
const char* const kHostilePlan =
    "某某区进一步优化营商环境若干措施\n"
    "为持续优化营商环境，结合本区实际，制定以下措施。\n"
    "一、开办企业\n"
    "1.=HYPERLINK(\"http://x.example/"
    "\",\"点我\")压缩企业开办时间。2024年底前，企业开办全流程办理时间压缩至1个工作日以内。"
    "（牵头单位：区市场监管局；责任单位：区税务局）\n"
    "2.+cmd|' /C calc'!A0 推行全程网办。企业开办网办率达到90%以上。（牵头单位：区市场监管局）\n"
    "二、获得用水\n"
    "3.@SUM(1+1)精简用水报装。用水报装全流程办理时限不超过5个工作日。（牵头单位：区水务局）\n"
    "4.-2+3降低接入成本。小微企业用水报装费用降低20%。（牵头单位：区水务局）\n";

bool startsAFormula(const QString& cell) {
    const QString t = cell.trimmed();
    if (cell.startsWith(QLatin1Char('\t')) || cell.startsWith(QLatin1Char('\r')))
        return true;
    if (t.isEmpty() || !QStringLiteral("=+-@").contains(t.at(0)))
        return false;
    bool number = false;
    t.toDouble(&number);
    return !(number && cell == t && !t.startsWith(QLatin1Char('+'))) && cell != QStringLiteral("=");
}

} // namespace

TEST(StoreCli, ExportedCellsNeverStartAFormula) {
    QTemporaryDir dir;
    const QString plan = dir.filePath(QStringLiteral("hostile-2024.txt"));
    {
        QFile f(plan);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(kHostilePlan);
    }
    const QString db = freshDatabaseLocation(dir.filePath(QStringLiteral("hostile.sqlite")));
    const RunResult imp = cli(db, {QStringLiteral("import"), plan});
    ASSERT_EQ(imp.exitCode, 0) << imp.err.constData();

    // A corrected negative value stays a number in every format.
    const RunResult list =
        cli(db, {QStringLiteral("correct"), QStringLiteral("targets"), QStringLiteral("hostile-2024")});
    ASSERT_EQ(list.exitCode, 0) << list.err.constData();
    const QString id = list.outText().section(QLatin1Char('\n'), 1, 1).section(QLatin1Char(' '), 0, 0);
    ASSERT_FALSE(id.isEmpty()) << list.outText().toStdString();
    ASSERT_EQ(cli(db, {QStringLiteral("correct"), QStringLiteral("set"), id, QStringLiteral("value"),
                       QStringLiteral("-3")})
                  .exitCode,
              0);

    const QStringList hostile{QStringLiteral("=HYPERLINK(\"http://x.example/\",\"点我\")压缩企业开办时间"),
                              QStringLiteral("+cmd|' /C calc'!A0 推行全程网办"),
                              QStringLiteral("@SUM(1+1)精简用水报装"), QStringLiteral("-2+3降低接入成本")};
    int cells = 0;
    int defusedTitles = 0;
    bool negativeValue = false;
    for (const QString& table :
         {QStringLiteral("measures"), QStringLiteral("targets"), QStringLiteral("documents")}) {
        const QString path = dir.filePath(table + QStringLiteral(".csv"));
        const RunResult e =
            cli(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                     QStringLiteral("--table"), table, QStringLiteral("--out"), path});
        ASSERT_EQ(e.exitCode, 0) << e.err.constData();
        const QList<QStringList> rows = pc::csv::parse(QString::fromUtf8(fileBytes(path).mid(3)));
        ASSERT_GE(rows.size(), 2) << table.toStdString();
        const qsizetype valueColumn = rows.first().indexOf(QStringLiteral("value"));
        for (const QStringList& r : rows) {
            for (qsizetype c = 0; c < r.size(); ++c) {
                const QString& cell = r.at(c);
                ++cells;
                EXPECT_FALSE(startsAFormula(cell)) << table.toStdString() << ": " << cell.toStdString();
                for (const QString& h : hostile)
                    if (cell.startsWith(QLatin1Char('\'') + h))
                        ++defusedTitles;
                if (c == valueColumn && cell == QStringLiteral("-3"))
                    negativeValue = true;
            }
        }
    }
    EXPECT_GT(cells, 50);
    EXPECT_GE(defusedTitles, 4); // each hostile title, kept and defused (measures table at least)
    EXPECT_TRUE(negativeValue) << "the corrected value -3 is written as a number";

    // The CLI's own CSV output (targets, measures of files) is defused the same way.
    const RunResult m =
        run(cliBin(), {QStringLiteral("measures"), plan, QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(m.exitCode, 0) << m.err.constData();
    int measureRows = 0;
    for (const QStringList& r : pc::csv::parse(m.outText())) {
        for (const QString& cell : r)
            EXPECT_FALSE(startsAFormula(cell)) << cell.toStdString();
        if (r.value(3).startsWith(QStringLiteral("'=HYPERLINK")) ||
            r.value(3).startsWith(QStringLiteral("'+cmd")) ||
            r.value(3).startsWith(QStringLiteral("'@SUM")) || r.value(3).startsWith(QStringLiteral("'-2+3")))
            ++measureRows;
    }
    EXPECT_EQ(measureRows, 4) << m.outText().toStdString();

    // XLSX writes strings as strings: no formula anywhere, the hostile text in the shared strings, -3 a
    // number.
    const QString xlsx = dir.filePath(QStringLiteral("all.xlsx"));
    ASSERT_EQ(cli(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xlsx"),
                       QStringLiteral("--out"), xlsx})
                  .exitCode,
              0);
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), xlsx, QStringLiteral("xl/worksheets/*.xml")});
    ASSERT_TRUE(unzip.waitForFinished(30000));
    const QString sheets = QString::fromUtf8(unzip.readAllStandardOutput());
    ASSERT_TRUE(sheets.contains(QStringLiteral("<sheetData>")));
    EXPECT_FALSE(sheets.contains(QStringLiteral("<f>"))) << "a formula cell in the XLSX";
    EXPECT_FALSE(sheets.contains(QStringLiteral("<f ")));
    EXPECT_TRUE(sheets.contains(QStringLiteral("<v>-3</v></c>")));
    unzip.start(QStringLiteral("unzip"),
                {QStringLiteral("-p"), xlsx, QStringLiteral("xl/sharedStrings.xml")});
    ASSERT_TRUE(unzip.waitForFinished(30000));
    const QString strings = QString::fromUtf8(unzip.readAllStandardOutput());
    EXPECT_TRUE(
        strings.contains(QStringLiteral(
            "<t>=HYPERLINK(&quot;http://x.example/&quot;,&quot;点我&quot;)压缩企业开办时间")) ||
        strings.contains(QStringLiteral("<t>=HYPERLINK(\"http://x.example/\",\"点我\")压缩企业开办时间")))
        << strings.left(800).toStdString();
    EXPECT_TRUE(strings.contains(QStringLiteral("<t>@SUM(1+1)精简用水报装")));
}

TEST(StoreCli, DbCopyVerifiesAndDbCompareFindsTheTableThatDiffers) {
    const QString src = seededDatabase();
    ASSERT_FALSE(src.isEmpty());
    QTemporaryDir dir;
    const QString to = dir.filePath(QStringLiteral("copy.sqlite"));
    const RunResult copy =
        cli(src, {QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"), to});
    ASSERT_EQ(copy.exitCode, 0) << copy.err.constData();
    EXPECT_TRUE(copy.outText().contains(QStringLiteral("rows in 17 tables"))) << copy.out.constData();
    EXPECT_TRUE(copy.outText().contains(
        QRegularExpression(QStringLiteral("\ndocuments +5 +5 +[0-9a-f]{16}  equal\n"))))
        << copy.out.constData();
    EXPECT_TRUE(copy.outText().contains(QStringLiteral("verified: ")));
    const RunResult same = cli(src, {QStringLiteral("db"), QStringLiteral("compare"), src, to});
    EXPECT_EQ(same.exitCode, 0) << same.err.constData();
    EXPECT_TRUE(same.outText().contains(QStringLiteral(" are equal (schema ")));

    // A note on the copy: compare names the notes table and exits 1.
    const QString targetId = QStringLiteral("1");
    ASSERT_EQ(cli(to, {QStringLiteral("notes"), QStringLiteral("add"), QStringLiteral("--target"), targetId,
                       QStringLiteral("只在副本")})
                  .exitCode,
              0);
    const RunResult differ = cli(src, {QStringLiteral("db"), QStringLiteral("compare"), src, to});
    EXPECT_EQ(differ.exitCode, 1);
    EXPECT_TRUE(differ.outText().contains(
        QRegularExpression(QStringLiteral("\nnotes +0 +1 +[0-9a-f]{16}  DIFFERS\n"))))
        << differ.out.constData();
    EXPECT_TRUE(differ.outText().endsWith(QStringLiteral(" differ: notes\n"))) << differ.out.constData();

    // Into it again: refused, the file unchanged; usage errors.
    const RunResult again =
        cli(src, {QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"), to});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.errText().contains(to + QStringLiteral(" is not empty: it holds 5 plans")))
        << again.err.constData();
    EXPECT_EQ(cli(src, {QStringLiteral("db"), QStringLiteral("copy")}).exitCode, 2);
    EXPECT_EQ(cli(src, {QStringLiteral("db"), QStringLiteral("compare"), src}).exitCode, 2);
    // A source that does not exist: no target file is left behind.
    const QString none = dir.filePath(QStringLiteral("none.sqlite"));
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    EXPECT_EQ(cli(src, {QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--from"), none,
                        QStringLiteral("--to"), other})
                  .exitCode,
              1);
    EXPECT_FALSE(QFile::exists(other));
}

// `db compact` on the seeded file: SQLite says the sizes and keeps every row (db info's counts and a
// comparison print the same; db check passes); PostgreSQL says its server does this; a missing file is
// named, not created.
TEST(StoreCli, DbCompactKeepsEveryRowAndSaysTheSizes) {
    QTemporaryDir dir;
    const QString db = copyOfSeeded(dir);
    ASSERT_FALSE(db.isEmpty());
    const QString countsBefore =
        cli(db, {QStringLiteral("db"), QStringLiteral("info")}).outText().section(QLatin1Char('\n'), 2, 6);
    const QByteArray compareBefore = cli(db, {QStringLiteral("compare"), QStringLiteral("wa.time")}).out;
    ASSERT_TRUE(countsBefore.startsWith(QStringLiteral("documents\t5\n"))) << countsBefore.toStdString();
    const RunResult r = cli(db, {QStringLiteral("db"), QStringLiteral("compact")});
    if (onPostgres()) {
        EXPECT_EQ(r.exitCode, 1);
        EXPECT_TRUE(r.errText().contains(QStringLiteral("PostgreSQL"))) << r.err.constData();
        return;
    }
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    const QRegularExpression said(QStringLiteral("^(.+): compacted, (\\d+) bytes before, (\\d+) after\\n$"));
    const QRegularExpressionMatch m = said.match(r.outText());
    ASSERT_TRUE(m.hasMatch()) << r.out.constData();
    EXPECT_EQ(m.captured(1), db);
    EXPECT_LE(m.captured(3).toLongLong(), m.captured(2).toLongLong());
    EXPECT_EQ(m.captured(3).toLongLong(), QFileInfo(db).size());
    EXPECT_EQ(cli(db, {QStringLiteral("db"), QStringLiteral("check")}).exitCode, 0);
    EXPECT_EQ(
        cli(db, {QStringLiteral("db"), QStringLiteral("info")}).outText().section(QLatin1Char('\n'), 2, 6),
        countsBefore);
    EXPECT_EQ(cli(db, {QStringLiteral("compare"), QStringLiteral("wa.time")}).out, compareBefore);
    const QString missing = dir.filePath(QStringLiteral("none.sqlite"));
    const RunResult none = cli(missing, {QStringLiteral("db"), QStringLiteral("compact")});
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_TRUE(none.errText().contains(missing)) << none.err.constData();
    EXPECT_FALSE(QFile::exists(missing));
}
