#pragma once

#include "Order.h"

#include "ActionDialog.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;

namespace MicroShop {

struct ShopContext;

// Records the payment of an order awaiting it: the method and when; stock leaves then.
class PayOrderDialog final : public ActionDialog
{
    Q_OBJECT

public:
    PayOrderDialog(ShopContext &shop, const Order &order, QWidget *parent = nullptr);
    bool apply() override;

private:
    ShopContext &m_shop;
    Order m_order;
    QComboBox *m_method;
    QDateTimeEdit *m_paidAt;
};

} // namespace MicroShop
