// The numbered schema migrations of the database (both engines), each committed with its version.
#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace pc::store {

struct Migration {
    int version = 0;        // user_version after this step
    QString name;           // for error messages
    QStringList statements; // both engines (plain SQL, types translated for PostgreSQL)
    QStringList sqlite;     // SQLite only, after `statements`
    QStringList postgres;   // PostgreSQL only, after `statements`
};

const QList<Migration>& migrations();
int latestVersion();

// Schema 25 (SQLite): whether rows wait in the fresh tables or search_pending (one row, 0 or 1), and the
// statements moving the fresh rows of compare_rows, agency_measures and measure_areas into their merged
// tables in key order (run in one transaction; repeating them changes nothing).
const QString& waitingRowsQuery();
const QStringList& freshRowsMerge();

// Applies every step above the file's user_version, each in its own transaction together with
// its `PRAGMA user_version = n`; a failing step leaves the previous version and names the step.
// `upTo` stops early (tests build old fixtures with it).
Status migrate(QSqlDatabase& db, int upTo = -1);

} // namespace pc::store
