// Opening, checking and migrating the database file; transactions; the taxonomy snapshot; counts.
#include "database.h"

#include "collation.h"
#include "dialect.h"

#include "cjktokenizer.h"
#include "common/datapaths.h"
#include "migrations.h"
#include "plancache.h"
#include "searchbatch.h"
#include "sqlutil.h"
#include "statements.h"
#include "targettext.h"
#include "taxonomy/taxonomy.h"
#include "textpack.h"
#include "unitlinks.h"

#include <QDebug>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>

#include <sqlite3.h>

#include <atomic>

namespace pc {

using store::exec;
using store::execStatus;

namespace {

QString cuesToJson(const QStringList& cues) {
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(cues)).toJson(QJsonDocument::Compact));
}

QStringList cuesFromJson(const QString& json) {
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

QString directionName(Direction d) {
    switch (d) {
    case Direction::Lower:
        return QStringLiteral("lower");
    case Direction::Higher:
        return QStringLiteral("higher");
    case Direction::None:
        return QStringLiteral("none");
    }
    return {};
}

Direction directionFromName(const QString& s) {
    if (s == QLatin1String("higher"))
        return Direction::Higher;
    if (s == QLatin1String("none"))
        return Direction::None;
    return Direction::Lower;
}

sqlite3* nativeHandle(QSqlDatabase& db) {
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}

} // namespace

