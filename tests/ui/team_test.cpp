// The GUI on a team database: read-only mode (a --read-only file, a PostgreSQL reader role), stale
// corrections refused with the other researcher's value, the connect dialog's logic, and (TeamGuiPg,
// PostgreSQL only) the dialog against the test server, switching databases, a dropped connection.
#include "app/connectdialog.h"
#include "app/databaseswitcher.h"
#include "app/readonlymode.h"
#include "app/teamconnection.h"
#include "app/workbench.h"
#include "data/databasedata.h"
#include "mainwindow.h"
#include "models/comparisonmodel.h"
#include "store/database.h"
#include "store/dialect.h"
#include "store/roles.h"
#include "testdb.h"
#include "views/comparisonview.h"
#include "views/notespanel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QUrl>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace pc;
using namespace pc::ui;
using namespace pc::test;

namespace {

const QString kIndicator = QStringLiteral("wa.time");

class TeamGui : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!path.isEmpty())
            return;
        dir = new QTemporaryDir;
        path = freshDatabaseLocation(dir->filePath(QStringLiteral("team.sqlite")));
        Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(path);
        ASSERT_TRUE(data.ok()) << data.errorMessage().toStdString();
        const Result<QStringList> seeds = seedFiles();
        ASSERT_TRUE(seeds.ok());
        for (const ImportOutcome& o : data.value()->importFiles(seeds.value(), {}))
            ASSERT_EQ(int(o.state), int(ImportOutcome::State::Imported)) << o.message.toStdString();
    }
    // The same database for a researcher who may only read: opened --read-only on SQLite, through a
    // login holding plancompare_reader on PostgreSQL.
    static std::unique_ptr<WorkbenchData> openReader() {
        if (!onPostgres()) {
            Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(path, true);
            EXPECT_TRUE(data.ok()) << data.errorMessage().toStdString();
            return data ? std::move(data).value() : nullptr;
        }
        const QString login = QStringLiteral("pc_guireader_%1").arg(getpid());
        postgresAdmin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(login)); // may exist from an earlier test
        {
            Result<std::unique_ptr<Database>> owner = Database::open(path);
            EXPECT_TRUE(owner.ok());
            EXPECT_TRUE(setupTeamRoles(**owner).ok());
            EXPECT_TRUE(grantTeamRole(**owner, login, TeamRole::Reader).ok());
        }
        QUrl u(path);
        u.setUserName(login);
        Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(u.toString());
        EXPECT_TRUE(data.ok()) << data.errorMessage().toStdString();
        return data ? std::move(data).value() : nullptr;
    }
    static std::unique_ptr<WorkbenchData> openWriter() {
        Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(path);
        EXPECT_TRUE(data.ok()) << data.errorMessage().toStdString();
        return data ? std::move(data).value() : nullptr;
    }
    static ComparisonRow rowWithValue(WorkbenchData& data, int skip = 0) {
        Result<QList<ComparisonRow>> rows = data.rows(kIndicator);
        EXPECT_TRUE(rows.ok());
        for (const ComparisonRow& r : *rows)
            if (r.value && skip-- == 0)
                return r;
        ADD_FAILURE() << "no row with a value";
        return {};
    }
    inline static QTemporaryDir* dir = nullptr;
    inline static QString path;
};

class TeamGuiPg : public TeamGui {};

QLabel* databaseLabel(MainWindow& w) {
    for (QLabel* l : w.findChildren<QLabel*>())
        if (l->text().startsWith(QStringLiteral("数据库：")))
            return l;
    return nullptr;
}

} // namespace

