// Plan correction dialog (see plancorrectiondialog.h).
#include "plancorrectiondialog.h"

#include "app/uilanguage.h"
#include "data/workbenchdata.h"
#include "gazetteer/gazetteer.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pc::ui {

PlanCorrectionDialog::PlanCorrectionDialog(const PlanInfo& plan, QWidget* parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_jurisdiction(new QComboBox(this))
    , m_year(new QSpinBox(this))
    , m_kind(new QComboBox(this)) {
    setObjectName(QStringLiteral("planCorrectionDialog"));
    setWindowTitle(tr("更正方案信息"));
    setMinimumWidth(380);
    const bool en = interfaceLanguage() == Language::English;

    // Names as the store keeps them (Chinese, the gazetteer's full names); a name outside the
    // gazetteer may be typed in.
    m_jurisdiction->setObjectName(QStringLiteral("planJurisdiction"));
    m_jurisdiction->setEditable(true);
    m_jurisdiction->setInsertPolicy(QComboBox::NoInsert);
    for (const gazetteer::Jurisdiction& j : gazetteer::all()) {
        m_jurisdiction->addItem(j.name, j.name);
        m_jurisdiction->setItemData(m_jurisdiction->count() - 1, en ? j.nameEn : j.code, Qt::ToolTipRole);
    }
    const int at = m_jurisdiction->findData(plan.jurisdiction);
    if (at >= 0)
        m_jurisdiction->setCurrentIndex(at);
    else
        m_jurisdiction->setEditText(plan.jurisdiction);

    m_year->setObjectName(QStringLiteral("planYear"));
    m_year->setRange(1949, 2100); // what the store accepts
    m_year->setValue(plan.year > 0 ? plan.year : QDate::currentDate().year());

    m_kind->setObjectName(QStringLiteral("planKind"));
    m_kind->addItem(tr("综合方案"), QStringLiteral("comprehensive"));
    m_kind->addItem(tr("专项方案"), QStringLiteral("special"));
    m_kind->setCurrentIndex(plan.planKind == QLatin1String("special") ? 1 : 0);

    auto* heading = new QLabel(this);
    heading->setWordWrap(true);
    heading->setText(tr("%1（%2）").arg(plan.title.isEmpty() ? plan.docId : plan.title, plan.docId));
    auto* note = new QLabel(tr("更正保存在数据库中，重新导入后仍然有效。"), this);
    note->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("辖区："), m_jurisdiction);
    form->addRow(tr("年份："), m_year);
    form->addRow(tr("类型："), m_kind);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QList<QPair<QString, QString>> PlanCorrectionDialog::changes() const {
    QList<QPair<QString, QString>> out;
    const QString jurisdiction = m_jurisdiction->currentText().trimmed();
    if (!jurisdiction.isEmpty() && jurisdiction != m_plan.jurisdiction)
        out.append({QStringLiteral("jurisdiction"), jurisdiction});
    if (m_year->value() != m_plan.year)
        out.append({QStringLiteral("year"), QString::number(m_year->value())});
    const QString kind = m_kind->currentData().toString();
    if (kind != (m_plan.planKind.isEmpty() ? QStringLiteral("comprehensive") : m_plan.planKind))
        out.append({QStringLiteral("kind"), kind});
    return out;
}

Status PlanCorrectionDialog::apply(WorkbenchData& data) const {
    for (const auto& [field, value] : changes())
        if (Status s = data.correctPlan(m_plan.docId, field, value); !s)
            return s;
    return okStatus();
}

} // namespace pc::ui
