#include "PaymentReconciler.h"

#include "OrderWorkflow.h"
#include "Repositories.h"
#include "ShopRepositories.h"

namespace MicroShop {

PaymentReconciler::PaymentReconciler(PaymentBillRepository &bills, const OrderRepository &orders,
                                     OrderWorkflow &workflow, Transactor &transactor)
    : m_bills(bills)
    , m_orders(orders)
    , m_workflow(workflow)
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
        if (line.source == BillSource::WeChatPersonal) {
            line.outcome = BillOutcome::Income; // no order number: a candidate at most
            counts.unknown += 1;
        } else if (line.kind == BillLineKind::Refund) {
            const auto order = orderNamed(line.merchantOrderNo);
            line.orderId = order ? order->id : 0;
            line.outcome = BillOutcome::Refund;
        } else {
            reconcilePayment(line, counts);
        }
        const auto stored = m_bills.find(line);
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

} // namespace MicroShop
