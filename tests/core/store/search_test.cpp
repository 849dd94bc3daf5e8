// Search finds Chinese queries of any length, ranks them and highlights them; bad queries get plain words.
#include "storefixtures.h"

#include "store/cjktokenizer.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

using namespace pc;
using namespace pc::test;

TEST(CjkTokenizer, DocumentModeIndexesOneBigramPerCharacterAndTheRunsLastCharacterAlone) {
    EXPECT_EQ(fts::tokenize(QStringLiteral("用水报装"), false),
              (QStringList{QStringLiteral("用水"), QStringLiteral("水报"), QStringLiteral("报装"),
                           QStringLiteral("装")}));
    EXPECT_EQ(fts::tokenize(QStringLiteral("电，用水"), false),
              (QStringList{QStringLiteral("电"), QStringLiteral("用水"), QStringLiteral("水")}));
}

TEST(CjkTokenizer, QueryModeGivesOneTokenPerCharacterPositionWithoutTheLastCharacterOfAFinalRun) {
    EXPECT_EQ(fts::tokenize(QStringLiteral("电"), true), QStringList{QStringLiteral("电")});
    EXPECT_EQ(fts::tokenize(QStringLiteral("用水"), true), QStringList{QStringLiteral("用水")});
    EXPECT_EQ(fts::tokenize(QStringLiteral("报装全流程"), true),
              (QStringList{QStringLiteral("报装"), QStringLiteral("装全"), QStringLiteral("全流"),
                           QStringLiteral("流程")}));
    // Before a word the last character keeps its position (the document holds it alone there too).
    EXPECT_EQ(fts::tokenize(QStringLiteral("用水5G"), true),
              (QStringList{QStringLiteral("用水"), QStringLiteral("水"), QStringLiteral("5g")}));
    EXPECT_EQ(fts::tokenize(QStringLiteral("用水。"), true), QStringList{QStringLiteral("用水")});
}

TEST(CjkTokenizer, FoldsLatinAndFullWidthAndSkipsPunctuation) {
    EXPECT_EQ(fts::tokenize(QStringLiteral("５Ｇ基站，4G"), false),
              (QStringList{QStringLiteral("5g"), QStringLiteral("基站"), QStringLiteral("站"),
                           QStringLiteral("4g")}));
}

TEST(SearchQuery, QuotesEveryWordSoNoInputIsFts5Syntax) {
    const Result<fts::MatchQuery> q = fts::buildMatchQuery(QStringLiteral("用水 OR 用电 NEAR(x) a\"b\""));
    ASSERT_TRUE(q.ok());
    EXPECT_EQ(q->expression, QStringLiteral("\"用水\" OR \"用电\" \"NEAR(x)\" \"a\" \"b\""));
    EXPECT_EQ(q->fts5, q->expression);
    EXPECT_EQ(q->terms, (QStringList{QStringLiteral("用水"), QStringLiteral("用电"),
                                     QStringLiteral("NEAR(x)"), QStringLiteral("a"), QStringLiteral("b")}));
}

// A CJK character that ends a run in the query may stand before another character in a plan, where the
// index holds it only as the first half of a bigram: it becomes a prefix token.
TEST(SearchQuery, RunFinalSingleCharactersArePrefixTokensForTheIndex) {
    const auto fts5 = [](const char* query) { return fts::buildMatchQuery(QString::fromUtf8(query))->fts5; };
    EXPECT_EQ(fts5("电"), QStringLiteral("\"电\" *"));
    EXPECT_EQ(fts5("5G电"), QStringLiteral("\"5G电\" *"));
    EXPECT_EQ(fts5("电5G"), QStringLiteral("\"电5G\""));
    EXPECT_EQ(fts5("用水"), QStringLiteral("\"用水\""));
    EXPECT_EQ(fts5("用水 电"), QStringLiteral("\"用水\" \"电\" *"));
    EXPECT_EQ(fts5("\"用水 报装\""), QStringLiteral("\"用水\" + \"水\" * + \" 报装\""));
    EXPECT_EQ(fts5("\"电 报装\""), QStringLiteral("\"电\" * + \" 报装\""));
    EXPECT_EQ(fts5("\"a\"\"b电\""), QStringLiteral("\"a\" \"b电\" *"));
    // The engine-neutral expression is what PostgreSQL reads: unchanged.
    EXPECT_EQ(fts::buildMatchQuery(QStringLiteral("\"用水 报装\""))->expression,
              QStringLiteral("\"用水 报装\""));
}

