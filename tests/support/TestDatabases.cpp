#include "TestDatabases.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace MicroShop::Testing {

namespace {

QString readAdminUrl()
{
    QString url = qEnvironmentVariable("MICROSHOP_TEST_PG_URL");
    if (url.isEmpty()) {
        QFile file(qEnvironmentVariable("MICROSHOP_TEST_PG_URL_FILE"));
        if (file.open(QIODevice::ReadOnly))
            url = QString::fromUtf8(file.readAll()).trimmed();
    }
    return url;
}

} // namespace

TestDatabases::TestDatabases()
    : m_postgres(qEnvironmentVariable("MICROSHOP_TEST_BACKEND") == u"postgresql")
    , m_adminUrl(m_postgres ? readAdminUrl() : QString())
{}

TestDatabases::~TestDatabases()
{
    for (const QString &name : std::as_const(m_created)) {
        adminExec(QStringLiteral("postgres"),
                  QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
        // The team roles of the database (TeamRoles) are the server's: they go with it.
        adminExec(QStringLiteral("postgres"),
                  QStringLiteral("DROP ROLE IF EXISTS %1_owner, %1_manager, %1_clerk, %1_packer, "
                                 "%1_finance")
                      .arg(name));
    }
}

bool TestDatabases::adminExec(const QString &databaseName, const QString &sql, QString *error)
{
    const QUrl url(m_adminUrl);
    const QString connectionName = QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        admin.setHostName(url.host());
        admin.setPort(url.port(5432));
        admin.setUserName(url.userName());
        admin.setPassword(url.password());
        admin.setDatabaseName(databaseName);
        if (admin.open()) {
            QSqlQuery query(admin);
            ok = query.exec(sql);
            if (!ok && error)
                *error = query.lastError().text();
        } else if (error) {
            *error = admin.lastError().text();
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return ok;
}

DatabaseLocation TestDatabases::fresh(QString *error)
{
    if (!m_postgres)
        return DatabaseLocation::sqliteFile(
            scratchPath(QStringLiteral("shop-%1.db").arg(++m_counter)));

    if (m_adminUrl.isEmpty()) {
        if (error)
            *error = QStringLiteral("MICROSHOP_TEST_BACKEND=postgresql but no server: set "
                                    "MICROSHOP_TEST_PG_URL_FILE (tests/postgres_fixture.sh)");
        return DatabaseLocation();
    }
    const QString name = QStringLiteral("microshop_test_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(++m_counter);
    QString why;
    if (!adminExec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(name),
                   &why)) {
        if (error)
            *error = QStringLiteral("cannot create a PostgreSQL test database: ") + why;
        return DatabaseLocation();
    }
    m_created.append(name);
    QUrl url(m_adminUrl);
    url.setPath(u'/' + name);
    return *DatabaseLocation::parse(url.toString());
}

QString TestDatabases::freshText(QString *error)
{
    const DatabaseLocation location = fresh(error);
    if (location.isSqlite())
        return location.path();
    if (location.databaseName().isEmpty())
        return QString();
    QUrl url(m_adminUrl);
    url.setPath(u'/' + location.databaseName());
    return url.toString();
}

QString TestDatabases::withWrongPassword(const DatabaseLocation &location) const
{
    QUrl url(m_adminUrl);
    url.setPassword(QStringLiteral("not-the-password"));
    url.setPath(u'/' + location.databaseName());
    return url.toString();
}

QString TestDatabases::scratchPath(const QString &name) const
{
    return m_folder.filePath(name);
}

} // namespace MicroShop::Testing
