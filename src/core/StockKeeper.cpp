#include "StockKeeper.h"

#include "Error.h"
#include "ShopSettings.h"

namespace MicroShop {

StockKeeper::StockKeeper(ProductRepository &products, const ShopSettings &settings)
    : m_products(products)
    , m_settings(settings)
{}

void StockKeeper::checkAvailable(const Product &product, qint64 taken, const QString &purpose) const
{
    if (taken <= 0 || product.stock - taken >= 0 || m_settings.allowNegativeStock())
        return;
    throw InputError(tr("Not enough stock of %1 for %2: %3 in stock, %4 asked for. Restock it "
                        "first, or allow negative stock in Settings. Nothing was changed.")
                         .arg(product.sku, purpose)
                         .arg(product.stock)
                         .arg(taken));
}

void StockKeeper::move(Product &product, StockMovementKind kind, qint64 quantity,
                       const QDateTime &at, const QString &reference, qint64 orderId)
{
    if (quantity == 0)
        return;
    if (quantity < 0)
        checkAvailable(product, -quantity, reference);
    StockMovement movement;
    movement.productId = product.id;
    movement.at = at;
    movement.kind = kind;
    movement.quantity = quantity;
    movement.orderId = orderId;
    movement.reference = reference;
    m_products.applyStockMovement(movement);
    product.stock += quantity;
}

} // namespace MicroShop
