#pragma once

#include "ReportSource.h"

#include <QCoreApplication>
#include <QDate>

namespace MicroShop {

class Database;

// The reports of cli.md and of the Reports page, computed by the database from the orders and
// the ledger. Counted orders are those neither pending nor cancelled, in the period of their date;
// shipping is left out; money is net of refunds. Date ranges are inclusive; an invalid date means
// no bound.
class ShopReports final : public ReportSource
{
    Q_DECLARE_TR_FUNCTIONS(ShopReports)

public:
    explicit ShopReports(Database &database)
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
    DashboardFigures dashboard(QDate today) override;

private:
    Database &m_database;
};

} // namespace MicroShop