Result<std::unique_ptr<Database>> Database::openPostgres(const QString& uri, const DatabaseOptions& options) {
    static std::atomic<int> counter{0};
    Result<store::PostgresTarget> target = store::parsePostgresUri(uri);
    if (!target)
        return target.error();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error{QStringLiteral("cannot open %1: the Qt PostgreSQL driver (QPSQL) is not installed; "
                                    "install the package libqt6sql6-psql")
                         .arg(target->display),
                     QStringLiteral("db-open")};
    std::unique_ptr<Database> d(new Database);
    d->m_path = target->display;
    d->m_connectionName = QStringLiteral("plancompare-pg-%1").arg(++counter);
    d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), d->m_connectionName);
    d->m_db.setHostName(target->host);
    d->m_db.setPort(target->port);
    d->m_db.setUserName(target->user);
    if (!options.password.isEmpty())
        d->m_db.setPassword(options.password);
    else if (!target->password.isEmpty())
        d->m_db.setPassword(target->password);
    d->m_db.setDatabaseName(target->database);
    d->m_db.setConnectOptions(target->connectOptions);
    if (!d->m_db.open()) {
        const QString detail = d->m_db.lastError().databaseText().isEmpty()
                                   ? d->m_db.lastError().text()
                                   : d->m_db.lastError().databaseText();
        return Error{
            QStringLiteral("cannot connect to database %1: %2").arg(target->display, detail.trimmed()),
            QStringLiteral("db-open")};
    }
    // Waits are bounded: a row another researcher holds (lock_timeout, the busy timeout) and a runaway
    // query (statement_timeout) end with a message instead of a hung program.
    int statementMs = options.statementTimeoutMs;
    if (qEnvironmentVariableIsSet("PLANCOMPARE_STATEMENT_TIMEOUT_MS"))
        statementMs = qEnvironmentVariableIntValue("PLANCOMPARE_STATEMENT_TIMEOUT_MS");
    d->m_sessionSql = {QStringLiteral("SET statement_timeout = %1").arg(qMax(0, statementMs)),
                       QStringLiteral("SET lock_timeout = %1").arg(qMax(0, options.busyTimeoutMs)),
                       QStringLiteral("SET client_min_messages = warning")};
    for (const QString& set : std::as_const(d->m_sessionSql)) {
        if (Status s = execStatus(d->m_db, set); !s)
            return s.error();
    }
    d->m_plans = std::make_unique<store::PlanCache>();
    d->m_user = options.user;
    if (d->m_user.isEmpty()) {
        Result<QSqlQuery> who = exec(d->m_db, QStringLiteral("SELECT current_user"));
        if (!who)
            return who.error();
        d->m_user = who->next() ? who->value(0).toString() : QString();
        who->finish();
    }
    Result<QSqlQuery> tables = exec(d->m_db, QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                                            "WHERE table_schema = current_schema()"));
    if (!tables)
        return tables.error();
    const int tableCount = tables->next() ? tables->value(0).toInt() : 0;
    tables->finish();
    // A login that was granted no team role cannot even read the schema version: say what to ask for
    // instead of a raw "permission denied".
    Result<QSqlQuery> access = exec(
        d->m_db, QStringLiteral("SELECT c.oid IS NOT NULL, coalesce(has_table_privilege(c.oid, 'SELECT'), "
                                "false) FROM (SELECT to_regclass('plancompare_schema') AS oid) c"));
    if (!access)
        return access.error();
    const bool hasSchema = access->next() && access->value(0).toBool();
    const bool canRead = access->value(1).toBool();
    access->finish();
    if (hasSchema && !canRead)
        return Error{
            QStringLiteral("role %1 has no access to the PlanCompare database %2; ask its owner to grant "
                           "you a role: plancompare-cli --db %2 db grant %1 reader (or editor)")
                .arg(d->m_user, target->display),
            QStringLiteral("db-denied")};
    Result<int> version = store::readSchemaVersion(d->m_db);
    if (!version)
        return version.error();
    if (*version == 0 && tableCount > 0)
        return Error{QStringLiteral("%1 holds tables of another program (no PlanCompare schema); it was left "
                                    "untouched. Use another database.")
                         .arg(target->display),
                     QStringLiteral("db-corrupt")};
    if (options.readOnly) {
        if (*version != store::latestVersion())
            return Error{QStringLiteral("database %1 (read-only) has schema version %2, expected %3")
                             .arg(target->display)
                             .arg(*version)
                             .arg(store::latestVersion()),
                         QStringLiteral("db-readonly")};
        d->m_sessionSql << QStringLiteral("SET default_transaction_read_only = on");
        if (Status s = execStatus(d->m_db, d->m_sessionSql.last()); !s)
            return s.error();
        d->m_readOnly = true;
        d->m_readOnlyReason = QStringLiteral("it was opened read-only");
        return d;
    }
    if (*version > 0 && *version < store::latestVersion()) {
        // Only the tables' owner may change them (migrations): an editor or reader is told whom to ask.
        Result<QSqlQuery> owner = exec(d->m_db, QStringLiteral("SELECT pg_has_role(relowner, 'USAGE'), "
                                                               "pg_get_userbyid(relowner) FROM pg_class "
                                                               "WHERE oid = to_regclass('documents')"));
        if (!owner)
            return owner.error();
        if (owner->next() && !owner->value(0).toBool())
            return Error{
                QStringLiteral("database %1 has schema version %2 and this PlanCompare needs %3; only "
                               "its owner (role %4) may upgrade it: ask them to open it once with this "
                               "PlanCompare (plancompare-cli --db %1 db info). Nothing was changed.")
                    .arg(target->display)
                    .arg(*version)
                    .arg(store::latestVersion())
                    .arg(owner->value(1).toString()),
                QStringLiteral("db-migration")};
    }
    if (Status s = store::migrate(d->m_db); !s)
        return s.error();
    if (Status s = d->detectPostgresRights(); !s)
        return s.error();
    return d;
}

Status Database::detectPostgresRights() {
    // A reader (plancompare_reader) may read every table but change none; corrections and notes are
    // what an editor writes, so the right to insert into them decides.
    Result<QSqlQuery> q = exec(m_db, QStringLiteral("SELECT has_table_privilege('overrides', 'INSERT') AND "
                                                    "has_table_privilege('notes', 'INSERT') AND "
                                                    "has_table_privilege('targets', 'UPDATE')"));
    if (!q)
        return q.error();
    const bool canWrite = q->next() && q->value(0).toBool();
    q->finish();
    if (canWrite)
        return okStatus();
    m_readOnly = true;
    m_readOnlyReason =
        QStringLiteral("role %1 may only read it (an editor is granted with plancompare-cli db "
                       "grant %1 editor)")
            .arg(m_user);
    // Defence in depth: the server refuses any write that slips past checkWritable().
    m_sessionSql << QStringLiteral("SET default_transaction_read_only = on");
    return execStatus(m_db, m_sessionSql.last());
}

