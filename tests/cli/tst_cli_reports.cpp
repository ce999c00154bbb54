// Reports, settlement and the distributor commands through microshop-cli, against golden CSV
// files whose every figure was computed by hand from the shop built below (see the comments),
// on the backend of $MICROSHOP_TEST_BACKEND.
#include "Dates.h"

#include "ShopFixture.h"
#include "TestClock.h"
#include "TestValues.h"

#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

QString golden(const QString &name)
{
    const QByteArray bytes = readFile(QStringLiteral(MICROSHOP_GOLDEN_DIR "/reports/") + name);
    return bytes.isEmpty() ? QStringLiteral("(missing %1)").arg(name) : QString::fromUtf8(bytes);
}

} // namespace

class TestCliReports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void reportsMatchHandComputedFiles_data();
    void reportsMatchHandComputedFiles();
    void reportsRefuseBadOptions();
    void distributorCommands();
    void distributorsImportRefusesCyclesAndUnknownUplines();

private:
    CliResult cli(const QStringList &arguments) { return m_fixture.cli(arguments); }

    ShopFixture m_fixture;
};

// The shop (rates 10 % and 5 %, two levels, hold 7 days); tree R <- M <- S.
//  O1 2026-01-05 C1 via S: 2 x A (10.00) + 1 x B (25.50) = 45.50 (+5 shipping), completed 01-07.
//     S: 2.00 + 2.55 = 4.55; M: 1.00 + 1.28 (1.275) = 2.28; available 01-14.
//  O2 2026-01-20 C2, no distributor: 3 x B = 76.50, one unit refunded: 25.50.
//  O3 2026-02-03 C1: pending, not counted.
//  O4 2026-02-10 C2 via M: 4 x A - 2.00 = 38.00, paid then cancelled: M 3.80 and R 1.90, reversed.
//  O5 2026-02-14 C1 (bound to S): 1 x B = 25.50, completed 02-16: S 2.55, M 1.28; available 02-23.
//  Settled up to 2026-01-31: M 2.28, S 4.55.
// C1 (甲) buys through WeChat Moments, C2 (乙) in a WeChat group. Stock on hand: A 100 - 2 (O1)
// = 98 (O4's 4 came back when it was cancelled; O3 was never paid); B 100 - 1 (O1) - 3 (O2)
// + 1 (O2's refund, restocked) - 1 (O5) = 96.
void TestCliReports::initTestCase()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    ShopServices &shop = m_fixture.services();
    Distributor distributor;
    distributor.joined = QDate(2026, 1, 1);
    distributor.code = QStringLiteral("R");
    distributor.name = QStringLiteral("总代");
    const qint64 r = shop.distributorService.create(distributor).id;
    distributor.code = QStringLiteral("M");
    distributor.name = QStringLiteral("二级");
    distributor.uplineId = r;
    const qint64 m = shop.distributorService.create(distributor).id;
    distributor.code = QStringLiteral("S");
    distributor.name = QStringLiteral("小王");
    distributor.uplineId = m;
    const qint64 s = shop.distributorService.create(distributor).id;

    Product a;
    a.sku = QStringLiteral("A");
    a.name = QStringLiteral("茶杯");
    a.price = *Money::parse(u"10");
    a.cost = *Money::parse(u"4");
    a.stock = 100;
    a = shop.catalog.create(a, at("2026-01-01"));
    Product b = a;
    b.sku = QStringLiteral("B");
    b.name = QStringLiteral("茶叶, 罐装");
    b.price = *Money::parse(u"25.5");
    b.cost = *Money::parse(u"10");
    b = shop.catalog.create(b, at("2026-01-01"));
    Customer c1;
    c1.code = QStringLiteral("C1");
    c1.name = QStringLiteral("甲");
    c1.channel = Channel::Moments;
    c1 = shop.customerService.create(c1);
    Customer c2;
    c2.code = QStringLiteral("C2");
    c2.name = QStringLiteral("乙");
    c2.channel = Channel::Group;
    c2 = shop.customerService.create(c2);

    auto order = [&](const char *no, const char *date, qint64 customer, qint64 seller,
                     const QList<OrderDraft::Line> &lines, const char *shipping = "0") {
        return shop.workflow.create(orderDraft(no, date, customer, seller, lines, shipping));
    };
    const Money none;
    order("O1", "2026-01-05 10:00", c1.id, s,
          {{a.id, 2, std::nullopt, none}, {b.id, 1, std::nullopt, none}}, "5");
    shop.workflow.pay(QStringLiteral("O1"), at("2026-01-05 10:30"), PaymentMethod::WeChat);
    shop.workflow.complete(QStringLiteral("O1"), at("2026-01-07 09:00"));
    const Order o2 = order("O2", "2026-01-20 15:00", c2.id, 0, {{b.id, 3, std::nullopt, none}});
    shop.workflow.pay(QStringLiteral("O2"), at("2026-01-20 15:10"), PaymentMethod::Alipay);
    shop.workflow.refund(QStringLiteral("O2"),
                         {{{o2.lines.constFirst().id, 1}}, true, false, at("2026-01-25"), {}});
    order("O3", "2026-02-03 09:00", c1.id, 0, {{a.id, 1, std::nullopt, none}});
    order("O4", "2026-02-10 11:00", c2.id, m, {{a.id, 4, std::nullopt, *Money::parse(u"2")}});
    shop.workflow.pay(QStringLiteral("O4"), at("2026-02-10 11:30"), PaymentMethod::WeChat);
    shop.workflow.cancel(QStringLiteral("O4"), at("2026-02-11 08:00"));
    order("O5", "2026-02-14 20:00", c1.id, 0, {{b.id, 1, std::nullopt, none}});
    shop.workflow.pay(QStringLiteral("O5"), at("2026-02-14 20:05"), PaymentMethod::WeChat);
    shop.workflow.complete(QStringLiteral("O5"), at("2026-02-16 12:00"));
    m_fixture.closeShop(); // the rest goes through the CLI alone
}

