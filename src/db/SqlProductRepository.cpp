#include "SqlProductRepository.h"

#include "Database.h"
#include "SqlValues.h"

#include <algorithm>

namespace MicroShop {

using namespace SqlValues;

namespace {

// "%1": cost, or 0 for a login that may not read it (Database::seesCosts).
const QString productColumns = QStringLiteral(
    "id, sku, name, category, unit, price, %1, stock, low_stock, barcode, active, image, notes, "
    "rate1, rate2, rate3, row_version");

QVariant rateOrNull(const std::optional<Rate> &rate)
{
    return rate ? QVariant(rate->basisPoints()) : QVariant(QMetaType::fromType<int>());
}

QVariant imageOrNull(const QByteArray &image)
{
    return image.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(image);
}

} // namespace

std::optional<Product> SqlProductRepository::findWhere(const QString &condition,
                                                       const QVariant &value) const
{
    // Stock held back in a bulk transaction (applyStockMovement()) is added to what is read: a
    // platform import reads products between its orders, which would send it each time.
    std::optional<Product> found;
    m_database.forEachRowOfSent(
        QStringLiteral("SELECT %1 FROM products WHERE %2")
            .arg(productColumns.arg(m_database.seesCosts() ? QStringLiteral("cost")
                                                           : QStringLiteral("0")),
                 condition),
        {value}, [&found](const SqlRow &row) {
            Product product;
            product.id = row.value(0).toLongLong();
            product.sku = row.value(1).toString();
            product.name = row.value(2).toString();
            product.category = row.value(3).toString();
            product.unit = row.value(4).toString();
            product.price = toMoney(row.value(5));
            product.cost = toMoney(row.value(6));
            product.stock = row.value(7).toLongLong();
            product.lowStock = row.value(8).toLongLong();
            product.barcode = row.value(9).toString();
            product.active = row.value(10).toInt() != 0;
            product.image = row.value(11).toByteArray();
            product.notes = row.value(12).toString();
            for (int level = 0; level < 3; ++level) {
                const QVariant rate = row.value(13 + level);
                if (!rate.isNull())
                    product.rates[level] = Rate::fromBasisPoints(rate.toInt());
            }
            product.version = row.value(16).toLongLong();
            found = product;
        });
    if (found)
        found->stock += m_database.heldAddition(QStringLiteral("products"), QStringLiteral("stock"),
                                                found->id);
    return found;
}

std::optional<Product> SqlProductRepository::findById(qint64 id) const
{
    return m_read.get(id, [this](qint64 wanted) {
        return findWhere(QStringLiteral("id = ?"), qlonglong(wanted));
    });
}

std::optional<Product> SqlProductRepository::findBySku(const QString &sku) const
{
    const auto read = [this](const QString &wanted) {
        return findWhere(QStringLiteral("sku = ?"), wanted);
    };
    if (!m_idOfSku.keeps())
        return read(sku);
    const auto id = m_idOfSku.get(sku, [&](const QString &wanted) -> std::optional<qint64> {
        const auto product = read(wanted);
        if (!product)
            return std::nullopt;
        m_read.keep(product->id, *product);
        return product->id;
    });
    if (!id)
        return std::nullopt;
    auto product = findById(*id);
    if (!product || product->sku != sku) { // changed by another desktop since (PostgreSQL)
        m_idOfSku.forget(sku);
        product = read(sku);
    }
    return product;
}

std::optional<Product> SqlProductRepository::findByBarcode(const QString &barcode) const
{
    return findWhere(QStringLiteral("barcode = ?"), barcode);
}

qint64 SqlProductRepository::insert(const Product &product)
{
    const QVariant now = dateTime(Dates::now());
    const qint64 id = m_database.insertReturningId(
        QStringLiteral("INSERT INTO products (sku, name, category, unit, price, cost, "
                       "stock, low_stock, barcode, active, image, notes, rate1, rate2, "
                       "rate3, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {product.sku, text(product.name), text(product.category), text(product.unit),
         money(product.price), money(product.cost), qlonglong(product.lowStock),
         textOrNull(product.barcode), product.active ? 1 : 0, imageOrNull(product.image),
         text(product.notes), rateOrNull(product.rates[0]), rateOrNull(product.rates[1]),
         rateOrNull(product.rates[2]), now, now});
    m_read.forget(id);
    m_idOfSku.forget(product.sku); // kept as no such product
    return id;
}

bool SqlProductRepository::update(const Product &product)
{
    QVariantList values{product.sku,
                        text(product.name),
                        text(product.category),
                        text(product.unit),
                        money(product.price),
                        money(product.cost),
                        qlonglong(product.lowStock),
                        textOrNull(product.barcode),
                        product.active ? 1 : 0,
                        imageOrNull(product.image),
                        text(product.notes),
                        rateOrNull(product.rates[0]),
                        rateOrNull(product.rates[1]),
                        rateOrNull(product.rates[2]),
                        dateTime(Dates::now()),
                        qlonglong(product.id)};
    const QString sql = QStringLiteral("UPDATE products SET sku = ?, name = ?, category = ?, "
                                       "unit = ?, price = ?, cost = ?, low_stock = ?, barcode = ?, "
                                       "active = ?, image = ?, notes = ?, rate1 = ?, rate2 = ?, "
                                       "rate3 = ?, updated_at = ?, row_version = row_version + 1 "
                                       "WHERE id = ?")
                        + overVersion(product.version, values);
    m_read.forget(product.id);
    m_idOfSku.forgetAll(); // its SKU may be another now
    return m_database.exec(sql, values).numRowsAffected() == 1;
}

void SqlProductRepository::applyStockMovement(const StockMovement &movement)
{
    m_database.insertRow(QStringLiteral("stock_movements"),
                         QStringLiteral("product_id, moved_at, kind, quantity, order_id, "
                                        "reference, actor"),
                         {qlonglong(movement.productId), dateTime(movement.at),
                          StockMovementKinds::code(movement.kind), qlonglong(movement.quantity),
                          idOrNull(movement.orderId), text(movement.reference),
                          text(movement.actor.isEmpty() ? m_database.actor() : movement.actor)});
    m_database.addToColumn(QStringLiteral("products"), QStringLiteral("stock"), movement.productId,
                           movement.quantity);
    if (Product *kept = m_read.find(movement.productId))
        kept->stock += movement.quantity;
}

QList<StockMovement> SqlProductRepository::movements(qint64 productId) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT id, moved_at, kind, quantity, order_id, reference, actor "
                       "FROM stock_movements WHERE product_id = ? ORDER BY moved_at, id"),
        {qlonglong(productId)});
    QList<StockMovement> result;
    while (query.next()) {
        StockMovement movement;
        movement.id = query.value(0).toLongLong();
        movement.productId = productId;
        movement.at = toDateTime(query.value(1)).value_or(QDateTime());
        movement.kind = StockMovementKinds::fromCode(query.value(2).toString())
                            .value_or(StockMovementKind::Adjustment);
        movement.quantity = query.value(3).toLongLong();
        movement.orderId = query.value(4).toLongLong();
        movement.reference = query.value(5).toString();
        movement.actor = query.value(6).toString();
        result.append(movement);
    }
    return result;
}

