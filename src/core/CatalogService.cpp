#include "CatalogService.h"

#include "AuditTrail.h"

#include "ShopSettings.h"

namespace MicroShop {

CatalogService::CatalogService(ProductRepository &products, const ShopSettings &settings,
                               AuditLog &audit, Transactor &transactor)
    : m_products(products)
    , m_settings(settings)
    , m_audit(audit)
    , m_transactor(transactor)
    , m_stock(products, settings)
{}

std::optional<QString> CatalogService::codeProblem(const QString &code, const QString &what)
{
    if (code.isEmpty())
        return tr("The %1 is missing.").arg(what);
    if (code.size() > maxCodeLength)
        return tr("The %1 \"%2\" is %3 characters long; keep it to %4.")
            .arg(what, code)
            .arg(code.size())
            .arg(maxCodeLength);
    for (const QChar c : code) {
        if (c.isSpace())
            return tr("The %1 \"%2\" contains a space; use letters, digits, - or _ without "
                      "spaces.")
                .arg(what, code);
    }
    return std::nullopt;
}

QList<FieldProblem> CatalogService::problems(const Product &product)
{
    QList<FieldProblem> found;
    if (const auto problem = codeProblem(product.sku, tr("SKU")))
        found.append({QStringLiteral("sku"), *problem});
    if (product.name.trimmed().isEmpty())
        found.append({QStringLiteral("name"), tr("The product name is missing.")});
    if (product.price.isNegative())
        found.append({QStringLiteral("price"), tr("The price cannot be negative.")});
    if (product.cost.isNegative())
        found.append({QStringLiteral("cost"), tr("The cost cannot be negative.")});
    if (product.lowStock < 0)
        found.append({QStringLiteral("low_stock"), tr("The low-stock level cannot be negative.")});
    if (!product.barcode.isEmpty()) {
        if (const auto problem = codeProblem(product.barcode, tr("barcode")))
            found.append({QStringLiteral("barcode"), *problem});
    }
    return found;
}

void CatalogService::checkUnique(const Product &product, qint64 exceptId) const
{
    QList<FieldProblem> found;
    if (const auto other = m_products.findBySku(product.sku); other && other->id != exceptId)
        found.append({QStringLiteral("sku"),
                      tr("The SKU %1 is already used by \"%2\".").arg(product.sku, other->name)});
    if (!product.barcode.isEmpty()) {
        if (const auto other = m_products.findByBarcode(product.barcode);
            other && other->id != exceptId)
            found.append(
                {QStringLiteral("barcode"),
                 tr("The barcode %1 is already used by %2.").arg(product.barcode, other->sku)});
    }
    if (!found.isEmpty())
        throw ValidationError(found);
}

Product CatalogService::create(Product product, const QDateTime &at)
{
    if (const auto found = problems(product); !found.isEmpty())
        throw ValidationError(found);
    if (product.stock < 0 && !m_settings.allowNegativeStock())
        throw ValidationError(
            {{QStringLiteral("stock"),
              tr("The opening stock of %1 cannot be negative.").arg(product.sku)}});
    m_transactor.inTransaction([&] {
        // One new product at a time across desktops: a SKU found free is still free to use.
        m_transactor.takeTurn(QStringLiteral("product codes"));
        checkUnique(product, 0);
        const qint64 opening = product.stock;
        product.stock = 0;
        product.id = m_products.insert(product);
        m_stock.move(product, StockMovementKind::Initial, opening, at, tr("opening stock"));
    });
    return product;
}

Product CatalogService::update(const Product &product)
{
    Product result;
    m_transactor.inTransaction([&] { result = updateWithin(product); });
    return result;
}

Product CatalogService::updateWithin(const Product &product)
{
    if (const auto found = problems(product); !found.isEmpty())
        throw ValidationError(found);
    const auto stored = m_products.findById(product.id);
    if (!stored)
        throw InputError(tr("The product %1 no longer exists.").arg(product.sku));
    checkUnique(product, product.id);
    Product updated = product;
    updated.stock = stored->stock; // stock changes only through movements
    if (!m_products.update(updated))
        throw StaleError(tr("Someone else saved the product %1 after you opened it: what they "
                            "saved is shown now. Make your change again if it is still needed; "
                            "nothing was changed.")
                             .arg(product.sku));
    // One row per save, naming each field changed with its old and new value (csv.md's names).
    AuditTrail::Changes changes;
    changes.add(QStringLiteral("sku"), stored->sku, updated.sku);
    changes.add(QStringLiteral("name"), stored->name, updated.name);
    changes.add(QStringLiteral("category"), stored->category, updated.category);
    changes.add(QStringLiteral("unit"), stored->unit, updated.unit);
    changes.add(QStringLiteral("price"), stored->price.toString(), updated.price.toString());
    changes.add(QStringLiteral("cost"), stored->cost.toString(), updated.cost.toString());
    changes.add(QStringLiteral("low_stock"), QString::number(stored->lowStock),
                QString::number(updated.lowStock));
    changes.add(QStringLiteral("barcode"), stored->barcode, updated.barcode);
    const auto yesNo = [](bool on) { return on ? QStringLiteral("yes") : QStringLiteral("no"); };
    changes.add(QStringLiteral("active"), yesNo(stored->active), yesNo(updated.active));
    for (int level = 0; level < int(updated.rates.size()); ++level) {
        const auto rate = [](const std::optional<Rate> &value) {
            return value ? value->toString() : QStringLiteral("(shop's)");
        };
        changes.add(QStringLiteral("rate%1").arg(level + 1), rate(stored->rates.at(level)),
                    rate(updated.rates.at(level)));
    }
    if (stored->image != updated.image)
        changes.add(QStringLiteral("image"),
                    stored->image.isEmpty() ? QString() : QStringLiteral("a picture"),
                    updated.image.isEmpty() ? QString() : QStringLiteral("a new picture"));
    changes.add(QStringLiteral("notes"), stored->notes, updated.notes);
    if (!changes.isEmpty())
        m_audit.append({QStringLiteral("product.edit"), QStringLiteral("product"), updated.sku,
                        changes.text()});
    return updated;
}

Product CatalogService::createOrUpdate(const Product &product, const QDateTime &at)
{
    const auto stored = m_products.findBySku(product.sku);
    if (!stored)
        return create(product, at);
    Product result;
    m_transactor.inTransaction([&] {
        Product changed = product;
        changed.id = stored->id;
        result = updateWithin(changed);
        const qint64 difference = product.stock - stored->stock;
        if (difference != 0) {
            m_stock.move(result, StockMovementKind::Adjustment, difference, at, tr("import"));
            m_audit.append(
                {QStringLiteral("stock.adjustment"), QStringLiteral("product"), result.sku,
                 QStringLiteral("%1 -> %2 (import)").arg(stored->stock).arg(product.stock)});
        }
    });
    return result;
}

std::optional<Product> CatalogService::productWithId(qint64 id) const
{
    return m_products.findById(id);
}

Product CatalogService::productBySku(const QString &sku) const
{
    const auto product = m_products.findBySku(sku);
    if (!product)
        throw InputError(tr("There is no product with the SKU %1.").arg(sku));
    return *product;
}

Product CatalogService::restock(const QString &sku, qint64 quantity, const QDateTime &at,
                                const QString &note)
{
    if (quantity <= 0)
        throw ValidationError({{QStringLiteral("quantity"),
                                tr("A purchase adds at least one unit; %1 is not a quantity to "
                                   "add.")
                                    .arg(quantity)}});
    Product product;
    m_transactor.inTransaction([&] {
        product = productBySku(sku);
        m_stock.move(product, StockMovementKind::Purchase, quantity, at,
                     note.isEmpty() ? tr("purchase") : note);
    });
    return product;
}

void CatalogService::saveAlias(const ProductAlias &alias)
{
    if (alias.code.trimmed().isEmpty() && alias.name.trimmed().isEmpty())
        throw ValidationError({{QStringLiteral("code"),
                                tr("An alias needs the platform's code or the item's name.")}});
    m_transactor.inTransaction([&] {
        const Product product = productBySku(alias.sku);
        m_products.saveAlias(alias, product.id);
        m_audit.append({QStringLiteral("product.alias"), QStringLiteral("product"), product.sku,
                        QStringLiteral("%1: %2")
                            .arg(Platforms::code(alias.platform),
                                 alias.code.isEmpty() ? alias.name + u' ' + alias.spec : alias.code)
                            .trimmed()});
    });
}

Product CatalogService::stocktake(const QString &sku, qint64 counted, const QDateTime &at,
                                  const QString &reason)
{
    if (counted < 0 && !m_settings.allowNegativeStock())
        throw ValidationError({{QStringLiteral("quantity"),
                                tr("A counted stock cannot be negative (%1).").arg(counted)}});
    if (reason.trimmed().isEmpty())
        throw ValidationError({{QStringLiteral("reason"),
                                tr("Say why the stock is adjusted, for example \"stocktake\" or "
                                   "\"damaged\".")}});
    Product product;
    m_transactor.inRetryingTransaction([&] {
        product = productBySku(sku);
        if (m_products.lockStock({product.id}))
            product = productBySku(sku); // as it is once held
        const qint64 before = product.stock;
        const qint64 difference = counted - before;
        if (difference == 0)
            return;
        // A count is the truth: it may bring stock to zero even when negative stock is off.
        m_stock.move(product, StockMovementKind::Adjustment, difference, at, reason.trimmed());
        m_audit.append(
            {QStringLiteral("stock.adjustment"), QStringLiteral("product"), sku,
             QStringLiteral("%1 -> %2: %3").arg(before).arg(counted).arg(reason.trimmed())});
    });
    return product;
}

QList<StockMovement> CatalogService::movements(const QString &sku) const
{
    return m_products.movements(productBySku(sku).id);
}

} // namespace MicroShop
