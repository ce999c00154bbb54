#pragma once

#include "PagedTableModel.h"

namespace MicroShop {

// The commission ledger: each entry with its order, beneficiary, level, amount (reversals
// negative, in red) and state as of today.
class CommissionListModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { Date, OrderNo, Distributor, Level, Amount, State, AvailableOn, Payout };

    using PagedTableModel::PagedTableModel;

    static QString stateName(const QString &code); // pending, available, settled

protected:
    QString columnTitle(int column) const override;
    QVariant displayValue(const QVariantList &row, int column) const override;
    QVariant roleValue(const QVariantList &row, int column, int role) const override;
    bool isNumeric(int column) const override;
};

// The payouts made by settlements.
class PayoutListModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Code, Name, PeriodEnd, Amount, Entries, CreatedAt };

    using PagedTableModel::PagedTableModel;

protected:
    QString columnTitle(int column) const override;
    QVariant displayValue(const QVariantList &row, int column) const override;
    bool isNumeric(int column) const override;
};

} // namespace MicroShop