TEST_F(TeamGui, ReadOnlyDatabaseIsMarkedAndOffersNoEdits) {
    std::unique_ptr<WorkbenchData> data = openReader();
    ASSERT_TRUE(data);
    ASSERT_TRUE(data->readOnly());
    Workbench wb(*data);
    MainWindow w(wb);
    wb.setCurrentIndicator(kIndicator);
    auto* marker = w.findChild<QLabel*>(QStringLiteral("readOnlyMarker"));
    ASSERT_NE(marker, nullptr);
    EXPECT_EQ(marker->text(), QStringLiteral("只读 / read-only"));
    EXPECT_FALSE(marker->isHidden());
    EXPECT_TRUE(marker->toolTip().contains(QStringLiteral("read-only"))) << marker->toolTip().toStdString();
    EXPECT_TRUE(w.windowTitle().endsWith(QStringLiteral("[只读 / read-only]")))
        << w.windowTitle().toStdString();
    auto* import = w.findChild<QAction*>(QStringLiteral("importAction"));
    ASSERT_NE(import, nullptr);
    EXPECT_FALSE(import->isEnabled());
    EXPECT_TRUE(import->toolTip().contains(data->readOnlyReason())) << import->toolTip().toStdString();
    auto* connectAction = w.findChild<QAction*>(QStringLiteral("connectAction"));
    ASSERT_NE(connectAction, nullptr);
    EXPECT_TRUE(connectAction->isEnabled());
    // The comparison shows the rows but no cell is editable.
    ComparisonModel* model = w.comparisonView()->model();
    ASSERT_GT(model->rowCount(), 2);
    EXPECT_FALSE(model->flags(model->index(0, ComparisonModel::ValueColumn)) & Qt::ItemIsEditable);
    // A correction asked for anyway is refused with the reason, and nothing is pushed or stored.
    const ComparisonRow row = rowWithValue(*data);
    EXPECT_FALSE(wb.corrections()->setField(row, TargetField::Value, QStringLiteral("1")));
    EXPECT_EQ(wb.corrections()->lastErrorCode(), QStringLiteral("db-readonly"));
    EXPECT_TRUE(wb.corrections()->lastError().contains(data->readOnlyReason()));
    EXPECT_EQ(wb.corrections()->undoStack()->count(), 0);
    EXPECT_EQ(rowWithValue(*data).value, row.value);
    // Notes are listed but not offered for writing; the store refuses one with a clear message.
    NotesPanel* notes = w.comparisonView()->notes();
    notes->setSubject(NoteOn::Target, row.targetId, QStringLiteral("x"));
    notes->editor()->setPlainText(QStringLiteral("想写一条注释"));
    EXPECT_FALSE(notes->saveButton()->isEnabled());
    EXPECT_TRUE(notes->saveButton()->toolTip().contains(QStringLiteral("read-only")));
    const Result<qint64> note = data->addNote(NoteOn::Target, row.targetId, QStringLiteral("注释"));
    ASSERT_FALSE(note.ok());
    EXPECT_EQ(note.error().code, QStringLiteral("db-readonly"));
    EXPECT_TRUE(note.errorMessage().contains(QStringLiteral("is read-only: ")))
        << note.errorMessage().toStdString();
    // Imports are refused before any file is read.
    const QList<ImportOutcome> imported = data->importFiles({QStringLiteral("/nonexistent.txt")}, {});
    ASSERT_EQ(imported.size(), 1);
    EXPECT_TRUE(imported.first().message.contains(QStringLiteral("importing was refused")))
        << imported.first().message.toStdString();
}

TEST_F(TeamGui, WritableDatabaseHasNoMarkerAndOffersEdits) {
    std::unique_ptr<WorkbenchData> data = openWriter();
    ASSERT_TRUE(data);
    EXPECT_FALSE(data->readOnly());
    Workbench wb(*data);
    MainWindow w(wb);
    wb.setCurrentIndicator(kIndicator);
    auto* marker = w.findChild<QLabel*>(QStringLiteral("readOnlyMarker"));
    ASSERT_NE(marker, nullptr);
    EXPECT_TRUE(marker->isHidden());
    EXPECT_FALSE(w.windowTitle().contains(QStringLiteral("read-only")));
    EXPECT_TRUE(w.findChild<QAction*>(QStringLiteral("importAction"))->isEnabled());
    ComparisonModel* model = w.comparisonView()->model();
    ASSERT_GT(model->rowCount(), 2);
    EXPECT_TRUE(model->flags(model->index(0, ComparisonModel::ValueColumn)) & Qt::ItemIsEditable);
}

