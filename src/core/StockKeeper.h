#pragma once

#include "Product.h"
#include "ShopRepositories.h"

#include <QCoreApplication>

namespace MicroShop {

class ShopSettings;

// The only code that changes stock: every change is a movement, and stock never goes below zero
// unless stock.allow_negative is on (domain.md "Products and stock").
class StockKeeper final
{
    Q_DECLARE_TR_FUNCTIONS(StockKeeper)

public:
    StockKeeper(ProductRepository &products, const ShopSettings &settings);

    // Throws InputError naming the SKU, the stock and the quantity asked for when taking
    // `taken` units out of product would leave less than zero.
    void checkAvailable(const Product &product, qint64 taken, const QString &purpose) const;

    // Records the movement and updates product.stock (in memory and stored).
    void move(Product &product, StockMovementKind kind, qint64 quantity, const QDateTime &at,
              const QString &reference, qint64 orderId = 0);

private:
    ProductRepository &m_products;
    const ShopSettings &m_settings;
};

} // namespace MicroShop
