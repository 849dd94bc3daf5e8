// Where the shipped data (seeds, taxonomy, translations) and the user's database live.
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace pc {

// Directories searched for shipped data, in order: $PLANCOMPARE_DATA_DIR, the install
// prefix relative to the executable (<bin>/../share/plancompare), the source tree the
// binary was built from. Returns the candidates for a given sub-path (for messages).
QStringList dataCandidates(const QString& subPath);

// The seeds folder (holding manifest.json and the plan files), or an error naming every
// place searched and what to do.
Result<QString> findSeedsDir();

// A shipped resource file such as "taxonomy/indicators.json".
Result<QString> findDataFile(const QString& relativePath);

// Default database: QStandardPaths::AppDataLocation/plancompare.sqlite.
QString defaultDatabasePath();

// Creates the directory holding `filePath` if needed and checks that it is writable.
Status ensureWritableParent(const QString& filePath);

} // namespace pc
