#pragma once

#include "ReportTable.h"

#include <QCoreApplication>
#include <QDate>

namespace MicroShop {

class Database;

// The reports of cli.md, computed by the database from the orders and the ledger. Counted
// orders are those neither pending nor cancelled, in the period of their date; shipping is left
// out; money is net of refunds. Date ranges are inclusive; an invalid date means no bound.
class ShopReports final
{
    Q_DECLARE_TR_FUNCTIONS(ShopReports)

public:
    enum class Period { Day, Week, Month };

    explicit ShopReports(Database &database)
        : m_database(database)
    {}

    // period,orders,gross,refunds,net; distributorId limits to its orders (and its team's).
    ReportTable sales(Period by, QDate from, QDate to, qint64 distributorId = 0, bool team = false);
    // sku,name,quantity,net,cost,margin; top > 0 keeps the top sellers by net.
    ReportTable products(QDate from, QDate to, int top = 0);
    // code,name,upline,depth,team_size,direct_sales,team_sales
    ReportTable distributors(QDate from, QDate to);
    // code,name,earned,reversed,settled,pending,available, as of the end of asOf.
    ReportTable commissions(QDate asOf, qint64 distributorId = 0);

private:
    Database &m_database;
};

} // namespace MicroShop
