// Diffusion view: core align::align over the workbench's stored plans; no parsing or SQL here.
#include "diffusionview.h"

#include "align/chardiff.h"
#include "app/uilanguage.h"
#include "app/workbench.h"
#include "models/diffusionmodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace pc::ui {

namespace {

// The text with the runs only this side has marked: what the district added or changed, or what the
// municipal text said that the district did not keep.
QString diffHtml(const QString& title, const QString& text, const QList<align::DiffRun>& runs,
                 const QString& mark) {
    QString html = QStringLiteral("<p><b>") + title.toHtmlEscaped() + QStringLiteral("</b></p><p>");
    for (const align::DiffRun& r : runs) {
        const QString part = text.mid(r.start, r.length).toHtmlEscaped();
        html +=
            r.common ? part : QStringLiteral("<span style=\"background-color:%1\">%2</span>").arg(mark, part);
    }
    return html + QStringLiteral("</p>");
}

} // namespace

DiffusionView::DiffusionView(Workbench& workbench, QWidget* parent)
    : QWidget(parent)
    , m_wb(workbench)
    , m_model(new DiffusionModel(this))
    , m_filter(new DiffusionFilter(this))
    , m_plan(new QComboBox(this))
    , m_against(new QComboBox(this))
    , m_show(new QComboBox(this))
    , m_planLabel(new QLabel(this))
    , m_againstLabel(new QLabel(this))
    , m_showLabel(new QLabel(this))
    , m_summaryLabel(new QLabel(this))
    , m_summary(new QTableWidget(this))
    , m_table(new QTableView(this))
    , m_planText(new QTextBrowser(this))
    , m_againstText(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("diffusionView"));
    m_filter->setSourceModel(m_model);
    for (int i = 0; i < 7; ++i)
        m_show->addItem(QString(), i); // DiffusionFilter::Show, named in retranslate()

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_planLabel);
    bar->addWidget(m_plan, 2);
    bar->addWidget(m_againstLabel);
    bar->addWidget(m_against, 2);
    bar->addWidget(m_showLabel);
    bar->addWidget(m_show, 1);
    bar->addWidget(m_summaryLabel, 3);

    m_summary->setColumnCount(8);
    m_summary->verticalHeader()->hide();
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_summary->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DiffusionModel::NumberColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(DiffusionModel::TitleColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(DiffusionModel::AgainstTitleColumn,
                                                      QHeaderView::Stretch);

    auto* texts = new QSplitter(Qt::Horizontal, this);
    texts->addWidget(m_planText);
    texts->addWidget(m_againstText);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_summary);
    split->addWidget(m_table);
    split->addWidget(texts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split);

    connect(m_plan, &QComboBox::currentIndexChanged, this, [this] { alignChosen(); });
    connect(m_against, &QComboBox::currentIndexChanged, this, [this] {
        alignChosen();
        fillSummary();
    });
    connect(m_show, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setShow(DiffusionFilter::Show(m_show->currentData().toInt())); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showPair(current.row()); });
    connect(m_summary, &QTableWidget::cellClicked, this, [this](int row) {
        const int i = m_plan->findData(m_summary->item(row, 0)->data(Qt::UserRole));
        if (i >= 0)
            m_plan->setCurrentIndex(i);
    });
    connect(&m_wb, &Workbench::dataReloaded, this, [this] {
        if (m_loaded)
            reload();
    });
    retranslate();
}

void DiffusionView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// Everything the view names; plans by their jurisdiction in the interface language.
void DiffusionView::retranslate() {
    m_planLabel->setText(tr("规划"));
    m_againstLabel->setText(tr("对照"));
    m_showLabel->setText(tr("显示"));
    const QStringList shows{tr("全部"),   tr("仅采纳"),   tr("仅改写"),  tr("仅新增"),
                            tr("未采纳"), tr("目标收紧"), tr("目标放宽")};
    for (int i = 0; i < shows.size(); ++i)
        m_show->setItemText(i, shows.at(i));
    m_summary->setHorizontalHeaderLabels({tr("规划"), tr("年份"), tr("采纳"), tr("改写"), tr("新增"),
                                          tr("未采纳"), tr("目标收紧"), tr("目标放宽")});
    m_model->retranslate();
    if (m_loaded) {
        fillPlanBoxes(m_plan->currentData().toString(), m_against->currentData().toString());
        fillSummary();
        updateSummaryLabel();
    }
}

void DiffusionView::fillPlanBoxes(const QString& keepPlan, const QString& keepAgainst) {
    const QSignalBlocker b1(m_plan);
    const QSignalBlocker b2(m_against);
    m_plan->clear();
    m_against->clear();
    const Language lang = interfaceLanguage();
    for (const PlanInfo& p : std::as_const(m_planInfos)) {
        const QString name = naming::jurisdictionName(p.jurisdiction, lang);
        const QString label = p.year ? QStringLiteral("%1 %2").arg(name).arg(p.year) : name;
        m_plan->addItem(label, p.docId);
        m_against->addItem(label, p.docId);
    }
    // Default: the first district plan against the first municipal plan.
    int against = m_against->findData(keepAgainst);
    if (against < 0) {
        against = 0;
        for (int i = 0; i < m_planInfos.size(); ++i)
            if (m_planInfos.at(i).level == QLatin1String("municipal")) {
                against = i;
                break;
            }
    }
    int chosen = m_plan->findData(keepPlan);
    if (chosen < 0)
        chosen = against + 1 < m_plan->count() ? against + 1 : 0;
    m_against->setCurrentIndex(against);
    m_plan->setCurrentIndex(chosen);
}

