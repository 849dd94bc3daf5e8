// Comparison rows: one API for the CLI, the GUI and the reports.
#pragma once

#include "common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pc {

class Database;

// One target of one plan for one indicator, with everything needed to cite it.
struct ComparisonRow {
    qint64 targetId = 0;
    qint64 documentId = 0;
    QString docId;        // file stem
    QString jurisdiction; // 渝中区
    QString level;        // municipal | district
    int year = 0;
    QString docNumber; // 文号
    QString issuedOn;  // YYYY-MM-DD
    QString docTitle;
    int measureNumber = 0;
    QString area;
    QString indicator;
    QString scope;
    QString kind;
    QString comparator;
    std::optional<double> value;
    QString unit;
    std::optional<double> baseline;
    QString deadline;
    QString quote;        // exact source text
    qsizetype start = -1; // source span
    qsizetype end = -1;
    QString sentence; // the whole source sentence around the quote, for display
    bool qualitative = false;
    bool corrected = false; // a user override changed this row
    double confidence = 1.0;
    qint64 measureId = 0;
    bool rejected = false;       // marked "not a target" (only listed when asked for)
    bool userAdded = false;      // added by the user from a source span
    QStringList correctedFields; // which fields an override changed: value, unit, comparator, …
    QString section;             // where it was found: measure | goal | table | other
    QString sectionHeading;      // the nearest heading above it
    int page = 0;                // 1-based page of the quote in the original file (PDF); 0 without pages
    qint64 version = 0; // the target's row version when read: a correction passes it (stale-edit check)
    bool operator==(const ComparisonRow&) const = default;
};

enum class Coverage { NumberSet, MentionedNoNumber, Silent };

// For an area report: per indicator and jurisdiction, whether the plan sets a number.
struct CoverageCell {
    QString indicator;
    QString docId;
    QString jurisdiction;
    Coverage coverage = Coverage::Silent;
    int targets = 0;
    bool operator==(const CoverageCell&) const = default;
};

// A plan as listed in comparisons (municipal first, then districts by name).
struct PlanInfo {
    qint64 documentId = 0;
    QString docId;
    QString jurisdiction;
    QString level;
    int year = 0;
    QString docNumber;
    QString issuedOn;
    QString title;
    QString jurisdictionCode;    // GB/T 2260 from the gazetteer
    QString planKind;            // comprehensive | special
    QString implementsDocNumber; // 文号 of the plan it implements (根据《…》（…）)
    bool operator==(const PlanInfo&) const = default;
};

namespace compare {
// Rows for one indicator: municipal first, then districts (by jurisdiction, year), then measure order.
// Every plan's rows, without ComparisonRow::sentence (on SQLite; PostgreSQL's rows have it): what shows
// or exports the rows reads it with Database::readSentences (the selection's byIndicator does).
Result<QList<ComparisonRow>> byIndicator(Database& db, const QString& indicatorId);
Result<QList<CoverageCell>> coverageOfArea(Database& db, const QString& areaId);
Result<QList<PlanInfo>> plans(Database& db);
// Coverage counts for display: indicator ids of the area in taxonomy order.
QString coverageName(Coverage c); // number_set | mentioned | silent
} // namespace compare

} // namespace pc