Status Database::reconnect() {
    if (!isPostgres())
        return okStatus();
    m_db.close();
    m_txDepth = 0;
    if (!m_db.open()) {
        const QString detail = m_db.lastError().databaseText().isEmpty() ? m_db.lastError().text()
                                                                         : m_db.lastError().databaseText();
        return Status::failure(
            QStringLiteral("cannot connect to database %1 again: %2").arg(m_path, detail.trimmed()),
            QStringLiteral("db-connection"));
    }
    for (const QString& set : std::as_const(m_sessionSql)) {
        if (Status s = execStatus(m_db, set); !s)
            return s;
    }
    return okStatus();
}

Status Database::checkWritable(const QString& what) const {
    if (!m_readOnly)
        return okStatus();
    return Status::failure(QStringLiteral("database %1 is read-only: %2. %3 was refused; nothing changed.")
                               .arg(m_path, m_readOnlyReason, what),
                           QStringLiteral("db-readonly"));
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const DatabaseOptions& options) {
    if (store::isPostgresUri(path))
        return openPostgres(path, options);
    static std::atomic<int> counter{0};
    const bool memory = path == QLatin1String(":memory:");
    if (!memory) {
        const QFileInfo fi(path);
        if (fi.isDir())
            return Error{QStringLiteral("database %1 is a folder, not a file").arg(path),
                         QStringLiteral("db-open")};
        if (!fi.exists()) {
            if (!options.create || options.readOnly)
                return Error{QStringLiteral("database %1 does not exist").arg(path),
                             QStringLiteral("not-found")};
            if (Status s = ensureWritableParent(path); !s)
                return Error{QStringLiteral("cannot create database %1: %2").arg(path, s.errorMessage()),
                             QStringLiteral("db-readonly")};
        }
    }
    DatabaseOptions effective = options;
    // A file the user may not write is opened read-only (the GUI then offers no edits) instead of
    // failing at the first write.
    if (!memory && !options.readOnly && QFileInfo::exists(path) && !QFileInfo(path).isWritable())
        effective.readOnly = true;
    std::unique_ptr<Database> d(new Database);
    d->m_path = path;
    d->m_connectionName = QStringLiteral("plancompare-db-%1").arg(++counter);
    d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_connectionName);
    d->m_db.setDatabaseName(path);
    QStringList connectOptions{QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(qMax(0, options.busyTimeoutMs))};
    if (effective.readOnly)
        connectOptions << QStringLiteral("QSQLITE_OPEN_READONLY");
    d->m_db.setConnectOptions(connectOptions.join(QLatin1Char(';')));
    if (!d->m_db.open())
        return store::sqlError(d->m_db.lastError(), QStringLiteral("opening"), path);
    d->m_user = !options.user.isEmpty() ? options.user
                                        : qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    if (d->m_user.isEmpty())
        d->m_user = QStringLiteral("unknown");
    if (Status s = d->init(effective); !s)
        return s.error();
    if (effective.readOnly || sqlite3_db_readonly(nativeHandle(d->m_db), "main") == 1) {
        d->m_readOnly = true;
        d->m_readOnlyReason = options.readOnly ? QStringLiteral("it was opened read-only")
                                               : QStringLiteral("you may not write the file");
    }
    return d;
}

Result<std::unique_ptr<Database>> Database::openInMemory() {
    return open(QStringLiteral(":memory:"));
}

Database::Database() = default;

