#pragma once

#include "Money.h"
#include "ReportTable.h"

#include <QDate>

namespace MicroShop {

// The dashboard's figures for one day (spec/product.md "Dashboard"); sales are net of refunds,
// of counted orders (spec/cli.md "Report definitions").
struct DashboardFigures
{
    Money todaySales;
    qint64 todayOrders = 0;
    Money monthSales;
    qint64 monthOrders = 0;
    qint64 ordersToShip = 0;      // paid, not shipped yet
    qint64 lowStockProducts = 0;  // active, with stock at or under their low-stock level
    Money commissionsAvailable;   // available to settle, all distributors
    qint64 distributorsToPay = 0; // with something available
    ReportTable lastDays;         // report sales by day over the last 30 days, every day listed
};

// The reports the pages show, as plain tables with spec/cli.md's columns; the database computes
// them (src/db/SqlReportSource.cpp) and ReportCatalog (src/reports) says how each is asked for,
// titled and charted. Date ranges are inclusive; an invalid date means no bound.
class ReportSource
{
public:
    enum class Period { Day, Week, Month };

    virtual ~ReportSource() = default;

    // period,orders,gross,refunds,net; distributorId limits to its orders (and its team's).
    virtual ReportTable sales(Period by, QDate from, QDate to, qint64 distributorId = 0,
                              bool team = false)
        = 0;
    // channel,orders,gross,refunds,net: by the customer's channel (its code).
    virtual ReportTable channels(QDate from, QDate to) = 0;
    // sku,name,quantity,net,cost,margin; top > 0 keeps the top sellers by net.
    virtual ReportTable products(QDate from, QDate to, int top = 0) = 0;
    // sku,name,stock,cost,value: what the stock on hand cost, active products.
    virtual ReportTable stock() = 0;
    // code,name,orders,net,last_order: customers with at least minOrders counted orders in the
    // range (2: the repeat buyers); top > 0 keeps the best by net.
    virtual ReportTable customers(QDate from, QDate to, int minOrders = 1, int top = 0) = 0;
    // code,name,phone,wechat,orders,net,last_order,days: customers who have bought, but not in
    // the `days` days up to asOf.
    virtual ReportTable lapsedCustomers(QDate asOf, int days) = 0;
    // code,name,upline,depth,team_size,direct_sales,team_sales
    virtual ReportTable distributors(QDate from, QDate to) = 0;
    // code,name,earned,reversed,settled,pending,available, as of the end of asOf.
    virtual ReportTable commissions(QDate asOf, qint64 distributorId = 0) = 0;
    // kind,order_no,platform_no,bill_no,amount,order_amount: the imported bill lines of the range
    // (by their time) as reconciled (matched, unknown, mismatch, refund), a personal income's
    // candidate orders (candidate; unknown when it has none), and the orders paid by WeChat in
    // the range that no bill line names (unpaid-in-bill); docs/decisions.md gives the rules.
    virtual ReportTable reconciliation(QDate from, QDate to) = 0;
    virtual DashboardFigures dashboard(QDate today) = 0;
};

} // namespace MicroShop
