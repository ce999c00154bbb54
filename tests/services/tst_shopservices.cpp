// The rules of domain.md's "Products and stock", "Customers" and "Orders" sections, through the
// services the app and the CLI use, on the backend of $MICROSHOP_TEST_BACKEND.
#include "Database.h"
#include "DatabaseCheck.h"
#include "ShopServices.h"

#include "Dates.h"
#include "Error.h"

#include "TestClock.h"
#include "TestDatabases.h"
#include "TestValues.h"

#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

// Records what the workflow tells the commission ledger.
class RecordingHook final : public CommissionHook
{
public:
    void orderPaid(const Order &order) override
    {
        calls.append(QStringLiteral("paid ") + order.orderNo);
    }
    void orderCancelled(const Order &before, const Order &) override
    {
        calls.append(QStringLiteral("cancelled ") + before.orderNo);
    }
    void orderRefunded(const Order &, const Order &after, const QDateTime &) override
    {
        calls.append(
            QStringLiteral("refunded %1 %2").arg(after.orderNo, after.refundedTotal.toString()));
    }
    void orderCompleted(const Order &order) override
    {
        calls.append(QStringLiteral("completed ") + order.orderNo);
    }
    QStringList calls;
};

} // namespace

class TestShopServices : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void productsStartWithAnInitialMovement();
    void skuRules_data();
    void skuRules();
    void barcodesAreUniqueWhenSet();
    void restockAndStocktakeAreMovements();
    void priceAndCostChangesAreAuditedAndStockIsNotEditable();
    void importUpdateTurnsStockIntoAnAdjustment();

    void customersGetOneDefaultAddress();
    void customerCodesAreUniqueAndCustomersWithOrdersStay();
    void firstOrderWithADistributorBindsTheCustomer();

    void linesSnapshotPriceAndCostAndNeverGoBelowZero();
    void payTakesStockAndRecordsThePayment();
    void payRefusesWhenStockIsShortAndChangesNothing();
    void payChecksTheTotalOfLinesOfOneProduct();
    void negativeStockAllowedWhenTheSettingSaysSo();
    void movesRefusedFromTheWrongStatus_data();
    void movesRefusedFromTheWrongStatus();
    void shipRecordsCourierTrackingAndAddress();
    void completeFromPaidOrShipped();
    void cancelPendingChangesNothingElse();
    void cancelPaidPutsStockBack();
    void partialRefundsRoundAndTheLastUnitTakesTheRest();
    void fullRefundRefundsEveryFenAndReturnsStock();
    void shippingIsRefundedOnlyWhenAsked();
    void refundThenCancelReturnsOnlyWhatIsLeft();
    void refundRefusesMoreUnitsThanLeft();
    void movesCannotGoBackInTime();
    void orderNumbersGoPastTenThousandADay();

private:
    Product product(const QString &sku, const char *price, qint64 stock, const char *cost = "0");
    Customer customer(const QString &code);
    Order order(const Customer &buyer, const QList<std::pair<Product, qint64>> &lines,
                const char *shipping = "0", const QString &orderNo = QString());
    qint64 distributor(const QString &code);
    qint64 stockOf(const QString &sku) { return m_shop->catalog.productBySku(sku).stock; }
    int count(const QString &table)
    {
        return m_database->scalar(QStringLiteral("SELECT count(*) FROM ") + table).toInt();
    }
    void verifyInvariants() { QCOMPARE(DatabaseCheck::findings(*m_database), QStringList()); }

    TestDatabases m_databases;
    std::unique_ptr<Database> m_database;
    RecordingHook m_hook;
    std::unique_ptr<ShopServices> m_shop;
};

