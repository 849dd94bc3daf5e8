// The whole file → model pipeline: read, parse, extract targets, classify. Used by the CLI,
// the store's import and the GUI's importer alike.
#pragma once

#include "common/result.h"
#include "model/document.h"
#include "model/target.h"
#include "read/readresult.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace pc {

class Classifier;
class Taxonomy;
struct ManifestEntry;

struct Analysis {
    Document document;     // measures carry their canonical area
    QList<Target> targets; // every target carries an indicator (or other:<name>)
};

struct AnalyzeOptions {
    const ManifestEntry* manifest = nullptr;   // fills metadata gaps only
    std::function<bool(int percent)> progress; // return false to cancel
    // A classifier built on the same taxonomy, shared by the files of one run (built per file if null).
    const Classifier* classifier = nullptr;
    bool identify = true; // compute Document::sha256 (see ParseOptions::identify)
};

// Reads the file (UTF-8 or GB18030; binary rejected) and runs the pipeline. Errors name the file.
Result<Analysis> analyzeFile(const QString& path, const Taxonomy& taxonomy,
                             const AnalyzeOptions& options = {});
// Same on bytes already read; `path` names the origin (doc id = its stem).
Result<Analysis> analyzeBytes(const QByteArray& bytes, const QString& path, const Taxonomy& taxonomy,
                              const AnalyzeOptions& options = {});

// Same on a file the reader layer has already read (`bytes`: the original file, for its hash).
Result<Analysis> analyzeRead(read::ReadResult read, const QByteArray& bytes, const QString& path,
                             const Taxonomy& taxonomy, const AnalyzeOptions& options = {});

} // namespace pc
