// Read-only mode of the window: a database the user may only read (a reader role, a read-only file
// or --read-only) is marked in the title and status bar, and actions that would change it are
// disabled with a tooltip saying why.
#pragma once

#include <QString>

class QAction;
class QLabel;
class QWidget;

namespace pc::ui {

class WorkbenchData;

// "只读 / read-only" ("read-only" in the English interface): the marker in the title and status bar.
QString readOnlyMarker();
// Disables `action` (with the reason as its tooltip) when `data` is read-only; returns `action`.
QAction* guardWrite(QAction* action, const WorkbenchData& data);
// The status bar's marker label (object name "readOnlyMarker"); hidden on a writable database.
QLabel* createReadOnlyLabel(const WorkbenchData& data, QWidget* parent);

} // namespace pc::ui
