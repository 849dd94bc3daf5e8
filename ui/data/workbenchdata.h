// What the workbench reads and writes, as one interface over the store, so views and models
// never see SQL and tests can run on hand-built data.
#pragma once

#include "align/alignment.h"
#include "common/result.h"
#include "compare/comparison.h"
#include "compare/planselection.h"
#include "naming/naming.h"
#include "taxonomy/taxonomy.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

namespace pc::ui {

// One measure of one plan, for the Measures table.
struct MeasureRow {
    qint64 id = 0;
    QString docId;
    QString jurisdiction;
    QString level; // municipal | district
    QString area;  // canonical area id
    int number = 0;
    QString title;
    QString body;
    QStringList lead;
    QStringList partners;
    QString deadline; // YYYY-MM, 已完成 or empty
    qsizetype start = -1;
    qsizetype end = -1;
    double confidence = 1.0; // how sure the parser is it read this measure right (0–1)
    bool operator==(const MeasureRow&) const = default;
};

// A full-text hit: which measure and how well it matched (lower rank = better).
struct SearchHit {
    qint64 measureId = 0;
    double rank = 0;
    QString snippet;
    bool operator==(const SearchHit&) const = default;
};

// What a search found. When more measures match than the store ranks (the store's candidate cap,
// SearchOptions::candidateLimit), only the most recently imported `rankedAmong` were ranked and the
// view says so; 0 when every match was ranked.
struct SearchResults {
    QList<SearchHit> hits;
    int rankedAmong = 0;
    bool operator==(const SearchResults&) const = default;
};

// A heading of a plan, for the Reader's outline.
struct OutlineEntry {
    int level = 1;
    QString label;
    QString heading;
    qsizetype start = -1;
    bool operator==(const OutlineEntry&) const = default;
};

// A plan's text as the reader shows it; target spans are offsets into `text`.
struct PlanText {
    PlanInfo plan;
    QString text;
    QList<qsizetype> pageStarts; // offset of each page's first character (PDF plans); empty otherwise
    QList<OutlineEntry> outline;
    QList<ComparisonRow> targets;
};

// The fields of a target a researcher may correct.
enum class TargetField { Value, Comparator, Unit, Baseline, Deadline, Scope, Indicator, NotTarget };
QString targetFieldName(TargetField field); // value, comparator, … (the store's override field names)

// A target typed in by the researcher from selected reader text.
struct NewTarget {
    QString docId;
    qsizetype start = -1;
    qsizetype end = -1;
    QString indicator;
    QString comparator;
    std::optional<double> value;
    QString unit;
    QString deadline;
    QString scope;
};

// What a researcher's note is attached to. A plan note uses PlanInfo::documentId, the others the
// target's or measure's id.
enum class NoteOn { Plan, Measure, Target };

// A researcher's note as the workbench shows it.
struct Note {
    qint64 id = 0;
    NoteOn on = NoteOn::Plan;
    qint64 subjectId = 0; // the plan, measure or target it is on now (0: its text is gone)
    QString text;
    QString createdAt; // ISO 8601 UTC
    QString updatedAt;
    bool operator==(const Note&) const = default;
};

// Something the parser flagged while reading a plan (numbers missing, passages skipped, …).
struct ParserNote {
    QString severity; // info | warning | error
    QString code;     // e.g. missing-measures
    QString message;
    qsizetype start = -1; // span in the plan text, -1 when the note is about the whole plan
    qsizetype end = -1;
    bool operator==(const ParserNote&) const = default;
};

// Result of importing one file.
struct ImportOutcome {
    enum class State { Imported, Unchanged, Failed };
    QString path;
    State state = State::Failed;
    QString message; // why it failed, or a summary (measures/targets)
};

class WorkbenchData {
public:
    virtual ~WorkbenchData() = default;

    virtual QString location() const = 0; // database path, for reports and the status bar
    // A database the user may only read (a reader role, a read-only file or --read-only): the views
    // offer no edits and say why (readOnlyReason, e.g. "role alice may only read it").
    virtual bool readOnly() const { return false; }
    virtual QString readOnlyReason() const { return {}; }
    virtual QList<Area> areas() const = 0;
    virtual QList<Indicator> indicators() const = 0;
    virtual Result<QList<PlanInfo>> plans() = 0; // of the plan selection, municipal first
    virtual Result<QList<ComparisonRow>> rows(const QString& indicatorId) = 0; // compare::byIndicator
    virtual Result<QList<CoverageCell>> coverage(const QString& areaId) = 0;   // compare::coverageOfArea
    // The coverage cells of every area, in areas() order, for `plans` (what plans() gave). The
    // default asks coverage() area by area; the store reads each plan's targets and measures once.
    virtual Result<QList<CoverageCell>> coverageOfAreas(const QList<PlanInfo>& plans);
    virtual Result<QList<MeasureRow>> measures() = 0;
    virtual Result<SearchResults> search(const QString& query) = 0;
    // How many matching measures a search ranks at most (the newest; more are not ranked and the
    // result says so). Below 0: the store's default (5,000); 0: no limit.
    void setSearchCandidateLimit(int limit) { m_searchCandidateLimit = limit; }
    int searchCandidateLimit() const { return m_searchCandidateLimit; }
    virtual Result<PlanText> planText(const QString& docId) = 0;

