#include "ShipOrderDialog.h"

#include "AddressPasteDialog.h"
#include "Courier.h"
#include "Dates.h"
#include "Error.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace MicroShop {

ShipOrderDialog::ShipOrderDialog(ShopContext &shop, const Order &order, QWidget *parent)
    : ActionDialog(parent)
    , m_shop(shop)
    , m_order(order)
    , m_courier(new QComboBox(this))
    , m_tracking(new QLineEdit(this))
    , m_shippedAt(new QDateTimeEdit(Dates::now(), this))
    , m_addressLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("shipOrderDialog"));
    setWindowTitle(tr("Ship %1").arg(order.orderNo));
    m_courier->setObjectName(QStringLiteral("courierCombo"));
    m_courier->setEditable(true);
    // The couriers MicroShop knows (Couriers); any other can be typed, and is kept as typed.
    m_courier->addItems(Couriers::names());
    m_tracking->setObjectName(QStringLiteral("trackingEdit"));
    m_tracking->setPlaceholderText(tr("scan or type the waybill number"));
    m_shippedAt->setObjectName(QStringLiteral("shippedAtEdit"));
    m_shippedAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_shippedAt->setCalendarPopup(true);
    QString address = tr("The customer has no address yet.");
    if (const auto customer = shop.customerRepository.findById(order.customerId)) {
        if (const Address *usual = customer->defaultAddress())
            address = usual->oneLine();
    }
    m_addressLabel->setText(address);
    m_addressLabel->setObjectName(QStringLiteral("addressLabel"));
    m_addressLabel->setWordWrap(true);
    auto *paste = new QPushButton(tr("Paste another address…"), this);
    paste->setObjectName(QStringLiteral("pasteAddressButton"));
    connect(paste, &QPushButton::clicked, this, [this] {
        AddressPasteDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_address = dialog.parsed().toAddress();
        m_addressLabel->setText(m_address->oneLine());
    });
    auto *to = new QHBoxLayout;
    to->addWidget(m_addressLabel, 1);
    to->addWidget(paste, 0, Qt::AlignTop);
    auto *form = new QFormLayout;
    form->addRow(tr("&Courier:"), m_courier);
    form->addRow(tr("&Tracking number:"), m_tracking);
    form->addRow(tr("&Shipped at:"), m_shippedAt);
    form->addRow(tr("To:"), to);
    setContent(form);
    m_tracking->setFocus();
}

bool ShipOrderDialog::apply()
{
    return attempt([this] {
        // A known courier typed by its code or short name (sf, 顺丰) is stored by its name.
        m_shop.orders.ship(m_order.orderNo, Couriers::canonicalName(m_courier->currentText()),
                           m_tracking->text(), m_shippedAt->dateTime(), m_address);
    });
}

} // namespace MicroShop
