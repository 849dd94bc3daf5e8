// Chart view: the indicator's bar chart (the shared painter's QChart) and its deadline timeline.
#pragma once

#include "chart/chartpainter.h"
#include "chart/scalecharts.h"

#include <optional>

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE
class QComboBox;

namespace pc::ui {

class LazyReload;
class Workbench;

// Paints the timeline of the current rows with TimelinePainter.
class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget* parent = nullptr);
    void setRows(const QList<ComparisonRow>& rows, const ChartStyle& style);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<ComparisonRow> m_rows;
    ChartStyle m_style;
};

class ChartView : public QWidget {
    Q_OBJECT
public:
    explicit ChartView(Workbench& workbench, QWidget* parent = nullptr);
    // The accessors bring the view up to date first: while it is hidden, changes only mark it out of
    // date (see LazyReload).
    const ChartSeriesData& series() const;
    ChartStyle style() const;
    QChart* chart() const;                    // the chart on show (owned by the view)
    const QList<ComparisonRow>& rows() const; // what the chart and timeline show
    void reload();
    void ensureCurrent() const;             // a reload that waited for the view to be shown, now
    void setVisible(bool visible) override; // brought up to date before it is shown
    // Which chart: plans (bars per plan with baselines, and the deadline timeline), or one that
    // scales to many jurisdictions: bars (sorted, municipal reference line), distribution, trend.
    bool setKind(const QString& name);
    QString kind() const;
    const ScaleChartData& scaleData() const;
    // File → Export chart…: asks for the file, size and DPI.
    void exportChart();

protected:
    void changeEvent(QEvent* event) override; // LanguageChange: names in the new language

private:
    Workbench& m_wb;
    QChartView* m_chartView;
    QComboBox* m_kind;
    std::optional<ScaleChartKind> m_scaleKind; // nullopt: the per-plan chart
    ScaleChartData m_scale;
    TimelineWidget* m_timeline;
    ChartSeriesData m_series;
    ChartStyle m_style;
    QList<ComparisonRow> m_rows;
    LazyReload* m_lazy;
};

} // namespace pc::ui
