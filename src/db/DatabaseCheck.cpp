#include "DatabaseCheck.h"

#include "Database.h"

#include "Money.h"

namespace MicroShop {

namespace {

QString money(const QVariant &minorUnits)
{
    return Money::fromMinorUnits(minorUnits.toLongLong()).toString();
}

} // namespace

QStringList DatabaseCheck::findings(Database &database)
{
    QStringList found;

    if (database.isSqlite()) {
        QSqlQuery integrity = database.exec(QStringLiteral("PRAGMA integrity_check"));
        while (integrity.next()) {
            const QString line = integrity.value(0).toString();
            if (line != u"ok")
                found.append(tr("integrity: %1").arg(line));
        }
        QSqlQuery keys = database.exec(QStringLiteral("PRAGMA foreign_key_check"));
        while (keys.next())
            found.append(tr("foreign key: row %1 of %2 refers to a missing row of %3")
                             .arg(keys.value(1).toString(), keys.value(0).toString(),
                                  keys.value(2).toString()));
    } // PostgreSQL enforces its foreign keys and checks its pages itself.

    QSqlQuery stock = database.exec(
        QStringLiteral("SELECT p.sku, p.stock, COALESCE(m.total, 0) FROM products p "
                       "LEFT JOIN (SELECT product_id, sum(quantity) AS total FROM stock_movements "
                       "GROUP BY product_id) m ON m.product_id = p.id "
                       "WHERE p.stock <> COALESCE(m.total, 0) ORDER BY p.sku"));
    while (stock.next())
        found.append(tr("stock: product %1 has stock %2 but its movements add up to %3")
                         .arg(stock.value(0).toString(), stock.value(1).toString(),
                              stock.value(2).toString()));

    QSqlQuery negative = database.exec(QStringLiteral(
        "SELECT p.sku, p.stock FROM products p WHERE p.stock < 0 AND NOT EXISTS "
        "(SELECT 1 FROM settings s WHERE s.key = 'stock.allow_negative' AND s.value = 'true') "
        "ORDER BY p.sku"));
    while (negative.next())
        found.append(tr("stock: product %1 has negative stock %2 while negative stock is not "
                        "allowed")
                         .arg(negative.value(0).toString(), negative.value(1).toString()));

    QSqlQuery totals = database.exec(QStringLiteral(
        "SELECT o.order_no, o.goods_total, COALESCE(l.total, 0) FROM orders o "
        "LEFT JOIN (SELECT order_id, sum(net) AS total FROM order_lines GROUP BY order_id) l "
        "ON l.order_id = o.id WHERE o.goods_total <> COALESCE(l.total, 0) ORDER BY o.order_no"));
    while (totals.next())
        found.append(
            tr("orders: order %1 has goods total %2 but its lines add up to %3")
                .arg(totals.value(0).toString(), money(totals.value(1)), money(totals.value(2))));

    QSqlQuery payouts = database.exec(QStringLiteral(
        "SELECT p.id, p.amount, COALESCE(e.total, 0), p.entries, COALESCE(e.n, 0) FROM payouts p "
        "LEFT JOIN (SELECT payout_id, sum(amount) AS total, count(*) AS n "
        "FROM commission_entries WHERE payout_id IS NOT NULL GROUP BY payout_id) e "
        "ON e.payout_id = p.id WHERE p.amount <> COALESCE(e.total, 0) "
        "OR p.entries <> COALESCE(e.n, 0) ORDER BY p.id"));
    while (payouts.next())
        found.append(tr("ledger: payout %1 of %2 (%3 entries) does not match its settled "
                        "entries, %4 in %5 entries")
                         .arg(payouts.value(0).toString(), money(payouts.value(1)),
                              payouts.value(3).toString(), money(payouts.value(2)),
                              payouts.value(4).toString()));

    QSqlQuery overReversed = database.exec(QStringLiteral(
        "SELECT o.order_no, d.code, e.level, sum(e.amount) FROM commission_entries e "
        "JOIN orders o ON o.id = e.order_id JOIN distributors d ON d.id = e.distributor_id "
        "GROUP BY o.order_no, d.code, e.level HAVING sum(e.amount) < 0 "
        "ORDER BY o.order_no, d.code, e.level"));
    while (overReversed.next())
        found.append(tr("ledger: order %1 reverses more than distributor %2 earned at level %3 "
                        "(%4)")
                         .arg(overReversed.value(0).toString(), overReversed.value(1).toString(),
                              overReversed.value(2).toString(), money(overReversed.value(3))));
    return found;
}

} // namespace MicroShop
