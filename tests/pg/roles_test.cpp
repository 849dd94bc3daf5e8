// Team roles on PostgreSQL: readers read and are refused writes with a clear message, editors correct,
// annotate and import, default privileges cover tables created later, only the owner migrates; the
// CLI's db roles/grant/revoke; a connection dropped in the middle of a correction.
#include "seedimport.h"
#include "testdb.h"
#include "testpaths.h"

#include "store/database.h"
#include "store/roles.h"
#include "store/sqlutil.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QUrl>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace pc;
using namespace pc::test;

namespace {

QString asUser(const QString& uri, const QString& user) {
    QUrl u(uri);
    u.setUserName(user);
    return u.toString();
}

// A login role of its own for this test process (roles belong to the whole test server).
QString newLogin(const QString& name) {
    static int serial = 0; // several tests in one process each get their own
    const QString login = QStringLiteral("pc_%1_%2_%3").arg(name).arg(getpid()).arg(++serial);
    QString error;
    EXPECT_TRUE(postgresAdmin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(login), &error))
        << error.toStdString();
    return login;
}

int count(Database& db, const QString& sql) {
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

bool execOk(Database& db, const QString& sql) {
    return store::execStatus(db.connection(), sql).ok();
}

// A seeded team database owned by the test server's superuser, roles set up.
QString seededTeamDatabase(std::unique_ptr<Database>* ownerOut) {
    const QString uri = freshPostgresUri();
    EXPECT_FALSE(uri.isEmpty());
    Result<std::unique_ptr<Database>> owner = Database::open(uri);
    EXPECT_TRUE(owner.ok()) << owner.errorMessage().toStdString();
    importSeeds(**owner);
    const Status s = setupTeamRoles(**owner);
    EXPECT_TRUE(s.ok()) << s.errorMessage().toStdString();
    *ownerOut = std::move(owner).value();
    return uri;
}

qint64 firstTargetWithValue(Database& db) {
    Result<QList<ComparisonRow>> rows = db.targets();
    EXPECT_TRUE(rows.ok());
    for (const ComparisonRow& r : *rows)
        if (r.value)
            return r.targetId;
    return 0;
}

} // namespace

