// Several desktops at once (team.md "Working at the same time"), played by microshop-cli processes
// started together on one shop, each race repeated and every wait bounded: the last units of a
// product paid by more orders than fit, one order paid by several desktops, two settlements. On
// PostgreSQL the rows are held by the server's locks; on SQLite one writer at a time. Either way
// the outcome is the one a single desktop doing the steps one after the other would have.
#include "Shop.h"
#include "ShopFixture.h"
#include "TestClock.h"
#include "TestValues.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

// Every process of a race has this long to finish; a deadlock or a lost wake-up fails the test.
constexpr int raceTimeoutMs = 60000;

// What the desktops of one race said, in the order they were started.
struct Race
{
    QList<CliResult> results;
    qint64 elapsedMs = 0;

    int exitedWith(int status) const
    {
        return int(std::count_if(results.cbegin(), results.cend(),
                                 [status](const CliResult &r) { return r.status == status; }));
    }
    QString said() const // for a failure's message
    {
        QStringList lines;
        for (const CliResult &result : results)
            lines.append(QStringLiteral("exit %1: %2%3")
                             .arg(result.status)
                             .arg(result.out.simplified(), result.err.simplified()));
        return lines.join(u'\n');
    }
};

} // namespace

class TestTeamRaces : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eightDesktopsPayOrdersForTheLastFiveUnits();
    void sixDesktopsPayOneOrder();
    void twoSettlementsAtOnce();
    void anEditOverANewerOneIsRefused();
    void theShopChecksCleanAfterTheRaces();

private:
    // Starts every command at once (each `microshop-cli --db DB ...`) and waits for them all.
    Race race(const QList<QStringList> &commands);
    Order newOrder(const QString &orderNo, qint64 productId, qint64 distributorId = 0,
                   const char *date = "2026-11-20 10:00");

    ShopFixture m_fixture;
    qint64 m_customerId = 0;
};

void TestTeamRaces::initTestCase()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    QVERIFY(!m_fixture.services().settings.allowNegativeStock());
    Customer buyer;
    buyer.code = QStringLiteral("C1");
    buyer.name = QStringLiteral("张伟");
    m_customerId = m_fixture.services().customerService.create(buyer).id;
}

Race TestTeamRaces::race(const QList<QStringList> &commands)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    QElapsedTimer clock;
    clock.start();
    for (const QStringList &command : commands) {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral(MICROSHOP_CLI_PATH),
                       QStringList{QStringLiteral("--db"), m_fixture.db()} + command);
        processes.push_back(std::move(process));
    }
    Race race;
    for (const auto &process : processes) {
        const qint64 left = raceTimeoutMs - clock.elapsed();
        if (!process->waitForFinished(int(qMax<qint64>(left, 1)))) {
            process->kill();
            process->waitForFinished(5000);
        }
        race.results.append({process->exitStatus() == QProcess::NormalExit
                                     && process->state() == QProcess::NotRunning
                                 ? process->exitCode()
                                 : -1,
                             QString::fromUtf8(process->readAllStandardOutput()),
                             QString::fromUtf8(process->readAllStandardError())});
    }
    race.elapsedMs = clock.elapsed();
    return race;
}

Order TestTeamRaces::newOrder(const QString &orderNo, qint64 productId, qint64 distributorId,
                              const char *date)
{
    OrderDraft draft = orderDraft("", date, m_customerId, distributorId,
                                  {{productId, 1, std::nullopt, Money()}});
    draft.orderNo = orderNo;
    return m_fixture.services().workflow.create(draft);
}

