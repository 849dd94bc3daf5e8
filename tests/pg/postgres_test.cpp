// The team database on PostgreSQL: schema and search indexes, the same answers as SQLite on the seeds,
// two researchers importing at once, a dropped connection mid-import, a statement timeout.
#include "seedimport.h"
#include "storefixtures.h"
#include "testdb.h"
#include "testpaths.h"

#include "common/manifest.h"
#include "compare/comparison.h"
#include "compare/planselection.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "store/databasecopy.h"
#include "store/dialect.h"
#include "store/importer.h"
#include "store/migrations.h"
#include "store/pgbulk.h"
#include "store/sqlutil.h"
#include "taxonomy/taxonomy.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <gtest/gtest.h>

#include <cmath>

using namespace pc;
using namespace pc::test;

namespace {

QProcess* startCli(const QStringList& args,
                   const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    auto* p = new QProcess;
    p->setProcessEnvironment(env);
    p->start(cliBin(), args);
    return p;
}

int count(Database& db, const QString& sql) {
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

TEST(Postgres, NewDatabaseGetsTheLatestSchemaAndItsSearchIndexes) {
    ASSERT_TRUE(onPostgres()) << "run through CTest (pg.start sets up the server)";
    auto db = openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_TRUE((*db)->isPostgres());
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_TRUE((*db)->path().startsWith(QStringLiteral("postgresql://postgres@127.0.0.1:")));
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = 'measures' ORDER BY 1")));
    QStringList indexes;
    while (q.next())
        indexes << q.value(0).toString();
    EXPECT_EQ(indexes, (QStringList{QStringLiteral("measures_area"), QStringLiteral("measures_document"),
                                    QStringLiteral("measures_pkey"), QStringLiteral("measures_search_chars"),
                                    QStringLiteral("measures_search_trgm")}));
}

TEST(Postgres, ShortQueriesUseTheCharacterIndexAndLongOnesTheTrigramIndex) {
    auto db = openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    importSeeds(**db);
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("ANALYZE measures")));
    ASSERT_TRUE(q.exec(QStringLiteral("SET enable_seqscan = off")));
    // EXPLAIN ANALYZE: the plan actually run, and how many rows the index gave.
    const auto plan = [&](const QString& sql) {
        QSqlQuery p((*db)->connection());
        QString out;
        if (p.exec(QStringLiteral("EXPLAIN ANALYZE ") + sql))
            while (p.next())
                out += p.value(0).toString() + QLatin1Char('\n');
        return out;
    };
    const QString chars = plan(QStringLiteral(
        "SELECT id FROM measures m WHERE string_to_array(m.search_text, NULL) @> ARRAY['用', '水'] AND "
        "m.search_text LIKE '%用水%'"));
    EXPECT_TRUE(chars.contains(QStringLiteral("Bitmap Index Scan on measures_search_chars")))
        << chars.toStdString();
    const QString trgm =
        plan(QStringLiteral("SELECT id FROM measures m WHERE m.search_text LIKE '%报装全流程%'"));
    EXPECT_TRUE(trgm.contains(QStringLiteral("Bitmap Index Scan on measures_search_trgm")))
        << trgm.toStdString();
    // The search's candidate query for few matches: ids from the index, the newest kept.
    const QString candidates = plan(QStringLiteral(
        "WITH c AS MATERIALIZED (SELECT m.id FROM measures m WHERE m.search_text LIKE '%不动产登记%') "
        "SELECT m.id FROM measures m WHERE m.id IN (SELECT id FROM c ORDER BY id DESC LIMIT 11) ORDER BY "
        "m.id DESC"));
    EXPECT_TRUE(candidates.contains(QStringLiteral("Bitmap Index Scan on measures_search_trgm")))
        << candidates.toStdString();
    // The stored folded text: ASCII lower case, full-width digits and letters as ASCII.
    ASSERT_TRUE(q.exec(QStringLiteral(
        "SELECT count(*) FROM measures WHERE search_text <> lower(title) || "
        "chr(10) || lower(body) || chr(10) || lower(units) AND title !~ "
        "'[０-９Ａ-Ｚａ-ｚ]' AND body !~ '[０-９Ａ-Ｚａ-ｚ]' AND units !~ '[０-９Ａ-Ｚａ-ｚ]'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
}

// bm25's corpus figures are kept per plan by triggers: they follow imports, changed texts and removals.
TEST(Postgres, SearchStatisticsFollowImportsReimportsAndRemovals) {
    auto db = openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    importSeeds(**db);
    const auto agree = [&] {
        QSqlQuery q((*db)->connection());
        EXPECT_TRUE(q.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM measures), (SELECT coalesce(sum(search_tokens), 0) FROM measures), "
            "(SELECT coalesce(sum(measures), 0) FROM search_document_stats), (SELECT coalesce(sum(tokens), "
            "0) "
            "FROM search_document_stats), (SELECT count(*) FROM search_document_stats)")));
        EXPECT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toLongLong(), q.value(2).toLongLong());
        EXPECT_EQ(q.value(1).toLongLong(), q.value(3).toLongLong());
        // bm25's lengths: the importer's count (pgbulk.cpp) and the trigger's are pc_token_count's.
        QSqlQuery t((*db)->connection());
        EXPECT_TRUE(
            t.exec(QStringLiteral("SELECT count(*) FILTER (WHERE search_tokens IS DISTINCT FROM "
                                  "pc_token_count(title) + pc_token_count(body) + pc_token_count(units)), "
                                  "count(*) FILTER (WHERE search_tokens > 0) FROM measures")));
        EXPECT_TRUE(t.next());
        EXPECT_EQ(t.value(0).toLongLong(), 0);
        EXPECT_EQ(t.value(1).toLongLong(), q.value(0).toLongLong());
        return std::pair{q.value(0).toLongLong(), q.value(4).toLongLong()};
    };
    const auto [measures, plans] = agree();
    EXPECT_GT(measures, 300);
    EXPECT_EQ(plans, 5);
    // A changed measure text (as a re-import does), then a plan removed.
    QSqlQuery u((*db)->connection());
    ASSERT_TRUE(
        u.exec(QStringLiteral("UPDATE measures SET body = body || '用水用水' WHERE id IN (SELECT id FROM "
                              "measures ORDER BY id LIMIT 3)")));
    agree();
    const QList<DocumentRecord> docs = (*db)->documents().value();
    ASSERT_TRUE((*db)->removeDocument(docs.first().id).ok());
    const auto [after, plansAfter] = agree();
    EXPECT_EQ(after, measures - docs.first().measureCount);
    EXPECT_EQ(plansAfter, 4);
}

