// A plan's rows packed ahead (store::packPlan, on an import's worker thread) store exactly the bytes
// that packing while storing gives; a packed plan made for another document is not used.
#include "testpaths.h"

#include "extract/analysis.h"
#include "store/database.h"
#include "store/packedplan.h"
#include "taxonomy/taxonomy.h"

#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <thread>

using namespace pc;

namespace {

Analysis seedAnalysis(const QString& name, const Taxonomy& taxonomy) {
    QFile f(test::seedsDir() + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    Result<Analysis> a = analyzeBytes(f.readAll(), name, taxonomy);
    return a ? std::move(a).value() : Analysis{};
}

// The stored bytes of the plan's text and of every measure's packed texts, in row order.
QList<QByteArray> storedBytes(Database& db) {
    QList<QByteArray> out;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT CAST(text AS BLOB) FROM sources ORDER BY document_id")))
        return out;
    while (q.next())
        out << q.value(0).toByteArray();
    if (!q.exec(QStringLiteral("SELECT CAST(body AS BLOB), title, units FROM measures ORDER BY id")))
        return out;
    while (q.next())
        out << q.value(0).toByteArray() + '|' + q.value(1).toByteArray() + '|' + q.value(2).toByteArray();
    return out;
}

QList<QByteArray> importInto(const Analysis& a, const store::PackedPlan* packed) {
    Result<std::unique_ptr<Database>> db = Database::open(QStringLiteral(":memory:"));
    if (!db) {
        ADD_FAILURE() << db.errorMessage().toStdString();
        return {};
    }
    const Result<Database::ImportOutcome> r = (*db)->importAnalysis(a, nullptr, {}, packed);
    EXPECT_TRUE(r.ok()) << r.errorMessage().toStdString();
    return storedBytes(**db);
}

} // namespace

TEST(PackedPlan, RowsPackedAheadOnAnotherThreadAreTheBytesPackedWhileStoring) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    const Analysis dazu = seedAnalysis(QStringLiteral("dazu-2019.txt"), *taxonomy);
    ASSERT_GT(dazu.document.measures.size(), 50);

    store::PackedPlan ahead;
    std::thread worker([&] { ahead = store::packPlan(dazu.document); });
    worker.join();
    ASSERT_EQ(ahead.measures.size(), size_t(dazu.document.measures.size()));
    // The plan's text and a measure's texts are packed (blobs smaller than their UTF-8).
    EXPECT_EQ(ahead.source.typeId(), QMetaType::QByteArray);
    EXPECT_LT(ahead.source.toByteArray().size() * 2, dazu.document.source.toUtf8().size());
    EXPECT_EQ(ahead.measures[0].utf8[1], dazu.document.measures[0].body.toUtf8());

    const QList<QByteArray> whileStoring = importInto(dazu, nullptr);
    const QList<QByteArray> packedAhead = importInto(dazu, &ahead);
    ASSERT_EQ(whileStoring.size(), 1 + dazu.document.measures.size());
    EXPECT_EQ(packedAhead, whileStoring);
    // What was bound is what packPlan made.
    EXPECT_EQ(packedAhead[0], ahead.source.toByteArray());
    EXPECT_EQ(packedAhead[1], ahead.measures[0].packed + "||");
}

TEST(PackedPlan, OneMadeForAnotherDocumentIsNotUsed) {
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    const Analysis dazu = seedAnalysis(QStringLiteral("dazu-2019.txt"), *taxonomy);
    const Analysis jiangjin = seedAnalysis(QStringLiteral("jiangjin-2021.txt"), *taxonomy);
    ASSERT_NE(dazu.document.measures.size(), jiangjin.document.measures.size());
    const store::PackedPlan wrong = store::packPlan(jiangjin.document);
    const QList<QByteArray> right = importInto(dazu, nullptr);
    ASSERT_EQ(right.size(), 1 + dazu.document.measures.size());
    EXPECT_EQ(importInto(dazu, &wrong), right);
}
