// The plan set last chosen, remembered per database between sessions (QSettings): the workbench
// opens a database on the set it was last compared with, unless --plans says otherwise.
#pragma once

#include "compare/planselection.h"

#include <QObject>
#include <QString>

#include <memory>

class QSettings;

namespace pc::ui {

class Workbench;
class WorkbenchData;

class PlanSetMemory : public QObject {
    Q_OBJECT
public:
    // `settingsFile` empty: the application's settings; else an INI file (tests).
    explicit PlanSetMemory(Workbench& workbench, const QString& settingsFile = {}, QObject* parent = nullptr);
    // The set remembered for a database location ("" when none).
    QString remembered(const QString& location) const;
    void remember(const QString& location, const PlanSelection& selection);
    // Applies the set remembered for the workbench's database to its data (before any view reads it)
    // when it still exists: a year some plan has, a saved set by that name. True when applied.
    bool restore();

private:
    std::unique_ptr<QSettings> settings() const;
    static QString keyOf(const QString& location);
    Workbench& m_wb;
    QString m_file;
};

} // namespace pc::ui