TEST(Roles, ReaderReadsButEveryWriteIsRefusedClearlyWhileAnEditorWrites) {
    std::unique_ptr<Database> owner;
    const QString uri = seededTeamDatabase(&owner);
    const QString alice = newLogin(QStringLiteral("alice"));
    const QString bob = newLogin(QStringLiteral("bob"));
    ASSERT_TRUE(grantTeamRole(*owner, alice, TeamRole::Reader).ok());
    ASSERT_TRUE(grantTeamRole(*owner, bob, TeamRole::Editor).ok());
    const Result<QList<TeamMember>> members = teamMembers(*owner);
    ASSERT_TRUE(members.ok()) << members.errorMessage().toStdString();
    int seen = 0;
    for (const TeamMember& m : *members) {
        if (m.login == alice) {
            EXPECT_EQ(m.role, TeamRole::Reader);
            ++seen;
        }
        if (m.login == bob) {
            EXPECT_EQ(m.role, TeamRole::Editor);
            ++seen;
        }
    }
    EXPECT_EQ(seen, 2);
    EXPECT_FALSE(owner->readOnly());
    const int targets = owner->counts()->targets;
    ASSERT_GT(targets, 100);
    const qint64 target = firstTargetWithValue(*owner);
    ASSERT_GT(target, 0);

    // The reader: everything to read, nothing to change.
    Result<std::unique_ptr<Database>> reader = Database::open(asUser(uri, alice));
    ASSERT_TRUE(reader.ok()) << reader.errorMessage().toStdString();
    Database& r = **reader;
    EXPECT_TRUE(r.readOnly());
    EXPECT_TRUE(r.readOnlyReason().contains(alice)) << r.readOnlyReason().toStdString();
    EXPECT_EQ(r.counts()->targets, targets);
    EXPECT_EQ(r.documents()->size(), 5);
    EXPECT_GT(r.search(QStringLiteral("用水"))->size(), 0);
    const Result<qint64> correction = r.correctTarget(target, OverrideKind::TargetValue, QStringLiteral("3"));
    ASSERT_FALSE(correction.ok());
    EXPECT_EQ(correction.error().code, QStringLiteral("db-readonly"));
    EXPECT_TRUE(
        correction.errorMessage().contains(QStringLiteral("is read-only: role %1 may only read").arg(alice)))
        << correction.errorMessage().toStdString();
    EXPECT_TRUE(correction.errorMessage().contains(QStringLiteral("saving the correction was refused")));
    const Result<qint64> note = r.addNote(NoteSubject::Target, target, QStringLiteral("读者的注释"));
    ASSERT_FALSE(note.ok());
    EXPECT_EQ(note.error().code, QStringLiteral("db-readonly"));
    EXPECT_EQ(r.correctPlan(QStringLiteral("dazu-2019"), QStringLiteral("year"), QStringLiteral("2020"))
                  .error()
                  .code,
              QStringLiteral("db-readonly"));
    // SQL past the store is stopped by the server too (read-only transactions, no grants).
    const Result<QSqlQuery> raw = store::exec(r.connection(), QStringLiteral("DELETE FROM notes"));
    ASSERT_FALSE(raw.ok());
    EXPECT_EQ(raw.error().code, QStringLiteral("db-readonly"));
    EXPECT_EQ(owner->counts()->overrides, 0);
    EXPECT_EQ(owner->counts()->notes, 0);

    // The editor: corrections, notes and history as bob, and imports.
    Result<std::unique_ptr<Database>> editor = Database::open(asUser(uri, bob));
    ASSERT_TRUE(editor.ok()) << editor.errorMessage().toStdString();
    Database& e = **editor;
    EXPECT_FALSE(e.readOnly());
    const Result<qint64> version = e.targetVersion(target);
    ASSERT_TRUE(version.ok());
    const Result<qint64> corrected =
        e.correctTarget(target, OverrideKind::TargetValue, QStringLiteral("3"), *version);
    ASSERT_TRUE(corrected.ok()) << corrected.errorMessage().toStdString();
    ASSERT_TRUE(e.addNote(NoteSubject::Target, target, QStringLiteral("编辑的注释")).ok());
    const Result<QList<TargetChange>> history = owner->targetHistory(target);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 1);
    EXPECT_EQ(history->first().changedBy, bob);
    EXPECT_EQ(owner->counts()->overrides, 1);
    EXPECT_EQ(owner->counts()->notes, 1);
    // The reader sees the editor's correction.
    EXPECT_EQ(r.target(target)->value, std::optional<double>(3.0));
    // Import: the owner removes a plan, the editor imports the seeds again — that plan comes back.
    const Result<DocumentRecord> dazu = owner->documentByDocId(QStringLiteral("dazu-2019"));
    ASSERT_TRUE(dazu.ok());
    ASSERT_TRUE(owner->removeDocument(dazu->id).ok());
    EXPECT_EQ(owner->counts()->documents, 4);
    const Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    ASSERT_TRUE(taxonomy.ok());
    ASSERT_TRUE(e.storeTaxonomy(*taxonomy).ok());
    const Result<Manifest> manifest = readManifest(seedsDir());
    ASSERT_TRUE(manifest.ok());
    Importer importer(e, [&](const QByteArray& bytes, const QString& path) {
        AnalyzeOptions o;
        for (const ManifestEntry& m : manifest->entries)
            if (manifest->pathOf(m) == path)
                o.manifest = &m;
        return analyzeBytes(bytes, path, *taxonomy, o);
    });
    const FileImport imported = importer.importFile(seedPath(QStringLiteral("dazu-2019")));
    EXPECT_EQ(imported.status, ImportStatus::Imported) << imported.reason.toStdString();
    EXPECT_EQ(owner->counts()->documents, 5);
    // The schema version stays the owner's.
    EXPECT_FALSE(execOk(e, QStringLiteral("DELETE FROM plancompare_schema")));
    EXPECT_EQ(owner->schemaVersion(), Database::latestSchemaVersion());
}

TEST(Roles, DefaultPrivilegesCoverTablesALaterMigrationCreates) {
    std::unique_ptr<Database> owner;
    const QString uri = seededTeamDatabase(&owner);
    const QString alice = newLogin(QStringLiteral("alice"));
    const QString bob = newLogin(QStringLiteral("bob"));
    ASSERT_TRUE(grantTeamRole(*owner, alice, TeamRole::Reader).ok());
    ASSERT_TRUE(grantTeamRole(*owner, bob, TeamRole::Editor).ok());
    // As a later migration would, run by the owner after the roles were set up.
    ASSERT_TRUE(execOk(*owner, QStringLiteral("CREATE TABLE later_table(id BIGINT GENERATED BY DEFAULT AS "
                                              "IDENTITY PRIMARY KEY, text TEXT)")));
    ASSERT_TRUE(execOk(*owner, QStringLiteral("INSERT INTO later_table(text) VALUES ('owner')")));
    Result<std::unique_ptr<Database>> editor = Database::open(asUser(uri, bob));
    ASSERT_TRUE(editor.ok()) << editor.errorMessage().toStdString();
    EXPECT_TRUE(execOk(**editor, QStringLiteral("INSERT INTO later_table(text) VALUES ('bob')")));
    EXPECT_TRUE(execOk(**editor, QStringLiteral("UPDATE later_table SET text = 'bob2' WHERE text = 'bob'")));
    Result<std::unique_ptr<Database>> reader = Database::open(asUser(uri, alice));
    ASSERT_TRUE(reader.ok()) << reader.errorMessage().toStdString();
    EXPECT_EQ(count(**reader, QStringLiteral("SELECT count(*) FROM later_table")), 2);
    EXPECT_FALSE(execOk(**reader, QStringLiteral("INSERT INTO later_table(text) VALUES ('alice')")));
    // Revoked: alice can no longer open it, and is told whom to ask.
    ASSERT_TRUE(revokeTeamRoles(*owner, alice).ok());
    reader->reset();
    Result<std::unique_ptr<Database>> again = Database::open(asUser(uri, alice));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, QStringLiteral("db-denied"));
    EXPECT_TRUE(again.errorMessage().contains(QStringLiteral("db grant %1 reader").arg(alice)))
        << again.errorMessage().toStdString();
}