Database::~Database() {
    m_statements.reset(); // statements first: a connection with live statements does not close
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Status Database::init(const DatabaseOptions& options) {
    // The tokenizer first: the FTS table (and the triggers writing to it) need it on this connection.
    if (Status s = fts::registerTokenizer(nativeHandle(m_db)); !s)
        return s;
    if (Status s = store::registerChineseCollation(nativeHandle(m_db)); !s)
        return s;
    // pc_text, pc_title, pc_body …: the measures_text view and the search index's triggers call them (schemas
    // 15, 20).
    if (Status s = store::textpack::registerFunctions(nativeHandle(m_db)); !s)
        return s;
    // pc_sentence / pc_quote: a target's texts derived from its plan's source (schema 19).
    if (Status s = store::registerTargetTextFunctions(nativeHandle(m_db)); !s)
        return s;
    // pc_links …: a measure's unit links in one value, the view measure_agencies (schema 22).
    if (Status s = store::unitlinks::registerFunctions(nativeHandle(m_db)); !s)
        return s;
    m_statements = std::make_unique<store::StatementCache>(nativeHandle(m_db));
    m_plans = std::make_unique<store::PlanCache>();
    // A file that is not a database fails on the first read; nothing has been written yet.
    Result<QSqlQuery> tables = exec(m_db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!tables)
        return tables.error();
    const int tableCount = tables->next() ? tables->value(0).toInt() : 0;
    tables->finish();
    const bool small =
        m_path == QLatin1String(":memory:") || QFileInfo(m_path).size() <= options.quickCheckMaxBytes;
    if (options.quickCheck && tableCount > 0 && small) {
        Result<QSqlQuery> check = exec(m_db, QStringLiteral("PRAGMA quick_check(5)"));
        if (!check)
            return check.error();
        QStringList problems;
        while (check->next())
            problems << check->value(0).toString();
        if (problems != QStringList{QStringLiteral("ok")})
            return Status::failure(QStringLiteral("database %1 is damaged (integrity check: %2); it was left "
                                                  "untouched. Rebuild from the seeds into a new file: "
                                                  "plancompare-cli --db NEW.sqlite import --seeds")
                                       .arg(m_path, problems.join(QStringLiteral("; "))),
                                   QStringLiteral("db-corrupt"));
    }
    if (Status s = execStatus(m_db, QStringLiteral("PRAGMA foreign_keys = ON")); !s)
        return s;
    // 64 MB page cache: imports rewrite the full-text index's segments, which thrashes the 2 MB default.
    if (Status s = execStatus(m_db, QStringLiteral("PRAGMA cache_size = -65536")); !s)
        return s;
    if (options.readOnly) {
        Result<QSqlQuery> v = exec(m_db, QStringLiteral("PRAGMA user_version"));
        if (!v)
            return v.error();
        const int version = v->next() ? v->value(0).toInt() : 0;
        if (version != store::latestVersion())
            return Status::failure(
                QStringLiteral("database %1 (read-only) has schema version %2, expected %3")
                    .arg(m_path)
                    .arg(version)
                    .arg(store::latestVersion()),
                QStringLiteral("db-readonly"));
        return okStatus();
    }
    Result<QSqlQuery> version = exec(m_db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    const int userVersion = version->next() ? version->value(0).toInt() : 0;
    version->finish();
    if (userVersion == 0 && tableCount > 0)
        return Status::failure(
            QStringLiteral("%1 is an SQLite database of another program (it has tables but no "
                           "PlanCompare schema); it was left untouched. Use another file.")
                .arg(m_path),
            QStringLiteral("db-corrupt"));
    if (m_path != QLatin1String(":memory:")) {
        // WAL: readers (the GUI) never block the writer (an import) and a killed writer leaves the
        // last committed state. synchronous=NORMAL is crash-safe in WAL mode.
        Result<QSqlQuery> wal = exec(m_db, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!wal)
            return wal.error();
        wal->finish();
        if (Status s = execStatus(m_db, QStringLiteral("PRAGMA synchronous = NORMAL")); !s)
            return s;
        // Checkpoint every 40 MB of WAL rather than 4 MB: an import dirties a few hundred pages (index
        // leaves, full-text segments) per plan, and the pages rewritten by plan after plan then reach
        // the main file once per checkpoint, not once per few plans (a fifth fewer bytes written for 300
        // plans).
        if (Status s = execStatus(m_db, QStringLiteral("PRAGMA wal_autocheckpoint = 10000")); !s)
            return s;
    }
    if (Status s = store::migrate(m_db); !s)
        return s;
    // Measures a killed import left waiting for the search index (schema 23) are indexed first; when that
    // fails (another process holds the write lock past the timeout) they stay listed, and search reads them.
    if (Status s = catchUpSearchIndex(); !s)
        qWarning().noquote() << s.errorMessage();
    return okStatus();
}

int Database::schemaVersion() const {
    Result<int> v = store::readSchemaVersion(const_cast<QSqlDatabase&>(m_db));
    return v ? *v : -1;
}

bool Database::isPostgres() const {
    return store::isPostgres(m_db);
}

int Database::latestSchemaVersion() {
    return store::latestVersion();
}

Status Database::execWrite(const QString& sql, const QVariantList& values, const QString& what,
                           qint64* rowid) {
    if (m_statements && m_statements->handle() && !isPostgres())
        return m_statements->run(sql, values, what, m_path, rowid);
    QSqlQuery q(m_db);
    if (!q.prepare(sql))
        return store::sqlError(q.lastError(), what, m_path);
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return store::sqlError(q.lastError(), what, m_path);
    return okStatus();
}

Status Database::withTransaction(const std::function<Status()>& work) {
    if (m_txDepth == 0 && m_readOnly)
        return checkWritable(QStringLiteral("the change"));
    if (m_txDepth > 0) {
        ++m_txDepth;
        Status s = work();
        --m_txDepth;
        return s;
    }
    if (Status b = execStatus(m_db, store::beginWrite(store::engineOf(m_db))); !b)
        return b;
    m_txDepth = 1;
    Status s = work();
    m_txDepth = 0;
    if (!s) {
        execStatus(m_db, QStringLiteral("ROLLBACK"));
        m_plans->invalidate(); // plans read inside the transaction may show what was rolled back
        return s;
    }
    if (Status c = execStatus(m_db, QStringLiteral("COMMIT")); !c) {
        execStatus(m_db, QStringLiteral("ROLLBACK"));
        m_plans->invalidate();
        return c;
    }
    return okStatus();
}

Status Database::storeTaxonomy(const QList<Area>& areas, const QList<Indicator>& indicators) {
    return withTransaction([&]() -> Status {
        // Two imports at once replace the snapshot one after the other (PostgreSQL; SQLite's
        // BEGIN IMMEDIATE already does).
        if (Status s = store::lockName(m_db, QStringLiteral("taxonomy")); !s)
            return s;
        if (Status s = execStatus(m_db, QStringLiteral("DELETE FROM areas")); !s)
            return s;
        if (Status s = execStatus(m_db, QStringLiteral("DELETE FROM indicators")); !s)
            return s;
        QSqlQuery a(m_db);
        a.prepare(
            QStringLiteral("INSERT INTO areas(id, ordinal, name_zh, name_en, cues) VALUES (?,?,?,?,?)"));
        for (qsizetype i = 0; i < areas.size(); ++i) {
            const Area& x = areas[i];
            a.bindValue(0, x.id);
            a.bindValue(1, int(i));
            a.bindValue(2, x.nameZh);
            a.bindValue(3, x.nameEn);
            a.bindValue(4, cuesToJson(x.cues));
            if (!a.exec())
                return store::sqlError(a.lastError(), QStringLiteral("storing area %1").arg(x.id), m_path);
        }
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO indicators(id, ordinal, area, name_zh, name_en, unit, better, "
                                 "definition, cues, user_defined) VALUES (?,?,?,?,?,?,?,?,?,?)"));
        for (qsizetype i = 0; i < indicators.size(); ++i) {
            const Indicator& x = indicators[i];
            q.bindValue(0, x.id);
            q.bindValue(1, int(i));
            q.bindValue(2, x.area);
            q.bindValue(3, x.nameZh);
            q.bindValue(4, x.nameEn);
            q.bindValue(5, x.unit);
            q.bindValue(6, directionName(x.better));
            q.bindValue(7, x.definition);
            q.bindValue(8, cuesToJson(x.cues));
            q.bindValue(9, x.userDefined ? 1 : 0);
            if (!q.exec())
                return store::sqlError(q.lastError(), QStringLiteral("storing indicator %1").arg(x.id),
                                       m_path);
        }
        return okStatus();
    });
}

Status Database::storeTaxonomy(const Taxonomy& taxonomy) {
    return storeTaxonomy(taxonomy.areas(), taxonomy.indicators());
}

Result<QList<Area>> Database::areas() {
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("SELECT id, name_zh, name_en, cues FROM areas ORDER BY ordinal"));
    if (!q)
        return q.error();
    QList<Area> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    cuesFromJson(q->value(3).toString())});
    return out;
}