TEST(SearchQuery, SyntaxErrorsArePlainMessages) {
    for (const QString& bad : {QStringLiteral("\"用水"), QStringLiteral("OR 用水"), QStringLiteral("用水 OR"),
                               QStringLiteral("，。！"), QStringLiteral("   ")}) {
        const Result<fts::MatchQuery> q = fts::buildMatchQuery(bad);
        ASSERT_FALSE(q.ok()) << bad.toStdString();
        EXPECT_EQ(q.error().code, QStringLiteral("search-syntax"));
        EXPECT_FALSE(q.errorMessage().contains(QStringLiteral("fts5"), Qt::CaseInsensitive));
    }
}

TEST(Search, FindsOneTwoAndManyCharacterChineseQueries) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const Result<QList<SearchHit>> one = db->search(QStringLiteral("电"));
    ASSERT_TRUE(one.ok()) << one.errorMessage().toStdString();
    EXPECT_EQ(one->size(), 2); // 办电 (city) and 用电 (dazu)
    const Result<QList<SearchHit>> two = db->search(QStringLiteral("用水"));
    ASSERT_TRUE(two.ok());
    EXPECT_EQ(two->size(), 3);
    const Result<QList<SearchHit>> many = db->search(QStringLiteral("报装全流程"));
    ASSERT_TRUE(many.ok());
    ASSERT_EQ(many->size(), 1);
    EXPECT_EQ(many->first().docId, QStringLiteral("city-2019"));
    EXPECT_EQ(many->first().measureNumber, 1);
    // The characters of the phrase occur elsewhere, but not contiguously: no hit.
    EXPECT_TRUE(db->search(QStringLiteral("报装流程"))->isEmpty());
}

TEST(Search, HighlightsEveryOccurrenceInTheSnippet) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    SearchOptions o;
    o.docId = QStringLiteral("city-2019");
    const Result<QList<SearchHit>> hits = db->search(QStringLiteral("用水报装"), o);
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 1);
    EXPECT_EQ(hits->first().snippet,
              QStringLiteral("推行[用水报装]全流程网上办理，[用水报装]时间压缩至6个工作日以内。"));
    EXPECT_EQ(hits->first().jurisdiction, QStringLiteral("重庆市"));
    o.html = true;
    o.highlightOpen = QStringLiteral("<b>");
    o.highlightClose = QStringLiteral("</b>");
    o.snippetChars = 4;
    const Result<QList<SearchHit>> html = db->search(QStringLiteral("全流程"), o);
    ASSERT_TRUE(html.ok());
    EXPECT_EQ(html->first().snippet, QStringLiteral("…用水报装<b>全流程</b>网上办理…"));
}

TEST(Search, RanksTitleHitsFirst) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const Result<QList<SearchHit>> hits = db->search(QStringLiteral("用水报装"));
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 3);
    // yuzhong's title is exactly 用水报装 (short field, strong bm25); all three mention it.
    EXPECT_EQ(hits->first().docId, QStringLiteral("yuzhong-2023"));
    EXPECT_LE(hits->at(0).score, hits->at(1).score);
    EXPECT_LE(hits->at(1).score, hits->at(2).score);
}

TEST(Search, WordsMustAllOccurAndOrWidens) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    EXPECT_EQ(db->search(QStringLiteral("用水 一站式"))->size(), 1);
    EXPECT_EQ(db->search(QStringLiteral("一站式 OR 低压"))->size(), 2);
    EXPECT_EQ(db->search(QStringLiteral("\"10个工作日\""))->size(), 1);
    EXPECT_EQ(db->search(QStringLiteral("国网重庆电力公司"))->size(), 1); // responsible unit
}

TEST(Search, MalformedQueryIsASearchSyntaxError) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    const Result<QList<SearchHit>> r = db->search(QStringLiteral("\"用水"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("search-syntax"));
    EXPECT_TRUE(r.errorMessage().contains(QStringLiteral("quote")));
    // Characters that are FTS5 operators are just text.
    const Result<QList<SearchHit>> ops = db->search(QStringLiteral("用水* (NOT) ^col:x"));
    ASSERT_TRUE(ops.ok()) << ops.errorMessage().toStdString();
    EXPECT_TRUE(ops->isEmpty()); // "not", "col" and "x" occur nowhere
    EXPECT_EQ(db->search(QStringLiteral("用水*"))->size(), 3);
}

