#pragma once

#include "PaymentBill.h"

#include <QCoreApplication>

#include <optional>

namespace MicroShop {

class OrderRepository;
class OrderWorkflow;
class Transactor;
struct Order;

// Reconciles imported bill lines with the orders (platforms.md "Payment bills") and keeps them: a
// merchant-bill payment naming an order at its amount due pays it when pending (through the order
// workflow, method WeChat, at the bill's time) or confirms it; anything else is recorded, never
// applied. Seeing a line again re-reconciles it and changes only what the shop's orders changed.
class PaymentReconciler final
{
    Q_DECLARE_TR_FUNCTIONS(PaymentReconciler)

public:
    struct Counts
    {
        int matched = 0;    // payments at an order's amount due (applied ones included)
        int applied = 0;    // of those, the ones that paid a pending order
        int mismatched = 0; // an order named, a different amount (or a cancelled order)
        int unknown = 0;    // no order named: a merchant line without one, a personal income
    };

    PaymentReconciler(PaymentBillRepository &bills, const OrderRepository &orders,
                      OrderWorkflow &workflow, Transactor &transactor);

    // The order a merchant order number names: MicroShop's number, else a platform's.
    std::optional<Order> orderNamed(const QString &merchantOrderNo) const;
    // Reconciles and stores one line (in the caller's transaction, or one of its own); sets its
    // order and outcome and counts it. Throws InputError when paying the order is refused.
    void reconcile(BillLine &line, Counts &counts);

private:
    void reconcilePayment(BillLine &line, Counts &counts);

    PaymentBillRepository &m_bills;
    const OrderRepository &m_orders;
    OrderWorkflow &m_workflow;
    Transactor &m_transactor;
};

} // namespace MicroShop
