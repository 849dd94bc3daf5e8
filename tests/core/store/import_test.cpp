// Import stores every row once, skips unchanged documents, replaces changed ones and rolls back failures.
#include "shippedtaxonomy.h"
#include "storefixtures.h"

#include "store/database.h"
#include "store/importer.h"
#include "store/sqlutil.h"
#include "store/targettext.h"
#include "store/textpack.h"
#include "taxonomy/classifier.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "testdb.h"

#include <gtest/gtest.h>
#include <zstd.h>

using namespace pc;
using namespace pc::test;

TEST(StoreImport, StoresDocumentsMeasuresTargetsAndUnits) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const Result<StoreCounts> c = db->counts();
    ASSERT_TRUE(c.ok()) << c.errorMessage().toStdString();
    EXPECT_EQ(c->documents, 3);
    EXPECT_EQ(c->measures, 5);
    EXPECT_EQ(c->targets, 4);
    const Result<QList<DocumentRecord>> docs = db->documents();
    ASSERT_TRUE(docs.ok());
    ASSERT_EQ(docs->size(), 3);
    EXPECT_EQ(docs->at(0).docId, QStringLiteral("city-2019")); // municipal first
    EXPECT_EQ(docs->at(0).measureCount, 2);
    EXPECT_EQ(docs->at(0).targetCount, 2);
    EXPECT_EQ(docs->at(0).layout, QStringLiteral("numbered-prose"));
    MeasureFilter f;
    f.docId = QStringLiteral("city-2019");
    const Result<QList<MeasureRecord>> ms = db->measures(f);
    ASSERT_TRUE(ms.ok());
    ASSERT_EQ(ms->size(), 2);
    EXPECT_EQ(ms->at(1).lead, QStringList{QStringLiteral("国网重庆电力公司")});
    EXPECT_EQ(ms->at(1).area, QStringLiteral("electricity"));
    EXPECT_EQ(ms->at(1).targetCount, 1);
    const Result<QString> src = db->documentSource(docs->at(0).id);
    ASSERT_TRUE(src.ok());
    EXPECT_EQ(src->mid(ms->at(0).start, 2), QStringLiteral("1、"));
}

TEST(StoreImport, LongSourcesAreStoredCompressedAndReadBackExactly) {
    auto opened = test::openTestDatabase();
    ASSERT_TRUE(opened.ok());
    Database& db = **opened;
    PlanSpec longPlan = samplePlans()[0];
    for (int i = 0; i < 40; ++i)
        longPlan.preface +=
            QStringLiteral("第%1条 为持续优化营商环境，提升市场主体满意度，制定本方案。\n").arg(i + 1);
    const Analysis big = makeAnalysis(longPlan);
    const Analysis small = makeAnalysis(samplePlans()[1]);
    qint64 bigId = 0;
    qint64 smallId = 0;
    ASSERT_TRUE(db.importAnalysis(big, &bigId).ok());
    ASSERT_TRUE(db.importAnalysis(small, &smallId).ok());
    QSqlQuery q(db.connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT document_id, typeof(text), length(CAST(text AS BLOB)) FROM sources "
                              "ORDER BY document_id")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("blob"));
    EXPECT_LT(q.value(2).toLongLong() * 2, big.document.source.toUtf8().size()); // under half
    q.finish();
    // A text too short to gain from compression stays text.
    EXPECT_EQ(store::packSource(QStringLiteral("短文")).typeId(), QMetaType::QString);
    EXPECT_EQ(store::unpackSource(store::packSource(QStringLiteral("短文"))), QStringLiteral("短文"));
    EXPECT_EQ(db.documentSource(bigId).value(), big.document.source);
    EXPECT_EQ(db.documentSource(smallId).value(), small.document.source);
    // A damaged compressed text is reported, not returned as an empty plan.
    ASSERT_TRUE(q.exec(
        QStringLiteral("UPDATE sources SET text = X'0000FFFF0102' WHERE document_id = %1").arg(bigId)));
    const Result<QString> damaged = db.documentSource(bigId);
    ASSERT_FALSE(damaged.ok());
    EXPECT_EQ(damaged.error().code, QStringLiteral("db-corrupt"));
}

