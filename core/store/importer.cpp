// File import: hash first (an unchanged file is not even analysed), then analyse and store.
#include "importer.h"

#include "database.h"
#include "extract/analysis.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace pc {

QString importStatusName(ImportStatus s) {
    switch (s) {
    case ImportStatus::Imported:
        return QStringLiteral("imported");
    case ImportStatus::Replaced:
        return QStringLiteral("replaced");
    case ImportStatus::Unchanged:
        return QStringLiteral("unchanged");
    case ImportStatus::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString sha256Hex(const QByteArray& bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Importer::Importer(Database& db, Analyzer analyzer)
    : m_db(db)
    , m_analyzer(std::move(analyzer)) {}

FileImport Importer::importFile(const QString& path) {
    FileImport r;
    r.path = path;
    r.docId = QFileInfo(path).completeBaseName();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.reason = QStringLiteral("%1: cannot read the file: %2").arg(path, f.errorString());
        return r;
    }
    const QByteArray bytes = f.readAll();
    f.close();
    const QString sha = sha256Hex(bytes);
    if (m_db.storedSha256(r.docId) == sha) {
        r.status = ImportStatus::Unchanged;
        if (Result<DocumentRecord> d = m_db.documentByDocId(r.docId)) {
            r.documentId = d->id;
            r.measures = d->measureCount;
            r.targets = d->targetCount;
        }
        return r;
    }
    if (!m_analyzer) {
        r.reason = QStringLiteral("%1: no analyser configured").arg(path);
        return r;
    }
    Result<Analysis> a = m_analyzer(bytes, path);
    if (!a) {
        r.reason = a.errorMessage().contains(path) ? a.errorMessage()
                                                   : QStringLiteral("%1: %2").arg(path, a.errorMessage());
        return r;
    }
    Analysis analysis = std::move(a).value();
    analysis.document.sha256 = sha;
    if (analysis.document.path.isEmpty())
        analysis.document.path = path;
    if (analysis.document.meta.docId.isEmpty())
        analysis.document.meta.docId = r.docId;
    r.docId = analysis.document.meta.docId;
    qint64 id = 0;
    Result<Database::ImportOutcome> stored = m_db.importAnalysis(analysis, &id, bytes);
    if (!stored) {
        r.reason = QStringLiteral("%1: %2").arg(path, stored.errorMessage());
        return r;
    }
    r.documentId = id;
    switch (*stored) {
    case Database::ImportOutcome::Imported:
        r.status = ImportStatus::Imported;
        break;
    case Database::ImportOutcome::Replaced:
        r.status = ImportStatus::Replaced;
        break;
    case Database::ImportOutcome::Unchanged:
        r.status = ImportStatus::Unchanged;
        break;
    }
    if (Result<DocumentRecord> d = m_db.document(id)) {
        r.measures = d->measureCount;
        r.targets = d->targetCount;
    }
    if (Result<QList<OverrideRecord>> ov = m_db.overrides(r.docId)) {
        for (const OverrideRecord& o : *ov) {
            if (!o.applies)
                r.overrideProblems << QStringLiteral(
                                          "correction %1 (%2 on \u201c%3\u201d) no longer matches the text")
                                          .arg(o.id)
                                          .arg(overrideKindName(o.kind), o.anchorText);
        }
    }
    return r;
}

QList<FileImport> Importer::importFiles(const QStringList& paths, const ImportOptions& options) {
    QList<FileImport> out;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        out.append(importFile(paths[i]));
        if (options.progress && !options.progress(int(i + 1), int(paths.size()), out.last()))
            break;
    }
    return out;
}

} // namespace pc
