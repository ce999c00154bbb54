#include "SqlReportSource.h"

#include "CommissionStateSql.h"
#include "Database.h"
#include "SalesSql.h"

#include "Dates.h"
#include "Money.h"

#include <QHash>

#include <algorithm>

namespace MicroShop {

namespace {

QString money(const QVariant &minorUnits)
{
    return Money::fromMinorUnits(minorUnits.toLongLong()).toString();
}

const QString counted = SalesSql::countedOrder();

// top > 0: keeps the `top` rows of the largest net (ties by key); then every row is listed by
// key, like every report.
template<typename Row, typename Key>
void keepTopByNet(QList<Row> &rows, int top, Key key)
{
    if (top > 0 && rows.size() > top) {
        std::sort(rows.begin(), rows.end(), [key](const Row &a, const Row &b) {
            return a.net != b.net ? a.net > b.net : a.*key < b.*key;
        });
        rows.resize(top);
    }
    std::sort(rows.begin(), rows.end(),
              [key](const Row &a, const Row &b) { return a.*key < b.*key; });
}

// The reports of cli.md and of the Reports page, computed by the database from the orders and
// the ledger. Counted orders are those neither pending nor cancelled, in the period of their date;
// shipping is left out; money is net of refunds. Date ranges are inclusive; an invalid date means
// no bound. Known to the rest of the program only as a ReportSource.
class SqlReportSource final : public ReportSource
{
public:
    explicit SqlReportSource(Database &database)
        : m_database(database)
    {}

    ReportTable sales(Period by, QDate from, QDate to, qint64 distributorId = 0,
                      bool team = false) override;
    ReportTable channels(QDate from, QDate to) override;
    ReportTable products(QDate from, QDate to, int top = 0) override;
    ReportTable stock() override;
    ReportTable customers(QDate from, QDate to, int minOrders = 1, int top = 0) override;
    ReportTable lapsedCustomers(QDate asOf, int days) override;
    ReportTable distributors(QDate from, QDate to) override;
    ReportTable commissions(QDate asOf, qint64 distributorId = 0) override;
    ReportTable reconciliation(QDate from, QDate to) override;
    DashboardFigures dashboard(QDate today) override;

private:
    void addCandidates(QDate from, QDate to, QList<QStringList> &rows);

    Database &m_database;
};

} // namespace

ReportTable SqlReportSource::sales(Period by, QDate from, QDate to, qint64 distributorId, bool team)
{
    QVariantList values;
    QString where = counted + SalesSql::inRange(from, to, values);
    if (distributorId != 0) {
        where += team ? QStringLiteral(" AND o.distributor_id IN (SELECT descendant_id FROM "
                                       "distributor_closure WHERE ancestor_id = ?)")
                      : QStringLiteral(" AND o.distributor_id = ?");
        values.append(qlonglong(distributorId));
    }
    // Days and months in SQL; ISO weeks are folded here from days, the same on every database.
    const QString bucket = by == Period::Month ? QStringLiteral("substr(o.date, 1, 7)")
                                               : QStringLiteral("substr(o.date, 1, 10)");
    // From the orders alone (SalesSql::orderNet): a third of the time of joining their lines.
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT %2, count(*), sum(o.goods_total), sum(%3) FROM orders o WHERE %1 "
                       "GROUP BY %2")
            .arg(where, bucket, SalesSql::refundedGoods()),
        values);
    struct Sums
    {
        qint64 orders = 0;
        qint64 gross = 0;
        qint64 refunds = 0;
    };
    const auto periodOf = [by](QDate day) {
        if (by == Period::Month)
            return day.toString(QStringLiteral("yyyy-MM"));
        if (by == Period::Week) {
            int year = 0;
            const int week = day.weekNumber(&year);
            return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
        }
        return Dates::toText(day);
    };
    QHash<QString, Sums> periods;
    QDate first;
    QDate last;
    while (query.next()) {
        const QString bucketText = query.value(0).toString();
        const QDate day = Dates::parseDate(by == Period::Month ? bucketText + QStringLiteral("-01")
                                                               : bucketText)
                              .value_or(QDate());
        first = first.isValid() ? qMin(first, day) : day;
        last = last.isValid() ? qMax(last, day) : day;
        Sums &sums = periods[periodOf(day)];
        sums.orders += query.value(1).toLongLong();
        sums.gross += query.value(2).toLongLong();
        sums.refunds += query.value(3).toLongLong();
    }
    ReportTable table{QStringLiteral("period,orders,gross,refunds,net").split(u','), {}};
    if (periods.isEmpty())
        return table; // no sales in the range: nothing to draw
    // A time series: every period of the range, those without sales as zeros. It starts at
    // `from`, or at the shop's first sale when that is later (an "all time" from 2000 starts
    // there), and ends at `to`, or at the last sale without one (docs/decisions.md).
    QDate start = first;
    if (from.isValid()) {
        const QDate shopFirst
            = Dates::parseDate(m_database
                                   .scalar(QStringLiteral("SELECT substr(min(o.date), 1, 10) FROM "
                                                          "orders o WHERE %1")
                                               .arg(counted))
                                   .toString())
                  .value_or(first);
        start = qMax(from, qMin(shopFirst, first));
    }
    const QDate end = to.isValid() ? to : last;
    for (QDate day = start; day <= end; day = day.addDays(1)) {
        const QString period = periodOf(day);
        if (!table.rows.isEmpty() && table.rows.constLast().constFirst() == period)
            continue;
        const Sums sums = periods.value(period);
        table.rows.append({period, QString::number(sums.orders), money(sums.gross),
                           money(sums.refunds), money(sums.gross - sums.refunds)});
    }
    return table;
}

