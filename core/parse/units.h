// Responsible units: splitting a cell or a "牵头单位：…" clause into units, and normalizing names.
#pragma once

#include "model/document.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace pc::parse {

struct UnitClauses {
    QList<Unit> lead;
    QList<Unit> partners;
    bool found = false; // a 牵头单位-style label was present
};

class UnitNamer {
public:
    // jurisdiction: 江津区 / 重庆市 …; names written with it are folded to the generic 区/市 form.
    explicit UnitNamer(QString jurisdiction = {});

    // Splits on 、，,；; and on line breaks that end a unit name (a break inside a name is a wrap).
    QList<Unit> split(QStringView cell) const;
    // Reads "牵头单位：A、B，责任单位：C" (inside or outside parentheses).
    UnitClauses clauses(QStringView text) const;
    QString normalizedName(const QString& written) const;

private:
    QString computeNormalized(const QString& written) const;
    QString m_jurisdiction;
    mutable QHash<QString, QString> m_cache; // plans repeat the same units on every row
};

// A unit's name without blanks, the brackets and the full stop a cut clause leaves around it.
QString cleanUnitName(const QString& written);

// The long forms of agency names a normalized name replaces by their short forms, in that order.
const QList<std::pair<QString, QString>>& agencyAliases();

// Appends units not already present (by normalized name), keeping order.
void mergeUnits(QList<Unit>& into, const QList<Unit>& more);
QString joinWritten(const QList<Unit>& units, QChar sep = QLatin1Char(';'));

} // namespace pc::parse
