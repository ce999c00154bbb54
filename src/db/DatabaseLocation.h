#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace MicroShop {

// Where the shop's data lives: a local SQLite file, or a PostgreSQL database for team mode.
class DatabaseLocation final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseLocation)

public:
    enum class Backend { Sqlite, PostgreSql };

    static DatabaseLocation sqliteFile(const QString &path);

    static DatabaseLocation postgreSql(const QString &host, int port, const QString &databaseName,
                                       const QString &user, const QString &password);

    // An SQLite path, or postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME.
    static std::optional<DatabaseLocation> parse(const QString &text, QString *error = nullptr);

    // The platform's application data folder + microshop.db (what the desktop app opens).
    static QString defaultSqlitePath();

    // --db if given, else $MICROSHOP_DB, else the default file. Throws InputError if malformed.
    static DatabaseLocation resolve(const QString &commandLineValue = QString());

    Backend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == Backend::Sqlite; }
    QString path() const { return m_path; } // SQLite only
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_databaseName; }

    // For people: the path, or the URL without its password.
    QString displayName() const;
    // What parse() reads back: the path, or the URL (its parts percent-encoded) with the
    // password or without it (to be remembered where a password must not be).
    enum class Password { Included, LeftOut };
    QString text(Password password) const;

    // The same PostgreSQL database, signed in as user with password.
    DatabaseLocation signedInAs(const QString &user, const QString &password) const;

private:
    Backend m_backend = Backend::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_password;
    QString m_databaseName;
};

} // namespace MicroShop
