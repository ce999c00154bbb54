#include "Order.h"

namespace MicroShop {

QList<OrderStatus> OrderStatuses::all()
{
    return {OrderStatus::Pending,   OrderStatus::Paid,      OrderStatus::Shipped,
            OrderStatus::Completed, OrderStatus::Cancelled, OrderStatus::Refunded};
}

QString OrderStatuses::code(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Pending:
        return QStringLiteral("pending");
    case OrderStatus::Paid:
        return QStringLiteral("paid");
    case OrderStatus::Shipped:
        return QStringLiteral("shipped");
    case OrderStatus::Completed:
        return QStringLiteral("completed");
    case OrderStatus::Cancelled:
        return QStringLiteral("cancelled");
    case OrderStatus::Refunded:
        return QStringLiteral("refunded");
    }
    return QString();
}

std::optional<OrderStatus> OrderStatuses::fromCode(const QString &code)
{
    for (const OrderStatus status : all()) {
        if (OrderStatuses::code(status) == code)
            return status;
    }
    return std::nullopt;
}

QString OrderStatuses::displayName(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Pending:
        return tr("Awaiting payment");
    case OrderStatus::Paid:
        return tr("Paid");
    case OrderStatus::Shipped:
        return tr("Shipped");
    case OrderStatus::Completed:
        return tr("Completed");
    case OrderStatus::Cancelled:
        return tr("Cancelled");
    case OrderStatus::Refunded:
        return tr("Refunded");
    }
    return QString();
}

QList<PaymentMethod> PaymentMethods::all()
{
    return {PaymentMethod::WeChat, PaymentMethod::Alipay, PaymentMethod::Bank, PaymentMethod::Cash,
            PaymentMethod::Other};
}

QString PaymentMethods::code(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::WeChat:
        return QStringLiteral("wechat");
    case PaymentMethod::Alipay:
        return QStringLiteral("alipay");
    case PaymentMethod::Bank:
        return QStringLiteral("bank");
    case PaymentMethod::Cash:
        return QStringLiteral("cash");
    case PaymentMethod::Other:
        return QStringLiteral("other");
    }
    return QString();
}

std::optional<PaymentMethod> PaymentMethods::fromCode(const QString &code)
{
    for (const PaymentMethod method : all()) {
        if (PaymentMethods::code(method) == code)
            return method;
    }
    return std::nullopt;
}

QString PaymentMethods::displayName(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::WeChat:
        return tr("WeChat Pay");
    case PaymentMethod::Alipay:
        return tr("Alipay");
    case PaymentMethod::Bank:
        return tr("Bank transfer");
    case PaymentMethod::Cash:
        return tr("Cash");
    case PaymentMethod::Other:
        return tr("Other");
    }
    return QString();
}

Money OrderLine::netOf(qint64 quantity, Money unitPrice, Money discount)
{
    const Money gross = unitPrice.times(quantity);
    const Money net = gross - discount;
    return net.isNegative() ? Money() : net;
}

Money Order::goodsTotal() const
{
    Money total;
    for (const OrderLine &line : lines)
        total += line.net;
    return total;
}

bool Order::isFullyRefunded() const
{
    for (const OrderLine &line : lines) {
        if (line.refundedQuantity < line.quantity)
            return false;
    }
    return !lines.isEmpty();
}

} // namespace MicroShop
