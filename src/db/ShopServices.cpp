#include "ShopServices.h"

#include "Database.h"

namespace MicroShop {

ShopServices::ShopServices(Database &database, CommissionHook *commissions)
    : database(database)
    , settingsRepository(database)
    , audit(database)
    , settings(settingsRepository, audit, database)
    , products(database)
    , customers(database)
    , orders(database)
    , distributors(database)
    , backups(database)
    , catalog(products, settings, audit, database)
    , customerService(customers, distributors, audit, database)
    , workflow(orders, products, customers, distributors, settings,
               commissions ? *commissions : noCommissions, audit, database)
{}

} // namespace MicroShop