Result<QList<Indicator>> Database::indicators() {
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("SELECT id, area, name_zh, name_en, unit, better, definition, "
                                  "cues, user_defined FROM indicators ORDER BY ordinal"));
    if (!q)
        return q.error();
    QList<Indicator> out;
    while (q->next()) {
        Indicator i;
        i.id = q->value(0).toString();
        i.area = q->value(1).toString();
        i.nameZh = q->value(2).toString();
        i.nameEn = q->value(3).toString();
        i.unit = q->value(4).toString();
        i.better = directionFromName(q->value(5).toString());
        i.definition = q->value(6).toString();
        i.cues = cuesFromJson(q->value(7).toString());
        i.userDefined = q->value(8).toInt() != 0;
        out.append(i);
    }
    return out;
}

Result<std::pair<qint64, qint64>> Database::compact() {
    if (isPostgres())
        return Error{QStringLiteral("%1 is a PostgreSQL database: the server reclaims its space itself "
                                    "(autovacuum); compacting is for SQLite files.")
                         .arg(m_path),
                     QStringLiteral("bad-value")};
    if (Status s = checkWritable(QStringLiteral("Compacting")); !s)
        return s.error();
    // Whatever waits for the search index goes in first: the index is compacted with the rest.
    if (Status s = catchUpSearchIndex(); !s)
        return s.error();
    // Both sizes after a checkpoint (the WAL moved into the file and truncated), so they compare the
    // file with all its data: VACUUM rewrites the file through the WAL.
    const QString checkpoint = QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)");
    if (Status s = execStatus(m_db, checkpoint); !s)
        return s.error();
    const qint64 before = QFileInfo(m_path).size();
    // The search index merged into one segment first: a removed plan's entries stay in FTS5 as deletion
    // entries (about as many pages as its rows gave back) until their segments merge, and since schema 23
    // one import shares one segment, which later imports rarely merge again. VACUUM rewrites the whole file
    // anyway; 'optimize' rewrites the index once more and drops what removed plans left in it.
    if (Status s =
            execStatus(m_db, QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('optimize')"));
        !s)
        return s.error();
    if (Status s = execStatus(m_db, QStringLiteral("VACUUM")); !s)
        return s.error();
    if (Status s = execStatus(m_db, checkpoint); !s)
        return s.error();
    return std::pair<qint64, qint64>(before, QFileInfo(m_path).size());
}

Result<qint64> Database::freeBytes() {
    if (isPostgres())
        return qint64(0);
    Result<QSqlQuery> q = exec(m_db, QStringLiteral("SELECT freelist_count * page_size FROM "
                                                    "pragma_freelist_count(), pragma_page_size()"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<StoreCounts> Database::counts() {
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sections), "
                                  "(SELECT count(*) FROM measures), (SELECT count(*) FROM targets), "
                                  "(SELECT count(*) FROM overrides), (SELECT count(*) FROM notes)"));
    if (!q)
        return q.error();
    StoreCounts c;
    if (q->next()) {
        c.documents = q->value(0).toInt();
        c.sections = q->value(1).toInt();
        c.measures = q->value(2).toInt();
        c.targets = q->value(3).toInt();
        c.overrides = q->value(4).toInt();
        c.notes = q->value(5).toInt();
    }
    return c;
}

} // namespace pc
