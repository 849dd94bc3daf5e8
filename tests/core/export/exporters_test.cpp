// Every export opens again: CSV parsed back, XLSX unzipped and its sheet XML checked, JSON parsed.
#include "storefixtures.h"

#include "export/csv.h"
#include "export/exporter.h"
#include "naming/naming.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::test;

namespace {

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray unzipMember(const QString& zip, const QString& member) {
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, member});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

ExportData waterData(Database& db) {
    Result<ExportData> d = collectExportData(db, QStringLiteral("wa.time"), QStringLiteral("water"));
    EXPECT_TRUE(d.ok()) << d.errorMessage().toStdString();
    return d.ok() ? d.value() : ExportData();
}

} // namespace

TEST(Exporters, RegistryListsTheThreeFormats) {
    QStringList names;
    for (const Exporter* e : exporters())
        names << e->shortName();
    EXPECT_EQ(names, (QStringList{QStringLiteral("xlsx"), QStringLiteral("csv"), QStringLiteral("json")}));
    EXPECT_EQ(exporterFor(QStringLiteral("csv"))->nameFilter(), QStringLiteral("CSV (*.csv)"));
    EXPECT_EQ(exporterFor(QStringLiteral("pdf")), nullptr);
}

TEST(Exporters, CsvHasBomEnglishHeaderChineseRowAndParsesBack) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("wa.csv"));
    ExportOptions o;
    o.chineseHeader = true;
    ASSERT_TRUE(exporterFor(QStringLiteral("csv"))->write(waterData(*db), path, o).ok());
    const QByteArray bytes = readFile(path);
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"
                                 "doc,jurisdiction,level,year,doc_number,measure_no,area,indicator"));
    const QList<QStringList> rows = csv::parse(QString::fromUtf8(bytes.mid(3)));
    ASSERT_EQ(rows.size(), 5); // header, Chinese header, three plans
    EXPECT_EQ(rows[1].value(1), QStringLiteral("地区"));
    EXPECT_EQ(rows[2].value(0), QStringLiteral("city-2019"));
    EXPECT_EQ(rows[3].value(0), QStringLiteral("dazu-2019"));
    const qsizetype value = rows[0].indexOf(QStringLiteral("value"));
    const qsizetype quote = rows[0].indexOf(QStringLiteral("quote"));
    EXPECT_EQ(rows[2].value(value), QStringLiteral("6"));
    EXPECT_EQ(rows[4].value(value), QStringLiteral("2"));
    EXPECT_EQ(rows[3].value(quote), QStringLiteral("办理时间不超过5个工作日"));
}

TEST(Exporters, CsvDocumentsTable) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("docs.csv"));
    ExportOptions o;
    o.table = ExportTable::Documents;
    ASSERT_TRUE(exporterFor(QStringLiteral("csv"))->write(collectExportData(*db).value(), path, o).ok());
    const QList<QStringList> rows = csv::parse(QString::fromUtf8(readFile(path).mid(3)));
    ASSERT_EQ(rows.size(), 4);
    EXPECT_EQ(rows[1].mid(0, 4), (QStringList{QStringLiteral("city-2019"), QStringLiteral("重庆市"),
                                              QStringLiteral("municipal"), QStringLiteral("2019")}));
}

TEST(Exporters, XlsxHasFourSheetsTypedNumbersAndFrozenHeaders) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("wa.xlsx"));
    ExportOptions o;
    o.chineseHeader = true;
    const Status s = exporterFor(QStringLiteral("xlsx"))->write(waterData(*db), path, o);
    ASSERT_TRUE(s.ok()) << s.errorMessage().toStdString();
    const QString workbook = QString::fromUtf8(unzipMember(path, QStringLiteral("xl/workbook.xml")));
    for (const char* sheet : {"documents", "measures", "targets", "comparison", "coverage"})
        EXPECT_TRUE(workbook.contains(QStringLiteral("name=\"%1\"").arg(QString::fromLatin1(sheet))))
            << sheet;
    // Sheet 4 = comparison: frozen below two header rows, value column typed as numbers.
    const QString sheet = QString::fromUtf8(unzipMember(path, QStringLiteral("xl/worksheets/sheet4.xml")));
    ASSERT_FALSE(sheet.isEmpty());
    EXPECT_TRUE(
        sheet.contains(QStringLiteral("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" "
                                      "state=\"frozen\"/>")))
        << sheet.left(600).toStdString();
    // Column L (12th) holds value: 6, 5, 2 in rows 3..5 as numeric cells.
    EXPECT_TRUE(sheet.contains(QStringLiteral("<c r=\"L3\"><v>6</v></c>")));
    EXPECT_TRUE(sheet.contains(QStringLiteral("<c r=\"L4\"><v>5</v></c>")));
    EXPECT_TRUE(sheet.contains(QStringLiteral("<c r=\"L5\"><v>2</v></c>")));
    const QString strings = QString::fromUtf8(unzipMember(path, QStringLiteral("xl/sharedStrings.xml")));
    EXPECT_TRUE(strings.contains(QStringLiteral("办理时间不超过5个工作日")));
    EXPECT_TRUE(strings.contains(QStringLiteral("<t>数值</t>")));
}

