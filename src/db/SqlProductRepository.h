#pragma once

#include "BulkReadCache.h"
#include "ShopRepositories.h"

namespace MicroShop {

class Database;

// Products, their stock movements and the platforms' aliases of them as rows of products,
// stock_movements and product_aliases.
class SqlProductRepository final : public ProductRepository
{
public:
    explicit SqlProductRepository(Database &database)
        : m_database(database)
        , m_read(database)
        , m_idOfSku(database)
    {}

    std::optional<Product> findById(qint64 id) const override;
    std::optional<Product> findBySku(const QString &sku) const override;
    std::optional<Product> findByBarcode(const QString &barcode) const override;
    qint64 insert(const Product &product) override;
    bool update(const Product &product) override;
    void applyStockMovement(const StockMovement &movement) override;
    QList<StockMovement> movements(qint64 productId) const override;
    std::optional<qint64> aliasedProduct(const ProductAlias &alias) const override;
    void saveAlias(const ProductAlias &alias, qint64 productId) override;
    bool lockStock(QList<qint64> productIds) override;

private:
    std::optional<Product> findWhere(const QString &condition, const QVariant &value) const;

    Database &m_database;
    mutable BulkReadCache<Product> m_read;            // by id, stock kept up to date
    mutable BulkReadCache<qint64, QString> m_idOfSku; // a platform import reads by SKU
};

} // namespace MicroShop
