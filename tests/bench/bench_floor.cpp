// Benchmark: the floors of the two designs issue 14's unmet goals would need, side by side with what the
// product does today on the same text (the five seeds).
//
// Extraction (goal: `plancompare-cli targets` at ≥ 100 MB/s per core). Today the parser, the target
// grammar and the classifiers each walk their texts again and again (measure bodies, sentences,
// clauses, headings). A one-scan design would read each plan once: decode, normalise, find every
// taxonomy cue, every sentence end and every number start, and leave the stages only the few places
// those scans found. BM_Floor_OneScan times exactly that scan, so the stages' own logic must fit into
// what is left of 100 MB/s; BM_Floor_TargetsToday is the whole pipeline as the CLI runs it.
//
// Import (goal: ≥ 25 MB/s with the search index, on 2 cores: at most 3.4 s of CPU for 43 MB). Today the
// storing thread writes every plan's rows and, every 64 plans, feeds the batch's measures to FTS5 (the
// "pc_cjk_set" tokenizer, detail=none). BM_Floor_StorePlans stores what 1,040 plans give with a minimal
// schema, with no index, with posting lists built beforehand (BM_Floor_PostingBuild: the part a worker
// thread could do) in two layouts, or with the product's FTS5 index: the storing thread's floor, for
// comparison with bench_import's storing thread.
#include "benchseeds.h"
#include "extract/analysis.h"
#include "extract/numbers.h"
#include "parse/parser.h"
#include "store/cjktokenizer.h"
#include "taxonomy/classifier.h"
#include "taxonomy/cuematcher.h"
#include "taxonomy/taxonomy.h"
#include "text/decode.h"
#include "text/normalizedtext.h"

#include <benchmark/benchmark.h>

#include <sqlite3.h>

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <climits>
#include <string>
#include <vector>

