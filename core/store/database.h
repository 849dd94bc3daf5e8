// pc::Database: the local SQLite file (QSQLITE) or a team database on PostgreSQL (QPSQL) holding
// imported plans, user corrections and notes.
#pragma once

#include "common/result.h"
#include "compare/comparison.h"
#include "store/records.h"
#include "taxonomy/taxonomy.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace pc {

struct Analysis;
namespace store {
class StatementCache;
struct PlanCache;
struct PlanEntry;
struct PendingIndexTexts;
struct PackedPlan;
} // namespace store

struct DatabaseOptions {
    int busyTimeoutMs = 5000; // how long to wait for another process holding the write lock
    bool create = true;       // create the file (and its folder) if missing
    bool quickCheck = true;   // run PRAGMA quick_check at open and refuse a damaged file
    // ... on files up to this size only: quick_check reads every page (5.5 s for 10,000 plans, 2 GB).
    // Damage in a larger file is reported (db-corrupt) by the first query that reads the page.
    qint64 quickCheckMaxBytes = qint64(256) << 20;
    bool readOnly = false; // open without write access (writes then fail with db-readonly)
    // PostgreSQL: longest a single statement may run before the server stops it (db-timeout);
    // PLANCOMPARE_STATEMENT_TIMEOUT_MS overrides it. 0 = no limit.
    int statementTimeoutMs = 300000;
    QString user; // recorded with corrections and notes; empty: the PostgreSQL role, or $USER
    // PostgreSQL: a password the user typed (the GUI's prompt); kept in memory only, never stored.
    // Empty: libpq's ~/.pgpass or PGPASSWORD.
    QString password;
};

// A target the user adds from a span of the source text (the parser missed it).
struct NewTarget {
    qint64 documentId = 0;
    qsizetype start = -1; // source span; must lie inside one measure
    qsizetype end = -1;
    QString indicator;
    QString kind = QStringLiteral("level");
    QString comparator = QStringLiteral("<=");
    std::optional<double> value;
    QString unit;
    QString deadline;
    QString scope;
};

