// The navigator dock.
#include "navigatordock.h"

#include "app/uilanguage.h"
#include "app/workbench.h"
#include "plancorrectiondialog.h"

#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QTreeWidget>

#include <algorithm>

namespace pc::ui {

NavigatorDock::NavigatorDock(Workbench& workbench, QWidget* parent)
    : QDockWidget(parent)
    , m_wb(workbench)
    , m_tree(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("navigator"));
    setWindowTitle(tr("导航"));
    m_tree->setHeaderLabels({tr("名称"), tr("目标")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    setWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemActivated, this, &NavigatorDock::activate);
    connect(m_tree, &QTreeWidget::itemClicked, this, &NavigatorDock::activate);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        fillContextMenu(menu, m_tree->itemAt(pos));
        if (!menu.isEmpty())
            menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
    connect(&m_wb, &Workbench::dataReloaded, this, &NavigatorDock::reload);
    connect(&m_wb, &Workbench::indicatorChanged, this, &NavigatorDock::selectIndicator);
    reload();
}

void NavigatorDock::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setWindowTitle(tr("导航"));
        m_tree->setHeaderLabels({tr("名称"), tr("目标")});
        reload();
    }
    QDockWidget::changeEvent(event);
}

void NavigatorDock::reload() {
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    const Snapshot& snap = m_wb.snapshot();
    WorkbenchData& data = m_wb.data();
    const Language lang = interfaceLanguage();
    const bool en = lang == Language::English;

    auto* areasRoot = new QTreeWidgetItem(m_tree, {tr("领域与指标")});
    for (const Area& area : data.areas()) {
        QTreeWidgetItem* areaItem = nullptr;
        int areaTargets = 0;
        for (const Indicator& ind : data.indicators()) {
            if (ind.area != area.id || !snap.rows.contains(ind.id))
                continue;
            if (!areaItem) {
                areaItem = new QTreeWidgetItem(areasRoot, {naming::areaName(area, lang)});
                areaItem->setData(0, KindRole, AreaItem);
                areaItem->setData(0, IdRole, area.id);
                // The other language's name one step away.
                areaItem->setToolTip(0, area.id + QStringLiteral(" · ") + (en ? area.nameZh : area.nameEn));
            }
            const int n = int(snap.rows.value(ind.id).size());
            areaTargets += n;
            auto* item =
                new QTreeWidgetItem(areaItem, {naming::indicatorName(ind, lang), QString::number(n)});
            item->setData(0, KindRole, IndicatorItem);
            item->setData(0, IdRole, ind.id);
            const QString definition = naming::definition(ind, lang);
            item->setToolTip(0, ind.id + QStringLiteral(" · ") + (en ? ind.nameZh : ind.nameEn) +
                                    (definition.isEmpty() ? QString() : QStringLiteral("\n") + definition));
            item->setTextAlignment(1, Qt::AlignRight);
        }
        if (areaItem) {
            areaItem->setText(1, QString::number(areaTargets));
            areaItem->setTextAlignment(1, Qt::AlignRight);
        }
    }
    areasRoot->setExpanded(true);

    auto* plansRoot = new QTreeWidgetItem(m_tree, {tr("辖区与规划")});
    QHash<QString, QTreeWidgetItem*> byJurisdiction;
    for (const PlanInfo& p : snap.plans) {
        QTreeWidgetItem*& j = byJurisdiction[p.jurisdiction];
        if (!j) {
            j = new QTreeWidgetItem(plansRoot, {naming::jurisdictionName(p.jurisdiction, lang)});
            j->setData(0, KindRole, JurisdictionItem);
            j->setData(0, IdRole, p.jurisdiction);
            if (en)
                j->setToolTip(0, p.jurisdiction);
            j->setExpanded(true);
        }
        auto* item = new QTreeWidgetItem(j, {QStringLiteral("%1 %2").arg(p.year).arg(p.docNumber)});
        item->setData(0, KindRole, PlanItem);
        item->setData(0, IdRole, p.docId);
        item->setToolTip(0, p.title + QStringLiteral("\n") + p.issuedOn + QStringLiteral(" · ") +
                                (p.planKind == QLatin1String("special") ? tr("专项方案") : tr("综合方案")));
    }
    plansRoot->setExpanded(true);
    selectIndicator(m_wb.currentIndicator());
}

void NavigatorDock::selectIndicator(const QString& indicatorId) {
    const QSignalBlocker block(m_tree);
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, KindRole).toInt() == IndicatorItem &&
            (*it)->data(0, IdRole).toString() == indicatorId) {
            m_tree->setCurrentItem(*it);
            if ((*it)->parent())
                (*it)->parent()->setExpanded(true);
            m_tree->scrollToItem(*it);
            return;
        }
    }
}

void NavigatorDock::fillContextMenu(QMenu& menu, QTreeWidgetItem* item) {
    if (!item || item->data(0, KindRole).toInt() != PlanItem)
        return;
    const QString docId = item->data(0, IdRole).toString();
    menu.addAction(tr("在阅读器中打开"), this, [this, docId] { m_wb.showPassage(docId, -1, -1, true); });
    QAction* correct =
        menu.addAction(tr("更正辖区、年份或类型…"), this, [this, docId] { correctPlan(docId); });
    correct->setObjectName(QStringLiteral("correctPlan"));
    if (m_wb.data().readOnly()) {
        correct->setEnabled(false);
        correct->setToolTip(readOnlyMessage(m_wb.data()));
        menu.setToolTipsVisible(true);
    }
}

void NavigatorDock::correctPlan(const QString& docId) {
    const QList<PlanInfo>& plans = m_wb.snapshot().plans;
    const auto it =
        std::find_if(plans.begin(), plans.end(), [&docId](const PlanInfo& p) { return p.docId == docId; });
    if (it == plans.end())
        return;
    if (m_wb.data().readOnly()) {
        m_wb.message(readOnlyMessage(m_wb.data()));
        return;
    }
    PlanCorrectionDialog dlg(*it, this);
    if (dlg.exec() != QDialog::Accepted || dlg.changes().isEmpty())
        return;
    const Status s = dlg.apply(m_wb.data());
    m_wb.reload(); // also after a failure: the fields stored before it show
    if (!s)
        QMessageBox::warning(this, tr("更正方案信息"), s.errorMessage());
    else
        m_wb.message(tr("已更正方案 %1").arg(docId));
}

void NavigatorDock::activate(QTreeWidgetItem* item) {
    if (!item)
        return;
    const QString id = item->data(0, IdRole).toString();
    switch (item->data(0, KindRole).toInt()) {
    case IndicatorItem:
        m_wb.setCurrentIndicator(id);
        break;
    case AreaItem:
        m_wb.setCurrentArea(id);
        break;
    case PlanItem:
        m_wb.showPassage(id, -1, -1, true);
        break;
    default:
        break;
    }
}

} // namespace pc::ui