// SQLite only (the FTS5 index). A one-character query is one token of the index (the character) and
// is scored in the store: the same measures, in the same order, with the very scores FTS5's bm25 gives
// the prefix phrase "电" * on a pc_cjk2 index with positions (schemas 11 and 12).
TEST(SearchIndex, OneCharacterQueriesScoreExactlyAsFts5Bm25) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    int matched = 0;
    for (const char* c : {"电", "水", "局", "办", "区", "零", "\"用\""}) {
        const QString query = QString::fromUtf8(c);
        SCOPED_TRACE(query.toStdString());
        const QList<std::pair<qint64, double>> expected =
            referenceBm25(*db, fts::buildMatchQuery(query)->fts5);
        const Result<QList<SearchHit>> hits = db->search(query);
        ASSERT_TRUE(hits.ok()) << hits.errorMessage().toStdString();
        QList<std::pair<qint64, double>> got;
        for (const SearchHit& h : *hits)
            got.append({h.measureId, h.score});
        EXPECT_EQ(got, expected); // exact doubles
        matched += int(got.size());
    }
    // The five sample measures: 电 2, 水 3, 局 1, 办 3, 区 1, 零 1, 用 5 (用水, 用电, 用户).
    EXPECT_EQ(matched, 16);
}

// 用水 goes through a capping statement and a ranking one; 水 (a prefix token) through one statement
// whose newest candidates are ranked in the store: both give the full ranking's hits and scores.
TEST(Search, RanksOnlyTheNewestMatchesWhenMoreThanTheCandidateLimitMatch) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    for (const QString& query : {QStringLiteral("用水"), QStringLiteral("水")}) {
        SCOPED_TRACE(query.toStdString());
        SearchOptions all;
        all.candidateLimit = 0;
        SearchInfo info;
        const QList<SearchHit> full = db->search(query, all, &info).value();
        ASSERT_GE(full.size(), 3);
        EXPECT_FALSE(info.capped);
        QList<qint64> ids;
        for (const SearchHit& h : full)
            ids << h.measureId;
        std::sort(ids.begin(), ids.end());

        SearchOptions exact;
        exact.candidateLimit = int(full.size()); // n matches are not more than n
        EXPECT_EQ(db->search(query, exact, &info).value(), full);
        EXPECT_FALSE(info.capped);

        SearchOptions two;
        two.candidateLimit = 2;
        const QList<SearchHit> capped = db->search(query, two, &info).value();
        EXPECT_TRUE(info.capped);
        EXPECT_EQ(info.rankedAmong, 2);
        ASSERT_EQ(capped.size(), 2);
        // The two most recently imported matches, in score order, with the scores of the full ranking.
        QList<SearchHit> expected;
        for (const SearchHit& h : full) {
            if (h.measureId >= ids[ids.size() - 2])
                expected << h;
        }
        EXPECT_EQ(capped, expected);

        SearchOptions first;
        first.limit = 1;
        EXPECT_EQ(db->search(query, first).value(), full.mid(0, 1));
    }
}

TEST(Search, OnePlanGivesTheSameHitsAsFilteringTheWholeRanking) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    SearchOptions all;
    all.limit = 0;
    for (const QString& query : {QStringLiteral("电"), QStringLiteral("用水"), QStringLiteral("报装")}) {
        const QList<SearchHit> full = db->search(query, all).value();
        for (const PlanSpec& p : samplePlans()) {
            SearchOptions one = all;
            one.docId = p.docId;
            QList<SearchHit> expected;
            for (const SearchHit& h : full) {
                if (h.docId == p.docId)
                    expected << h;
            }
            EXPECT_EQ(db->search(query, one).value(), expected)
                << query.toStdString() << " in " << p.docId.toStdString();
        }
    }
    SearchOptions unknown;
    unknown.docId = QStringLiteral("no-such-plan");
    EXPECT_TRUE(db->search(QStringLiteral("用水"), unknown)->isEmpty());
}

