// Reader view. The text is set as plain text so document positions equal source offsets.
#include "readerview.h"

#include "app/uilanguage.h"

#include "addtargetdialog.h"
#include "app/workbench.h"
#include "export/reporthtml.h"
#include "lazyreload.h"
#include "notespanel.h"
#include "read/readresult.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace pc::ui {

ReaderView::ReaderView(Workbench& workbench, QWidget* parent)
    : QWidget(parent)
    , m_wb(workbench)
    , m_plans(new QComboBox(this))
    , m_outline(new QTreeWidget(this))
    , m_text(new QTextBrowser(this))
    , m_fields(new QTextBrowser(this))
    , m_addTarget(new QPushButton(this))
    , m_issuesToggle(new QToolButton(this))
    , m_issues(new QListWidget(this))
    , m_planNotes(new QPushButton(this))
    , m_notes(new NotesPanel(workbench.data(), this))
    , m_page(new QLabel(this))
    , m_planLabel(new QLabel(this))
    , m_lazy(new LazyReload(this, [this] { bringUpToDate(); })) {
    setObjectName(QStringLiteral("readerView"));
    m_page->setObjectName(QStringLiteral("readerPage"));
    m_notes->followNotesOf(m_wb);
    m_outline->setMinimumWidth(160);
    m_text->setOpenLinks(false);
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard |
                                    Qt::LinksAccessibleByMouse);
    QFont f = m_text->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_text->setFont(f);
    m_fields->setMinimumWidth(200);
    m_addTarget->setEnabled(false);

    // Parser notes under the outline, folded away with a click: researchers look at them when a
    // number seems missing, not all the time.
    m_issuesToggle->setCheckable(true);
    m_issuesToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_issuesToggle->setAutoRaise(true);
    m_issuesToggle->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // Messages are long sentences: wrapped in a list, not elided in a table.
    m_issues->setWordWrap(true);
    m_issues->setResizeMode(QListView::Adjust);
    m_issues->setAlternatingRowColors(true);
    m_issues->setVisible(false);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_outline, 3);
    leftLayout->addWidget(m_issuesToggle);
    leftLayout->addWidget(m_issues, 2);
    connect(m_issuesToggle, &QToolButton::toggled, this, [this](bool open) {
        m_issues->setVisible(open);
        m_issuesToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_issues, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showParserNote(m_issues->row(item)); });

    m_planNotes->setFlat(true);
    connect(m_planNotes, &QPushButton::clicked, this, &ReaderView::showPlanNotes);
    auto* right = new QSplitter(Qt::Vertical, this);
    auto* fieldsBox = new QWidget(right);
    auto* fieldsLayout = new QVBoxLayout(fieldsBox);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(m_fields, 1);
    fieldsLayout->addWidget(m_addTarget);
    auto* notesBox = new QWidget(right);
    auto* notesLayout = new QVBoxLayout(notesBox);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    notesLayout->addWidget(m_notes, 1);
    notesLayout->addWidget(m_planNotes, 0, Qt::AlignLeft);
    right->addWidget(fieldsBox);
    right->addWidget(notesBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_text);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 1);
    split->setSizes({200, 700, 240});

    auto* top = new QHBoxLayout;
    top->addWidget(m_planLabel);
    top->addWidget(m_plans, 1);
    top->addWidget(m_page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_plans, &QComboBox::currentIndexChanged, this,
            [this] { openPlan(m_plans->currentData().toString()); });
    connect(m_outline, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const qsizetype pos = item->data(0, Qt::UserRole).toLongLong();
        showPassage(m_plan.plan.docId, pos, pos);
    });
    connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("target"))
            showTargetFields(url.path().toInt());
    });
    connect(m_text, &QTextBrowser::copyAvailable, m_addTarget,
            [this](bool selected) { m_addTarget->setEnabled(selected && !m_wb.data().readOnly()); });
    if (m_wb.data().readOnly())
        m_addTarget->setToolTip(readOnlyMessage(m_wb.data()));
    connect(m_text, &QTextBrowser::cursorPositionChanged, this, &ReaderView::updatePage);
    connect(m_addTarget, &QPushButton::clicked, this, &ReaderView::addTargetFromSelection);
    // While the reader is hidden (another tab is on show) a requested passage and a reload wait for
    // it to be shown or read: the plan's text is laid out once, when someone looks at it.
    connect(&m_wb, &Workbench::passageRequested, this,
            [this](const QString& docId, qsizetype start, qsizetype end) {
                m_pendingPassage = Passage{docId, start, end};
                m_lazy->request();
            });
    connect(&m_wb, &Workbench::dataReloaded, this, [this] {
        m_reloadPending = true;
        m_lazy->request();
    });
    retranslate();
    m_reloadPending = true; // the first plan opens when the reader is first shown or read
    m_lazy->request();
}

