// What a plan's SQLite rows hold in packed form, made before the plan's transaction: on an import's
// worker thread (Importer::importFiles) while the calling thread stores the plan before it, or by
// importAnalysis itself when nobody made it ahead.
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <vector>

namespace pc {
struct Document;
struct Measure;
} // namespace pc

namespace pc::store {

struct PackedPlan {
    struct MeasureRow {
        QString units;      // the units text of the row (unitsText below)
        QByteArray utf8[3]; // title, body and units as UTF-8: what the search index is given
        QByteArray packed;  // measures.body: the four texts in one value (textpack::packMeasure)
    };
    QVariant source;                  // sources.text (store::packSourceUtf8)
    QByteArray sourceUtf8;            // doc.source as UTF-8 (compared with the original file: schema 24)
    std::vector<MeasureRow> measures; // in doc.measures' order
    qsizetype sourceLength = -1;      // doc.source.size(), to tell a plan packed for another document

    // Whether this was packed from `doc` (the same text length and number of measures).
    bool isFor(const Document& doc) const;
};

// The packed values of `doc`'s rows for SQLite. Safe on any thread (the packing contexts are per thread,
// the dictionary is shared read-only); pure: the same document gives the same bytes.
PackedPlan packPlan(const Document& doc);

// The units text a measure's row stores: the written names of its lead and partner units, its
// sub-items' included, each once, space-separated.
QString unitsText(const Measure& m);

} // namespace pc::store
