// Property tests of the commission ledger over many random shops: random forests, settings,
// product overrides, orders, partial and full refunds, cancels, moves and settlements. After each
// shop: every balance equals domain.md's formula recomputed here, refunded-away orders leave 0,
// nobody beyond commission.levels earns, earned - reversed = settled + pending + available for
// every distributor, and the order in which different orders are worked on changes nothing.
#include "Database.h"
#include "DatabaseCheck.h"
#include "ShopLists.h"
#include "ShopServices.h"

#include "Dates.h"

#include "TestClock.h"
#include "TestDatabases.h"

#include <QRandomGenerator>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

struct Step
{
    enum Kind { Pay, Complete, RefundSome, RefundAll, Cancel } kind;
    int order;
    int units; // RefundSome: units of the first line with any left
};

// One random shop, built identically for a given seed; `steps` can be replayed in any order.
struct Scenario
{
    int levels = 2;
    QList<std::pair<int, int>> tree;          // distributor i -> upline index (-1: root), status
    QList<std::array<int, 3>> overrides;      // per product: -1 or basis points
    QList<QList<std::pair<int, int>>> orders; // per order: (product, quantity)
    QList<int> sellers;                       // per order: distributor index or -1
    QList<Step> steps;
};

Scenario makeScenario(quint32 seed, int orderCount)
{
    QRandomGenerator random(seed);
    Scenario scenario;
    scenario.levels = 1 + random.bounded(3);
    const int distributors = 3 + random.bounded(12);
    for (int i = 0; i < distributors; ++i)
        scenario.tree.append({i == 0 || random.bounded(5) == 0 ? -1 : random.bounded(i),
                              random.bounded(6) == 0 ? 1 : 0}); // 1: suspended
    for (int p = 0; p < 4; ++p) {
        std::array<int, 3> override{-1, -1, -1};
        for (int &rate : override) {
            const int pick = random.bounded(5);
            rate = pick == 0 ? 0 : pick == 1 ? random.bounded(2001) : -1;
        }
        scenario.overrides.append(override);
    }
    for (int o = 0; o < orderCount; ++o) {
        QList<std::pair<int, int>> lines;
        const int count = 1 + random.bounded(3);
        for (int l = 0; l < count; ++l)
            lines.append({random.bounded(4), 1 + random.bounded(5)});
        scenario.orders.append(lines);
        scenario.sellers.append(random.bounded(8) == 0 ? -1 : random.bounded(distributors));
        scenario.steps.append({Step::Pay, o, 0});
        switch (random.bounded(6)) {
        case 0:
            scenario.steps.append({Step::Cancel, o, 0});
            break;
        case 1:
            scenario.steps.append({Step::RefundAll, o, 0});
            break;
        case 2:
        case 3:
            scenario.steps.append({Step::RefundSome, o, 1 + random.bounded(2)});
            scenario.steps.append({Step::RefundSome, o, 1});
            break;
        default:
            break;
        }
        if (random.bounded(3) != 0)
            scenario.steps.append({Step::Complete, o, 0});
    }
    return scenario;
}

} // namespace

class TestCommissionProperties : public QObject
{
    Q_OBJECT

private slots:
    void invariantsHoldOnRandomShops();
    void interleavingDifferentOrdersChangesNothing();

private:
    // Builds the scenario's shop and runs its steps (in the given order); gives per
    // distributor code its ledger balance.
    void run(const Scenario &scenario, const QList<Step> &steps, bool check,
             QMap<QString, qint64> *balancesByCode = nullptr);

    TestDatabases m_databases;
};

