#pragma once

#include "Error.h"
#include "Order.h"
#include "Repositories.h"
#include "ShopRepositories.h"
#include "StockKeeper.h"

#include <QCoreApplication>

namespace MicroShop {

class ShopSettings;

// What a person fills in for a new order (or a pending order being edited).
struct OrderDraft
{
    struct Line
    {
        qint64 productId = 0;
        qint64 quantity = 0;
        std::optional<Money> unitPrice; // nullopt: the product's price now
        Money discount;
    };
    QString orderNo;                  // empty: the next free number
    std::optional<Platform> platform; // an order imported from a platform, with its number there
    QString platformNo;
    QDateTime date;
    qint64 customerId = 0;
    qint64 distributorId = 0; // 0: the customer's bound distributor, if any
    QList<Line> lines;
    Money shippingFee;
    QString notes;
    qint64 version = 0; // an edit: the order's version it was made on (0: over whatever is stored)
};

// What had already happened to an order entered after the fact (an import of past orders): each
// step that happened, with its time; the steps are taken in the workflow's order.
struct OrderHistory
{
    std::optional<QDateTime> paidAt;
    PaymentMethod method = PaymentMethod::Other;
    std::optional<QDateTime> shippedAt; // with courier and tracking
    QString courier;
    QString tracking;
    std::optional<QDateTime> completedAt;
    std::optional<QDateTime> cancelledAt;
};

// The order workflow of domain.md: the only code that moves an order from one status to the
// next, with its stock movements, payment, shipment and refunds, each move one transaction.
// Paying, cancelling, refunding and completing tell the CommissionHook, the ledger's one entry.
class OrderWorkflow final
{
    Q_DECLARE_TR_FUNCTIONS(OrderWorkflow)

public:
    enum class Move { Pay, Ship, Complete, Cancel, Refund };

    OrderWorkflow(OrderRepository &orders, ProductRepository &products,
                  CustomerRepository &customers, DistributorDirectory &distributors,
                  const ShopSettings &settings, CommissionHook &commissions, AuditLog &audit,
                  Transactor &transactor);

    static bool isAllowed(OrderStatus status, Move move);
    static QString moveName(Move move);

    Order create(const OrderDraft &draft);
    Order updatePending(const QString &orderNo, const OrderDraft &draft);
    Order pay(const QString &orderNo, const QDateTime &at, PaymentMethod method);
    Order ship(const QString &orderNo, const QString &courier, const QString &tracking,
               const QDateTime &at, const std::optional<Address> &address = std::nullopt);
    Order complete(const QString &orderNo, const QDateTime &at);
    // Completes the orders with these ids (a selection on the Orders page) in one transaction:
    // all or none. Throws InputError, changing nothing, naming the orders that cannot be
    // completed (the first ten, and how many in all); Cancelled when progress says stop.
    qint64 completeAll(const QList<qint64> &ids, const QDateTime &at,
                       const ProgressCallback &progress = {});
    Order cancel(const QString &orderNo, const QDateTime &at);
    Order refund(const QString &orderNo, const RefundRequest &request);
    // create(), then pay(), ship(), complete() and cancel() for the steps history has, by the
    // same rules, in one transaction; the order is not read back between steps (an import of a
    // million lines takes each order through its whole history).
    Order record(const OrderDraft &draft, const OrderHistory &history);

    Order orderByNumber(const QString &orderNo) const; // throws InputError when unknown

    // The amount refunded for k more units of a line: round(net * k / quantity), and for the
    // last units exactly what is left, so a full refund returns the line's net to the fen.
    static Money refundAmount(const OrderLine &line, qint64 units);

private:
    Order buildOrder(const OrderDraft &draft, const Order *existing) const;
    // The order, held for this transaction (OrderRepository::lock) and read as it is then.
    Order lockedOrder(const QString &orderNo);
    // The moves on an order in hand, inside the caller's transaction; each updates `order`,
    // which the caller then saves (saveState), once after several moves (record()).
    // shipOrder() takes courier and tracking as requireCourierAndTracking() has checked them.
    Order insertNew(const OrderDraft &draft);
    void payOrder(Order &order, const QDateTime &at, PaymentMethod method);
    void shipOrder(Order &order, const QString &courier, const QString &tracking,
                   const QDateTime &at, const std::optional<Address> &address);
    void completeOrder(Order &order, const QDateTime &at);
    void cancelOrder(Order &order, const QDateTime &at);
    static void requireCourierAndTracking(const QString &orderNo, const QString &courier,
                                          const QString &tracking);
    void refuse(const Order &order, Move move) const;
    // A move happens on or after the previous step's day; on that same day it is dated no
    // earlier than the step itself (so `--date 2026-03-01` after an order at 10:00 is 10:00).
    QDateTime effectiveTime(const Order &order, const QDateTime &at, const QDateTime &earliest,
                            Move move) const;

    OrderRepository &m_orders;
    ProductRepository &m_products;
    CustomerRepository &m_customers;
    DistributorDirectory &m_distributors;
    CommissionHook &m_commissions;
    AuditLog &m_audit;
    Transactor &m_transactor;
    StockKeeper m_stock;
};

} // namespace MicroShop