TEST_F(TeamGui, StaleCorrectionIsRefusedWithTheirValueWhoAndWhenAndTheViewsReload) {
    std::unique_ptr<WorkbenchData> mine = openWriter();
    ASSERT_TRUE(mine);
    Workbench wb(*mine);
    MainWindow w(wb);
    wb.setCurrentIndicator(kIndicator);
    int conflicts = 0;
    QObject::connect(wb.corrections(), &Corrections::conflicted, [&conflicts] { ++conflicts; });
    const ComparisonRow loaded = rowWithValue(*mine, 1);
    ASSERT_GT(loaded.version, 0);
    // Another researcher (another connection, recorded as bob) changes the same target meanwhile.
    DatabaseOptions o;
    o.user = QStringLiteral("bob");
    Result<std::unique_ptr<Database>> theirs = Database::open(path, o);
    ASSERT_TRUE(theirs.ok()) << theirs.errorMessage().toStdString();
    ASSERT_TRUE(
        (*theirs)->correctTarget(loaded.targetId, OverrideKind::TargetValue, QStringLiteral("77")).ok());
    // Ours, made on what we loaded, is refused and says whose value stands.
    EXPECT_FALSE(wb.corrections()->setField(loaded, TargetField::Value, QStringLiteral("5")));
    EXPECT_EQ(wb.corrections()->lastErrorCode(), QStringLiteral("conflict"));
    const QString message = wb.corrections()->lastError();
    EXPECT_TRUE(message.contains(QStringLiteral("changed by bob at 20"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("\u201c77\u201d"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("\u201c5\u201d was not saved"))) << message.toStdString();
    EXPECT_EQ(conflicts, 1);
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("conflictBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->text(), message);
    EXPECT_EQ(wb.corrections()->undoStack()->count(), 0);
    // The views reloaded: the comparison now shows bob's value.
    bool shown = false;
    ComparisonModel* model = w.comparisonView()->model();
    for (int i = 0; i < model->rowCount(); ++i) {
        const ComparisonRow* r = model->rowAt(i);
        if (r && r->targetId == loaded.targetId) {
            EXPECT_EQ(r->value, std::optional<double>(77.0));
            EXPECT_EQ(r->version, loaded.version + 1);
            shown = true;
        }
    }
    EXPECT_TRUE(shown);
    // On the refreshed row the correction goes through; undo and redo of our own edit are not conflicts.
    ComparisonRow fresh;
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->rowAt(i) && model->rowAt(i)->targetId == loaded.targetId)
            fresh = *model->rowAt(i);
    EXPECT_TRUE(wb.corrections()->setField(fresh, TargetField::Value, QStringLiteral("5")))
        << wb.corrections()->lastError().toStdString();
    EXPECT_EQ((*theirs)->target(loaded.targetId)->value, std::optional<double>(5.0));
    wb.corrections()->undoStack()->undo();
    EXPECT_EQ((*theirs)->target(loaded.targetId)->value, std::optional<double>(77.0));
    wb.corrections()->undoStack()->redo();
    EXPECT_TRUE(wb.corrections()->lastError().isEmpty()) << wb.corrections()->lastError().toStdString();
    EXPECT_EQ((*theirs)->target(loaded.targetId)->value, std::optional<double>(5.0));
    EXPECT_EQ(conflicts, 1);
}

TEST(TeamConnection, BuildsAndReadsBackTheAddressWithoutAPassword) {
    TeamConnection c;
    c.host = QStringLiteral("db.example.org");
    c.port = 6543;
    c.database = QStringLiteral("plans 2024");
    c.user = QStringLiteral("li.wei");
    c.sslMode = QStringLiteral("require");
    const QString uri = teamDatabaseUri(c);
    EXPECT_EQ(uri, QStringLiteral("postgresql://li.wei@db.example.org:6543/plans%202024?sslmode=require"));
    EXPECT_EQ(parseTeamDatabaseUri(uri), std::optional<TeamConnection>(c));
    // The store reads the same address the same way.
    const Result<store::PostgresTarget> t = store::parsePostgresUri(uri);
    ASSERT_TRUE(t.ok()) << t.errorMessage().toStdString();
    EXPECT_EQ(t->host, c.host);
    EXPECT_EQ(t->port, 6543);
    EXPECT_EQ(t->user, c.user);
    EXPECT_EQ(t->database, c.database);
    EXPECT_TRUE(t->connectOptions.contains(QStringLiteral("sslmode=require")));
    c.sslMode.clear();
    EXPECT_EQ(teamDatabaseUri(c), QStringLiteral("postgresql://li.wei@db.example.org:6543/plans%202024"));
    EXPECT_FALSE(parseTeamDatabaseUri(QStringLiteral("/home/li/plans.sqlite")));
    EXPECT_TRUE(checkTeamConnection(c).isEmpty());
    TeamConnection empty = c;
    empty.database.clear();
    EXPECT_TRUE(checkTeamConnection(empty).contains(QStringLiteral("database's name")));
    empty = c;
    empty.host = QStringLiteral(" ");
    EXPECT_TRUE(checkTeamConnection(empty).contains(QStringLiteral("host name")));
}

TEST(TeamConnection, PasswordComesFromPgpassOrPGPASSWORDElseThePrompt) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pgpass"));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("# comment line\n"
            "other.example.org:5432:plans:li:pw1\n"
            "db.example.org:*:plans:li\\:wei:pw2\n"
            "*:5433:*:zhang:pw3\n");
    f.close();
    const QByteArray saved = qgetenv("PGPASSWORD");
    qunsetenv("PGPASSWORD");
    TeamConnection c;
    c.host = QStringLiteral("db.example.org");
    c.database = QStringLiteral("plans");
    c.user = QStringLiteral("li:wei"); // an escaped colon in the file
    EXPECT_EQ(passwordSource(c, file), PasswordSource::PassFile);
    c.user = QStringLiteral("li");
    EXPECT_EQ(passwordSource(c, file), PasswordSource::None);
    c.user = QStringLiteral("zhang");
    c.port = 5433;
    EXPECT_EQ(passwordSource(c, file), PasswordSource::PassFile);
    c.port = 5432;
    EXPECT_EQ(passwordSource(c, file), PasswordSource::None);
    EXPECT_EQ(passwordSource(c, dir.filePath(QStringLiteral("missing"))), PasswordSource::None);
    qputenv("PGPASSWORD", "x");
    EXPECT_EQ(passwordSource(c, file), PasswordSource::Environment);
    if (saved.isNull())
        qunsetenv("PGPASSWORD");
    else
        qputenv("PGPASSWORD", saved);
}

