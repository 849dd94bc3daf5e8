// The search index fed in batches (schema 23, migrations.cpp): a plan's transaction lists its measures in
// search_pending, and the index catches up here, many plans in one transaction, so FTS5 writes one level-0
// segment per batch rather than one per plan (and merges far fewer of them).
#include "searchbatch.h"

#include "database.h"
#include "migrations.h"
#include "sqlutil.h"
#include "statements.h"

#include <QDebug>

#include <sqlite3.h>

#include <vector>

namespace pc {

void Database::beginSearchBatch() {
    ++m_searchBatchDepth;
    if (m_searchBatchDepth == 1 && !isPostgres() && !m_readOnly) {
        // What an earlier import left waiting goes first (a killed one, or another process's).
        if (Status s = catchUpSearchIndex(); !s)
            qWarning().noquote() << s.errorMessage();
    }
}

Status Database::endSearchBatch() {
    if (m_searchBatchDepth > 0)
        --m_searchBatchDepth;
    if (m_searchBatchDepth > 0)
        return okStatus();
    return catchUpSearchIndex();
}

Result<qint64> Database::measuresWaitingForIndex() {
    if (isPostgres())
        return qint64(0);
    Result<QSqlQuery> q = store::exec(m_db, QStringLiteral("SELECT count(*) FROM search_pending"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Status Database::catchUpSearchIndex() {
    if (isPostgres() || m_readOnly || !m_statements || !m_statements->handle())
        return okStatus();
    if (m_txDepth > 0) // the caller's transaction: the next catch-up outside it
        return okStatus();
    if (m_pendingTexts)
        m_pendingTexts->unmergedPlans = 0;
    const QString what = QStringLiteral("indexing the imported plans for search");
    sqlite3* handle = m_statements->handle();
    const auto failed = [&](int rc) { return Status(store::sqliteError(handle, rc, what, m_path)); };
    // Nothing waiting for the index or in the fresh tables of schema 25 (most opens, every search-only
    // session): one read, no write lock.
    {
        Result<sqlite3_stmt*> st = m_statements->get(store::waitingRowsQuery(), what, m_path);
        if (!st)
            return st.error();
        const store::StatementScope scope(*st);
        const int rc = sqlite3_step(*st);
        if (rc != SQLITE_ROW)
            return failed(rc);
        if (sqlite3_column_int64(*st, 0) == 0) {
            if (m_pendingTexts)
                m_pendingTexts->clear();
            return okStatus();
        }
    }
    const Status s = withTransaction([&]() -> Status {
        // The list as it is under the write lock: rows with this connection's stamp take the texts kept
        // here; the others (another import's, a killed one's, a measure changed since) are read back.
        std::vector<std::pair<qint64, const store::PendingIndexTexts::Texts*>> fromMemory;
        std::vector<qint64> fromRows;
        {
            Result<sqlite3_stmt*> st = m_statements->get(
                QStringLiteral("SELECT measure_id, stamp FROM search_pending ORDER BY measure_id"), what,
                m_path);
            if (!st)
                return st.error();
            const store::StatementScope scope(*st);
            for (int rc = sqlite3_step(*st);; rc = sqlite3_step(*st)) {
                if (rc == SQLITE_DONE)
                    break;
                if (rc != SQLITE_ROW)
                    return failed(rc);
                const qint64 id = sqlite3_column_int64(*st, 0);
                const store::PendingIndexTexts::Texts* kept = nullptr;
                if (m_pendingTexts && sqlite3_column_type(*st, 1) != SQLITE_NULL) {
                    const auto it = m_pendingTexts->byId.find(id);
                    if (it != m_pendingTexts->byId.end() && it->second.stamp == sqlite3_column_int64(*st, 1))
                        kept = &it->second;
                }
                if (kept)
                    fromMemory.emplace_back(id, kept);
                else
                    fromRows.push_back(id);
            }
        }
        // One-row INSERTs open no statement journal: FTS5 keeps the rows in memory and writes them out
        // together (a segment per batch, or per 1 MB of its in-memory index).
        if (!fromMemory.empty()) {
            Result<sqlite3_stmt*> st = m_statements->get(
                QStringLiteral("INSERT INTO measure_fts(rowid, title, body, units) VALUES (?,?,?,?)"), what,
                m_path);
            if (!st)
                return st.error();
            const store::StatementScope scope(*st);
            for (const auto& [id, texts] : fromMemory) {
                sqlite3_bind_int64(*st, 1, id);
                for (int c = 0; c < 3; ++c)
                    sqlite3_bind_text(*st, 2 + c, texts->utf8[c].constData(), int(texts->utf8[c].size()),
                                      SQLITE_STATIC);
                const int rc = sqlite3_step(*st);
                sqlite3_reset(*st);
                if (rc != SQLITE_DONE)
                    return failed(rc);
            }
        }
        if (!fromRows.empty()) {
            Result<sqlite3_stmt*> st = m_statements->get(
                QStringLiteral("INSERT INTO measure_fts(rowid, title, body, units) SELECT id, "
                               "title, body, units FROM measures_text WHERE id = ?"),
                what, m_path);
            if (!st)
                return st.error();
            const store::StatementScope scope(*st);
            for (const qint64 id : fromRows) {
                sqlite3_bind_int64(*st, 1, id);
                const int rc = sqlite3_step(*st);
                sqlite3_reset(*st);
                if (rc != SQLITE_DONE)
                    return failed(rc);
            }
        }
        if (Status st = m_statements->run(QStringLiteral("DELETE FROM search_pending"), {}, what, m_path);
            !st)
            return st;
        // Schema 25: the fresh rows of the comparison, the unit filter and the areas join their merged
        // tables in key order, in this transaction (a leaf per key per batch instead of per plan).
        for (const QString& sql : store::freshRowsMerge()) {
            if (Status st = m_statements->run(sql, {}, what, m_path); !st)
                return st;
        }
        return okStatus();
    });
    if (m_pendingTexts)
        m_pendingTexts->clear(); // indexed, or listed durably for the next catch-up to read back
    return s;
}

} // namespace pc
