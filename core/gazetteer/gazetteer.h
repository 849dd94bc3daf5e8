// The shipped gazetteer: Chongqing's districts, counties and functional zones with their GB/T 2260
// codes, and the guess of a plan's jurisdiction from its issuer and title.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pc::gazetteer {

struct Jurisdiction {
    QString code;          // GB/T 2260 (500111); empty for functional zones, which have none
    QString name;          // 大足区
    QString shortName;     // 大足
    QString nameEn;        // Dazu District
    QString kind;          // municipality | district | county | autonomous_county | zone
    QString parentCode;    // 500000 for every entry below the municipality
    QStringList aliases;   // other names plans write (石柱县, 重庆高新技术产业开发区)
    QString level() const; // municipal | district (the comparison's levels; zones and counties are district)
    bool operator==(const Jurisdiction&) const = default;
};

// Every entry of resources/gazetteer/chongqing.json (compiled in), the municipality first.
const QList<Jurisdiction>& all();
// By name, short name or alias (exact); nullptr when unknown.
const Jurisdiction* find(const QString& name);
const Jurisdiction* byCode(const QString& code);

// The jurisdiction a text names: a district, county or zone when one is named (the earliest; the
// longest name at the same place), else the municipality, else nullptr.
// guessFromPlan: the issuer first (重庆市大足区人民政府办公室 → 大足区), then the title, then the
// jurisdiction the parser read; nullptr for a place outside the gazetteer (成都市), even when its
// title mentions Chongqing.
const Jurisdiction* named(const QString& text);
const Jurisdiction* guessFromPlan(const QString& issuer, const QString& title,
                                  const QString& parsedJurisdiction = {});

} // namespace pc::gazetteer
