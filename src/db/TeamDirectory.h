#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

class Database;

// The people of a team shop on PostgreSQL (team.md "People and roles"): each a login of the
// server, member of one of the shop's group roles (TeamRoles). The owner adds, changes and
// removes them (`microshop-cli user`, Settings › Users). Passwords are never stored or sent:
// the server receives a SCRAM-SHA-256 verifier computed here. Refusals throw InputError.
class TeamDirectory final
{
    Q_DECLARE_TR_FUNCTIONS(TeamDirectory)

public:
    struct Member
    {
        QString name;
        QString role; // owner, manager, clerk, packer or finance
    };

    // Throws InputError on SQLite: a local shop has one user and no login.
    explicit TeamDirectory(Database &database);

    QList<Member> members();
    QString currentUser();
    // The role of a login in this shop (the most trusted if several); empty: none.
    QString roleOf(const QString &name);

    void add(const QString &name, const QString &role, const QString &password);
    void changeRole(const QString &name, const QString &role);
    void remove(const QString &name);

    // Throw InputError with a clear message when a name or role cannot be used.
    static void checkName(const QString &name);
    static void checkRole(const QString &role);

    // SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey> (RFC 5802, 7677), as PostgreSQL stores
    // it; a random 16-byte salt when none is given.
    static QString scramVerifier(const QString &password, QByteArray salt = {});

private:
    QString groupRole(const QString &role);
    void requireOwner();
    void refuseLastOwner(const QString &name, const QString &what);
    QString quoted(const QString &identifier) const;

    Database &m_database;
    QString m_databaseName;
};

} // namespace MicroShop