// One connection to one database file. Not thread-safe: a thread that needs the database (e.g. a
// GUI import worker) opens its own Database on the same path. Every connection registers the CJK
// full-text tokenizer before it touches the search index.
//
// Error codes (Error::code): db-open, db-locked (another process held the lock past the busy
// timeout), db-corrupt (not a database / quick_check failed — the file is left untouched),
// db-readonly, db-too-new (written by a newer PlanCompare), db-migration, db-query, not-found,
// bad-value, search-syntax.
class Database {
public:
    // Opens (creating if allowed) and migrates the file. ":memory:" gives a private in-memory DB.
    // A libpq URI (postgresql://user@host:port/dbname) opens a team database on PostgreSQL instead;
    // the password comes from ~/.pgpass or PGPASSWORD (libpq), never from PlanCompare's settings.
    static Result<std::unique_ptr<Database>> open(const QString& path, const DatabaseOptions& options = {});
    static Result<std::unique_ptr<Database>> openInMemory();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QString path() const { return m_path; } // the file, or the URI without password
    bool isPostgres() const;
    // Whether this connection may change nothing: opened with DatabaseOptions::readOnly, a file the
    // user cannot write, or a PostgreSQL role without the right to insert corrections (a member of
    // plancompare_reader only, see store/roles.h). Every write is then refused with code
    // db-readonly and readOnlyReason() before any SQL runs.
    bool readOnly() const { return m_readOnly; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    // ok, or the db-readonly error for `what` ("saving the correction") on a read-only connection.
    Status checkWritable(const QString& what) const;
    // PostgreSQL: opens the connection anew after it was lost (error code db-connection: the server
    // restarted, the connection was dropped), with the same session settings; SQLite: nothing to do.
    // The GUI calls it after such a failure so that trying again works.
    Status reconnect();
    int schemaVersion() const;
    static int latestSchemaVersion();

    // The underlying connection, for core code (compare, export, tests). ui/ must not run SQL.
    QSqlDatabase& connection() { return m_db; }

    // Runs `work` in one transaction (BEGIN IMMEDIATE): commits if it returns ok, rolls back otherwise.
    // Nested calls join the outer transaction.
    Status withTransaction(const std::function<Status()>& work);

    // ---- taxonomy snapshot (areas and indicators with their cues), replaced on every import
    Status storeTaxonomy(const QList<Area>& areas, const QList<Indicator>& indicators);
    Status storeTaxonomy(const Taxonomy& taxonomy);
    Result<QList<Area>> areas();
    Result<QList<Indicator>> indicators();

    // ---- plans
    Result<QList<DocumentRecord>> documents(); // municipal first, then districts by jurisdiction, year
    Result<DocumentRecord> document(qint64 documentId);
    Result<DocumentRecord> documentByDocId(const QString& docId);
    Result<QString> documentSource(qint64 documentId); // decoded source text; spans index into it
    // The original file (decompressed) with its format and page/origin maps; not-found for plans
    // stored without one (imported before schema 4, or analyses stored without their bytes).
    Result<StoredFile> documentFile(qint64 documentId);
    // Page starts of a plan (empty for formats without pages), without reading the file.
    Result<QList<qsizetype>> documentPageStarts(qint64 documentId);
    Result<QList<DocumentIssue>> documentIssues(qint64 documentId);
    Status removeDocument(qint64 documentId); // and its rows; overrides and notes are kept
    // Every plan's metadata without counts (one light query; plan sets are chosen from it), in the
    // order of documents().
    Result<QList<PlanInfo>> planInfos();

    // ---- corrections of a plan's metadata: field "jurisdiction" (a gazetteer name, alias or any
    // other name; the code and level follow the gazetteer), "year" or "kind" (comprehensive |
    // special). Stored by doc id and re-applied after every re-import; an empty value removes the
    // correction and restores what the parser read. Errors: not-found (no such plan), bad-value.
    Status correctPlan(const QString& docId, const QString& field, const QString& value);
    Result<QList<PlanCorrection>> planCorrections(const QString& docId = {});

    // ---- named plan sets (hand-picked plans, by doc id, in the order given). Saving a name again
    // replaces its members. Errors: not-found (unknown set or plan), bad-value (empty name or set).
    Status savePlanSet(const QString& name, const QStringList& docIds);
    Status removePlanSet(const QString& name);
    Result<QStringList> planSetNames();
    Result<QStringList> planSetMembers(const QString& name);
    Result<StoreCounts> counts();
    // Gives an SQLite file's free pages back to the file system (VACUUM, then a WAL checkpoint): the
    // pages of removed plans and of indexes a migration dropped stay in the file, for later imports,
    // until then. Returns the file's size before and after, in bytes. Errors: db-readonly, bad-value on
    // PostgreSQL (the server's autovacuum does this there), and SQLite's own (a full disk, a busy file).
    Result<std::pair<qint64, qint64>> compact();
    // The bytes compact() would give back: the file's free pages (PRAGMA freelist_count × page_size),
    // read without a lock. 0 on PostgreSQL, whose server reclaims space itself.
    Result<qint64> freeBytes();

    // ---- measures and targets (effective values: corrections applied, ComparisonRow::corrected set)
    Result<QList<MeasureRecord>> measures(const MeasureFilter& filter = {});
    Result<MeasureRecord> measure(qint64 measureId);
    // SQLite: the rows of one indicator (a filter with only `indicator` set, as compare::byIndicator
    // asks) are kept per connection for the last few indicators asked for and handed out again as long
    // as nothing changed the database (this connection's changes, or a commit by any other): a copy of
    // one shared list. dropCachedRows() frees them.
    Result<QList<ComparisonRow>> targets(const TargetFilter& filter = {});
    // Fills ComparisonRow::sentence of the rows whose sentence is empty (rows read with
    // TargetFilter::sentences false) from their targets: what a view, an export or a report shows.
    // Rows of targets that are gone keep an empty sentence.
    Status readSentences(QList<ComparisonRow>& rows);
    void dropCachedRows();
    Result<ComparisonRow> target(qint64 targetId);

    // ---- full-text search over measure titles, text and responsible units. Any query length,
    // Chinese or not; words separated by spaces must all occur; "quoted phrases" and OR work.
    // A malformed query gives Error{code "search-syntax"} with a plain message.
    // More matches than options.candidateLimit: only the most recently imported ones are ranked and
    // info->capped is set.
    Result<QList<SearchHit>> search(const QString& query, const SearchOptions& options = {},
                                    SearchInfo* info = nullptr);

    // ---- import of one analysed document (see store/importer.h for files). Replaces the rows of
    // an existing document with the same doc id in one transaction, then re-applies overrides.
    enum class ImportOutcome { Imported, Replaced, Unchanged };
    // `original` (the file's bytes) is stored compressed beside the plan with the reader's maps.
    // `packed`: the rows' packed values (store::packPlan of analysis.document), when the caller made
    // them ahead, on another thread; made here otherwise (SQLite; PostgreSQL stores plain text).
    Result<ImportOutcome> importAnalysis(const Analysis& analysis, qint64* documentId = nullptr,
                                         const QByteArray& original = {},
                                         const store::PackedPlan* packed = nullptr);
    // sha256 of the stored version of a doc id, empty if not imported.
    QString storedSha256(const QString& docId);

    // ---- feeding the search index in batches (SQLite, schema 23). Outside a batch importAnalysis
    // indexes the plan's measures in the plan's transaction. Inside one (the Importer opens one per
    // importFiles/importFile call) a plan's transaction lists its measures in search_pending and this
    // connection keeps their texts; the index catches up in a transaction of its own once
    // kSearchBatchPlans plans or kSearchBatchBytes bytes of text wait, and when the outermost batch
    // ends. Search finds waiting measures all the same (it reads them besides the index).
    static constexpr int kSearchBatchPlans = 64;
    static constexpr qint64 kSearchBatchBytes = qint64(8) << 20;
    void beginSearchBatch();
    Status endSearchBatch(); // the catch-up's error, if any (what waits stays listed)
    // Indexes every measure listed in search_pending (whoever listed it: this connection from the texts
    // it kept, others' from their rows) in one transaction and empties the list. Nothing to do: one read.
    // Inside a transaction, on PostgreSQL or read-only: nothing. An open for writing runs it.
    Status catchUpSearchIndex();
    // How many measures wait for the search index (0 on PostgreSQL).
    Result<qint64> measuresWaitingForIndex();

    // ---- corrections: each returns the new override's id. They apply at once and after every
    // re-import; overrides() says which no longer match the text.
    // `expectedVersion`: the target's version when the user loaded it (targetVersion()); if someone
    // changed the target since, the correction is refused with code "conflict" and a message that
    // shows their value, who and when. Without it the correction applies to the current row.
    Result<qint64> correctTarget(qint64 targetId, OverrideKind kind, const QString& value,
                                 std::optional<qint64> expectedVersion = std::nullopt);
    Result<qint64> targetVersion(qint64 targetId);
    // Every change of the target (oldest first), following it across re-imports.
    Result<QList<TargetChange>> targetHistory(qint64 targetId);
    // Who changes are recorded as: DatabaseOptions::user, else the PostgreSQL role, else $USER.
    QString user() const { return m_user; }
    Result<qint64> rejectTarget(qint64 targetId);
    Result<qint64> addTarget(const NewTarget& target);
    Result<qint64> setMeasureArea(qint64 measureId, const QString& area);
    Status
    removeOverride(qint64 overrideId); // undo: the row returns to what the parser (or older overrides) said
    Result<QList<OverrideRecord>> overrides(const QString& docId = {});
    // Re-resolves every override of a document against its current rows (import does this).
    Status applyOverrides(qint64 documentId);

    // ---- notes on a document, measure or target (id of that row)
    Result<qint64> addNote(NoteSubject subject, qint64 subjectId, const QString& text);
    Status updateNote(qint64 noteId, const QString& text);
    Status removeNote(qint64 noteId);
    Result<QList<NoteRecord>> notes(const NoteFilter& filter = {});

private:
    Database();
    static Result<std::unique_ptr<Database>> openPostgres(const QString& uri, const DatabaseOptions& options);
    Status detectPostgresRights(); // sets m_readOnly; refuses a role that cannot read
    Status init(const DatabaseOptions& options);
    Result<QList<ComparisonRow>> readTargets(const QString& where, const QVariantList& binds);
    // SQLite: the rows of one indicator from compare_rows (migration 12): few columns per row.
    Result<QList<ComparisonRow>> readIndicatorRows(const QString& indicator, bool includeRejected,
                                                   bool sentences);
    Result<QList<ComparisonRow>> scanIndicatorRows(const QString& indicator, bool includeRejected);
    Status refreshPlanCache();
    Status applyPlanCorrections(const QString& docId); // inside the caller's transaction
    // applyOverrides for rows just stored by the importer (the parser's values, nothing to reset back).
    Status applyOverridesToParsedRows(qint64 documentId, const QString& docId);
    Status applyOverrides(qint64 documentId, QString docId, bool resetFirst);
    // A write run once per plan or correction: SQLite through the statement cache (prepared once per
    // connection), PostgreSQL through execStatus. `rowid`: the inserted row's id (SQLite only).
    Status execWrite(const QString& sql, const QVariantList& values, const QString& what,
                     qint64* rowid = nullptr);
    template <typename Cursor> store::PlanEntry readPlan(Cursor& c, int rank);
    void setPlans(QHash<qint64, store::PlanEntry>&& plans, qint64 dataVersion, qint64 changes);
    template <typename Cursor> QList<ComparisonRow> readTargetRows(Cursor& c);
    // Stores one override row (doc_id, doc_sha256, kind, value, original_value, anchor_start,
    // anchor_end, anchor_text, anchor_value, created_at) and re-applies the document's overrides,
    // in one transaction; returns the override's id.
    Result<qint64> insertOverride(qint64 documentId, const QVariantList& row);
    QSqlDatabase m_db;
    std::unique_ptr<store::StatementCache> m_statements; // finalized before m_db closes
    std::unique_ptr<store::PlanCache> m_plans;
    QString m_path;
    QString m_connectionName;
    QString m_user;
    bool m_readOnly = false;
    QStringList m_sessionSql; // PostgreSQL: the SET statements every (re)connection runs
    QString m_readOnlyReason;
    int m_txDepth = 0;
    int m_searchBatchDepth = 0;
    std::unique_ptr<store::PendingIndexTexts> m_pendingTexts; // a batch's texts, by measure id
    friend class DatabaseAccess;
};

} // namespace pc
