// Where the shipped data (seeds, taxonomy, translations) and the user's database live.
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace pc {

// Directories searched for shipped data, in order: $PLANCOMPARE_DATA_DIR, the install
// prefix relative to the executable (<bin>/../share/plancompare), the source tree the
// binary was built from (left out when $PLANCOMPARE_NO_SOURCE_TREE is set to anything but
// 0, so an installed copy can be shown to use its own prefix).
// Returns the candidates for a given sub-path (for messages).
QStringList dataCandidates(const QString& subPath);

// The roots above, in search order (for `plancompare-cli paths`).
QStringList dataRoots();

// A shipped folder such as "taxonomy", or an error naming every place searched.
Result<QString> findDataDir(const QString& relativePath);

// The seeds folder (holding manifest.json and the plan files), or an error naming every
// place searched and what to do.
Result<QString> findSeedsDir();

// A shipped resource file such as "taxonomy/indicators.json".
Result<QString> findDataFile(const QString& relativePath);

// Default database: $XDG_DATA_HOME/plancompare/plancompare.sqlite (~/.local/share/plancompare/…).
QString defaultDatabasePath();

// Creates the directory holding `filePath` if needed and checks that it is writable.
Status ensureWritableParent(const QString& filePath);

} // namespace pc