    // Corrections, stored as overrides that survive re-import; each returns the override's id, and
    // removing that override undoes it (the row returns to what the parser or older overrides said).
    virtual Result<qint64> setOverride(const ComparisonRow& row, TargetField field, const QString& value) = 0;
    virtual Result<qint64> addTarget(const NewTarget& target) = 0;
    virtual Status removeOverride(qint64 overrideId) = 0;

    // Notes on plans, measures and targets (stored beside the corrections, kept across re-imports).
    // `subjectId` 0 lists every note of that kind. The defaults say notes are not available, for
    // data sources without a store.
    virtual Result<QList<Note>> notes(NoteOn on, qint64 subjectId);
    virtual Result<qint64> addNote(NoteOn on, qint64 subjectId, const QString& text);
    virtual Status editNote(qint64 noteId, const QString& text);
    virtual Status removeNote(qint64 noteId);

    // What the parser flagged in a plan, by position in the text (whole-plan notes first).
    virtual Result<QList<ParserNote>> parserNotes(const QString& docId);

    // A stored plan's measures and (corrected) targets, for aligning it with another plan.
    virtual Result<align::Plan> alignmentPlan(const QString& docId);

    // Writes the tables of an export (pc::exporters(): "csv", "xlsx", "json") to `path`, filtered
    // to one indicator or area when given: the same files as `plancompare-cli export`. The default
    // says exports are not available, for data sources without a store.
    virtual Status exportTables(const QString& format, const QString& path, const QString& indicator,
                                const QString& area);

    // Parses and stores files. Runs on a worker thread: implementations use their own database
    // connection there. `progress(fileIndex, percent)` returns false to cancel.
    using ImportProgress = std::function<bool(int fileIndex, int percent)>;
    virtual QList<ImportOutcome> importFiles(const QStringList& paths, const ImportProgress& progress) = 0;

    // Giving an SQLite file's free pages back (Database::compact: the pages of replaced plans and of
    // indexes an upgrade dropped). Only a writable SQLite file can; freeBytes() is what it would give
    // back. compactDatabase() runs on a worker thread with its own connection and returns the file's
    // size before and after. The defaults say it is not available.
    virtual bool canCompact() const { return false; }
    virtual Result<qint64> freeBytes() { return qint64(0); }
    virtual Result<std::pair<qint64, qint64>> compactDatabase();

    // Which plans plans(), rows(), coverage() and exportTables() cover (the latest plan per
    // jurisdiction unless set otherwise). Data sources without a store may ignore it.
    void setPlanSelection(const PlanSelection& selection) { m_selection = selection; }
    const PlanSelection& planSelection() const { return m_selection; }
    // Every plan, whatever the selection (the set editor chooses from these); defaults to plans().
    virtual Result<QList<PlanInfo>> allPlans() { return plans(); }
    // Named plan sets and plan corrections; the defaults say they are not available.
    virtual Result<QStringList> planSetNames() { return QStringList(); }
    virtual Status savePlanSet(const QString& name, const QStringList& docIds);
    virtual Status correctPlan(const QString& docId, const QString& field, const QString& value);

    // Helpers over the lists above.
    const Indicator* findIndicator(const QString& id) const;
    // Display names in a language (naming::indicatorName / areaName; "other:" ids by their short name).
    QString indicatorName(const QString& id, Language language = Language::Chinese) const;
    QString areaName(const QString& id, Language language = Language::Chinese) const;
    // Every indicator that has at least one row, with its rows (the matrix' content).
    virtual Result<QList<QPair<QString, QList<ComparisonRow>>>> allRows();

protected:
    mutable QList<Indicator> m_indicatorCache;
    PlanSelection m_selection;
    int m_searchCandidateLimit = -1;
};

// The current value of `field` on `row`, as text (what the undo command restores).
QString targetFieldValue(const ComparisonRow& row, TargetField field);

} // namespace pc::ui
