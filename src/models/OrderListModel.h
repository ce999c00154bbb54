#pragma once

#include "PagedTableModel.h"

namespace MicroShop {

// The Orders list: statuses by name and colour, amounts as money, an imported order's platform
// and its number there beside MicroShop's.
class OrderListModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        OrderNo,
        Platform,   // where an imported order came from (its code)
        PlatformNo, // and its number there, shown with the platform's name
        Date,
        Customer,
        Phone,
        Distributor,
        Status,
        Goods,
        Shipping,
        Total,
        Refunded,
        Tracking
    };

    using PagedTableModel::PagedTableModel;

protected:
    QString columnTitle(int column) const override;
    QVariant displayValue(const QVariantList &row, int column) const override;
    QVariant roleValue(const QVariantList &row, int column, int role) const override;
    bool isNumeric(int column) const override;
};

} // namespace MicroShop