// Phrase counts are kept between searches only while the measures stay as they were: after a plan is
// removed or a measure changed, scores follow, as on SQLite.
TEST(Postgres, SearchScoresFollowChangesAfterRepeatedSearches) {
    auto lite = Database::openInMemory();
    auto pg = openTestDatabase();
    ASSERT_TRUE(lite.ok() && pg.ok()) << pg.errorMessage().toStdString();
    importSeeds(**lite);
    importSeeds(**pg);
    const auto same = [&](const QString& query) {
        const QList<SearchHit> a = (*lite)->search(query).value();
        const QList<SearchHit> b = (*pg)->search(query).value();
        EXPECT_FALSE(a.isEmpty());
        EXPECT_EQ(a.size(), b.size());
        for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i) {
            EXPECT_EQ(a[i].measureId, b[i].measureId);
            EXPECT_NEAR(a[i].score, b[i].score, 1e-6 * std::abs(a[i].score) + 1e-9);
        }
        return a.isEmpty() ? 0.0 : a.first().score;
    };
    const double before = same(QStringLiteral("用水"));
    EXPECT_EQ(same(QStringLiteral("用水")), before); // the kept counts
    const QList<DocumentRecord> docs = (*lite)->documents().value();
    const DocumentRecord removed = docs.last();
    ASSERT_TRUE((*lite)->removeDocument(removed.id).ok());
    ASSERT_TRUE((*pg)->removeDocument((*pg)->documentByDocId(removed.docId)->id).ok());
    const double after = same(QStringLiteral("用水"));
    EXPECT_NE(after, before);
    // A measure's text changed in place (the same plans, counts and sums but one more 用水): both read it
    // through pc_body; SQLite keeps a measure's texts in one value (schema 20), PostgreSQL plain.
    const QString which =
        QStringLiteral(" WHERE id = (SELECT min(id) FROM measures WHERE pc_body(body) NOT LIKE '%用水%')");
    QSqlQuery ql((*lite)->connection());
    QSqlQuery qp((*pg)->connection());
    ASSERT_TRUE(ql.exec(QStringLiteral("UPDATE measures SET body = pc_measure(pc_title(body, title), "
                                       "pc_body(body) || '用水', pc_units(body, units), pc_heading(body, "
                                       "area_heading))") +
                        which));
    ASSERT_TRUE(qp.exec(QStringLiteral("UPDATE measures SET body = pc_body(body) || '用水'") + which));
    EXPECT_NE(same(QStringLiteral("用水")), after);
}

