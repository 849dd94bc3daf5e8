// The search index fed in batches (schema 23): the texts an import keeps for the measures it listed in
// search_pending, until Database::catchUpSearchIndex indexes them (and, schema 25, merges the fresh rows).
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <unordered_map>

namespace pc::store {

struct PendingIndexTexts {
    // A measure's title, body and units as UTF-8 (what FTS5 is given), and the stamp its
    // search_pending row was written with: the row is fed from here only while the stamps agree (a
    // change of the measure's texts clears the row's stamp; a measure id reused by another import
    // carries that import's stamp).
    struct Texts {
        qint64 stamp = 0;
        QByteArray utf8[3];
    };
    std::unordered_map<qint64, Texts> byId;
    int plans = 0;    // plans whose texts are kept
    qint64 bytes = 0; // their texts' bytes
    // Plans stored outside a batch since this connection's last catch-up (schema 25: their fresh rows
    // are merged every Database::kSearchBatchPlans of them, so readers never scan more than a batch's).
    // Not cleared by clear(); the catch-up sets it to 0.
    int unmergedPlans = 0;

    void clear() {
        byId.clear();
        plans = 0;
        bytes = 0;
    }
};

} // namespace pc::store