void TestShopServices::init()
{
    QString why;
    const DatabaseLocation location = m_databases.fresh(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    m_hook.calls.clear();
    m_shop = std::make_unique<ShopServices>(*m_database, &m_hook);
}

void TestShopServices::cleanup()
{
    if (m_database && !QTest::currentTestFailed())
        verifyInvariants();
    m_shop.reset();
    m_database.reset();
}

Product TestShopServices::product(const QString &sku, const char *price, qint64 stock,
                                  const char *cost)
{
    Product draft;
    draft.sku = sku;
    draft.name = QStringLiteral("商品 ") + sku;
    draft.price = yuan(price);
    draft.cost = yuan(cost);
    draft.stock = stock;
    return m_shop->catalog.create(draft, at("2026-01-01 08:00"));
}

Customer TestShopServices::customer(const QString &code)
{
    Customer draft;
    draft.code = code;
    draft.name = QStringLiteral("客户 ") + code;
    draft.addresses.append({0, QStringLiteral("张伟"), QStringLiteral("13800000000"),
                            QStringLiteral("广东省"), QStringLiteral("深圳市"),
                            QStringLiteral("南山区"), QStringLiteral("科技园1号"), false});
    return m_shop->customerService.create(draft);
}

qint64 TestShopServices::distributor(const QString &code)
{
    return m_database
        ->scalar(QStringLiteral("INSERT INTO distributors (code, name, joined) VALUES (?, ?, "
                                "'2026-01-01') RETURNING id"),
                 {code, QString(QStringLiteral("分销员 ") + code)})
        .toLongLong();
}

Order TestShopServices::order(const Customer &buyer, const QList<std::pair<Product, qint64>> &lines,
                              const char *shipping, const QString &orderNo)
{
    OrderDraft draft;
    draft.orderNo = orderNo;
    draft.date = at("2026-03-01 10:00");
    draft.customerId = buyer.id;
    draft.shippingFee = yuan(shipping);
    for (const auto &[item, quantity] : lines)
        draft.lines.append({item.id, quantity, std::nullopt, Money()});
    return m_shop->workflow.create(draft);
}

void TestShopServices::productsStartWithAnInitialMovement()
{
    const Product tea = product(QStringLiteral("TEA-01"), "128", 10, "60");
    QCOMPARE(tea.stock, 10);
    const QList<StockMovement> movements = m_shop->catalog.movements(QStringLiteral("TEA-01"));
    QCOMPARE(movements.size(), 1);
    QCOMPARE(movements.constFirst().kind, StockMovementKind::Initial);
    QCOMPARE(movements.constFirst().quantity, 10);
    // No stock, no movement.
    product(QStringLiteral("TEA-02"), "1", 0);
    QCOMPARE(m_shop->catalog.movements(QStringLiteral("TEA-02")).size(), 0);
}

void TestShopServices::skuRules_data()
{
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("hint");
    QTest::newRow("empty") << ""
                           << "missing";
    QTest::newRow("space") << "TEA 01"
                           << "space";
    QTest::newRow("tab") << "TEA\t01"
                         << "space";
    QTest::newRow("65 characters") << QString(65, u'A') << "65 characters";
    QTest::newRow("taken") << "TEA-01"
                           << "already used";
}

void TestShopServices::skuRules()
{
    QFETCH(QString, sku);
    QFETCH(QString, hint);
    product(QStringLiteral("TEA-01"), "1", 0);
    Product draft;
    draft.sku = sku;
    draft.name = QStringLiteral("x");
    try {
        m_shop->catalog.create(draft, at("2026-01-01"));
        QFAIL("accepted");
    } catch (const ValidationError &error) {
        QVERIFY2(error.message().contains(hint), qPrintable(error.message()));
        QCOMPARE(error.problems().constFirst().field, QStringLiteral("sku"));
    }
    QCOMPARE(count(QStringLiteral("products")), 1);
    // SKUs are case-sensitive: tea-01 is another product.
    product(QStringLiteral("tea-01"), "1", 0);
    QCOMPARE(count(QStringLiteral("products")), 2);
}

void TestShopServices::barcodesAreUniqueWhenSet()
{
    Product draft;
    draft.sku = QStringLiteral("A");
    draft.name = QStringLiteral("a");
    draft.barcode = QStringLiteral("6901234567890");
    m_shop->catalog.create(draft, at("2026-01-01"));
    draft.sku = QStringLiteral("B");
    QVERIFY_THROWS_EXCEPTION(ValidationError, m_shop->catalog.create(draft, at("2026-01-01")));
    draft.barcode.clear(); // many products may have none
    m_shop->catalog.create(draft, at("2026-01-01"));
    draft.sku = QStringLiteral("C");
    m_shop->catalog.create(draft, at("2026-01-01"));
    QCOMPARE(count(QStringLiteral("products")), 3);
}

void TestShopServices::restockAndStocktakeAreMovements()
{
    product(QStringLiteral("TEA"), "10", 5);
    m_shop->catalog.restock(QStringLiteral("TEA"), 20, at("2026-02-01"),
                            QStringLiteral("进货单 7"));
    QCOMPARE(stockOf(QStringLiteral("TEA")), 25);
    QVERIFY_THROWS_EXCEPTION(
        ValidationError, m_shop->catalog.restock(QStringLiteral("TEA"), 0, at("2026-02-01"), {}));
    QVERIFY_THROWS_EXCEPTION(
        ValidationError, m_shop->catalog.stocktake(QStringLiteral("TEA"), 3, at("2026-02-02"), {}));
    m_shop->catalog.stocktake(QStringLiteral("TEA"), 22, at("2026-02-02"), QStringLiteral("盘点"));
    QCOMPARE(stockOf(QStringLiteral("TEA")), 22);
    const auto movements = m_shop->catalog.movements(QStringLiteral("TEA"));
    QCOMPARE(movements.size(), 3);
    QCOMPARE(movements.at(1).kind, StockMovementKind::Purchase);
    QCOMPARE(movements.at(1).reference, QStringLiteral("进货单 7"));
    QCOMPARE(movements.at(2).kind, StockMovementKind::Adjustment);
    QCOMPARE(movements.at(2).quantity, -3);
    QCOMPARE(m_database
                 ->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = "
                                         "'stock.adjustment'"))
                 .toString(),
             QStringLiteral("25 -> 22: 盘点"));
    QVERIFY_THROWS_EXCEPTION(
        InputError, m_shop->catalog.restock(QStringLiteral("NOPE"), 1, at("2026-02-01"), {}));
}