// A team database of schema 7 with plans in it: migration 9 fills the stored search text, token counts
// and statistics for the rows already there, and search finds them.
TEST(Postgres, MigrationNineIndexesTheMeasuresAlreadyStored) {
    const QString uri = freshPostgresUri();
    ASSERT_FALSE(uri.isEmpty());
    const QUrl url(uri);
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("v7"));
        raw.setHostName(url.host());
        raw.setPort(url.port(5432));
        raw.setUserName(url.userName());
        raw.setDatabaseName(url.path().mid(1));
        ASSERT_TRUE(raw.open()) << raw.lastError().text().toStdString();
        ASSERT_TRUE(store::migrate(raw, 7).ok());
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO documents(doc_id, sha256) VALUES ('old-7', 'x')")));
        ASSERT_TRUE(q.exec(QStringLiteral(
            "INSERT INTO measures(document_id, ordinal, title, body, units) SELECT d.id, 0, '推进用水报装', "
            "'压减ＡＢ用水报装时间至5个工作日', '市水利局' FROM documents d UNION ALL SELECT d.id, 1, '', "
            "'办电全程网办 5G', '' FROM documents d")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v7"));
    auto db = Database::open(uri);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(count(**db, QStringLiteral("SELECT measures FROM search_document_stats")), 2);
    // Tokens: 推进用水报装 6; 压减 ＡＢ 用水报装时间至 5 个工作日 2 + 1 + 7 + 1 + 4; 市水利局 4; 办电全程网办
    // 5G 6 + 1.
    EXPECT_EQ(count(**db, QStringLiteral("SELECT sum(search_tokens) FROM measures")), 6 + 15 + 4 + 7);
    EXPECT_EQ(count(**db, QStringLiteral("SELECT tokens FROM search_document_stats")), 32);
    EXPECT_EQ(count(**db, QStringLiteral("SELECT count(*) FROM measures WHERE search_text LIKE '%ab用水%'")),
              1);
    const Result<QList<SearchHit>> water = (*db)->search(QStringLiteral("用水"));
    ASSERT_TRUE(water.ok()) << water.errorMessage().toStdString();
    ASSERT_EQ(water->size(), 1);
    EXPECT_EQ(water->first().docId, QStringLiteral("old-7"));
    EXPECT_EQ((*db)->search(QStringLiteral("电"))->size(), 1);
    EXPECT_EQ((*db)->search(QStringLiteral("ab"))->size(), 1);
    EXPECT_EQ((*db)->search(QStringLiteral("用水报装时间"))->size(), 1);
}

// The bulk path stores exactly what SQLite's row-by-row path stores: every table below documents
// compares equal row for row (db compare's digest), ids included.
TEST(Postgres, BulkImportStoresTheSameRowsAsSqlite) {
    auto lite = Database::openInMemory();
    auto pg = openTestDatabase();
    ASSERT_TRUE(lite.ok() && pg.ok()) << pg.errorMessage().toStdString();
    importSeeds(**lite);
    importSeeds(**pg);
    const Result<DatabaseDigest> a = digestDatabase(**lite);
    const Result<DatabaseDigest> b = digestDatabase(**pg);
    ASSERT_TRUE(a.ok() && b.ok()) << b.errorMessage().toStdString();
    QStringList compared;
    for (const TableDigest& ta : a->tables) {
        for (const TableDigest& tb : b->tables) {
            if (ta.table != tb.table)
                continue;
            // documents: imported_at is the moment of each import; agencies get their ids in name
            // order on PostgreSQL (two importers lock new names in one order), compared by name below.
            if (ta.table == QLatin1String("documents") || ta.table == QLatin1String("agencies") ||
                ta.table == QLatin1String("measure_agencies"))
                continue;
            SCOPED_TRACE(ta.table.toStdString());
            EXPECT_EQ(ta.rows, tb.rows);
            EXPECT_EQ(ta.sha256, tb.sha256);
            compared << ta.table;
        }
    }
    const auto links = [](Database& db) {
        QSqlQuery q(db.connection());
        QStringList out;
        if (q.exec(QStringLiteral(
                "SELECT l.measure_id, a.name, l.role, l.ordinal, l.written FROM measure_agencies l "
                "JOIN agencies a ON a.id = l.agency_id ORDER BY 1, 3, 4")))
            while (q.next())
                out << QStringLiteral("%1|%2|%3|%4|%5")
                           .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toString(), q.value(4).toString());
        return out;
    };
    const QStringList linksA = links(**lite);
    EXPECT_GT(linksA.size(), 100);
    EXPECT_EQ(linksA, links(**pg));
    EXPECT_EQ(count(**lite, QStringLiteral("SELECT count(*) FROM agencies")),
              count(**pg, QStringLiteral("SELECT count(*) FROM agencies")));
    for (const char* table : {"sections", "measures", "targets", "issues", "document_files", "sources"})
        EXPECT_TRUE(compared.contains(QString::fromLatin1(table))) << table;
    EXPECT_FALSE(compared.contains(QStringLiteral("search_document_stats"))); // the index's own, not copied
}

