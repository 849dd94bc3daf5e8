// Team database addresses, password sources, recent connections and connection errors.
#include "teamconnection.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace pc::ui {

namespace {

const QString kRecentKey = QStringLiteral("team/recent");
constexpr int kRecentMax = 8;

// Messages carry both languages ("中文 / English"): they name servers and roles an administrator reads.
QString msg(const char* text) {
    return QString::fromUtf8(text);
}

// One field of a ~/.pgpass line: ':' separates, '\' escapes ':' and '\'.
QStringList passFileFields(const QString& line) {
    QStringList fields{QString()};
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar ch = line.at(i);
        if (ch == QLatin1Char('\\') && i + 1 < line.size()) {
            fields.last() += line.at(++i);
        } else if (ch == QLatin1Char(':')) {
            fields << QString();
        } else {
            fields.last() += ch;
        }
    }
    return fields;
}

bool passFileMatches(const QString& pattern, const QString& value) {
    return pattern == QLatin1String("*") || pattern == value;
}

} // namespace

QString teamDatabaseUri(const TeamConnection& c) {
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(c.user.trimmed());
    url.setHost(c.host.trimmed());
    url.setPort(c.port);
    url.setPath(QLatin1Char('/') + c.database.trimmed());
    if (!c.sslMode.isEmpty()) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("sslmode"), c.sslMode);
        url.setQuery(q);
    }
    return url.toString(QUrl::FullyEncoded);
}

std::optional<TeamConnection> parseTeamDatabaseUri(const QString& uri) {
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
        return std::nullopt;
    TeamConnection c;
    c.host = url.host();
    c.port = url.port(5432);
    c.user = url.userName();
    c.database = url.path(QUrl::FullyDecoded).mid(1);
    c.sslMode = QUrlQuery(url).queryItemValue(QStringLiteral("sslmode"));
    if (c.host.isEmpty() || c.database.isEmpty())
        return std::nullopt;
    return c;
}

QString checkTeamConnection(const TeamConnection& c) {
    if (c.host.trimmed().isEmpty())
        return msg("请填写服务器地址 / Enter the server's host name.");
    if (c.port < 1 || c.port > 65535)
        return msg("端口须在 1 到 65535 之间 / The port must lie between 1 and 65535.");
    if (c.database.trimmed().isEmpty())
        return msg("请填写数据库名称 / Enter the database's name.");
    if (c.user.trimmed().isEmpty())
        return msg("请填写用户名 / Enter your user name.");
    return {};
}

PasswordSource passwordSource(const TeamConnection& c, const QString& passFile) {
    if (!qEnvironmentVariableIsEmpty("PGPASSWORD"))
        return PasswordSource::Environment;
    QString path = passFile;
    if (path.isEmpty())
        path = qEnvironmentVariable("PGPASSFILE", QDir::homePath() + QStringLiteral("/.pgpass"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return PasswordSource::None;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList field = passFileFields(line);
        if (field.size() < 5)
            continue;
        if (passFileMatches(field[0], c.host) && passFileMatches(field[1], QString::number(c.port)) &&
            passFileMatches(field[2], c.database) && passFileMatches(field[3], c.user))
            return PasswordSource::PassFile;
    }
    return PasswordSource::None;
}

QString explainConnectError(const TeamConnection& c, const QString& storeMessage, bool* needsPassword) {
    if (needsPassword)
        *needsPassword = false;
    const QString m = storeMessage;
    const QString where = QStringLiteral("%1:%2").arg(c.host).arg(c.port);
    QString headline;
    if (m.contains(QLatin1String("password authentication failed"))) {
        headline = msg("用户 %1 的密码不正确 / Wrong password for user %1.").arg(c.user);
        if (needsPassword)
            *needsPassword = true;
    } else if (m.contains(QLatin1String("no password supplied")) ||
               m.contains(QLatin1String("password is required"))) {
        headline = msg("服务器要求输入 %1 的密码（不会保存）/ The server asks for %1's password (it is not "
                       "saved).")
                       .arg(c.user);
        if (needsPassword)
            *needsPassword = true;
    } else if (m.contains(QLatin1String("timeout expired")) ||
               m.contains(QLatin1String("Connection refused")) ||
               m.contains(QLatin1String("could not translate host name")) ||
               m.contains(QLatin1String("No route to host")) ||
               m.contains(QLatin1String("Network is unreachable")) ||
               m.contains(QLatin1String("could not connect to server")) ||
               m.contains(QLatin1String("Connection timed out"))) {
        headline =
            msg("无法连接服务器 %1（10 秒内无应答或拒绝连接）：服务器是否在运行，地址和端口是否正确？/ "
                "Cannot reach the server %1 (refused, or no answer within 10 s): is it running, are "
                "the host and port right?")
                .arg(where);
    } else if (m.contains(QLatin1String("database \"")) && m.contains(QLatin1String("does not exist"))) {
        headline = msg("服务器 %1 上没有数据库 %2 / There is no database %2 on %1.").arg(where, c.database);
    } else if (m.contains(QLatin1String("role \"")) && m.contains(QLatin1String("does not exist"))) {
        headline = msg("服务器 %1 上没有用户 %2 / There is no user %2 on %1.").arg(where, c.user);
    } else if (m.contains(QLatin1String("tables of another program"))) {
        headline = msg("%1 不是 PlanCompare 数据库（其中有别的程序的表），未作任何改动 / %1 is not a "
                       "PlanCompare database (it holds another program's tables); it was left untouched.")
                       .arg(c.database);
    } else if (m.contains(QLatin1String("no access to the PlanCompare database"))) {
        headline =
            msg("用户 %1 没有此数据库的权限，请数据库所有者授予 reader 或 editor 角色 / User %1 has no "
                "rights on this database: ask its owner for the reader or editor role.")
                .arg(c.user);
    } else {
        return m;
    }
    return headline + QStringLiteral("\n") + m;
}

QStringList recentTeamConnections(const QSettings& settings) {
    QStringList out;
    for (const QString& uri : settings.value(kRecentKey).toStringList()) {
        // Only addresses this dialog wrote (no password); anything else in the file is ignored.
        const std::optional<TeamConnection> c = parseTeamDatabaseUri(uri);
        if (c && QUrl(uri).password().isEmpty())
            out << teamDatabaseUri(*c);
    }
    return out;
}

void rememberTeamConnection(QSettings& settings, const QString& uri) {
    const std::optional<TeamConnection> c = parseTeamDatabaseUri(uri);
    if (!c)
        return;
    const QString clean = teamDatabaseUri(*c); // rebuilt from the fields: a password cannot slip in
    QStringList recent = recentTeamConnections(settings);
    recent.removeAll(clean);
    recent.prepend(clean);
    while (recent.size() > kRecentMax)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
}

} // namespace pc::ui
