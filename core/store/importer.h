// Import of plan files into the database: hash, skip unchanged, analyse, store — one report per file.
#pragma once

#include "common/result.h"
#include "common/sha256.h" // sha256Hex, the file identity compared here

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace pc {

class Database;
struct Analysis;

enum class ImportStatus { Imported, Replaced, Unchanged, Failed };
QString importStatusName(ImportStatus s); // imported | replaced | unchanged | failed

struct FileImport {
    QString path;
    QString docId;
    ImportStatus status = ImportStatus::Failed;
    QString reason; // for Failed: names the file and the problem
    qint64 documentId = 0;
    int measures = 0;
    int targets = 0;
    QStringList overrideProblems; // corrections that no longer match the new text
    bool operator==(const FileImport&) const = default;
};

// Turns a file's bytes into an Analysis. The CLI and GUI pass pc::analyzeBytes with their taxonomy
// (and the manifest entry, if any); tests pass hand-built analyses. Keeps the store free of parsing.
// The importer sets Document::sha256 itself (it hashed the bytes to skip an unchanged file), so an
// analyser need not hash them again (AnalyzeOptions::identify = false).
using Analyzer = std::function<Result<Analysis>(const QByteArray& bytes, const QString& path)>;

struct ImportOptions {
    // Called after each file; return false to stop (files not reached are not reported).
    std::function<bool(int done, int total, const FileImport& last)> progress;
    // Called before file `index` is taken up; return false to stop there (it is not reported).
    std::function<bool(int index, int total)> starting;
    // How many files are read, hashed and analysed ahead of the one being stored, on worker threads,
    // while the calling thread stores: the files are still stored in the order given, one
    // transaction per plan, with the same reports as one after another. PerCore (the default):
    // QThread::idealThreadCount(); 0: none (everything on the calling thread). With any other
    // value the analyser is called from several threads at once and must be safe for that. At most
    // this many analyses are held besides the one being stored (memory stays bounded).
    static constexpr int PerCore = -1;
    int analysesAhead = PerCore;
};

class Importer {
public:
    Importer(Database& db, Analyzer analyzer);

    // Reads the file, skips it if its SHA-256 equals the stored version of the same doc id (file
    // stem), else analyses it and stores it in one transaction. Never throws; failures are reported.
    FileImport importFile(const QString& path);
    QList<FileImport> importFiles(const QStringList& paths, const ImportOptions& options = {});

    // While the analyser runs for importFiles(): the index of its file in `paths` (on whichever
    // thread runs it); -1 elsewhere. Lets an analyser report its progress against the right file.
    static int fileIndexBeingAnalysed();

    struct Prepared; // a file read, hashed and perhaps analysed, waiting for its store

private:
    FileImport store(Prepared& p);

    Database& m_db;
    Analyzer m_analyzer;
};

} // namespace pc
