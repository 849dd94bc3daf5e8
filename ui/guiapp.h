// Start-up of the desktop application: fonts, language, database, main window or screenshot.
#pragma once

#include <QString>

class QApplication;

namespace pc::ui {

struct GuiOptions {
    QString screenshotPath; // non-empty: render offscreen to this PNG and exit
    QString view;           // matrix | compare | chart | measures | reader
    QString indicator;
    QString dbPath;
    bool readOnly = false; // --read-only: open the database without write access (no edits offered)
    QString language;      // zh | en | empty (settings, else zh)
    QString plans;         // plan set: latest | all | year:2021 | set:NAME (empty: latest)
    QString chart;         // chart kind in the chart view: plans | bars | distribution | trend (empty: plans)
};

// Chinese text must render with the Simplified Chinese face: left alone Qt picks
// Noto Sans CJK JP. Call before creating any widget.
void applyChineseFont();
// Installs the interface translation: "en" loads the English .qm (false if missing); anything else
// keeps the Chinese source strings. May be called again while windows are open: the previous
// translation is removed and every open view retranslates itself (QEvent::LanguageChange).
bool installTranslation(const QString& language);

int runGui(QApplication& app, const GuiOptions& options);

} // namespace pc::ui
