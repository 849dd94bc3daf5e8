// Import of plan files into the database: hash, skip unchanged, analyse, store — one report per file.
#pragma once

#include "common/result.h"

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
using Analyzer = std::function<Result<Analysis>(const QByteArray& bytes, const QString& path)>;

struct ImportOptions {
    // Called after each file; return false to stop (files not reached are not reported).
    std::function<bool(int done, int total, const FileImport& last)> progress;
};

class Importer {
public:
    Importer(Database& db, Analyzer analyzer);

    // Reads the file, skips it if its SHA-256 equals the stored version of the same doc id (file
    // stem), else analyses it and stores it in one transaction. Never throws; failures are reported.
    FileImport importFile(const QString& path);
    QList<FileImport> importFiles(const QStringList& paths, const ImportOptions& options = {});

private:
    Database& m_db;
    Analyzer m_analyzer;
};

QString sha256Hex(const QByteArray& bytes);

} // namespace pc