TEST(StoreImport, StoredTextsAreZstandardFramesAndOlderZlibRowsStillRead) {
    QString text;
    for (int i = 0; i < 60; ++i)
        text += QStringLiteral("（%1）推行企业开办全程网上办，办理时间压缩至1个工作日以内。\n").arg(i + 1);
    const QByteArray utf8 = text.toUtf8();
    const QByteArray packed = store::packBytes(utf8);
    ASSERT_GE(packed.size(), 4);
    EXPECT_EQ(packed.left(4), QByteArray::fromHex("28B52FFD")); // the Zstandard magic number
    EXPECT_LT(packed.size() * 5, utf8.size());                  // repeated lines: under a fifth
    EXPECT_EQ(store::unpackBytes(packed), utf8);
    // What schema 12 and older stored (qCompress, zlib level 1) reads back the same.
    EXPECT_EQ(store::unpackBytes(qCompress(utf8, 1)), utf8);
    EXPECT_EQ(store::unpackSource(QVariant(qCompress(utf8, 1))), text);
    EXPECT_EQ(store::unpackSource(store::packSource(text)), text);
    // Empty data both ways.
    EXPECT_EQ(store::unpackBytes(store::packBytes(QByteArray())), QByteArray());
    EXPECT_EQ(store::unpackBytes(qCompress(QByteArray())), QByteArray());
    // Plan texts (packSource, schema 17) are frames naming the shipped dictionary, and a frame naming
    // a dictionary this build lacks is damage.
    const QVariant source = store::packSource(text);
    ASSERT_EQ(source.typeId(), QMetaType::QByteArray);
    const QByteArray frame = source.toByteArray();
    EXPECT_EQ(frame.left(4), QByteArray::fromHex("28B52FFD"));
    EXPECT_EQ(ZSTD_getDictID_fromFrame(frame.constData(), size_t(frame.size())),
              store::textpack::frameDictionaryId());
    EXPECT_LT(frame.size() * 5, utf8.size());
    EXPECT_EQ(store::unpackBytes(frame), utf8);
    // The id sits in the frame header after the descriptor byte (a window byte may come between):
    // change the first header byte that makes the frame name another dictionary.
    qsizetype at = 5;
    QByteArray otherDictionary = frame;
    for (; at < 8; ++at) {
        otherDictionary = frame;
        otherDictionary[at] = char(otherDictionary.at(at) ^ 0x40);
        const unsigned id =
            ZSTD_getDictID_fromFrame(otherDictionary.constData(), size_t(otherDictionary.size()));
        if (id != 0 && id != store::textpack::frameDictionaryId())
            break;
    }
    ASSERT_LT(at, 8);
    EXPECT_FALSE(store::unpackBytes(otherDictionary).has_value());
    QByteArray flippedFrame = frame;
    flippedFrame[flippedFrame.size() / 2] = char(flippedFrame.at(flippedFrame.size() / 2) ^ 0x5A);
    EXPECT_FALSE(store::unpackBytes(flippedFrame).has_value());
    // Damage: a cut frame, a changed byte inside it, a blob that is neither format.
    EXPECT_FALSE(store::unpackBytes(packed.left(packed.size() - 3)).has_value());
    QByteArray flipped = packed;
    flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x5A);
    EXPECT_FALSE(store::unpackBytes(flipped).has_value()); // the frame's checksum
    EXPECT_FALSE(store::unpackBytes(QByteArray::fromHex("0000FFFF0102")).has_value());
}

TEST(StoreImport, TargetRowsCarrySpanQuoteAndSentence) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    TargetFilter f;
    f.docId = QStringLiteral("dazu-2019");
    const Result<QList<ComparisonRow>> rows = db->targets(f);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1);
    const ComparisonRow& r = rows->first();
    EXPECT_EQ(r.quote, QStringLiteral("办理时间不超过5个工作日"));
    EXPECT_EQ(r.value, 5.0);
    EXPECT_EQ(r.jurisdiction, QStringLiteral("大足区"));
    EXPECT_EQ(r.measureNumber, 1);
    EXPECT_FALSE(r.corrected);
    const Result<QString> src = db->documentSource(r.documentId);
    EXPECT_EQ(src->mid(r.start, r.end - r.start), r.quote);
    EXPECT_EQ(r.sentence,
              QStringLiteral("1、提升用水报装效率：用水报装实行“一站式”服务，办理时间不超过5个工作日。"));
}