void ReaderView::bringUpToDate() {
    const std::optional<Passage> passage = std::exchange(m_pendingPassage, std::nullopt);
    if (std::exchange(m_reloadPending, false)) {
        if (passage) { // the passage's plan opens below: only the plan list now
            fillPlanList();
            m_plan = PlanText();
        } else {
            reload();
        }
    }
    if (passage)
        showPassage(passage->docId, passage->start, passage->end);
    if (m_plan.plan.docId.isEmpty() && m_plans->count() > 0) // the passage's plan is gone: the first
        openPlan(m_plans->itemData(0).toString());
}

void ReaderView::ensureCurrent() const {
    m_lazy->ensure();
}

void ReaderView::setVisible(bool visible) {
    // A tab being switched to: updated while still hidden, so it is laid out once, at its size.
    if (visible)
        ensureCurrent();
    QWidget::setVisible(visible);
}

QTextBrowser* ReaderView::text() const {
    ensureCurrent();
    return m_text;
}

QTextBrowser* ReaderView::fields() const {
    ensureCurrent();
    return m_fields;
}

QString ReaderView::currentDocId() const {
    ensureCurrent();
    return m_plan.plan.docId;
}

const PlanText& ReaderView::plan() const {
    ensureCurrent();
    return m_plan;
}

NotesPanel* ReaderView::notes() const {
    ensureCurrent();
    return m_notes;
}

QListWidget* ReaderView::parserNotes() const {
    ensureCurrent();
    return m_issues;
}

QToolButton* ReaderView::parserNotesToggle() const {
    ensureCurrent();
    return m_issuesToggle;
}

QLabel* ReaderView::pageLabel() const {
    ensureCurrent();
    return m_page;
}

void ReaderView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString ReaderView::planLabel(const PlanInfo& p) const {
    return QStringLiteral("%1 · %2 · %3")
        .arg(naming::jurisdictionName(p.jurisdiction, interfaceLanguage()), p.docNumber, p.title);
}

// Everything the reader names: its own labels, the plan list, target tooltips, parser notes and the
// fields of the target on show. The plan's text is the source and stays as it is.
void ReaderView::retranslate() {
    m_addTarget->setText(tr("将所选文字添加为目标(&A)…"));
    m_planNotes->setText(tr("规划注释"));
    m_planNotes->setToolTip(tr("显示整份规划的注释"));
    m_outline->setHeaderLabel(tr("目录"));
    m_fields->setPlaceholderText(tr("点击高亮的目标查看其字段"));
    m_planLabel->setText(tr("规划："));
    for (int i = 0; i < m_plans->count(); ++i)
        for (const PlanInfo& p : m_wb.snapshot().plans)
            if (p.docId == m_plans->itemData(i).toString())
                m_plans->setItemText(i, planLabel(p));
    if (m_plan.plan.docId.isEmpty())
        return;
    highlightTargets();
    const bool open = m_issuesToggle->isChecked();
    loadParserNotes();
    m_issuesToggle->setChecked(open);
    if (m_shownTarget >= 0)
        showTargetFields(m_shownTarget);
}

void ReaderView::fillPlanList() {
    const QSignalBlocker block(m_plans);
    m_plans->clear();
    for (const PlanInfo& p : m_wb.snapshot().plans)
        m_plans->addItem(planLabel(p), p.docId);
}

void ReaderView::reload() {
    const QString current = m_plan.plan.docId;
    fillPlanList();
    m_plan = PlanText();
    const QString doc = current.isEmpty() && m_plans->count() ? m_plans->itemData(0).toString() : current;
    openPlan(doc);
}

