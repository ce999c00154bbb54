#include "ShopServices.h"

#include "Database.h"
#include "ShopLists.h"

namespace MicroShop {

ShopServices::ShopServices(Database &database, CommissionHook *commissions)
    : database(database)
    , settingsRepository(database)
    , audit(database)
    , settings(settingsRepository, audit, database)
    , products(database)
    , customers(database)
    , orders(database)
    , paymentBills(database)
    , distributorRepository(database)
    , distributors(distributorRepository)
    , commissionRepository(database)
    , backups(database)
    , exports(database)
    , reports(makeSqlReportSource(database))
    , catalog(products, settings, audit, database)
    , customerService(customers, distributors, audit, database)
    , distributorService(distributorRepository, audit, database)
    , ledger(commissionRepository, distributorRepository, products, settings, audit, database)
    , workflow(orders, products, customers, distributors, settings,
               commissions ? *commissions : ledger, audit, database)
    , payments(paymentBills, orders, workflow, audit, database)
{}

ShopContext ShopServices::context()
{
    Database *db = &database;
    return ShopContext{
        settings,
        catalog,
        customerService,
        workflow,
        payments,
        products,
        customers,
        orders,
        distributors,
        distributorService,
        distributorRepository,
        ledger,
        backups,
        database,
        exports,
        [db](ListKind kind) -> std::unique_ptr<ListSource> {
            switch (kind) {
            case ListKind::Products:
                return ShopLists::products(*db);
            case ListKind::Customers:
                return ShopLists::customers(*db);
            case ListKind::Orders:
                return ShopLists::orders(*db);
            case ListKind::StockMovements:
                return ShopLists::stockMovements(*db);
            case ListKind::Commissions:
                return ShopLists::commissions(*db);
            case ListKind::Payouts:
                return ShopLists::payouts(*db);
            case ListKind::AuditLog:
                return ShopLists::auditLog(*db);
            }
            return nullptr;
        },
        [db] {
            QStringList categories;
            QSqlQuery query = db->exec(
                QStringLiteral("SELECT DISTINCT category FROM products WHERE category <> '' "
                               "ORDER BY category"));
            while (query.next())
                categories.append(query.value(0).toString());
            return categories;
        },
        reports.get(),
        nullptr,
        [location = database.location()](const std::function<void(ShopContext &)> &work) {
            auto own = Database::open(location);
            ShopServices services(*own);
            ShopContext context = services.context();
            work(context);
        },
        TeamRole::Owner,
        QString(),
        nullptr};
}

} // namespace MicroShop
