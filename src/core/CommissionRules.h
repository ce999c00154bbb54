#pragma once

#include "Distributor.h"
#include "Product.h"
#include "Rate.h"

#include <QDate>
#include <QDateTime>

namespace MicroShop {

class ShopSettings;

// domain.md's rules of who earns what and when, written once for CommissionLedger and for
// ScaleDemoGenerator, which writes the ledger's rows in bulk beside the services.
class CommissionRules final
{
public:
    // The rate a line of `product` earns at `level`: the product's override, else the shop's.
    static Rate rateOf(const Product &product, int level, const ShopSettings &settings);
    // Whether the beneficiary at a level earns: only an active one. The level of one that is
    // not is not paid, and nobody moves up into it.
    static bool earns(DistributorStatus status);
    // The day the commissions of an order completed at `completed` become available.
    static QDate availableOn(const QDateTime &completed, int holdDays);
};

} // namespace MicroShop
