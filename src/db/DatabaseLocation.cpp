#include "DatabaseLocation.h"

#include "Error.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace MicroShop {

DatabaseLocation DatabaseLocation::sqliteFile(const QString &path)
{
    DatabaseLocation location;
    location.m_backend = Backend::Sqlite;
    location.m_path = QFileInfo(path).absoluteFilePath();
    return location;
}

std::optional<DatabaseLocation> DatabaseLocation::parse(const QString &text, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<DatabaseLocation> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (text.trimmed().isEmpty())
        return fail(tr("The database location is empty: give an SQLite file path or "
                       "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME."));

    const bool looksLikeUrl = text.startsWith(QStringLiteral("postgresql://"))
                              || text.startsWith(QStringLiteral("postgres://"));
    if (!looksLikeUrl) {
        if (text.contains(QStringLiteral("://")))
            return fail(tr("\"%1\" is not a database MicroShop can open: use an SQLite file path "
                           "or postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME.")
                            .arg(text));
        return sqliteFile(text);
    }

    const QUrl url(text, QUrl::StrictMode);
    const QString database = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || url.userName().isEmpty() || database.isEmpty()
        || database.contains(u'/'))
        return fail(tr("\"%1\" is not a valid PostgreSQL address: write "
                       "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME.")
                        .arg(url.toDisplayString(QUrl::RemovePassword)));
    DatabaseLocation location;
    location.m_backend = Backend::PostgreSql;
    location.m_host = url.host();
    location.m_port = url.port(5432);
    location.m_user = url.userName(QUrl::FullyDecoded);
    location.m_password = url.password(QUrl::FullyDecoded);
    location.m_databaseName = QUrl::fromPercentEncoding(database.toUtf8());
    return location;
}

QString DatabaseLocation::defaultSqlitePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("microshop.db"));
}

DatabaseLocation DatabaseLocation::resolve(const QString &commandLineValue)
{
    QString text = commandLineValue;
    if (text.isEmpty())
        text = qEnvironmentVariable("MICROSHOP_DB");
    if (text.isEmpty())
        return sqliteFile(defaultSqlitePath());
    QString why;
    const auto location = parse(text, &why);
    if (!location)
        throw InputError(why);
    return *location;
}

DatabaseLocation DatabaseLocation::postgreSql(const QString &host, int port,
                                              const QString &databaseName, const QString &user,
                                              const QString &password)
{
    DatabaseLocation location;
    location.m_backend = Backend::PostgreSql;
    location.m_host = host;
    location.m_port = port;
    location.m_databaseName = databaseName;
    location.m_user = user;
    location.m_password = password;
    return location;
}

QString DatabaseLocation::text(Password password) const
{
    if (m_backend == Backend::Sqlite)
        return m_path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host);
    url.setPort(m_port);
    url.setUserName(m_user);
    if (password == Password::Included && !m_password.isEmpty())
        url.setPassword(m_password);
    url.setPath(u'/' + m_databaseName);
    return url.toString(QUrl::FullyEncoded);
}

QString DatabaseLocation::displayName() const
{
    if (m_backend == Backend::Sqlite)
        return QDir::toNativeSeparators(m_path);
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(m_user, m_host)
        .arg(m_port)
        .arg(m_databaseName);
}

DatabaseLocation DatabaseLocation::signedInAs(const QString &user, const QString &password) const
{
    DatabaseLocation signedIn = *this;
    signedIn.m_user = user;
    signedIn.m_password = password;
    return signedIn;
}

} // namespace MicroShop