TEST(TeamConnection, RecentConnectionsNeverHoldAPassword) {
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings s(ini, QSettings::IniFormat);
        // Written by hand with a password: not offered, and dropped from the file at the next connection.
        s.setValue(QStringLiteral("team/recent"),
                   QStringList{QStringLiteral("postgresql://li:hunter2@old.example.org:5432/plans"),
                               QStringLiteral("postgresql://li@kept.example.org:5432/plans")});
        EXPECT_EQ(recentTeamConnections(s),
                  QStringList{QStringLiteral("postgresql://li@kept.example.org:5432/plans")});
        rememberTeamConnection(s, QStringLiteral("postgresql://li:secret42@db.example.org:5432/plans"));
        for (int i = 0; i < 10; ++i)
            rememberTeamConnection(s, QStringLiteral("postgresql://li@h%1.example.org:5432/plans").arg(i));
        rememberTeamConnection(s, QStringLiteral("postgresql://li@db.example.org:5432/plans"));
        const QStringList recent = recentTeamConnections(s);
        ASSERT_EQ(recent.size(), 8);
        EXPECT_EQ(recent.first(), QStringLiteral("postgresql://li@db.example.org:5432/plans"));
        EXPECT_EQ(recent.at(1), QStringLiteral("postgresql://li@h9.example.org:5432/plans"));
        EXPECT_EQ(recent.count(QStringLiteral("postgresql://li@db.example.org:5432/plans")), 1);
    }
    QFile f(ini);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    EXPECT_FALSE(bytes.contains("secret42"));
    EXPECT_FALSE(bytes.contains("hunter2"));
    EXPECT_TRUE(bytes.contains("db.example.org"));
}

