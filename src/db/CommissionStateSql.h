#pragma once

#include "Dates.h"

#include <QDate>
#include <QString>

// The ledger's states of domain.md as of a day, in SQL, written once for every reader of them:
// the Commissions list and its export, `report commissions`, distributor statements and the
// dashboard. An entry (e, of commission_entries) is settled when the payout (p) that took it is
// for a period that ended by that day; available when not settled then and its available_on has
// come; pending otherwise (an order never completed has no available_on). A settlement is never
// for a day still to come (CommissionLedger), so "as of today" settled is "has a payout".
namespace MicroShop::CommissionStateSql {

// What the expression needs beside `e`.
inline QString payoutJoin()
{
    return QStringLiteral(" LEFT JOIN payouts p ON p.id = e.payout_id");
}

// 'settled', 'available' or 'pending' as of the end of `day`.
inline QString of(QDate day)
{
    const QString text = Dates::toText(day); // digits and dashes only: safe as a literal
    return QStringLiteral("(CASE WHEN p.period_end <= '%1' THEN 'settled' WHEN e.available_on <= "
                          "'%1' THEN 'available' ELSE 'pending' END)")
        .arg(text);
}

// Entries available as of today, without the payouts joined: no payout yet, and their available
// day come by `today` (the `?` it binds). The same as of(today) = 'available', since an entry
// with a payout is settled as of today. The Dashboard reads it from
// commission_entries_distributor alone.
inline QString availableToday()
{
    return QStringLiteral("e.payout_id IS NULL AND e.available_on <= ?");
}

} // namespace MicroShop::CommissionStateSql
