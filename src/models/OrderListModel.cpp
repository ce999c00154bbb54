#include "OrderListModel.h"

#include "Order.h"

#include <QBrush>
#include <QColor>

namespace MicroShop {

QString OrderListModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case OrderNo:
        return tr("Order no.");
    case Platform:
        return tr("Platform");
    case PlatformNo:
        return tr("Platform order no.");
    case Date:
        return tr("Date");
    case Customer:
        return tr("Customer");
    case Phone:
        return tr("Phone");
    case Distributor:
        return tr("Distributor");
    case Status:
        return tr("Status");
    case Goods:
        return tr("Goods");
    case Shipping:
        return tr("Shipping");
    case Total:
        return tr("Total");
    case Refunded:
        return tr("Refunded");
    case Tracking:
        return tr("Tracking no.");
    }
    return QString();
}

QVariant OrderListModel::displayValue(const QVariantList &row, int column) const
{
    switch (Column(column)) {
    case Date:
        return cell(row, column).toString().left(16); // to the minute
    case Platform: {
        const auto platform = Platforms::fromCode(cell(row, column).toString());
        return platform ? Platforms::displayName(*platform) : QString();
    }
    case PlatformNo: { // E2026… · 有赞: the number first, where an elided cell still shows it
        const auto platform = Platforms::fromCode(cell(row, Platform).toString());
        return platform ? cell(row, column).toString() + QStringLiteral(" · ")
                              + Platforms::displayName(*platform)
                        : QString();
    }
    case Status: {
        const auto status = OrderStatuses::fromCode(cell(row, column).toString());
        return status ? OrderStatuses::displayName(*status) : cell(row, column).toString();
    }
    case Goods:
    case Shipping:
    case Total:
    case Refunded:
        return money(cell(row, column));
    default:
        return PagedTableModel::displayValue(row, column);
    }
}

QVariant OrderListModel::roleValue(const QVariantList &row, int column, int role) const
{
    if (column != Status || role != Qt::ForegroundRole)
        return {};
    const auto status = OrderStatuses::fromCode(cell(row, column).toString());
    if (!status)
        return {};
    switch (*status) {
    case OrderStatus::Pending:
        return QBrush(QColor(0xd3, 0x54, 0x00));
    case OrderStatus::Paid:
        return QBrush(QColor(0x1a, 0x73, 0xe8));
    case OrderStatus::Shipped:
        return QBrush(QColor(0x7b, 0x1f, 0xa2));
    case OrderStatus::Completed:
        return QBrush(QColor(0x06, 0x9a, 0x4d));
    case OrderStatus::Cancelled:
    case OrderStatus::Refunded:
        return QBrush(QColor(0x80, 0x80, 0x80));
    }
    return {};
}

bool OrderListModel::isNumeric(int column) const
{
    return column == Goods || column == Shipping || column == Total || column == Refunded;
}

} // namespace MicroShop
