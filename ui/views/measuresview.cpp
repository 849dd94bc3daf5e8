// Measures view.
#include "measuresview.h"

#include "app/uilanguage.h"
#include "app/workbench.h"
#include "lazyreload.h"
#include "models/measuresmodel.h"
#include "notespanel.h"
#include "richtextdelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace pc::ui {

MeasuresView::MeasuresView(Workbench& workbench, QWidget* parent)
    : QWidget(parent)
    , m_wb(workbench)
    , m_model(new MeasuresModel(this))
    , m_filter(new MeasuresFilter(this))
    , m_search(new QLineEdit(this))
    , m_jurisdiction(new QComboBox(this))
    , m_area(new QComboBox(this))
    , m_jurisdictionLabel(new QLabel(this))
    , m_areaLabel(new QLabel(this))
    , m_count(new QLabel(this))
    , m_capNote(new QLabel(this))
    , m_table(new QTableView(this))
    , m_body(new QTextBrowser(this))
    , m_delegate(new RichTextDelegate(-1, this))
    , m_debounce(new QTimer(this))
    , m_notes(new NotesPanel(workbench.data(), this))
    , m_lazy(new LazyReload(this, [this] { reload(); })) {
    setObjectName(QStringLiteral("measuresView"));
    m_notes->followNotesOf(m_wb);
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MeasuresModel::JurisdictionColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setItemDelegateForColumn(MeasuresModel::TitleColumn, m_delegate);
    m_table->setItemDelegateForColumn(MeasuresModel::LeadColumn, m_delegate);
    m_table->setItemDelegateForColumn(MeasuresModel::PartnersColumn, m_delegate);
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->horizontalHeader()->setSectionResizeMode(MeasuresModel::TitleColumn, QHeaderView::Stretch);

    enableClearButtonWhenFilled(m_search);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &MeasuresView::runSearch);
    connect(m_debounce, &QTimer::timeout, this, &MeasuresView::runSearch);
    connect(m_jurisdiction, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setJurisdiction(m_jurisdiction->currentData().toString());
        updateCount();
    });
    connect(m_area, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setArea(m_area->currentData().toString());
        updateCount();
    });

    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 3);
    top->addWidget(m_jurisdictionLabel);
    top->addWidget(m_jurisdiction, 1);
    top->addWidget(m_areaLabel);
    top->addWidget(m_area, 1);
    top->addWidget(m_count);
    m_capNote->setObjectName(QStringLiteral("searchCapNote"));
    m_capNote->setWordWrap(true);
    m_capNote->setVisible(false);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    // The measure's text and the researcher's notes on it, side by side.
    auto* details = new QSplitter(Qt::Horizontal, split);
    details->addWidget(m_body);
    details->addWidget(m_notes);
    details->setStretchFactor(0, 3);
    details->setStretchFactor(1, 2);
    split->addWidget(details);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_capNote);
    layout->addWidget(split, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MeasuresView::showBody);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        m_wb.showPassage(idx.data(MeasuresModel::DocIdRole).toString(),
                         idx.data(MeasuresModel::StartRole).toLongLong(),
                         idx.data(MeasuresModel::StartRole).toLongLong(), true);
    });
    connect(&m_wb, &Workbench::dataReloaded, m_lazy, &LazyReload::request);
    connect(&m_wb, &Workbench::areaChanged, this, [this](const QString& area) {
        const int i = m_area->findData(area);
        if (i >= 0)
            m_area->setCurrentIndex(i);
    });
    retranslate();
    m_lazy->request(); // filled when first shown or read
}

MeasuresModel* MeasuresView::model() const {
    ensureCurrent();
    return m_model;
}

MeasuresFilter* MeasuresView::filter() const {
    ensureCurrent();
    return m_filter;
}

QTableView* MeasuresView::table() const {
    ensureCurrent();
    return m_table;
}

NotesPanel* MeasuresView::notes() const {
    ensureCurrent();
    return m_notes;
}

QLabel* MeasuresView::countLabel() const {
    ensureCurrent();
    return m_count;
}

void MeasuresView::ensureCurrent() const {
    m_lazy->ensure();
}

void MeasuresView::setVisible(bool visible) {
    // A tab being switched to: updated while still hidden, so it is laid out once, at its size.
    if (visible)
        ensureCurrent();
    QWidget::setVisible(visible);
}

void MeasuresView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MeasuresView::retranslate() {
    m_search->setPlaceholderText(tr("全文检索（如：用水、不动产登记）"));
    m_jurisdictionLabel->setText(tr("辖区："));
    m_areaLabel->setText(tr("领域："));
    updateCapNote();
    m_model->retranslate();
    fillFilters();
    updateCount();
}

