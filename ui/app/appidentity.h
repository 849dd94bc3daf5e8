// The application's icon and desktop identity (window icon, desktop entry name for Wayland/taskbars).
#pragma once

#include <QIcon>
#include <QString>

namespace pc::ui {

// The desktop entry's base name (packaging/io.github.plancompare.PlanCompare.desktop).
QString desktopFileName();
// The shipped icon (resources/icons/plancompare.svg, embedded as :/icons/plancompare.svg), rendered
// at the usual sizes so it shows even where Qt's SVG icon plugin is not installed. Null only if the
// resource is missing.
QIcon applicationIcon();
// Sets the window icon and desktop file name on the running QGuiApplication.
void applyApplicationIdentity();

} // namespace pc::ui