void TestShopServices::priceAndCostChangesAreAuditedAndStockIsNotEditable()
{
    Product tea = product(QStringLiteral("TEA"), "10", 5, "4");
    tea.price = yuan("12.50");
    tea.cost = yuan("4");
    tea.stock = 999;
    const Product updated = m_shop->catalog.update(tea);
    QCOMPARE(updated.stock, 5);
    QCOMPARE(stockOf(QStringLiteral("TEA")), 5);
    QCOMPARE(count(QStringLiteral("audit_log")), 1);
    QCOMPARE(m_database
                 ->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = "
                                         "'product.edit'"))
                 .toString(),
             QStringLiteral("price: 10.00 -> 12.50"));
}

void TestShopServices::importUpdateTurnsStockIntoAnAdjustment()
{
    Product tea = product(QStringLiteral("TEA"), "10", 5);
    tea.stock = 8;
    m_shop->catalog.createOrUpdate(tea, at("2026-02-01"));
    const auto movements = m_shop->catalog.movements(QStringLiteral("TEA"));
    QCOMPARE(movements.size(), 2);
    QCOMPARE(movements.constLast().kind, StockMovementKind::Adjustment);
    QCOMPARE(movements.constLast().quantity, 3);
}

void TestShopServices::customersGetOneDefaultAddress()
{
    Customer draft;
    draft.code = QStringLiteral("C1");
    draft.name = QStringLiteral("李娜");
    draft.channel = Channel::Moments;
    draft.tags = {QStringLiteral("VIP"), QStringLiteral(" 回头客 "), QStringLiteral("VIP")};
    draft.addresses = {{0,
                        QStringLiteral("李娜"),
                        {},
                        QStringLiteral("浙江省"),
                        QStringLiteral("杭州市"),
                        {},
                        QStringLiteral("西湖路1号"),
                        false},
                       {0,
                        QStringLiteral("李娜"),
                        {},
                        QStringLiteral("上海市"),
                        QStringLiteral("上海市"),
                        {},
                        QStringLiteral("南京路2号"),
                        false}};
    const Customer created = m_shop->customerService.create(draft);
    QCOMPARE(created.addresses.size(), 2);
    QVERIFY(created.addresses.at(0).isDefault);
    QVERIFY(!created.addresses.at(1).isDefault);
    QCOMPARE(created.tags, (QStringList{QStringLiteral("VIP"), QStringLiteral("回头客")}));
    QCOMPARE(created.channel, Channel::Moments);

    Customer twoDefaults = created;
    twoDefaults.addresses[1].isDefault = true;
    QVERIFY_THROWS_EXCEPTION(ValidationError, m_shop->customerService.update(twoDefaults));
    Customer moved = created;
    moved.addresses[0].isDefault = false;
    moved.addresses[1].isDefault = true;
    QCOMPARE(m_shop->customerService.update(moved).defaultAddress()->detail,
             QStringLiteral("南京路2号"));
}

void TestShopServices::customerCodesAreUniqueAndCustomersWithOrdersStay()
{
    const Customer first = customer(QStringLiteral("C1"));
    QVERIFY_THROWS_EXCEPTION(ValidationError, customer(QStringLiteral("C1")));
    customer(QStringLiteral("C2"));
    m_shop->customerService.remove(QStringLiteral("C2"));
    order(first, {{product(QStringLiteral("TEA"), "10", 5), 1}});
    try {
        m_shop->customerService.remove(QStringLiteral("C1"));
        QFAIL("deleted a customer with orders");
    } catch (const InputError &error) {
        QVERIFY(error.message().contains(QStringLiteral("has orders")));
    }
    QCOMPARE(count(QStringLiteral("customers")), 1);
}