TEST(TeamConnection, ConnectErrorsSayWhatToDo) {
    TeamConnection c;
    c.host = QStringLiteral("db.example.org");
    c.database = QStringLiteral("plans");
    c.user = QStringLiteral("li");
    bool needsPassword = true;
    const QString unreachable = explainConnectError(
        c,
        QStringLiteral(
            "cannot connect to database postgresql://li@db.example.org:5432/plans: connection to server "
            "at \"db.example.org\" (10.0.0.9), port 5432 failed: timeout expired"),
        &needsPassword);
    EXPECT_TRUE(unreachable.contains(QStringLiteral("Cannot reach the server db.example.org:5432")))
        << unreachable.toStdString();
    EXPECT_TRUE(unreachable.contains(QStringLiteral("timeout expired"))); // the detail stays
    EXPECT_FALSE(needsPassword);
    const QString wrong = explainConnectError(
        c, QStringLiteral("cannot connect …: FATAL:  password authentication failed for user \"li\""),
        &needsPassword);
    EXPECT_TRUE(wrong.startsWith(QStringLiteral("用户 li 的密码不正确 / Wrong password for user li.")))
        << wrong.toStdString();
    EXPECT_TRUE(needsPassword);
    needsPassword = false;
    const QString none = explainConnectError(
        c, QStringLiteral("cannot connect …: fe_sendauth: no password supplied"), &needsPassword);
    EXPECT_TRUE(none.contains(QStringLiteral("asks for li's password (it is not saved)")));
    EXPECT_TRUE(needsPassword);
    EXPECT_TRUE(explainConnectError(c, QStringLiteral("FATAL:  database \"plans\" does not exist"))
                    .contains(QStringLiteral("There is no database plans on db.example.org:5432")));
    EXPECT_TRUE(explainConnectError(
                    c, QStringLiteral("postgresql://… holds tables of another program (no PlanCompare "
                                      "schema); it was left untouched."))
                    .contains(QStringLiteral("plans is not a PlanCompare database")));
    EXPECT_EQ(explainConnectError(c, QStringLiteral("something else")), QStringLiteral("something else"));
}

TEST(TeamConnection, DialogReportsAnUnreachableServerAndSavesNothing) {
    QSettings().remove(QStringLiteral("team/recent"));
    ConnectDialog dlg;
    TeamConnection c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = 1; // nobody listens there
    c.database = QStringLiteral("plans");
    c.user = QStringLiteral("li");
    dlg.setConnection(c);
    EXPECT_EQ(dlg.connection(), c);
    EXPECT_FALSE(dlg.passwordRequested());
    dlg.passwordEdit()->setText(QStringLiteral("hunter2"));
    EXPECT_FALSE(dlg.tryConnect());
    EXPECT_TRUE(dlg.errorText().contains(QStringLiteral("Cannot reach the server 127.0.0.1:1")))
        << dlg.errorText().toStdString();
    // For looking at the dialog (README, reviews): PLANCOMPARE_TEST_SCREENSHOTS=DIR saves it there.
    if (const QString shots = qEnvironmentVariable("PLANCOMPARE_TEST_SCREENSHOTS"); !shots.isEmpty()) {
        dlg.show();
        QApplication::processEvents();
        dlg.grab().save(shots + QStringLiteral("/connect-dialog.png"));
    }
    EXPECT_FALSE(dlg.takeData());
    EXPECT_TRUE(recentTeamConnections(QSettings()).isEmpty());
    for (const QString& key : QSettings().allKeys())
        EXPECT_FALSE(QSettings().value(key).toString().contains(QStringLiteral("hunter2")))
            << key.toStdString();
    // Missing fields are named before anything is tried.
    dlg.databaseEdit()->clear();
    EXPECT_FALSE(dlg.tryConnect());
    EXPECT_TRUE(dlg.errorText().contains(QStringLiteral("database's name")));
}