TEST(Roles, OnlyTheOwnerMigratesAndRolesNeedPostgres) {
    std::unique_ptr<Database> owner;
    const QString uri = seededTeamDatabase(&owner);
    const QString bob = newLogin(QStringLiteral("bob"));
    ASSERT_TRUE(grantTeamRole(*owner, bob, TeamRole::Editor).ok());
    // The database as an older PlanCompare left it: the editor may not upgrade it.
    ASSERT_TRUE(execOk(*owner, QStringLiteral("UPDATE plancompare_schema SET version = %1")
                                   .arg(Database::latestSchemaVersion() - 1)));
    Result<std::unique_ptr<Database>> editor = Database::open(asUser(uri, bob));
    ASSERT_FALSE(editor.ok());
    EXPECT_EQ(editor.error().code, QStringLiteral("db-migration"));
    EXPECT_TRUE(
        editor.errorMessage().contains(QStringLiteral("only its owner (role postgres) may upgrade it")))
        << editor.errorMessage().toStdString();
    owner.reset();
    Result<std::unique_ptr<Database>> reopened = Database::open(uri); // the owner migrates
    ASSERT_TRUE(reopened.ok()) << reopened.errorMessage().toStdString();
    EXPECT_EQ((*reopened)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_TRUE(Database::open(asUser(uri, bob)).ok());
    // A login that does not exist, a group role, and a SQLite file.
    const Status missing = grantTeamRole(**reopened, QStringLiteral("pc_nobody_here"), TeamRole::Reader);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, QStringLiteral("not-found"));
    EXPECT_FALSE(grantTeamRole(**reopened, QStringLiteral("plancompare_reader"), TeamRole::Editor).ok());
    Result<std::unique_ptr<Database>> file = Database::openInMemory();
    ASSERT_TRUE(file.ok());
    const Status sqlite = setupTeamRoles(**file);
    ASSERT_FALSE(sqlite.ok());
    EXPECT_TRUE(sqlite.errorMessage().contains(QStringLiteral("PostgreSQL only")));
}

