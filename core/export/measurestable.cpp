// Measures table rows (units ';'-separated, as written).
#include "measurestable.h"

namespace pc {
namespace {

QString joinUnits(const QList<Unit>& units) {
    QStringList names;
    for (const Unit& u : units)
        names.append(u.written);
    return names.join(QLatin1Char(';'));
}

} // namespace

QStringList measuresHeader() {
    return {QStringLiteral("doc"),           QStringLiteral("area_heading"), QStringLiteral("measure_no"),
            QStringLiteral("measure_title"), QStringLiteral("lead"),         QStringLiteral("partners"),
            QStringLiteral("deadline"),      QStringLiteral("area"),         QStringLiteral("start"),
            QStringLiteral("end"),           QStringLiteral("confidence"),   QStringLiteral("layout"),
            QStringLiteral("remark")};
}

QString measureDeadlineCell(const Measure& m) {
    QStringList seen;
    for (const SubItem& s : m.items) {
        if (!s.deadline.isEmpty() && !seen.contains(s.deadline))
            seen.append(s.deadline);
    }
    if (seen.isEmpty() && !m.deadline.isEmpty())
        seen.append(m.deadline);
    return seen.join(QLatin1Char(';'));
}

QList<QStringList> measuresRows(const Document& doc) {
    QList<QStringList> rows;
    for (const Measure& m : doc.measures) {
        rows.append({doc.meta.docId, m.areaHeading, QString::number(m.number), m.title, joinUnits(m.lead),
                     joinUnits(m.partners), measureDeadlineCell(m), m.area, QString::number(m.span.start),
                     QString::number(m.span.end), QString::number(m.confidence, 'f', 2),
                     layoutName(doc.layout), m.remark});
    }
    return rows;
}

} // namespace pc
