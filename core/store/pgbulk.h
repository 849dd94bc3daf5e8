// PostgreSQL's bulk import path: the rows of one analysed plan in one statement per table.
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace pc {
struct Analysis;
struct Measure;
} // namespace pc

namespace pc::store {

// One PostgreSQL array literal ('{1,NULL,"text"}') built from values as Qt Sql would bind them: an
// invalid or null QVariant and a null QString are NULL; numbers as numbers (doubles exactly); anything
// else as quoted text.
class ArrayLiteral {
public:
    void add(const QVariant& value);
    QString text() const { return m_text + QLatin1Char('}'); }
    qsizetype size() const { return m_count; }

private:
    QString m_text = QStringLiteral("{");
    qsizetype m_count = 0;
};

// bm25's length of a text on PostgreSQL: what the SQL function pc_token_count (migration 2) counts
// — each CJK character, each run of Latin letters and digits — computed here for the bulk path.
qint64 searchTokenCount(const QString& s);

// The import's own rules for two derived texts, passed in so that both engines' paths use the same.
struct PlanRowRules {
    QString (*unitsText)(const Measure&) = nullptr;
    QString (*sentenceAround)(const QString& source, qsizetype start, qsizetype end) = nullptr;
};

// Inserts the rows below a stored documents row — sections, measures, agencies and their links to
// measures, targets, issues — as Database::importAnalysis does on SQLite row by row, but with one
// INSERT … SELECT FROM unnest(arrays) per table (QPSQL sends every execution as its own round trip).
// Runs inside the caller's transaction; `label` names the database in messages.
Status insertPlanRowsPostgres(QSqlDatabase& db, const QString& label, qint64 documentId, const QString& docId,
                              const Analysis& analysis, const PlanRowRules& rules);

} // namespace pc::store