ReportTable SqlReportSource::channels(QDate from, QDate to)
{
    QVariantList values;
    const QString where = counted + SalesSql::inRange(from, to, values);
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT c.channel, count(DISTINCT o.id), sum(l.net), sum(l.refunded_amount) "
                       "FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_lines l "
                       "ON l.order_id = o.id WHERE %1 GROUP BY c.channel ORDER BY c.channel")
            .arg(where),
        values);
    ReportTable table{QStringLiteral("channel,orders,gross,refunds,net").split(u','), {}};
    while (query.next()) {
        const qint64 gross = query.value(2).toLongLong();
        const qint64 refunds = query.value(3).toLongLong();
        table.rows.append({query.value(0).toString(), query.value(1).toString(), money(gross),
                           money(refunds), money(gross - refunds)});
    }
    return table;
}

ReportTable SqlReportSource::products(QDate from, QDate to, int top)
{
    QVariantList values;
    const QString where = counted + SalesSql::inRange(from, to, values);
    // A login that may not read costs (a clerk on a team server) gets the cost and margin blank.
    const bool costs = m_database.seesCosts();
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT p.sku, p.name, sum(l.quantity - l.refunded_quantity), "
                       "sum(l.net - l.refunded_amount), %2 FROM orders o JOIN order_lines l ON "
                       "l.order_id = o.id JOIN products p ON p.id = l.product_id WHERE %1 "
                       "GROUP BY p.sku, p.name")
            .arg(where,
                 costs ? QStringLiteral("sum((l.quantity - l.refunded_quantity) * l.unit_cost)")
                       : QStringLiteral("0")),
        values);
    struct Row
    {
        QString sku, name;
        qint64 quantity, net, cost;
    };
    QList<Row> rows;
    while (query.next())
        rows.append({query.value(0).toString(), query.value(1).toString(),
                     query.value(2).toLongLong(), query.value(3).toLongLong(),
                     query.value(4).toLongLong()});
    keepTopByNet(rows, top, &Row::sku); // the best sellers
    ReportTable table{QStringLiteral("sku,name,quantity,net,cost,margin").split(u','), {}};
    for (const Row &row : rows)
        table.rows.append({row.sku, row.name, QString::number(row.quantity), money(row.net),
                           costs ? money(row.cost) : QString(),
                           costs ? money(row.net - row.cost) : QString()});
    return table;
}

ReportTable SqlReportSource::stock()
{
    const bool costs = m_database.seesCosts(); // blank cost and value otherwise
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT sku, name, stock, %1 FROM products WHERE active = 1 ORDER BY sku")
            .arg(costs ? QStringLiteral("cost, stock * cost") : QStringLiteral("0, 0")));
    ReportTable table{QStringLiteral("sku,name,stock,cost,value").split(u','), {}};
    while (query.next())
        table.rows.append({query.value(0).toString(), query.value(1).toString(),
                           query.value(2).toString(), costs ? money(query.value(3)) : QString(),
                           costs ? money(query.value(4)) : QString()});
    return table;
}

