// Value types the store hands out: documents, measures, search hits, overrides and notes as stored.
#pragma once

#include "read/readresult.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pc {

// One imported plan (a row of `documents`), with counts for list views.
struct DocumentRecord {
    qint64 id = 0;
    QString docId; // file stem, e.g. "dazu-2019"
    QString jurisdiction;
    QString level; // municipal | district | ""
    int year = 0;
    QString docNumber;
    QString issuer;
    QString issuedOn;
    QString title;
    QString sourcePath;
    QString sha256;
    QString layout;
    QString encoding;
    double parseConfidence = 1.0;
    QString importedAt; // ISO 8601 UTC
    int measureCount = 0;
    int targetCount = 0;         // effective targets (not rejected), including user-added ones
    QString jurisdictionCode;    // GB/T 2260 (gazetteer); empty for zones and places outside it
    QString planKind;            // comprehensive | special
    QString implementsTitle;     // 根据《…》 as the text names it
    QString implementsDocNumber; // its 文号
    QString parsedJurisdiction;  // what the parser guessed (jurisdiction is the effective one)
    bool operator==(const DocumentRecord&) const = default;
};

// A researcher's correction of a plan's metadata (plan_corrections): field jurisdiction, year or kind.
struct PlanCorrection {
    QString docId;
    QString field;
    QString value;
    QString createdAt;
    bool operator==(const PlanCorrection&) const = default;
};

// The original file a plan was imported from, as stored (document_files), and its reader's maps.
struct StoredFile {
    QString format;      // read::formatName: text, docx, html, pdf
    QByteArray original; // the file's bytes, uncompressed
    int pageCount = 0;
    QList<qsizetype> pageStarts;
    QList<read::OriginRun> origins;
    bool operator==(const StoredFile&) const = default;
};

// One measure with its effective (possibly corrected) area.
struct MeasureRecord {
    qint64 id = 0;
    qint64 documentId = 0;
    QString docId;
    QString jurisdiction;
    QString level;
    int number = 0;
    QString title;
    QString body;
    QString areaHeading;
    QString area;       // effective area (user override wins)
    QString parsedArea; // what classification said
    bool areaCorrected = false;
    QString deadline;
    QStringList lead; // normalized unit names
    QStringList partners;
    QString remark;
    qsizetype start = -1; // source span of the whole measure
    qsizetype end = -1;
    double confidence = 1.0;
    int targetCount = 0;
    bool operator==(const MeasureRecord&) const = default;
};

// Filters for Database::measures(); empty fields do not filter.
struct MeasureFilter {
    qint64 documentId = 0;
    QString docId;
    QString area;         // effective area id
    QString unit;         // lead or partner (normalized name, exact)
    QString deadlineFrom; // YYYY-MM, inclusive
    QString deadlineTo;   // YYYY-MM, inclusive
    bool withTargetsOnly = false;
    int limit = -1;
    int offset = 0;
};

// Filters for Database::targets(); empty fields do not filter.
struct TargetFilter {
    qint64 documentId = 0;
    QString docId;
    qint64 measureId = 0;
    QString indicator;            // effective indicator id
    QString area;                 // effective area of the target
    bool includeRejected = false; // rows the user marked "not a target"
    // false: ComparisonRow::sentence is left empty where reading it costs (SQLite, indicator only: a
    // comparison reads every plan's rows but shows sentences only for those it displays or exports,
    // which Database::readSentences fills).
    bool sentences = true;
};

struct DocumentIssue {
    QString severity; // info | warning | error
    QString code;
    QString message;
    qsizetype start = -1;
    qsizetype end = -1;
    bool operator==(const DocumentIssue&) const = default;
};

struct SearchOptions {
    int limit = 20;
    int snippetChars = 36; // characters of context on each side of the first hit
    QString highlightOpen = QStringLiteral("[");
    QString highlightClose = QStringLiteral("]");
    bool html = false; // escape the snippet as HTML (the markers are inserted as given)
    QString docId;     // restrict to one plan
    // Rank at most this many matching measures, the most recently imported ones (0: all). Ranking
    // costs one to two microseconds per match; a one-character query over 10,000 plans matches
    // 200,000 measures. SearchInfo::capped says when the limit cut in.
    int candidateLimit = 5000;
};