TEST(Roles, CliSetsUpGrantsListsAndARefusedReaderSaysWhy) {
    std::unique_ptr<Database> owner;
    const QString uri = seededTeamDatabase(&owner);
    const qint64 target = firstTargetWithValue(*owner);
    owner.reset();
    const QString dave = newLogin(QStringLiteral("dave"));
    const RunResult setup = run(cliBin(), {QStringLiteral("--db"), uri, QStringLiteral("db"),
                                           QStringLiteral("roles"), QStringLiteral("--setup")});
    EXPECT_EQ(setup.exitCode, 0) << setup.errText().toStdString();
    const RunResult grant = run(cliBin(), {QStringLiteral("--db"), uri, QStringLiteral("db"),
                                           QStringLiteral("grant"), dave, QStringLiteral("reader")});
    EXPECT_EQ(grant.exitCode, 0) << grant.errText().toStdString();
    EXPECT_EQ(grant.outText(), dave + QStringLiteral("\treader\n"));
    const RunResult list =
        run(cliBin(), {QStringLiteral("--db"), uri, QStringLiteral("db"), QStringLiteral("roles")});
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_TRUE(list.outText().contains(dave + QStringLiteral("\treader\n"))) << list.outText().toStdString();
    const RunResult info = run(cliBin(), {QStringLiteral("--db"), asUser(uri, dave), QStringLiteral("db")});
    EXPECT_EQ(info.exitCode, 0) << info.errText().toStdString();
    EXPECT_TRUE(
        info.outText().contains(QStringLiteral("access\tread-only (role %1 may only read it").arg(dave)))
        << info.outText().toStdString();
    const RunResult correct =
        run(cliBin(),
            {QStringLiteral("--db"), asUser(uri, dave), QStringLiteral("correct"), QStringLiteral("set"),
             QString::number(target), QStringLiteral("value"), QStringLiteral("3")});
    EXPECT_EQ(correct.exitCode, 1);
    EXPECT_TRUE(
        correct.errText().contains(QStringLiteral("is read-only: role %1 may only read it").arg(dave)))
        << correct.errText().toStdString();
    EXPECT_FALSE(correct.errText().contains(QStringLiteral("SQLSTATE"))) << correct.errText().toStdString();
    const RunResult import = run(cliBin(), {QStringLiteral("--db"), asUser(uri, dave),
                                            QStringLiteral("import"), seedPath(QStringLiteral("dazu-2019"))});
    EXPECT_EQ(import.exitCode, 1);
    EXPECT_TRUE(import.errText().contains(QStringLiteral("importing was refused")))
        << import.errText().toStdString();
    // Promoted to editor, the same correction goes through.
    EXPECT_EQ(run(cliBin(), {QStringLiteral("--db"), uri, QStringLiteral("db"), QStringLiteral("grant"), dave,
                             QStringLiteral("editor")})
                  .exitCode,
              0);
    const RunResult again =
        run(cliBin(),
            {QStringLiteral("--db"), asUser(uri, dave), QStringLiteral("correct"), QStringLiteral("set"),
             QString::number(target), QStringLiteral("value"), QStringLiteral("3")});
    EXPECT_EQ(again.exitCode, 0) << again.errText().toStdString();
    const RunResult bad = run(cliBin(), {QStringLiteral("--db"), uri, QStringLiteral("db"),
                                         QStringLiteral("grant"), dave, QStringLiteral("boss")});
    EXPECT_EQ(bad.exitCode, 2);
    const RunResult nobody =
        run(cliBin(), {QStringLiteral("--db"), uri, QStringLiteral("db"), QStringLiteral("grant"),
                       QStringLiteral("pc_nobody_here"), QStringLiteral("reader")});
    EXPECT_EQ(nobody.exitCode, 1);
    EXPECT_TRUE(nobody.errText().contains(QStringLiteral("there is no role pc_nobody_here")))
        << nobody.errText().toStdString();
}

TEST(Roles, ConnectionDroppedMidCorrectionRollsBackAndTheNextTryWorks) {
    std::unique_ptr<Database> owner;
    const QString uri = seededTeamDatabase(&owner);
    const qint64 target = firstTargetWithValue(*owner);
    const qint64 before = *owner->targetVersion(target);
    const std::optional<double> value = owner->target(target)->value;
    owner.reset(); // only the correcting client is connected when the connection is dropped
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PLANCOMPARE_TEST_CORRECTION_PAUSE_MS"), QStringLiteral("3000"));
    p.setProcessEnvironment(env);
    p.start(cliBin(), {QStringLiteral("--db"), uri, QStringLiteral("correct"), QStringLiteral("set"),
                       QString::number(target), QStringLiteral("value"), QStringLiteral("123")});
    ASSERT_TRUE(p.waitForStarted());
    QByteArray err;
    for (int i = 0; i < 300 && !err.contains("pausing inside correction transaction"); ++i) {
        p.waitForReadyRead(100);
        err += p.readAllStandardError();
    }
    ASSERT_TRUE(err.contains("pausing inside correction transaction")) << err.toStdString();
    const QString dbName = uri.section(QLatin1Char('/'), -1);
    ASSERT_TRUE(postgresAdmin(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                             "datname = '%1' AND application_name = 'plancompare'")
                                  .arg(dbName)));
    ASSERT_TRUE(p.waitForFinished(60000));
    err += p.readAllStandardError();
    EXPECT_EQ(p.exitCode(), 1);
    EXPECT_TRUE(err.contains("lost the connection to database postgresql://")) << err.toStdString();
    EXPECT_TRUE(err.contains("rolled back, nothing changed")) << err.toStdString();
    // Nothing of it stayed: no override, the same version and value, no history.
    Result<std::unique_ptr<Database>> reopened = Database::open(uri);
    ASSERT_TRUE(reopened.ok()) << reopened.errorMessage().toStdString();
    Database& db = **reopened;
    EXPECT_EQ(db.counts()->overrides, 0);
    EXPECT_EQ(*db.targetVersion(target), before);
    EXPECT_EQ(db.target(target)->value, value);
    EXPECT_EQ(db.targetHistory(target)->size(), 0);
    // The next try works.
    const RunResult again =
        run(cliBin(), {QStringLiteral("--db"), uri, QStringLiteral("correct"), QStringLiteral("set"),
                       QString::number(target), QStringLiteral("value"), QStringLiteral("123")});
    EXPECT_EQ(again.exitCode, 0) << again.errText().toStdString();
    EXPECT_EQ(db.target(target)->value, std::optional<double>(123.0));
    EXPECT_EQ(*db.targetVersion(target), before + 1);
}