namespace {

using pc::bench::seeds;
using pc::bench::taxonomy;

// ---------------------------------------------------------------------------------------------------
// Extraction

// The reference: what `plancompare-cli targets` does per file (see bench_extract's BM_TargetsCli).
void BM_Floor_TargetsToday(benchmark::State& state) {
    pc::bench::targetsAsTheCliRuns(state);
}
BENCHMARK(BM_Floor_TargetsToday)->Unit(benchmark::kMillisecond);

// Decoding and normalising alone: every design pays it.
void BM_Floor_DecodeNormalize(benchmark::State& state) {
    for (auto _ : state) {
        for (const QByteArray& b : seeds().bytes) {
            const auto decoded = pc::text::decodeBytes(b, QString());
            benchmark::DoNotOptimize(pc::text::normalize(decoded->text).size());
        }
    }
    state.SetBytesProcessed(state.iterations() * seeds().total);
}
BENCHMARK(BM_Floor_DecodeNormalize)->Unit(benchmark::kMillisecond);

// Every area and indicator cue of the taxonomy, as the classifier knows them.
const pc::CueMatcher& allCues() {
    static const pc::CueMatcher m = [] {
        pc::CueMatcher out;
        for (const pc::Area& a : taxonomy().areas()) {
            for (const QString& c : a.cues)
                out.add(c);
        }
        for (const pc::Indicator& ind : taxonomy().indicators()) {
            for (const QString& c : ind.cues)
                out.add(c);
        }
        return out;
    }();
    return m;
}

// What a one-scan design reads from a plan's normalised text, once: where sentences end and where
// numbers start (Arabic, full-width or Chinese digits), and every occurrence of every cue of the
// taxonomy, counted by CueMatcher. A real design would also keep each cue occurrence's position (one
// more store per occurrence), so this floor is a little lower than that design's.
struct Scan {
    std::vector<qint32> sentenceEnds;
    std::vector<qint32> numberStarts;
    qsizetype cueKinds = 0;
};

Scan scanOnce(const QString& text) {
    Scan s;
    s.cueKinds = allCues().find(text, INT_MAX).size();
    const char16_t* d = reinterpret_cast<const char16_t*>(text.utf16());
    bool inNumber = false;
    for (qsizetype i = 0, n = text.size(); i < n; ++i) {
        const char16_t c = d[i];
        const bool digit =
            pc::extract::isArabicDigit(QChar(c)) || pc::extract::isChineseDigit(QChar(c)) || c == u'半';
        if (digit && !inNumber)
            s.numberStarts.push_back(qint32(i));
        inNumber = digit || (inNumber && (c == u'.' || c == u'%'));
        if (c == u'。' || c == u'；' || c == u'！' || c == u'？' || c == u'\n')
            s.sentenceEnds.push_back(qint32(i + 1));
    }
    return s;
}

void BM_Floor_OneScan(benchmark::State& state) {
    allCues();
    qsizetype numbers = 0;
    qsizetype sentences = 0;
    qsizetype cueKinds = 0;
    for (auto _ : state) {
        numbers = sentences = cueKinds = 0;
        for (const QByteArray& b : seeds().bytes) {
            const auto decoded = pc::text::decodeBytes(b, QString());
            const pc::text::NormalizedText norm = pc::text::normalize(decoded->text);
            const Scan s = scanOnce(norm.text());
            numbers += qsizetype(s.numberStarts.size());
            sentences += qsizetype(s.sentenceEnds.size());
            cueKinds += s.cueKinds;
        }
    }
    state.SetBytesProcessed(state.iterations() * seeds().total);
    state.counters["numbers"] = double(numbers);
    state.counters["sentences"] = double(sentences);
    state.counters["cues"] = double(allCues().size());
    state.counters["cue_kinds_found"] = double(cueKinds);
}
BENCHMARK(BM_Floor_OneScan)->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------------------------------
// Search index

constexpr int kBatchPlans = 65; // the seeds 13 times: about what the import's catch-up indexes at once

// What the search indexes: one row per measure (its title and body; the product's index has the units as
// a third column), as the product's index does.
struct Texts {
    std::vector<std::string> utf8; // for FTS5
    std::vector<QString> utf16;    // for the posting lists
    qint64 bytes = 0;              // UTF-8 bytes of the rows
    qint64 planBytes = 0;          // UTF-8 bytes of the plans' files
};

const Texts& batchTexts() {
    static const Texts t = [] {
        QList<QStringList> measuresOf;
        for (qsizetype i = 0; i < seeds().bytes.size(); ++i) {
            const auto doc = pc::parseBytes(seeds().bytes[i], seeds().paths[i]);
            if (!doc)
                qFatal("%s", qPrintable(doc.errorMessage()));
            QStringList rows;
            for (const pc::Measure& m : doc->measures)
                rows << m.title + QLatin1Char('\n') + m.body;
            measuresOf << rows;
        }
        Texts out;
        for (int p = 0; p < kBatchPlans; ++p) {
            const qsizetype seed = p % seeds().bytes.size();
            out.planBytes += seeds().bytes.at(seed).size();
            for (const QString& row : measuresOf.at(seed)) {
                const QByteArray utf8 = row.toUtf8();
                out.utf8.emplace_back(utf8.constData(), size_t(utf8.size()));
                out.utf16.push_back(row);
                out.bytes += utf8.size();
            }
        }
        return out;
    }();
    return t;
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        qFatal("%s: %s", what, sqlite3_errmsg(db));
}

void exec(sqlite3* db, const char* sql) {
    check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

bool isCjk(char16_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) || c == 0x3007;
}

// Token keys: 2 bits of kind (a CJK character, the bigram starting at it, a folded Latin word) above 32
// bits of payload.
constexpr quint64 kChar = 1, kBigram = 2, kWord = 3;
constexpr quint64 key(quint64 kind, quint64 payload) {
    return (kind << 32) | (payload & 0xFFFFFFFFu);
}

// Calls emit(key) for every token of `text`, in text order (repeats included).
template <typename Emit> void forEachToken(const QString& text, Emit&& emit) {
    const char16_t* d = reinterpret_cast<const char16_t*>(text.utf16());
    const qsizetype n = text.size();
    auto wordChar = [](char16_t c) {
        return (c >= u'0' && c <= u'9') || ((c | 0x20) >= u'a' && (c | 0x20) <= u'z');
    };
    for (qsizetype i = 0; i < n;) {
        const char16_t c = d[i];
        if (isCjk(c)) {
            emit(key(kChar, c));
            if (i + 1 < n && isCjk(d[i + 1]))
                emit(key(kBigram, (quint64(c) << 16) | d[i + 1]));
            ++i;
            continue;
        }
        if (!wordChar(c)) {
            ++i;
            continue;
        }
        quint32 h = 2166136261u; // FNV-1a of the word, ASCII letters folded to lower case
        for (; i < n && wordChar(d[i]); ++i)
            h = (h ^ quint32(d[i] >= u'A' ? (d[i] | 0x20) : d[i])) * 16777619u;
        emit(key(kWord, h));
    }
}

void appendVarint(std::string& s, quint32 v) {
    while (v >= 0x80) {
        s.push_back(char(v | 0x80));
        v >>= 7;
    }
    s.push_back(char(v));
}

// A batch's posting lists, built as the rows stream by. An open-addressing table gives each token its
// list number; a token repeated in a row costs one comparison with the list's last row. At the end one
// counting sort by list puts every list's rows side by side, in row order, without comparing rows.
class PostingBuilder {
public:
    PostingBuilder() { m_slots.assign(size_t(1) << 16, -1); }