void TestShopServices::firstOrderWithADistributorBindsTheCustomer()
{
    const qint64 wang = distributor(QStringLiteral("D-WANG"));
    const qint64 li = distributor(QStringLiteral("D-LI"));
    const Customer buyer = customer(QStringLiteral("C1"));
    const Product tea = product(QStringLiteral("TEA"), "10", 50);

    const Order none = order(buyer, {{tea, 1}});
    QCOMPARE(none.distributorId, 0);
    QCOMPARE(m_shop->customerService.customerByCode(QStringLiteral("C1")).distributorId, 0);

    OrderDraft draft;
    draft.customerId = buyer.id;
    draft.distributorId = wang;
    draft.date = at("2026-03-02");
    draft.lines = {{tea.id, 1, std::nullopt, Money()}};
    m_shop->workflow.create(draft);
    QCOMPARE(m_shop->customerService.customerByCode(QStringLiteral("C1")).distributorId, wang);

    // Bound for good: a later order through someone else does not rebind...
    draft.distributorId = li;
    QCOMPARE(m_shop->workflow.create(draft).distributorId, li);
    QCOMPARE(m_shop->customerService.customerByCode(QStringLiteral("C1")).distributorId, wang);
    // ...and an order with no distributor given takes the bound one.
    draft.distributorId = 0;
    QCOMPARE(m_shop->workflow.create(draft).distributorId, wang);
    // Rebinding is explicit and audited.
    m_shop->customerService.rebind(QStringLiteral("C1"), QStringLiteral("D-LI"));
    QCOMPARE(m_shop->customerService.customerByCode(QStringLiteral("C1")).distributorId, li);
    QCOMPARE(m_database
                 ->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = "
                                         "'customer.rebind'"))
                 .toString(),
             QStringLiteral("D-WANG -> D-LI"));
}

void TestShopServices::linesSnapshotPriceAndCostAndNeverGoBelowZero()
{
    Product tea = product(QStringLiteral("TEA"), "12.80", 50, "6.10");
    const Customer buyer = customer(QStringLiteral("C1"));
    OrderDraft draft;
    draft.customerId = buyer.id;
    draft.date = at("2026-03-01");
    draft.shippingFee = yuan("8");
    draft.lines = {{tea.id, 3, std::nullopt, yuan("1.40")}, // 38.40 - 1.40 = 37.00
                   {tea.id, 1, yuan("5"), yuan("9")}};      // 5 - 9 -> 0, never below
    const Order created = m_shop->workflow.create(draft);
    QCOMPARE(created.lines.at(0).net, yuan("37"));
    QCOMPARE(created.lines.at(1).net, Money());
    QCOMPARE(created.goodsTotal(), yuan("37"));
    QCOMPARE(created.total(), yuan("45"));
    QCOMPARE(created.lines.at(0).unitCost, yuan("6.10"));

    tea.price = yuan("99");
    tea.cost = yuan("50");
    m_shop->catalog.update(tea);
    const Order again = m_shop->workflow.orderByNumber(created.orderNo);
    QCOMPARE(again.lines.at(0).unitPrice, yuan("12.80"));
    QCOMPARE(again.lines.at(0).unitCost, yuan("6.10"));
    QVERIFY(again.orderNo.startsWith(QStringLiteral("SO20260301-")));
}

void TestShopServices::payTakesStockAndRecordsThePayment()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 5);
    const Order created = order(customer(QStringLiteral("C1")), {{tea, 2}}, "6",
                                QStringLiteral("SO-1"));
    const Order paid = m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-01 11:00"),
                                            PaymentMethod::Alipay);
    QCOMPARE(paid.status, OrderStatus::Paid);
    QCOMPARE(stockOf(QStringLiteral("TEA")), 3);
    const Order stored = m_shop->workflow.orderByNumber(QStringLiteral("SO-1"));
    QCOMPARE(stored.payment->amount, yuan("26"));
    QCOMPARE(stored.payment->method, PaymentMethod::Alipay);
    QCOMPARE(*stored.paidAt, at("2026-03-01 11:00"));
    const auto movements = m_shop->catalog.movements(QStringLiteral("TEA"));
    QCOMPARE(movements.constLast().kind, StockMovementKind::Sale);
    QCOMPARE(movements.constLast().quantity, -2);
    QCOMPARE(movements.constLast().reference, QStringLiteral("SO-1"));
    QCOMPARE(m_hook.calls, QStringList{QStringLiteral("paid SO-1")});
    Q_UNUSED(created);
}

void TestShopServices::payRefusesWhenStockIsShortAndChangesNothing()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 2);
    order(customer(QStringLiteral("C1")), {{tea, 3}}, "0", QStringLiteral("SO-1"));
    const int movementsBefore = count(QStringLiteral("stock_movements"));
    try {
        m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
        QFAIL("paid without stock");
    } catch (const InputError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("TEA")), qPrintable(error.message()));
        QVERIFY(error.message().contains(QStringLiteral("2 in stock")));
        QVERIFY(error.message().contains(QStringLiteral("3 asked for")));
    }
    QCOMPARE(stockOf(QStringLiteral("TEA")), 2);
    QCOMPARE(count(QStringLiteral("stock_movements")), movementsBefore);
    QCOMPARE(count(QStringLiteral("payments")), 0);
    QCOMPARE(m_shop->workflow.orderByNumber(QStringLiteral("SO-1")).status, OrderStatus::Pending);
    QVERIFY(m_hook.calls.isEmpty());
}