void TestCliReports::cleanupTestCase() {}

void TestCliReports::reportsMatchHandComputedFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("file");
    const auto args = [](const char *text) { return QString::fromLatin1(text).split(u' '); };
    // The settlement runs first (data rows run in order); the commission reports depend on it.
    QTest::newRow("settle") << args("settle --until 2026-01-31") << "settle-0131.csv";
    QTest::newRow("settle again: nothing")
        << args("settle --until 2026-01-31") << "settle-empty.csv";
    QTest::newRow("sales by month") << args("report sales --by month") << "sales-month.csv";
    QTest::newRow("sales by ISO week") << args("report sales --by week") << "sales-week.csv";
    QTest::newRow("sales by day") << args("report sales --by day") << "sales-day.csv";
    // A time series has every period of its range, zeros included, from the shop's first sale.
    QTest::newRow("sales by week, January")
        << args("report sales --by week --from 2026-01-01 --to 2026-01-31")
        << "sales-week-january.csv";
    QTest::newRow("sales by month, to March")
        << args("report sales --by month --from 2025-12-01 --to 2026-03-31")
        << "sales-month-to-march.csv";
    QTest::newRow("sales of M alone")
        << args("report sales --by month --distributor M") << "sales-month-M.csv";
    QTest::newRow("sales of M's team")
        << args("report sales --by month --distributor M --team") << "sales-month-team-M.csv";
    QTest::newRow("products") << args("report products") << "products.csv";
    QTest::newRow("products, top 1") << args("report products --top 1") << "products-top1.csv";
    QTest::newRow("distributors") << args("report distributors") << "distributors.csv";
    QTest::newRow("distributors, February")
        << args("report distributors --from 2026-02-01 --to 2026-02-28")
        << "distributors-february.csv";
    QTest::newRow("commissions as of 02-28")
        << args("report commissions --as-of 2026-02-28") << "commissions-0228.csv";
    QTest::newRow("commissions as of 02-20")
        << args("report commissions --as-of 2026-02-20") << "commissions-0220.csv";
    QTest::newRow("commissions as of 01-10")
        << args("report commissions --as-of 2026-01-10") << "commissions-0110.csv";
    // moments: O1 45.50 + O5 25.50; group: O2 76.50 less its 25.50 refund (O4 was cancelled).
    QTest::newRow("channels") << args("report channels") << "channels.csv";
    QTest::newRow("channels, January")
        << args("report channels --from 2026-01-01 --to 2026-01-31") << "channels-january.csv";
    // A: 98 x 4.00; B: 96 x 10.00.
    QTest::newRow("stock value") << args("report stock") << "stock.csv";
    // C1: O1 and O5, 71.00, last 02-14; C2: O2, 51.00, last 01-20.
    QTest::newRow("customers") << args("report customers") << "customers.csv";
    QTest::newRow("repeat buyers")
        << args("report customers --min-orders 2") << "customers-repeat.csv";
    QTest::newRow("best customer") << args("report customers --top 1") << "customers-repeat.csv";
    // As of 02-28, 30 days: C2's last order (01-20) is 39 days old; C1's (02-14) only 14.
    QTest::newRow("lapsed 30 days at 02-28")
        << args("report lapsed --days 30 --as-of 2026-02-28") << "lapsed-0228-30.csv";
    // As of 01-31, only January's orders count: C1 26 days since 01-05, C2 11 since 01-20.
    QTest::newRow("lapsed 7 days at 01-31")
        << args("report lapsed --days 7 --as-of 2026-01-31") << "lapsed-0131-7.csv";
}

void TestCliReports::reportsMatchHandComputedFiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    const CliResult result = cli(arguments
                                 + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    const QString expected = file == u"settle-empty.csv"
                                 ? QStringLiteral("payout_id,distributor,date,amount,entries\r\n")
                                 : golden(file);
    QCOMPARE(result.out, expected);
}

void TestCliReports::reportsRefuseBadOptions()
{
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("sales")}).status, 2); // --by needed
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("sales"), QStringLiteral("--by"),
                  QStringLiteral("year")})
                 .status,
             2);
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("sales"), QStringLiteral("--by"),
                  QStringLiteral("day"), QStringLiteral("--team")})
                 .status,
             2);
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("products"), QStringLiteral("--top"),
                  QStringLiteral("0")})
                 .status,
             1);
    const CliResult range = cli({QStringLiteral("report"), QStringLiteral("products"),
                                 QStringLiteral("--from"), QStringLiteral("2026-03-01"),
                                 QStringLiteral("--to"), QStringLiteral("2026-02-01")});
    QCOMPARE(range.status, 1);
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("commissions"),
                  QStringLiteral("--distributor"), QStringLiteral("NOPE")})
                 .status,
             1);
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("lapsed")}).status, 2); // --days
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("lapsed"), QStringLiteral("--days"),
                  QStringLiteral("-3")})
                 .status,
             1);
    const CliResult minOrders = cli({QStringLiteral("report"), QStringLiteral("customers"),
                                     QStringLiteral("--min-orders"), QStringLiteral("two")});
    QCOMPARE(minOrders.status, 1);
    QVERIFY2(minOrders.err.contains(QStringLiteral("--min-orders must be a whole number")),
             qPrintable(minOrders.err));
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("stock"), QStringLiteral("--from"),
                  QStringLiteral("2026-01-01")})
                 .status,
             2);
    QCOMPARE(cli({QStringLiteral("settle")}).status, 2);
    QCOMPARE(
        cli({QStringLiteral("settle"), QStringLiteral("--until"), QStringLiteral("31/01/2026")})
            .status,
        1);
    const CliResult ahead = cli({QStringLiteral("settle"), QStringLiteral("--until"),
                                 Dates::toText(Dates::today().addDays(1))});
    QCOMPARE(ahead.status, 1);
    QVERIFY2(ahead.err.contains(QStringLiteral("after today")), qPrintable(ahead.err));
}