    void add(quint64 token, quint32 row) {
        const qint32 list = listOf(token);
        if (m_lastRow[size_t(list)] == row)
            return;
        m_lastRow[size_t(list)] = row;
        ++m_count[size_t(list)];
        m_pairs.push_back({list, row});
    }

    struct Lists {
        std::vector<quint64> tokens;  // ascending
        std::vector<quint32> offsets; // list i's bytes are bytes[offsets[i], offsets[i + 1])
        std::string bytes;            // each list's rows as varints, each the difference from the one before
    };

    // The lists in token order (what a B-tree keyed by token wants), leaving the builder empty.
    Lists take() {
        const size_t n = m_tokens.size();
        std::vector<qint32> order(n);
        for (size_t i = 0; i < n; ++i)
            order[i] = qint32(i);
        std::sort(order.begin(), order.end(),
                  [&](qint32 x, qint32 y) { return m_tokens[size_t(x)] < m_tokens[size_t(y)]; });
        // Prefix sums in token order: the rows of the k-th smallest token come k-th.
        std::vector<quint32> first(n);
        quint32 sum = 0;
        for (size_t k = 0; k < n; ++k) {
            first[size_t(order[k])] = sum;
            sum += m_count[size_t(order[k])];
        }
        std::vector<quint32> rows(sum);
        for (const Pair& p : m_pairs)
            rows[first[size_t(p.list)]++] = p.row;
        Lists out;
        out.tokens.reserve(n);
        out.offsets.reserve(n + 1);
        out.bytes.reserve(size_t(sum) * 2);
        quint32 at = 0;
        for (size_t k = 0; k < n; ++k) {
            const size_t list = size_t(order[k]);
            out.tokens.push_back(m_tokens[list]);
            out.offsets.push_back(quint32(out.bytes.size()));
            quint32 previous = 0;
            for (quint32 e = at + m_count[list]; at < e; ++at) {
                appendVarint(out.bytes, rows[at] - previous);
                previous = rows[at];
            }
        }
        out.offsets.push_back(quint32(out.bytes.size()));
        m_tokens.clear();
        m_lastRow.clear();
        m_count.clear();
        m_pairs.clear();
        std::fill(m_slots.begin(), m_slots.end(), -1);
        return out;
    }

private:
    struct Pair {
        qint32 list;
        quint32 row;
    };
    static size_t hash(quint64 k) { return size_t((k * 0x9E3779B97F4A7C15ull) >> 24); }

