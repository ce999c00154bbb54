#pragma once

#include "PagedTableModel.h"

namespace MicroShop {

// A product's stock history: each movement with its kind by name and a signed quantity.
class StockMovementListModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { MovedAt, Kind, Quantity, Reference, Actor, OrderNo };

    using PagedTableModel::PagedTableModel;

protected:
    QString columnTitle(int column) const override;
    QVariant displayValue(const QVariantList &row, int column) const override;
    bool isNumeric(int column) const override;
};

} // namespace MicroShop