void DiffusionView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!m_loaded)
        reload();
}

QHash<QString, Direction> DiffusionView::betterDirections() const {
    QHash<QString, Direction> out;
    for (const Indicator& i : m_wb.data().indicators())
        out.insert(i.id, i.better);
    return out;
}

align::Plan DiffusionView::plan(const QString& docId) {
    auto it = m_plans.find(docId);
    if (it == m_plans.end()) {
        Result<align::Plan> p = m_wb.data().alignmentPlan(docId);
        if (!p)
            m_wb.message(p.errorMessage());
        it = m_plans.insert(docId, p ? p.value() : align::Plan{docId, {}, {}});
    }
    return *it;
}

void DiffusionView::reload() {
    m_loaded = true;
    m_plans.clear();
    const QString keepPlan = m_plan->currentData().toString();
    const QString keepAgainst = m_against->currentData().toString();
    Result<QList<PlanInfo>> plans = m_wb.data().plans(); // municipal first
    if (!plans) {
        m_summaryLabel->setText(plans.errorMessage());
        return;
    }
    m_planInfos = plans.value();
    fillPlanBoxes(keepPlan, keepAgainst);
    alignChosen();
    fillSummary();
}

void DiffusionView::alignChosen() {
    const QString docId = m_plan->currentData().toString();
    const QString againstId = m_against->currentData().toString();
    if (docId.isEmpty() || againstId.isEmpty())
        return;
    const align::Plan p = plan(docId);
    const align::Plan a = plan(againstId);
    const align::Alignment result = align::align(p, a, betterDirections());
    m_model->setAlignment(result, p, a);
    updateSummaryLabel();
    m_planText->clear();
    m_againstText->clear();
    if (m_filter->rowCount() > 0)
        m_table->selectRow(0);
}

void DiffusionView::updateSummaryLabel() {
    const align::Summary& s = m_model->alignment().summary;
    m_summaryLabel->setText(tr("采纳 %1 · 改写 %2 · 新增 %3 · 未采纳 %4；目标：收紧 %5 · 相同 %6 · 放宽 %7")
                                .arg(s.adopted)
                                .arg(s.adapted)
                                .arg(s.fresh)
                                .arg(s.notTakenUp)
                                .arg(s.stricter)
                                .arg(s.same)
                                .arg(s.looser));
}

void DiffusionView::fillSummary() {
    const QString againstId = m_against->currentData().toString();
    m_summary->setRowCount(0);
    if (againstId.isEmpty())
        return;
    const align::Plan a = plan(againstId);
    const Language lang = interfaceLanguage();
    for (const PlanInfo& info : std::as_const(m_planInfos)) {
        if (info.docId == againstId)
            continue;
        const align::Alignment r = align::align(plan(info.docId), a, betterDirections());
        const int row = m_summary->rowCount();
        m_summary->insertRow(row);
        auto* name = new QTableWidgetItem(naming::jurisdictionName(info.jurisdiction, lang));
        name->setToolTip(info.jurisdiction);
        name->setData(Qt::UserRole, info.docId);
        m_summary->setItem(row, 0, name);
        const int values[] = {info.year,       r.summary.adopted,    r.summary.adapted,
                              r.summary.fresh, r.summary.notTakenUp, r.summary.stricter,
                              r.summary.looser};
        for (int c = 0; c < 7; ++c) {
            auto* item = new QTableWidgetItem;
            item->setData(Qt::DisplayRole, values[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_summary->setItem(row, c + 1, item);
        }
    }
}

void DiffusionView::showPair(int proxyRow) {
    const QModelIndex i = m_filter->index(proxyRow, 0);
    if (!i.isValid())
        return;
    const align::MeasureText* p = m_model->planMeasure(i.data(DiffusionModel::MeasureNumberRole).toInt());
    const align::MeasureText* a = m_model->againstMeasure(i.data(DiffusionModel::AgainstNumberRole).toInt());
    const QString pText = p ? p->body : QString();
    const QString aText = a ? a->body : QString();
    const align::CharDiff d = align::charDiff(pText, aText);
    const QString added = QStringLiteral("#c8f0c8");   // only in this plan
    const QString dropped = QStringLiteral("#f6d6a8"); // only in the other plan
    m_planText->setHtml(p ? diffHtml(QStringLiteral("%1 %2").arg(p->number).arg(p->title), pText,
                                     align::withoutStrayMatches(d.left), added)
                          : tr("<p><i>本规划没有对应措施</i></p>"));
    m_againstText->setHtml(a ? diffHtml(QStringLiteral("%1 %2").arg(a->number).arg(a->title), aText,
                                        align::withoutStrayMatches(d.right), dropped)
                             : tr("<p><i>对照规划中没有对应措施</i></p>"));
}

} // namespace pc::ui
