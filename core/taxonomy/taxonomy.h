// The canonical areas and indicators (resources/taxonomy/indicators.json, plus an optional user file).
#pragma once

#include "common/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace pc {

struct Area {
    QString id;       // start_business
    QString nameZh;   // 开办企业
    QString nameEn;   // Starting a business
    QStringList cues; // words in headings/measure text that place a measure in this area
    bool operator==(const Area&) const = default;
};

enum class Direction { Lower, Higher, None };

struct Indicator {
    QString id;     // wa.time
    QString area;   // water
    QString nameZh; // 用水报装时限
    QString nameEn; // Water connection time
    QString unit;   // usual unit, e.g. 工作日
    Direction better = Direction::Lower;
    QString definition; // one sentence for reports, English (file key "definition")
    QStringList cues;   // words in a target's sentence that classify it here
    bool userDefined = false;
    // The same sentence in Chinese (file key "definition_zh"). Braced so positional initializers
    // written before the field existed stay warning-free.
    QString definitionZh{};
    bool operator==(const Indicator&) const = default;

    // The definition in the interface language, falling back to the other one when it is missing.
    QString definitionIn(bool chinese) const {
        if (chinese)
            return definitionZh.isEmpty() ? definition : definitionZh;
        return definition.isEmpty() ? definitionZh : definition;
    }
};

class Taxonomy {
public:
    // The shipped file, merged with the user's file (same format; entries with an existing id
    // replace the shipped ones, new ids are added). Errors name the file and the problem.
    static Result<Taxonomy> load(const QString& shippedPath, const QString& userPath = {});
    // Shipped file found through findDataFile("taxonomy/indicators.json"), user file from
    // ~/.config/plancompare/indicators.json ($XDG_CONFIG_HOME) if it exists.
    static Result<Taxonomy> loadDefault();
    static QString userTaxonomyPath();

    const QList<Area>& areas() const { return m_areas; }
    const QList<Indicator>& indicators() const { return m_indicators; }
    const Area* area(const QString& id) const;
    const Indicator* indicator(const QString& id) const;
    QList<const Indicator*> indicatorsOf(const QString& areaId) const;

    // For ids like "other:电子证照互认类数" (not in the file): a synthetic indicator in its area.
    QString displayName(const QString& indicatorId) const;

private:
    QList<Area> m_areas;
    QList<Indicator> m_indicators;
    QHash<QString, qsizetype> m_areaIndex;
    QHash<QString, qsizetype> m_indicatorIndex;
    friend class TaxonomyBuilder;
};

} // namespace pc