ReportTable SqlReportSource::customers(QDate from, QDate to, int minOrders, int top)
{
    QVariantList values;
    const QString where = counted + SalesSql::inRange(from, to, values);
    values.append(qMax(1, minOrders));
    QSqlQuery query = m_database.exec(
        QStringLiteral(
            "SELECT c.code, c.name, count(DISTINCT o.id), sum(l.net - l.refunded_amount), "
            "max(substr(o.date, 1, 10)) FROM orders o JOIN customers c ON c.id = "
            "o.customer_id JOIN order_lines l ON l.order_id = o.id WHERE %1 "
            "GROUP BY c.code, c.name HAVING count(DISTINCT o.id) >= ?")
            .arg(where),
        values);
    struct Row
    {
        QString code, name;
        qint64 orders, net;
        QString lastOrder;
    };
    QList<Row> rows;
    while (query.next())
        rows.append({query.value(0).toString(), query.value(1).toString(),
                     query.value(2).toLongLong(), query.value(3).toLongLong(),
                     query.value(4).toString()});
    keepTopByNet(rows, top, &Row::code); // the best customers
    ReportTable table{QStringLiteral("code,name,orders,net,last_order").split(u','), {}};
    for (const Row &row : rows)
        table.rows.append(
            {row.code, row.name, QString::number(row.orders), money(row.net), row.lastOrder});
    return table;
}

ReportTable SqlReportSource::lapsedCustomers(QDate asOf, int days)
{
    // Bought by asOf, last time at least `days` days before it.
    const QVariantList values{Dates::toText(asOf.addDays(1)),
                              Dates::toText(asOf.addDays(-qMax(0, days)))};
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT c.code, c.name, c.phone, c.wechat, count(DISTINCT o.id), "
                       "sum(l.net - l.refunded_amount), max(substr(o.date, 1, 10)) FROM orders o "
                       "JOIN customers c ON c.id = o.customer_id JOIN order_lines l ON l.order_id "
                       "= o.id WHERE %1 AND o.date < ? GROUP BY c.code, c.name, c.phone, c.wechat "
                       "HAVING max(substr(o.date, 1, 10)) <= ? ORDER BY c.code")
            .arg(counted),
        values);
    ReportTable table{
        QStringLiteral("code,name,phone,wechat,orders,net,last_order,days").split(u','), {}};
    while (query.next()) {
        const QDate last = Dates::parseDate(query.value(6).toString()).value_or(asOf);
        table.rows.append({query.value(0).toString(), query.value(1).toString(),
                           query.value(2).toString(), query.value(3).toString(),
                           query.value(4).toString(), money(query.value(5)),
                           query.value(6).toString(), QString::number(last.daysTo(asOf))});
    }
    return table;
}

ReportTable SqlReportSource::reconciliation(QDate from, QDate to)
{
    QList<QStringList> rows;
    const auto collect = [this, &rows](const QString &sql, const QVariantList &values) {
        m_database.forEachRow(sql, values, [&rows](const SqlRow &row) {
            rows.append({row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                         row.value(3).toString(), money(row.value(4)),
                         row.value(5).isNull() ? QString() : money(row.value(5))});
        });
    };
    // The merchant bill's lines as reconciled (a refund names its order when it can).
    QVariantList values;
    QString where = QStringLiteral("b.outcome <> 'income'")
                    + SalesSql::inRange(from, to, values, QStringLiteral("b.at"));
    collect(QStringLiteral("SELECT b.outcome, COALESCE(o.order_no, ''), "
                           "COALESCE(o.platform_no, ''), b.bill_no, b.amount, "
                           "o.goods_total + o.shipping_fee FROM payment_bill_lines b "
                           "LEFT JOIN orders o ON o.id = b.order_id WHERE %1")
                .arg(where),
            values);
    // Orders paid by WeChat in MicroShop that no payment line of a merchant bill names, nor a
    // personal income the merchant confirmed for them.
    values.clear();
    where = QStringLiteral("o.status NOT IN ('pending', 'cancelled') AND o.paid_at IS NOT NULL")
            + SalesSql::inRange(from, to, values, QStringLiteral("o.paid_at"));
    collect(QStringLiteral("SELECT 'unpaid-in-bill', o.order_no, COALESCE(o.platform_no, ''), "
                           "'', o.goods_total + o.shipping_fee, o.goods_total + o.shipping_fee "
                           "FROM orders o WHERE %1 AND EXISTS (SELECT 1 FROM payments p WHERE "
                           "p.order_id = o.id AND p.method = 'wechat') AND NOT EXISTS (SELECT 1 "
                           "FROM payment_bill_lines b WHERE b.order_id = o.id AND b.kind = "
                           "'payment' AND (b.source = 'wechat' OR b.outcome = 'matched'))")
                .arg(where),
            values);
    addCandidates(from, to, rows);
    std::sort(rows.begin(), rows.end()); // by kind, then order, then bill number
    return {QStringLiteral("kind,order_no,platform_no,bill_no,amount,order_amount").split(u','),
            rows};
}

