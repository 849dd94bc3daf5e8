// Comparison view.
#include "comparisonview.h"
#include "app/uilanguage.h"

#include "app/workbench.h"
#include "export/reporthtml.h"
#include "lazyreload.h"
#include "models/comparisonmodel.h"
#include "notespanel.h"
#include "richtextdelegate.h"

#include <QEvent>
#include <QHash>
#include <QHeaderView>

#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace pc::ui {

ComparisonView::ComparisonView(Workbench& workbench, QWidget* parent)
    : QWidget(parent)
    , m_wb(workbench)
    , m_model(new ComparisonModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_header(new QLabel(this))
    , m_table(new QTableView(this))
    , m_passage(new QTextBrowser(this))
    , m_notes(new NotesPanel(workbench.data(), this))
    , m_lazy(new LazyReload(this, [this] { reload(); })) {
    setObjectName(QStringLiteral("comparisonView"));
    m_notes->followNotesOf(m_wb);
    m_model->setCorrections(m_wb.corrections());
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ComparisonModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ComparisonModel::JurisdictionColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setWordWrap(true);
    m_table->setItemDelegateForColumn(ComparisonModel::SentenceColumn,
                                      new RichTextDelegate(ComparisonModel::HtmlRole, m_table));
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ComparisonModel::SentenceColumn, QHeaderView::Stretch);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);

    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_passage->setOpenLinks(false);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    // The source passage and the researcher's notes on the selected target, side by side.
    auto* details = new QSplitter(Qt::Horizontal, split);
    details->addWidget(m_passage);
    details->addWidget(m_notes);
    details->setStretchFactor(0, 3);
    details->setStretchFactor(1, 2);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_header);
    layout->addWidget(split, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& cur) { showDetails(m_proxy->mapToSource(cur).row()); });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        if (!(idx.flags() & Qt::ItemIsEditable))
            showSelectedInReader();
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (selectedRow() < 0)
            return;
        QMenu menu(this);
        menu.addAction(tr("在阅读器中显示(&R)"), this, &ComparisonView::showSelectedInReader);
        menu.addSeparator();
        QAction* indicator =
            menu.addAction(tr("更改指标(&I)…"), this, &ComparisonView::changeSelectedIndicator);
        QAction* notTarget =
            menu.addAction(tr("标记为非目标(&N)"), this, &ComparisonView::markSelectedNotTarget);
        if (m_wb.data().readOnly()) {
            // A read-only database: the corrections are shown but not offered.
            for (QAction* a : {indicator, notTarget}) {
                a->setEnabled(false);
                a->setToolTip(readOnlyMessage(m_wb.data()));
            }
            menu.setToolTipsVisible(true);
        }
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(&m_wb, &Workbench::indicatorChanged, m_lazy, &LazyReload::request);
    connect(&m_wb, &Workbench::dataReloaded, m_lazy, &LazyReload::request);
    m_passage->setPlaceholderText(tr("选择一行查看原文出处"));
    m_lazy->request(); // filled when first shown or read
}

ComparisonModel* ComparisonView::model() const {
    ensureCurrent();
    return m_model;
}

QTableView* ComparisonView::table() const {
    ensureCurrent();
    return m_table;
}

NotesPanel* ComparisonView::notes() const {
    ensureCurrent();
    return m_notes;
}

QLabel* ComparisonView::header() const {
    ensureCurrent();
    return m_header;
}

void ComparisonView::ensureCurrent() const {
    m_lazy->ensure();
}

void ComparisonView::setVisible(bool visible) {
    // A tab being switched to: updated while still hidden, so it is laid out once, at its size.
    if (visible)
        ensureCurrent();
    QWidget::setVisible(visible);
}

void ComparisonView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        m_passage->setPlaceholderText(tr("选择一行查看原文出处"));
        m_model->retranslate();
        updateHeader();
        showDetails(selectedRow());
    }
    QWidget::changeEvent(event);
}

void ComparisonView::reload() {
    m_lazy->markCurrent();
    const QString id = m_wb.currentIndicator();
    WorkbenchData& data = m_wb.data();
    const Indicator* ind = data.findIndicator(id);
    const QList<ComparisonRow> rows = m_wb.snapshot().rows.value(id);
    const int keep = selectedRow();
    m_model->setRows(id, rows, ind ? ind->better : Direction::None);
    updateHeader();
    m_table->resizeColumnsToContents();
    // Long scopes (and English names, wider than Chinese ones) must not squeeze the source sentence,
    // which is what researchers read: the other columns get caps and wrap (a narrow header is cut;
    // its tooltip has the whole label).
    static const QHash<int, int> caps{
        {ComparisonModel::JurisdictionColumn, 104}, {ComparisonModel::TargetColumn, 104},
        {ComparisonModel::ComparatorColumn, 88},    {ComparisonModel::ValueColumn, 56},
        {ComparisonModel::UnitColumn, 80},          {ComparisonModel::BaselineColumn, 90},
        {ComparisonModel::DeadlineColumn, 76},      {ComparisonModel::ScopeColumn, 130},
        {ComparisonModel::DocNumberColumn, 124},    {ComparisonModel::IssuedOnColumn, 86}};
    for (auto it = caps.cbegin(); it != caps.cend(); ++it)
        m_table->setColumnWidth(it.key(), std::min(m_table->columnWidth(it.key()), it.value()));
    m_table->horizontalHeader()->setSectionResizeMode(ComparisonModel::SentenceColumn, QHeaderView::Stretch);
    if (keep >= 0 && keep < m_model->rowCount())
        m_table->selectRow(m_proxy->mapFromSource(m_model->index(keep, 0)).row());
    else
        showDetails(-1);
}

