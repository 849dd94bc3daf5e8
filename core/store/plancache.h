// Display fields and list order of every plan, kept per connection for the comparison rows; reloaded
// when this connection or another one has changed the database since.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace pc::store {

struct PlanEntry {
    QString docId;
    QString jurisdiction;
    QString level;
    int year = 0;
    QString docNumber;
    QString issuedOn;
    QString title;
    QString jurisdictionCode;
    QString planKind;
    QString implementsDocNumber;
    int rank = 0; // position in the plan list: municipal first, then by jurisdiction, year, doc id
    QList<qsizetype> pageStarts; // source offset of each page's first character (PDF plans), else empty
};

struct PlanCache {
    qint64 dataVersion = -1;  // PRAGMA data_version when loaded (changes committed by others)
    qint64 totalChanges = -1; // sqlite3_total_changes64 when loaded (changes made here)
    QHash<qint64, PlanEntry> plans;
    // plans by id when ids are dense (they are: INTEGER PRIMARY KEY); empty otherwise
    std::vector<const PlanEntry*> byId;

    const PlanEntry* find(qint64 id) const {
        if (id >= 0 && size_t(id) < byId.size())
            return byId[size_t(id)];
        if (!byId.empty())
            return nullptr;
        const auto it = plans.constFind(id);
        return it == plans.constEnd() ? nullptr : &*it;
    }
};

} // namespace pc::store
