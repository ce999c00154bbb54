#include "Product.h"

namespace MicroShop {

QString StockMovementKinds::code(StockMovementKind kind)
{
    switch (kind) {
    case StockMovementKind::Initial:
        return QStringLiteral("initial");
    case StockMovementKind::Purchase:
        return QStringLiteral("purchase");
    case StockMovementKind::Adjustment:
        return QStringLiteral("adjustment");
    case StockMovementKind::Sale:
        return QStringLiteral("sale");
    case StockMovementKind::Cancel:
        return QStringLiteral("cancel");
    case StockMovementKind::Return:
        return QStringLiteral("return");
    }
    return QString();
}

std::optional<StockMovementKind> StockMovementKinds::fromCode(const QString &code)
{
    for (const auto kind :
         {StockMovementKind::Initial, StockMovementKind::Purchase, StockMovementKind::Adjustment,
          StockMovementKind::Sale, StockMovementKind::Cancel, StockMovementKind::Return}) {
        if (StockMovementKinds::code(kind) == code)
            return kind;
    }
    return std::nullopt;
}

QString StockMovementKinds::displayName(StockMovementKind kind)
{
    switch (kind) {
    case StockMovementKind::Initial:
        return tr("Opening stock");
    case StockMovementKind::Purchase:
        return tr("Purchase");
    case StockMovementKind::Adjustment:
        return tr("Stocktake adjustment");
    case StockMovementKind::Sale:
        return tr("Sale");
    case StockMovementKind::Cancel:
        return tr("Cancelled order");
    case StockMovementKind::Return:
        return tr("Return");
    }
    return QString();
}

} // namespace MicroShop