void TestCommissionProperties::run(const Scenario &scenario, const QList<Step> &steps, bool check,
                                   QMap<QString, qint64> *balancesByCode)
{
    QString why;
    const DatabaseLocation location = m_databases.fresh(&why);
    if (!why.isEmpty())
        qFatal("%s", qPrintable(why));
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    ShopServices shop(*database);
    shop.settings.setValues({{ShopSettings::commissionLevelsKey, QString::number(scenario.levels)},
                             {ShopSettings::commissionRateKey(1), QStringLiteral("10")},
                             {ShopSettings::commissionRateKey(2), QStringLiteral("7.5")},
                             {ShopSettings::commissionRateKey(3), QStringLiteral("2.25")}});
    QList<qint64> distributorIds;
    QList<qint64> productIds;
    QList<QString> orderNumbers;
    database->inTransaction([&] {
        for (int i = 0; i < scenario.tree.size(); ++i) {
            Distributor distributor;
            distributor.code = QStringLiteral("D%1").arg(i, 2, 10, QLatin1Char('0'));
            distributor.name = distributor.code;
            distributor.joined = QDate(2026, 1, 1);
            distributor.uplineId = scenario.tree.at(i).first < 0
                                       ? 0
                                       : distributorIds.at(scenario.tree.at(i).first);
            distributor.status = scenario.tree.at(i).second ? DistributorStatus::Suspended
                                                            : DistributorStatus::Active;
            distributorIds.append(shop.distributorService.create(distributor).id);
        }
        for (int p = 0; p < scenario.overrides.size(); ++p) {
            Product product;
            product.sku = QStringLiteral("P%1").arg(p);
            product.name = product.sku;
            product.price = Money::fromMinorUnits(333 + 1717 * p); // 3.33, 20.50, 37.67, 54.84
            product.stock = 100000;
            for (int level = 0; level < 3; ++level) {
                if (scenario.overrides.at(p)[level] >= 0)
                    product.rates[level] = Rate::fromBasisPoints(scenario.overrides.at(p)[level]);
            }
            productIds.append(
                shop.catalog.create(product, QDateTime(QDate(2026, 1, 1), QTime(8, 0))).id);
        }
        for (int o = 0; o < scenario.orders.size(); ++o) {
            Customer customer;
            customer.code = QStringLiteral("C%1").arg(o);
            customer.name = customer.code;
            OrderDraft draft;
            draft.orderNo = QStringLiteral("O%1").arg(o, 4, 10, QLatin1Char('0'));
            draft.date = QDateTime(QDate(2026, 2, 1), QTime(9, 0));
            draft.customerId = shop.customerService.create(customer).id;
            draft.distributorId = scenario.sellers.at(o) < 0
                                      ? 0
                                      : distributorIds.at(scenario.sellers.at(o));
            for (const auto &[product, quantity] : scenario.orders.at(o))
                draft.lines.append({productIds.at(product), quantity, std::nullopt,
                                    Money::fromMinorUnits(quantity == 5 ? 7 : 0)});
            orderNumbers.append(shop.workflow.create(draft).orderNo);
        }
        const QDateTime day(QDate(2026, 2, 2), QTime(10, 0));
        for (const Step &step : steps) {
            const QString no = orderNumbers.at(step.order);
            const Order order = shop.workflow.orderByNumber(no);
            switch (step.kind) {
            case Step::Pay:
                shop.workflow.pay(no, day, PaymentMethod::WeChat);
                break;
            case Step::Complete:
                if (OrderWorkflow::isAllowed(order.status, OrderWorkflow::Move::Complete))
                    shop.workflow.complete(no, day);
                break;
            case Step::Cancel:
                if (OrderWorkflow::isAllowed(order.status, OrderWorkflow::Move::Cancel))
                    shop.workflow.cancel(no, day);
                break;
            case Step::RefundAll:
                if (OrderWorkflow::isAllowed(order.status, OrderWorkflow::Move::Refund))
                    shop.workflow.refund(no, {{}, false, false, day, {}});
                break;
            case Step::RefundSome:
                if (!OrderWorkflow::isAllowed(order.status, OrderWorkflow::Move::Refund))
                    break;
                for (const OrderLine &line : order.lines) {
                    if (line.remainingQuantity() > 0) {
                        shop.workflow.refund(
                            no, {{{line.id, qMin<qint64>(step.units, line.remainingQuantity())}},
                                 false,
                                 false,
                                 day,
                                 {}});
                        break;
                    }
                }
                break;
            }
        }
    });

    if (check) {
        // 1. Every (order, beneficiary, level) balance is domain.md's formula on what remains:
        //    sum over lines of round(remaining net * rate / 10000), 0 for cancelled orders.
        QSqlQuery balances = database->exec(QStringLiteral(
            "SELECT e.order_id, e.distributor_id, e.level, sum(e.amount), o.status FROM "
            "commission_entries e JOIN orders o ON o.id = e.order_id GROUP BY e.order_id, "
            "e.distributor_id, e.level, o.status"));
        int checked = 0;
        while (balances.next()) {
            const qint64 orderId = balances.value(0).toLongLong();
            const int level = balances.value(2).toInt();
            QVERIFY2(level <= scenario.levels, "a level beyond commission.levels earned");
            qint64 expected = 0;
            if (balances.value(4).toString() != u"cancelled") {
                QSqlQuery lines = database->exec(
                    QStringLiteral(
                        "SELECT l.net - l.refunded_amount, b.rate FROM commission_basis b JOIN "
                        "order_lines l ON l.id = b.order_line_id WHERE l.order_id = ? AND "
                        "b.distributor_id = ? AND b.level = ?"),
                    {qlonglong(orderId), balances.value(1), level});
                while (lines.next()) {
                    const qint64 product = lines.value(0).toLongLong()
                                           * lines.value(1).toLongLong();
                    expected += (product + 5000) / 10000; // half up; all non-negative here
                }
            }
            QCOMPARE(balances.value(3).toLongLong(), expected);
            if (balances.value(4).toString() == u"refunded")
                QCOMPARE(balances.value(3).toLongLong(), 0);
            ++checked;
        }
        // 2. At most `levels` beneficiaries per order, each once.
        QCOMPARE(database
                     ->scalar(QStringLiteral("SELECT count(*) FROM (SELECT order_id FROM "
                                             "commission_entries GROUP BY order_id HAVING "
                                             "count(DISTINCT distributor_id) > ?) t"),
                              {scenario.levels})
                     .toInt(),
                 0);
        // 3. The identity of the ledger, before and after settlements, as of several dates.
        ReportSource &reports = *shop.reports;
        for (const QDate settleUntil : {QDate(2026, 2, 5), QDate(2026, 2, 9), QDate(2026, 3, 1)}) {
            shop.ledger.settle(settleUntil);
            for (const QDate asOf :
                 {QDate(2026, 2, 1), QDate(2026, 2, 8), QDate(2026, 2, 9), QDate(2026, 12, 31)}) {
                for (const QStringList &row : reports.commissions(asOf).rows) {
                    const auto fen = [&](int column) {
                        return Money::parse(row.at(column))->minorUnits();
                    };
                    QVERIFY2(fen(2) - fen(3) == fen(4) + fen(5) + fen(6),
                             qPrintable(row.join(u',') + QStringLiteral(" as of ")
                                        + Dates::toText(asOf)));
                }
            }
        }
        // 4. Every reader of the ledger's states agrees (one definition, CommissionStateSql):
        //    the statement's figures with `report commissions` as of days between and on the
        //    payouts' ends, and as of today the Commissions list and the Dashboard too.
        const QDate today = Dates::today();
        for (const QDate asOf : {QDate(2026, 2, 5), QDate(2026, 2, 8), QDate(2026, 3, 1), today}) {
            QHash<QString, QStringList> reported; // code -> settled, pending, available
            Money available;
            for (const QStringList &row : reports.commissions(asOf).rows) {
                reported.insert(row.at(0), row.mid(4, 3));
                available += *Money::parse(row.at(6));
            }
            QSqlQuery ids = database->exec(QStringLiteral("SELECT id, code FROM distributors"));
            while (ids.next()) {
                const DistributorFigures figures = shop.distributorRepository.figures(
                    ids.value(0).toLongLong(), QDate(), asOf, asOf);
                const QStringList expected = reported.value(
                    ids.value(1).toString(),
                    {QStringLiteral("0.00"), QStringLiteral("0.00"), QStringLiteral("0.00")});
                QCOMPARE((QStringList{figures.settled.toString(), figures.pending.toString(),
                                      figures.available.toString()}),
                         expected);
            }
            if (asOf != today)
                continue;
            QCOMPARE(reports.dashboard(today).commissionsAvailable, available);
            const auto list = ShopLists::commissions(*database);
            QHash<QString, Money> listed; // "code state" -> sum
            const ListQuery all;
            for (const QVariantList &row : list->fetch(all, 0, int(list->count(all)), -1))
                listed[row.at(3).toString() + u' ' + row.at(6).toString()] += Money::fromMinorUnits(
                    row.at(5).toLongLong());
            for (auto it = reported.cbegin(); it != reported.cend(); ++it) {
                QCOMPARE(listed.value(it.key() + u" settled").toString(), it.value().at(0));
                QCOMPARE(listed.value(it.key() + u" pending").toString(), it.value().at(1));
                QCOMPARE(listed.value(it.key() + u" available").toString(), it.value().at(2));
            }
        }
        QCOMPARE(DatabaseCheck::findings(*database), QStringList());
        Q_UNUSED(checked);
    }
    if (!balancesByCode)
        return;
    QSqlQuery totals = database->exec(QStringLiteral(
        "SELECT d.code, sum(e.amount) FROM commission_entries e JOIN distributors d ON d.id = "
        "e.distributor_id GROUP BY d.code"));
    while (totals.next())
        balancesByCode->insert(totals.value(0).toString(), totals.value(1).toLongLong());
}

