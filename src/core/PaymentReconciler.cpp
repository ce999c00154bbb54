#include "PaymentReconciler.h"

#include "Dates.h"
#include "OrderWorkflow.h"
#include "Repositories.h"
#include "ShopRepositories.h"

namespace MicroShop {

PaymentReconciler::PaymentReconciler(PaymentBillRepository &bills, const OrderRepository &orders,
                                     OrderWorkflow &workflow, AuditLog &audit,
                                     Transactor &transactor)
    : m_bills(bills)
    , m_orders(orders)
    , m_workflow(workflow)
    , m_audit(audit)
    , m_transactor(transactor)
{}

std::optional<Order> PaymentReconciler::orderNamed(const QString &merchantOrderNo) const
{
    if (merchantOrderNo.isEmpty())
        return std::nullopt;
    if (auto order = m_orders.findByNumber(merchantOrderNo))
        return order;
    for (const Platform platform : Platforms::all()) {
        if (auto order = m_orders.findByPlatformNumber(platform, merchantOrderNo))
            return order;
    }
    return std::nullopt;
}

void PaymentReconciler::reconcile(BillLine &line, Counts &counts)
{
    m_transactor.inTransaction([&] {
        line.orderId = 0;
        const auto stored = m_bills.find(line);
        if (line.source == BillSource::WeChatPersonal && stored
            && stored->outcome == BillOutcome::Matched) {
            line.orderId = stored->orderId; // confirmed by the merchant: it stays so
            line.outcome = BillOutcome::Matched;
            counts.matched += 1;
        } else if (line.source == BillSource::WeChatPersonal) {
            line.outcome = BillOutcome::Income; // no order number: a candidate at most
            counts.unknown += 1;
        } else if (line.kind == BillLineKind::Refund) {
            const auto order = orderNamed(line.merchantOrderNo);
            line.orderId = order ? order->id : 0;
            line.outcome = BillOutcome::Refund;
        } else {
            reconcilePayment(line, counts);
        }
        if (!stored)
            m_bills.insert(line);
        else if (stored->orderId != line.orderId || stored->outcome != line.outcome)
            m_bills.updateOutcome(line);
    });
}

void PaymentReconciler::reconcilePayment(BillLine &line, Counts &counts)
{
    const auto order = orderNamed(line.merchantOrderNo);
    if (!order) {
        line.outcome = BillOutcome::Unknown;
        counts.unknown += 1;
        return;
    }
    line.orderId = order->id;
    // Money for a cancelled order is to be looked at, as a different amount is: never applied.
    if (line.amount != order->total() || order->status == OrderStatus::Cancelled) {
        line.outcome = BillOutcome::Mismatch;
        counts.mismatched += 1;
        return;
    }
    if (order->status == OrderStatus::Pending) {
        m_workflow.pay(order->orderNo, line.at, PaymentMethod::WeChat);
        counts.applied += 1;
    }
    line.outcome = BillOutcome::Matched;
    counts.matched += 1;
}

Order PaymentReconciler::confirmCandidate(const QString &billNo, const QString &orderNo)
{
    Order paid;
    m_transactor.inTransaction([&] {
        BillLine key;
        key.source = BillSource::WeChatPersonal;
        key.billNo = billNo.trimmed();
        key.kind = BillLineKind::Payment;
        auto income = m_bills.find(key);
        if (!income)
            throw InputError(tr("There is no income %1 in an imported personal bill.").arg(billNo));
        const auto order = m_orders.findByNumber(orderNo.trimmed());
        if (!order)
            throw InputError(tr("There is no order %1.").arg(orderNo));
        checkCandidate(*income, *order);
        // Paid before the order was entered (a day or two early): paid when it was entered.
        const QDateTime at = qMax(income->at, order->date);
        paid = m_workflow.pay(order->orderNo, at, PaymentMethod::WeChat);
        income->orderId = order->id;
        income->outcome = BillOutcome::Matched;
        m_bills.updateOutcome(*income);
        m_audit.append(
            {QStringLiteral("payment.confirm"), QStringLiteral("order"), order->orderNo,
             QStringLiteral("WeChat personal income %1 of %2 at %3")
                 .arg(income->billNo, income->amount.toString(), Dates::toText(income->at))});
    });
    return paid;
}

void PaymentReconciler::checkCandidate(const BillLine &income, const Order &order) const
{
    if (income.outcome != BillOutcome::Income) {
        const auto confirmed = income.orderId != 0 ? m_orders.findById(income.orderId)
                                                   : std::nullopt;
        throw InputError(
            confirmed ? tr("The income %1 was already confirmed as the payment of order %2.")
                            .arg(income.billNo, confirmed->orderNo)
                      : tr("The line %1 is not an income of a personal bill.").arg(income.billNo));
    }
    if (order.status != OrderStatus::Pending)
        throw InputError(tr("Order %1 is %2: only a pending order can be paid by an income.")
                             .arg(order.orderNo, OrderStatuses::displayName(order.status)));
    if (income.amount != order.total())
        throw InputError(tr("The income %1 is %2 but order %3 is due %4: the amounts differ.")
                             .arg(income.billNo, income.amount.toString(), order.orderNo,
                                  order.total().toString()));
    const qint64 days = order.date.date().daysTo(income.at.date());
    if (days > candidateDays || days < -candidateDays)
        throw InputError(tr("The income %1 of %2 is more than %3 days from order %4 of %5.")
                             .arg(income.billNo, Dates::toText(income.at.date()))
                             .arg(candidateDays)
                             .arg(order.orderNo, Dates::toText(order.date.date())));
}

} // namespace MicroShop
