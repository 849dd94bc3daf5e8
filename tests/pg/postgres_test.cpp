// The team database on PostgreSQL: schema and search indexes, the same answers as SQLite on the seeds,
// two researchers importing at once, a dropped connection mid-import, a statement timeout.
#include "seedimport.h"
#include "storefixtures.h"
#include "testdb.h"
#include "testpaths.h"

#include "common/manifest.h"
#include "compare/comparison.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "store/dialect.h"
#include "store/importer.h"
#include "store/sqlutil.h"
#include "taxonomy/taxonomy.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QThread>

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
                                    QStringLiteral("measures_grams"), QStringLiteral("measures_pkey"),
                                    QStringLiteral("measures_trgm")}));
}

TEST(Postgres, ShortQueriesUseTheGramIndexAndLongOnesTheTrigramIndex) {
    auto db = openTestDatabase();
    ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SET enable_seqscan = off")));
    const auto plan = [&](const QString& where) {
        QSqlQuery p((*db)->connection());
        QString out;
        if (p.exec(QStringLiteral("EXPLAIN SELECT id FROM measures m WHERE ") + where))
            while (p.next())
                out += p.value(0).toString() + QLatin1Char('\n');
        return out;
    };
    EXPECT_TRUE(plan(QStringLiteral("pc_grams(pc_search_text(m.title, m.body, m.units)) @> ARRAY['用水']"))
                    .contains(QStringLiteral("measures_grams")));
    EXPECT_TRUE(plan(QStringLiteral("pc_search_text(m.title, m.body, m.units) LIKE '%报装全流程%'"))
                    .contains(QStringLiteral("measures_trgm")));
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
    for (const QString& indicator : {QStringLiteral("wa.time"), QStringLiteral("el.time.low_voltage"),
                                     QStringLiteral("sb.time"), QStringLiteral("ga.time")}) {
        SCOPED_TRACE(indicator.toStdString());
        const Result<QList<ComparisonRow>> a = compare::byIndicator(**lite, indicator);
        const Result<QList<ComparisonRow>> b = compare::byIndicator(**pg, indicator);
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
