#pragma once

#include "Error.h"

#include "CommissionRepositories.h"
#include "Repositories.h"
#include "ShopRepositories.h"

#include <QCoreApplication>

namespace MicroShop {

class ShopSettings;

// The commission ledger of domain.md: earns along the tree when an order is paid, reverses on
// cancels and refunds (recomputed per line from what was earned), makes entries available
// `hold_days` after completion, and settles available sums into payouts.
class CommissionLedger final : public CommissionHook
{
    Q_DECLARE_TR_FUNCTIONS(CommissionLedger)

public:
    CommissionLedger(CommissionRepository &commissions, DistributorRepository &distributors,
                     ProductRepository &products, const ShopSettings &settings, AuditLog &audit,
                     Transactor &transactor);

    void orderPaid(const Order &order) override;
    void orderCancelled(const Order &before, const Order &after) override;
    void orderRefunded(const Order &before, const Order &after, const QDateTime &at) override;
    void orderCompleted(const Order &order) override;

    // What settling up to `until` would pay (all distributors, or one when distributorId != 0).
    // A day after today is refused (InputError): hold days protect against returns, and a
    // payout for a period still running would be settled and not settled at once.
    QList<PayoutPreview> previewSettlement(QDate until, qint64 distributorId = 0) const;
    // Creates those payouts, all in one transaction; audited.
    // progress: told of every hundred payouts; false cancels (Cancelled; no payout is made).
    QList<Payout> settle(QDate until, qint64 distributorId = 0,
                         const ProgressCallback &progress = {});

private:
    static void refuseFutureSettlement(QDate until);
    // Brings each beneficiary's balance on the order to what its lines' remaining nets earn.
    void reverseDownTo(const Order &after, const QDateTime &at);

    CommissionRepository &m_commissions;
    DistributorRepository &m_distributors;
    ProductRepository &m_products;
    const ShopSettings &m_settings;
    AuditLog &m_audit;
    Transactor &m_transactor;
};

} // namespace MicroShop
