#pragma once

#include "PagedTableModel.h"

namespace MicroShop {

// The Customers list: channels by name, the bound distributor, the last purchase.
class CustomerListModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { Code, Name, Phone, WeChat, Remark, Channel, Distributor, LastOrder, Tags };

    using PagedTableModel::PagedTableModel;

protected:
    QString columnTitle(int column) const override;
    QVariant displayValue(const QVariantList &row, int column) const override;
};

} // namespace MicroShop