TEST(StoreImport, SecondImportOfTheSameDocumentChangesNothing) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const StoreCounts before = db->counts().value();
    const QString importedAt = db->documentByDocId(QStringLiteral("dazu-2019"))->importedAt;
    for (const PlanSpec& p : samplePlans()) {
        const Result<Database::ImportOutcome> r = db->importAnalysis(makeAnalysis(p));
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(*r, Database::ImportOutcome::Unchanged);
    }
    EXPECT_EQ(db->counts().value(), before);
    EXPECT_EQ(db->documentByDocId(QStringLiteral("dazu-2019"))->importedAt, importedAt);
}

TEST(StoreImport, ChangedDocumentReplacesItsRowsAndKeepsItsId) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const qint64 id = db->documentByDocId(QStringLiteral("dazu-2019"))->id;
    PlanSpec dazu = samplePlans()[1];
    dazu.measures.removeLast();
    dazu.measures[0].body = QStringLiteral("用水报装办理时间不超过3个工作日。");
    dazu.measures[0].targets = {
        {QStringLiteral("办理时间不超过3个工作日"), QStringLiteral("wa.time"), 3, QStringLiteral("工作日")}};
    qint64 newId = 0;
    const Result<Database::ImportOutcome> r = db->importAnalysis(makeAnalysis(dazu), &newId);
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(*r, Database::ImportOutcome::Replaced);
    EXPECT_EQ(newId, id);
    const StoreCounts c = db->counts().value();
    EXPECT_EQ(c.documents, 3);
    EXPECT_EQ(c.measures, 4);
    EXPECT_EQ(c.targets, 4);
    TargetFilter f;
    f.docId = QStringLiteral("dazu-2019");
    EXPECT_EQ(db->targets(f)->first().value, 3.0);
    // The search index follows: the removed measure's words are gone.
    EXPECT_TRUE(db->search(QStringLiteral("零上门"))->isEmpty());
    EXPECT_EQ(db->search(QStringLiteral("3个工作日"))->size(), 1);
}

TEST(StoreImport, FailedImportLeavesThePreviousStateExactly) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const StoreCounts before = db->counts().value();
    const DocumentRecord doc = db->documentByDocId(QStringLiteral("dazu-2019")).value();
    Analysis bad = makeAnalysis(samplePlans()[1]);
    bad.document.sha256 = QStringLiteral("changed");
    bad.document.measures[0].body = QStringLiteral("新的正文");
    Target stray = bad.targets.first();
    stray.measureIndex = 99;
    stray.span = {bad.document.source.size() + 10, bad.document.source.size() + 12};
    bad.targets.append(stray);
    const Result<Database::ImportOutcome> r = db->importAnalysis(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.errorMessage().contains(QStringLiteral("lies outside the text")))
        << r.errorMessage().toStdString();
    EXPECT_EQ(db->counts().value(), before);
    EXPECT_EQ(db->documentByDocId(QStringLiteral("dazu-2019")).value(), doc);
    EXPECT_EQ(db->search(QStringLiteral("新的正文"))->size(), 0);
    EXPECT_EQ(db->search(QStringLiteral("一站式"))->size(), 1);
}

