#include "CommissionLedger.h"

#include "CommissionRules.h"
#include "Dates.h"
#include "ShopSettings.h"

#include <QHash>

namespace MicroShop {

CommissionLedger::CommissionLedger(CommissionRepository &commissions,
                                   DistributorRepository &distributors, ProductRepository &products,
                                   const ShopSettings &settings, AuditLog &audit,
                                   Transactor &transactor)
    : m_commissions(commissions)
    , m_distributors(distributors)
    , m_products(products)
    , m_settings(settings)
    , m_audit(audit)
    , m_transactor(transactor)
{}

void CommissionLedger::orderPaid(const Order &order)
{
    if (order.distributorId == 0)
        return;
    const QDateTime at = order.paidAt.value_or(Dates::now());
    // The tree as it is now: the seller, its upline, and that one's upline.
    const QList<Distributor> beneficiaries = m_distributors.chain(order.distributorId,
                                                                  m_settings.commissionLevels());
    QHash<qint64, Product> products;
    for (const OrderLine &line : order.lines) {
        if (!products.contains(line.productId))
            products.insert(line.productId, *m_products.findById(line.productId));
    }
    for (int level = 1; level <= beneficiaries.size(); ++level) {
        const Distributor &beneficiary = beneficiaries.at(level - 1);
        if (!CommissionRules::earns(beneficiary.status))
            continue;
        Money earned;
        for (const OrderLine &line : order.lines) {
            const Rate rate = CommissionRules::rateOf(products.value(line.productId), level,
                                                      m_settings);
            m_commissions.addBasis({line.id, level, beneficiary.id, rate.basisPoints()});
            earned += rate.of(line.net); // rounded per line, half up
        }
        if (earned.isZero())
            continue; // nothing is recorded for 0
        m_commissions.addEntry({order.id, beneficiary.id, level, earned, at, std::nullopt});
    }
}

void CommissionLedger::reverseDownTo(const Order &after, const QDateTime &at)
{
    QHash<qint64, Money> remaining; // line id -> net not refunded
    for (const OrderLine &line : after.lines)
        remaining.insert(line.id,
                         after.status == OrderStatus::Cancelled ? Money() : line.remainingNet());
    // What each beneficiary should now hold on this order, line by line at the rate it earned.
    QHash<QPair<qint64, int>, Money> owed;
    for (const CommissionBasis &basis : m_commissions.basisOfOrder(after.id))
        owed[{basis.distributorId, basis.level}]
            += Rate::fromBasisPoints(basis.rate).of(remaining.value(basis.lineId));
    const std::optional<QDate> availableOn = m_commissions.availableOn(after.id);
    for (const CommissionBalance &balance : m_commissions.balances(after.id)) {
        const Money difference = owed.value({balance.distributorId, balance.level})
                                 - balance.amount;
        if (difference.isNegative())
            m_commissions.addEntry(
                {after.id, balance.distributorId, balance.level, difference, at, availableOn});
    }
}

void CommissionLedger::orderCancelled(const Order &, const Order &after)
{
    reverseDownTo(after, after.cancelledAt.value_or(Dates::now()));
}

void CommissionLedger::orderRefunded(const Order &, const Order &after, const QDateTime &at)
{
    reverseDownTo(after, at);
}

void CommissionLedger::orderCompleted(const Order &order)
{
    m_commissions.setAvailableOn(
        order.id, CommissionRules::availableOn(order.completedAt.value_or(Dates::now()),
                                               m_settings.holdDays()));
}

void CommissionLedger::refuseFutureSettlement(QDate until)
{
    const QDate today = Dates::today();
    if (until > today)
        throw InputError(tr("A settlement pays what has become available by a day that has come: "
                            "%1 is after today (%2). Settle up to today or an earlier day.")
                             .arg(Dates::toText(until), Dates::toText(today)));
}

QList<PayoutPreview> CommissionLedger::previewSettlement(QDate until, qint64 distributorId) const
{
    refuseFutureSettlement(until);
    return m_commissions.settlementPreview(until, distributorId);
}

QList<Payout> CommissionLedger::settle(QDate until, qint64 distributorId,
                                       const ProgressCallback &progress)
{
    refuseFutureSettlement(until);
    QList<Payout> payouts;
    m_transactor.inRetryingTransaction([&] {
        // One settlement at a time across desktops: the second finds what the first left.
        m_transactor.takeTurn(QStringLiteral("settlement"));
        payouts.clear();
        const QDateTime at = Dates::now();
        const QList<PayoutPreview> previews = m_commissions.settlementPreview(until, distributorId);
        for (const PayoutPreview &preview : previews) {
            if (progress && payouts.size() % 100 == 0 && !progress(payouts.size(), previews.size()))
                throw Cancelled(tr("The settlement was cancelled; no payout was made."));
            payouts.append(m_commissions.settle(preview, until, at));
            m_audit.append({QStringLiteral("commission.payout"), QStringLiteral("distributor"),
                            preview.code,
                            QStringLiteral("%1 for %2 entries up to %3")
                                .arg(preview.amount.toString())
                                .arg(preview.entries)
                                .arg(Dates::toText(until))});
        }
    });
    return payouts;
}

} // namespace MicroShop
