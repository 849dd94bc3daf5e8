// Remembered plan sets (see plansetmemory.h).
#include "plansetmemory.h"

#include "workbench.h"

#include <QCryptographicHash>
#include <QSettings>

#include <algorithm>

namespace pc::ui {

PlanSetMemory::PlanSetMemory(Workbench& workbench, const QString& settingsFile, QObject* parent)
    : QObject(parent)
    , m_wb(workbench)
    , m_file(settingsFile) {
    connect(&m_wb, &Workbench::planSelectionChanged, this,
            [this] { remember(m_wb.data().location(), m_wb.data().planSelection()); });
}

std::unique_ptr<QSettings> PlanSetMemory::settings() const {
    return m_file.isEmpty() ? std::make_unique<QSettings>()
                            : std::make_unique<QSettings>(m_file, QSettings::IniFormat);
}

// One key per database: a digest of its location (a path or a postgresql:// URI, which is not
// written to the settings as such).
QString PlanSetMemory::keyOf(const QString& location) {
    return QStringLiteral("planSets/") +
           QString::fromLatin1(QCryptographicHash::hash(location.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString PlanSetMemory::remembered(const QString& location) const {
    return settings()->value(keyOf(location)).toString();
}

void PlanSetMemory::remember(const QString& location, const PlanSelection& selection) {
    settings()->setValue(keyOf(location), selection.key());
}

bool PlanSetMemory::restore() {
    WorkbenchData& data = m_wb.data();
    const QString key = remembered(data.location());
    if (key.isEmpty())
        return false;
    const PlanSelection s = PlanSelection::fromKey(key);
    if (s.key() != key)
        return false; // not a set this version knows
    if (s.mode == PlanSelection::Mode::Named) {
        const Result<QStringList> names = data.planSetNames();
        if (!names || !names->contains(s.name))
            return false;
    } else if (s.mode == PlanSelection::Mode::Year) {
        const Result<QList<PlanInfo>> all = data.allPlans();
        if (!all ||
            std::none_of(all->begin(), all->end(), [&s](const PlanInfo& p) { return p.year == s.year; }))
            return false;
    }
    data.setPlanSelection(s);
    return true;
}

} // namespace pc::ui