// How a search went, for an honest note beside the hits.
struct SearchInfo {
    bool capped = false; // more measures matched than SearchOptions::candidateLimit
    int rankedAmong = 0; // when capped: how many (the most recently imported) were ranked
};

// A measure matching a search, best first.
struct SearchHit {
    qint64 measureId = 0;
    qint64 documentId = 0;
    QString docId;
    QString jurisdiction;
    int measureNumber = 0;
    QString title;
    QString area;
    QString snippet;      // context around the hits, hits wrapped in the highlight markers
    double score = 0;     // bm25 (lower is better, as SQLite reports it)
    qsizetype start = -1; // source span of the measure
    qsizetype end = -1;
    bool operator==(const SearchHit&) const = default;
};

// What an override changes. Target fields apply to a parsed (or user-added) target; MeasureArea to
// a measure; RejectTarget marks a target "not a target"; AddTarget creates one from a source span.
enum class OverrideKind {
    TargetValue,
    TargetUnit,
    TargetComparator,
    TargetIndicator,
    TargetDeadline,
    TargetKind,
    TargetScope,
    TargetBaseline,
    RejectTarget,
    AddTarget,
    MeasureArea,
};
QString overrideKindName(OverrideKind k); // "value", "unit", …, "reject", "add", "area"
std::optional<OverrideKind> overrideKindFromName(const QString& name);

// A user correction as stored. Its anchor (document id + source span + the text and value it
// was made on) is what survives a re-import; `applies` says whether it matched the current rows.
struct OverrideRecord {
    qint64 id = 0;
    QString docId;
    QString docSha256; // of the file version the correction was made on
    OverrideKind kind = OverrideKind::TargetValue;
    QString value; // new value as text ("8", "工作日", "<=", "wa.time", "2020-12"; JSON for AddTarget)
    QString originalValue; // what the parser had, for the record
    qsizetype anchorStart = -1;
    qsizetype anchorEnd = -1;
    QString anchorText; // the quote (target), the measure title/opening (measure), the span text (add)
    QString createdAt;
    QString createdBy;    // database user (PostgreSQL) or login name (SQLite) who made it
    bool applies = false; // matched a row at the last apply
    qint64 appliedTo = 0; // target or measure id it was applied to (0 when it does not apply)
    bool operator==(const OverrideRecord&) const = default;
};

// One change of a target: a correction or its undo, by whom and when.
struct TargetChange {
    QString field;         // value, unit, comparator, indicator, deadline, kind, scope, baseline, rejected
    QString oldValue;      // effective value before the change
    QString newValue;      // after it ("" for an undo back to the parser's value)
    qint64 rowVersion = 0; // the target's version after the change
    QString changedBy;
    QString changedAt; // ISO 8601 UTC
    bool operator==(const TargetChange&) const = default;
};

enum class NoteSubject { Document, Measure, Target };
QString noteSubjectName(NoteSubject s); // document | measure | target

// A user note, anchored like an override so it follows the text across re-imports.
struct NoteRecord {
    qint64 id = 0;
    NoteSubject subject = NoteSubject::Document;
    QString docId;
    qsizetype anchorStart = -1;
    qsizetype anchorEnd = -1;
    QString anchorText;
    QString text;
    QString createdAt;
    QString updatedAt;
    QString createdBy;
    QString updatedBy;
    qint64 subjectId = 0; // current document/measure/target id, 0 if the anchor no longer matches
    bool operator==(const NoteRecord&) const = default;
};

struct NoteFilter {
    QString docId;
    std::optional<NoteSubject> subject;
    qint64 subjectId = 0; // with `subject`: notes of that row only
};

struct StoreCounts {
    int documents = 0;
    int sections = 0;
    int measures = 0;
    int targets = 0; // all target rows, rejected included
    int overrides = 0;
    int notes = 0;
    bool operator==(const StoreCounts&) const = default;
};

} // namespace pc
