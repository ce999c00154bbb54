#include "StockMovementListModel.h"

#include "Product.h"

namespace MicroShop {

QString StockMovementListModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case MovedAt:
        return tr("When");
    case Kind:
        return tr("Movement");
    case Quantity:
        return tr("Quantity");
    case Reference:
        return tr("Reference");
    case Actor:
        return tr("By");
    case OrderNo:
        return tr("Order no.");
    }
    return QString();
}

QVariant StockMovementListModel::displayValue(const QVariantList &row, int column) const
{
    if (column == Kind) {
        const auto kind = StockMovementKinds::fromCode(cell(row, column).toString());
        return kind ? StockMovementKinds::displayName(*kind) : cell(row, column).toString();
    }
    if (column == Quantity) {
        const qint64 quantity = cell(row, column).toLongLong();
        return quantity > 0 ? QStringLiteral("+%1").arg(quantity) : QString::number(quantity);
    }
    if (column == MovedAt)
        return cell(row, column).toString().left(16);
    return PagedTableModel::displayValue(row, column);
}

bool StockMovementListModel::isNumeric(int column) const
{
    return column == Quantity;
}

} // namespace MicroShop
