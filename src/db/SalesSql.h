#pragma once

#include "Dates.h"

#include <QDate>
#include <QString>
#include <QVariantList>

// What a sale is, in SQL, written once for every reader of sales: the reports, the distributor
// figures of the tree page and of statements, and the dashboard. A counted order (spec/cli.md
// "Report definitions") is neither pending nor cancelled and counts in the period of its date;
// its net sales are its goods total less what was refunded of its lines (shipping left out).
// `o` is the orders table.
namespace MicroShop::SalesSql {

inline QString countedOrder()
{
    return QStringLiteral("o.status NOT IN ('pending', 'cancelled')");
}

// " AND <column> >= ? AND <column> < ?" for the inclusive range from..to on a text date column;
// an invalid date is no bound. The values are appended to `values`.
inline QString inRange(QDate from, QDate to, QVariantList &values,
                       const QString &column = QStringLiteral("o.date"))
{
    QString sql;
    if (from.isValid()) {
        sql += QStringLiteral(" AND %1 >= ?").arg(column);
        values.append(Dates::toText(from));
    }
    if (to.isValid()) {
        sql += QStringLiteral(" AND %1 < ?").arg(column);
        values.append(Dates::toText(to.addDays(1)));
    }
    return sql;
}

// What was refunded of an order's goods, in fen: its lines' refunded amounts, read only for
// orders with refunds (an order's refunded_total counts its shipping refunded too).
inline QString refundedGoods()
{
    return QStringLiteral("CASE WHEN o.refunded_total > 0 THEN (SELECT "
                          "COALESCE(sum(l.refunded_amount), 0) FROM order_lines l WHERE "
                          "l.order_id = o.id) ELSE 0 END");
}

// An order's net sales in fen. Its goods total is the sum of its lines' nets (`check` verifies
// it), so the sales of many orders are read from the orders alone.
inline QString orderNet()
{
    return QStringLiteral("(o.goods_total - %1)").arg(refundedGoods());
}

} // namespace MicroShop::SalesSql