// A personal bill's income names no order: the pending orders of the same amount dated within
// three days of it (either side) are its candidates; an income with none is unknown.
void SqlReportSource::addCandidates(QDate from, QDate to, QList<QStringList> &rows)
{
    struct Income
    {
        QString billNo;
        QDate day;
        qint64 amount = 0;
    };
    QList<Income> incomes;
    QVariantList values;
    const QString where = QStringLiteral("b.outcome = 'income'")
                          + SalesSql::inRange(from, to, values, QStringLiteral("b.at"));
    m_database.forEachRow(
        QStringLiteral("SELECT b.bill_no, substr(b.at, 1, 10), b.amount FROM payment_bill_lines "
                       "b WHERE %1")
            .arg(where),
        values, [&incomes](const SqlRow &row) {
            incomes.append({row.value(0).toString(),
                            Dates::parseDate(row.value(1).toString()).value_or(QDate()),
                            row.value(2).toLongLong()});
        });
    for (const Income &income : std::as_const(incomes)) {
        const qsizetype before = rows.size();
        m_database.forEachRow(
            QStringLiteral("SELECT o.order_no, COALESCE(o.platform_no, '') FROM orders o WHERE "
                           "o.status = 'pending' AND o.goods_total + o.shipping_fee = ? AND "
                           "o.date >= ? AND o.date < ?"),
            {qlonglong(income.amount), Dates::toText(income.day.addDays(-3)),
             Dates::toText(income.day.addDays(4))},
            [&](const SqlRow &row) {
                const QString amount = Money::fromMinorUnits(income.amount).toString();
                rows.append({QStringLiteral("candidate"), row.value(0).toString(),
                             row.value(1).toString(), income.billNo, amount, amount});
            });
        if (rows.size() == before)
            rows.append({QStringLiteral("unknown"), QString(), QString(), income.billNo,
                         Money::fromMinorUnits(income.amount).toString(), QString()});
    }
}

ReportTable SqlReportSource::distributors(QDate from, QDate to)
{
    QVariantList values;
    const QString range = SalesSql::inRange(from, to, values);
    // Direct sales per distributor in SQL; then, in memory, every distributor's sales and size
    // added to each of its uplines (at most 12 above): one pass over the tree, where a join
    // through the closure table would read hundreds of thousands of rows again.
    struct Row
    {
        QString code, name;
        qint64 upline = 0;
        int depth = 1;
        qint64 size = 0;
        qint64 direct = 0;
        qint64 team = 0;
    };
    QHash<qint64, Row> rows;
    QList<qint64> order; // by code
    QSqlQuery tree = m_database.exec(QStringLiteral(
        "SELECT id, code, name, COALESCE(upline_id, 0), depth FROM distributors ORDER BY code"));
    while (tree.next()) {
        const qint64 id = tree.value(0).toLongLong();
        rows.insert(id, {tree.value(1).toString(), tree.value(2).toString(),
                         tree.value(3).toLongLong(), tree.value(4).toInt()});
        order.append(id);
    }
    QSqlQuery direct = m_database.exec(
        QStringLiteral("SELECT o.distributor_id, sum(%3) FROM orders o WHERE %1%2 AND "
                       "o.distributor_id IS NOT NULL GROUP BY o.distributor_id")
            .arg(counted, range, SalesSql::orderNet()),
        values);
    while (direct.next()) {
        const auto found = rows.find(direct.value(0).toLongLong());
        if (found != rows.end())
            found->direct = direct.value(1).toLongLong();
    }
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        // Itself and each upline, as the closure table pairs them.
        for (qint64 id = it.key(); id != 0;) {
            Row &ancestor = rows[id];
            ancestor.team += it->direct;
            ancestor.size += id != it.key() ? 1 : 0;
            id = ancestor.upline;
        }
    }
    ReportTable table{
        QStringLiteral("code,name,upline,depth,team_size,direct_sales,team_sales").split(u','), {}};
    table.rows.reserve(order.size());
    for (const qint64 id : std::as_const(order)) {
        const Row &row = rows.value(id);
        table.rows.append({row.code, row.name, row.upline ? rows.value(row.upline).code : QString(),
                           QString::number(row.depth), QString::number(row.size), money(row.direct),
                           money(row.team)});
    }
    return table;
}

