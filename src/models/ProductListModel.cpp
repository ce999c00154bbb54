#include "ProductListModel.h"

#include "Rate.h"

#include <QBrush>
#include <QColor>

namespace MicroShop {

namespace {

bool lowOnStock(const QVariantList &row)
{
    // key, sku, name, category, unit, price, cost, stock, low_stock, barcode, active
    return row.value(10).toInt() != 0 && row.value(7).toLongLong() <= row.value(8).toLongLong();
}

} // namespace

bool ProductListModel::isLowOnStock(int row) const
{
    return rawValue(row, Active).toInt() != 0
           && rawValue(row, Stock).toLongLong() <= rawValue(row, LowStock).toLongLong();
}

QString ProductListModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Sku:
        return tr("SKU");
    case Name:
        return tr("Name");
    case Category:
        return tr("Category");
    case Unit:
        return tr("Unit");
    case Price:
        return tr("Price");
    case Cost:
        return tr("Cost");
    case Stock:
        return tr("Stock");
    case LowStock:
        return tr("Low at");
    case Barcode:
        return tr("Barcode");
    case Active:
        return tr("Status");
    case Rate1:
    case Rate2:
    case Rate3:
        return tr("Level %1 %").arg(column - Rate1 + 1);
    }
    return QString();
}

QVariant ProductListModel::displayValue(const QVariantList &row, int column) const
{
    switch (Column(column)) {
    case Price:
    case Cost:
        return money(cell(row, column));
    case Active:
        return cell(row, column).toInt() != 0 ? tr("Active") : tr("Inactive");
    case Rate1:
    case Rate2:
    case Rate3:
        // Empty: the shop's rate applies.
        return cell(row, column).isNull()
                   ? QString()
                   : Rate::fromBasisPoints(cell(row, column).toInt()).toString();
    default:
        return PagedTableModel::displayValue(row, column);
    }
}

QVariant ProductListModel::roleValue(const QVariantList &row, int column, int role) const
{
    if (!lowOnStock(row) || (column != Stock && column != Name))
        return {};
    if (role == Qt::ForegroundRole)
        return QBrush(QColor(0xc0, 0x39, 0x2b));
    if (role == Qt::BackgroundRole && column == Stock)
        return QBrush(QColor(0xfd, 0xec, 0xea));
    if (role == Qt::ToolTipRole)
        return tr("Low on stock: %1 left, restock at %2")
            .arg(row.value(7).toLongLong())
            .arg(row.value(8).toLongLong());
    return {};
}

bool ProductListModel::isNumeric(int column) const
{
    return column == Price || column == Cost || column == Stock || column == LowStock
           || column >= Rate1;
}

} // namespace MicroShop
