#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

class SqlDialect;

// One forward-only schema step. Statements use the dialect's tokens ({id}, {blob}).
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

namespace Migrations {

// Every step from an empty database to this program's schema, in order.
const QList<Migration> &all();
int latestVersion();

// The MicroShop tables in the order their foreign keys allow filling them (copy, restore).
QStringList tablesInDependencyOrder();

// SQLite's PRAGMA application_id of a MicroShop file ("MSHP").
constexpr int sqliteApplicationId = 0x4D534850;

} // namespace Migrations
} // namespace MicroShop
