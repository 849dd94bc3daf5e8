// The store on the real pipeline: the five seed plans imported, searched and re-imported.
#include "testpaths.h"

#include "common/manifest.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "store/importer.h"
#include "taxonomy/taxonomy.h"

#include <QSet>

#include "testdb.h"

#include <gtest/gtest.h>

using namespace pc;

namespace {

struct SeedStore {
    std::unique_ptr<Database> db;
    QList<FileImport> first;
    QList<FileImport> second;
};

SeedStore importSeedsTwice() {
    SeedStore s;
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    const Result<Manifest> manifest = readManifest(test::seedsDir());
    Result<std::unique_ptr<Database>> db = test::openTestDatabase();
    if (!taxonomy || !manifest || !db)
        return s;
    s.db = std::move(db).value();
    EXPECT_TRUE(s.db->storeTaxonomy(*taxonomy).ok());
    QStringList files;
    for (const ManifestEntry& e : manifest->entries)
        files << manifest->pathOf(e);
    const Manifest& m = *manifest;
    const Taxonomy& t = *taxonomy;
    Importer importer(*s.db, [&](const QByteArray& bytes, const QString& path) {
        AnalyzeOptions o;
        for (const ManifestEntry& e : m.entries) {
            if (m.pathOf(e) == path)
                o.manifest = &e;
        }
        return analyzeBytes(bytes, path, t, o);
    });
    s.first = importer.importFiles(files);
    s.second = importer.importFiles(files);
    return s;
}

QSet<QString> docsOf(const QList<SearchHit>& hits) {
    QSet<QString> out;
    for (const SearchHit& h : hits)
        out.insert(h.docId);
    return out;
}

} // namespace

TEST(StoreSeeds, ImportsAllFivePlansOnceAndTheSecondImportIsANoOp) {
    SeedStore s = importSeedsTwice();
    ASSERT_TRUE(s.db);
    ASSERT_EQ(s.first.size(), 5);
    for (const FileImport& f : s.first)
        EXPECT_EQ(f.status, ImportStatus::Imported) << f.reason.toStdString();
    const StoreCounts c = s.db->counts().value();
    EXPECT_EQ(c.documents, 5);
    int measures = 0;
    for (qsizetype i = 0; i < s.second.size(); ++i) {
        EXPECT_EQ(s.second[i].status, ImportStatus::Unchanged);
        EXPECT_EQ(s.second[i].measures, s.first[i].measures);
        EXPECT_EQ(s.second[i].targets, s.first[i].targets);
        measures += s.first[i].measures;
    }
    EXPECT_EQ(c.measures, measures);
    EXPECT_GT(c.targets, 50);
    const QList<DocumentRecord> docs = s.db->documents().value();
    EXPECT_EQ(docs.first().docId, QStringLiteral("chongqing-2019")); // the municipal plan leads
    EXPECT_EQ(docs.first().level, QStringLiteral("municipal"));
    // Districts in pinyin order (Dazu, Jiangjin, Wulong, Yuzhong), not code-point order (大 武 江 渝).
    QStringList order;
    for (const DocumentRecord& d : docs)
        order << d.jurisdiction;
    EXPECT_EQ(order,
              QStringList({QStringLiteral("重庆市"), QStringLiteral("大足区"), QStringLiteral("江津区"),
                           QStringLiteral("武隆区"), QStringLiteral("渝中区")}));
    TargetFilter water;
    water.indicator = QStringLiteral("wa.time");
    const QList<ComparisonRow> waterRows = s.db->targets(water).value();
    QStringList rows;
    for (const ComparisonRow& r : waterRows)
        if (rows.isEmpty() || rows.last() != r.jurisdiction)
            rows << r.jurisdiction;
    EXPECT_EQ(rows, QStringList({QStringLiteral("重庆市"), QStringLiteral("大足区"), QStringLiteral("江津区"),
                                 QStringLiteral("渝中区")}));
}

TEST(StoreSeeds, SearchFindsWaterInAtLeastFourPlansAndElectricityAtAll) {
    SeedStore s = importSeedsTwice();
    ASSERT_TRUE(s.db);
    SearchOptions all;
    all.limit = 1000;
    const QList<SearchHit> water = s.db->search(QStringLiteral("用水"), all).value();
    EXPECT_GE(docsOf(water).size(), 4) << water.size();
    for (const SearchHit& h : water)
        EXPECT_TRUE(h.snippet.contains(QStringLiteral("[用水]"))) << h.snippet.toStdString();
    const QList<SearchHit> power = s.db->search(QStringLiteral("电"), all).value();
    EXPECT_GE(power.size(), 10);
    EXPECT_GE(docsOf(power).size(), 4);
    const QList<SearchHit> phrase = s.db->search(QStringLiteral("报装全流程"), all).value();
    ASSERT_FALSE(phrase.isEmpty());
    for (const SearchHit& h : phrase) {
        const QString src = s.db->documentSource(h.documentId).value();
        EXPECT_TRUE(src.mid(h.start, h.end - h.start).contains(QStringLiteral("报装全流程")));
    }
}

TEST(StoreSeeds, WaterConnectionComparisonListsTheMunicipalPlanFirst) {
    SeedStore s = importSeedsTwice();
    ASSERT_TRUE(s.db);
    const QList<ComparisonRow> rows = compare::byIndicator(*s.db, QStringLiteral("wa.time")).value();
    ASSERT_GE(rows.size(), 3);
    EXPECT_EQ(rows.first().jurisdiction, QStringLiteral("重庆市"));
    QSet<QString> docs;
    for (const ComparisonRow& r : rows) {
        docs.insert(r.docId);
        const QString src = s.db->documentSource(r.documentId).value();
        EXPECT_EQ(src.mid(r.start, r.end - r.start), r.quote);
    }
    EXPECT_GE(docs.size(), 3);
}