TEST(Exporters, JsonHasSchemaVersionAndTypedValues) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("wa.json"));
    ASSERT_TRUE(exporterFor(QStringLiteral("json"))->write(waterData(*db), path, {}).ok());
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(path), &err);
    ASSERT_EQ(err.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    EXPECT_EQ(root.value(QStringLiteral("schema_version")).toInt(), 1);
    EXPECT_EQ(root.value(QStringLiteral("filters")).toObject().value(QStringLiteral("indicator")).toString(),
              QStringLiteral("wa.time"));
    EXPECT_EQ(root.value(QStringLiteral("documents")).toArray().size(), 3);
    const QJsonArray cmp = root.value(QStringLiteral("comparison")).toArray();
    ASSERT_EQ(cmp.size(), 3);
    EXPECT_TRUE(cmp[0].toObject().value(QStringLiteral("value")).isDouble());
    EXPECT_EQ(cmp[0].toObject().value(QStringLiteral("value")).toDouble(), 6.0);
    EXPECT_EQ(cmp[0].toObject().value(QStringLiteral("corrected")).toBool(), false);
    EXPECT_TRUE(cmp[0].toObject().value(QStringLiteral("baseline")).isNull());
    const QJsonArray cov = root.value(QStringLiteral("coverage")).toArray();
    ASSERT_EQ(cov.size(), 3); // wa.time × three plans
    EXPECT_EQ(cov[0].toObject().value(QStringLiteral("coverage")).toString(), QStringLiteral("number_set"));
}

TEST(Exporters, FailedWriteLeavesTheOldFile) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    QTemporaryDir dir;
    const QString missingDir = dir.filePath(QStringLiteral("no/such/dir/out.csv"));
    const Status s = exporterFor(QStringLiteral("csv"))->write(waterData(*db), missingDir, {});
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.errorMessage().contains(missingDir));
}

// --lang en: the contract header row and every existing cell as without it; a second row of English
// column labels; name columns after the contract ones, in English.
TEST(Exporters, CsvWithEnglishNamesKeepsTheContractColumnsAndAddsNames) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain.csv"));
    const QString english = dir.filePath(QStringLiteral("en.csv"));
    ASSERT_TRUE(exporterFor(QStringLiteral("csv"))->write(waterData(*db), plain, {}).ok());
    ExportOptions o;
    o.names = Language::English;
    ASSERT_TRUE(exporterFor(QStringLiteral("csv"))->write(waterData(*db), english, o).ok());
    const QList<QStringList> a = csv::parse(QString::fromUtf8(readFile(plain).mid(3)));
    const QList<QStringList> b = csv::parse(QString::fromUtf8(readFile(english).mid(3)));
    ASSERT_EQ(a.size(), 4); // header, three plans
    ASSERT_EQ(b.size(), 5); // header, English labels, three plans
    const qsizetype n = a[0].size();
    EXPECT_EQ(b[0].mid(0, n), a[0]);
    EXPECT_EQ(b[0].mid(n), (QStringList{QStringLiteral("jurisdiction_name"), QStringLiteral("area_name"),
                                        QStringLiteral("indicator_name"), QStringLiteral("unit_name"),
                                        QStringLiteral("kind_name")}));
    for (const QString& label : b[1])
        EXPECT_FALSE(naming::containsCjk(label)) << label.toStdString();
    EXPECT_EQ(b[1].value(a[0].indexOf(QStringLiteral("jurisdiction"))), QStringLiteral("Jurisdiction"));
    for (int r = 1; r < a.size(); ++r) {
        EXPECT_EQ(b[r + 1].mid(0, n), a[r]); // data values and quotes never change
        EXPECT_EQ(b[r + 1].value(n + 2), QStringLiteral("Water connection time"));
        EXPECT_EQ(b[r + 1].value(n + 1), QStringLiteral("Getting water"));
        EXPECT_EQ(b[r + 1].value(n + 3), QStringLiteral("working days"));
    }
    EXPECT_EQ(b[2].value(n), QStringLiteral("Chongqing Municipality")); // 重庆市, the municipal plan first
    EXPECT_EQ(b[2].value(a[0].indexOf(QStringLiteral("jurisdiction"))), QStringLiteral("重庆市"));

    // --lang zh: the same name columns in Chinese, the Chinese label row.
    o.names = Language::Chinese;
    const QString chinese = dir.filePath(QStringLiteral("zh.csv"));
    ASSERT_TRUE(exporterFor(QStringLiteral("csv"))->write(waterData(*db), chinese, o).ok());
    const QList<QStringList> c = csv::parse(QString::fromUtf8(readFile(chinese).mid(3)));
    ASSERT_EQ(c.size(), 5);
    EXPECT_EQ(c[1].value(1), QStringLiteral("地区"));
    EXPECT_EQ(c[2].value(n + 2), QStringLiteral("用水报装时限"));
    EXPECT_EQ(c[2].value(n), QStringLiteral("重庆市"));
}
