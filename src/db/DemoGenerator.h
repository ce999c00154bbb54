#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>

#include <functional>

namespace MicroShop {

class Database;
class ShopServices;

// `microshop-cli demo`: a realistic shop from a seed — Chinese products, customers and
// addresses, a distributor forest, and orders in every status over the last 12 months — made
// through the same services as real work, so every rule and invariant holds. The same seed
// gives the same shop at the same instant (dates are counted back from `now`, the shop's local
// time, and nothing happens after it).
class DemoGenerator final
{
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)

public:
    struct Size
    {
        int products = 60;
        int customers = 300;
        int distributors = 40;
        int orders = 1000;
    };
    // Both demos' forests reach this depth and go no deeper.
    static constexpr int maxDepth = 12;

    DemoGenerator(ShopServices &shop, Size size, quint32 seed, const QDateTime &now);

    // All in one transaction; refuses a database that already has products, customers,
    // distributors or orders. progress(done, total) is called now and then.
    void run(const std::function<void(qint64 done, qint64 total)> &progress = {});
    // Refuses (InputError) a shop that has products, customers, distributors or orders, and
    // sizes with no product, no customer or a negative count.
    static void refuseUnlessEmpty(Database &database, Size size);

private:
    ShopServices &m_shop;
    Size m_size;
    quint32 m_seed;
    QDateTime m_now;
    QDate m_today;
};

} // namespace MicroShop