void MeasuresView::reload() {
    m_lazy->markCurrent();
    WorkbenchData& data = m_wb.data();
    const Result<QList<MeasureRow>> measures = data.measures();
    QStringList order;
    for (const PlanInfo& p : m_wb.snapshot().plans)
        order << p.docId;
    m_model->setMeasures(measures ? measures.value() : QList<MeasureRow>{}, data.areas(), order);
    if (!measures)
        m_wb.message(measures.errorMessage());
    fillFilters();
    m_table->resizeColumnToContents(MeasuresModel::JurisdictionColumn);
    m_table->resizeColumnToContents(MeasuresModel::AreaColumn);
    m_table->resizeColumnToContents(MeasuresModel::NumberColumn);
    m_table->setColumnWidth(MeasuresModel::LeadColumn, 180);
    m_table->setColumnWidth(MeasuresModel::PartnersColumn, 200);
    updateCount();
}

// The jurisdiction and area choices, named in the interface language; the choice is kept.
void MeasuresView::fillFilters() {
    const Language lang = interfaceLanguage();
    const QString j = m_jurisdiction->currentData().toString(), a = m_area->currentData().toString();
    m_jurisdiction->blockSignals(true);
    m_area->blockSignals(true);
    m_jurisdiction->clear();
    m_jurisdiction->addItem(tr("全部"), QString());
    for (const PlanInfo& p : m_wb.snapshot().plans)
        if (m_jurisdiction->findData(p.jurisdiction) < 0)
            m_jurisdiction->addItem(naming::jurisdictionName(p.jurisdiction, lang), p.jurisdiction);
    m_area->clear();
    m_area->addItem(tr("全部"), QString());
    for (const Area& ar : m_wb.data().areas())
        m_area->addItem(naming::areaName(ar, lang), ar.id);
    m_jurisdiction->setCurrentIndex(std::max(0, m_jurisdiction->findData(j)));
    m_area->setCurrentIndex(std::max(0, m_area->findData(a)));
    m_jurisdiction->blockSignals(false);
    m_area->blockSignals(false);
    m_filter->setJurisdiction(j);
    m_filter->setArea(a);
}

void MeasuresView::updateCount() {
    int low = 0;
    for (int r = 0; r < m_filter->rowCount(); ++r)
        low += m_filter->index(r, 0).data(MeasuresModel::LowConfidenceRole).toBool();
    QString text = tr("%n 条措施", nullptr, m_filter->rowCount());
    if (low > 0)
        text += tr("（%n 条解析置信度低）", nullptr, low);
    m_count->setText(text);
    m_count->setToolTip(low > 0 ? tr("斜体灰字、带警告图标的措施由解析器推测还原，请对照原文核对。")
                                : QString());
}

void MeasuresView::updateCapNote() {
    m_capNote->setVisible(m_rankedAmong > 0);
    if (m_rankedAmong <= 0) {
        m_capNote->clear();
        return;
    }
    // 5,000 in both languages (Chinese groups digits the same way).
    const QString n = QLocale(QLocale::English).toString(m_rankedAmong);
    m_capNote->setText(tr("匹配过多，仅对最近导入的 %1 条措施排序；请加词缩小范围。").arg(n));
    m_capNote->setToolTip(
        tr("检索只对最近导入的 %1 条匹配措施计算相关度，更早导入的匹配不在结果中。").arg(n));
}

void MeasuresView::runSearch() {
    m_debounce->stop();
    ensureCurrent(); // the hits filter the measures: load them first if the view was hidden
    const QString query = m_search->text().trimmed();
    static const QRegularExpression space(QStringLiteral("\\s+"));
    m_terms = query.isEmpty() ? QStringList() : query.split(space, Qt::SkipEmptyParts);
    m_delegate->setTerms(m_terms);
    m_rankedAmong = 0;
    if (query.isEmpty()) {
        m_filter->setSearchHits(std::nullopt);
    } else {
        const Result<SearchResults> found = m_wb.data().search(query);
        if (!found)
            m_wb.message(found.errorMessage());
        m_filter->setSearchHits(found ? found->hits : QList<SearchHit>{});
        m_rankedAmong = found ? found->rankedAmong : 0;
    }
    updateCapNote();
    updateCount();
    m_table->viewport()->update();
    showBody(m_table->currentIndex());
}

void MeasuresView::showBody(const QModelIndex& proxyIndex) {
    if (!proxyIndex.isValid()) {
        m_body->clear();
        m_notes->setSubject(NoteOn::Measure, 0, QString());
        return;
    }
    const QModelIndex row = proxyIndex.siblingAtColumn(MeasuresModel::JurisdictionColumn);
    m_notes->setSubject(
        NoteOn::Measure, row.data(MeasuresModel::MeasureIdRole).toLongLong(),
        row.data().toString() + // the jurisdiction in the interface language
            tr(" · 第 %1 项").arg(row.siblingAtColumn(MeasuresModel::NumberColumn).data().toInt()));
    m_body->setHtml(
        QStringLiteral("<p>") +
        RichTextDelegate::highlight(proxyIndex.data(MeasuresModel::BodyRole).toString(), m_terms) +
        QStringLiteral("</p>"));
}

} // namespace pc::ui
