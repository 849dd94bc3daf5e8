// Settings dialog.
#include "settingsdialog.h"

#include "guiapp.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>

namespace pc::ui {

QString SettingsDialog::language() {
    const QString l = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("zh")).toString();
    return l == QLatin1String("en") ? l : QStringLiteral("zh");
}

void SettingsDialog::setLanguage(const QString& language) {
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_language(new QComboBox(this)) {
    setWindowTitle(tr("设置"));
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(language())));
    auto* form = new QFormLayout(this);
    form->addRow(tr("界面语言："), m_language);
    form->addRow(new QLabel(tr("更改立即应用于所有打开的视图。"), this));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const QString chosen = m_language->currentData().toString();
        setLanguage(chosen);
        installTranslation(chosen); // every open view retranslates itself (QEvent::LanguageChange)
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

} // namespace pc::ui