void TestCommissionProperties::invariantsHoldOnRandomShops()
{
    // Hundreds of random trees and thousands of orders on SQLite; fewer on a server, where each
    // statement is a round trip.
    const int shops = m_databases.isPostgres() ? 6 : 300;
    int orders = 0;
    for (int seed = 1; seed <= shops; ++seed) {
        const Scenario scenario = makeScenario(quint32(seed), m_databases.isPostgres() ? 40 : 12);
        run(scenario, scenario.steps, true);
        if (QTest::currentTestFailed()) {
            qWarning("failed with seed %d", seed);
            return;
        }
        orders += int(scenario.orders.size());
    }
    qInfo("checked %d orders in %d random shops", orders, shops);
}

void TestCommissionProperties::interleavingDifferentOrdersChangesNothing()
{
    const int shops = m_databases.isPostgres() ? 2 : 8;
    for (int seed = 100; seed < 100 + shops; ++seed) {
        const Scenario scenario = makeScenario(quint32(seed), 30);
        QMap<QString, qint64> inOrder;
        run(scenario, scenario.steps, false, &inOrder);
        QVERIFY(!inOrder.isEmpty());
        // The same steps, orders interleaved differently (each order's own steps keep their order).
        QList<Step> shuffled = scenario.steps;
        std::stable_sort(shuffled.begin(), shuffled.end(),
                         [](const Step &a, const Step &b) { return a.order % 3 < b.order % 3; });
        QMap<QString, qint64> interleaved;
        run(scenario, shuffled, false, &interleaved);
        QCOMPARE(interleaved, inOrder);
    }
}

MICROSHOP_TEST_GUILESS_MAIN(TestCommissionProperties)
#include "tst_commission_properties.moc"