void ComparisonView::updateHeader() {
    WorkbenchData& data = m_wb.data();
    const Indicator* ind = data.findIndicator(m_model->indicatorId());
    if (!ind) {
        m_header->setText(tr("<h3>请选择一个指标</h3>"));
        return;
    }
    const Language lang = interfaceLanguage();
    const QString name = naming::indicatorName(*ind, lang);
    // In English the Chinese name follows the id: the original is one glance away.
    const QString original =
        lang == Language::English && ind->nameZh != name ? QStringLiteral(" · ") + ind->nameZh : QString();
    QString unit = naming::unitName(ind->unit, lang);
    m_header->setText(
        QStringLiteral("<h3 style=\"margin:2px\">%1 <span style=\"color:#666; "
                       "font-weight:normal\">%2 · %3</span></h3>"
                       "<p style=\"margin:2px\">%4 %5%8%6%8%7</p>")
            .arg(name.toHtmlEscaped(), QString(ind->id + original).toHtmlEscaped(),
                 data.areaName(ind->area, lang).toHtmlEscaped(),
                 naming::definition(*ind, lang).toHtmlEscaped(), tr("单位：%1").arg(unit.toHtmlEscaped()),
                 naming::directionText(ind->better, lang), tr("%n 个目标", nullptr, m_model->rowCount()),
                 lang == Language::English ? QStringLiteral(" · ") : QStringLiteral("　")));
}

int ComparisonView::selectedRow() const {
    const QModelIndex cur = m_table->currentIndex();
    return cur.isValid() ? m_proxy->mapToSource(cur).row() : -1;
}

// Where in the plan the target stands: a measure, the goal section, a table row or other text,
// under which heading.
QString ComparisonView::sectionText(const ComparisonRow& r) const {
    QString where;
    if (r.section == QStringLiteral("goal"))
        where = tr("目标段落");
    else if (r.section == QStringLiteral("table"))
        where = tr("表格");
    else if (r.section == QStringLiteral("other"))
        where = tr("正文（措施之外）");
    if (where.isEmpty())
        return QString();
    QString heading = r.sectionHeading;
    if (heading.size() > 30)
        heading = heading.left(30) + QStringLiteral("…");
    return QStringLiteral(" · ") + where + (heading.isEmpty() ? QString() : QStringLiteral("：") + heading);
}

void ComparisonView::showDetails(int row) {
    const ComparisonRow* r = m_model->rowAt(row);
    if (!r) {
        m_passage->clear();
        m_notes->setSubject(NoteOn::Target, 0, QString());
        return;
    }
    const Language lang = interfaceLanguage();
    m_notes->setSubject(NoteOn::Target, r->targetId,
                        naming::jurisdictionName(r->jurisdiction, lang) +
                            (r->measureNumber > 0 ? tr(" · 第 %1 项").arg(r->measureNumber) : QString()));
    m_passage->setHtml(
        QStringLiteral("<p>") + report::sentenceHtml(*r) + QStringLiteral("</p><p style=\"color:#555\">") +
        report::citation(*r, lang).toHtmlEscaped() + QStringLiteral(" · 《") + r->docTitle.toHtmlEscaped() +
        QStringLiteral("》") + (r->measureNumber > 0 ? tr(" · 第 %1 项").arg(r->measureNumber) : QString()) +
        sectionText(*r).toHtmlEscaped() + (r->page > 0 ? tr(" · 第 %1 页").arg(r->page) : QString()) +
        QStringLiteral("</p>"));
    m_wb.showTarget(*r, false);
}

void ComparisonView::markSelectedNotTarget() {
    ensureCurrent();
    if (const ComparisonRow* r = m_model->rowAt(selectedRow()))
        m_wb.corrections()->markNotTarget(*r);
}

void ComparisonView::changeSelectedIndicator() {
    ensureCurrent();
    const ComparisonRow* r = m_model->rowAt(selectedRow());
    if (!r)
        return;
    QStringList items;
    int current = 0;
    const QList<Indicator> all = m_wb.data().indicators();
    for (const Indicator& ind : all) {
        if (ind.id == r->indicator)
            current = int(items.size());
        items << ind.id + QStringLiteral("  ") + naming::indicatorName(ind, interfaceLanguage());
    }
    bool ok = false;
    const QString choice =
        QInputDialog::getItem(this, tr("更改指标"), tr("该目标属于哪个指标："), items, current, false, &ok);
    if (ok && !choice.isEmpty())
        m_wb.corrections()->changeIndicator(*r, choice.section(QLatin1Char(' '), 0, 0));
}

void ComparisonView::showSelectedInReader() {
    ensureCurrent();
    if (const ComparisonRow* r = m_model->rowAt(selectedRow()))
        m_wb.showTarget(*r, true);
}

} // namespace pc::ui
