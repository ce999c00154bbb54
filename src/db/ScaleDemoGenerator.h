#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>

#include "DemoGenerator.h"

#include <functional>

namespace MicroShop {

class ShopServices;

// The shop of spec/product.md's scale (5,000 products, 200,000 customers, 100,000 distributors,
// 1,000,000 orders) written straight into an empty SQLite file in one transaction, in about a
// minute: rows are made here and bound through SQLite's own statements, not one service call per
// order. What the services would have written is written too, by the same rules (stock sale and
// cancel movements; customers bound to their distributor; commissions per line at the shop's
// rates for the active levels of the tree as it is, reversed when a paid order is cancelled,
// available after the hold once completed), so that `microshop-cli check` passes. Simpler than
// DemoGenerator's shop: no refunds, payouts, restocks or product rate overrides; one payment
// method per order.
class ScaleDemoGenerator final
{
    Q_DECLARE_TR_FUNCTIONS(ScaleDemoGenerator)

public:
    using Size = DemoGenerator::Size;
    static constexpr Size productScale{5000, 200000, 100000, 1000000}; // spec/product.md's
    // From this many orders `demo` on SQLite writes in bulk without being asked (--scale):
    // through the services a million orders take most of an hour.
    static constexpr int bulkFromOrders = 20000;

    ScaleDemoGenerator(ShopServices &shop, Size size, quint32 seed, const QDateTime &now);

    // Refuses a database that is not SQLite or not empty; all or nothing. progress(done, total)
    // is called now and then, in orders.
    void run(const std::function<void(qint64 done, qint64 total)> &progress = {});

private:
    ShopServices &m_shop;
    Size m_size;
    quint32 m_seed;
    QDateTime m_now; // the shop's local time
};

} // namespace MicroShop