// SQLite only. The index holds no positions: a measure holding every token of a phrase is only a
// candidate, and the phrase is checked on its text. Measures written so that the tokens are there but
// not the phrase (报装 … 用水, 水务 … 用水报装), a Latin word inside a longer one (5GB), a run-final
// character (电 before a word), overlapping instances (用水用水用水) and phrases across punctuation:
// every query finds exactly the measures and the scores of FTS5's bm25 on an index with positions.
TEST(SearchIndex, PhrasesAreCheckedOnTheTextAndScoredAsWithPositions) {
    auto db = openTestDatabase();
    ASSERT_TRUE(db.ok());
    if ((*db)->isPostgres())
        return;
    ASSERT_TRUE((*db)->storeTaxonomy(sampleAreas(), sampleIndicators()).ok());
    PlanSpec p;
    p.docId = QStringLiteral("phrases-2024");
    p.jurisdiction = QStringLiteral("丁区");
    const QStringList bodies{
        QStringLiteral("报装在前，用水在后，两词不相连。"),
        QStringLiteral("水务部门推行用水报装全程网办。"),
        QStringLiteral("新建5GB存储与5G基站，办电5G通办。"),
        QStringLiteral("用水用水用水，用水报装，用水 报装。"),
        QStringLiteral("供电。报装同步，电 报装一次办。"),
        QStringLiteral("水电气网联合报装，一网通办率100%。"),
        QStringLiteral("全流程报装，报装全流程压缩。"),
    };
    for (qsizetype i = 0; i < bodies.size(); ++i)
        p.measures.append(
            {QStringLiteral("water"), i % 2 ? QStringLiteral("用水") : QString(), bodies[i], {}, {}});
    ASSERT_TRUE((*db)->importAnalysis(makeAnalysis(p)).ok());
    // Each query with its number of hits, counted by hand from the bodies above and the titles (用水 on
    // the second, fourth and sixth measures).
    const std::pair<const char*, int> queries[] = {
        {"用水报装", 2},  {"\"用水 报装\"", 2}, {"5G", 1},     {"5GB", 1},        {"5G通办", 1},
        {"电", 3},        {"\"电 报装\"", 1},   {"用水用", 1}, {"报装全流程", 1}, {"全流程 OR 用水", 5},
        {"网办 通办", 0}, {"水 电", 1},         {"水务", 1},   {"用水 报装", 4},  {"电5G", 1}};
    for (const auto& [query, count] : queries) {
        const QString q = QString::fromUtf8(query);
        SCOPED_TRACE(query);
        const QList<std::pair<qint64, double>> expected = referenceBm25(**db, fts::buildMatchQuery(q)->fts5);
        const Result<QList<SearchHit>> hits = (*db)->search(q);
        ASSERT_TRUE(hits.ok()) << hits.errorMessage().toStdString();
        QList<std::pair<qint64, double>> got;
        for (const SearchHit& h : *hits)
            got.append({h.measureId, h.score});
        EXPECT_EQ(got, expected); // exact doubles
        EXPECT_EQ(got.size(), count);
    }
    // The first measure holds 用水 and 报装 but not the phrase: a candidate, not a hit.
    const QList<SearchHit> phrase = (*db)->search(QStringLiteral("用水报装")).value();
    for (const SearchHit& h : phrase)
        EXPECT_NE(h.measureNumber, 1);
}

// The search's shortcuts agree with the tokenizer: the positions counted without building tokens are
// the tokens' number (bm25's length), and a phrase's literal text, where it has one, occurs exactly
// as often as the phrase's tokens do.
TEST(SearchQuery, PositionCountsAndPhraseLiteralsAgreeWithTheTokens) {
    const QStringList texts{QStringLiteral("用水报装全流程办理时间压缩至3个工作日"),
                            QStringLiteral("新建5GB存储与5G基站，办电5G通办。ＡＢＣ１２ café Ωμ"),
                            QStringLiteral("水水水 用水用水用水，电 电电。𠀀𠀁𠀀𠀁 x"), QStringLiteral(""),
                            QStringLiteral("。，！ -- ")};
    for (const QString& text : texts) {
        SCOPED_TRACE(text.toStdString());
        const QByteArray utf8 = text.toUtf8();
        fts::DocumentTokens tokens;
        fts::documentTokens(utf8.constData(), int(utf8.size()), tokens);
        EXPECT_EQ(fts::tokenCount(utf8.constData(), int(utf8.size())), int(tokens.spans.size()));
        EXPECT_EQ(fts::tokenCount(text), int(tokens.spans.size()));
        for (const char* query : {"用水", "水水", "用水用", "报装全流程", "电", "水", "𠀀𠀁𠀀", "电电"}) {
            const fts::QueryPhrase phrase = fts::buildMatchQuery(QString::fromUtf8(query))->phrases.first();
            const QByteArray literal = fts::phraseLiteral(phrase);
            ASSERT_FALSE(literal.isEmpty()) << query;
            int occurrences = 0;
            for (qsizetype at = utf8.indexOf(literal); at >= 0; at = utf8.indexOf(literal, at + 1))
                ++occurrences;
            EXPECT_EQ(occurrences, fts::phraseInstances(tokens, phrase)) << query;
        }
    }
    EXPECT_EQ(fts::tokenCount(texts[0]), 18 + 1); // 18 characters and the word 3
    // Words, run-final characters and prefixes inside a phrase have no literal.
    for (const char* query : {"5G", "电5G", "\"用水 报装\"", "5G电"})
        EXPECT_TRUE(
            fts::phraseLiteral(fts::buildMatchQuery(QString::fromUtf8(query))->phrases.first()).isEmpty())
            << query;
    // 水水水 holds 水水 twice (overlapping), 用水用水用水 用水用 twice.
    const QByteArray sample = texts[2].toUtf8();
    fts::DocumentTokens tokens;
    fts::documentTokens(sample.constData(), int(sample.size()), tokens);
    EXPECT_EQ(fts::phraseInstances(tokens, fts::buildMatchQuery(QStringLiteral("水水"))->phrases.first()), 2);
    EXPECT_EQ(fts::phraseInstances(tokens, fts::buildMatchQuery(QStringLiteral("用水用"))->phrases.first()),
              2);
}

