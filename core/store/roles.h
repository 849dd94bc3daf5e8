// Team roles on a PostgreSQL database: read-only researchers and editors as PostgreSQL group roles.
#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace pc {

class Database;

// plancompare_reader: SELECT on every table. plancompare_editor: a reader that may also insert, update
// and delete rows (corrections, notes, history, plan corrections, plan sets — and imports, which
// write plans). Changing the schema (migrations) stays with the tables' owner.
enum class TeamRole { Reader, Editor };
QString teamRoleName(TeamRole role);                        // plancompare_reader | plancompare_editor
std::optional<TeamRole> parseTeamRole(const QString& word); // reader | editor

struct TeamMember {
    QString login;
    TeamRole role = TeamRole::Reader; // the highest role the login holds
};

// Creates the two group roles if missing (needs CREATEROLE), grants them on every table and sequence
// of the schema, and sets default privileges so tables and sequences later migrations create are
// covered too. Run by the tables' owner (or a superuser); running it again is harmless.
Status setupTeamRoles(Database& db);
// Makes an existing login a reader or an editor (an editor becomes a reader by revoking the editor
// role). Errors: not-found (no such login, or the roles were not set up), bad-value.
Status grantTeamRole(Database& db, const QString& login, TeamRole role);
// Takes both roles from a login.
Status revokeTeamRoles(Database& db, const QString& login);
// Who holds which role, by login.
Result<QList<TeamMember>> teamMembers(Database& db);

} // namespace pc
