// pc_bm25: FTS5's bm25 (fts5_aux.c, SQLite 3.40) with the per-phrase row counts kept between searches.
#include "ftsrank.h"

#include "cjktokenizer.h"

#include <QString>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

namespace pc::fts {

namespace {

// Rows holding each phrase of a query, by key (expression and database state), for one connection.
struct HitCounts {
    std::unordered_map<std::string, std::vector<sqlite3_int64>> byKey;
};

// What bm25 computes once per query (FTS5 keeps it as the function's auxiliary data).
struct QueryData {
    double avgdl = 0;
    std::vector<double> idf;
    std::vector<double> freq; // per row, reused
};

int countRow(const Fts5ExtensionApi*, Fts5Context*, void* userData) {
    ++*static_cast<sqlite3_int64*>(userData);
    return SQLITE_OK;
}

void freeQueryData(void* p) {
    delete static_cast<QueryData*>(p);
}

int queryData(const Fts5ExtensionApi* api, Fts5Context* fts, HitCounts& cache, sqlite3_value* keyValue,
              QueryData** out) {
    if (auto* d = static_cast<QueryData*>(api->xGetAuxdata(fts, 0))) {
        *out = d;
        return SQLITE_OK;
    }
    const int phrases = api->xPhraseCount(fts);
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK)
        return rc;
    const auto* keyText = reinterpret_cast<const char*>(sqlite3_value_text(keyValue));
    const std::string key =
        keyText ? std::string(keyText, size_t(sqlite3_value_bytes(keyValue))) : std::string();
    std::vector<sqlite3_int64> hits;
    if (!key.empty()) {
        const auto it = cache.byKey.find(key);
        if (it != cache.byKey.end() && it->second.size() == size_t(phrases))
            hits = it->second;
    }
    if (hits.empty()) {
        hits.assign(size_t(phrases), 0);
        for (int i = 0; i < phrases && rc == SQLITE_OK; ++i)
            rc = api->xQueryPhrase(fts, i, &hits[size_t(i)], countRow);
        if (rc != SQLITE_OK)
            return rc;
        if (!key.empty()) {
            if (cache.byKey.size() >= 512) // old states: forget them wholesale
                cache.byKey.clear();
            cache.byKey[key] = hits;
        }
    }
    auto* d = new QueryData;
    d->avgdl = double(tokens) / double(rows);
    d->idf.resize(size_t(phrases));
    d->freq.resize(size_t(phrases));
    for (int i = 0; i < phrases; ++i) {
        const double nHit = double(hits[size_t(i)]);
        double idf = std::log((double(rows) - nHit + 0.5) / (nHit + 0.5));
        if (idf <= 0.0)
            idf = 1e-6;
        d->idf[size_t(i)] = idf;
    }
    rc = api->xSetAuxdata(fts, d, freeQueryData);
    if (rc != SQLITE_OK)
        return rc; // xSetAuxdata freed d
    *out = d;
    return SQLITE_OK;
}

// The same arithmetic, in the same order, as fts5Bm25Function, so scores are bit for bit bm25's.
void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int nValue,
          sqlite3_value** values) {
    if (nValue < 1) {
        sqlite3_result_error(ctx, "pc_bm25: the cache key argument is missing", -1);
        return;
    }
    auto* cache = static_cast<HitCounts*>(api->xUserData(fts));
    const double k1 = 1.2;
    const double b = 0.75;
    QueryData* d = nullptr;
    int rc = queryData(api, fts, *cache, values[0], &d);
    int instances = 0;
    if (rc == SQLITE_OK) {
        std::fill(d->freq.begin(), d->freq.end(), 0.0);
        rc = api->xInstCount(fts, &instances);
    }
    // Weights follow the key: bm25's apVal[ic] is values[1 + ic] here.
    const int weights = nValue - 1;
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK) {
            const double w = weights > column ? sqlite3_value_double(values[1 + column]) : 1.0;
            d->freq[size_t(phrase)] += w;
        }
    }
    double D = 0.0;
    if (rc == SQLITE_OK) {
        int tokens = 0;
        rc = api->xColumnSize(fts, -1, &tokens);
        D = double(tokens);
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double score = 0.0;
    for (size_t i = 0; i < d->idf.size(); ++i)
        score += d->idf[i] * ((d->freq[i] * (k1 + 1.0)) / (d->freq[i] + k1 * (1 - b + b * D / d->avgdl)));
    sqlite3_result_double(ctx, -1.0 * score);
}

void freeHitCounts(void* p) {
    delete static_cast<HitCounts*>(p);
}

} // namespace

Status registerRankFunction(sqlite3* db) {
    fts5_api* api = db ? fts5Api(db) : nullptr;
    if (!api)
        return Status::failure(QStringLiteral("this SQLite has no FTS5 full-text search"),
                               QStringLiteral("db-open"));
    auto* cache = new HitCounts;
    // Once registered, SQLite owns the cache: freeHitCounts runs when the connection closes.
    const int rc = api->xCreateFunction(api, kRankFunctionName, cache, rank, freeHitCounts);
    if (rc != SQLITE_OK) {
        delete cache; // not registered: FTS5 keeps no reference
        return Status::failure(QStringLiteral("could not register the search ranking: %1")
                                   .arg(QString::fromUtf8(sqlite3_errstr(rc))),
                               QStringLiteral("db-open"));
    }
    return okStatus();
}

} // namespace pc::fts
