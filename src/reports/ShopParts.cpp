#include "ShopParts.h"

#include "ShopDocuments.h"
#include "ShopServices.h"

namespace MicroShop {

std::shared_ptr<void> completeWithReportsAndDocuments(ShopServices &services, ShopContext &context)
{
    auto documents = std::make_shared<ShopDocuments>(services);
    context.documents = documents.get();
    return documents;
}

} // namespace MicroShop
