#include "PayOrderDialog.h"

#include "Dates.h"
#include "Error.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace MicroShop {

PayOrderDialog::PayOrderDialog(ShopContext &shop, const Order &order, QWidget *parent)
    : ActionDialog(parent)
    , m_shop(shop)
    , m_order(order)
    , m_method(new QComboBox(this))
    , m_paidAt(new QDateTimeEdit(Dates::now(), this))
{
    setObjectName(QStringLiteral("payOrderDialog"));
    setWindowTitle(tr("Payment of %1").arg(order.orderNo));
    m_method->setObjectName(QStringLiteral("methodCombo"));
    for (const PaymentMethod method : PaymentMethods::all())
        m_method->addItem(PaymentMethods::displayName(method), PaymentMethods::code(method));
    m_paidAt->setObjectName(QStringLiteral("paidAtEdit"));
    m_paidAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_paidAt->setCalendarPopup(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Amount:"),
                 new QLabel(QStringLiteral("<b>%1</b>").arg(order.total().toString()), this));
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("&Paid at:"), m_paidAt);
    setContent(form);
}

bool PayOrderDialog::apply()
{
    return attempt([this] {
        m_shop.orders.pay(m_order.orderNo, m_paidAt->dateTime(),
                          PaymentMethods::fromCode(m_method->currentData().toString())
                              .value_or(PaymentMethod::Other));
    });
}

} // namespace MicroShop