    qint32 listOf(quint64 token) {
        if ((m_tokens.size() + 1) * 2 > m_slots.size())
            grow();
        const size_t mask = m_slots.size() - 1;
        for (size_t at = hash(token) & mask;; at = (at + 1) & mask) {
            const qint32 slot = m_slots[at];
            if (slot < 0) {
                m_slots[at] = qint32(m_tokens.size());
                m_tokens.push_back(token);
                m_lastRow.push_back(~0u);
                m_count.push_back(0);
                return m_slots[at];
            }
            if (m_tokens[size_t(slot)] == token)
                return slot;
        }
    }

    void grow() {
        m_slots.assign(m_slots.size() * 2, -1);
        const size_t mask = m_slots.size() - 1;
        for (size_t i = 0; i < m_tokens.size(); ++i) {
            size_t at = hash(m_tokens[i]) & mask;
            while (m_slots[at] >= 0)
                at = (at + 1) & mask;
            m_slots[at] = qint32(i);
        }
    }

    std::vector<qint32> m_slots;   // hash slot → list number, or -1
    std::vector<quint64> m_tokens; // list number → token
    std::vector<quint32> m_lastRow;
    std::vector<quint32> m_count;
    std::vector<Pair> m_pairs; // (list, row) for every first occurrence of a token in a row, in row order
};

// Building a batch's posting lists (every CJK character, the bigram starting at it, every Latin word;
// row numbers in the batch, delta-coded) without storing them: the part of the index a worker thread
// could take from the storing thread. BM_Floor_StorePlans times storing them.
void BM_Floor_PostingBuild(benchmark::State& state) {
    const Texts& texts = batchTexts();
    PostingBuilder builder;
    qsizetype tokens = 0;
    qint64 occurrences = 0;
    for (auto _ : state) {
        occurrences = 0;
        for (quint32 r = 0; r < quint32(texts.utf16.size()); ++r) {
            forEachToken(texts.utf16[r], [&](quint64 token) {
                builder.add(token, r);
                ++occurrences;
            });
        }
        const PostingBuilder::Lists lists = builder.take();
        tokens = qsizetype(lists.tokens.size());
        benchmark::DoNotOptimize(lists.bytes.data());
    }
    state.SetBytesProcessed(state.iterations() * texts.planBytes);
    state.counters["tokens_per_batch"] = double(tokens);
    state.counters["occurrences_per_batch"] = double(occurrences);
}
BENCHMARK(BM_Floor_PostingBuild)->Unit(benchmark::kMillisecond);

// The storing thread's floor: what SQLite itself costs for the rows 1,040 plans give (16 batches of 65),
// into a new file each run, with nothing of the product's schema beyond them. One transaction per plan
// (as the import commits), WAL, synchronous=NORMAL and the page cache the product sets: the plan's text,
// one row per measure (its title and body), one per target (indicator, value, unit, comparator, span)
// with the comparison's key (indicator) indexed. After every 65 plans, one transaction for the search
// index, as the import's catch-up:
//   index=0  none;
//   index=1  the posting lists of BM_Floor_PostingBuild (built beforehand: a worker's part), one B-tree
//            ordered by token (a search reads one range per token; every batch writes all over it);
//   index=2  the same ordered by batch first (a batch appends; a search reads a range per token and batch);
//   index=3  the reference: the product's FTS5 index (pc_cjk_set, detail=none) of the batch's measures.
struct PlanRows {
    QByteArray text;
    std::vector<std::string> measures;
    struct Row {
        int measure;
        int indicator;
        double value;
        int unit;
        int comparator;
        qint64 start;
        qint64 end;
    };
    std::vector<Row> targets;
};

const std::vector<PlanRows>& planRows() {
    static const std::vector<PlanRows> rows = [] {
        const pc::Classifier classifier(taxonomy());
        pc::AnalyzeOptions options;
        options.classifier = &classifier;
        options.identify = false;
        QHash<QString, int> ids;
        auto id = [&](const QString& s) { return int(*ids.insert(s, ids.value(s, int(ids.size())))); };
        std::vector<PlanRows> out;
        for (qsizetype i = 0; i < seeds().bytes.size(); ++i) {
            const auto a = pc::analyzeBytes(seeds().bytes[i], seeds().paths[i], taxonomy(), options);
            if (!a)
                qFatal("%s", qPrintable(a.errorMessage()));
            PlanRows p;
            p.text = seeds().bytes[i];
            for (const pc::Measure& m : a->document.measures) {
                const QByteArray utf8 = (m.title + QLatin1Char('\n') + m.body).toUtf8();
                p.measures.emplace_back(utf8.constData(), size_t(utf8.size()));
            }
            for (const pc::Target& t : a->targets)
                p.targets.push_back({t.measureIndex, id(t.indicator), t.value.value_or(-1), id(t.unit),
                                     id(t.comparator), t.span.start, t.span.end});
            out.push_back(std::move(p));
        }
        return out;
    }();
    return rows;
}

class Statement {
public:
    Statement(sqlite3* db, const char* sql)
        : m_db(db) {
        check(sqlite3_prepare_v2(db, sql, -1, &m_st, nullptr), db, sql);
    }
    ~Statement() { sqlite3_finalize(m_st); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* operator*() const { return m_st; }
    void run() {
        check(sqlite3_step(m_st), m_db, "step");
        sqlite3_reset(m_st);
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_st = nullptr;
};

constexpr int kBatches = 16;

void BM_Floor_StorePlans(benchmark::State& state) {
    const std::vector<PlanRows>& plans = planRows();
    const Texts& texts = batchTexts();
    const int index = int(state.range(0));
    PostingBuilder builder;
    for (quint32 r = 0; r < quint32(texts.utf16.size()); ++r)
        forEachToken(texts.utf16[r], [&](quint64 token) { builder.add(token, r); });
    const PostingBuilder::Lists lists = builder.take();
    const QString path = QDir::temp().filePath(
        QStringLiteral("bench_floor_%1.sqlite").arg(QCoreApplication::applicationPid()));
    auto removeFiles = [&] {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    };
    qint64 bytes = 0;
    double fileMB = 0;
    for (auto _ : state) {
        removeFiles();
        sqlite3* db = nullptr;
        check(sqlite3_open(path.toUtf8().constData(), &db), db, "open");
        if (!pc::fts::registerTokenizer(db).ok())
            qFatal("cannot register the tokenizers");
        exec(db, "PRAGMA journal_mode = WAL");
        exec(db, "PRAGMA synchronous = NORMAL");
        exec(db, "PRAGMA foreign_keys = ON");
        exec(db, "PRAGMA cache_size = -65536");
        exec(db, "PRAGMA wal_autocheckpoint = 10000");
        exec(db, "CREATE TABLE plans(id INTEGER PRIMARY KEY, text BLOB NOT NULL)");
        exec(db, "CREATE TABLE measures(id INTEGER PRIMARY KEY, plan INTEGER NOT NULL REFERENCES plans, "
                 "number INTEGER NOT NULL, text BLOB NOT NULL)");
        exec(db, "CREATE INDEX measures_plan ON measures(plan)");
        exec(db, "CREATE TABLE targets(id INTEGER PRIMARY KEY, measure INTEGER NOT NULL REFERENCES measures, "
                 "indicator INTEGER NOT NULL, value REAL, unit INTEGER, comparator INTEGER, start INTEGER, "
                 "end INTEGER)");
        exec(db, "CREATE INDEX targets_indicator ON targets(indicator, id)");
        exec(db, index == 2 ? "CREATE TABLE postings(token INTEGER, batch INTEGER, rows BLOB, "
                              "PRIMARY KEY(batch, token)) WITHOUT ROWID"
                            : "CREATE TABLE postings(token INTEGER, batch INTEGER, rows BLOB, "
                              "PRIMARY KEY(token, batch)) WITHOUT ROWID");
        exec(db, "CREATE VIRTUAL TABLE fts USING fts5(body, content='', detail=none, tokenize='pc_cjk_set')");
        {
            Statement plan(db, "INSERT INTO plans(text) VALUES (?1)");
            Statement measure(db, "INSERT INTO measures(plan, number, text) VALUES (?1, ?2, ?3)");
            Statement target(db,
                             "INSERT INTO targets(measure, indicator, value, unit, comparator, start, end) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            Statement posting(db, "INSERT INTO postings VALUES (?1, ?2, ?3)");
            Statement fts(db, "INSERT INTO fts(rowid, body) VALUES (?1, ?2)");
            sqlite3_int64 ftsRow = 0;
            std::vector<sqlite3_int64> measureIds;
            for (int batch = 1; batch <= kBatches; ++batch) {
                for (int p = 0; p < kBatchPlans; ++p) {
                    const PlanRows& rows = plans[size_t(p) % plans.size()];
                    exec(db, "BEGIN");
                    sqlite3_bind_blob(*plan, 1, rows.text.constData(), int(rows.text.size()), SQLITE_STATIC);
                    plan.run();
                    const sqlite3_int64 planId = sqlite3_last_insert_rowid(db);
                    measureIds.clear();
                    for (size_t m = 0; m < rows.measures.size(); ++m) {
                        sqlite3_bind_int64(*measure, 1, planId);
                        sqlite3_bind_int(*measure, 2, int(m) + 1);
                        sqlite3_bind_blob(*measure, 3, rows.measures[m].data(), int(rows.measures[m].size()),
                                          SQLITE_STATIC);
                        measure.run();
                        measureIds.push_back(sqlite3_last_insert_rowid(db));
                    }
                    for (const PlanRows::Row& t : rows.targets) {
                        if (t.measure < 0 || size_t(t.measure) >= measureIds.size())
                            continue;
                        sqlite3_bind_int64(*target, 1, measureIds[size_t(t.measure)]);
                        sqlite3_bind_int(*target, 2, t.indicator);
                        sqlite3_bind_double(*target, 3, t.value);
                        sqlite3_bind_int(*target, 4, t.unit);
                        sqlite3_bind_int(*target, 5, t.comparator);
                        sqlite3_bind_int64(*target, 6, t.start);
                        sqlite3_bind_int64(*target, 7, t.end);
                        target.run();
                    }
                    exec(db, "COMMIT");
                    bytes += rows.text.size();
                }
                if (index == 0)
                    continue;
                exec(db, "BEGIN");
                if (index == 3) {
                    for (const std::string& t : texts.utf8) {
                        sqlite3_bind_int64(*fts, 1, ++ftsRow);
                        sqlite3_bind_text(*fts, 2, t.data(), int(t.size()), SQLITE_STATIC);
                        fts.run();
                    }
                } else {
                    for (size_t i = 0; i < lists.tokens.size(); ++i) {
                        sqlite3_bind_int64(*posting, 1, sqlite3_int64(lists.tokens[i]));
                        sqlite3_bind_int64(*posting, 2, batch);
                        sqlite3_bind_blob(*posting, 3, lists.bytes.data() + lists.offsets[i],
                                          int(lists.offsets[i + 1] - lists.offsets[i]), SQLITE_STATIC);
                        posting.run();
                    }
                }
                exec(db, "COMMIT");
            }
        }
        check(sqlite3_close(db), db, "close");
        fileMB = double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6;
    }
    removeFiles();
    state.SetBytesProcessed(bytes);
    state.counters["plans"] = double(kBatches * kBatchPlans);
    state.counters["file_MB"] = fileMB;
}
BENCHMARK(BM_Floor_StorePlans)
    ->ArgName("index")
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Arg(3)
    ->Unit(benchmark::kMillisecond);

} // namespace

PLANCOMPARE_BENCHMARK_MAIN()
