#pragma once

#include "Customer.h"
#include "Money.h"
#include "Platform.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace MicroShop {

enum class OrderStatus { Pending, Paid, Shipped, Completed, Cancelled, Refunded };
enum class PaymentMethod { WeChat, Alipay, Bank, Cash, Other };

class OrderStatuses final
{
    Q_DECLARE_TR_FUNCTIONS(OrderStatuses)

public:
    static QList<OrderStatus> all();
    static QString code(OrderStatus status);
    static std::optional<OrderStatus> fromCode(const QString &code);
    static QString displayName(OrderStatus status);
};

class PaymentMethods final
{
    Q_DECLARE_TR_FUNCTIONS(PaymentMethods)

public:
    static QList<PaymentMethod> all();
    static QString code(PaymentMethod method);
    static std::optional<PaymentMethod> fromCode(const QString &code);
    static QString displayName(PaymentMethod method);
};

// One line: the product's price and cost as they were when the line was made.
struct OrderLine
{
    qint64 id = 0;
    int lineNo = 0;
    qint64 productId = 0;
    QString sku;         // for messages and exports
    QString productName; // as it is now, for display
    qint64 quantity = 0;
    Money unitPrice;
    Money unitCost;
    Money discount;
    Money net; // max(0, quantity * unitPrice - discount)
    qint64 refundedQuantity = 0;
    Money refundedAmount;
    qint64 returnedQuantity = 0; // refunded units put back into stock

    static Money netOf(qint64 quantity, Money unitPrice, Money discount);
    qint64 remainingQuantity() const { return quantity - refundedQuantity; }
    Money remainingNet() const { return net - refundedAmount; }
};

struct Payment
{
    PaymentMethod method = PaymentMethod::WeChat;
    QDateTime paidAt;
    Money amount;
};

struct Shipment
{
    QString courier;
    QString tracking;
    QDateTime shippedAt;
    Address address; // the receiver as it was when shipped
};

// An order (domain.md "Orders"); OrderWorkflow is the only code that changes its status.
struct Order
{
    qint64 id = 0;
    qint64 version = 0; // row_version when read; every change to the order adds one
    QString orderNo;
    std::optional<Platform> platform; // the platform it was imported from, with its number there
    QString platformNo;
    QDateTime date;
    qint64 customerId = 0;
    qint64 distributorId = 0; // 0: none
    OrderStatus status = OrderStatus::Pending;
    QList<OrderLine> lines;
    Money shippingFee;
    Money refundedTotal; // goods and shipping refunded so far
    Money shippingRefunded;
    std::optional<QDateTime> paidAt;
    std::optional<QDateTime> shippedAt;
    std::optional<QDateTime> completedAt;
    std::optional<QDateTime> cancelledAt;
    std::optional<Payment> payment;
    std::optional<Shipment> shipment;
    QString notes;

    Money goodsTotal() const;
    Money total() const { return goodsTotal() + shippingFee; }
    bool isFullyRefunded() const;
};

// What a person asks to refund: some units of some lines (by line id), or everything left.
struct RefundRequest
{
    struct Line
    {
        qint64 lineId = 0;
        qint64 quantity = 0;
    };
    QList<Line> lines; // empty: every unit not refunded yet (unless shippingOnly)
    bool restock = false;
    bool refundShipping = false;
    QDateTime at;
    QString reason;
    bool shippingOnly = false; // no units at all: only the shipping fee
};

} // namespace MicroShop
