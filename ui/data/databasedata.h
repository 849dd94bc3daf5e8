// WorkbenchData over the store (pc::Database, pc::Importer, compare::*): the only place ui/ reaches
// the database, and only through the store's functions.
#pragma once

#include "workbenchdata.h"

#include <memory>

namespace pc::ui {

// Opens (creating and migrating) the database at `path`; `readOnly` opens it without write access
// (the GUI's --read-only), as does a file the user may not write or a PostgreSQL reader role.
// `password`: typed into the GUI's prompt for a team database (memory only; empty: ~/.pgpass or
// PGPASSWORD).
Result<std::unique_ptr<WorkbenchData>> openDatabaseData(const QString& path, bool readOnly = false,
                                                        const QString& password = {});
// The shipped seed plans (seeds/*.txt listed in the manifest), for the first start.
Result<QStringList> seedFiles();

} // namespace pc::ui