// Array literals carry any text: quotes, backslashes, braces, commas, blanks, NULL and ''.
TEST(Postgres, ArrayLiteralsRoundTripAnyText) {
    auto db = openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    const QStringList texts{QStringLiteral("a\"b"),     QStringLiteral("c\\d"), QStringLiteral("{e,f}"),
                            QStringLiteral(" g h "),    QStringLiteral(""),     QStringLiteral("NULL"),
                            QStringLiteral("用水\n电"), QStringLiteral("'"),    QStringLiteral("x\ty")};
    store::ArrayLiteral a;
    for (const QString& t : texts)
        a.add(t);
    a.add(QString());
    store::ArrayLiteral n;
    for (const QVariant& v : {QVariant(1.0 / 3.0), QVariant(qint64(-42)), QVariant(0.1), QVariant()})
        n.add(v);
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(
        q.prepare(QStringLiteral("SELECT t IS NULL, coalesce(t, ''), x::text FROM unnest(CAST(? AS "
                                 "text[]), CAST(? AS float8[])) WITH ORDINALITY u(t, x, k) ORDER BY k")));
    q.addBindValue(a.text());
    q.addBindValue(n.text());
    ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
    QStringList back;
    QStringList numbers;
    int nulls = 0;
    while (q.next()) {
        if (q.value(0).toBool())
            ++nulls;
        else
            back << q.value(1).toString();
        numbers << q.value(2).toString();
    }
    EXPECT_EQ(back, texts);
    EXPECT_EQ(nulls, 1);
    EXPECT_EQ(numbers.mid(0, 4), (QStringList{QStringLiteral("0.3333333333333333"), QStringLiteral("-42"),
                                              QStringLiteral("0.1"), QString()}));
}

