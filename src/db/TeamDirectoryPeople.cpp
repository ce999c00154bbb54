#include "TeamDirectoryPeople.h"

#include "Database.h"

namespace MicroShop {

TeamDirectoryPeople::TeamDirectoryPeople(Database &database)
    : m_database(database)
    , m_directory(database)
{}

QList<TeamPeople::Person> TeamDirectoryPeople::members()
{
    QList<Person> people;
    const QList<TeamDirectory::Member> members = m_directory.members();
    for (const TeamDirectory::Member &member : members)
        people.append({member.name, TeamAccess::fromName(member.role).value_or(TeamRole::Packer)});
    return people;
}

void TeamDirectoryPeople::add(const QString &name, TeamRole role, const QString &password)
{
    m_directory.add(name, TeamAccess::name(role), password);
}

void TeamDirectoryPeople::changeRole(const QString &name, TeamRole role)
{
    m_directory.changeRole(name, TeamAccess::name(role));
}

void TeamDirectoryPeople::remove(const QString &name)
{
    m_directory.remove(name);
}

QString TeamDirectoryPeople::currentUser()
{
    return m_directory.currentUser();
}

TeamRole TeamDirectoryPeople::currentRole()
{
    if (const auto role = TeamAccess::fromName(m_directory.roleOf(currentUser())))
        return *role;
    const bool superuser = m_database
                               .scalar(QStringLiteral(
                                   "SELECT rolsuper FROM pg_roles WHERE rolname = session_user"))
                               .toBool();
    return superuser ? TeamRole::Owner : TeamRole::Packer;
}

} // namespace MicroShop