void TestShopServices::payChecksTheTotalOfLinesOfOneProduct()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 4);
    const Product cup = product(QStringLiteral("CUP"), "5", 10);
    order(customer(QStringLiteral("C1")), {{cup, 1}, {tea, 3}, {tea, 2}}, "0",
          QStringLiteral("SO-1"));
    try {
        m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
        QFAIL("paid 5 out of 4");
    } catch (const InputError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("5 asked for")),
                 qPrintable(error.message()));
    }
    QCOMPARE(stockOf(QStringLiteral("CUP")), 10); // the line before was not taken either
}

void TestShopServices::negativeStockAllowedWhenTheSettingSaysSo()
{
    m_shop->settings.setValue(ShopSettings::allowNegativeStockKey, QStringLiteral("true"));
    const Product tea = product(QStringLiteral("TEA"), "10", 1);
    order(customer(QStringLiteral("C1")), {{tea, 3}}, "0", QStringLiteral("SO-1"));
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
    QCOMPARE(stockOf(QStringLiteral("TEA")), -2);
}

void TestShopServices::movesRefusedFromTheWrongStatus_data()
{
    QTest::addColumn<QString>("status"); // reached through the workflow
    QTest::addColumn<int>("move");
    using Move = OrderWorkflow::Move;
    QTest::newRow("ship pending") << "pending" << int(Move::Ship);
    QTest::newRow("complete pending") << "pending" << int(Move::Complete);
    QTest::newRow("refund pending") << "pending" << int(Move::Refund);
    QTest::newRow("pay paid") << "paid" << int(Move::Pay);
    QTest::newRow("pay shipped") << "shipped" << int(Move::Pay);
    QTest::newRow("ship shipped") << "shipped" << int(Move::Ship);
    QTest::newRow("cancel shipped") << "shipped" << int(Move::Cancel);
    QTest::newRow("cancel completed") << "completed" << int(Move::Cancel);
    QTest::newRow("ship completed") << "completed" << int(Move::Ship);
    QTest::newRow("complete completed") << "completed" << int(Move::Complete);
    QTest::newRow("pay cancelled") << "cancelled" << int(Move::Pay);
    QTest::newRow("refund cancelled") << "cancelled" << int(Move::Refund);
    QTest::newRow("cancel cancelled") << "cancelled" << int(Move::Cancel);
    QTest::newRow("refund refunded") << "refunded" << int(Move::Refund);
    QTest::newRow("complete refunded") << "refunded" << int(Move::Complete);
}

void TestShopServices::movesRefusedFromTheWrongStatus()
{
    QFETCH(QString, status);
    QFETCH(int, move);
    const Product tea = product(QStringLiteral("TEA"), "10", 10);
    order(customer(QStringLiteral("C1")), {{tea, 2}}, "0", QStringLiteral("SO-9"));
    auto &workflow = m_shop->workflow;
    const QString no = QStringLiteral("SO-9");
    if (status == u"cancelled")
        workflow.cancel(no, at("2026-03-02"));
    if (status != u"pending" && status != u"cancelled")
        workflow.pay(no, at("2026-03-02"), PaymentMethod::WeChat);
    if (status == u"shipped" || status == u"completed")
        workflow.ship(no, QStringLiteral("顺丰"), QStringLiteral("SF1"), at("2026-03-03"));
    if (status == u"completed")
        workflow.complete(no, at("2026-03-04"));
    if (status == u"refunded")
        workflow.refund(no, {{}, true, false, at("2026-03-04"), {}});
    QCOMPARE(OrderStatuses::code(workflow.orderByNumber(no).status), status);

    const int movements = count(QStringLiteral("stock_movements"));
    const int calls = m_hook.calls.size();
    const QDateTime later = at("2026-03-09");
    try {
        switch (OrderWorkflow::Move(move)) {
        case OrderWorkflow::Move::Pay:
            workflow.pay(no, later, PaymentMethod::Cash);
            break;
        case OrderWorkflow::Move::Ship:
            workflow.ship(no, QStringLiteral("EMS"), QStringLiteral("E1"), later);
            break;
        case OrderWorkflow::Move::Complete:
            workflow.complete(no, later);
            break;
        case OrderWorkflow::Move::Cancel:
            workflow.cancel(no, later);
            break;
        case OrderWorkflow::Move::Refund:
            workflow.refund(no, {{}, false, true, later, {}});
            break;
        }
        QFAIL("the move was allowed");
    } catch (const InputError &error) {
        // Names the order, its status and the move.
        QVERIFY2(error.message().contains(no), qPrintable(error.message()));
        QVERIFY(error.message().contains(status));
        QVERIFY(error.message().contains(OrderWorkflow::moveName(OrderWorkflow::Move(move))));
    }
    QCOMPARE(OrderStatuses::code(workflow.orderByNumber(no).status), status);
    QCOMPARE(count(QStringLiteral("stock_movements")), movements);
    QCOMPARE(m_hook.calls.size(), calls);
}

