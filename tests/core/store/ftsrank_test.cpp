// The search ranks exactly as FTS5's bm25 on an index with positions, also when the rows per phrase it
// keeps between searches would be out of date (an import on this connection or a commit on another one).
#include "storefixtures.h"

#include "store/cjktokenizer.h"
#include "store/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::test;

namespace {

struct Ranked {
    qint64 id = 0;
    double score = 0;
    bool operator==(const Ranked&) const = default;
};

void PrintTo(const Ranked& r, std::ostream* os) {
    *os << r.id << ":" << r.score;
}

// What Database::search ranks: FTS5's own bm25 (same weights) of an index with positions
// (referenceBm25), best first.
QList<Ranked> builtInBm25(Database& db, const QString& query) {
    const Result<fts::MatchQuery> mq = fts::buildMatchQuery(query);
    EXPECT_TRUE(mq.ok());
    QList<Ranked> out;
    for (const auto& [id, score] : referenceBm25(db, mq->fts5))
        out.append({id, score});
    return out;
}

QList<Ranked> searched(Database& db, const QString& query) {
    const Result<QList<SearchHit>> hits = db.search(query);
    EXPECT_TRUE(hits.ok()) << hits.errorMessage().toStdString();
    QList<Ranked> out;
    for (const SearchHit& h : hits ? *hits : QList<SearchHit>{})
        out.append({h.measureId, h.score});
    return out;
}

PlanSpec anotherWaterPlan(const QString& docId) {
    PlanSpec p = samplePlans()[2];
    p.docId = docId;
    p.jurisdiction = QStringLiteral("丙区");
    p.measures[0].body = QStringLiteral("用水报装全程网办，用水报装时间压缩至2个工作日，用水接入零上门。");
    return p;
}

} // namespace

TEST(SearchRank, ScoresAreBm25sAlsoAfterChangesOnThisAndAnotherConnection) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rank.sqlite"));
    Result<std::unique_ptr<Database>> opened = Database::open(path);
    ASSERT_TRUE(opened.ok()) << opened.errorMessage().toStdString();
    Database& db = **opened;
    ASSERT_TRUE(db.storeTaxonomy(sampleAreas(), sampleIndicators()).ok());
    for (const PlanSpec& p : samplePlans())
        ASSERT_TRUE(db.importAnalysis(makeAnalysis(p)).ok());
    // 用水 is one token (its rows counted by FTS5), 用水报装 three (their rows checked on the text).
    const QStringList queries{QStringLiteral("用水"), QStringLiteral("工作日"),
                              QStringLiteral("用水 OR 办电"), QStringLiteral("报装 时间"),
                              QStringLiteral("用水报装")};
    QList<QList<Ranked>> first;
    for (const QString& query : queries) {
        SCOPED_TRACE(query.toStdString());
        const QList<Ranked> expected = builtInBm25(db, query);
        ASSERT_FALSE(expected.isEmpty());
        EXPECT_EQ(searched(db, query), expected);
        EXPECT_EQ(searched(db, query), expected); // again, with the rows per phrase kept
        first << expected;
    }
    // An import on this connection changes the counts (and so every score).
    ASSERT_TRUE(db.importAnalysis(makeAnalysis(anotherWaterPlan(QStringLiteral("c-2021")))).ok());
    const QList<Ranked> afterImport = builtInBm25(db, queries[0]);
    EXPECT_EQ(searched(db, queries[0]), afterImport);
    const QList<Ranked> phraseAfterImport = builtInBm25(db, queries[4]);
    EXPECT_EQ(searched(db, queries[4]), phraseAfterImport);
    EXPECT_NE(phraseAfterImport.first().score, first[4].first().score);
    ASSERT_GE(afterImport.size(), first[0].size());
    EXPECT_NE(afterImport.first().score, first[0].first().score);
    // A commit by another connection too.
    {
        Result<std::unique_ptr<Database>> other = Database::open(path);
        ASSERT_TRUE(other.ok());
        ASSERT_TRUE((*other)->importAnalysis(makeAnalysis(anotherWaterPlan(QStringLiteral("d-2022")))).ok());
    }
    const QList<Ranked> afterOther = builtInBm25(db, queries[0]);
    EXPECT_EQ(searched(db, queries[0]), afterOther);
    const QList<Ranked> phraseAfterOther = builtInBm25(db, queries[4]);
    EXPECT_EQ(searched(db, queries[4]), phraseAfterOther);
    EXPECT_EQ(phraseAfterOther.size(), phraseAfterImport.size() + 1);
    EXPECT_EQ(afterOther.size(), afterImport.size() + 1);
    EXPECT_NE(afterOther.first().score, afterImport.first().score);
}
