// Add-target dialog; guesses the value and unit from the selected words.
#include "addtargetdialog.h"

#include "app/uilanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>

namespace pc::ui {

AddTargetDialog::AddTargetDialog(const WorkbenchData& data, const QString& selectedText,
                                 const QString& indicatorId, QWidget* parent)
    : QDialog(parent)
    , m_indicator(new QComboBox(this))
    , m_comparator(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_unit(new QLineEdit(this))
    , m_deadline(new QLineEdit(this))
    , m_scope(new QLineEdit(this)) {
    setWindowTitle(tr("添加目标"));
    for (const Indicator& ind : data.indicators())
        m_indicator->addItem(ind.id + QStringLiteral("  ") + naming::indicatorName(ind, interfaceLanguage()),
                             ind.id);
    m_indicator->setCurrentIndex(std::max(0, m_indicator->findData(indicatorId)));
    for (const QString& c : {QStringLiteral("<="), QStringLiteral("<"), QStringLiteral("="),
                             QStringLiteral(">="), QStringLiteral(">"), QStringLiteral("~")})
        m_comparator->addItem(c, c);
    static const QRegularExpression number(
        QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*(个工作日|工作日|天|日|小时|%|个百分点|项|个|家|户)?"));
    const QRegularExpressionMatch m = number.match(selectedText);
    if (m.hasMatch()) {
        m_value->setText(m.captured(1));
        QString unit = m.captured(2);
        if (unit == QStringLiteral("个工作日"))
            unit = QStringLiteral("工作日");
        m_unit->setText(unit);
    }
    if (selectedText.contains(QStringLiteral("以内")) || selectedText.contains(QStringLiteral("不超过")))
        m_comparator->setCurrentIndex(0);
    else
        m_comparator->setCurrentIndex(2);
    m_deadline->setPlaceholderText(QStringLiteral("YYYY-MM"));
    auto* form = new QFormLayout(this);
    auto* quote = new QLabel(selectedText.left(200), this);
    quote->setWordWrap(true);
    form->addRow(tr("原文："), quote);
    form->addRow(tr("指标："), m_indicator);
    form->addRow(tr("比较："), m_comparator);
    form->addRow(tr("数值："), m_value);
    form->addRow(tr("单位："), m_unit);
    form->addRow(tr("期限："), m_deadline);
    form->addRow(tr("范围："), m_scope);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void AddTargetDialog::fill(NewTarget& t) const {
    t.indicator = m_indicator->currentData().toString();
    t.comparator = m_comparator->currentData().toString();
    bool ok = false;
    const double v = m_value->text().toDouble(&ok);
    t.value = ok ? std::optional<double>(v) : std::nullopt;
    t.unit = m_unit->text().trimmed();
    t.deadline = m_deadline->text().trimmed();
    t.scope = m_scope->text().trimmed();
}

} // namespace pc::ui
