// Display fields and list order of every plan, kept per connection for the comparison rows; reloaded
// when this connection or another one has changed the database since.
#pragma once

#include "compare/comparison.h"

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

// One indicator's comparison rows as last read (SQLite), handed out as copies of one implicitly shared
// list. Valid while the plan cache's stamp is: PlanCache drops them whenever it reloads.
struct IndicatorRows {
    QString indicator;
    bool includeRejected = false;
    bool sentences = false; // ComparisonRow::sentence read (TargetFilter::sentences)
    QList<ComparisonRow> rows;
    quint64 used = 0; // last use, for dropping the least recently used
};

struct PlanCache {
    qint64 dataVersion = -1;  // PRAGMA data_version when loaded (changes committed by others)
    qint64 totalChanges = -1; // sqlite3_total_changes64 when loaded (changes made here)
    QHash<qint64, PlanEntry> plans;
    // plans by id when ids are dense (they are: INTEGER PRIMARY KEY); empty otherwise
    std::vector<const PlanEntry*> byId;
    // Rows of the indicators compared last, read while this stamp held: at most kMaxIndicators lists
    // and kMaxRows rows in all (the most recent list is kept whatever its size).
    static constexpr qsizetype kMaxIndicators = 8;
    static constexpr qsizetype kMaxRows = 60000;
    std::vector<IndicatorRows> rows;
    quint64 uses = 0;

    // Forget everything: the next read reloads the plans (after a rolled-back transaction, whose
    // changes the stamp cannot tell from committed ones).
    void invalidate() {
        dataVersion = -1;
        totalChanges = -1;
        rows.clear();
    }
    const QList<ComparisonRow>* findRows(const QString& indicator, bool includeRejected, bool sentences) {
        for (IndicatorRows& r : rows) {
            if (r.includeRejected == includeRejected && r.sentences == sentences &&
                r.indicator == indicator) {
                r.used = ++uses;
                return &r.rows;
            }
        }
        return nullptr;
    }
    void keepRows(const QString& indicator, bool includeRejected, bool sentences,
                  const QList<ComparisonRow>& list) {
        rows.push_back({indicator, includeRejected, sentences, list, ++uses});
        qsizetype total = 0;
        for (const IndicatorRows& r : rows)
            total += r.rows.size();
        while (rows.size() > 1 && (qsizetype(rows.size()) > kMaxIndicators || total > kMaxRows)) {
            auto oldest = rows.begin();
            for (auto it = rows.begin(); it != rows.end(); ++it)
                if (it->used < oldest->used)
                    oldest = it;
            total -= oldest->rows.size();
            rows.erase(oldest);
        }
    }

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