// SQLite only. A measure whose text changes (the index's update trigger) is found by its new text,
// scored as FTS5's bm25 scores it, and no longer by its old one; a removed plan's measures are gone
// from the index; FTS5's own integrity check holds throughout.
TEST(SearchIndex, ChangedAndRemovedMeasuresAreReindexed) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    if (db->isPostgres())
        return;
    const qint64 id = firstMeasureId(*db);
    ASSERT_GT(id, 0);
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.prepare(QStringLiteral("UPDATE measures SET body = ? WHERE id = ?")));
    q.addBindValue(QStringLiteral("推行电子证照互认共享，电子证照一次办好。"));
    q.addBindValue(id);
    ASSERT_TRUE(q.exec());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')")));
    const QList<SearchHit> hits = db->search(QStringLiteral("电子证照")).value();
    ASSERT_EQ(hits.size(), 1);
    EXPECT_EQ(hits.first().measureId, id);
    const QList<std::pair<qint64, double>> expected =
        referenceBm25(*db, fts::buildMatchQuery(QStringLiteral("电子证照"))->fts5);
    ASSERT_EQ(expected.size(), 1);
    EXPECT_EQ(hits.first().score, expected.first().second);
    const qint64 documentId = hits.first().documentId;
    ASSERT_TRUE(db->removeDocument(documentId).ok());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')")));
    EXPECT_TRUE(db->search(QStringLiteral("电子证照"))->isEmpty());
    for (const QString& query : {QStringLiteral("用水"), QStringLiteral("电"), QStringLiteral("工作日")}) {
        SCOPED_TRACE(query.toStdString());
        QList<std::pair<qint64, double>> got;
        const QList<SearchHit> hits = db->search(query).value();
        for (const SearchHit& h : hits) {
            EXPECT_NE(h.documentId, documentId);
            got.append({h.measureId, h.score});
        }
        EXPECT_EQ(got, referenceBm25(*db, fts::buildMatchQuery(query)->fts5));
    }
}

