// Bad and unusual input: empty, binary, GB18030, 50 MB, no structure, a table without numbers.
#include "parsetesthelpers.h"

#include <QElapsedTimer>
#include <QStringEncoder>
#include <QTemporaryDir>

using namespace pc;
using namespace pc::test;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

// The parse of the same text must not depend on how the bytes were encoded.
void expectSameParse(Document a, Document b) {
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.measures, b.measures);
    EXPECT_EQ(a.sections, b.sections);
    EXPECT_EQ(a.meta, b.meta);
    EXPECT_EQ(a.layout, b.layout);
}

} // namespace

TEST(BadInput, EmptyFileIsAnErrorNamingTheFile) {
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("empty.txt"), {});
    const Result<Document> r = parseFile(path);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("empty-file"));
    EXPECT_EQ(r.errorMessage(), path + QStringLiteral(": the file is empty"));
}

TEST(BadInput, MissingFileIsAnError) {
    const Result<Document> r = parseFile(QStringLiteral("/nonexistent/plan.txt"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errorMessage(), QStringLiteral("/nonexistent/plan.txt: no such file"));
}

TEST(BadInput, BinaryFileIsRejected) {
    QByteArray bytes("\x7F"
                     "ELF",
                     4);
    for (int i = 0; i < 2000; ++i)
        bytes.append(static_cast<char>((i * 37) % 256));
    const Result<Document> r = parseBytes(bytes, QStringLiteral("plan.bin"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("binary-file"));
    EXPECT_TRUE(r.errorMessage().startsWith(QStringLiteral("plan.bin: ")));
    // Bytes that start like a zip archive go to the DOCX reader, which names the damage.
    bytes.replace(0, 4, QByteArray("PK\x03\x04", 4));
    const Result<Document> zip = parseBytes(bytes, QStringLiteral("plan.docx"));
    ASSERT_FALSE(zip.ok());
    EXPECT_EQ(zip.error().code, QStringLiteral("corrupt-zip"));
    EXPECT_TRUE(
        zip.errorMessage().startsWith(QStringLiteral("plan.docx: the file is a damaged zip archive")));
}

TEST(BadInput, Gb18030PlanParsesIdenticallyToItsUtf8Twin) {
    const QByteArray utf8 = readAll(seedPath(QStringLiteral("dazu-2019")));
    QStringEncoder enc("GB18030");
    const QByteArray gb = enc.encode(QString::fromUtf8(utf8));
    ASSERT_FALSE(enc.hasError());
    const Result<Document> a = parseBytes(utf8, QStringLiteral("dazu-2019.txt"));
    const Result<Document> b = parseBytes(gb, QStringLiteral("dazu-2019.txt"));
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok()) << b.errorMessage().toStdString();
    EXPECT_EQ(b->encoding, QStringLiteral("GB18030"));
    EXPECT_NE(a->sha256, b->sha256);
    EXPECT_EQ(b->measures.size(), 80);
    expectSameParse(a.value(), b.value());
}

TEST(BadInput, CommittedGb18030FileMatchesTheUtf8Text) {
    const QString path = dataDir() + QStringLiteral("/parse/jiangjin-head-gb18030.txt");
    const Result<Document> gb = parseFile(path);
    ASSERT_TRUE(gb.ok()) << gb.errorMessage().toStdString();
    EXPECT_EQ(gb->encoding, QStringLiteral("GB18030"));
    const QStringList lines = readSeed(QStringLiteral("jiangjin-2021")).split(QLatin1Char('\n'));
    const QString head = lines.mid(0, 40).join(QLatin1Char('\n')) + QLatin1Char('\n');
    const Result<Document> u = parseBytes(head.toUtf8(), path);
    ASSERT_TRUE(u.ok());
    expectSameParse(gb.value(), u.value());
    EXPECT_EQ(gb->meta.docNumber, QStringLiteral("江津府办发〔2021〕113号"));
    EXPECT_GE(gb->measures.size(), 20);
}

TEST(BadInput, FiftyMegabyteFileCompletes) {
    // A district plan's text repeated to 50 MB: numbered prose all the way through.
    const QByteArray plan = readAll(seedPath(QStringLiteral("yuzhong-2023")));
    QByteArray big;
    big.reserve(50 * 1024 * 1024 + plan.size());
    while (big.size() < 50 * 1024 * 1024)
        big.append(plan);
    QElapsedTimer timer;
    timer.start();
    const Result<Document> r = parseBytes(big, QStringLiteral("big.txt"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    const qsizetype copies = big.size() / plan.size();
    EXPECT_EQ(r->measures.size(), 90 * copies);
    EXPECT_EQ(r->layout, Layout::NumberedProse);
    EXPECT_LT(timer.elapsed(), 120000);
}

TEST(BadInput, TextWithoutStructureGivesAFlaggedDegradedParse) {
    const QString text =
        QStringLiteral("我们要持续优化营商环境，提高办事效率。\n进一步减少审批环节，方便企业群众。\n"
                       "各部门要加强协作，形成工作合力。\n");
    const Result<Document> r = parseBytes(text.toUtf8(), QStringLiteral("notes.txt"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->layout, Layout::Generic);
    ASSERT_EQ(r->measures.size(), 3);
    EXPECT_EQ(r->measures[1].body, QStringLiteral("进一步减少审批环节，方便企业群众。"));
    EXPECT_LE(r->measures[1].confidence, 0.1);
    bool flagged = false;
    for (const Issue& i : r->issues)
        flagged = flagged || i.code == QStringLiteral("no-structure");
    EXPECT_TRUE(flagged);
}

TEST(BadInput, GenericFallbackReadsBracketedItems) {
    const QString text =
        QStringLiteral("关于做好有关工作的意见\n（1）压减开办企业时间至1个工作日。\n（2）推行电子证照。\n"
                       "（3）优化纳税服务。\n");
    const Result<Document> r = parseBytes(text.toUtf8(), QStringLiteral("items.txt"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->layout, Layout::Generic);
    ASSERT_EQ(r->measures.size(), 3);
    EXPECT_EQ(r->measures[0].number, 1);
    EXPECT_EQ(r->measures[2].body, QStringLiteral("优化纳税服务。"));
    EXPECT_LT(r->measures[0].confidence, 0.5);
}

TEST(BadInput, TableWithoutNumbersIsNumberedInRowOrderAndFlagged) {
    const QString text =
        QStringLiteral("附件\n\t改革事项\n\t具体举措\n\t牵头单位\n\n"
                       "\t压减开办时间\n\t开办企业1个工作日办结。\n\t区市场监管局\n\n"
                       "\t推行电子证照\n\t2022年底前实现电子证照全覆盖。\n\t区大数据局、区政务办\n");
    const Result<Document> r = parseBytes(text.toUtf8(), QStringLiteral("table.txt"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    ASSERT_EQ(r->measures.size(), 2);
    EXPECT_EQ(r->measures[1].number, 2);
    EXPECT_EQ(r->measures[1].title, QStringLiteral("推行电子证照"));
    EXPECT_EQ(units(r->measures[1].lead), QStringLiteral("区大数据局;区政务办"));
    EXPECT_EQ(r->measures[1].deadline, QStringLiteral("2022-12"));
    EXPECT_DOUBLE_EQ(r->measures[0].confidence, 0.5);
    bool flagged = false;
    for (const Issue& i : r->issues)
        flagged = flagged || i.code == QStringLiteral("no-numbering");
    EXPECT_TRUE(flagged);
}

TEST(BadInput, ProgressCanCancel) {
    ParseOptions options;
    int calls = 0;
    options.progress = [&](int) { return ++calls < 2; };
    const Result<Document> r = parseFile(seedPath(QStringLiteral("dazu-2019")), options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("cancelled"));
}

TEST(Manifest, FillsOnlyWhatTheTextLeavesOut) {
    ManifestEntry e;
    e.docNumber = QStringLiteral("测府发〔2020〕1号");
    e.issuer = QStringLiteral("重庆市测试区人民政府");
    e.issuedOn = QStringLiteral("2020-01-02");
    e.jurisdiction = QStringLiteral("测试区");
    e.level = QStringLiteral("district");
    e.year = 2020;
    e.title = QStringLiteral("从清单来的标题");
    ParseOptions options;
    options.manifest = &e;
    const QString text =
        QStringLiteral("关于印发测试方案的通知\n1.第一项措施。\n2.第二项措施。\n3.第三项措施。\n");
    const Result<Document> r = parseBytes(text.toUtf8(), QStringLiteral("t.txt"), options);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->meta.title, QStringLiteral("测试方案")); // from the text
    EXPECT_EQ(r->meta.docNumber, QStringLiteral("测府发〔2020〕1号"));
    EXPECT_EQ(r->meta.year, 2020);
    EXPECT_EQ(r->meta.fromManifest,
              (QStringList{QStringLiteral("docNumber"), QStringLiteral("issuer"), QStringLiteral("issuedOn"),
                           QStringLiteral("jurisdiction"), QStringLiteral("level"), QStringLiteral("year")}));
}