void TestShopServices::shipRecordsCourierTrackingAndAddress()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 10);
    order(customer(QStringLiteral("C1")), {{tea, 1}}, "0", QStringLiteral("SO-1"));
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
    QVERIFY_THROWS_EXCEPTION(ValidationError,
                             m_shop->workflow.ship(QStringLiteral("SO-1"), QStringLiteral("顺丰"),
                                                   QString(), at("2026-03-03")));
    m_shop->workflow.ship(QStringLiteral("SO-1"), QStringLiteral("顺丰"), QStringLiteral("SF100"),
                          at("2026-03-03"));
    // The customer moves afterwards: the shipment keeps the address it went to.
    Customer moved = m_shop->customerService.customerByCode(QStringLiteral("C1"));
    moved.addresses[0].detail = QStringLiteral("新地址");
    m_shop->customerService.update(moved);
    const Order shipped = m_shop->workflow.orderByNumber(QStringLiteral("SO-1"));
    QCOMPARE(shipped.status, OrderStatus::Shipped);
    QCOMPARE(shipped.shipment->tracking, QStringLiteral("SF100"));
    QCOMPARE(shipped.shipment->address.detail, QStringLiteral("科技园1号"));
}

void TestShopServices::completeFromPaidOrShipped()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 10);
    const Customer buyer = customer(QStringLiteral("C1"));
    order(buyer, {{tea, 1}}, "0", QStringLiteral("SO-1"));
    order(buyer, {{tea, 1}}, "0", QStringLiteral("SO-2"));
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
    m_shop->workflow.pay(QStringLiteral("SO-2"), at("2026-03-02"), PaymentMethod::WeChat);
    m_shop->workflow.ship(QStringLiteral("SO-2"), QStringLiteral("EMS"), QStringLiteral("E"),
                          at("2026-03-03"));
    QCOMPARE(m_shop->workflow.complete(QStringLiteral("SO-1"), at("2026-03-05")).status,
             OrderStatus::Completed);
    QCOMPARE(m_shop->workflow.complete(QStringLiteral("SO-2"), at("2026-03-06")).status,
             OrderStatus::Completed);
    QCOMPARE(*m_shop->workflow.orderByNumber(QStringLiteral("SO-2")).completedAt, at("2026-03-06"));
    QVERIFY(m_hook.calls.contains(QStringLiteral("completed SO-2")));
}

void TestShopServices::cancelPendingChangesNothingElse()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 10);
    order(customer(QStringLiteral("C1")), {{tea, 4}}, "0", QStringLiteral("SO-1"));
    const int movements = count(QStringLiteral("stock_movements"));
    m_shop->workflow.cancel(QStringLiteral("SO-1"), at("2026-03-02"));
    QCOMPARE(m_shop->workflow.orderByNumber(QStringLiteral("SO-1")).status, OrderStatus::Cancelled);
    QCOMPARE(count(QStringLiteral("stock_movements")), movements);
    QCOMPARE(stockOf(QStringLiteral("TEA")), 10);
    QVERIFY(m_hook.calls.isEmpty());
    QCOMPARE(count(QStringLiteral("audit_log")), 1); // cancellations are audited
}

void TestShopServices::cancelPaidPutsStockBack()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 10);
    order(customer(QStringLiteral("C1")), {{tea, 4}}, "0", QStringLiteral("SO-1"));
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
    QCOMPARE(stockOf(QStringLiteral("TEA")), 6);
    m_shop->workflow.cancel(QStringLiteral("SO-1"), at("2026-03-03"));
    QCOMPARE(stockOf(QStringLiteral("TEA")), 10);
    const auto movements = m_shop->catalog.movements(QStringLiteral("TEA"));
    QCOMPARE(movements.constLast().kind, StockMovementKind::Cancel);
    QCOMPARE(movements.constLast().quantity, 4);
    QCOMPARE(m_hook.calls,
             (QStringList{QStringLiteral("paid SO-1"), QStringLiteral("cancelled SO-1")}));
}

