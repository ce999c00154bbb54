#pragma once

#include "DatabaseLocation.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace MicroShop::Testing {

// Fresh, empty databases for tests on the backend named by $MICROSHOP_TEST_BACKEND ("sqlite",
// the default, or "postgresql"). PostgreSQL tests need the server of tests/postgres_fixture.sh:
// without it they fail, never skip.
class TestDatabases final
{
public:
    TestDatabases();
    ~TestDatabases();
    TestDatabases(const TestDatabases &) = delete;
    TestDatabases &operator=(const TestDatabases &) = delete;

    bool isPostgres() const { return m_postgres; }
    QString backendName() const
    {
        return m_postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
    }

    // A new empty database (an SQLite path that does not exist yet, or a new PostgreSQL
    // database); empty with *error set when the PostgreSQL server cannot be reached.
    DatabaseLocation fresh(QString *error = nullptr);
    QString freshText(QString *error = nullptr); // as a --db argument

    // The server's URL with another password (PostgreSQL only).
    QString withWrongPassword(const DatabaseLocation &location) const;

    QString scratchPath(const QString &name) const; // a path in this object's temporary folder

    // Runs SQL on the PostgreSQL server as its superuser (create other programs' tables...).
    bool adminExec(const QString &databaseName, const QString &sql, QString *error = nullptr);

private:
    bool m_postgres = false;
    QString m_adminUrl;
    QTemporaryDir m_folder;
    QStringList m_created;
    int m_counter = 0;
};

} // namespace MicroShop::Testing
