// Diffusion view (传导): a plan's measures beside the measures of the plan it implements (by default
// the municipal plan), with the relation and similarity of each pair, the two texts side by side with
// their character differences highlighted, and a summary of every plan against the same plan.
#pragma once

#include "align/alignment.h"
#include "compare/comparison.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTableWidget;
class QTextBrowser;

namespace pc::ui {

class DiffusionFilter;
class DiffusionModel;
class Workbench;

class DiffusionView : public QWidget {
    Q_OBJECT
public:
    explicit DiffusionView(Workbench& workbench, QWidget* parent = nullptr);

    DiffusionModel* model() const { return m_model; }
    DiffusionFilter* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    QTableWidget* summaryTable() const { return m_summary; }
    QComboBox* planBox() const { return m_plan; }
    QComboBox* againstBox() const { return m_against; }
    QComboBox* showBox() const { return m_show; }
    QLabel* summaryLabel() const { return m_summaryLabel; }
    QTextBrowser* planText() const { return m_planText; }
    QTextBrowser* againstText() const { return m_againstText; }

    // Reads the plans again (after an import); aligns the chosen pair and the summary.
    void reload();
    // Shows the pair of the proxy row in the two text panes.
    void showPair(int proxyRow);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillPlanBoxes(const QString& keepPlan, const QString& keepAgainst);
    void updateSummaryLabel();
    void alignChosen();
    void fillSummary();
    align::Plan plan(const QString& docId);
    QHash<QString, Direction> betterDirections() const;

    Workbench& m_wb;
    DiffusionModel* m_model;
    DiffusionFilter* m_filter;
    QComboBox* m_plan;
    QComboBox* m_against;
    QComboBox* m_show;
    QLabel* m_planLabel;
    QLabel* m_againstLabel;
    QLabel* m_showLabel;
    QLabel* m_summaryLabel;
    QTableWidget* m_summary;
    QTableView* m_table;
    QTextBrowser* m_planText;
    QTextBrowser* m_againstText;
    QHash<QString, align::Plan> m_plans; // doc id → plan, read once per reload
    QList<PlanInfo> m_planInfos;         // municipal first
    bool m_loaded = false;
};

} // namespace pc::ui
