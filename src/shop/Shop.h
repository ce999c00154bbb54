#pragma once

#include "Database.h"
#include "ShopContext.h"
#include "ShopDocuments.h"
#include "ShopServices.h"
#include "TeamDirectoryPeople.h"

#include <memory>

namespace MicroShop {

// The composition root: one open database with every service, the reports and the printed
// documents wired to it once. The desktop app, microshop-cli, the bench and the tests open a shop
// here; what sits above the database layer is handed `context`, core interfaces only.
class Shop final
{
public:
    // commissions: a hook to use instead of the ledger (tests that watch the workflow).
    explicit Shop(std::unique_ptr<Database> opened, CommissionHook *commissions = nullptr);
    Shop(const Shop &) = delete;
    Shop &operator=(const Shop &) = delete;

    const std::unique_ptr<Database> database;
    ShopServices services;
    ShopContext context; // its work on an own connection opens a whole Shop too
    ShopDocuments documents;
    // The shop's people and who is signed in (team.md): PostgreSQL only, nullptr on SQLite.
    std::unique_ptr<TeamDirectoryPeople> people;
};

} // namespace MicroShop