ReportTable SqlReportSource::commissions(QDate asOf, qint64 distributorId)
{
    // As of the end of asOf: entries made by then, in their states then (CommissionStateSql).
    const QString state = CommissionStateSql::of(asOf);
    QVariantList values{Dates::toText(asOf.addDays(1))};
    QString filter;
    if (distributorId != 0) {
        filter = QStringLiteral(" AND d.id = ?");
        values.append(qlonglong(distributorId));
    }
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT d.code, d.name, "
                       "COALESCE(sum(CASE WHEN e.amount > 0 THEN e.amount END), 0), "
                       "COALESCE(-sum(CASE WHEN e.amount < 0 THEN e.amount END), 0), "
                       "COALESCE(sum(CASE WHEN %1 = 'settled' THEN e.amount END), 0), "
                       "COALESCE(sum(CASE WHEN %1 = 'pending' THEN e.amount END), 0), "
                       "COALESCE(sum(CASE WHEN %1 = 'available' THEN e.amount END), 0) "
                       "FROM commission_entries e JOIN distributors d ON d.id = e.distributor_id%2 "
                       "WHERE e.created_at < ?%3 GROUP BY d.code, d.name ORDER BY d.code")
            .arg(state, CommissionStateSql::payoutJoin(), filter),
        values);
    ReportTable table{
        QStringLiteral("code,name,earned,reversed,settled,pending,available").split(u','), {}};
    while (query.next())
        table.rows.append({query.value(0).toString(), query.value(1).toString(),
                           money(query.value(2)), money(query.value(3)), money(query.value(4)),
                           money(query.value(5)), money(query.value(6))});
    return table;
}

DashboardFigures SqlReportSource::dashboard(QDate today)
{
    DashboardFigures figures;
    // One pass over the days from the month's first or 29 days ago, whichever is earlier: today,
    // this month and the chart's 30 days are sums of its rows.
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate first = today.addDays(-29);
    const ReportTable days = sales(Period::Day, qMin(first, monthStart), today);
    const auto dayOf = [](const QStringList &row) {
        return Dates::parseDate(row.constFirst()).value_or(QDate());
    };
    for (const QStringList &row : days.rows) {
        const QDate day = dayOf(row);
        const qint64 orders = row.at(1).toLongLong();
        const Money net = Money::parse(row.at(4)).value_or(Money());
        if (day >= monthStart) {
            figures.monthOrders += orders;
            figures.monthSales += net;
        }
        if (day == today) {
            figures.todayOrders += orders;
            figures.todaySales += net;
        }
    }
    QSqlQuery toShip = m_database.exec(
        QStringLiteral("SELECT count(*) FROM orders WHERE status = 'paid'"));
    figures.ordersToShip = toShip.next() ? toShip.value(0).toLongLong() : 0;
    // The Products page's "Low stock only" filter, so that the tile and the list agree.
    QSqlQuery lowStock = m_database.exec(
        QStringLiteral("SELECT count(*) FROM products WHERE stock <= low_stock"));
    figures.lowStockProducts = lowStock.next() ? lowStock.value(0).toLongLong() : 0;
    // `report commissions` as of today, summed: each distributor's entries made by today and
    // available then (CommissionStateSql::availableToday).
    QSqlQuery available = m_database.exec(
        QStringLiteral("SELECT COALESCE(sum(amount), 0), count(CASE WHEN amount > 0 THEN 1 END) "
                       "FROM (SELECT sum(e.amount) AS amount FROM commission_entries e WHERE %1 "
                       "AND e.created_at < ? GROUP BY e.distributor_id) AS balances")
            .arg(CommissionStateSql::availableToday()),
        {Dates::toText(today), Dates::toText(today.addDays(1))});
    if (available.next()) {
        figures.commissionsAvailable = Money::fromMinorUnits(available.value(0).toLongLong());
        figures.distributorsToPay = available.value(1).toLongLong();
    }
    // Every one of the 30 days, those without sales as zeros: a chart without holes.
    figures.lastDays.columns = days.columns;
    qsizetype next = 0;
    while (next < days.rows.size() && dayOf(days.rows.at(next)) < first)
        ++next;
    for (QDate day = first; day <= today; day = day.addDays(1)) {
        const QString text = Dates::toText(day);
        if (next < days.rows.size() && days.rows.at(next).constFirst() == text)
            figures.lastDays.rows.append(days.rows.at(next++));
        else
            figures.lastDays.rows.append({text, QStringLiteral("0"), money(0), money(0), money(0)});
    }
    return figures;
}

std::unique_ptr<ReportSource> makeSqlReportSource(Database &database)
{
    return std::make_unique<SqlReportSource>(database);
}

} // namespace MicroShop
