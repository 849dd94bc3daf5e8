// The team database connection dialog.
#include "connectdialog.h"

#include "data/databasedata.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pc::ui {

ConnectDialog::ConnectDialog(QWidget* parent)
    : QDialog(parent)
    , m_recent(new QComboBox(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_sslMode(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_passwordHint(new QLabel(this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("连接团队数据库"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_host->setText(QStringLiteral("localhost"));
    m_user->setText(qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER")));
    m_database->setPlaceholderText(QStringLiteral("plans"));
    m_sslMode->addItem(tr("默认（prefer）"), QString());
    for (const char* mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordLabel->setText(tr("密码："));
    m_password->setVisible(false);
    m_passwordLabel->setVisible(false);
    m_passwordHint->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("connectError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_recent->addItem(tr("（新连接）"), QString());
    for (const QString& uri : recentTeamConnections(QSettings()))
        m_recent->addItem(uri, uri);
    connect(m_recent, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (const std::optional<TeamConnection> c = parseTeamDatabaseUri(m_recent->itemData(i).toString()))
            setConnection(*c);
    });
    for (QLineEdit* e : {m_host, m_database, m_user})
        connect(e, &QLineEdit::textChanged, this, &ConnectDialog::updatePasswordHint);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectDialog::updatePasswordHint);

    auto* form = new QFormLayout;
    form->addRow(tr("最近连接："), m_recent);
    form->addRow(tr("服务器："), m_host);
    form->addRow(tr("端口："), m_port);
    form->addRow(tr("数据库："), m_database);
    form->addRow(tr("用户："), m_user);
    form->addRow(tr("SSL 模式："), m_sslMode);
    form->addRow(m_passwordLabel, m_password);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("连接"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_passwordHint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    updatePasswordHint();
}

TeamConnection ConnectDialog::connection() const {
    TeamConnection c;
    c.host = m_host->text().trimmed();
    c.port = m_port->value();
    c.database = m_database->text().trimmed();
    c.user = m_user->text().trimmed();
    c.sslMode = m_sslMode->currentData().toString();
    return c;
}

void ConnectDialog::setConnection(const TeamConnection& c) {
    m_host->setText(c.host);
    m_port->setValue(c.port);
    m_database->setText(c.database);
    m_user->setText(c.user);
    const int i = m_sslMode->findData(c.sslMode);
    m_sslMode->setCurrentIndex(i < 0 ? 0 : i);
}

bool ConnectDialog::passwordRequested() const {
    return !m_password->isHidden();
}

QString ConnectDialog::errorText() const {
    return m_error->text();
}

void ConnectDialog::updatePasswordHint() {
    switch (passwordSource(connection())) {
    case PasswordSource::Environment:
        m_passwordHint->setText(tr("密码取自环境变量 PGPASSWORD。"));
        break;
    case PasswordSource::PassFile:
        m_passwordHint->setText(tr("密码取自 ~/.pgpass。"));
        break;
    case PasswordSource::None:
        m_passwordHint->setText(tr("~/.pgpass 中没有此连接的密码：服务器需要时会询问，密码不会保存。"));
        break;
    }
}

bool ConnectDialog::tryConnect() {
    const TeamConnection c = connection();
    if (const QString problem = checkTeamConnection(c); !problem.isEmpty()) {
        m_error->setText(problem);
        return false;
    }
    const QString uri = teamDatabaseUri(c);
    m_error->setText(tr("正在连接 %1 …").arg(uri));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    // Bounded: libpq gives up after connect_timeout (10 s) on a host that does not answer.
    Result<std::unique_ptr<WorkbenchData>> data = openDatabaseData(uri, false, m_password->text());
    QApplication::restoreOverrideCursor();
    if (!data) {
        bool needsPassword = false;
        m_error->setText(explainConnectError(c, data.errorMessage(), &needsPassword));
        if (needsPassword) {
            m_password->setVisible(true);
            m_passwordLabel->setVisible(true);
            m_password->selectAll();
            m_password->setFocus();
        }
        return false;
    }
    m_error->clear();
    m_password->clear(); // not kept beyond the connection it opened
    QSettings settings;
    rememberTeamConnection(settings, uri);
    m_data = std::move(data).value();
    return true;
}

void ConnectDialog::accept() {
    if (tryConnect())
        QDialog::accept();
}

} // namespace pc::ui