namespace {

// The FTS5 segments the search index holds: the data rows past the structure and averages records,
// whose ids carry the segment id above bit 37 (FTS5_SEGMENT_ROWID).
int searchIndexSegments(Database& db) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(DISTINCT id >> 37) FROM measure_fts_data WHERE id >> 37 > 0")) ||
        !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

// SQLite only. The importer gives the index each measure's texts itself (one-row inserts, not a read of
// the plan's rows back): every plan is still one segment, written when the plan's measures are in, and
// the index holds exactly the tokens of the stored texts — packed bodies, Latin and full-width words in
// titles and units, an empty title — as FTS5's own integrity check (which tokenizes the stored rows
// again) and the searches scored against FTS5's bm25 on the stored texts show.
TEST(SearchIndex, TheImporterIndexesEachPlanAsOneSegmentOfItsStoredTexts) {
    auto db = sampleDatabase();
    ASSERT_TRUE(db);
    if (db->isPostgres())
        return;
    EXPECT_EQ(searchIndexSegments(*db), int(samplePlans().size()));
    PlanSpec plan{
        QStringLiteral("words-2021"), QStringLiteral("江北区"), QStringLiteral("district"), 2021, {}, {}};
    QString longBody;
    for (int k = 0; k < 12; ++k)
        longBody +=
            QStringLiteral("推进５Ｇ基站建设，用水报装全流程办理时间压缩至%1个工作日以内。").arg(k + 3);
    plan.measures = {
        {QStringLiteral("water"),
         QStringLiteral("ICP备案与5G网络"),
         longBody,
         {},
         {QStringLiteral("区ＥＣＯ局")}},
        {QStringLiteral("water"), QString(), QStringLiteral("开展Wi-Fi全覆盖。"), {}, {}},
    };
    ASSERT_TRUE(db->importAnalysis(makeAnalysis(plan)).ok());
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM measures WHERE typeof(body) = 'blob'")) &&
                q.next());
    EXPECT_GT(q.value(0).toInt(), 0); // the long body is stored packed
    q.finish();
    EXPECT_TRUE(q.exec(QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('integrity-check')")))
        << q.lastError().text().toStdString();
    for (const QString& query :
         {QStringLiteral("icp"), QStringLiteral("5G"), QStringLiteral("eco"), QStringLiteral("wi"),
          QStringLiteral("报装全流程"), QStringLiteral("用水")}) {
        SCOPED_TRACE(query.toStdString());
        QList<std::pair<qint64, double>> got;
        const QList<SearchHit> hits = db->search(query).value();
        for (const SearchHit& h : hits)
            got.append({h.measureId, h.score});
        const QList<std::pair<qint64, double>> expected =
            referenceBm25(*db, fts::buildMatchQuery(query)->fts5);
        EXPECT_FALSE(expected.isEmpty());
        EXPECT_EQ(got, expected);
    }
}

// The words-only and general paths of the streamed phrase count agree with the count on the built
// tokens, and give the column's positions: words in and around CJK runs, upper case and full width,
// words inside longer words, prefixes, overlapping instances, malformed bytes, an empty and a null text.
TEST(SearchQuery, StreamedPhraseInstancesEqualTheCountOnTheTokens) {
    QList<QByteArray> texts;
    for (const char* t :
         {"新建5GB存储与5G基站，办电5G通办，5g5G 5G。", "ＩＣＰ许可证与icp备案，ICP ICPs x-ICP",
          "5G电 5G电力 电5G 5G 电", "用水用水用水，用水报装，用水 报装。", "2023年底前12345热线12345", "",
          "。，！ -- ", "Ωμ café Café 5G"})
        texts << QByteArray(t);
    texts << QByteArray("5G\xff\xfe"
                        "5G 5G\xe7\x94"); // malformed UTF-8 between and after the words
    // Each query with its instances over all the texts, counted by hand.
    const std::pair<const char*, int> queries[] = {
        {"5G", 11},           {"ICP", 4},       {"12345", 2}, {"5G电", 3}, {"电5G", 3},
        {"\"用水 报装\"", 2}, {"\"5G 5G\"", 3}, {"用水", 5},  {"café", 2}, {"\"办电 5G 通办\"", 1},
        {"\"电 报装\"", 0},   {"用水用", 2}};
    QHash<QString, int> instances;
    for (const QByteArray& text : texts) {
        SCOPED_TRACE(text.toStdString());
        fts::DocumentTokens tokens;
        fts::documentTokens(text.constData(), int(text.size()), tokens);
        for (const auto& [query, count] : queries) {
            SCOPED_TRACE(query);
            const fts::QueryPhrase phrase = fts::buildMatchQuery(QString::fromUtf8(query))->phrases.first();
            int positions = -1;
            const int streamed = fts::phraseInstances(text.constData(), int(text.size()), phrase, &positions);
            EXPECT_EQ(streamed, fts::phraseInstances(tokens, phrase));
            EXPECT_EQ(positions, int(tokens.spans.size()));
            EXPECT_EQ(fts::phraseInstances(text.constData(), int(text.size()), phrase), streamed);
            instances[QString::fromUtf8(query)] += streamed;
        }
    }
    for (const auto& [query, count] : queries)
        EXPECT_EQ(instances.value(QString::fromUtf8(query)), count) << query;
    const fts::QueryPhrase word = fts::buildMatchQuery(QStringLiteral("5G"))->phrases.first();
    int positions = -1;
    EXPECT_EQ(fts::phraseInstances(nullptr, 0, word, &positions), 0);
    EXPECT_EQ(positions, 0);
}

namespace {

// 30 plans of three measures, written so that the newest plans hold the phrase 不动产登记 in a larger
// share of the measures holding its tokens (不动 动产 产登 登记) than the older ones: in the first 15
// plans every plan also has a measure with 不动产权 … 房产登记 (all four tokens, not the phrase), in the
// last 15 only every third plan.
std::unique_ptr<Database> manyPlansDatabase() {
    auto opened = openTestDatabase();
    if (!opened)
        return nullptr;
    std::unique_ptr<Database> db = std::move(opened).value();
    if (!db->storeTaxonomy(sampleAreas(), sampleIndicators()))
        return nullptr;
    for (int k = 0; k < 30; ++k) {
        PlanSpec p;
        p.docId = QStringLiteral("estimate-%1").arg(k, 2, 10, QLatin1Char('0'));
        p.jurisdiction = QStringLiteral("样%1区").arg(k);
        p.year = 2000 + k;
        p.measures.append({QStringLiteral("water"),
                           k % 4 == 0 ? QStringLiteral("不动产登记") : QString(),
                           k % 2 == 0 ? QStringLiteral("不动产登记一窗受理，推行不动产登记全程网办。")
                                      : QStringLiteral("不动产登记与水电气过户联动办理，一窗受理。"),
                           {},
                           {}});
        p.measures.append({QStringLiteral("water"),
                           QString(),
                           k < 15 || k % 3 == 0
                               ? QStringLiteral("不动产权籍调查和房产登记分开进行，一窗办理。")
                               : QStringLiteral("企业开办一网通办，全程网上办理。"),
                           {},
                           {}});
        p.measures.append({QStringLiteral("water"),
                           QStringLiteral("用水"),
                           QStringLiteral("用水报装时间压缩至%1个工作日。").arg(k % 5 + 1),
                           {},
                           {}});
        if (!db->importAnalysis(makeAnalysis(p)))
            return nullptr;
    }
    return db;
}

} // namespace

// SQLite only. A phrase of several tokens is weighed (bm25's IDF) by the measures holding it, which the
// index without positions cannot count: they are checked on the text of at most candidateLimit of the
// measures holding its tokens. Up to that many: the exact count, FTS5's bm25 to the bit (as before);
// beyond: the share of the newest candidateLimit that hold it, taken for all of them. A query of one
// phrase keeps its order (every score has the same factor), the scores change by the ratio of the
// estimated IDF to the exact one, and the count is the same whether it comes from the ranking's walk
// (the whole index) or from a walk of its own (one plan).
TEST(SearchIndex, PhraseRowsAreExactUpToTheCandidateLimitAndEstimatedBeyond) {
    auto db = manyPlansDatabase();
    ASSERT_TRUE(db);
    if (db->isPostgres())
        return;
    const QString query = QStringLiteral("不动产登记");
    const QList<std::pair<qint64, double>> reference = referenceBm25(*db, fts::buildMatchQuery(query)->fts5);
    ASSERT_EQ(reference.size(), 30);
    // The measures holding the phrase's tokens (candidates), newest first, and which hold the phrase.
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT id, pc_title(body, title) || ' ' || pc_body(body) || ' ' || "
                                      "pc_units(body, units) FROM measures "
                                      "ORDER BY id DESC")));
    QList<std::pair<qint64, bool>> candidates;
    qint64 measures = 0;
    while (q.next()) {
        ++measures;
        const QString text = q.value(1).toString();
        bool allTokens = true;
        for (const char* token : {"不动", "动产", "产登", "登记"})
            allTokens = allTokens && text.contains(QString::fromUtf8(token));
        if (allTokens)
            candidates.append({q.value(0).toLongLong(), text.contains(query)});
    }
    q.finish();
    ASSERT_EQ(candidates.size(), 50); // 30 with the phrase, 20 with its tokens only
    const auto idf = [&](double n) { return std::log((double(measures) - n + 0.5) / (n + 0.5)); };
    const auto hitsOf = [](const QList<SearchHit>& hits) {
        QList<std::pair<qint64, double>> out;
        for (const SearchHit& h : hits)
            out.append({h.measureId, h.score});
        return out;
    };

    // No cap, or a cap of at least the 50 candidates: every candidate is checked, FTS5's bm25 exactly.
    for (const int limit : {0, 50, 80}) {
        SearchOptions o;
        o.limit = 0;
        o.candidateLimit = limit;
        EXPECT_EQ(hitsOf(db->search(query, o).value()), reference) << limit;
    }

    // A cap of 10: the newest 10 candidates hold the phrase 8 times, so 50 × 8 / 10 = 40 measures are
    // taken to hold it (30 do).
    const int cap = 10;
    qint64 held = 0;
    for (qsizetype i = 0; i < cap; ++i)
        held += candidates[i].second ? 1 : 0;
    ASSERT_EQ(held, 8);
    const double ratio = idf(40) / idf(30);
    SearchOptions capped;
    capped.limit = 0;
    capped.candidateLimit = cap;
    SearchInfo info;
    const QList<SearchHit> hits = db->search(query, capped, &info).value();
    EXPECT_TRUE(info.capped);
    ASSERT_EQ(hits.size(), cap);
    // The newest 10 measures holding the phrase, in the reference's order, each score the reference's
    // times the ratio of the IDFs.
    QList<qint64> newest;
    for (const auto& [id, holds] : std::as_const(candidates)) {
        if (holds && newest.size() < cap)
            newest << id;
    }
    QList<std::pair<qint64, double>> expected;
    for (const auto& [id, score] : reference) {
        if (newest.contains(id))
            expected.append({id, score * ratio});
    }
    ASSERT_EQ(expected.size(), cap);
    for (qsizetype i = 0; i < cap; ++i) {
        EXPECT_EQ(hits[i].measureId, expected[i].first) << i;
        EXPECT_NEAR(hits[i].score, expected[i].second, 1e-12 * std::abs(expected[i].second)) << i;
    }
    EXPECT_EQ(db->search(query, capped).value(), hits); // again, with the count kept
    // One plan: the count from a walk of its own gives the same scores as the whole index's.
    for (const char* plan : {"estimate-29", "estimate-24"}) {
        SearchOptions one = capped;
        one.docId = QString::fromLatin1(plan);
        const QList<SearchHit> mine = db->search(query, one).value();
        ASSERT_FALSE(mine.isEmpty()) << plan;
        for (const SearchHit& h : mine) {
            const auto it = std::find_if(hits.begin(), hits.end(),
                                         [&](const SearchHit& x) { return x.measureId == h.measureId; });
            ASSERT_NE(it, hits.end()) << plan;
            EXPECT_EQ(h.score, it->score) << plan;
        }
    }
    // Two phrases, each counted in a walk of its own. 一窗受理 (一窗 窗受 受理): its 30 candidates all
    // hold it (the other measures say 一窗办理), so 30 × 10 / 10 = 30 is exact; 不动产登记 is 40 as above.
    // Each score is bm25's sum over the phrases with those IDFs; the factors besides the IDF come from the
    // reference's one-phrase scores.
    const QString second = QStringLiteral("一窗受理");
    const QList<std::pair<qint64, double>> secondReference =
        referenceBm25(*db, fts::buildMatchQuery(second)->fts5);
    ASSERT_EQ(secondReference.size(), 30);
    const QString both = query + QLatin1Char(' ') + second;
    SearchOptions all = capped;
    all.candidateLimit = 0;
    EXPECT_EQ(hitsOf(db->search(both, all).value()), referenceBm25(*db, fts::buildMatchQuery(both)->fts5));
    const QList<SearchHit> two = db->search(both, capped, &info).value();
    EXPECT_TRUE(info.capped);
    ASSERT_EQ(two.size(), cap);
    const auto factor = [](const QList<std::pair<qint64, double>>& ref, qint64 id, double idfOfRef) {
        for (const auto& [rid, score] : ref) {
            if (rid == id)
                return -score / idfOfRef;
        }
        return std::numeric_limits<double>::quiet_NaN();
    };
    QList<std::pair<qint64, double>> expectedTwo;
    for (const qint64 id : std::as_const(newest))
        expectedTwo.append({id, -(idf(40) * factor(reference, id, idf(30)) +
                                  idf(30) * factor(secondReference, id, idf(30)))});
    std::sort(expectedTwo.begin(), expectedTwo.end(), [](const auto& x, const auto& y) {
        return std::tie(x.second, x.first) < std::tie(y.second, y.first);
    });
    for (qsizetype i = 0; i < cap; ++i) {
        EXPECT_EQ(two[i].measureId, expectedTwo[i].first) << i;
        EXPECT_NEAR(two[i].score, expectedTwo[i].second, 1e-12 * std::abs(expectedTwo[i].second)) << i;
    }
}