void ReaderView::openPlan(const QString& docId) {
    ensureCurrent();
    if (docId.isEmpty() || docId == m_plan.plan.docId)
        return;
    const Result<PlanText> plan = m_wb.data().planText(docId);
    if (!plan) {
        m_wb.message(plan.errorMessage());
        return;
    }
    m_plan = plan.value();
    {
        const QSignalBlocker block(m_plans);
        m_plans->setCurrentIndex(std::max(0, m_plans->findData(docId)));
    }
    m_text->setPlainText(m_plan.text);
    highlightTargets();
    updatePage();
    m_outline->clear();
    QList<QTreeWidgetItem*> stack;
    for (const OutlineEntry& e : std::as_const(m_plan.outline)) {
        while (stack.size() >= e.level && !stack.isEmpty())
            stack.removeLast();
        auto* item = stack.isEmpty() ? new QTreeWidgetItem(m_outline) : new QTreeWidgetItem(stack.last());
        item->setText(0, e.label + e.heading);
        item->setToolTip(0, e.label + e.heading);
        item->setData(0, Qt::UserRole, qint64(e.start));
        stack << item;
    }
    m_outline->expandToDepth(0);
    m_fields->clear();
    m_shownTarget = -1;
    loadParserNotes();
    showPlanNotes();
}

int ReaderView::currentPage() const {
    ensureCurrent();
    return pageOfCursor();
}

int ReaderView::pageOfCursor() const {
    const QTextCursor c = m_text->textCursor();
    return read::pageOfOffset(m_plan.pageStarts, c.hasSelection() ? c.selectionStart() : c.position());
}

void ReaderView::updatePage() {
    // Only plans read from paged files (PDF) have pages; for the others the label stays empty.
    const int page = pageOfCursor();
    m_page->setText(page > 0 ? tr("第 %1 页").arg(page) : QString());
}

void ReaderView::loadParserNotes() {
    m_issues->clear();
    const Result<QList<ParserNote>> notes = m_wb.data().parserNotes(m_plan.plan.docId);
    m_parserNotes = notes ? notes.value() : QList<ParserNote>{};
    bool serious = false;
    for (const ParserNote& n : std::as_const(m_parserNotes)) {
        const bool error = n.severity == QLatin1String("error");
        const bool warning = n.severity == QLatin1String("warning");
        serious = serious || error || warning;
        const QString severity = error ? tr("错误") : warning ? tr("警告") : tr("提示");
        auto* item = new QListWidgetItem(tr("%1：%2").arg(severity, n.message), m_issues);
        item->setIcon(style()->standardIcon(error     ? QStyle::SP_MessageBoxCritical
                                            : warning ? QStyle::SP_MessageBoxWarning
                                                      : QStyle::SP_MessageBoxInformation));
        item->setToolTip(n.code + (n.start >= 0 && n.end > n.start ? tr("（点击在原文中查看）") : QString()));
    }
    if (!notes)
        new QListWidgetItem(tr("%1：%2").arg(tr("错误"), notes.errorMessage()), m_issues);
    m_issuesToggle->setText(tr("解析提示（%1）").arg(m_parserNotes.size()));
    m_issuesToggle->setEnabled(!m_parserNotes.isEmpty() || !notes);
    // Open when the parser warns about something, folded when it only has information.
    m_issuesToggle->setChecked(serious);
    m_issues->setVisible(serious);
    m_issuesToggle->setArrowType(serious ? Qt::DownArrow : Qt::RightArrow);
}

void ReaderView::showParserNote(int index) {
    ensureCurrent();
    if (index < 0 || index >= m_parserNotes.size())
        return;
    const ParserNote& n = m_parserNotes.at(index);
    if (n.start < 0 || n.end <= n.start || n.end > m_plan.text.size())
        return;
    showPassage(m_plan.plan.docId, n.start, n.end);
}

void ReaderView::showPlanNotes() {
    ensureCurrent();
    m_notes->setSubject(NoteOn::Plan, m_plan.plan.documentId,
                        naming::jurisdictionName(m_plan.plan.jurisdiction, interfaceLanguage()));
    m_planNotes->setVisible(false);
}

void ReaderView::highlightTargets() {
    const Language lang = interfaceLanguage();
    QTextCursor cursor(m_text->document());
    const qsizetype length = m_plan.text.size();
    for (qsizetype i = 0; i < m_plan.targets.size(); ++i) {
        const ComparisonRow& t = m_plan.targets.at(i);
        if (t.start < 0 || t.end > length || t.end <= t.start)
            continue;
        cursor.setPosition(int(t.start));
        cursor.setPosition(int(t.end), QTextCursor::KeepAnchor);
        QTextCharFormat fmt;
        fmt.setBackground(t.corrected ? QColor(0xff, 0xd5, 0xb0) : QColor(0xff, 0xec, 0x9e));
        fmt.setAnchor(true);
        fmt.setAnchorHref(QStringLiteral("target:%1").arg(i));
        fmt.setToolTip(m_wb.data().indicatorName(t.indicator, lang) +
                       (lang == Language::English ? QStringLiteral(": ") : QStringLiteral("：")) +
                       report::targetText(t, lang));
        cursor.mergeCharFormat(fmt);
    }
}

