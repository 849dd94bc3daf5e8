// The logic behind "Connect to a team database…": the address from the dialog's fields, where the
// password comes from, the recent connections (never with a password) and plain error messages.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace pc::ui {

struct TeamConnection {
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database;
    QString user;
    QString sslMode; // empty: libpq's default (prefer); disable | allow | prefer | require | verify-ca |
                     // verify-full
    bool operator==(const TeamConnection&) const = default;
};

// postgresql://USER@HOST:PORT/DATABASE[?sslmode=…] with the names percent-encoded; never a password.
QString teamDatabaseUri(const TeamConnection& c);
// The fields of an address teamDatabaseUri() wrote (a recent connection); nullopt for anything else.
std::optional<TeamConnection> parseTeamDatabaseUri(const QString& uri);
// What is missing or wrong in the fields ("" when they can be tried).
QString checkTeamConnection(const TeamConnection& c);

// Where libpq will find the password: PGPASSWORD, a matching line of ~/.pgpass (or PGPASSFILE), or
// nowhere (the dialog then asks for it). `passFile` overrides the file's location (tests).
enum class PasswordSource { Environment, PassFile, None };
PasswordSource passwordSource(const TeamConnection& c, const QString& passFile = {});

// A failed connection in words a researcher can act on: unreachable server, wrong or missing
// password, no such database or user, not a PlanCompare database. `storeMessage` is Database::open's
// error; `needsPassword` is set when typing a password may help.
QString explainConnectError(const TeamConnection& c, const QString& storeMessage,
                            bool* needsPassword = nullptr);

// The last team databases connected to, newest first (at most 8), as addresses without password.
QStringList recentTeamConnections(const QSettings& settings);
void rememberTeamConnection(QSettings& settings, const QString& uri);

} // namespace pc::ui
