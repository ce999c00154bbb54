#include "RefundOrderDialog.h"

#include "Dates.h"
#include "Error.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

enum Column { Sku, Name, Left, Units, Amount, Columns };

} // namespace

RefundOrderDialog::RefundOrderDialog(ShopContext &shop, const Order &order, QWidget *parent)
    : ActionDialog(parent)
    , m_shop(shop)
    , m_order(order)
    , m_lines(new QTableWidget(int(order.lines.size()), Columns, this))
    , m_restock(new QCheckBox(tr("Return the refunded units to stock"), this))
    , m_shipping(new QCheckBox(this))
    , m_reason(new QLineEdit(this))
    , m_refundedAt(new QDateTimeEdit(Dates::now(), this))
    , m_total(new QLabel(this))
{
    setObjectName(QStringLiteral("refundOrderDialog"));
    setWindowTitle(tr("Refund %1").arg(order.orderNo));
    resize(640, 420);
    m_lines->setObjectName(QStringLiteral("refundLines"));
    m_lines->setHorizontalHeaderLabels(
        {tr("SKU"), tr("Product"), tr("Not refunded"), tr("Units to refund"), tr("Amount")});
    m_lines->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_lines->verticalHeader()->hide();
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < order.lines.size(); ++row) {
        const OrderLine &line = order.lines.at(row);
        m_lines->setItem(row, Sku, new QTableWidgetItem(line.sku));
        m_lines->setItem(row, Name, new QTableWidgetItem(line.productName));
        m_lines->setItem(row, Left,
                         new QTableWidgetItem(QString::number(line.remainingQuantity())));
        auto *units = new QSpinBox(m_lines);
        units->setObjectName(QStringLiteral("units%1").arg(row));
        units->setRange(0, int(line.remainingQuantity()));
        units->setValue(int(line.remainingQuantity()));
        connect(units, &QSpinBox::valueChanged, this, &RefundOrderDialog::updateAmounts);
        m_lines->setCellWidget(row, Units, units);
        auto *amount = new QTableWidgetItem;
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->setItem(row, Amount, amount);
    }
    const Money shippingLeft = order.shippingFee - order.shippingRefunded;
    m_restock->setObjectName(QStringLiteral("restockCheck"));
    m_shipping->setObjectName(QStringLiteral("shippingCheck"));
    m_shipping->setText(tr("Refund the shipping fee (%1)").arg(shippingLeft.toString()));
    m_shipping->setEnabled(!shippingLeft.isZero());
    connect(m_shipping, &QCheckBox::toggled, this, &RefundOrderDialog::updateAmounts);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. damaged in transit, changed their mind"));
    m_refundedAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_total->setObjectName(QStringLiteral("totalLabel"));
    auto *form = new QFormLayout;
    form->addRow(QString(), m_restock);
    form->addRow(QString(), m_shipping);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("Refunded &at:"), m_refundedAt);
    auto *content = new QVBoxLayout;
    content->addWidget(m_lines, 1);
    content->addLayout(form);
    content->addWidget(m_total);
    setContent(content);
    updateAmounts();
}

QSpinBox *RefundOrderDialog::unitsOfLine(int row) const
{
    return qobject_cast<QSpinBox *>(m_lines->cellWidget(row, Units));
}

void RefundOrderDialog::updateAmounts()
{
    Money total;
    for (int row = 0; row < m_order.lines.size(); ++row) {
        const int units = unitsOfLine(row)->value();
        const Money amount = units > 0 ? OrderWorkflow::refundAmount(m_order.lines.at(row), units)
                                       : Money();
        m_lines->item(row, Amount)->setText(amount.toString());
        total += amount;
    }
    if (m_shipping->isChecked())
        total += m_order.shippingFee - m_order.shippingRefunded;
    m_total->setText(tr("Refund to the customer: <b>%1</b>").arg(total.toString()));
}

bool RefundOrderDialog::apply()
{
    RefundRequest request;
    request.restock = m_restock->isChecked();
    request.refundShipping = m_shipping->isChecked();
    request.reason = m_reason->text().trimmed();
    request.at = m_refundedAt->dateTime();
    for (int row = 0; row < m_order.lines.size(); ++row) {
        const int units = unitsOfLine(row)->value();
        if (units > 0)
            request.lines.append({m_order.lines.at(row).id, units});
    }
    if (request.lines.isEmpty() && !request.refundShipping) {
        showError(tr("Choose units to refund, or the shipping fee."));
        return false;
    }
    request.shippingOnly = request.lines.isEmpty();
    return attempt([&] { m_shop.orders.refund(m_order.orderNo, request); });
}

} // namespace MicroShop
