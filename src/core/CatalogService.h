#pragma once

#include "Error.h"
#include "Product.h"
#include "Repositories.h"
#include "ShopRepositories.h"
#include "StockKeeper.h"

#include <QCoreApplication>

namespace MicroShop {

class ShopSettings;

// Products and their stock: creating and editing them, restocking and stocktakes, each a whole
// user action in one transaction, with price, cost and stock changes in the audit log.
class CatalogService final
{
    Q_DECLARE_TR_FUNCTIONS(CatalogService)

public:
    static constexpr int maxCodeLength = 64;

    CatalogService(ProductRepository &products, const ShopSettings &settings, AuditLog &audit,
                   Transactor &transactor);

    // Every problem of the product's own fields (not uniqueness), keyed by CSV column name.
    static QList<FieldProblem> problems(const Product &product);
    // A SKU, customer code or order number: 1-64 characters, no spaces.
    static std::optional<QString> codeProblem(const QString &code, const QString &what);

    // product.stock is the opening stock, recorded as an `initial` movement.
    Product create(Product product, const QDateTime &at);
    // Every field but stock; audited (product.edit: each field changed, old -> new).
    Product update(const Product &product);
    // Import: creates, or updates and turns a different stock into an `adjustment`.
    Product createOrUpdate(const Product &product, const QDateTime &at);

    Product restock(const QString &sku, qint64 quantity, const QDateTime &at, const QString &note);
    Product stocktake(const QString &sku, qint64 counted, const QDateTime &at,
                      const QString &reason);

    // Saves how a platform names a product (replacing what the alias named before), audited.
    void saveAlias(const ProductAlias &alias);

    Product productBySku(const QString &sku) const;        // throws InputError when unknown
    std::optional<Product> productWithId(qint64 id) const; // as stored now, if still there
    QList<StockMovement> movements(const QString &sku) const;

private:
    void checkUnique(const Product &product, qint64 exceptId) const;
    Product updateWithin(const Product &product);

    ProductRepository &m_products;
    const ShopSettings &m_settings;
    AuditLog &m_audit;
    Transactor &m_transactor;
    StockKeeper m_stock;
};

} // namespace MicroShop