TEST(Postgres, SeedsGiveTheSameSearchComparisonAndMeasuresAsSqlite) {
    auto lite = Database::openInMemory();
    auto pg = openTestDatabase();
    ASSERT_TRUE(lite.ok() && pg.ok()) << pg.errorMessage().toStdString();
    importSeeds(**lite);
    importSeeds(**pg);
    for (const QString& query :
         {QStringLiteral("电"), QStringLiteral("用水"), QStringLiteral("报装全流程"),
          QStringLiteral("营商环境"), QStringLiteral("不动产 登记"), QStringLiteral("用水 OR 用气")}) {
        SCOPED_TRACE(query.toStdString());
        SearchOptions o;
        o.limit = 50;
        const Result<QList<SearchHit>> a = (*lite)->search(query, o);
        const Result<QList<SearchHit>> b = (*pg)->search(query, o);
        ASSERT_TRUE(a.ok() && b.ok()) << b.errorMessage().toStdString();
        ASSERT_FALSE(a->isEmpty());
        ASSERT_EQ(a->size(), b->size());
        for (qsizetype i = 0; i < a->size(); ++i) {
            SCOPED_TRACE(i);
            EXPECT_EQ((*a)[i].docId, (*b)[i].docId);
            EXPECT_EQ((*a)[i].measureNumber, (*b)[i].measureNumber);
            EXPECT_EQ((*a)[i].snippet, (*b)[i].snippet);
            EXPECT_NEAR((*a)[i].score, (*b)[i].score, 1e-6 * std::abs((*a)[i].score) + 1e-9);
        }
    }
    // Capped: only the newest matches are ranked, as SQLite's FTS5 does. A cap of 1 makes 电 and 营商环境
    // walk the measures from the newest; a cap of 8 collects the matches through the indexes first.
    for (const int cap : {1, 8}) {
        for (const QString& query :
             {QStringLiteral("电"), QStringLiteral("营商环境"), QStringLiteral("用水 OR 用气")}) {
            SCOPED_TRACE(query.toStdString() + " cap " + std::to_string(cap));
            SearchOptions o;
            o.candidateLimit = cap;
            SearchInfo ia, ib;
            const Result<QList<SearchHit>> a = (*lite)->search(query, o, &ia);
            const Result<QList<SearchHit>> b = (*pg)->search(query, o, &ib);
            ASSERT_TRUE(a.ok() && b.ok()) << b.errorMessage().toStdString();
            EXPECT_TRUE(ia.capped);
            EXPECT_EQ(ia.capped, ib.capped);
            EXPECT_EQ(ia.rankedAmong, ib.rankedAmong);
            ASSERT_EQ(a->size(), std::min(cap, 20));
            ASSERT_EQ(a->size(), b->size());
            for (qsizetype i = 0; i < a->size(); ++i) {
                EXPECT_EQ((*a)[i].measureId, (*b)[i].measureId);
                EXPECT_NEAR((*a)[i].score, (*b)[i].score, 1e-6 * std::abs((*a)[i].score) + 1e-9);
            }
        }
    }
    for (const QString& indicator : {QStringLiteral("wa.time"), QStringLiteral("el.time.low_voltage"),
                                     QStringLiteral("sb.time"), QStringLiteral("ga.time")}) {
        SCOPED_TRACE(indicator.toStdString());
        const Result<QList<ComparisonRow>> a = compare::byIndicator(**lite, indicator, PlanSelection::all());
        const Result<QList<ComparisonRow>> b = compare::byIndicator(**pg, indicator, PlanSelection::all());
        ASSERT_TRUE(a.ok() && b.ok()) << b.errorMessage().toStdString();
        EXPECT_EQ(*a, *b);
    }
    EXPECT_EQ((*lite)->targets().value(), (*pg)->targets().value());
    EXPECT_EQ((*lite)->measures().value(), (*pg)->measures().value());
    QList<DocumentRecord> docsA = (*lite)->documents().value();
    QList<DocumentRecord> docsB = (*pg)->documents().value();
    ASSERT_EQ(docsA.size(), 5);
    ASSERT_EQ(docsB.size(), 5);
    for (qsizetype i = 0; i < docsA.size(); ++i) {
        SCOPED_TRACE(docsA[i].docId.toStdString());
        EXPECT_FALSE(docsB[i].importedAt.isEmpty());
        docsA[i].importedAt = docsB[i].importedAt = QString(); // the moment of each import
        EXPECT_EQ(docsA[i].docId, docsB[i].docId);
        EXPECT_EQ(docsA[i].jurisdiction, docsB[i].jurisdiction);
        EXPECT_EQ(docsA[i].sha256, docsB[i].sha256);
        EXPECT_TRUE(docsA[i] == docsB[i]);
    }
    EXPECT_EQ((*lite)->counts()->targets, (*pg)->counts()->targets);
}

