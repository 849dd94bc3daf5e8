// Plan-set chooser (see plansetchooser.h).
#include "plansetchooser.h"

#include "app/workbench.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QToolButton>

#include <algorithm>

namespace pc::ui {

PlanSetChooser::PlanSetChooser(Workbench& workbench, QWidget* parent)
    : QWidget(parent)
    , m_wb(workbench)
    , m_combo(new QComboBox(this))
    , m_save(new QToolButton(this)) {
    setObjectName(QStringLiteral("planSetChooser"));
    m_combo->setObjectName(QStringLiteral("planSetCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    auto* label = new QLabel(this);
    label->setObjectName(QStringLiteral("planSetLabel"));
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(m_save);
    connect(m_combo, &QComboBox::activated, this, &PlanSetChooser::choose);
    connect(m_save, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("保存方案集"), tr("名称："), QLineEdit::Normal, QString(), &ok);
        if (ok && !name.trimmed().isEmpty())
            saveCurrentAs(name.trimmed());
    });
    connect(&m_wb, &Workbench::dataReloaded, this, &PlanSetChooser::refill);
    QEvent e(QEvent::LanguageChange);
    changeEvent(&e);
}

void PlanSetChooser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        if (auto* label = findChild<QLabel*>(QStringLiteral("planSetLabel")))
            label->setText(tr("方案集："));
        m_save->setText(tr("保存为集合…"));
        m_save->setToolTip(tr("把当前比较的方案保存为一个命名集合"));
        if (m_wb.data().readOnly()) { // a set is stored in the database
            m_save->setEnabled(false);
            m_save->setToolTip(readOnlyMessage(m_wb.data()));
        }
        refill();
    }
    QWidget::changeEvent(event);
}

void PlanSetChooser::refill() {
    if (m_filling)
        return;
    m_filling = true;
    const PlanSelection current = m_wb.data().planSelection();
    m_combo->clear();
    m_combo->addItem(tr("最新方案（每个辖区）"), PlanSelection::latest().key());
    m_combo->addItem(tr("全部方案"), PlanSelection::all().key());
    QList<int> years;
    if (Result<QList<PlanInfo>> all = m_wb.data().allPlans()) {
        QSet<int> seen;
        for (const PlanInfo& p : *all)
            if (p.year > 0 && !seen.contains(p.year)) {
                seen.insert(p.year);
                years << p.year;
            }
    }
    std::sort(years.begin(), years.end(), std::greater<int>());
    for (int y : years)
        m_combo->addItem(tr("%1 年的方案").arg(y), PlanSelection::ofYear(y).key());
    if (Result<QStringList> names = m_wb.data().planSetNames())
        for (const QString& n : *names)
            m_combo->addItem(tr("集合：%1").arg(n), PlanSelection::named(n).key());
    const int at = m_combo->findData(current.key());
    if (at >= 0) {
        m_combo->setCurrentIndex(at);
    } else {
        m_combo->addItem(current.key(), current.key()); // a year or set no longer offered: still shown
        m_combo->setCurrentIndex(m_combo->count() - 1);
    }
    m_filling = false;
}

void PlanSetChooser::choose(int index) {
    if (m_filling || index < 0)
        return;
    const PlanSelection s = PlanSelection::fromKey(m_combo->itemData(index).toString());
    if (s == m_wb.data().planSelection())
        return;
    m_wb.setPlanSelection(s);
}

bool PlanSetChooser::saveCurrentAs(const QString& name) {
    QStringList docIds;
    for (const PlanInfo& p : m_wb.snapshot().plans)
        docIds << p.docId;
    const Status s = m_wb.data().savePlanSet(name, docIds);
    if (!s) {
        m_wb.message(s.errorMessage());
        return false;
    }
    m_wb.setPlanSelection(PlanSelection::named(name));
    m_wb.message(tr("已保存方案集“%1”（%2 个方案）").arg(name).arg(docIds.size()));
    return true;
}

} // namespace pc::ui
