// Import of one analysed document (one transaction, replace-in-place) and the document-level queries.
#include "database.h"

#include "common/sha256.h"
#include "dialect.h"
#include "extract/analysis.h"
#include "packedplan.h"
#include "pgbulk.h"
#include "searchbatch.h"
#include "sqlutil.h"
#include "statements.h"
#include "targetplacement.h"
#include "targettext.h"
#include "textpack.h"
#include "unitlinks.h"

#include <QDebug>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace pc {

using store::exec;
using store::execStatus;
using store::nullable;
using store::sentenceAround;

namespace {

const QString kDocumentColumns = QStringLiteral(
    "d.id, d.doc_id, d.jurisdiction, d.level, d.year, d.doc_number, d.issuer, d.issued_on, d.title, "
    "d.source_path, d.sha256, d.layout, d.encoding, d.parse_confidence, d.imported_at, "
    "(SELECT count(*) FROM measures m WHERE m.document_id = d.id), "
    "(SELECT count(*) FROM targets t WHERE t.document_id = d.id AND t.rejected = 0), "
    "d.jurisdiction_code, d.plan_kind, d.implements_title, d.implements_doc_number, d.parsed_jurisdiction");

DocumentRecord documentFrom(const QSqlQuery& q) {
    DocumentRecord d;
    d.id = q.value(0).toLongLong();
    d.docId = q.value(1).toString();
    d.jurisdiction = q.value(2).toString();
    d.level = q.value(3).toString();
    d.year = q.value(4).toInt();
    d.docNumber = q.value(5).toString();
    d.issuer = q.value(6).toString();
    d.issuedOn = q.value(7).toString();
    d.title = q.value(8).toString();
    d.sourcePath = q.value(9).toString();
    d.sha256 = q.value(10).toString();
    d.layout = q.value(11).toString();
    d.encoding = q.value(12).toString();
    d.parseConfidence = q.value(13).toDouble();
    d.importedAt = q.value(14).toString();
    d.measureCount = q.value(15).toInt();
    d.targetCount = q.value(16).toInt();
    d.jurisdictionCode = q.value(17).toString();
    d.planKind = q.value(18).toString();
    d.implementsTitle = q.value(19).toString();
    d.implementsDocNumber = q.value(20).toString();
    d.parsedJurisdiction = q.value(21).toString();
    return d;
}

// One INSERT repeated for every row of a plan. SQLite: a statement prepared once per connection (the
// statement cache) with the values bound directly, no QVariant round trip through the driver and no
// re-parse per plan; PostgreSQL: a prepared QSqlQuery. Values bind as QSQLITE would bind them (a null
// QString or QByteArray as NULL, a QByteArray as a blob).
class RowWriter {
public:
    // `returnsId`: the caller reads insertedId() (PostgreSQL then adds RETURNING id).
    RowWriter(QSqlDatabase& db, store::StatementCache* cache, const QString& sql, const QString& path,
              bool returnsId = false)
        : m_path(path) {
        if (cache && cache->handle()) {
            m_handle = cache->handle();
            Result<sqlite3_stmt*> st = cache->get(sql, QStringLiteral("storing a plan"), path);
            if (st)
                m_st = *st;
            else
                m_error = st.error();
        } else {
            m_query.emplace(db);
            m_engine = store::engineOf(db);
            if (!m_query->prepare(returnsId ? store::returningId(m_engine, sql) : sql))
                m_error = store::sqlError(m_query->lastError(), QStringLiteral("storing a plan"), path);
        }
    }
    ~RowWriter() {
        if (m_st) {
            sqlite3_reset(m_st);
            sqlite3_clear_bindings(m_st);
        }
    }
    RowWriter(const RowWriter&) = delete;
    RowWriter& operator=(const RowWriter&) = delete;

    const std::optional<Error>& prepareError() const { return m_error; }

