// File import: hash first (an unchanged file is not even analysed), then analyse and store; many files
// through a pipeline (analysed ahead on worker threads, stored in order on the calling thread).
#include "importer.h"

#include "database.h"
#include "extract/analysis.h"
#include "packedplan.h"

#include <QDebug>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <vector>

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

Importer::Importer(Database& db, Analyzer analyzer)
    : m_db(db)
    , m_analyzer(std::move(analyzer)) {}

struct Importer::Prepared {
    int index = -1; // in importFiles' paths; -1 for importFile
    QString path;
    QString stem;      // the doc id the stored version is looked up by
    QString readError; // set: the file could not be read
    QByteArray bytes;
    QString sha;
    std::optional<Result<Analysis>> analysis; // unset: not analysed yet
    // The analysis's rows packed for SQLite on the worker that analysed it (unset: packed while storing).
    std::optional<store::PackedPlan> packed;
};

namespace {

thread_local int t_fileIndex = -1;

// Marks the analyser's call with its file's index (fileIndexBeingAnalysed()).
class AnalysingFile {
public:
    explicit AnalysingFile(int index)
        : m_previous(t_fileIndex) {
        t_fileIndex = index;
    }
    ~AnalysingFile() { t_fileIndex = m_previous; }
    AnalysingFile(const AnalysingFile&) = delete;
    AnalysingFile& operator=(const AnalysingFile&) = delete;

private:
    int m_previous;
};

void readAndHash(Importer::Prepared& p) {
    QFile f(p.path);
    if (!f.open(QIODevice::ReadOnly)) {
        p.readError = QStringLiteral("%1: cannot read the file: %2").arg(p.path, f.errorString());
        return;
    }
    p.bytes = f.readAll();
    f.close();
    p.sha = sha256Hex(p.bytes);
}

} // namespace

int Importer::fileIndexBeingAnalysed() {
    return t_fileIndex;
}

namespace {

// One search batch per importFile/importFiles call (Database::beginSearchBatch): the index catches up
// every few plans and when the call returns, whether it finished, stopped early or failed.
class SearchBatch {
public:
    explicit SearchBatch(Database& db)
        : m_db(db) {
        m_db.beginSearchBatch();
    }
    ~SearchBatch() {
        // What fails to be indexed stays listed (search_pending): search finds it, the next catch-up
        // indexes it.
        if (Status s = m_db.endSearchBatch(); !s)
            qWarning().noquote() << s.errorMessage();
    }
    SearchBatch(const SearchBatch&) = delete;
    SearchBatch& operator=(const SearchBatch&) = delete;

private:
    Database& m_db;
};

} // namespace

FileImport Importer::importFile(const QString& path) {
    const SearchBatch batch(m_db);
    Prepared p;
    p.path = path;
    p.stem = QFileInfo(path).completeBaseName();
    readAndHash(p);
    return store(p);
}