// ---- PostgreSQL only (ui_tests.team_on_postgresql): the dialog against the test server.

TEST_F(TeamGuiPg, ConnectDialogOpensTheTeamDatabaseAndTheWindowSwitchesToIt) {
    ASSERT_TRUE(onPostgres()) << "TeamGuiPg needs PLANCOMPARE_TEST_PG (run through ctest -L postgresql)";
    QSettings().remove(QStringLiteral("team/recent"));
    const QUrl server(path);
    ConnectDialog dlg;
    dlg.hostEdit()->setText(server.host());
    dlg.portBox()->setValue(server.port());
    dlg.databaseEdit()->setText(server.path().mid(1));
    dlg.userEdit()->setText(server.userName());
    // The test server trusts local connections; a typed password is used for this connection only.
    dlg.passwordEdit()->setText(QStringLiteral("typed-secret"));
    ASSERT_TRUE(dlg.tryConnect()) << dlg.errorText().toStdString();
    std::unique_ptr<WorkbenchData> team = dlg.takeData();
    ASSERT_TRUE(team);
    EXPECT_TRUE(team->location().startsWith(QStringLiteral("postgresql://")));
    EXPECT_EQ(team->plans()->size(), 5);
    const QStringList recent = recentTeamConnections(QSettings());
    ASSERT_EQ(recent.size(), 1);
    EXPECT_EQ(parseTeamDatabaseUri(recent.first())->database, server.path().mid(1));
    for (const QString& key : QSettings().allKeys())
        EXPECT_FALSE(QSettings().value(key).toString().contains(QStringLiteral("typed-secret")));
    EXPECT_TRUE(dlg.passwordEdit()->text().isEmpty());

    // A window on a local file switches to the team database without restarting.
    QTemporaryDir dir;
    Result<std::unique_ptr<WorkbenchData>> local =
        openDatabaseData(dir.filePath(QStringLiteral("local.sqlite")));
    ASSERT_TRUE(local.ok());
    DatabaseSwitcher switcher(std::move(local).value(),
                              [](Workbench& wb, MainWindow&) { wb.setCurrentIndicator(kIndicator); });
    MainWindow* before = switcher.window();
    ASSERT_TRUE(databaseLabel(*before)->text().contains(QStringLiteral("local.sqlite")));
    EXPECT_EQ(before->comparisonView()->model()->rowCount(), 0);
    switcher.switchTo(std::move(team));
    MainWindow* after = switcher.window();
    ASSERT_NE(after, nullptr);
    EXPECT_TRUE(databaseLabel(*after)->text().contains(QStringLiteral("postgresql://")))
        << databaseLabel(*after)->text().toStdString();
    EXPECT_GT(after->comparisonView()->model()->rowCount(), 2);
    // Compacting is for SQLite files: off here, and the tooltip says why.
    auto* compact = after->findChild<QAction*>(QStringLiteral("compactAction"));
    ASSERT_NE(compact, nullptr);
    EXPECT_FALSE(compact->isEnabled());
    EXPECT_TRUE(compact->toolTip().contains(QStringLiteral("服务器"))) << compact->toolTip().toStdString();
}