namespace {

// An alias is stored under its code alone, or (no code) under its name and spec alone.
QVariantList aliasKey(const ProductAlias &alias)
{
    const bool byCode = !alias.code.isEmpty();
    return {Platforms::code(alias.platform), text(alias.code),
            text(byCode ? QString() : alias.name), text(byCode ? QString() : alias.spec)};
}

} // namespace

std::optional<qint64> SqlProductRepository::aliasedProduct(const ProductAlias &alias) const
{
    const QVariant id = m_database.scalar(
        QStringLiteral("SELECT product_id FROM product_aliases WHERE platform = ? AND code = ? "
                       "AND name = ? AND spec = ?"),
        aliasKey(alias));
    if (id.isNull())
        return std::nullopt;
    return id.toLongLong();
}

void SqlProductRepository::saveAlias(const ProductAlias &alias, qint64 productId)
{
    m_database.run(
        QStringLiteral("INSERT INTO product_aliases (platform, code, name, spec, "
                       "product_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, "
                       "code, name, spec) DO UPDATE SET product_id = excluded.product_id"),
        aliasKey(alias) + QVariantList{qlonglong(productId)});
}

bool SqlProductRepository::lockStock(QList<qint64> productIds)
{
    if (m_database.isSqlite())
        return false; // BEGIN IMMEDIATE: this connection is the only writer already
    std::sort(productIds.begin(), productIds.end());
    for (const qint64 id : std::as_const(productIds)) {
        m_database.run(QStringLiteral("SELECT id FROM products WHERE id = ? FOR UPDATE"),
                       {qlonglong(id)});
        m_read.forget(id); // another desktop may have moved its stock until now
    }
    return true;
}

} // namespace MicroShop
