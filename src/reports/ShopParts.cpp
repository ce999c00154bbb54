#include "ShopParts.h"

#include "ShopDocuments.h"
#include "ShopReports.h"
#include "ShopServices.h"

#include <tuple>
#include <utility>

namespace MicroShop {

std::shared_ptr<void> completeWithReportsAndDocuments(ShopServices &services, ShopContext &context)
{
    auto parts = std::make_shared<std::pair<ShopReports, ShopDocuments>>(
        std::piecewise_construct, std::forward_as_tuple(services.database),
        std::forward_as_tuple(services));
    context.reports = &parts->first;
    context.documents = &parts->second;
    return parts;
}

} // namespace MicroShop
