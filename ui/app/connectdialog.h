// File ▸ Connect to a team database…: host, port, database, user and SSL mode of a PostgreSQL team
// database; the password from ~/.pgpass or PGPASSWORD, else typed here (kept in memory only).
#pragma once

#include "app/teamconnection.h"
#include "data/workbenchdata.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pc::ui {

class ConnectDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget* parent = nullptr);

    TeamConnection connection() const; // the fields as they stand
    void setConnection(const TeamConnection& c);
    // Connects with the fields (and the typed password, if any). On success the recent connections
    // remember the address (without password) and takeData() hands over the opened database; on
    // failure the dialog shows why, and asks for a password when the server wants one.
    bool tryConnect();
    std::unique_ptr<WorkbenchData> takeData() { return std::move(m_data); }
    QString errorText() const;

    QComboBox* recentBox() const { return m_recent; }
    QLineEdit* hostEdit() const { return m_host; }
    QSpinBox* portBox() const { return m_port; }
    QLineEdit* databaseEdit() const { return m_database; }
    QLineEdit* userEdit() const { return m_user; }
    QComboBox* sslModeBox() const { return m_sslMode; }
    QLineEdit* passwordEdit() const { return m_password; }
    bool passwordRequested() const; // the password row is shown

public Q_SLOTS:
    void accept() override;

private:
    void updatePasswordHint();
    QComboBox* m_recent;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QComboBox* m_sslMode;
    QLineEdit* m_password;
    QLabel* m_passwordLabel;
    QLabel* m_passwordHint;
    QLabel* m_error;
    std::unique_ptr<WorkbenchData> m_data;
};

} // namespace pc::ui
