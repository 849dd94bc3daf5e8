// Matrix view.
#include "matrixview.h"
#include "app/uilanguage.h"

#include "app/workbench.h"
#include "frozentableview.h"
#include "lazyreload.h"
#include "models/ambition.h"
#include "models/matrixmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace pc::ui {

MatrixView::MatrixView(Workbench& workbench, QWidget* parent)
    : QWidget(parent)
    , m_wb(workbench)
    , m_model(new MatrixModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new FrozenTableView(MatrixModel::FirstPlanColumn, this))
    , m_filter(new QLineEdit(this))
    , m_legend(new QLabel(this))
    , m_columns(new QToolButton(this))
    , m_sortPlans(new QToolButton(this)) {
    m_columns->setObjectName(QStringLiteral("matrixColumns"));
    m_columns->setPopupMode(QToolButton::InstantPopup);
    m_columns->setMenu(new QMenu(m_columns));
    m_sortPlans->setObjectName(QStringLiteral("matrixSortPlans"));
    connect(m_sortPlans, &QToolButton::clicked, this,
            [this] { sortPlansByIndicator(m_wb.currentIndicator()); });
    // The area and indicator columns stay put when plan columns are dragged or sorted.
    setObjectName(QStringLiteral("matrixView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MatrixModel::SortRole);
    m_proxy->setFilterKeyColumn(MatrixModel::IndicatorColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MatrixModel::AreaColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    m_table->setMouseTracking(true);

    enableClearButtonWhenFilled(m_filter);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true); // long in English too: it must not set the window's minimum width
    retranslate();

    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_columns);
    top->addWidget(m_sortPlans);
    top->addWidget(m_legend, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table);
    connect(m_table, &QTableView::doubleClicked, this, &MatrixView::openComparison);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& cur) {
                const QString id = cur.data(MatrixModel::IndicatorIdRole).toString();
                if (!id.isEmpty())
                    m_wb.setCurrentIndicator(id);
            });
    connect(&m_wb, &Workbench::dataReloaded, this, &MatrixView::reload);
    connect(&m_wb, &Workbench::indicatorChanged, this, &MatrixView::selectIndicator);
    reload();
}

QTableView* MatrixView::table() const {
    return m_table;
}

QTableView* MatrixView::frozenColumns() const {
    return m_table->frozenView();
}

void MatrixView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void MatrixView::retranslate() {
    m_filter->setPlaceholderText(tr("筛选指标…"));
    m_columns->setText(tr("列…"));
    m_columns->setToolTip(tr("选择显示哪些方案"));
    m_sortPlans->setText(tr("按所选指标排序辖区"));
    m_sortPlans->setToolTip(tr("按当前指标的目标排列各方案列，目标最有力的在前"));
    m_legend->setText(
        tr("颜色表示同一指标各规划目标的相对力度：<span "
           "style=\"background-color:%1\">&nbsp;更有力&nbsp;</span> "
           "<span style=\"background-color:%2\">&nbsp;居中&nbsp;</span> "
           "<span "
           "style=\"background-color:%3\">&nbsp;较保守&nbsp;</"
           "span>　灰色：提及但未设数值。只比较时限、费用、比率和环节/材料数；"
           "绝对数量（如新增基站数）随辖区规模而异，不着色。双击打开对比。")
            .arg(ambitionColor(1.0).name(), ambitionColor(0.5).name(), ambitionColor(0.0).name()));
}

void MatrixView::reload() {
    const Snapshot& snap = m_wb.snapshot();
    WorkbenchData& data = m_wb.data();
    MatrixInput in;
    in.areas = data.areas();
    in.plans = snap.plans;
    in.rows = snap.rows;
    in.coverage = snap.coverage;
    const QList<Indicator> all = data.indicators();
    for (const Area& a : in.areas)
        for (const Indicator& ind : all)
            if (ind.area == a.id && snap.rows.contains(ind.id))
                in.indicators << ind;
    // Rows are as tall as their wrapped text at the final column widths: measured once, after the
    // widths are set (measuring at the default widths on the model reset cost as much again).
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_model->setInput(std::move(in));
    m_table->resizeColumnToContents(MatrixModel::AreaColumn);
    m_table->setColumnWidth(MatrixModel::IndicatorColumn, 210);
    for (int c = MatrixModel::FirstPlanColumn; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, 150);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The column chooser: one checkable entry per plan.
    QMenu* menu = m_columns->menu();
    menu->clear();
    const QList<PlanInfo>& plans = m_model->input().plans;
    for (qsizetype i = 0; i < plans.size(); ++i) {
        const int column = MatrixModel::FirstPlanColumn + int(i);
        QAction* a = menu->addAction(m_model->headerData(column, Qt::Horizontal)
                                         .toString()
                                         .replace(QLatin1Char('\n'), QLatin1Char(' ')));
        a->setCheckable(true);
        a->setChecked(!m_table->isColumnHidden(column));
        const QString docId = plans[i].docId;
        connect(a, &QAction::toggled, this, [this, docId](bool on) { setPlanVisible(docId, on); });
    }
    selectIndicator(m_wb.currentIndicator());
}

void MatrixView::setPlanVisible(const QString& docId, bool visible) {
    const QList<PlanInfo>& plans = m_model->input().plans;
    for (qsizetype i = 0; i < plans.size(); ++i)
        if (plans[i].docId == docId)
            m_table->setColumnHidden(MatrixModel::FirstPlanColumn + int(i), !visible);
}

void MatrixView::sortPlansByIndicator(const QString& indicatorId) {
    const int row = m_model->rowOf(indicatorId);
    if (row < 0)
        return;
    const Indicator* ind = m_wb.data().findIndicator(indicatorId);
    const bool lowerIsBetter = !ind || ind->better != Direction::Higher;
    QList<std::pair<double, int>> order; // (key, column); plans without a number sort last
    for (int c = MatrixModel::FirstPlanColumn; c < m_model->columnCount(); ++c) {
        const QVariant v = m_model->index(row, c).data(MatrixModel::SortRole);
        bool ok = false;
        const double x = v.toDouble(&ok);
        const double key =
            ok && v.isValid() ? (lowerIsBetter ? x : -x) : std::numeric_limits<double>::infinity();
        order.append({key, c});
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QHeaderView* header = m_table->horizontalHeader();
    for (int target = 0; target < order.size(); ++target) {
        const int visual = header->visualIndex(order[target].second);
        header->moveSection(visual, MatrixModel::FirstPlanColumn + target);
    }
}

void MatrixView::selectIndicator(const QString& indicatorId) {
    const int row = m_model->rowOf(indicatorId);
    if (row < 0)
        return;
    const QModelIndex idx = m_proxy->mapFromSource(m_model->index(row, MatrixModel::IndicatorColumn));
    if (m_table->currentIndex().row() != idx.row()) {
        m_table->setCurrentIndex(idx);
        m_table->scrollTo(idx);
    }
}

void MatrixView::openComparison(const QModelIndex& proxyIndex) {
    const QString id = proxyIndex.data(MatrixModel::IndicatorIdRole).toString();
    if (id.isEmpty())
        return;
    m_wb.setCurrentIndicator(id);
    m_wb.requestView(QStringLiteral("compare"));
}

} // namespace pc::ui
