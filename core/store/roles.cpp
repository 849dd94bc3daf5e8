// Team roles on PostgreSQL: the two group roles, their grants and default privileges, membership.
#include "roles.h"

#include "database.h"
#include "sqlutil.h"

#include <QSqlQuery>

namespace pc {

using store::exec;
using store::execStatus;

namespace {

const QString kReader = QStringLiteral("plancompare_reader");
const QString kEditor = QStringLiteral("plancompare_editor");

QString quoteIdent(const QString& name) {
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

Status needsPostgres(Database& db) {
    if (db.isPostgres())
        return okStatus();
    return Status::failure(
        QStringLiteral("%1 is a SQLite file: team roles exist on PostgreSQL only (share a file "
                       "read-only through its permissions or open it with --read-only)")
            .arg(db.path()),
        QStringLiteral("bad-value"));
}

// The role owning PlanCompare's tables; an error when the connected role is not it (nor a member).
Result<QString> tableOwner(Database& db) {
    Result<QSqlQuery> q = exec(db.connection(), QStringLiteral("SELECT pg_get_userbyid(relowner), "
                                                               "pg_has_role(relowner, 'USAGE') FROM pg_class "
                                                               "WHERE oid = to_regclass('documents')"));
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("%1 holds no PlanCompare tables").arg(db.path()),
                     QStringLiteral("not-found")};
    const QString owner = q->value(0).toString();
    if (!q->value(1).toBool())
        return Error{
            QStringLiteral("only the owner of the tables of %1 (role %2) may set up team roles; you are "
                           "%3")
                .arg(db.path(), owner, db.user()),
            QStringLiteral("db-denied")};
    return owner;
}

Result<bool> roleExists(Database& db, const QString& name, bool* canLogin = nullptr) {
    Result<QSqlQuery> q =
        exec(db.connection(), QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return false;
    if (canLogin)
        *canLogin = q->value(0).toBool();
    return true;
}

// A refused GRANT or CREATE ROLE says which right is missing rather than "permission denied".
Error explainDenied(const Error& e, Database& db, const QString& what) {
    if (e.code != QLatin1String("db-readonly"))
        return e;
    return Error{
        QStringLiteral("%1 on %2 was refused: role %3 lacks the right (%4). Creating the roles needs "
                       "CREATEROLE; granting them needs CREATEROLE or their ADMIN option. Ask the "
                       "server's administrator, e.g. ALTER ROLE %3 CREATEROLE.")
            .arg(what, db.path(), db.user(), e.message),
        QStringLiteral("db-denied")};
}

} // namespace

QString teamRoleName(TeamRole role) {
    return role == TeamRole::Editor ? kEditor : kReader;
}

std::optional<TeamRole> parseTeamRole(const QString& word) {
    if (word == QLatin1String("reader"))
        return TeamRole::Reader;
    if (word == QLatin1String("editor"))
        return TeamRole::Editor;
    return std::nullopt;
}

Status setupTeamRoles(Database& db) {
    if (Status s = needsPostgres(db); !s)
        return s;
    Result<QString> owner = tableOwner(db);
    if (!owner)
        return owner.error();
    Result<QSqlQuery> schemaName = exec(db.connection(), QStringLiteral("SELECT current_schema()"));
    if (!schemaName)
        return schemaName.error();
    const QString schema = quoteIdent(schemaName->next() ? schemaName->value(0).toString() : QString());
    schemaName->finish();
    const Status s = db.withTransaction([&]() -> Status {
        // Roles belong to the whole server: several PlanCompare databases (and two clients setting up at
        // once) share them, so an existing one is kept.
        if (Status c = execStatus(
                db.connection(),
                QStringLiteral(
                    "DO $$ BEGIN "
                    "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plancompare_reader') THEN "
                    "CREATE ROLE plancompare_reader NOLOGIN; END IF; "
                    "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plancompare_editor') THEN "
                    "CREATE ROLE plancompare_editor NOLOGIN IN ROLE plancompare_reader; END IF; "
                    "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"));
            !c)
            return explainDenied(c.error(), db, QStringLiteral("creating the roles"));
        const QString forOwner = QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1 IN SCHEMA %2 ")
                                     .arg(quoteIdent(*owner), schema);
        const QStringList grants{
            QStringLiteral("GRANT USAGE ON SCHEMA %1 TO plancompare_reader").arg(schema),
            QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO plancompare_reader").arg(schema),
            QStringLiteral("GRANT SELECT ON ALL SEQUENCES IN SCHEMA %1 TO plancompare_reader").arg(schema),
            QStringLiteral("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1 TO plancompare_editor")
                .arg(schema),
            QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA %1 TO plancompare_editor").arg(schema),
            // The schema version is the owner's: a migration changes it together with the tables.
            QStringLiteral("REVOKE INSERT, UPDATE, DELETE ON plancompare_schema FROM plancompare_editor"),
            // Tables and sequences a later migration creates (as the owner) get the same rights.
            forOwner + QStringLiteral("GRANT SELECT ON TABLES TO plancompare_reader"),
            forOwner + QStringLiteral("GRANT SELECT ON SEQUENCES TO plancompare_reader"),
            forOwner + QStringLiteral("GRANT INSERT, UPDATE, DELETE ON TABLES TO plancompare_editor"),
            forOwner + QStringLiteral("GRANT USAGE ON SEQUENCES TO plancompare_editor"),
        };
        for (const QString& sql : grants) {
            if (Status g = execStatus(db.connection(), sql); !g)
                return explainDenied(g.error(), db, QStringLiteral("granting the roles"));
        }
        return okStatus();
    });
    return s;
}

Status grantTeamRole(Database& db, const QString& login, TeamRole role) {
    if (Status s = needsPostgres(db); !s)
        return s;
    if (login.trimmed().isEmpty())
        return Status::failure(QStringLiteral("give the login to grant a role to"),
                               QStringLiteral("bad-value"));
    bool canLogin = false;
    Result<bool> exists = roleExists(db, login, &canLogin);
    if (!exists)
        return exists.error();
    if (!*exists)
        return Status::failure(
            QStringLiteral("there is no role %1 on the server of %2; create the login first "
                           "(CREATE ROLE %1 LOGIN PASSWORD '…')")
                .arg(login, db.path()),
            QStringLiteral("not-found"));
    if (login.startsWith(QLatin1String("plancompare_")))
        return Status::failure(
            QStringLiteral("%1 is one of PlanCompare's group roles, not a login").arg(login),
            QStringLiteral("bad-value"));
    for (const QString& group : {kReader, kEditor}) {
        Result<bool> g = roleExists(db, group);
        if (!g)
            return g.error();
        if (!*g)
            return Status::failure(
                QStringLiteral("the role %1 does not exist yet: set the roles up first with "
                               "plancompare-cli --db %2 db roles --setup")
                    .arg(group, db.path()),
                QStringLiteral("not-found"));
    }
    return db.withTransaction([&]() -> Status {
        QStringList sql{QStringLiteral("GRANT %1 TO %2").arg(teamRoleName(role), quoteIdent(login))};
        if (role == TeamRole::Reader) {
            // Revoked only when held: the server warns about revoking a role a login does not hold.
            Result<QList<TeamMember>> members = teamMembers(db);
            if (!members)
                return members.error();
            for (const TeamMember& m : *members)
                if (m.login == login && m.role == TeamRole::Editor)
                    sql << QStringLiteral("REVOKE plancompare_editor FROM %1").arg(quoteIdent(login));
        }
        for (const QString& q : sql) {
            if (Status s = execStatus(db.connection(), q); !s)
                return explainDenied(s.error(), db,
                                     QStringLiteral("granting %1 to %2").arg(teamRoleName(role), login));
        }
        return okStatus();
    });
}

Status revokeTeamRoles(Database& db, const QString& login) {
    if (Status s = needsPostgres(db); !s)
        return s;
    Result<bool> exists = roleExists(db, login);
    if (!exists)
        return exists.error();
    if (!*exists)
        return Status::failure(
            QStringLiteral("there is no role %1 on the server of %2").arg(login, db.path()),
            QStringLiteral("not-found"));
    Result<QSqlQuery> held =
        exec(db.connection(),
             QStringLiteral("SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = "
                            "a.roleid JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = ? "
                            "AND g.rolname IN ('plancompare_reader', 'plancompare_editor')"),
             {login});
    if (!held)
        return held.error();
    QStringList groups;
    while (held->next())
        groups << held->value(0).toString();
    held->finish();
    return db.withTransaction([&]() -> Status {
        for (const QString& group : std::as_const(groups)) {
            if (Status s = execStatus(db.connection(),
                                      QStringLiteral("REVOKE %1 FROM %2").arg(group, quoteIdent(login)));
                !s)
                return explainDenied(s.error(), db, QStringLiteral("revoking %1 from %2").arg(group, login));
        }
        return okStatus();
    });
}

Result<QList<TeamMember>> teamMembers(Database& db) {
    if (Status s = needsPostgres(db); !s)
        return s.error();
    Result<QSqlQuery> q = exec(
        db.connection(),
        QStringLiteral("SELECT m.rolname, bool_or(g.rolname = 'plancompare_editor') FROM pg_auth_members a "
                       "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
                       "WHERE g.rolname IN ('plancompare_reader', 'plancompare_editor') AND m.rolname NOT IN "
                       "('plancompare_reader', 'plancompare_editor') GROUP BY m.rolname ORDER BY m.rolname"));
    if (!q)
        return q.error();
    QList<TeamMember> out;
    while (q->next())
        out << TeamMember{q->value(0).toString(), q->value(1).toBool() ? TeamRole::Editor : TeamRole::Reader};
    return out;
}

} // namespace pc
