#pragma once

#include "CommissionRepositories.h"

namespace MicroShop {

class Database;

// The ledger as rows of commission_entries, commission_basis and payouts.
class SqlCommissionRepository final : public CommissionRepository
{
public:
    explicit SqlCommissionRepository(Database &database)
        : m_database(database)
    {}

    void addBasis(const CommissionBasis &basis) override;
    QList<CommissionBasis> basisOfOrder(qint64 orderId) const override;
    void addEntry(const CommissionEntry &entry) override;
    QList<CommissionBalance> balances(qint64 orderId) const override;
    std::optional<QDate> availableOn(qint64 orderId) const override;
    void setAvailableOn(qint64 orderId, QDate date) override;
    QList<PayoutPreview> settlementPreview(QDate until, qint64 distributorId) const override;
    Payout settle(const PayoutPreview &preview, QDate until, const QDateTime &at) override;

private:
    Database &m_database;
};

} // namespace MicroShop