TEST(Postgres, TwoSimultaneousSeedImportsLeaveExactlyFivePlans) {
    const QString uri = freshPostgresUri();
    ASSERT_FALSE(uri.isEmpty());
    std::unique_ptr<QProcess> a(
        startCli({QStringLiteral("--db"), uri, QStringLiteral("import"), QStringLiteral("--seeds")}));
    std::unique_ptr<QProcess> b(
        startCli({QStringLiteral("--db"), uri, QStringLiteral("import"), QStringLiteral("--seeds")}));
    ASSERT_TRUE(a->waitForFinished(120000) && b->waitForFinished(120000));
    EXPECT_EQ(a->exitCode(), 0) << a->readAllStandardError().toStdString();
    EXPECT_EQ(b->exitCode(), 0) << b->readAllStandardError().toStdString();
    auto db = Database::open(uri);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    EXPECT_EQ((*db)->counts()->documents, 5);
    EXPECT_EQ(count(**db, QStringLiteral("SELECT count(DISTINCT doc_id) FROM documents")), 5);
    // Each plan's measures once: the same count as one import into SQLite.
    auto lite = Database::openInMemory();
    importSeeds(**lite);
    EXPECT_EQ((*db)->counts()->measures, (*lite)->counts()->measures);
    EXPECT_EQ((*db)->counts()->targets, (*lite)->counts()->targets);
}

TEST(Postgres, ConnectionDroppedMidImportRollsBackAndTheNextTryWorks) {
    const QString uri = freshPostgresUri();
    ASSERT_FALSE(uri.isEmpty());
    {
        auto created = Database::open(uri); // schema first, so the pause below is inside the import
        ASSERT_TRUE(created.ok());
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PLANCOMPARE_TEST_IMPORT_PAUSE_MS"), QStringLiteral("3000"));
    std::unique_ptr<QProcess> p(startCli(
        {QStringLiteral("--db"), uri, QStringLiteral("import"), seedPath(QStringLiteral("dazu-2019"))}, env));
    ASSERT_TRUE(p->waitForStarted());
    // Wait until the import is inside its transaction, then drop its connection from the server side.
    QByteArray err;
    for (int i = 0; i < 200 && !err.contains("pausing inside import transaction"); ++i) {
        p->waitForReadyRead(100);
        err += p->readAllStandardError();
    }
    ASSERT_TRUE(err.contains("pausing inside import transaction")) << err.toStdString();
    const QString dbName = uri.section(QLatin1Char('/'), -1);
    ASSERT_TRUE(postgresAdmin(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                             "datname = '%1' AND application_name = 'plancompare'")
                                  .arg(dbName)));
    ASSERT_TRUE(p->waitForFinished(60000));
    err += p->readAllStandardError();
    EXPECT_EQ(p->exitCode(), 1);
    EXPECT_TRUE(err.contains("lost the connection to database postgresql://")) << err.toStdString();
    EXPECT_TRUE(err.contains("rolled back")) << err.toStdString();
    auto db = Database::open(uri);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ((*db)->counts()->documents, 0);
    EXPECT_EQ((*db)->counts()->measures, 0);
    // The next try works.
    std::unique_ptr<QProcess> again(startCli(
        {QStringLiteral("--db"), uri, QStringLiteral("import"), seedPath(QStringLiteral("dazu-2019"))}));
    ASSERT_TRUE(again->waitForFinished(60000));
    EXPECT_EQ(again->exitCode(), 0) << again->readAllStandardError().toStdString();
    EXPECT_EQ((*db)->counts()->documents, 1);
}

