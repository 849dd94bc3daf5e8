// Placeholder until the store lands in main: reports that no database backend is available.
#include "databasedata.h"

namespace pc::ui {

Result<std::unique_ptr<WorkbenchData>> openDatabaseData(const QString& path) {
    return Result<std::unique_ptr<WorkbenchData>>::failure(
        QStringLiteral("%1: the database store is not built in").arg(path));
}

Result<QStringList> seedFiles() {
    return QStringList{};
}

} // namespace pc::ui
