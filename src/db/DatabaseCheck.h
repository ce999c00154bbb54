#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace MicroShop {

class Database;

// `microshop-cli check`: the database's integrity, its foreign keys, and the invariants of
// domain.md (stock equals its movements; ledger and payouts agree). Reads only.
class DatabaseCheck final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCheck)

public:
    // One readable line per problem found; empty when all is well.
    static QStringList findings(Database &database);
};

} // namespace MicroShop
