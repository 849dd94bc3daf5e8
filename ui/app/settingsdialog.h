// Settings: interface language (applies at once to every open window, and is remembered).
#pragma once

#include <QDialog>

class QComboBox;

namespace pc::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    static QString language(); // "zh" (default) or "en"
    static void setLanguage(const QString& language);
    QComboBox* languageBox() const { return m_language; }

private:
    QComboBox* m_language;
};

} // namespace pc::ui
