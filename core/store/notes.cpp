// User notes on plans, measures and targets, anchored to the text like overrides so they follow re-imports.
#include "database.h"

#include "dialect.h"
#include "sqlutil.h"
#include "targettext.h"

namespace pc {

using store::exec;
using store::execStatus;

namespace {

const QString kMeasureAnchorSql =
    // pc_title / pc_body: the stored texts are packed (migrations 15, 20).
    QStringLiteral("CASE WHEN pc_title(m.body, m.title) <> '' THEN pc_title(m.body, m.title) ELSE "
                   "substr(pc_body(m.body), 1, 40) END");

std::optional<NoteSubject> subjectFromName(const QString& s) {
    for (NoteSubject n : {NoteSubject::Document, NoteSubject::Measure, NoteSubject::Target}) {
        if (noteSubjectName(n) == s)
            return n;
    }
    return std::nullopt;
}

} // namespace

Result<qint64> Database::addNote(NoteSubject subject, qint64 subjectId, const QString& text) {
    if (Status w = checkWritable(QStringLiteral("saving the note")); !w)
        return w.error();
    if (text.trimmed().isEmpty())
        return Error{QStringLiteral("a note needs some text"), QStringLiteral("bad-value")};
    QString sql;
    switch (subject) {
    case NoteSubject::Document:
        sql = QStringLiteral("SELECT doc_id, -1, -1, '' FROM documents WHERE id = ?");
        break;
    case NoteSubject::Measure:
        sql = QStringLiteral("SELECT d.doc_id, m.span_start, m.span_end, ") + kMeasureAnchorSql +
              QStringLiteral(" FROM measures m JOIN documents d ON d.id = m.document_id WHERE m.id = ?");
        break;
    case NoteSubject::Target:
        sql =
            QStringLiteral("SELECT d.doc_id, t.span_start, t.span_end, %1 FROM targets t JOIN documents d ON "
                           "d.id = t.document_id WHERE t.id = ?")
                .arg(store::quoteSql(store::engineOf(m_db), QStringLiteral("t.")));
        break;
    }
    Result<QSqlQuery> q = exec(m_db, sql, {subjectId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{
            QStringLiteral("no %1 with id %2 in %3").arg(noteSubjectName(subject)).arg(subjectId).arg(m_path),
            QStringLiteral("not-found")};
    const QVariantList values{
        noteSubjectName(subject), q->value(0),     q->value(1),     q->value(2), q->value(3),
        text.trimmed(),           store::nowUtc(), store::nowUtc(), m_user,      m_user};
    q->finish();
    QSqlQuery ins(m_db);
    ins.prepare(store::returningId(
        store::engineOf(m_db),
        QStringLiteral("INSERT INTO notes(subject, doc_id, anchor_start, anchor_end, anchor_text, text, "
                       "created_at, updated_at, created_by, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)")));
    for (const QVariant& v : values)
        ins.addBindValue(v);
    if (!ins.exec())
        return store::sqlError(ins.lastError(), QStringLiteral("saving the note"), m_path);
    return store::insertedId(store::engineOf(m_db), ins);
}

Status Database::updateNote(qint64 noteId, const QString& text) {
    if (Status w = checkWritable(QStringLiteral("changing the note")); !w)
        return w;
    if (text.trimmed().isEmpty())
        return Status::failure(QStringLiteral("a note needs some text"), QStringLiteral("bad-value"));
    Result<QSqlQuery> q =
        exec(m_db, QStringLiteral("UPDATE notes SET text = ?, updated_at = ?, updated_by = ? WHERE id = ?"),
             {text.trimmed(), store::nowUtc(), m_user, noteId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Status::failure(QStringLiteral("no note with id %1 in %2").arg(noteId).arg(m_path),
                               QStringLiteral("not-found"));
    return okStatus();
}

Status Database::removeNote(qint64 noteId) {
    if (Status w = checkWritable(QStringLiteral("removing the note")); !w)
        return w;
    Result<QSqlQuery> q = exec(m_db, QStringLiteral("DELETE FROM notes WHERE id = ?"), {noteId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Status::failure(QStringLiteral("no note with id %1 in %2").arg(noteId).arg(m_path),
                               QStringLiteral("not-found"));
    return okStatus();
}

Result<QList<NoteRecord>> Database::notes(const NoteFilter& f) {
    QStringList where;
    QVariantList binds;
    if (!f.docId.isEmpty()) {
        where << QStringLiteral("doc_id = ?");
        binds << f.docId;
    }
    if (f.subject) {
        where << QStringLiteral("subject = ?");
        binds << noteSubjectName(*f.subject);
    }
    QString sql = QStringLiteral("SELECT id, subject, doc_id, anchor_start, anchor_end, anchor_text, text, "
                                 "created_at, updated_at, created_by, updated_by FROM notes");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return store::sqlError(q.lastError(), QStringLiteral("reading notes"), m_path);
    QList<NoteRecord> all;
    while (q.next()) {
        NoteRecord n;
        n.id = q.value(0).toLongLong();
        n.subject = subjectFromName(q.value(1).toString()).value_or(NoteSubject::Document);
        n.docId = q.value(2).toString();
        n.anchorStart = q.value(3).toLongLong();
        n.anchorEnd = q.value(4).toLongLong();
        n.anchorText = q.value(5).toString();
        n.text = q.value(6).toString();
        n.createdAt = q.value(7).toString();
        n.updatedAt = q.value(8).toString();
        n.createdBy = q.value(9).toString();
        n.updatedBy = q.value(10).toString();
        all.append(n);
    }
    q.finish();
    QList<NoteRecord> out;
    for (NoteRecord& n : all) {
        // Which row is the note on now? The exact span if its text is still there, else the nearest
        // row with the same text.
        QString rs;
        switch (n.subject) {
        case NoteSubject::Document:
            rs = QStringLiteral("SELECT d.id, -1, -1 FROM documents d WHERE d.doc_id = ?");
            break;
        case NoteSubject::Measure:
            rs = QStringLiteral(
                     "SELECT m.id, m.span_start, m.span_end FROM measures m JOIN documents d ON d.id = "
                     "m.document_id WHERE d.doc_id = ? AND ") +
                 kMeasureAnchorSql + QStringLiteral(" = ?");
            break;
        case NoteSubject::Target:
            rs = QStringLiteral(
                     "SELECT t.id, t.span_start, t.span_end FROM targets t JOIN documents d ON d.id = "
                     "t.document_id WHERE d.doc_id = ? AND %1 = ?")
                     .arg(store::quoteSql(store::engineOf(m_db), QStringLiteral("t.")));
            break;
        }
        Result<QSqlQuery> r = n.subject == NoteSubject::Document ? exec(m_db, rs, {n.docId})
                                                                 : exec(m_db, rs, {n.docId, n.anchorText});
        if (!r)
            return r.error();
        qsizetype bestDistance = -1;
        while (r->next()) {
            const qsizetype s = r->value(1).toLongLong();
            const qsizetype e = r->value(2).toLongLong();
            const qsizetype d = (s == n.anchorStart && e == n.anchorEnd) ? 0 : qAbs(s - n.anchorStart) + 1;
            if (bestDistance < 0 || d < bestDistance) {
                bestDistance = d;
                n.subjectId = r->value(0).toLongLong();
            }
        }
        if (f.subject && f.subjectId && n.subjectId != f.subjectId)
            continue;
        out.append(n);
    }
    return out;
}

} // namespace pc
