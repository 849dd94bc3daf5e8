// Import of one analysed document (one transaction, replace-in-place) and the document-level queries.
#include "database.h"

#include "dialect.h"
#include "extract/analysis.h"
#include "pgbulk.h"
#include "sqlutil.h"

#include <QFileInfo>
#include <QHash>
#include <QThread>

namespace pc {

using store::exec;
using store::execStatus;
using store::nullable;

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

bool isSentenceEnd(QChar c) {
    return c == QChar(0x3002) || c == QChar(0xFF1B) || c == QLatin1Char(';') || c == QChar(0xFF01) ||
           c == QChar(0xFF1F) || c == QLatin1Char('\n') || c == QLatin1Char('\t');
}

// The sentence around a target's quote, for display beside the number.
QString sentenceAround(const QString& source, qsizetype start, qsizetype end) {
    if (start < 0 || end > source.size() || end < start)
        return {};
    qsizetype s = start;
    const qsizetype minS = qMax<qsizetype>(0, start - 200);
    while (s > minS && !isSentenceEnd(source.at(s - 1)))
        --s;
    qsizetype e = end;
    const qsizetype maxE = qMin<qsizetype>(source.size(), end + 200);
    while (e < maxE && !isSentenceEnd(source.at(e)))
        ++e;
    if (e < source.size() && e < maxE && source.at(e) != QLatin1Char('\n') &&
        source.at(e) != QLatin1Char('\t'))
        ++e;
    return source.mid(s, e - s).trimmed();
}

QString unitsText(const Measure& m) {
    QStringList names;
    for (const Unit& u : m.lead)
        names << u.written;
    for (const Unit& u : m.partners)
        names << u.written;
    for (const SubItem& it : m.items) {
        for (const Unit& u : it.lead)
            names << u.written;
        for (const Unit& u : it.partners)
            names << u.written;
    }
    names.removeDuplicates();
    return names.join(QLatin1Char(' '));
}

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
// (tests, older callers) leaves none.
Status storeFile(QSqlDatabase& db, qint64 documentId, const Document& doc, const QByteArray& original) {
    if (Status d =
            execStatus(db, QStringLiteral("DELETE FROM document_files WHERE document_id = ?"), {documentId});
        !d)
        return d;
    if (original.isEmpty())
        return okStatus();
    return execStatus(
        db,
        QStringLiteral("INSERT INTO document_files(document_id, format, size, original, page_count, "
                       "page_starts, origins) VALUES (?,?,?,?,?,?,?)"),
        {documentId, doc.format.isEmpty() ? QStringLiteral("text") : doc.format, qint64(original.size()),
         qCompress(original), doc.pageCount, store::formatPageStarts(doc.pageStarts),
         store::packOrigins(doc.origins)});
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
                                                         const QByteArray& original) {
    const Document& doc = analysis.document;
    QString docId = doc.meta.docId;
    if (docId.isEmpty())
        docId = QFileInfo(doc.path).completeBaseName();
    if (docId.isEmpty())
        return Error{QStringLiteral("cannot import a document without a doc id or path"),
                     QStringLiteral("bad-value")};
    ImportOutcome outcome = ImportOutcome::Imported;
    qint64 documentId = 0;
    const Status s = withTransaction([&]() -> Status {
        // Two researchers importing the same plan at once: the second waits here, then finds it stored.
        if (Status l = store::lockName(m_db, QStringLiteral("import:") + docId); !l)
            return l;
        Result<QSqlQuery> existing =
            exec(m_db, QStringLiteral("SELECT id, sha256 FROM documents WHERE doc_id = ?"), {docId});
        if (!existing)
            return existing.error();
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
                if (Status d = execStatus(m_db,
                                          QStringLiteral("DELETE FROM %1 WHERE document_id = ?")
                                              .arg(QString::fromLatin1(table)),
                                          {documentId});
                    !d)
                    return d;
            }
            if (Status d =
                    execStatus(m_db, QStringLiteral("UPDATE sources SET text = ? WHERE document_id = ?"),
                               {store::packSource(doc.source, store::isPostgres(m_db)), documentId});
                !d)
                return d;
        } else {
            existing->finish();
            QSqlQuery ins(m_db);
            ins.prepare(store::returningId(
                store::engineOf(m_db),
                QStringLiteral("INSERT INTO documents(jurisdiction, level, year, doc_number, issuer, "
                               "issued_on, title, source_path, sha256, layout, encoding, parse_confidence, "
                               "imported_at, jurisdiction_code, plan_kind, implements_title, "
                               "implements_doc_number, parsed_jurisdiction, parsed_year, parsed_plan_kind, "
                               "doc_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")));
            for (const QVariant& v : docValues)
                ins.addBindValue(v);
            ins.addBindValue(docId);
            if (!ins.exec())
                return store::sqlError(ins.lastError(), QStringLiteral("storing %1").arg(docId), m_path);
            documentId = store::insertedId(store::engineOf(m_db), ins);
            if (Status d =
                    execStatus(m_db, QStringLiteral("INSERT INTO sources(document_id, text) VALUES (?, ?)"),
                               {documentId, store::packSource(doc.source, store::isPostgres(m_db))});
                !d)
                return d;
        }

        if (Status f = storeFile(m_db, documentId, doc, original); !f)
            return f;

        // PostgreSQL: one statement per table (pgbulk.cpp) instead of one round trip per row.
        if (store::isPostgres(m_db)) {
            if (Status b = store::insertPlanRowsPostgres(m_db, m_path, documentId, docId, analysis,
                                                         {&unitsText, &sentenceAround});
                !b)
                return b;
            if (Status p = applyPlanCorrections(docId); !p)
                return p;
            if (Status a = applyOverrides(documentId); !a)
                return a;
            pauseInsideImportForTests();
            return okStatus();
        }

        QSqlQuery sec(m_db);
        sec.prepare(QStringLiteral("INSERT INTO sections(document_id, ordinal, parent_ordinal, level, label, "
                                   "heading, span_start, span_end) VALUES (?,?,?,?,?,?,?,?)"));
        for (qsizetype i = 0; i < doc.sections.size(); ++i) {
            const Section& x = doc.sections[i];
            sec.bindValue(0, documentId);
            sec.bindValue(1, x.id >= 0 ? x.id : int(i));
            sec.bindValue(2, x.parentId);
            sec.bindValue(3, x.level);
            sec.bindValue(4, x.label);
            sec.bindValue(5, x.heading);
            sec.bindValue(6, qint64(x.span.start));
            sec.bindValue(7, qint64(x.span.end));
            if (!sec.exec())
                return store::sqlError(sec.lastError(), QStringLiteral("storing sections of %1").arg(docId),
                                       m_path);
        }

        QSqlQuery mea(m_db);
        mea.prepare(store::returningId(
            store::engineOf(m_db),
            QStringLiteral(
                "INSERT INTO measures(document_id, ordinal, section_ordinal, number, title, body, "
                "units, area_heading, area, parsed_area, deadline, remark, span_start, span_end, "
                "title_start, title_end, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")));
        QSqlQuery agencyInsert(m_db);
        agencyInsert.prepare(QStringLiteral("INSERT INTO agencies(name) VALUES (?) ON CONFLICT DO NOTHING"));
        QSqlQuery agencyFind(m_db);
        agencyFind.prepare(QStringLiteral("SELECT id FROM agencies WHERE name = ?"));
        QSqlQuery link(m_db);
        link.prepare(
            QStringLiteral("INSERT INTO measure_agencies(measure_id, agency_id, role, ordinal, written) "
                           "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING"));
        QHash<QString, qint64> agencyIds;
        auto agencyId = [&](const Unit& u) -> qint64 {
            const QString name = u.normalized.isEmpty() ? u.written : u.normalized;
            if (auto it = agencyIds.constFind(name); it != agencyIds.constEnd())
                return *it;
            agencyInsert.bindValue(0, name);
            if (!agencyInsert.exec())
                return 0;
            agencyFind.bindValue(0, name);
            if (!agencyFind.exec() || !agencyFind.next())
                return 0;
            const qint64 id = agencyFind.value(0).toLongLong();
            agencyFind.finish();
            agencyIds.insert(name, id);
            return id;
        };
        QList<qint64> measureIds;
        measureIds.reserve(doc.measures.size());
        for (qsizetype i = 0; i < doc.measures.size(); ++i) {
            const Measure& m = doc.measures[i];
            mea.bindValue(0, documentId);
            mea.bindValue(1, int(i));
            mea.bindValue(2, m.sectionId);
            mea.bindValue(3, m.number);
            mea.bindValue(4, store::text(m.title));
            mea.bindValue(5, store::text(m.body));
            mea.bindValue(6, store::text(unitsText(m)));
            mea.bindValue(7, m.areaHeading);
            mea.bindValue(8, nullable(m.area));
            mea.bindValue(9, nullable(m.area));
            mea.bindValue(10, nullable(m.deadline));
            mea.bindValue(11, nullable(m.remark));
            mea.bindValue(12, qint64(m.span.start));
            mea.bindValue(13, qint64(m.span.end));
            mea.bindValue(14, qint64(m.titleSpan.start));
            mea.bindValue(15, qint64(m.titleSpan.end));
            mea.bindValue(16, m.confidence);
            if (!mea.exec())
                return store::sqlError(mea.lastError(), QStringLiteral("storing measures of %1").arg(docId),
                                       m_path);
            const qint64 mid = store::insertedId(store::engineOf(m_db), mea);
            measureIds.append(mid);
            int ordinal = 0;
            auto linkUnits = [&](const QList<Unit>& units, const QString& role) -> bool {
                for (const Unit& u : units) {
                    const qint64 aid = agencyId(u);
                    if (!aid)
                        return false;
                    link.bindValue(0, mid);
                    link.bindValue(1, aid);
                    link.bindValue(2, role);
                    link.bindValue(3, ordinal++);
                    link.bindValue(4, u.written);
                    if (!link.exec())
                        return false;
                }
                return true;
            };
            if (!linkUnits(m.lead, QStringLiteral("lead")) ||
                !linkUnits(m.partners, QStringLiteral("partner")))
                return store::sqlError(link.lastError().isValid() ? link.lastError() : agencyFind.lastError(),
                                       QStringLiteral("storing units of %1").arg(docId), m_path);
        }

        QSqlQuery tq(m_db);
        tq.prepare(QStringLiteral(
            "INSERT INTO targets(measure_id, document_id, ordinal, area, indicator, scope, kind, comparator, "
            "value, "
            "unit, baseline, deadline, p_area, p_indicator, p_scope, p_kind, p_comparator, p_value, p_unit, "
            "p_baseline, p_deadline, span_start, span_end, quote, sentence, confidence, "
            "indicator_confidence, "
            "qualitative, measure_ordinal, measure_number, section, section_heading) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        for (qsizetype i = 0; i < analysis.targets.size(); ++i) {
            const Target& t = analysis.targets[i];
            qsizetype mi = t.measureIndex;
            if (mi < 0 || mi >= doc.measures.size()) {
                mi = -1;
                for (qsizetype k = 0; k < doc.measures.size(); ++k) {
                    const Span& ms = doc.measures[k].span;
                    if (ms.isValid() && t.span.start >= ms.start && t.span.end <= ms.end) {
                        mi = k;
                        break;
                    }
                }
            }
            if (!t.span.isValid() || t.span.start < 0 || t.span.end > doc.source.size())
                return Status::failure(
                    QStringLiteral("%1: target \u201c%2\u201d (offset %3) lies outside the text")
                        .arg(doc.path.isEmpty() ? docId : doc.path, t.quote)
                        .arg(t.span.start),
                    QStringLiteral("bad-value"));
            // A target outside every measure (a 总体目标 paragraph, a preamble, a news page) belongs to
            // the document; it sorts after the measure that precedes it.
            qsizetype precedingMeasure = -1;
            if (mi < 0) {
                for (qsizetype k = 0; k < doc.measures.size(); ++k) {
                    const Span& ms = doc.measures[k].span;
                    if (ms.isValid() && ms.start <= t.span.start)
                        precedingMeasure = k;
                }
            }
            const QVariantList effective{nullable(t.area), nullable(t.indicator),  nullable(t.scope),
                                         nullable(t.kind), nullable(t.comparator), nullable(t.value),
                                         nullable(t.unit), nullable(t.baseline),   nullable(t.deadline)};
            int col = 0;
            tq.bindValue(col++,
                         mi >= 0 ? QVariant(measureIds[mi]) : QVariant(QMetaType(QMetaType::LongLong)));
            tq.bindValue(col++, documentId);
            tq.bindValue(col++, int(i));
            for (const QVariant& v : effective)
                tq.bindValue(col++, v);
            for (const QVariant& v : effective)
                tq.bindValue(col++, v);
            tq.bindValue(col++, qint64(t.span.start));
            tq.bindValue(col++, qint64(t.span.end));
            tq.bindValue(col++, t.quote);
            tq.bindValue(col++, sentenceAround(doc.source, t.span.start, t.span.end));
            tq.bindValue(col++, t.confidence);
            tq.bindValue(col++, t.indicatorConfidence);
            tq.bindValue(col++, t.qualitative ? 1 : 0);
            tq.bindValue(col++, int(mi >= 0 ? mi : precedingMeasure));
            tq.bindValue(col++, mi >= 0 ? doc.measures[mi].number : 0);
            tq.bindValue(col++, t.section.isEmpty() ? QStringLiteral("measure") : t.section);
            // A null QString binds as NULL; the column is NOT NULL with '' for "no heading".
            tq.bindValue(col++, t.sectionHeading.isEmpty() ? QStringLiteral("") : t.sectionHeading);
            if (!tq.exec())
                return store::sqlError(tq.lastError(), QStringLiteral("storing targets of %1").arg(docId),
                                       m_path);
        }

        QSqlQuery iq(m_db);
        iq.prepare(
            QStringLiteral("INSERT INTO issues(document_id, severity, code, message, span_start, span_end) "
                           "VALUES (?,?,?,?,?,?)"));
        for (const Issue& is : doc.issues) {
            iq.bindValue(0, documentId);
            iq.bindValue(1, severityName(is.severity));
            iq.bindValue(2, is.code);
            iq.bindValue(3, is.message);
            iq.bindValue(4, qint64(is.span.start));
            iq.bindValue(5, qint64(is.span.end));
            if (!iq.exec())
                return store::sqlError(iq.lastError(), QStringLiteral("storing issues of %1").arg(docId),
                                       m_path);
        }
        if (Status p = applyPlanCorrections(docId); !p)
            return p;
        if (Status a = applyOverrides(documentId); !a)
            return a;
        pauseInsideImportForTests();
        return okStatus();
    });
    if (!s)
        return s.error();
    if (documentIdOut)
        *documentIdOut = documentId;
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
    Result<QSqlQuery> q =
        exec(m_db,
             QStringLiteral("SELECT format, size, original, page_count, page_starts, origins "
                            "FROM document_files WHERE document_id = ?"),
             {documentId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("%1: plan %2 has no stored original file").arg(m_path).arg(documentId),
                     QStringLiteral("not-found")};
    StoredFile f;
    f.format = q->value(0).toString();
    f.original = qUncompress(q->value(2).toByteArray());
    if (f.original.size() != q->value(1).toLongLong())
        return Error{
            QStringLiteral("%1: the stored original file of plan %2 is damaged").arg(m_path).arg(documentId),
            QStringLiteral("db-corrupt")};
    f.pageCount = q->value(3).toInt();
    f.pageStarts = store::parsePageStarts(q->value(4).toString());
    std::optional<QList<read::OriginRun>> origins = store::unpackOrigins(q->value(5).toByteArray());
    if (!origins)
        return Error{
            QStringLiteral("%1: the stored origin map of plan %2 is damaged").arg(m_path).arg(documentId),
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