void TestTeamRaces::eightDesktopsPayOrdersForTheLastFiveUnits()
{
    // The race: 5 in stock, 8 orders of one unit each, paid by 8 desktops at once.
    constexpr int rounds = 20;
    ShopServices &shop = m_fixture.services();
    for (int round = 1; round <= rounds; ++round) {
        Product product;
        product.sku = QStringLiteral("LAST-%1").arg(round);
        product.name = QStringLiteral("限量茶饼 %1").arg(round);
        product.price = yuan("99");
        product.stock = 5;
        product = shop.catalog.create(product, at("2026-11-01 09:00"));
        QList<QStringList> pays;
        for (int i = 1; i <= 8; ++i) {
            const QString orderNo = QStringLiteral("R%1-%2").arg(round).arg(i);
            newOrder(orderNo, product.id);
            pays.append({QStringLiteral("order"), QStringLiteral("pay"), orderNo});
        }

        const Race paid = race(pays);
        const QString context = QStringLiteral("round %1 (%2 ms):\n%3")
                                    .arg(round)
                                    .arg(paid.elapsedMs)
                                    .arg(paid.said());
        QVERIFY2(paid.exitedWith(0) == 5, qPrintable(context));
        QVERIFY2(paid.exitedWith(1) == 3, qPrintable(context));
        for (const CliResult &result : paid.results) {
            if (result.status == 1)
                QVERIFY2(
                    result.err.contains(QStringLiteral("Not enough stock of %1").arg(product.sku)),
                    qPrintable(context));
        }
        QCOMPARE(shop.catalog.productBySku(product.sku).stock, 0);
        int paidOrders = 0;
        for (int i = 1; i <= 8; ++i) {
            const Order order = shop.workflow.orderByNumber(
                QStringLiteral("R%1-%2").arg(round).arg(i));
            paidOrders += order.status == OrderStatus::Paid ? 1 : 0;
        }
        QCOMPARE(paidOrders, 5);
        QCOMPARE(shop.catalog.movements(product.sku).size(), 1 + 5); // the initial stock, 5 sales
    }
}

void TestTeamRaces::sixDesktopsPayOneOrder()
{
    constexpr int rounds = 10;
    ShopServices &shop = m_fixture.services();
    Product product;
    product.sku = QStringLiteral("ONE");
    product.name = QStringLiteral("单品");
    product.price = yuan("10");
    product.stock = 1000;
    product = shop.catalog.create(product, at("2026-11-01 09:00"));
    for (int round = 1; round <= rounds; ++round) {
        const QString orderNo = QStringLiteral("SAME-%1").arg(round);
        newOrder(orderNo, product.id);
        const Race paid = race(
            QList<QStringList>(6, {QStringLiteral("order"), QStringLiteral("pay"), orderNo}));
        const QString context = QStringLiteral("round %1:\n%2").arg(round).arg(paid.said());
        QVERIFY2(paid.exitedWith(0) == 1, qPrintable(context));
        QVERIFY2(paid.exitedWith(1) == 5, qPrintable(context));
        QCOMPARE(shop.workflow.orderByNumber(orderNo).status, OrderStatus::Paid);
    }
    QCOMPARE(shop.catalog.productBySku(product.sku).stock, 1000 - rounds);
}

void TestTeamRaces::twoSettlementsAtOnce()
{
    constexpr int rounds = 5;
    ShopServices &shop = m_fixture.services();
    Product product;
    product.sku = QStringLiteral("COMM");
    product.name = QStringLiteral("分销品");
    product.price = yuan("100");
    product.stock = 1000;
    product = shop.catalog.create(product, at("2026-10-01 09:00"));
    for (int round = 1; round <= rounds; ++round) {
        Distributor seller;
        seller.code = QStringLiteral("D%1").arg(round);
        seller.name = QStringLiteral("分销员%1").arg(round);
        seller.joined = QDate(2026, 10, 1);
        const qint64 sellerId = shop.distributorService.create(seller).id;
        const QString orderNo = QStringLiteral("COMM-%1").arg(round);
        newOrder(orderNo, product.id, sellerId, "2026-10-02 10:00");
        shop.workflow.pay(orderNo, at("2026-10-02 10:05"), PaymentMethod::WeChat);
        shop.workflow.complete(orderNo, at("2026-10-03 10:00"));
        const auto before = shop.ledger.previewSettlement(QDate(2026, 11, 25), 0);
        QCOMPARE(before.size(), 1); // this round's seller, and nobody settled twice before

        const QStringList settle{QStringLiteral("settle"), QStringLiteral("--until"),
                                 QStringLiteral("2026-11-25"), QStringLiteral("--format"),
                                 QStringLiteral("csv")};
        const Race settled = race({settle, settle});
        const QString context = QStringLiteral("round %1:\n%2").arg(round).arg(settled.said());
        QVERIFY2(settled.exitedWith(0) == 2, qPrintable(context));
        // One payout for the seller in all: the second settlement found nothing left to pay.
        int payoutRows = 0;
        for (const CliResult &result : settled.results)
            payoutRows += int(result.out.count(u',' + seller.code + u','));
        QVERIFY2(payoutRows == 1, qPrintable(context));
        QVERIFY(shop.ledger.previewSettlement(QDate(2026, 11, 25), 0).isEmpty());
    }
}

