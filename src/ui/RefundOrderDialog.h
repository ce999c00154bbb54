#pragma once

#include "Order.h"

#include "ActionDialog.h"

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace MicroShop {

struct ShopContext;

// Refunds some units of some lines (all that is left by default), with or without return to
// stock and the shipping fee, showing each line's amount as domain.md computes it.
class RefundOrderDialog final : public ActionDialog
{
    Q_OBJECT

public:
    RefundOrderDialog(ShopContext &shop, const Order &order, QWidget *parent = nullptr);
    QSpinBox *unitsOfLine(int row) const;
    bool apply() override;

private:
    void updateAmounts();

    ShopContext &m_shop;
    Order m_order;
    QTableWidget *m_lines;
    QCheckBox *m_restock;
    QCheckBox *m_shipping;
    QLineEdit *m_reason;
    QDateTimeEdit *m_refundedAt;
    QLabel *m_total;
};

} // namespace MicroShop
