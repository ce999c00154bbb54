#pragma once

#include <QString>
#include <QStringList>

namespace MicroShop::TeamRoles {

// The group roles of a team shop on PostgreSQL (team.md "People and roles"): one set per
// database, named <database>_<role>, so that two shops on one server never share them.
// owner, manager, clerk, packer, finance, in that order (most to least trusted first).
QStringList names();
bool isRole(const QString &role);

// The statements of the schema step that creates the roles, makes the creating login an owner,
// hands the tables to <database>_owner and has the server name the person in audit_log (and the
// other actor columns). PostgreSQL only ("{postgresql} ..."); nothing on SQLite.
QStringList schemaStatements();

// One PostgreSQL statement that gives each role exactly what team.md lets it do on every table
// of the schema as it is now, after taking away what PUBLIC or a role had before. Database::migrate
// runs it after every schema step once the roles exist, so a table added by a later step gets
// its grants (a table not named in TeamRoles.cpp: everything to owner, reading to finance).
QString grantStatement();

// The tables TeamRoles.cpp names; a table of the schema missing here is a decision not made yet
// (tests compare it with the schema).
QStringList tablesWithGrants();

} // namespace MicroShop::TeamRoles
