#pragma once

#include "PaymentBill.h"

#include <QCoreApplication>

#include <optional>

namespace MicroShop {

class AuditLog;
class OrderRepository;
class OrderWorkflow;
class Transactor;
struct Order;

// Reconciles imported bill lines with the orders (platforms.md "Payment bills") and keeps them: a
// merchant-bill payment naming an order at its amount due pays it when pending (through the order
// workflow, method WeChat, at the bill's time) or confirms it; anything else is recorded, never
// applied. Seeing a line again re-reconciles it and changes only what the shop's orders changed.
// A personal bill's income is only ever applied by confirmCandidate(), on the merchant's word.
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
                      OrderWorkflow &workflow, AuditLog &audit, Transactor &transactor);

    // The order a merchant order number names: MicroShop's number, else a platform's.
    std::optional<Order> orderNamed(const QString &merchantOrderNo) const;
    // Reconciles and stores one line (in the caller's transaction, or one of its own); sets its
    // order and outcome and counts it. Throws InputError when paying the order is refused.
    void reconcile(BillLine &line, Counts &counts);
    // The merchant confirms that the personal bill's income billNo is the payment of the pending
    // order orderNo (one of its candidates: the same amount due, dated within three days of it):
    // the order is paid through the workflow (method WeChat, at the income's time, or the
    // order's own when the income came earlier), the line stored as matched with that order, and
    // the confirmation audited, in one transaction. Throws InputError, changing nothing, when
    // there is no such income or it is already confirmed, the order is not pending, the amounts
    // differ or the days are more than three apart.
    Order confirmCandidate(const QString &billNo, const QString &orderNo);

    // How far, in calendar days either side, an income's candidates are from it.
    static constexpr int candidateDays = 3;

private:
    void reconcilePayment(BillLine &line, Counts &counts);
    void checkCandidate(const BillLine &income, const Order &order) const;

    PaymentBillRepository &m_bills;
    const OrderRepository &m_orders;
    OrderWorkflow &m_workflow;
    AuditLog &m_audit;
    Transactor &m_transactor;
};

} // namespace MicroShop