TEST(StoreImport, ImporterSkipsUnchangedFilesWithoutAnalysingThem) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dazu-2019.txt"));
    const Analysis a = makeAnalysis(samplePlans()[1]);
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(a.document.source.toUtf8());
    }
    auto db = test::openTestDatabase();
    ASSERT_TRUE(db.ok());
    int analysed = 0;
    Importer importer(**db, [&](const QByteArray& bytes, const QString& p) -> Result<Analysis> {
        ++analysed;
        Analysis x = a;
        x.document.path = p;
        x.document.source = QString::fromUtf8(bytes);
        return x;
    });
    const QString missing = dir.filePath(QStringLiteral("missing.txt"));
    const QList<FileImport> first = importer.importFiles({path, missing});
    ASSERT_EQ(first.size(), 2);
    EXPECT_EQ(first[0].status, ImportStatus::Imported) << first[0].reason.toStdString();
    EXPECT_EQ(first[0].docId, QStringLiteral("dazu-2019"));
    EXPECT_EQ(first[0].measures, 2);
    EXPECT_EQ(first[0].targets, 1);
    EXPECT_EQ(first[1].status, ImportStatus::Failed);
    EXPECT_TRUE(first[1].reason.contains(missing));
    const FileImport second = importer.importFile(path);
    EXPECT_EQ(second.status, ImportStatus::Unchanged);
    EXPECT_EQ(second.measures, 2);
    EXPECT_EQ(analysed, 1);
    EXPECT_EQ(importStatusName(second.status), QStringLiteral("unchanged"));
}

// The analysers of the CLI, the GUI and the benchmark no longer hash (identify = false): the digest
// stored, and compared to skip an unchanged file, is the importer's own, of the file's bytes.
TEST(StoreImport, TheImportersDigestIsStoredWhenTheAnalyserDoesNotHash) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("moudistrict-2025.txt"));
    const QString text = QStringLiteral("某区优化营商环境工作方案\n一、压缩办理时间\n"
                                        "1. 到2025年，企业开办时间压缩至1个工作日以内。\n");
    auto write = [&](const QString& t) {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(t.toUtf8());
    };
    write(text);
    auto db = test::openTestDatabase();
    ASSERT_TRUE(db.ok());
    const Classifier classifier(shippedTaxonomy());
    int analysed = 0;
    Importer importer(**db, [&](const QByteArray& bytes, const QString& p) {
        ++analysed;
        AnalyzeOptions o;
        o.classifier = &classifier;
        o.identify = false;
        Result<Analysis> a = analyzeBytes(bytes, p, shippedTaxonomy(), o);
        EXPECT_TRUE(a.ok() && a->document.sha256.isEmpty());
        return a;
    });
    const QString digest = QStringLiteral("5775d54f05dd3cf620baecea19712e00a61969e6ede027a68c1faa04c35a7a84");
    // Twice in one run (the second is analysed ahead on a worker, then found unchanged), then alone.
    const QList<FileImport> run = importer.importFiles({path, path}, ImportOptions{});
    ASSERT_EQ(run.size(), 2);
    EXPECT_EQ(run[0].status, ImportStatus::Imported) << run[0].reason.toStdString();
    EXPECT_EQ(run[1].status, ImportStatus::Unchanged);
    EXPECT_EQ((*db)->storedSha256(QStringLiteral("moudistrict-2025")), digest);
    EXPECT_EQ((*db)->documentByDocId(QStringLiteral("moudistrict-2025"))->sha256, digest);
    EXPECT_EQ(importer.importFile(path).status, ImportStatus::Unchanged);
    EXPECT_EQ(analysed, 1);
    write(QString(text).replace(QStringLiteral("1个"), QStringLiteral("2个")));
    EXPECT_EQ(importer.importFile(path).status, ImportStatus::Replaced);
    EXPECT_EQ(analysed, 2);
    EXPECT_EQ((*db)->storedSha256(QStringLiteral("moudistrict-2025")),
              QStringLiteral("2b03d33d0fcd950c3bf7d1a6c59a67100b4cb6920cf5d9750358d3c13b793b95"));
}

