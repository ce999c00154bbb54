#pragma once

#include "ShopRepositories.h"

namespace MicroShop {

class Database;

// Products and stock movements as rows of products and stock_movements.
class SqlProductRepository final : public ProductRepository
{
public:
    explicit SqlProductRepository(Database &database)
        : m_database(database)
    {}

    std::optional<Product> findById(qint64 id) const override;
    std::optional<Product> findBySku(const QString &sku) const override;
    std::optional<Product> findByBarcode(const QString &barcode) const override;
    qint64 insert(const Product &product) override;
    void update(const Product &product) override;
    void applyStockMovement(const StockMovement &movement) override;
    QList<StockMovement> movements(qint64 productId) const override;

private:
    std::optional<Product> findWhere(const QString &condition, const QVariant &value) const;

    Database &m_database;
};

} // namespace MicroShop