TEST_F(TeamGuiPg, ConnectDialogExplainsAMissingOrForeignDatabaseAndOpensAReaderReadOnly) {
    ASSERT_TRUE(onPostgres()) << "TeamGuiPg needs PLANCOMPARE_TEST_PG (run through ctest -L postgresql)";
    const QUrl server(path);
    ConnectDialog dlg;
    dlg.hostEdit()->setText(server.host());
    dlg.portBox()->setValue(server.port());
    dlg.userEdit()->setText(server.userName());
    dlg.databaseEdit()->setText(QStringLiteral("pc_no_such_database"));
    EXPECT_FALSE(dlg.tryConnect());
    EXPECT_TRUE(dlg.errorText().contains(QStringLiteral("There is no database pc_no_such_database")))
        << dlg.errorText().toStdString();
    // A database of another program is left alone.
    const QUrl foreign(freshPostgresUri());
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("foreign"));
        raw.setHostName(foreign.host());
        raw.setPort(foreign.port());
        raw.setUserName(foreign.userName());
        raw.setDatabaseName(foreign.path().mid(1));
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE invoices(id int)")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    dlg.databaseEdit()->setText(foreign.path().mid(1));
    EXPECT_FALSE(dlg.tryConnect());
    EXPECT_TRUE(dlg.errorText().contains(QStringLiteral("is not a PlanCompare database")))
        << dlg.errorText().toStdString();
    // A reader connects and gets a read-only workbench.
    std::unique_ptr<WorkbenchData> reader = openReader(); // sets the roles up and grants the login
    ASSERT_TRUE(reader && reader->readOnly());
    dlg.databaseEdit()->setText(server.path().mid(1));
    dlg.userEdit()->setText(QUrl(reader->location()).userName());
    ASSERT_TRUE(dlg.tryConnect()) << dlg.errorText().toStdString();
    std::unique_ptr<WorkbenchData> viaDialog = dlg.takeData();
    ASSERT_TRUE(viaDialog);
    EXPECT_TRUE(viaDialog->readOnly());
    EXPECT_TRUE(viaDialog->readOnlyReason().contains(QStringLiteral("may only read")));
}

TEST_F(TeamGuiPg, DroppedConnectionFailsTheCorrectionClearlyAndTryingAgainWorks) {
    ASSERT_TRUE(onPostgres()) << "TeamGuiPg needs PLANCOMPARE_TEST_PG (run through ctest -L postgresql)";
    std::unique_ptr<WorkbenchData> mine = openWriter();
    ASSERT_TRUE(mine);
    Workbench wb(*mine);
    const ComparisonRow row = rowWithValue(*mine, 2);
    // The server drops every PlanCompare connection to this database (as a restart would).
    const QString dbName = QUrl(path).path().mid(1);
    ASSERT_TRUE(postgresAdmin(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                             "datname = '%1' AND application_name = 'plancompare'")
                                  .arg(dbName)));
    EXPECT_FALSE(wb.corrections()->setField(row, TargetField::Value, QStringLiteral("42")));
    EXPECT_EQ(wb.corrections()->lastErrorCode(), QStringLiteral("db-connection"));
    EXPECT_TRUE(wb.corrections()->lastError().contains(
        QStringLiteral("lost the connection to database postgresql://")))
        << wb.corrections()->lastError().toStdString();
    EXPECT_TRUE(wb.corrections()->lastError().contains(QStringLiteral("rolled back")));
    // The next try runs on a new connection and is stored.
    const ComparisonRow again = rowWithValue(*mine, 2);
    ASSERT_EQ(again.targetId, row.targetId);
    EXPECT_NE(again.value, std::optional<double>(42.0));
    EXPECT_TRUE(wb.corrections()->setField(again, TargetField::Value, QStringLiteral("42")))
        << wb.corrections()->lastError().toStdString();
    EXPECT_EQ(rowWithValue(*mine, 2).value, std::optional<double>(42.0));
}