TEST(StoreImport, AnalyserFailureIsReportedWithTheFileName) {
    auto db = test::openTestDatabase();
    ASSERT_TRUE(db.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("blob.txt"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("\x00\x01\x02", 3);
    f.close();
    Importer importer(**db, [](const QByteArray&, const QString&) -> Result<Analysis> {
        return Error{QStringLiteral("binary file, not a plan"), QStringLiteral("binary-file")};
    });
    const FileImport r = importer.importFile(path);
    EXPECT_EQ(r.status, ImportStatus::Failed);
    EXPECT_EQ(r.reason, path + QStringLiteral(": binary file, not a plan"));
    EXPECT_EQ((*db)->counts()->documents, 0);
}

// The importer binds values straight into cached SQLite statements: empty optional texts are NULL,
// texts of NOT NULL columns are '' rather than NULL, numbers keep their type, a target outside every
// measure has no measure id.
TEST(StoreImport, ImportedRowsHoldTheValuesAsBound) {
    auto opened = test::openTestDatabase();
    ASSERT_TRUE(opened.ok());
    Database& db = **opened;
    PlanSpec p;
    p.docId = QStringLiteral("bind-2024");
    p.jurisdiction = QStringLiteral("绑定区");
    p.preface = QStringLiteral("总体目标：开办企业时间压缩至1个工作日。\n");
    p.measures = {{QString(),
                   QString(),
                   QStringLiteral("推进电力接入，低压办电时间不超过5个工作日。"),
                   {{QStringLiteral("低压办电时间不超过5个工作日"), QStringLiteral("el.time.low_voltage"), 5,
                     QStringLiteral("工作日")}},
                   {QStringLiteral("区发展改革委")}}};
    Analysis a = makeAnalysis(p);
    Target goal = a.targets.first();
    const QString goalQuote = QStringLiteral("开办企业时间压缩至1个工作日");
    goal.measureIndex = -1;
    goal.quote = goalQuote;
    goal.span.start = a.document.source.indexOf(goalQuote);
    goal.span.end = goal.span.start + goalQuote.size();
    goal.indicator = QStringLiteral("sb.time");
    goal.value = 1;
    goal.section = QStringLiteral("goal");
    goal.sectionHeading = QString();
    a.targets.append(goal);
    qint64 id = 0;
    ASSERT_TRUE(db.importAnalysis(a, &id).ok());
    QSqlQuery q(db.connection());
    // Storage types: SQLite's typeof(), PostgreSQL's column types.
    const bool pg = db.isPostgres();
    const QString typeOf = pg ? QStringLiteral("pg_typeof(%1)::text") : QStringLiteral("typeof(%1)");
    const QString integer = pg ? QStringLiteral("bigint") : QStringLiteral("integer");
    const QString real = pg ? QStringLiteral("double precision") : QStringLiteral("real");
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT pc_title(body, title), area IS NULL, deadline IS NULL, %1, %2, "
                              "pc_units(body, units) FROM "
                              "measures WHERE document_id = %3")
                   .arg(typeOf.arg(QStringLiteral("number")), typeOf.arg(QStringLiteral("confidence")))
                   .arg(id)))
        << q.lastError().text().toStdString();
    ASSERT_TRUE(q.next());
    EXPECT_FALSE(q.isNull(0));
    EXPECT_EQ(q.value(0).toString(), QString());
    EXPECT_EQ(q.value(1).toInt(), 1);
    EXPECT_EQ(q.value(2).toInt(), 1);
    EXPECT_EQ(q.value(3).toString(), integer);
    EXPECT_EQ(q.value(4).toString(), real);
    EXPECT_EQ(q.value(5).toString(), QStringLiteral("区发展改革委"));
    // The quote and the sentence as readers take them (SQLite derives them from the source: schema 19).
    const store::Engine engine = store::engineOf(db.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT measure_id IS NULL, section, section_heading IS NULL, "
                                      "section_heading, %1, value, %3, %4 FROM targets WHERE "
                                      "document_id = %2 ORDER BY ordinal")
                           .arg(typeOf.arg(QStringLiteral("value")))
                           .arg(id)
                           .arg(store::quoteSql(engine), store::sentenceSql(engine))))
        << q.lastError().text().toStdString();
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("measure"));
    EXPECT_EQ(q.value(2).toInt(), 0);
    EXPECT_EQ(q.value(4).toString(), real);
    EXPECT_EQ(q.value(5).toDouble(), 5.0);
    EXPECT_EQ(q.value(6).toString(), QStringLiteral("低压办电时间不超过5个工作日"));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("goal"));
    EXPECT_EQ(q.value(2).toInt(), 0);
    EXPECT_EQ(q.value(3).toString(), QString());
    EXPECT_EQ(q.value(5).toDouble(), 1.0);
    EXPECT_EQ(q.value(6).toString(), goalQuote);
    EXPECT_EQ(q.value(7).toString(), QStringLiteral("总体目标：开办企业时间压缩至1个工作日。"));
    EXPECT_FALSE(q.next());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT ma.role, ma.written, a.name FROM measure_agencies ma JOIN "
                                      "agencies a ON a.id = ma.agency_id")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0); // lead (migration 18)
    EXPECT_TRUE(q.isNull(1));         // the spelling is the agency's name (migration 14)
    EXPECT_EQ(q.value(2).toString(), QStringLiteral("区发展改革委"));
    EXPECT_FALSE(q.next());
}

