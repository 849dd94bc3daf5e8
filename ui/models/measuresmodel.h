// Measures model and its filter: all measures, sortable, filtered by jurisdiction, area and search hits.
#pragma once

#include "data/workbenchdata.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

namespace pc::ui {

class MeasuresModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        JurisdictionColumn,
        AreaColumn,
        NumberColumn,
        TitleColumn,
        LeadColumn,
        PartnersColumn,
        DeadlineColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        MeasureIdRole,
        DocIdRole,
        AreaIdRole,
        BodyRole,
        StartRole,
        ConfidenceRole,    // double, the parser's confidence in the measure
        LowConfidenceRole, // bool: shown grey and italic with a warning icon
        JurisdictionRole,  // the stored (Chinese) jurisdiction, whatever the interface language
    };
    // Below this the parser had to guess (generic paragraphs, reconstructed table rows): the
    // parsers give 1.0 to measures they read by their structure and 0.5 or less otherwise.
    static constexpr double kLowConfidence = 0.8;

    explicit MeasuresModel(QObject* parent = nullptr);
    // `planOrder`: doc ids municipal first, so sorting by jurisdiction keeps that order.
    // `areas` name the area column (in the interface language).
    void setMeasures(const QList<MeasureRow>& measures, const QList<Area>& areas,
                     const QStringList& planOrder);
    const QList<MeasureRow>& measures() const { return m_rows; }

    // The interface language changed: every header and cell is shown anew (no reset, so selections stay).
    void retranslate();
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MeasureRow> m_rows;
    QHash<QString, Area> m_areas;
    QHash<QString, int> m_planOrder;
};

class MeasuresFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit MeasuresFilter(QObject* parent = nullptr);
    void setJurisdiction(const QString& jurisdiction); // empty = all
    void setArea(const QString& areaId);               // empty = all
    // Measures allowed by the full-text search, best first; std::nullopt = no search.
    void setSearchHits(const std::optional<QList<SearchHit>>& hits);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_jurisdiction, m_area;
    bool m_searching = false;
    QHash<qint64, double> m_hits;
};

} // namespace pc::ui