void TestCliReports::distributorCommands()
{
    const CliResult cycle = cli({QStringLiteral("distributor"), QStringLiteral("move"),
                                 QStringLiteral("R"), QStringLiteral("--upline"),
                                 QStringLiteral("S")});
    QCOMPARE(cycle.status, 1);
    QVERIFY2(cycle.err.contains(QStringLiteral("cycle")), qPrintable(cycle.err));
    QCOMPARE(
        cli({QStringLiteral("distributor"), QStringLiteral("move"), QStringLiteral("S")}).status,
        2);
    const CliResult moved = cli({QStringLiteral("distributor"), QStringLiteral("move"),
                                 QStringLiteral("S"), QStringLiteral("--root")});
    QVERIFY2(moved.status == 0, qPrintable(moved.err));
    QCOMPARE(moved.out, QStringLiteral("Distributor S is active, a root (depth 1).\n"));
    const CliResult back = cli({QStringLiteral("distributor"), QStringLiteral("move"),
                                QStringLiteral("S"), QStringLiteral("--upline"),
                                QStringLiteral("M")});
    QCOMPARE(back.out, QStringLiteral("Distributor S is active, under M (depth 3).\n"));
    QCOMPARE(cli({QStringLiteral("distributor"), QStringLiteral("status"), QStringLiteral("S"),
                  QStringLiteral("gone")})
                 .status,
             1);
    const CliResult status = cli({QStringLiteral("distributor"), QStringLiteral("status"),
                                  QStringLiteral("S"), QStringLiteral("suspended")});
    QCOMPARE(status.out, QStringLiteral("Distributor S is suspended, under M (depth 3).\n"));
    QCOMPARE(cli({QStringLiteral("distributor"), QStringLiteral("status"), QStringLiteral("S"),
                  QStringLiteral("active")})
                 .status,
             0);
    // The moves left the tree as it was: the reports still match.
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("distributors"),
                  QStringLiteral("--format"), QStringLiteral("csv")})
                 .out,
             golden(QStringLiteral("distributors.csv")));
    QCOMPARE(cli({QStringLiteral("check")}).status, 0);
}

void TestCliReports::distributorsImportRefusesCyclesAndUnknownUplines()
{
    const QString file = m_fixture.scratchPath(QStringLiteral("distributors.csv"));
    QVERIFY(writeFile(file, "code,name,upline\nN2,二,N1\nR,总代,S\nN3,三,NOPE\nN1,一,\n"));
    const CliResult refused = cli({QStringLiteral("import"), QStringLiteral("distributors"), file});
    QCOMPARE(refused.status, 1);
    const QStringList lines = refused.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(file + QStringLiteral(":3:3: putting R under S makes a cycle")),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(file + QStringLiteral(":4:3: there is no distributor NOPE")),
             qPrintable(lines.at(1)));
    // N2's upline N1 comes later in the file: fine once the bad rows are gone.
    QVERIFY(writeFile(file, "code,name,upline\nN2,二,N1\nN1,一,S\n"));
    const CliResult imported = cli(
        {QStringLiteral("import"), QStringLiteral("distributors"), file});
    QVERIFY2(imported.status == 0, qPrintable(imported.err));
    const CliResult tree = cli(
        {QStringLiteral("export"), QStringLiteral("distributors"), QStringLiteral("-")});
    QVERIFY(tree.out.contains(QStringLiteral("N1,一,S,")));
    QVERIFY(tree.out.contains(QStringLiteral("N2,二,N1,")));
    QCOMPARE(cli({QStringLiteral("check")}).status, 0);
}

MICROSHOP_TEST_GUILESS_MAIN(TestCliReports)
#include "tst_cli_reports.moc"
