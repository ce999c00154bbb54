#include "CommissionRules.h"

#include "ShopSettings.h"

namespace MicroShop {

Rate CommissionRules::rateOf(const Product &product, int level, const ShopSettings &settings)
{
    return product.rates[level - 1].value_or(settings.commissionRate(level));
}

bool CommissionRules::earns(DistributorStatus status)
{
    return status == DistributorStatus::Active;
}

QDate CommissionRules::availableOn(const QDateTime &completed, int holdDays)
{
    return completed.date().addDays(holdDays);
}

} // namespace MicroShop
