// Reader view. The text is set as plain text so document positions equal source offsets.
#include "readerview.h"

#include "addtargetdialog.h"
#include "app/workbench.h"
#include "export/reporthtml.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pc::ui {

ReaderView::ReaderView(Workbench& workbench, QWidget* parent)
    : QWidget(parent)
    , m_wb(workbench)
    , m_plans(new QComboBox(this))
    , m_outline(new QTreeWidget(this))
    , m_text(new QTextBrowser(this))
    , m_fields(new QTextBrowser(this))
    , m_addTarget(new QPushButton(tr("将所选文字添加为目标(&A)…"), this)) {
    setObjectName(QStringLiteral("readerView"));
    m_outline->setHeaderLabel(tr("目录"));
    m_outline->setMinimumWidth(160);
    m_text->setOpenLinks(false);
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard |
                                    Qt::LinksAccessibleByMouse);
    QFont f = m_text->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_text->setFont(f);
    m_fields->setMinimumWidth(200);
    m_fields->setPlaceholderText(tr("点击高亮的目标查看其字段"));
    m_addTarget->setEnabled(false);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_fields, 1);
    rightLayout->addWidget(m_addTarget);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_outline);
    split->addWidget(m_text);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 1);
    split->setSizes({200, 700, 240});

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("规划："), this));
    top->addWidget(m_plans, 1);
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
    connect(m_text, &QTextBrowser::copyAvailable, m_addTarget, &QWidget::setEnabled);
    connect(m_addTarget, &QPushButton::clicked, this, &ReaderView::addTargetFromSelection);
    connect(&m_wb, &Workbench::passageRequested, this, &ReaderView::showPassage);
    connect(&m_wb, &Workbench::dataReloaded, this, &ReaderView::reload);
    reload();
}

void ReaderView::reload() {
    const QString current = m_plan.plan.docId;
    {
        const QSignalBlocker block(m_plans);
        m_plans->clear();
        for (const PlanInfo& p : m_wb.snapshot().plans)
            m_plans->addItem(QStringLiteral("%1 · %2 · %3").arg(p.jurisdiction, p.docNumber, p.title),
                             p.docId);
    }
    m_plan = PlanText();
    const QString doc = current.isEmpty() && m_plans->count() ? m_plans->itemData(0).toString() : current;
    openPlan(doc);
}

void ReaderView::openPlan(const QString& docId) {
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
}

void ReaderView::highlightTargets() {
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
        fmt.setToolTip(m_wb.data().indicatorName(t.indicator) + QStringLiteral("：") + report::targetText(t));
        cursor.mergeCharFormat(fmt);
    }
}

void ReaderView::showPassage(const QString& docId, qsizetype start, qsizetype end) {
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
    if (targetIndex < 0 || targetIndex >= m_plan.targets.size())
        return;
    const ComparisonRow& t = m_plan.targets.at(targetIndex);
    auto row = [](const QString& k, const QString& v) -> QString {
        return QStringLiteral("<tr><td style=\"color:#555; padding-right:8px\">") + k.toHtmlEscaped() +
               QStringLiteral("</td><td>") + v.toHtmlEscaped() + QStringLiteral("</td></tr>");
    };
    QString html = QStringLiteral("<h3>") + m_wb.data().indicatorName(t.indicator).toHtmlEscaped() +
                   QStringLiteral("</h3><table>");
    html += row(tr("指标"), t.indicator);
    html += row(tr("目标"), report::targetText(t));
    html += row(tr("类型"), t.kind);
    html += row(tr("比较"), report::comparatorSymbol(t.comparator));
    html += row(tr("数值"), t.value ? report::number(*t.value) : QString());
    html += row(tr("单位"), t.unit);
    html += row(tr("基线"), t.baseline ? report::number(*t.baseline) : QString());
    html += row(tr("期限"), t.deadline);
    html += row(tr("范围"), t.scope);
    html += row(tr("措施"), t.measureNumber > 0 ? QString::number(t.measureNumber) : QString());
    html += row(tr("置信度"), QString::number(t.confidence, 'f', 2));
    html += row(tr("位置"), QStringLiteral("%1–%2").arg(t.start).arg(t.end));
    if (t.corrected)
        html += row(tr("已更正"), tr("是"));
    html += QStringLiteral("</table><p>") + report::sentenceHtml(t) + QStringLiteral("</p>");
    m_fields->setHtml(html);
}

void ReaderView::addTargetFromSelection() {
    const QTextCursor c = m_text->textCursor();
    if (!c.hasSelection() || m_plan.plan.docId.isEmpty())
        return;
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
