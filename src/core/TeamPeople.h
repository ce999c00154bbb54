#pragma once

#include "TeamRole.h"

#include <QList>
#include <QString>

namespace MicroShop {

// The people of a team shop as the desktop's Settings › Users sees them: who they are, their
// role, and the owner's changes (add, change a role, remove). Implemented over the server's
// logins in src/db; refusals (the last owner, a name taken...) throw InputError with a message
// a person can read. A local SQLite shop has none (ShopContext::people is nullptr).
class TeamPeople
{
public:
    struct Person
    {
        QString name;
        TeamRole role = TeamRole::Packer;
    };

    virtual ~TeamPeople() = default;

    virtual QList<Person> members() = 0;
    // The password is handed to the server as a verifier, never stored.
    virtual void add(const QString &name, TeamRole role, const QString &password) = 0;
    virtual void changeRole(const QString &name, TeamRole role) = 0;
    virtual void remove(const QString &name) = 0;
};

} // namespace MicroShop
