#include "DatabaseCheck.h"

#include "Database.h"

#include "Money.h"

#include <QSqlQuery>

#include <future>

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

    // SQLite's integrity check reads every page and index entry (97 s of 1.4 GB at a million
    // orders), on a connection of its own in another thread while the rest runs on this one.
    std::future<QStringList> integrity;
    if (database.isSqlite()) {
        integrity = std::async(std::launch::async, [location = database.location()] {
            const auto own = Database::open(location);
            QStringList lines;
            QSqlQuery rows = own->exec(QStringLiteral("PRAGMA integrity_check"));
            while (rows.next()) {
                const QString line = rows.value(0).toString();
                if (line != u"ok")
                    lines.append(tr("integrity: %1").arg(line));
            }
            return lines;
        });
        QSqlQuery keys = database.exec(QStringLiteral("PRAGMA foreign_key_check"));
        while (keys.next())
            found.append(tr("foreign key: row %1 of %2 refers to a missing row of %3")
                             .arg(keys.value(1).toString(), keys.value(0).toString(),
                                  keys.value(2).toString()));
    } // PostgreSQL enforces its foreign keys and checks its pages itself.

    // The movements summed as the table holds them (product_id + 0 keeps SQLite off the
    // product's index, whose entries point all over the table): 5 s at 2.5 million, not 17.
    QSqlQuery stock = database.exec(
        QStringLiteral("SELECT p.sku, p.stock, COALESCE(m.total, 0) FROM products p "
                       "LEFT JOIN (SELECT product_id + 0 AS product_id, sum(quantity) AS total "
                       "FROM stock_movements GROUP BY product_id + 0) m ON m.product_id = p.id "
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

    // Only an order with a reversal can be reversed below zero (a reversal is the only negative
    // entry): 0.4 s at a million orders, where summing every order's entries took 4.8 s.
    QSqlQuery overReversed = database.exec(QStringLiteral(
        "SELECT o.order_no, d.code, b.level, b.total FROM (SELECT e.order_id, e.distributor_id, "
        "e.level, sum(e.amount) AS total FROM commission_entries e WHERE e.order_id IN (SELECT "
        "order_id FROM commission_entries WHERE kind = 'reversal') GROUP BY e.order_id, "
        "e.distributor_id, e.level HAVING sum(e.amount) < 0) b JOIN orders o ON o.id = "
        "b.order_id JOIN distributors d ON d.id = b.distributor_id ORDER BY o.order_no, d.code, "
        "b.level"));
    while (overReversed.next())
        found.append(tr("ledger: order %1 reverses more than distributor %2 earned at level %3 "
                        "(%4)")
                         .arg(overReversed.value(0).toString(), overReversed.value(1).toString(),
                              overReversed.value(2).toString(), money(overReversed.value(3))));
    if (integrity.valid())
        found = integrity.get() + found; // the file's own problems first
    return found;
}

} // namespace MicroShop