void TestTeamRaces::anEditOverANewerOneIsRefused()
{
    // Two desktops (two connections) open the same records; the second to save is refused, keeps
    // the first one's change, and saves once it has read it again.
    ShopServices &first = m_fixture.services();
    Shop secondShop(Database::open(*DatabaseLocation::parse(m_fixture.db())));
    ShopServices &second = secondShop.services;

    Customer mine = first.customerService.customerByCode(QStringLiteral("C1"));
    Customer theirs = second.customerService.customerByCode(QStringLiteral("C1"));
    QCOMPARE(mine.version, theirs.version);
    theirs.phone = QStringLiteral("13900000001");
    theirs = second.customerService.update(theirs);
    QCOMPARE(theirs.version, mine.version + 1);
    mine.notes = QStringLiteral("送货前电话");
    QVERIFY_THROWS_EXCEPTION(StaleError, first.customerService.update(mine));
    Customer stored = first.customerService.customerByCode(QStringLiteral("C1"));
    QCOMPARE(stored.phone, QStringLiteral("13900000001"));
    QVERIFY(stored.notes.isEmpty());
    stored.notes = QStringLiteral("送货前电话");
    QCOMPARE(first.customerService.update(stored).notes, QStringLiteral("送货前电话"));

    Product product = first.catalog.productBySku(QStringLiteral("ONE"));
    Product other = second.catalog.productBySku(QStringLiteral("ONE"));
    other.price = yuan("12");
    second.catalog.update(other);
    product.name = QStringLiteral("改名");
    QVERIFY_THROWS_EXCEPTION(StaleError, first.catalog.update(product));
    QCOMPARE(first.catalog.productBySku(QStringLiteral("ONE")).price, yuan("12"));
    QCOMPARE(first.catalog.productBySku(QStringLiteral("ONE")).name, QStringLiteral("单品"));
    // Stock moves are not edits: a sale between reading and saving does not refuse the save.
    Product again = first.catalog.productBySku(QStringLiteral("ONE"));
    second.catalog.restock(QStringLiteral("ONE"), 3, at("2026-11-21 09:00"), QString());
    again.name = QStringLiteral("改名");
    QCOMPARE(first.catalog.update(again).name, QStringLiteral("改名"));

    Distributor seller = first.distributorService.distributorByCode(QStringLiteral("D1"));
    Distributor sellerThere = second.distributorService.distributorByCode(QStringLiteral("D1"));
    sellerThere.phone = QStringLiteral("13700000000");
    second.distributorService.update(sellerThere);
    seller.name = QStringLiteral("改名");
    QVERIFY_THROWS_EXCEPTION(StaleError, first.distributorService.update(seller));
    QCOMPARE(first.distributorService.distributorByCode(QStringLiteral("D1")).name,
             QStringLiteral("分销员1"));

    const Order pending = newOrder(QStringLiteral("EDIT-1"), product.id);
    OrderDraft edit = orderDraft("EDIT-1", "2026-11-20 10:00", m_customerId, 0,
                                 {{product.id, 2, std::nullopt, Money()}});
    edit.version = pending.version;
    second.workflow.updatePending(QStringLiteral("EDIT-1"), edit); // saved there first
    edit.lines.first().quantity = 3;
    QVERIFY_THROWS_EXCEPTION(StaleError,
                             first.workflow.updatePending(QStringLiteral("EDIT-1"), edit));
    QCOMPARE(first.workflow.orderByNumber(QStringLiteral("EDIT-1")).lines.first().quantity, 2);
}

void TestTeamRaces::theShopChecksCleanAfterTheRaces()
{
    const CliResult check = m_fixture.cli({QStringLiteral("check")});
    QVERIFY2(check.status == 0, qPrintable(check.out + check.err));
}

MICROSHOP_TEST_GUILESS_MAIN(TestTeamRaces)
#include "tst_team_races.moc"