    void bind(int column, const QVariant& v) {
        if (m_query) {
            m_query->bindValue(column, v);
            return;
        }
        if (!m_st)
            return;
        store::bindVariant(m_st, column + 1, v);
    }
    void bindText(int column, const QString& s) {
        if (m_query) {
            m_query->bindValue(column, s);
            return;
        }
        if (!m_st)
            return;
        if (s.isNull()) {
            sqlite3_bind_null(m_st, column + 1);
            return;
        }
        // UTF-16 straight from the QString; SQLite converts to the file's UTF-8 once, as it stores it.
        sqlite3_bind_text16(m_st, column + 1, s.utf16(), int(s.size() * 2), SQLITE_TRANSIENT);
    }
    // A measure's four texts at columns title .. title + 3: on SQLite one value in the body's column
    // (migration 20: `row.packed`, textpack::packMeasure; title and units '', the heading NULL), on
    // PostgreSQL the plain texts.
    void bindMeasureTexts(int title, const Measure& m, const store::PackedPlan::MeasureRow& row) {
        if (m_query || !m_st) {
            bindText(title, store::text(m.title));
            bindText(title + 1, store::text(m.body));
            bindText(title + 2, store::text(row.units));
            bindText(title + 3, m.areaHeading);
            return;
        }
        sqlite3_bind_text(m_st, title + 1, "", 0, SQLITE_STATIC);
        sqlite3_bind_blob(m_st, title + 2, row.packed.constData(), int(row.packed.size()), SQLITE_STATIC);
        sqlite3_bind_text(m_st, title + 3, "", 0, SQLITE_STATIC);
        sqlite3_bind_null(m_st, title + 4);
    }
    // UTF-8 bytes as text (SQLITE_STATIC: `utf8` must outlive the statement's next exec()).
    void bindUtf8(int column, const QByteArray& utf8) {
        if (m_query)
            m_query->bindValue(column, QString::fromUtf8(utf8));
        else if (m_st)
            sqlite3_bind_text(m_st, column + 1, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    }
    // As bind(column, nullable(s)): NULL for an empty text.
    void bindOptionalText(int column, const QString& s) {
        if (m_query)
            m_query->bindValue(column, nullable(s));
        else if (s.isEmpty())
            bindNull(column);
        else
            bindText(column, s);
    }
    void bindDouble(int column, double v) {
        if (m_query)
            m_query->bindValue(column, v);
        else if (m_st)
            sqlite3_bind_double(m_st, column + 1, v);
    }
    void bindOptionalDouble(int column, const std::optional<double>& v) {
        if (m_query)
            m_query->bindValue(column, nullable(v));
        else if (!v)
            bindNull(column);
        else
            bindDouble(column, *v);
    }
    // Bytes as a BLOB, NULL when empty (SQLITE_STATIC: `bytes` must outlive the statement's next exec()).
    void bindBlob(int column, const QByteArray& bytes) {
        if (m_query)
            m_query->bindValue(column, bytes.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : bytes);
        else if (bytes.isEmpty())
            bindNull(column);
        else if (m_st)
            sqlite3_bind_blob(m_st, column + 1, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
    }
    void bindNull(int column) {
        if (m_query)
            m_query->bindValue(column, QVariant());
        else if (m_st)
            sqlite3_bind_null(m_st, column + 1);
    }
    void bindInt(int column, qint64 v) {
        if (m_query)
            m_query->bindValue(column, v);
        else if (m_st)
            sqlite3_bind_int64(m_st, column + 1, v);
    }

    // Runs the statement with the values bound; `what` names the work in the error.
    Status exec(const QString& what) {
        if (m_error)
            return *m_error;
        if (m_query) {
            if (!m_query->exec())
                return store::sqlError(m_query->lastError(), what, m_path);
            return okStatus();
        }
        const int rc = sqlite3_step(m_st);
        if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
            m_lastId = sqlite3_last_insert_rowid(m_handle);
            sqlite3_reset(m_st);
            return okStatus();
        }
        const Error e = store::sqliteError(m_handle, rc, what, m_path);
        sqlite3_reset(m_st);
        return e;
    }
    // The id of the row the last exec() inserted.
    qint64 insertedId() { return m_query ? store::insertedId(m_engine, *m_query) : m_lastId; }

private:
    QString m_path;
    std::optional<QSqlQuery> m_query;
    store::Engine m_engine = store::Engine::SQLite;
    sqlite3* m_handle = nullptr;
    sqlite3_stmt* m_st = nullptr;
    qint64 m_lastId = 0;
    std::optional<Error> m_error;
};

// Test hook for the crash-safety test: pause inside the import transaction so a parent process can
// SIGKILL this one at a known point. Unset in normal use.
void pauseInsideImportForTests() {
    const int ms = qEnvironmentVariableIntValue("PLANCOMPARE_TEST_IMPORT_PAUSE_MS");
    if (ms > 0) {
        fprintf(stderr, "plancompare: pausing inside import transaction\n");
        fflush(stderr);
        QThread::msleep(ulong(ms));
    }
}

// The original file and the reader's maps; a re-import replaces them, an analysis without bytes
// (tests, older callers) leaves none. Schema 24: a text file whose bytes are exactly the UTF-8 of the
// reader's text (`sourceUtf8`, null when not at hand), after a UTF-8 byte order mark or not, is not
// stored a second time: `original` is empty and `derived` says how to rebuild it from sources.text
// (documentFile checks the rebuilt bytes against documents.sha256). Any other file keeps its bytes.
Status storeFile(QSqlDatabase& db, qint64 documentId, const Document& doc, const QByteArray& original,
                 const QByteArray& sourceUtf8) {
    if (Status d =
            execStatus(db, QStringLiteral("DELETE FROM document_files WHERE document_id = ?"), {documentId});
        !d)
        return d;
    if (original.isEmpty())
        return okStatus();
    int derived = store::kOriginalStored;
    // Only with the file's hash (the rebuilt bytes are checked against it) and the reader's text.
    if (!doc.sha256.isEmpty() && !sourceUtf8.isNull() &&
        (doc.format.isEmpty() || doc.format == QLatin1String("text"))) {
        const QByteArrayView bom("\xEF\xBB\xBF");
        const bool withBom = original.startsWith(bom);
        if (QByteArrayView(original).sliced(withBom ? bom.size() : 0) == QByteArrayView(sourceUtf8))
            derived = withBom ? store::kOriginalIsBomAndSource : store::kOriginalIsSource;
    }
    return execStatus(
        db,
        QStringLiteral("INSERT INTO document_files(document_id, format, size, original, page_count, "
                       "page_starts, origins, derived) VALUES (?,?,?,?,?,?,?,?)"),
        {documentId, doc.format.isEmpty() ? QStringLiteral("text") : doc.format, qint64(original.size()),
         derived == store::kOriginalStored ? store::packBytes(original) : QByteArray(""), doc.pageCount,
         store::formatPageStarts(doc.pageStarts), store::packOrigins(doc.origins), derived});
}

} // namespace

QString Database::storedSha256(const QString& docId) {
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("SELECT sha256 FROM documents WHERE doc_id = ?"), {docId});
    if (q && q->next())
        return q->value(0).toString();
    return {};
}

