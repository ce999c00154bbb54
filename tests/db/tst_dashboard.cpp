// The Dashboard's figures and the sales report are read from the orders alone and the ledger's
// balances from an index (issue 16: the Dashboard at a million orders). This test holds them
// equal to the same figures summed from the raw rows (each order line of a counted order, each
// commission entry in its state of domain.md) on a demo shop made through the services, with
// refunds, cancellations and payouts, at the test's instant.

#include "Database.h"
#include "DemoGenerator.h"
#include "ShopServices.h"

#include "Dates.h"
#include "Money.h"
#include "ReportSource.h"

#include "TestClock.h"
#include "TestDatabases.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void salesAreTheLinesOfCountedOrders();
    void theFiguresAreTheRawRowsSummed();

private:
    struct DaySales
    {
        qint64 orders = 0;
        qint64 net = 0;
    };
    // Day -> counted orders and their lines' nets less refunds, over [from, to].
    QHash<QDate, DaySales> rawSales(QDate from, QDate to) const;

    TestDatabases m_databases;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ShopServices> m_shop;
};

void TestDashboard::initTestCase()
{
    QString why;
    m_database = Database::open(m_databases.fresh(&why), Database::OpenMode::CreateOrUpgrade);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_shop = std::make_unique<ShopServices>(*m_database);
    DemoGenerator(*m_shop, {30, 120, 25, 600}, 11, Dates::now()).run();
    // Some of the ledger paid out, some still available or pending.
    m_shop->ledger.settle(Dates::today().addDays(-20));
    QSqlQuery counts = m_database->exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM payouts), (SELECT count(*) FROM refunds), "
        "(SELECT count(*) FROM orders WHERE status = 'cancelled'), (SELECT count(*) FROM "
        "commission_entries WHERE payout_id IS NULL AND available_on IS NOT NULL)"));
    QVERIFY(counts.next());
    for (int kind = 0; kind < 4; ++kind)
        QVERIFY2(counts.value(kind).toLongLong() > 0, qPrintable(QString::number(kind)));
}

QHash<QDate, TestDashboard::DaySales> TestDashboard::rawSales(QDate from, QDate to) const
{
    QSqlQuery query = m_database->exec(
        QStringLiteral("SELECT substr(o.date, 1, 10), o.id, l.net - l.refunded_amount FROM orders "
                       "o JOIN order_lines l ON l.order_id = o.id WHERE o.status NOT IN "
                       "('pending', 'cancelled') AND o.date >= ? AND o.date < ?"),
        {Dates::toText(from), Dates::toText(to.addDays(1))});
    QHash<QDate, DaySales> days;
    QHash<QDate, QSet<qint64>> orders;
    while (query.next()) {
        const QDate day = *Dates::parseDate(query.value(0).toString());
        orders[day].insert(query.value(1).toLongLong());
        days[day].net += query.value(2).toLongLong();
    }
    for (auto it = orders.cbegin(); it != orders.cend(); ++it)
        days[it.key()].orders = it.value().size();
    return days;
}

void TestDashboard::salesAreTheLinesOfCountedOrders()
{
    const QDate today = Dates::today();
    const QDate from = today.addDays(-90);
    const QHash<QDate, DaySales> raw = rawSales(from, today);
    const ReportTable table = m_shop->reports->sales(ReportSource::Period::Day, from, today);
    QVERIFY(!table.rows.isEmpty());
    qint64 refunded = 0;
    for (const QStringList &row : table.rows) {
        const DaySales expected = raw.value(*Dates::parseDate(row.at(0)));
        QCOMPARE(row.at(1).toLongLong(), expected.orders);
        QCOMPARE(row.at(4), Money::fromMinorUnits(expected.net).toString());
        QCOMPARE(Money::parse(row.at(2))->minorUnits() - Money::parse(row.at(3))->minorUnits(),
                 expected.net);
        refunded += Money::parse(row.at(3))->minorUnits();
    }
    QVERIFY(refunded > 0); // the refunds were read from the lines
}

void TestDashboard::theFiguresAreTheRawRowsSummed()
{
    const QDate today = Dates::today();
    const DashboardFigures figures = m_shop->reports->dashboard(today);

    // Sales: today, this month, and every one of the last 30 days.
    const QDate monthStart(today.year(), today.month(), 1);
    const QHash<QDate, DaySales> raw = rawSales(qMin(monthStart, today.addDays(-29)), today);
    DaySales month;
    for (auto it = raw.cbegin(); it != raw.cend(); ++it) {
        if (it.key() >= monthStart) {
            month.orders += it.value().orders;
            month.net += it.value().net;
        }
    }
    QCOMPARE(figures.monthOrders, month.orders);
    QCOMPARE(figures.monthSales, Money::fromMinorUnits(month.net));
    QCOMPARE(figures.todayOrders, raw.value(today).orders);
    QCOMPARE(figures.todaySales, Money::fromMinorUnits(raw.value(today).net));
    QCOMPARE(figures.lastDays.rows.size(), 30);
    qint64 thirtyDays = 0; // some, whatever the instant: the demo sells every few hours
    for (int index = 0; index < 30; ++index) {
        const QStringList &row = figures.lastDays.rows.at(index);
        const QDate day = today.addDays(index - 29);
        QCOMPARE(row.at(0), Dates::toText(day));
        QCOMPARE(row.at(1).toLongLong(), raw.value(day).orders);
        QCOMPARE(row.at(4), Money::fromMinorUnits(raw.value(day).net).toString());
        thirtyDays += raw.value(day).orders;
    }
    QVERIFY(thirtyDays > 0);

    // The ledger: each entry made by today in its state as of today (domain.md): settled when
    // its payout's period has ended, available when its available day has come, else pending.
    QSqlQuery entries = m_database->exec(
        QStringLiteral("SELECT e.distributor_id, e.amount, e.available_on, p.period_end FROM "
                       "commission_entries e LEFT JOIN payouts p ON p.id = e.payout_id WHERE "
                       "e.created_at < ?"),
        {Dates::toText(today.addDays(1))});
    QHash<qint64, qint64> available;
    qint64 settled = 0;
    while (entries.next()) {
        const QString todayText = Dates::toText(today);
        const bool isSettled = !entries.value(3).isNull()
                               && entries.value(3).toString() <= todayText;
        const bool isAvailable = !isSettled && !entries.value(2).isNull()
                                 && entries.value(2).toString() <= todayText;
        settled += isSettled ? 1 : 0;
        if (isAvailable)
            available[entries.value(0).toLongLong()] += entries.value(1).toLongLong();
    }
    QVERIFY(settled > 0);
    qint64 total = 0;
    qint64 toPay = 0;
    for (const qint64 amount : std::as_const(available)) {
        total += amount;
        toPay += amount > 0 ? 1 : 0;
    }
    QVERIFY(toPay > 0);
    QCOMPARE(figures.commissionsAvailable, Money::fromMinorUnits(total));
    QCOMPARE(figures.distributorsToPay, toPay);

    // The counts.
    QCOMPARE(figures.ordersToShip,
             m_database->scalar(QStringLiteral("SELECT count(*) FROM orders WHERE status = 'paid'"))
                 .toLongLong());
    QVERIFY(figures.ordersToShip > 0);
}

MICROSHOP_TEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
