#pragma once

#include "Money.h"
#include "Platform.h"
#include "Rate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <array>
#include <optional>

namespace MicroShop {

// A product of the catalog (domain.md "Products and stock"). stock is kept equal to the sum of the
// product's stock movements by StockKeeper, the only code that changes it.
struct Product
{
    qint64 id = 0;
    // The record's row_version when read: a save over a newer one is refused (StaleError). 0 on
    // a new record, and for a save over whatever is stored (an import by its code).
    qint64 version = 0;
    QString sku;
    QString name;
    QString category;
    QString unit;
    Money price;
    Money cost;
    qint64 stock = 0;
    qint64 lowStock = 0;
    QString barcode; // empty: none
    bool active = true;
    QByteArray image; // PNG or JPEG bytes, empty: none
    QString notes;
    std::array<std::optional<Rate>, 3> rates; // per-level overrides; nullopt: the shop's rate

    bool isLowOnStock() const { return stock <= lowStock; }
};

enum class StockMovementKind { Initial, Purchase, Adjustment, Sale, Cancel, Return };

// The names stored and exported (csv.md `stock`: kind column) and their translations.
class StockMovementKinds final
{
    Q_DECLARE_TR_FUNCTIONS(StockMovementKinds)

public:
    static QString code(StockMovementKind kind);
    static std::optional<StockMovementKind> fromCode(const QString &code);
    static QString displayName(StockMovementKind kind);
};

// How a platform names a product of the catalog, for the items of its order exports whose
// merchant code is not the SKU: by the platform's code, or (no code) by item name and spec.
struct ProductAlias
{
    Platform platform = Platform::Youzan;
    QString code;
    QString name;
    QString spec;
    QString sku;
};

struct StockMovement
{
    qint64 id = 0;
    qint64 productId = 0;
    QDateTime at;
    StockMovementKind kind = StockMovementKind::Adjustment;
    qint64 quantity = 0; // signed: + into stock, - out of it
    qint64 orderId = 0;  // 0: not an order's
    QString reference;   // order number, purchase note, reason
    QString actor;
};

} // namespace MicroShop