Result<Database::ImportOutcome> Database::importAnalysis(const Analysis& analysis, qint64* documentIdOut,
                                                         const QByteArray& original,
                                                         const store::PackedPlan* packedAhead) {
    const Document& doc = analysis.document;
    QString docId = doc.meta.docId;
    if (docId.isEmpty())
        docId = QFileInfo(doc.path).completeBaseName();
    if (docId.isEmpty())
        return Error{QStringLiteral("cannot import a document without a doc id or path"),
                     QStringLiteral("bad-value")};
    ImportOutcome outcome = ImportOutcome::Imported;
    qint64 documentId = 0;
    // Schema 23: inside a search batch the index is fed later (searchbatch.cpp); `stamp` names this
    // import in search_pending so that the batch may take the texts kept here.
    const bool batched = m_searchBatchDepth > 0 && !isPostgres();
    const qint64 stamp = batched ? qint64(QRandomGenerator::global()->generate64() >> 1) : 0;
    using IndexTexts = store::PendingIndexTexts::Texts;
    std::vector<IndexTexts> indexTexts;
    QList<qint64> measureIds;
    // SQLite: the rows' packed values, made ahead by the caller (an import's worker thread) or here.
    std::optional<store::PackedPlan> packedHere;
    const auto packedPlan = [&]() -> const store::PackedPlan& {
        if (packedAhead && packedAhead->isFor(doc))
            return *packedAhead;
        if (!packedHere)
            packedHere = store::packPlan(doc);
        return *packedHere;
    };
    const Status s = withTransaction([&]() -> Status {
        // Two researchers importing the same plan at once: the second waits here, then finds it stored.
        if (Status l = store::lockName(m_db, QStringLiteral("import:") + docId); !l)
            return l;
        Result<QSqlQuery> existing =
            exec(m_db, QStringLiteral("SELECT id, sha256 FROM documents WHERE doc_id = ?"), {docId});
        if (!existing)
            return existing.error();
        // The plan's text as stored; on SQLite this thread's pc_quote / pc_sentence (the comparison rows'
        // trigger of every target below) learn its text instead of unpacking it again.
        // Its UTF-8 is made once (on SQLite by packPlan, most often on an import's worker): packed, and
        // compared with the original file (storeFile). A text that is not valid UTF-16 (not one a reader
        // gives) is not compared: its UTF-8 would not give it back.
        const bool validText = QStringView(doc.source).isValidUtf16();
        QByteArray sourceUtf8;
        const auto packedSource = [&]() -> QVariant {
            if (isPostgres()) {
                sourceUtf8 = doc.source.toUtf8();
                return store::packSourceUtf8(doc.source, sourceUtf8, true);
            }
            const store::PackedPlan& packed = packedPlan();
            sourceUtf8 = packed.sourceUtf8;
            if (validText)
                store::rememberSource(packed.source, doc.source);
            return packed.source;
        };
        const QString importedAt = store::nowUtc();
        const QVariantList docValues{store::text(doc.meta.jurisdiction),
                                     store::text(doc.meta.level),
                                     doc.meta.year,
                                     nullable(doc.meta.docNumber),
                                     nullable(doc.meta.issuer),
                                     nullable(doc.meta.issuedOn),
                                     nullable(doc.meta.title),
                                     doc.path,
                                     doc.sha256,
                                     layoutName(doc.layout),
                                     nullable(doc.encoding),
                                     doc.confidence,
                                     importedAt,
                                     store::text(doc.meta.jurisdictionCode),
                                     store::text(doc.meta.planKind),
                                     store::text(doc.meta.implementsTitle),
                                     store::text(doc.meta.implementsDocNumber),
                                     store::text(doc.meta.jurisdiction),
                                     doc.meta.year,
                                     store::text(doc.meta.planKind)};
        if (existing->next()) {
            documentId = existing->value(0).toLongLong();
            if (!doc.sha256.isEmpty() && existing->value(1).toString() == doc.sha256) {
                outcome = ImportOutcome::Unchanged;
                return okStatus();
            }
            existing->finish();
            outcome = ImportOutcome::Replaced;
            QSqlQuery u(m_db);
            u.prepare(QStringLiteral(
                "UPDATE documents SET jurisdiction=?, level=?, year=?, doc_number=?, issuer=?, "
                "issued_on=?, title=?, source_path=?, sha256=?, layout=?, encoding=?, "
                "parse_confidence=?, imported_at=?, jurisdiction_code=?, plan_kind=?, implements_title=?, "
                "implements_doc_number=?, parsed_jurisdiction=?, parsed_year=?, parsed_plan_kind=? WHERE "
                "id=?"));
            for (const QVariant& v : docValues)
                u.addBindValue(v);
            u.addBindValue(documentId);
            if (!u.exec())
                return store::sqlError(u.lastError(), QStringLiteral("updating %1").arg(docId), m_path);
            // Children go; the document row (and its id, which the GUI may hold) stays.
            for (const char* table : {"issues", "targets", "measures", "sections"}) {
                if (Status d = execWrite(QStringLiteral("DELETE FROM %1 WHERE document_id = ?")
                                             .arg(QString::fromLatin1(table)),
                                         {documentId}, QStringLiteral("replacing %1").arg(docId));
                    !d)
                    return d;
            }
            if (Status d = execWrite(QStringLiteral("UPDATE sources SET text = ? WHERE document_id = ?"),
                                     {packedSource(), documentId}, QStringLiteral("storing %1").arg(docId));
                !d)
                return d;
        } else {
            existing->finish();
            const QString insertDocument =
                QStringLiteral("INSERT INTO documents(jurisdiction, level, year, doc_number, issuer, "
                               "issued_on, title, source_path, sha256, layout, encoding, parse_confidence, "
                               "imported_at, jurisdiction_code, plan_kind, implements_title, "
                               "implements_doc_number, parsed_jurisdiction, parsed_year, parsed_plan_kind, "
                               "doc_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            if (isPostgres()) {
                QSqlQuery ins(m_db);
                ins.prepare(store::returningId(store::engineOf(m_db), insertDocument));
                for (const QVariant& v : docValues)
                    ins.addBindValue(v);
                ins.addBindValue(docId);
                if (!ins.exec())
                    return store::sqlError(ins.lastError(), QStringLiteral("storing %1").arg(docId), m_path);
                documentId = store::insertedId(store::engineOf(m_db), ins);
            } else if (Status d = execWrite(insertDocument, QVariantList(docValues) << docId,
                                            QStringLiteral("storing %1").arg(docId), &documentId);
                       !d) {
                return d;
            }
            if (Status d = execWrite(QStringLiteral("INSERT INTO sources(document_id, text) VALUES (?, ?)"),
                                     {documentId, packedSource()}, QStringLiteral("storing %1").arg(docId));
                !d)
                return d;
        }

        if (Status f = storeFile(m_db, documentId, doc, original, validText ? sourceUtf8 : QByteArray()); !f)
            return f;

        // PostgreSQL: one statement per table (pgbulk.cpp) instead of one round trip per row.
        if (store::isPostgres(m_db)) {
            if (Status b = store::insertPlanRowsPostgres(m_db, m_path, documentId, docId, analysis,
                                                         {&store::unitsText, &sentenceAround});
                !b)
                return b;
            if (Status p = applyPlanCorrections(docId); !p)
                return p;
            if (Status a = applyOverridesToParsedRows(documentId, docId); !a)
                return a;
            pauseInsideImportForTests();
            return okStatus();
        }

        store::StatementCache* cache = isPostgres() ? nullptr : m_statements.get();
        RowWriter sec(
            m_db, cache,
            QStringLiteral("INSERT INTO sections(document_id, ordinal, parent_ordinal, level, label, "
                           "heading, span_start, span_end) VALUES (?,?,?,?,?,?,?,?)"),
            m_path);
        const QString sectionsWhat = QStringLiteral("storing sections of %1").arg(docId);
        for (qsizetype i = 0; i < doc.sections.size(); ++i) {
            const Section& x = doc.sections[i];
            sec.bindInt(0, documentId);
            sec.bindInt(1, x.id >= 0 ? x.id : int(i));
            sec.bindInt(2, x.parentId);
            sec.bindInt(3, x.level);
            sec.bindText(4, x.label);
            sec.bindText(5, x.heading);
            sec.bindInt(6, qint64(x.span.start));
            sec.bindInt(7, qint64(x.span.end));
            if (Status st = sec.exec(sectionsWhat); !st)
                return st;
        }

        RowWriter mea(
            m_db, cache,
            QStringLiteral("INSERT INTO measures(document_id, ordinal, section_ordinal, number, title, body, "
                           "units, area_heading, area, parsed_area, deadline, remark, span_start, span_end, "
                           "title_start, title_end, confidence, unit_links) VALUES "
                           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            m_path, true);
        RowWriter agencyInsert(m_db, cache,
                               QStringLiteral("INSERT INTO agencies(name) VALUES (?) ON CONFLICT DO NOTHING"),
                               m_path);
        const QString agencySelect = QStringLiteral("SELECT id FROM agencies WHERE name = ?");
        // The agency's id, 0 when it has none yet (or on an error, then in agencyError).
        RowWriter link(m_db, cache,
                       QStringLiteral("INSERT INTO agency_measures_fresh(measure_id, agency_id) VALUES (?,?) "
                                      "ON CONFLICT DO NOTHING"),
                       m_path);
        // The plan's (measure, agency) keys, inserted in key order after its measures (migration 22) into
        // the fresh table (schema 25: the plan's measures are the newest, so only its rightmost pages change;
        // the merged table takes them in bulk, Database::catchUpSearchIndex).
        std::vector<std::pair<qint64, qint64>> agencyMeasures;
        QList<store::unitlinks::Link> links;
        const QString unitsWhat = QStringLiteral("storing units of %1").arg(docId);
        QHash<QString, qint64> agencyIds;
        std::optional<Error> agencyError;
        auto findAgency = [&](const QString& name) -> qint64 {
            if (cache) {
                Result<sqlite3_stmt*> st = cache->get(agencySelect, unitsWhat, m_path);
                if (!st) {
                    agencyError = st.error();
                    return 0;
                }
                store::StatementScope scope(*st);
                sqlite3_bind_text16(*st, 1, name.utf16(), int(name.size() * 2), SQLITE_TRANSIENT);
                const int rc = sqlite3_step(*st);
                if (rc == SQLITE_ROW)
                    return sqlite3_column_int64(*st, 0);
                if (rc != SQLITE_DONE)
                    agencyError = store::sqliteError(cache->handle(), rc, unitsWhat, m_path);
                return 0;
            }
            QSqlQuery find(m_db);
            find.prepare(agencySelect);
            find.bindValue(0, name);
            if (!find.exec()) {
                agencyError = store::sqlError(find.lastError(), unitsWhat, m_path);
                return 0;
            }
            return find.next() ? find.value(0).toLongLong() : 0;
        };
        auto agencyId = [&](const Unit& u) -> qint64 {
            const QString name = u.normalized.isEmpty() ? u.written : u.normalized;
            if (auto it = agencyIds.constFind(name); it != agencyIds.constEnd())
                return *it;
            // Most agencies are stored already: look first, insert only a new one.
            qint64 id = findAgency(name);
            if (!id && !agencyError) {
                agencyInsert.bindText(0, name);
                if (Status st = agencyInsert.exec(unitsWhat); !st) {
                    agencyError = st.error();
                    return 0;
                }
                id = findAgency(name);
                if (!id && !agencyError)
                    agencyError = Error{QStringLiteral("%1: agency \u201c%2\u201d was not stored while %3")
                                            .arg(m_path, name, unitsWhat),
                                        QStringLiteral("db-query")};
            }
            if (id)
                agencyIds.insert(name, id);
            return id;
        };
        measureIds.clear();
        measureIds.reserve(doc.measures.size());
        // What the search index gets of each measure: the texts' UTF-8 as packed into the row, instead
        // of reading the plan's rows back and unpacking them (in a batch: kept until it catches up).
        indexTexts.clear();
        indexTexts.reserve(size_t(doc.measures.size()));
        const QString measuresWhat = QStringLiteral("storing measures of %1").arg(docId);
        for (qsizetype i = 0; i < doc.measures.size(); ++i) {
            const Measure& m = doc.measures[i];
            mea.bindInt(0, documentId);
            mea.bindInt(1, int(i));
            mea.bindInt(2, m.sectionId);
            mea.bindInt(3, m.number);
            // Title, body, units and heading in one value (migration 20).
            const store::PackedPlan::MeasureRow& row = packedPlan().measures[size_t(i)];
            indexTexts.push_back(IndexTexts{stamp, {row.utf8[0], row.utf8[1], row.utf8[2]}});
            mea.bindMeasureTexts(4, m, row);
            mea.bindOptionalText(8, m.area);
            mea.bindOptionalText(9, QString()); // the parsed area: NULL while it is the area (migration 18)
            mea.bindOptionalText(10, m.deadline);
            mea.bindOptionalText(11, m.remark);
            mea.bindInt(12, qint64(m.span.start));
            mea.bindInt(13, qint64(m.span.end));
            mea.bindInt(14, qint64(m.titleSpan.start));
            mea.bindInt(15, qint64(m.titleSpan.end));
            mea.bindDouble(16, m.confidence);
            // The unit links in one value on the row (migration 22), lead units first, ordinals across both.
            links.clear();
            auto linkUnits = [&](const QList<Unit>& units, int role) -> Status {
                for (const Unit& u : units) {
                    const qint64 aid = agencyId(u);
                    if (!aid)
                        return agencyError ? Status(*agencyError)
                                           : Status::failure(unitsWhat, QStringLiteral("db-query"));
                    store::unitlinks::Link l{aid, role, links.size(), {}};
                    // Null where the spelling is the agency's name (migration 14).
                    if (!u.normalized.isEmpty() && u.normalized != u.written)
                        l.written = u.written.toUtf8();
                    links.append(std::move(l));
                }
                return okStatus();
            };
            if (Status st = linkUnits(m.lead, store::kLeadRole); !st)
                return st;
            if (Status st = linkUnits(m.partners, store::kPartnerRole); !st)
                return st;
            const QByteArray packedLinks = store::unitlinks::pack(links);
            mea.bindBlob(17, packedLinks);
            if (Status st = mea.exec(measuresWhat); !st)
                return st;
            const qint64 mid = mea.insertedId();
            measureIds.append(mid);
            for (const store::unitlinks::Link& l : std::as_const(links))
                agencyMeasures.emplace_back(mid, l.agency);
        }
        std::sort(agencyMeasures.begin(), agencyMeasures.end());
        agencyMeasures.erase(std::unique(agencyMeasures.begin(), agencyMeasures.end()), agencyMeasures.end());
        for (const auto& [mid, aid] : agencyMeasures) {
            link.bindInt(0, mid);
            link.bindInt(1, aid);
            if (Status st = link.exec(unitsWhat); !st)
                return st;
        }

        // In a search batch (schema 23): the plan's measures wait in search_pending, with this
        // import's stamp, for the batch's catch-up (searchbatch.cpp), which indexes many plans at once.
        if (cache && batched) {
            RowWriter pending(m_db, cache,
                              QStringLiteral("INSERT OR REPLACE INTO search_pending(measure_id, stamp) "
                                             "VALUES (?,?)"),
                              m_path);
            const QString pendingWhat = QStringLiteral("listing %1 for the search index").arg(docId);
            for (const qint64 mid : std::as_const(measureIds)) {
                pending.bindInt(0, mid);
                pending.bindInt(1, stamp);
                if (Status st = pending.exec(pendingWhat); !st)
                    return st;
            }
        }
        // Outside a batch: the plan's measures into the search index in one statement (migration 8), so
        // FTS5 writes one index segment per plan rather than one per measure (migration 13: one index).
        // The rows go in one at a time from the texts above, in the order of their ids: a one-row INSERT
        // into the index opens no statement journal, so FTS5 keeps them pending and writes the plan's
        // segment when the next statement begins (the targets', below), as it did after one INSERT …
        // SELECT over the plan's measures — the same segment, without reading the rows back.
        if (cache && !batched) {
            RowWriter fts(
                m_db, cache,
                QStringLiteral("INSERT INTO measure_fts(rowid, title, body, units) VALUES (?,?,?,?)"),
                m_path);
            const QString indexWhat = QStringLiteral("indexing %1 for search").arg(docId);
            for (size_t k = 0; k < indexTexts.size(); ++k) {
                fts.bindInt(0, measureIds[qsizetype(k)]);
                for (int c = 0; c < 3; ++c)
                    fts.bindUtf8(1 + c, indexTexts[k].utf8[c]);
                if (Status st = fts.exec(indexWhat); !st)
                    return st;
            }
        }

        RowWriter tq(
            m_db, cache,
            QStringLiteral("INSERT INTO targets(measure_id, document_id, ordinal, area, indicator, scope, "
                           "kind, comparator, "
                           "value, "
                           "unit, baseline, deadline, span_start, span_end, quote, sentence, confidence, "
                           "indicator_confidence, "
                           "qualitative, measure_ordinal, measure_number, section, section_heading) VALUES "
                           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            m_path);
        const QString targetsWhat = QStringLiteral("storing targets of %1").arg(docId);
        const QString measureSection = QStringLiteral("measure");
        const QString noHeading = QStringLiteral("");
        // The stored source reads back as doc.source unless it holds a lone surrogate (UTF-8 cannot).
        const bool derivable = QStringView(doc.source).isValidUtf16();
        for (qsizetype i = 0; i < analysis.targets.size(); ++i) {
            const Target& t = analysis.targets[i];
            const Result<store::TargetPlacement> place = store::placeTarget(doc, t, docId);
            if (!place)
                return place.error();
            const qsizetype mi = place->measure;
            int col = 0;
            if (mi >= 0)
                tq.bindInt(col++, measureIds[mi]);
            else
                tq.bind(col++, QVariant(QMetaType(QMetaType::LongLong)));
            tq.bindInt(col++, documentId);
            tq.bindInt(col++, int(i));
            // The effective values; the parser's copies (p_*) stay NULL while nothing is corrected
            // (schema 21: they are the effective ones then, store::parsedSql).
            tq.bindOptionalText(col++, t.area);
            tq.bindOptionalText(col++, t.indicator);
            tq.bindOptionalText(col++, t.scope);
            tq.bindOptionalText(col++, t.kind);
            tq.bindOptionalText(col++, t.comparator);
            tq.bindOptionalDouble(col++, t.value);
            tq.bindOptionalText(col++, t.unit);
            tq.bindOptionalDouble(col++, t.baseline);
            tq.bindOptionalText(col++, t.deadline);
            tq.bindInt(col++, qint64(t.span.start));
            tq.bindInt(col++, qint64(t.span.end));
            // NULL where the text derives from the stored source (schema 19, targettext.h).
            const QString quote = derivable && !t.quote.isEmpty() &&
                                          t.quote == store::quoteAt(doc.source, t.span.start, t.span.end)
                                      ? QString()
                                      : t.quote;
            const QString sentence = sentenceAround(doc.source, t.span.start, t.span.end);
            tq.bindText(col++, quote);
            tq.bindText(col++, derivable && !sentence.isEmpty() ? QString() : sentence);
            tq.bindDouble(col++, t.confidence);
            tq.bindDouble(col++, t.indicatorConfidence);
            tq.bindInt(col++, t.qualitative ? 1 : 0);
            tq.bindInt(col++, int(place->sortMeasure()));
            tq.bindInt(col++, mi >= 0 ? doc.measures[mi].number : 0);
            tq.bindText(col++, t.section.isEmpty() ? measureSection : t.section);
            // A null QString binds as NULL; the column is NOT NULL with '' for "no heading".
            tq.bindText(col++, t.sectionHeading.isEmpty() ? noHeading : t.sectionHeading);
            if (Status st = tq.exec(targetsWhat); !st)
                return st;
        }

        RowWriter iq(m_db, cache,
                     QStringLiteral("INSERT INTO issues(document_id, severity, code, message, span_start, "
                                    "span_end) VALUES (?,?,?,?,?,?)"),
                     m_path);
        const QString issuesWhat = QStringLiteral("storing issues of %1").arg(docId);
        for (const Issue& is : doc.issues) {
            iq.bindInt(0, documentId);
            iq.bindText(1, severityName(is.severity));
            iq.bindText(2, is.code);
            iq.bindText(3, is.message);
            iq.bindInt(4, qint64(is.span.start));
            iq.bindInt(5, qint64(is.span.end));
            if (Status st = iq.exec(issuesWhat); !st)
                return st;
        }
        if (Status p = applyPlanCorrections(docId); !p)
            return p;
        if (Status a = applyOverridesToParsedRows(documentId, docId); !a)
            return a;
        pauseInsideImportForTests();
        return okStatus();
    });
    if (!s)
        return s.error();
    if (documentIdOut)
        *documentIdOut = documentId;
    if (batched && outcome != ImportOutcome::Unchanged && size_t(measureIds.size()) == indexTexts.size()) {
        // Committed: the batch keeps the texts, and catches up once enough wait (bounded memory).
        if (!m_pendingTexts)
            m_pendingTexts = std::make_unique<store::PendingIndexTexts>();
        for (size_t k = 0; k < indexTexts.size(); ++k) {
            m_pendingTexts->bytes +=
                indexTexts[k].utf8[0].size() + indexTexts[k].utf8[1].size() + indexTexts[k].utf8[2].size();
            m_pendingTexts->byId[measureIds[qsizetype(k)]] = std::move(indexTexts[k]);
        }
        ++m_pendingTexts->plans;
        if (m_pendingTexts->plans >= kSearchBatchPlans || m_pendingTexts->bytes >= kSearchBatchBytes) {
            // The plan is stored either way; what fails to be indexed stays listed for the next catch-up.
            if (Status c = catchUpSearchIndex(); !c)
                qWarning().noquote() << c.errorMessage();
        }
    } else if (!batched && !isPostgres() && outcome != ImportOutcome::Unchanged) {
        // Outside a batch the plan's measures are indexed already; its fresh rows (schema 25) are merged
        // every kSearchBatchPlans plans, so readers never scan more than a batch of them.
        if (!m_pendingTexts)
            m_pendingTexts = std::make_unique<store::PendingIndexTexts>();
        if (++m_pendingTexts->unmergedPlans >= kSearchBatchPlans) {
            if (Status c = catchUpSearchIndex(); !c)
                qWarning().noquote() << c.errorMessage();
        }
    }
    return outcome;
}

Result<QList<DocumentRecord>> Database::documents() {
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("SELECT ") + kDocumentColumns +
                       QStringLiteral(" FROM documents d ORDER BY CASE d.level WHEN 'municipal' "
                                      "THEN 0 ELSE 1 END, d.jurisdiction COLLATE pc_zh, d.year, d.doc_id"));
    if (!q)
        return q.error();
    QList<DocumentRecord> out;
    while (q->next())
        out.append(documentFrom(*q));
    return out;
}

Result<DocumentRecord> Database::document(qint64 documentId) {
    Result<QSqlQuery> q = exec(m_db,
                               QStringLiteral("SELECT ") + kDocumentColumns +
                                   QStringLiteral(" FROM documents d WHERE d.id = ?"),
                               {documentId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("no document with id %1 in %2").arg(documentId).arg(m_path),
                     QStringLiteral("not-found")};
    return documentFrom(*q);
}

Result<DocumentRecord> Database::documentByDocId(const QString& docId) {
    Result<QSqlQuery> q = exec(m_db,
                               QStringLiteral("SELECT ") + kDocumentColumns +
                                   QStringLiteral(" FROM documents d WHERE d.doc_id = ?"),
                               {docId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("no plan \u201c%1\u201d in %2").arg(docId, m_path),
                     QStringLiteral("not-found")};
    return documentFrom(*q);
}

Result<QString> Database::documentSource(qint64 documentId) {
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("SELECT text FROM sources WHERE document_id = ?"), {documentId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("no document with id %1 in %2").arg(documentId).arg(m_path),
                     QStringLiteral("not-found")};
    const std::optional<QString> text = store::unpackSource(q->value(0));
    if (!text)
        return Error{QStringLiteral("database %1 is damaged: the source text of document %2 does not "
                                    "decompress. Re-import the plan.")
                         .arg(m_path)
                         .arg(documentId),
                     QStringLiteral("db-corrupt")};
    return *text;
}

Result<QList<DocumentIssue>> Database::documentIssues(qint64 documentId) {
    Result<QSqlQuery> q =
        exec(m_db,
             QStringLiteral("SELECT severity, code, message, span_start, span_end FROM issues "
                            "WHERE document_id = ? ORDER BY span_start, id"),
             {documentId});
    if (!q)
        return q.error();
    QList<DocumentIssue> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toLongLong(), q->value(4).toLongLong()});
    return out;
}

Result<StoredFile> Database::documentFile(qint64 documentId) {
    // Schema 24: a text file stored as its source (derived) comes back from sources.text, checked
    // against the file's hash.
    Result<QSqlQuery> q =
        exec(m_db,
             QStringLiteral("SELECT f.format, f.size, f.original, f.page_count, f.page_starts, f.origins, "
                            "f.derived, CASE WHEN f.derived <> 0 THEN (SELECT s.text FROM sources s WHERE "
                            "s.document_id = f.document_id) END, d.doc_id, d.sha256 FROM document_files f "
                            "JOIN documents d ON d.id = f.document_id WHERE f.document_id = ?"),
             {documentId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("%1: plan %2 has no stored original file").arg(m_path).arg(documentId),
                     QStringLiteral("not-found")};
    StoredFile f;
    f.format = q->value(0).toString();
    const int derived = q->value(6).toInt();
    const QString plan = q->value(8).toString();
    std::optional<QByteArray> original;
    if (derived == store::kOriginalStored) {
        original = store::unpackBytes(q->value(2).toByteArray());
    } else if (derived == store::kOriginalIsSource || derived == store::kOriginalIsBomAndSource) {
        if (const std::optional<QString> text =
                q->isNull(7) ? std::nullopt : store::unpackSource(q->value(7))) {
            original = derived == store::kOriginalIsBomAndSource ? QByteArray("\xEF\xBB\xBF") : QByteArray();
            original->append(text->toUtf8());
        }
        // The rebuilt bytes must be the imported file's: a damaged or changed source never passes for it.
        if (original &&
            (original->size() != q->value(1).toLongLong() || sha256Hex(*original) != q->value(9).toString()))
            return Error{
                QStringLiteral("%1: the original file of plan %2 (id %3), stored as its source text, "
                               "does not rebuild: the source text or the file's sha256 is damaged. "
                               "Re-import the plan from its file.")
                    .arg(m_path, plan)
                    .arg(documentId),
                QStringLiteral("db-corrupt")};
    }
    if (original)
        f.original = *original;
    if (!original || f.original.size() != q->value(1).toLongLong())
        return Error{QStringLiteral("%1: the stored original file of plan %2 (id %3) is damaged")
                         .arg(m_path, plan)
                         .arg(documentId),
                     QStringLiteral("db-corrupt")};
    f.pageCount = q->value(3).toInt();
    f.pageStarts = store::parsePageStarts(q->value(4).toString());
    std::optional<QList<read::OriginRun>> origins = store::unpackOrigins(q->value(5).toByteArray());
    if (!origins)
        return Error{QStringLiteral("%1: the stored origin map of plan %2 (id %3) is damaged")
                         .arg(m_path, plan)
                         .arg(documentId),
                     QStringLiteral("db-corrupt")};
    f.origins = std::move(*origins);
    return f;
}

Result<QList<qsizetype>> Database::documentPageStarts(qint64 documentId) {
    Result<QSqlQuery> q = exec(
        m_db, QStringLiteral("SELECT page_starts FROM document_files WHERE document_id = ?"), {documentId});
    if (!q)
        return q.error();
    if (!q->next())
        return QList<qsizetype>{};
    return store::parsePageStarts(q->value(0).toString());
}

Status Database::removeDocument(qint64 documentId) {
    return withTransaction([&]() -> Status {
        Result<QSqlQuery> q = exec(m_db, QStringLiteral("DELETE FROM documents WHERE id = ?"), {documentId});
        if (!q)
            return q.error();
        if (q->numRowsAffected() == 0)
            return Status::failure(QStringLiteral("no document with id %1 in %2").arg(documentId).arg(m_path),
                                   QStringLiteral("not-found"));
        return okStatus();
    });
}

} // namespace pc