// measure_agencies.written holds a unit's spelling only where it differs from the agency's name; the
// names the measures show (units, lead, partners) are the same either way.
TEST(StoreImport, UnitSpellingsAreStoredOnlyWhereTheyDifferFromTheAgencyName) {
    auto opened = test::openTestDatabase();
    ASSERT_TRUE(opened.ok());
    Database& db = **opened;
    Analysis a = makeAnalysis(samplePlans()[0]);
    ASSERT_FALSE(a.document.measures.isEmpty());
    Measure& m = a.document.measures.first();
    m.lead = {Unit{QStringLiteral("县发展改革委"), QStringLiteral("区发展改革委")},
              Unit{QStringLiteral("区财政局"), QStringLiteral("区财政局")}};
    m.partners = {Unit{QStringLiteral("区税务局"), QString()}};
    qint64 id = 0;
    ASSERT_TRUE(db.importAnalysis(a, &id).ok());
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(
        QStringLiteral("SELECT ma.role, ma.ordinal, ma.written, a.name, pc_units(m.body, m.units) FROM "
                       "measure_agencies ma JOIN agencies a ON a.id = ma.agency_id JOIN "
                       "measures m ON m.id = ma.measure_id WHERE m.document_id = %1 AND "
                       "m.ordinal = 0 ORDER BY ma.ordinal")
            .arg(id)));
    QStringList rows;
    while (q.next())
        rows << QStringList{q.value(0).toString(), q.value(1).toString(),
                            q.isNull(2) ? QStringLiteral("NULL") : q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString()}
                    .join(QLatin1Char('|'));
    const QString units = QStringLiteral("县发展改革委 区财政局 区税务局");
    // role 0 leads, 1 takes part (migration 18)
    EXPECT_EQ(rows, (QStringList{QStringLiteral("0|0|县发展改革委|区发展改革委|") + units,
                                 QStringLiteral("0|1|NULL|区财政局|") + units,
                                 QStringLiteral("1|2|NULL|区税务局|") + units}));
    MeasureFilter f;
    f.documentId = id;
    const Result<QList<MeasureRecord>> ms = db.measures(f);
    ASSERT_TRUE(ms.ok());
    ASSERT_EQ(ms->size(), a.document.measures.size());
    EXPECT_EQ(ms->first().lead, (QStringList{QStringLiteral("区发展改革委"), QStringLiteral("区财政局")}));
    EXPECT_EQ(ms->first().partners, QStringList{QStringLiteral("区税务局")});
}

// A failed import leaves its cached statements reset: the next import on the same connection stores
// every row and is found by search; the failed one left nothing.
TEST(StoreImport, ImportAfterAFailedOneOnTheSameConnectionStoresEverything) {
    auto opened = test::openTestDatabase();
    ASSERT_TRUE(opened.ok());
    Database& db = **opened;
    Analysis bad = makeAnalysis(samplePlans()[1]);
    Target stray = bad.targets.first();
    stray.measureIndex = 99;
    stray.span = {bad.document.source.size() + 10, bad.document.source.size() + 12};
    bad.targets.append(stray);
    ASSERT_FALSE(db.importAnalysis(bad).ok());
    EXPECT_EQ(db.counts()->documents, 0);
    EXPECT_EQ(db.counts()->measures, 0);
    for (const PlanSpec& p : samplePlans())
        ASSERT_TRUE(db.importAnalysis(makeAnalysis(p)).ok());
    const StoreCounts c = db.counts().value();
    EXPECT_EQ(c.documents, 3);
    EXPECT_EQ(c.measures, 5);
    EXPECT_EQ(c.targets, 4);
    EXPECT_EQ(db.search(QStringLiteral("一站式"))->size(), 1);
}
