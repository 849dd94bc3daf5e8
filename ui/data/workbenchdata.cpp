// Helpers shared by every WorkbenchData implementation.
#include "workbenchdata.h"

#include "export/reporthtml.h"

namespace pc::ui {

QString targetFieldName(TargetField field) {
    switch (field) {
    case TargetField::Value:
        return QStringLiteral("value");
    case TargetField::Comparator:
        return QStringLiteral("comparator");
    case TargetField::Unit:
        return QStringLiteral("unit");
    case TargetField::Baseline:
        return QStringLiteral("baseline");
    case TargetField::Deadline:
        return QStringLiteral("deadline");
    case TargetField::Scope:
        return QStringLiteral("scope");
    case TargetField::Indicator:
        return QStringLiteral("indicator");
    case TargetField::NotTarget:
        return QStringLiteral("not_target");
    }
    return {};
}

QString targetFieldValue(const ComparisonRow& row, TargetField field) {
    switch (field) {
    case TargetField::Value:
        return row.value ? report::number(*row.value) : QString();
    case TargetField::Comparator:
        return row.comparator;
    case TargetField::Unit:
        return row.unit;
    case TargetField::Baseline:
        return row.baseline ? report::number(*row.baseline) : QString();
    case TargetField::Deadline:
        return row.deadline;
    case TargetField::Scope:
        return row.scope;
    case TargetField::Indicator:
        return row.indicator;
    case TargetField::NotTarget:
        return {};
    }
    return {};
}

Result<QList<CoverageCell>> WorkbenchData::coverageOfAreas(const QList<PlanInfo>& plans) {
    Q_UNUSED(plans);
    QList<CoverageCell> out;
    for (const Area& a : areas()) {
        Result<QList<CoverageCell>> cells = coverage(a.id);
        if (!cells)
            return cells.error();
        out += cells.value();
    }
    return out;
}

const Indicator* WorkbenchData::findIndicator(const QString& id) const {
    if (m_indicatorCache.isEmpty())
        m_indicatorCache = indicators();
    for (const Indicator& i : m_indicatorCache)
        if (i.id == id)
            return &i;
    return nullptr;
}

QString WorkbenchData::indicatorName(const QString& id, Language language) const {
    if (const Indicator* i = findIndicator(id))
        return naming::indicatorName(*i, language);
    if (id.startsWith(QLatin1String("other:")))
        return language == Language::English ? naming::otherIndicatorName(id, language) : id.mid(6);
    return id;
}

QString WorkbenchData::areaName(const QString& id, Language language) const {
    for (const Area& a : areas())
        if (a.id == id)
            return naming::areaName(a, language);
    return id;
}

Result<QList<Note>> WorkbenchData::notes(NoteOn, qint64) {
    return QList<Note>{};
}

Result<qint64> WorkbenchData::addNote(NoteOn, qint64, const QString&) {
    return Error{QStringLiteral("%1: notes are not available here").arg(location()),
                 QStringLiteral("no-notes")};
}

Status WorkbenchData::editNote(qint64, const QString&) {
    return Status::failure(QStringLiteral("%1: notes are not available here").arg(location()),
                           QStringLiteral("no-notes"));
}

Status WorkbenchData::removeNote(qint64) {
    return Status::failure(QStringLiteral("%1: notes are not available here").arg(location()),
                           QStringLiteral("no-notes"));
}

Result<QList<ParserNote>> WorkbenchData::parserNotes(const QString&) {
    return QList<ParserNote>{};
}

Result<align::Plan> WorkbenchData::alignmentPlan(const QString& docId) {
    return Result<align::Plan>::failure(
        QStringLiteral("%1: plan %2 is not in a database").arg(location(), docId), QStringLiteral("no-plan"));
}

Status WorkbenchData::exportTables(const QString&, const QString& path, const QString&, const QString&) {
    return Status::failure(QStringLiteral("%1: exports need a database (%2)").arg(path, location()),
                           QStringLiteral("no-export"));
}

Result<std::pair<qint64, qint64>> WorkbenchData::compactDatabase() {
    return Error{QStringLiteral("%1: only an SQLite database file can be compacted").arg(location()),
                 QStringLiteral("bad-value")};
}

Status WorkbenchData::savePlanSet(const QString& name, const QStringList&) {
    return Status::failure(
        QStringLiteral("plan set %1: plan sets need a database (%2)").arg(name, location()),
        QStringLiteral("no-store"));
}

Status WorkbenchData::correctPlan(const QString& docId, const QString&, const QString&) {
    return Status::failure(QStringLiteral("%1: plan corrections need a database (%2)").arg(docId, location()),
                           QStringLiteral("no-store"));
}

Result<QList<QPair<QString, QList<ComparisonRow>>>> WorkbenchData::allRows() {
    QList<QPair<QString, QList<ComparisonRow>>> out;
    for (const Indicator& ind : indicators()) {
        Result<QList<ComparisonRow>> r = rows(ind.id);
        if (!r)
            return r.error();
        if (!r->isEmpty())
            out.append({ind.id, std::move(r.value())});
    }
    return out;
}

} // namespace pc::ui
