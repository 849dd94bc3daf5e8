// Coverage cells of every area in one pass.
#include "coveragebuilder.h"

#include <algorithm>

namespace pc::ui {

CoverageBuilder::CoverageBuilder(const QList<Area>& areas, const QList<Indicator>& indicators)
    : m_areas(areas)
    , m_indicators(indicators) {
    for (int i = 0; i < int(m_indicators.size()); ++i) {
        for (const QString& cue : m_indicators.at(i).cues) {
            if (cue.isEmpty())
                continue;
            const int id = m_matcher.add(cue);
            if (id >= int(m_indicatorsOfCue.size()))
                m_indicatorsOfCue.resize(id + 1);
            if (!m_indicatorsOfCue[id].contains(i))
                m_indicatorsOfCue[id].append(i);
        }
    }
}

void CoverageBuilder::addMentions(const QString& docId, const QString& area, QStringView text) {
    if (text.isEmpty())
        return;
    for (const CueMatcher::Hit& hit : m_matcher.find(text, 1)) {
        if (hit.count <= 0)
            continue;
        for (int i : m_indicatorsOfCue.at(hit.cue))
            if (m_indicators.at(i).area == area)
                m_mentioned.insert({docId, i});
    }
}

void CoverageBuilder::addMeasure(const QString& docId, const QString& area, QStringView title,
                                 QStringView body) {
    // Title and body are searched apart: a cue never spans the line break between them.
    addMentions(docId, area, title);
    addMentions(docId, area, body);
}

void CoverageBuilder::addTargets(const QList<ComparisonRow>& rows) {
    for (const ComparisonRow& r : rows) {
        ++m_counts[r.docId][r.indicator];
        if (r.indicator.startsWith(QLatin1String("other:")) && !m_others[r.area].contains(r.indicator))
            m_others[r.area] << r.indicator;
    }
}

QList<CoverageCell> CoverageBuilder::cells(const QList<PlanInfo>& plans) const {
    QList<CoverageCell> out;
    auto addCells = [&](const QString& indicatorId, int indicatorIndex) {
        for (const PlanInfo& p : plans) {
            CoverageCell cell;
            cell.indicator = indicatorId;
            cell.docId = p.docId;
            cell.jurisdiction = p.jurisdiction;
            cell.targets = m_counts.value(p.docId).value(indicatorId, 0);
            if (cell.targets > 0)
                cell.coverage = Coverage::NumberSet;
            else if (indicatorIndex >= 0 && m_mentioned.contains({p.docId, indicatorIndex}))
                cell.coverage = Coverage::MentionedNoNumber;
            else
                cell.coverage = Coverage::Silent;
            out.append(cell);
        }
    };
    for (const Area& a : m_areas) {
        for (int i = 0; i < int(m_indicators.size()); ++i)
            if (m_indicators.at(i).area == a.id)
                addCells(m_indicators.at(i).id, i);
        QStringList otherIds = m_others.value(a.id);
        std::sort(otherIds.begin(), otherIds.end());
        for (const QString& id : std::as_const(otherIds))
            addCells(id, -1);
    }
    return out;
}

} // namespace pc::ui