void TestShopServices::partialRefundsRoundAndTheLastUnitTakesTheRest()
{
    // A line of 3 units with a net of 10.00: 3.33 + 3.33 + 3.34.
    const Product tea = product(QStringLiteral("TEA"), "4", 10);
    const Customer buyer = customer(QStringLiteral("C1"));
    OrderDraft draft;
    draft.orderNo = QStringLiteral("SO-1");
    draft.customerId = buyer.id;
    draft.date = at("2026-03-01");
    draft.lines = {{tea.id, 3, std::nullopt, yuan("2")}}; // 12 - 2 = 10.00
    const Order created = m_shop->workflow.create(draft);
    const qint64 lineId = created.lines.constFirst().id;
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);

    Order after = m_shop->workflow.refund(QStringLiteral("SO-1"),
                                          {{{lineId, 1}}, false, false, at("2026-03-03"), {}});
    QCOMPARE(after.lines.constFirst().refundedAmount, yuan("3.33"));
    QCOMPARE(after.status, OrderStatus::Paid);
    after = m_shop->workflow.refund(QStringLiteral("SO-1"),
                                    {{{lineId, 1}}, false, false, at("2026-03-03"), {}});
    QCOMPARE(after.lines.constFirst().refundedAmount, yuan("6.66"));
    after = m_shop->workflow.refund(QStringLiteral("SO-1"),
                                    {{{lineId, 1}}, false, false, at("2026-03-04"), {}});
    QCOMPARE(after.lines.constFirst().refundedAmount, yuan("10"));
    QCOMPARE(after.refundedTotal, yuan("10"));
    QCOMPARE(after.status, OrderStatus::Refunded);
    QCOMPARE(stockOf(QStringLiteral("TEA")), 7); // not returned to stock
    QCOMPARE(m_hook.calls.size(), 4);
    QCOMPARE(m_hook.calls.at(1), QStringLiteral("refunded SO-1 3.33"));
    // Two units at once of a 3-unit line: round(10.00 * 2 / 3) = 6.67.
    QCOMPARE(OrderWorkflow::refundAmount(created.lines.constFirst(), 2), yuan("6.67"));
}

void TestShopServices::fullRefundRefundsEveryFenAndReturnsStock()
{
    const Product tea = product(QStringLiteral("TEA"), "9.99", 10);
    const Product cup = product(QStringLiteral("CUP"), "3.33", 10);
    order(customer(QStringLiteral("C1")), {{tea, 3}, {cup, 7}}, "12", QStringLiteral("SO-1"));
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
    m_shop->workflow.complete(QStringLiteral("SO-1"), at("2026-03-05"));
    const Order refunded = m_shop->workflow.refund(QStringLiteral("SO-1"),
                                                   {{}, true, false, at("2026-03-06"), {}});
    QCOMPARE(refunded.status, OrderStatus::Refunded);
    QCOMPARE(refunded.refundedTotal, refunded.goodsTotal()); // every fen, no shipping
    QCOMPARE(stockOf(QStringLiteral("TEA")), 10);
    QCOMPARE(stockOf(QStringLiteral("CUP")), 10);
    QCOMPARE(m_shop->catalog.movements(QStringLiteral("CUP")).constLast().kind,
             StockMovementKind::Return);
}

void TestShopServices::shippingIsRefundedOnlyWhenAsked()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 10);
    const Order created = order(customer(QStringLiteral("C1")), {{tea, 2}}, "8",
                                QStringLiteral("SO-1"));
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
    Order after = m_shop->workflow.refund(
        QStringLiteral("SO-1"),
        {{{created.lines.constFirst().id, 1}}, false, false, at("2026-03-03"), {}});
    QCOMPARE(after.refundedTotal, yuan("10"));
    after = m_shop->workflow.refund(QStringLiteral("SO-1"),
                                    {{}, false, true, at("2026-03-04"), {}});
    QCOMPARE(after.refundedTotal, yuan("28")); // the other unit and the shipping fee
    QCOMPARE(after.shippingRefunded, yuan("8"));
    QCOMPARE(after.status, OrderStatus::Refunded);

    // Only the shipping fee, while every unit stays sold.
    const Order other = order(customer(QStringLiteral("C2")), {{tea, 1}}, "6",
                              QStringLiteral("SO-2"));
    m_shop->workflow.pay(QStringLiteral("SO-2"), at("2026-03-02"), PaymentMethod::WeChat);
    RefundRequest shippingOnly{{}, false, true, at("2026-03-03"), QStringLiteral("late delivery")};
    shippingOnly.shippingOnly = true;
    after = m_shop->workflow.refund(QStringLiteral("SO-2"), shippingOnly);
    QCOMPARE(after.refundedTotal, yuan("6"));
    QCOMPARE(after.lines.constFirst().refundedQuantity, 0);
    QCOMPARE(after.status, OrderStatus::Paid);
    QVERIFY_THROWS_EXCEPTION(InputError,
                             m_shop->workflow.refund(QStringLiteral("SO-2"), shippingOnly));
    Q_UNUSED(other);
}

