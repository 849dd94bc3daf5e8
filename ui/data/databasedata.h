// WorkbenchData over the store (pc::Database, pc::Importer, compare::*): the only place ui/ reaches
// the database, and only through the store's functions.
#pragma once

#include "workbenchdata.h"

#include <memory>

namespace pc::ui {

// Opens (creating and migrating) the database at `path`.
Result<std::unique_ptr<WorkbenchData>> openDatabaseData(const QString& path);
// The shipped seed plans (seeds/*.txt listed in the manifest), for the first start.
Result<QStringList> seedFiles();

} // namespace pc::ui
