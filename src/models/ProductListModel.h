#pragma once

#include "PagedTableModel.h"

namespace MicroShop {

// The Products list: money as 12.30, active as a word, low stock in red.
class ProductListModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        Sku,
        Name,
        Category,
        Unit,
        Price,
        Cost,
        Stock,
        LowStock,
        Barcode,
        Active,
        Rate1,
        Rate2,
        Rate3
    };

    using PagedTableModel::PagedTableModel;

    bool isLowOnStock(int row) const;

protected:
    QString columnTitle(int column) const override;
    QVariant displayValue(const QVariantList &row, int column) const override;
    QVariant roleValue(const QVariantList &row, int column, int role) const override;
    bool isNumeric(int column) const override;
};

} // namespace MicroShop