void ReaderView::showPassage(const QString& docId, qsizetype start, qsizetype end) {
    ensureCurrent();
    openPlan(docId);
    if (m_plan.plan.docId != docId)
        return;
    if (start < 0) {
        m_text->verticalScrollBar()->setValue(0);
        return;
    }
    QTextCursor c(m_text->document());
    c.setPosition(int(std::min<qsizetype>(start, m_plan.text.size())));
    if (end > start)
        c.setPosition(int(std::min<qsizetype>(end, m_plan.text.size())), QTextCursor::KeepAnchor);
    m_text->setTextCursor(c);
    m_text->ensureCursorVisible();
    // Put the passage a third of the way down, not at the very edge.
    const QRect r = m_text->cursorRect(c);
    m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->value() + r.top() -
                                          m_text->viewport()->height() / 3);
    for (qsizetype i = 0; i < m_plan.targets.size(); ++i)
        if (m_plan.targets.at(i).start == start && end > start)
            showTargetFields(int(i));
}

void ReaderView::showTargetFields(int targetIndex) {
    ensureCurrent();
    if (targetIndex < 0 || targetIndex >= m_plan.targets.size())
        return;
    const ComparisonRow& t = m_plan.targets.at(targetIndex);
    m_shownTarget = targetIndex;
    const Language lang = interfaceLanguage();
    auto row = [](const QString& k, const QString& v) -> QString {
        return QStringLiteral("<tr><td style=\"color:#555; padding-right:8px\">") + k.toHtmlEscaped() +
               QStringLiteral("</td><td>") + v.toHtmlEscaped() + QStringLiteral("</td></tr>");
    };
    QString html = QStringLiteral("<h3>") + m_wb.data().indicatorName(t.indicator, lang).toHtmlEscaped() +
                   QStringLiteral("</h3><table>");
    html += row(tr("指标"), t.indicator);
    html += row(tr("目标"), report::targetText(t, lang));
    const QString kind = naming::kindText(t.kind, lang);
    html += row(tr("类型"), kind.isEmpty() ? t.kind : kind);
    html += row(tr("比较"), report::comparatorSymbol(t.comparator, lang));
    html += row(tr("数值"), t.value ? report::number(*t.value) : QString());
    // The stored unit beside its English name, so the Chinese original is on screen too.
    const QString unit = naming::unitName(t.unit, lang, t.value);
    html += row(tr("单位"), unit);
    html += row(tr("基线"), t.baseline ? report::number(*t.baseline) : QString());
    html += row(tr("期限"), naming::deadlineText(t.deadline, lang));
    html += row(tr("范围"), t.scope);
    html += row(tr("措施"), t.measureNumber > 0 ? QString::number(t.measureNumber) : QString());
    html += row(tr("置信度"), QString::number(t.confidence, 'f', 2));
    html += row(tr("位置"), QStringLiteral("%1–%2").arg(t.start).arg(t.end));
    if (t.page > 0)
        html += row(tr("页码"), tr("第 %1 页").arg(t.page));
    if (t.corrected)
        html += row(tr("已更正"), tr("是"));
    html += QStringLiteral("</table><p>") + report::sentenceHtml(t) + QStringLiteral("</p>");
    m_fields->setHtml(html);
    m_notes->setSubject(NoteOn::Target, t.targetId,
                        m_wb.data().indicatorName(t.indicator, lang) + QStringLiteral(" · ") +
                            report::targetText(t, lang));
    m_planNotes->setVisible(true);
}

void ReaderView::addTargetFromSelection() {
    ensureCurrent();
    const QTextCursor c = m_text->textCursor();
    if (!c.hasSelection() || m_plan.plan.docId.isEmpty())
        return;
    if (m_wb.data().readOnly()) {
        m_wb.message(readOnlyMessage(m_wb.data()));
        return;
    }
    NewTarget t;
    t.docId = m_plan.plan.docId;
    t.start = c.selectionStart();
    t.end = c.selectionEnd();
    AddTargetDialog dlg(m_wb.data(), c.selectedText(), m_wb.currentIndicator(), this);
    if (dlg.exec() != QDialog::Accepted)
        return;
    dlg.fill(t);
    m_wb.corrections()->addTarget(t);
}

} // namespace pc::ui