TEST(Postgres, StatementTimeoutStopsARunawayQueryWithAMessage) {
    DatabaseOptions o;
    o.statementTimeoutMs = 300;
    auto db = openTestDatabase(o);
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    const Result<QSqlQuery> r = store::exec((*db)->connection(), QStringLiteral("SELECT pg_sleep(30)"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("db-timeout"));
    EXPECT_TRUE(r.errorMessage().contains(QStringLiteral("statement timeout")))
        << r.errorMessage().toStdString();
    // The connection is still usable afterwards.
    EXPECT_EQ((*db)->counts()->documents, 0);
}

TEST(Postgres, UnreachableServerAndBadAddressesGiveClearMessages) {
    // A port nobody listens on (the test server's port + 1 is not it, nor a server of ours).
    auto dead = Database::open(QStringLiteral("postgresql://postgres@127.0.0.1:1/plans"));
    ASSERT_FALSE(dead.ok());
    EXPECT_EQ(dead.error().code, QStringLiteral("db-open"));
    EXPECT_TRUE(dead.errorMessage().startsWith(
        QStringLiteral("cannot connect to database postgresql://postgres@127.0.0.1:1/plans")))
        << dead.errorMessage().toStdString();
    auto noName = Database::open(QStringLiteral("postgresql://postgres@127.0.0.1:5432"));
    ASSERT_FALSE(noName.ok());
    EXPECT_TRUE(noName.errorMessage().contains(QStringLiteral("no database name")))
        << noName.errorMessage().toStdString();
    auto password = Database::open(QStringLiteral("postgresql://u@h/db?password=x"));
    ASSERT_FALSE(password.ok());
    EXPECT_TRUE(password.errorMessage().contains(QStringLiteral("~/.pgpass")))
        << password.errorMessage().toStdString();
}

TEST(Postgres, ATableOfAnotherProgramIsNotTouched) {
    const QString uri = freshPostgresUri();
    ASSERT_FALSE(uri.isEmpty());
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("other"));
        const QUrl u(uri);
        raw.setHostName(u.host());
        raw.setPort(u.port());
        raw.setUserName(u.userName());
        raw.setDatabaseName(u.path().mid(1));
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE invoices(id int)")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    auto db = Database::open(uri);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, QStringLiteral("db-corrupt"));
    EXPECT_TRUE(db.errorMessage().contains(QStringLiteral("another program")));
}

TEST(Postgres, CliCorrectionOnAStaleVersionIsRefusedAndHistoryShowsWhoAndWhen) {
    const QString uri = freshPostgresUri();
    ASSERT_FALSE(uri.isEmpty());
    const auto cli = [&](const QStringList& args) {
        QStringList all;
        all << QStringLiteral("--db") << uri;
        all.append(args);
        std::unique_ptr<QProcess> p(startCli(all));
        p->waitForFinished(120000);
        return std::make_tuple(p->exitCode(), QString::fromUtf8(p->readAllStandardOutput()),
                               QString::fromUtf8(p->readAllStandardError()));
    };
    ASSERT_EQ(std::get<0>(cli({QStringLiteral("import"), seedPath(QStringLiteral("yuzhong-2023"))})), 0);
    auto db = Database::open(uri);
    ASSERT_TRUE(db.ok());
    ComparisonRow water;
    const QList<ComparisonRow> rows = (*db)->targets().value();
    for (const ComparisonRow& r : rows)
        if (r.indicator == QStringLiteral("wa.time"))
            water = r;
    ASSERT_GT(water.targetId, 0);
    const QString id = QString::number(water.targetId);
    const auto [rc1, out1, err1] =
        cli({QStringLiteral("correct"), QStringLiteral("set"), id, QStringLiteral("value"),
             QStringLiteral("7"), QStringLiteral("--expect-version"), QStringLiteral("1")});
    EXPECT_EQ(rc1, 0) << err1.toStdString();
    const auto [rc2, out2, err2] =
        cli({QStringLiteral("correct"), QStringLiteral("set"), id, QStringLiteral("value"),
             QStringLiteral("6"), QStringLiteral("--expect-version"), QStringLiteral("1")});
    EXPECT_EQ(rc2, 1);
    EXPECT_TRUE(err2.contains(QStringLiteral("value is now \u201c7\u201d"))) << err2.toStdString();
    EXPECT_TRUE(err2.contains(QStringLiteral("changed by postgres"))) << err2.toStdString();
    EXPECT_EQ((*db)->target(water.targetId)->value, 7.0);
    const auto [rc3, out3, err3] = cli({QStringLiteral("correct"), QStringLiteral("history"), id});
    EXPECT_EQ(rc3, 0) << err3.toStdString();
    EXPECT_TRUE(out3.startsWith(QStringLiteral("target %1 version 2\n").arg(id))) << out3.toStdString();
    EXPECT_TRUE(out3.contains(QStringLiteral("postgres"))) << out3.toStdString();
    EXPECT_EQ(out3.count(QLatin1Char('\n')), 3); // version line, header, one change
}
