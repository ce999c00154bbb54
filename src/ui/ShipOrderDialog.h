#pragma once

#include "Order.h"

#include <optional>

#include "ActionDialog.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace MicroShop {

struct ShopContext;

// Ships a paid order: the courier, the tracking number, when, and the address it goes to (the
// customer's usual one, or one pasted from a chat).
class ShipOrderDialog final : public ActionDialog
{
    Q_OBJECT

public:
    ShipOrderDialog(ShopContext &shop, const Order &order, QWidget *parent = nullptr);
    bool apply() override;

private:
    ShopContext &m_shop;
    Order m_order;
    QComboBox *m_courier;
    QLineEdit *m_tracking;
    QDateTimeEdit *m_shippedAt;
    QLabel *m_addressLabel;
    std::optional<Address> m_address; // pasted: where this parcel goes instead of the usual one
};

} // namespace MicroShop
