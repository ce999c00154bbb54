#include "Shop.h"

namespace MicroShop {

Shop::Shop(std::unique_ptr<Database> opened, CommissionHook *commissions)
    : database(std::move(opened))
    , services(*database, commissions)
    , context(services.context())
    , documents(context)
{
    context.documents = &documents;
    if (!database->isSqlite()) {
        people = std::make_unique<TeamDirectoryPeople>(*database);
        context.people = people.get();
        context.user = people->currentUser();
        context.role = people->currentRole();
    }
    context.onOwnConnection =
        [location = database->location()](const std::function<void(ShopContext &)> &work) {
            Shop own(Database::open(location));
            work(own.context);
        };
}

} // namespace MicroShop