// The second half of importFile, on the thread that owns the connection. The unchanged check is
// made here, against the database as it is now (an earlier file of the same run may have stored
// the same doc id); an analysis made ahead is only used when the file must be stored.
FileImport Importer::store(Prepared& p) {
    FileImport r;
    r.path = p.path;
    r.docId = p.stem;
    if (!p.readError.isEmpty()) {
        r.reason = p.readError;
        return r;
    }
    const QString& path = p.path;
    const QString& sha = p.sha;
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
    if (!p.analysis) {
        const AnalysingFile marker(p.index);
        p.analysis = m_analyzer(p.bytes, path);
    }
    Result<Analysis>& a = *p.analysis;
    if (!a) {
        r.reason = a.errorMessage().contains(path) ? a.errorMessage()
                                                   : QStringLiteral("%1: %2").arg(path, a.errorMessage());
        return r;
    }
    Analysis analysis = std::move(a).value();
    p.analysis.reset();
    analysis.document.sha256 = sha;
    if (analysis.document.path.isEmpty())
        analysis.document.path = path;
    if (analysis.document.meta.docId.isEmpty())
        analysis.document.meta.docId = r.docId;
    r.docId = analysis.document.meta.docId;
    qint64 id = 0;
    Result<Database::ImportOutcome> stored =
        m_db.importAnalysis(analysis, &id, p.bytes, p.packed ? &*p.packed : nullptr);
    p.packed.reset();
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

// A pipeline: worker threads read, hash and analyse up to `ahead` files beyond the one the calling
// thread stores. What a worker may skip is decided on the calling thread when the file is handed
// out: a file whose hash equals the version stored under its stem at that moment is not analysed
// (it will most likely be reported unchanged), nor is one whose stem an earlier file still in the
// pipeline shares (storing that one changes the answer). store() decides again against the
// database as it is then, and analyses on the calling thread whatever it needs and lacks — so the
// reports and the stored rows are those of importing the files one after another.
QList<FileImport> Importer::importFiles(const QStringList& paths, const ImportOptions& options) {
    QList<FileImport> out;
    const SearchBatch batch(m_db);
    const int total = int(paths.size());
    const int ahead =
        options.analysesAhead == ImportOptions::PerCore ? QThread::idealThreadCount() : options.analysesAhead;
    auto finished = [&](const FileImport& r) {
        out.append(r);
        return !options.progress || options.progress(int(out.size()), total, out.last());
    };
    if (ahead <= 0 || total < 2 || !m_analyzer) {
        for (int i = 0; i < total; ++i) {
            if (options.starting && !options.starting(i, total))
                break;
            Prepared p;
            p.index = i;
            p.path = paths[i];
            p.stem = QFileInfo(p.path).completeBaseName();
            readAndHash(p);
            if (!finished(store(p)))
                break;
        }
        return out;
    }

    struct Slot {
        std::shared_ptr<Prepared> prepared;
        std::future<void> ready;
    };
    std::vector<Slot> pipeline(static_cast<size_t>(total));
    std::atomic<bool> stopped{false};
    QThreadPool pool; // declared after what its tasks use: its destructor waits for them
    pool.setMaxThreadCount(std::min(ahead, total));
    int handedOut = 0;
    const bool packAhead = !m_db.isPostgres(); // PostgreSQL stores the texts plain
    auto handOut = [&](int j) {
        auto p = std::make_shared<Prepared>();
        p->index = j;
        p->path = paths[j];
        p->stem = QFileInfo(p->path).completeBaseName();
        bool analyse = true;
        for (int k = j - 1; k >= 0 && pipeline[size_t(k)].prepared; --k)
            analyse = analyse && pipeline[size_t(k)].prepared->stem != p->stem;
        const QString storedSha = analyse ? m_db.storedSha256(p->stem) : QString();
        auto task =
            std::make_shared<std::packaged_task<void()>>([this, p, analyse, storedSha, packAhead, &stopped] {
                readAndHash(*p);
                if (!p->readError.isEmpty() || !analyse || p->sha == storedSha || stopped.load())
                    return;
                const AnalysingFile marker(p->index);
                p->analysis = m_analyzer(p->bytes, p->path);
                // The rows' compression too, so that the storing thread only binds and steps.
                if (packAhead && *p->analysis && !stopped.load())
                    p->packed = store::packPlan(p->analysis->value().document);
            });
        pipeline[size_t(j)] = Slot{p, task->get_future()};
        pool.start([task] { (*task)(); });
    };
    for (int i = 0; i < total; ++i) {
        if (options.starting && !options.starting(i, total))
            break;
        while (handedOut < total && handedOut <= i + ahead)
            handOut(handedOut++);
        Slot& slot = pipeline[size_t(i)];
        slot.ready.get();
        const FileImport r = store(*slot.prepared);
        slot.prepared.reset();
        if (!finished(r))
            break;
    }
    stopped = true;
    pool.waitForDone();
    return out;
}

} // namespace pc