void TestShopServices::refundThenCancelReturnsOnlyWhatIsLeft()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 10);
    const Order created = order(customer(QStringLiteral("C1")), {{tea, 4}}, "0",
                                QStringLiteral("SO-1"));
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
    m_shop->workflow.refund(
        QStringLiteral("SO-1"),
        {{{created.lines.constFirst().id, 1}}, true, false, at("2026-03-03"), {}});
    QCOMPARE(stockOf(QStringLiteral("TEA")), 7);
    m_shop->workflow.cancel(QStringLiteral("SO-1"), at("2026-03-04"));
    QCOMPARE(stockOf(QStringLiteral("TEA")), 10);
}

void TestShopServices::refundRefusesMoreUnitsThanLeft()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 10);
    const Order created = order(customer(QStringLiteral("C1")), {{tea, 2}}, "0",
                                QStringLiteral("SO-1"));
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-02"), PaymentMethod::WeChat);
    try {
        m_shop->workflow.refund(
            QStringLiteral("SO-1"),
            {{{created.lines.constFirst().id, 3}}, true, false, at("2026-03-03"), {}});
        QFAIL("refunded 3 of 2");
    } catch (const InputError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("2 unit(s)")),
                 qPrintable(error.message()));
    }
    QCOMPARE(count(QStringLiteral("refunds")), 0);
    QCOMPARE(stockOf(QStringLiteral("TEA")), 8);
}

void TestShopServices::movesCannotGoBackInTime()
{
    const Product tea = product(QStringLiteral("TEA"), "10", 10);
    order(customer(QStringLiteral("C1")), {{tea, 1}}, "0", QStringLiteral("SO-1"));
    QVERIFY_THROWS_EXCEPTION(
        InputError,
        m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-02-28"), PaymentMethod::Cash));
    m_shop->workflow.pay(QStringLiteral("SO-1"), at("2026-03-05"), PaymentMethod::Cash);
    QVERIFY_THROWS_EXCEPTION(InputError,
                             m_shop->workflow.complete(QStringLiteral("SO-1"), at("2026-03-04")));
}

// Past SO20260301-9999 the numbers sort before it as text: the next one is still one more than
// the highest, found in a few lookups (was one lookup a number taken).
void TestShopServices::orderNumbersGoPastTenThousandADay()
{
    const Product tea = product(QStringLiteral("TEA"), "10.00", 0);
    const Customer buyer = customer(QStringLiteral("C1"));
    const QString insert = QStringLiteral(
        "INSERT INTO orders (order_no, date, customer_id, status, goods_total, shipping_fee, "
        "notes, created_at, updated_at) VALUES (?, '2026-03-01 10:00:00', ?, 'pending', 0, 0, "
        "'', '2026-03-01 10:00:00', '2026-03-01 10:00:00')");
    const auto take = [&](int from, int to) {
        m_database->inTransaction([&] {
            for (int n = from; n <= to; ++n)
                m_database->run(insert,
                                {QStringLiteral("SO20260301-%1").arg(n, 4, 10, QLatin1Char('0')),
                                 qlonglong(buyer.id)});
        });
    };
    int lookups = 0;
    m_database->setStatementObserver([&](const QString &sql, const QVariantList &) {
        if (sql.contains(QStringLiteral("FROM orders")))
            ++lookups;
    });
    OrderDraft draft;
    draft.date = at("2026-03-01 12:00");
    draft.customerId = buyer.id;
    draft.lines = {{tea.id, 1, std::nullopt, Money()}};
    take(9990, 10010);
    lookups = 0;
    QCOMPARE(m_shop->workflow.create(draft).orderNo, QStringLiteral("SO20260301-10011"));
    QVERIFY2(lookups < 20, qPrintable(QString::number(lookups)));
    take(10012, 12000);
    lookups = 0;
    QCOMPARE(m_shop->workflow.create(draft).orderNo, QStringLiteral("SO20260301-12001"));
    QVERIFY2(lookups < 40, qPrintable(QString::number(lookups))); // was 2,000 and more
    // A day below 10,000 takes the next one at once.
    draft.date = at("2026-03-02 12:00");
    QCOMPARE(m_shop->workflow.create(draft).orderNo, QStringLiteral("SO20260302-0001"));
    m_database->setStatementObserver({});
}

MICROSHOP_TEST_GUILESS_MAIN(TestShopServices)
#include "tst_shopservices.moc"
