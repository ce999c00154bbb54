#pragma once

#include "TeamDirectory.h"
#include "TeamPeople.h"

namespace MicroShop {

class Database;

// Core's TeamPeople over TeamDirectory: the people of a team shop on PostgreSQL, for the
// desktop's Settings › Users. Also says who is signed in and with which role (Shop).
class TeamDirectoryPeople final : public TeamPeople
{
public:
    explicit TeamDirectoryPeople(Database &database); // PostgreSQL only

    QList<Person> members() override;
    void add(const QString &name, TeamRole role, const QString &password) override;
    void changeRole(const QString &name, TeamRole role) override;
    void remove(const QString &name) override;

    // The login this connection is signed in as and its role in the shop: a superuser is an
    // owner; a login with no role in the shop gets the least (Packer: the server lets it do
    // nothing anyway).
    QString currentUser();
    TeamRole currentRole();

private:
    Database &m_database;
    TeamDirectory m_directory;
};

} // namespace MicroShop
