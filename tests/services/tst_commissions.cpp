// Commission scenarios written from domain.md by hand, with the expected fen, on the backend of
// $MICROSHOP_TEST_BACKEND. The tree: A <- B <- C <- D (D sells); rates 10 / 5 / 2 %.
#include "Database.h"
#include "DatabaseCheck.h"
#include "ShopServices.h"

#include "Clock.h"
#include "Dates.h"
#include "Error.h"

#include "TestClock.h"
#include "TestDatabases.h"
#include "TestValues.h"

#include <QScopeGuard>
#include <QSqlRecord>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestCommissions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void twoLevelsByDefault();
    void threeLevelsWhenSet();
    void roundingIsPerLine();
    void inactiveBeneficiaryIsSkippedAndNobodyMovesUp();
    void productOverridesIncludingZero();
    void partialRefundsRecomputeOnWhatRemains();
    void cancelAfterPaymentReversesEverything();
    void shippingEarnsNothing();
    void availableOnlyAfterCompletionAndHold();
    void settlementForADayToComeIsRefused();
    void clawbackIsAbsorbedByALaterPayout();
    void moveBetweenPaymentAndRefund();
    void moveRefusesCycles();
    void noDistributorNoCommission();
    void recordTakesTheStepsOfTheMoves_data();
    void recordTakesTheStepsOfTheMoves();

private:
    qint64 add(const QString &code, const QString &upline);
    QString order(const QList<std::pair<QString, qint64>> &lines, const char *shipping = "0");
    // "D:1:10.00, C:2:5.00" — the sum per beneficiary and level on one order, by level.
    QString earned(const QString &orderNo);
    Money balanceOf(const QString &code);

    TestDatabases m_databases;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ShopServices> m_shop;
    qint64 m_customer = 0;
    int m_orders = 0;
};

void TestCommissions::init()
{
    QString why;
    const DatabaseLocation location = m_databases.fresh(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    m_shop = std::make_unique<ShopServices>(*m_database);
    add(QStringLiteral("A"), QString());
    add(QStringLiteral("B"), QStringLiteral("A"));
    add(QStringLiteral("C"), QStringLiteral("B"));
    add(QStringLiteral("D"), QStringLiteral("C"));
    for (const char *sku : {"P", "Q"}) {
        Product product;
        product.sku = QString::fromLatin1(sku);
        product.name = product.sku;
        product.price = yuan("33.33");
        product.stock = 1000;
        m_shop->catalog.create(product, at("2026-01-01"));
    }
    Customer customer;
    customer.code = QStringLiteral("C1");
    customer.name = QStringLiteral("顾客");
    m_customer = m_shop->customerService.create(customer).id;
    m_orders = 0;
}

void TestCommissions::cleanup()
{
    if (m_database && !QTest::currentTestFailed())
        QCOMPARE(DatabaseCheck::findings(*m_database), QStringList());
    m_shop.reset();
    m_database.reset();
}

qint64 TestCommissions::add(const QString &code, const QString &upline)
{
    Distributor distributor;
    distributor.code = code;
    distributor.name = QStringLiteral("分销员 ") + code;
    distributor.joined = QDate(2026, 1, 1);
    if (!upline.isEmpty())
        distributor.uplineId = m_shop->distributorService.distributorByCode(upline).id;
    return m_shop->distributorService.create(distributor).id;
}

QString TestCommissions::order(const QList<std::pair<QString, qint64>> &lines, const char *shipping)
{
    OrderDraft draft;
    draft.orderNo = QStringLiteral("SO-%1").arg(++m_orders);
    draft.date = at("2026-03-01 10:00");
    draft.customerId = m_customer;
    draft.distributorId = m_shop->distributorService.distributorByCode(QStringLiteral("D")).id;
    draft.shippingFee = yuan(shipping);
    for (const auto &[sku, quantity] : lines)
        draft.lines.append({m_shop->catalog.productBySku(sku).id, quantity, std::nullopt, Money()});
    m_shop->workflow.create(draft);
    m_shop->workflow.pay(draft.orderNo, at("2026-03-01 11:00"), PaymentMethod::WeChat);
    return draft.orderNo;
}

QString TestCommissions::earned(const QString &orderNo)
{
    QSqlQuery query = m_database->exec(
        QStringLiteral("SELECT d.code, e.level, sum(e.amount) FROM commission_entries e JOIN "
                       "distributors d ON d.id = e.distributor_id JOIN orders o ON o.id = "
                       "e.order_id WHERE o.order_no = ? GROUP BY d.code, e.level ORDER BY e.level"),
        {orderNo});
    QStringList parts;
    while (query.next())
        parts.append(QStringLiteral("%1:%2:%3")
                         .arg(query.value(0).toString(), query.value(1).toString(),
                              Money::fromMinorUnits(query.value(2).toLongLong()).toString()));
    return parts.join(QStringLiteral(", "));
}

Money TestCommissions::balanceOf(const QString &code)
{
    return Money::fromMinorUnits(
        m_database
            ->scalar(
                QStringLiteral("SELECT COALESCE(sum(e.amount), 0) FROM commission_entries e "
                               "JOIN distributors d ON d.id = e.distributor_id WHERE d.code = ?"),
                {code})
            .toLongLong());
}

void TestCommissions::twoLevelsByDefault()
{
    // 3 x 33.33 = 99.99: D 10 % = 9.999 -> 10.00; C 5 % = 4.9995 -> 5.00; B not paid (2 levels).
    QCOMPARE(earned(order({{QStringLiteral("P"), 3}})), QStringLiteral("D:1:10.00, C:2:5.00"));
}

void TestCommissions::threeLevelsWhenSet()
{
    m_shop->settings.setValue(ShopSettings::commissionLevelsKey, QStringLiteral("3"));
    // B at 2 % of 99.99 = 1.9998 -> 2.00; A is a fourth level: never.
    QCOMPARE(earned(order({{QStringLiteral("P"), 3}})),
             QStringLiteral("D:1:10.00, C:2:5.00, B:3:2.00"));
}

void TestCommissions::roundingIsPerLine()
{
    // Two lines of 0.05 each at 10 %: 0.005 -> 0.01 per line, 0.02 in all (not round(0.01) = 0.01).
    Product cheap;
    cheap.sku = QStringLiteral("FEN");
    cheap.name = QStringLiteral("fen");
    cheap.price = yuan("0.05");
    cheap.stock = 10;
    m_shop->catalog.create(cheap, at("2026-01-01"));
    Product other = cheap;
    other.sku = QStringLiteral("FEN2");
    m_shop->catalog.create(other, at("2026-01-01"));
    // C at 5 %: 0.0025 -> 0.00 per line: nothing recorded for C.
    QCOMPARE(earned(order({{QStringLiteral("FEN"), 1}, {QStringLiteral("FEN2"), 1}})),
             QStringLiteral("D:1:0.02"));
}

void TestCommissions::inactiveBeneficiaryIsSkippedAndNobodyMovesUp()
{
    m_shop->settings.setValue(ShopSettings::commissionLevelsKey, QStringLiteral("3"));
    m_shop->distributorService.setStatus(QStringLiteral("C"), DistributorStatus::Suspended);
    // C (level 2) is skipped; B stays at level 3 with 2 %; A does not move up into level 3.
    QCOMPARE(earned(order({{QStringLiteral("P"), 3}})), QStringLiteral("D:1:10.00, B:3:2.00"));
    m_shop->distributorService.setStatus(QStringLiteral("D"), DistributorStatus::Left);
    QCOMPARE(earned(order({{QStringLiteral("P"), 3}})), QStringLiteral("B:3:2.00"));
    QCOMPARE(m_database
                 ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                         "'distributor.status'"))
                 .toInt(),
             2);
}

void TestCommissions::productOverridesIncludingZero()
{
    Product p = m_shop->catalog.productBySku(QStringLiteral("P"));
    p.rates[0] = Rate::fromBasisPoints(0);   // level 1 pays nothing on P
    p.rates[1] = Rate::fromBasisPoints(750); // level 2: 7.5 %
    m_shop->catalog.update(p);
    // P: D 0; C 7.5 % of 99.99 = 7.49925 -> 7.50. Q (no override): D 10 % of 33.33 = 3.333 -> 3.33,
    // C 5 % = 1.6665 -> 1.67. So D 3.33, C 7.50 + 1.67 = 9.17.
    QCOMPARE(earned(order({{QStringLiteral("P"), 3}, {QStringLiteral("Q"), 1}})),
             QStringLiteral("D:1:3.33, C:2:9.17"));
    QCOMPARE(earned(order({{QStringLiteral("P"), 3}})), QStringLiteral("C:2:7.50"));
}

void TestCommissions::partialRefundsRecomputeOnWhatRemains()
{
    const QString no = order({{QStringLiteral("P"), 3}}); // net 99.99: D 10.00, C 5.00
    const qint64 line = m_shop->workflow.orderByNumber(no).lines.constFirst().id;
    // 1 unit: 33.33 refunded, 66.66 remains: D round(6.666) = 6.67 (-3.33), C round(3.333) = 3.33 (-1.67).
    m_shop->workflow.refund(no, {{{line, 1}}, false, false, at("2026-03-02"), {}});
    QCOMPARE(earned(no), QStringLiteral("D:1:6.67, C:2:3.33"));
    // A reversal is dated when the refund happened, so reports as of a day stay true.
    QCOMPARE(m_database
                 ->scalar(QStringLiteral(
                     "SELECT min(created_at) FROM commission_entries WHERE amount < 0"))
                 .toString(),
             QStringLiteral("2026-03-02 00:00:00"));
    // 1 more: 33.33 remains: D round(3.333) = 3.33 (-3.34), C round(1.6665) = 1.67 (-1.66).
    m_shop->workflow.refund(no, {{{line, 1}}, false, false, at("2026-03-03"), {}});
    QCOMPARE(earned(no), QStringLiteral("D:1:3.33, C:2:1.67"));
    QCOMPARE(m_database
                 ->scalar(QStringLiteral("SELECT amount FROM commission_entries WHERE "
                                         "level = 1 ORDER BY id DESC LIMIT 1"))
                 .toInt(),
             -334);
    // The last unit (the remainder): everything reversed, to the fen.
    m_shop->workflow.refund(no, {{}, false, false, at("2026-03-04"), {}});
    QCOMPARE(earned(no), QStringLiteral("D:1:0.00, C:2:0.00"));
    // 2 commissions, then 2 reversals for each of the 3 refunds: the ledger only ever appends.
    QCOMPARE(m_database->scalar(QStringLiteral("SELECT count(*) FROM commission_entries")).toInt(),
             2 + 3 * 2);
}

void TestCommissions::cancelAfterPaymentReversesEverything()
{
    const QString no = order({{QStringLiteral("P"), 2}, {QStringLiteral("Q"), 5}});
    m_shop->workflow.cancel(no, at("2026-03-02"));
    QCOMPARE(earned(no), QStringLiteral("D:1:0.00, C:2:0.00"));
    QCOMPARE(balanceOf(QStringLiteral("D")), Money());
}

void TestCommissions::shippingEarnsNothing()
{
    QCOMPARE(earned(order({{QStringLiteral("P"), 3}}, "100")),
             QStringLiteral("D:1:10.00, C:2:5.00"));
}

void TestCommissions::availableOnlyAfterCompletionAndHold()
{
    const QString no = order({{QStringLiteral("P"), 3}});
    // Not completed: never available, whatever the date (up to today: never a day to come).
    QVERIFY(m_shop->ledger.previewSettlement(Dates::today()).isEmpty());
    m_shop->workflow.complete(no, at("2026-03-05 18:00")); // hold 7 days: available 2026-03-12
    QVERIFY(m_shop->ledger.previewSettlement(QDate(2026, 3, 11)).isEmpty());
    QVERIFY(m_shop->ledger.settle(QDate(2026, 3, 11)).isEmpty());
    const QList<Payout> payouts = m_shop->ledger.settle(QDate(2026, 3, 12));
    QCOMPARE(payouts.size(), 2);
    QCOMPARE(payouts.at(0).code, QStringLiteral("C"));
    QCOMPARE(payouts.at(0).amount, yuan("5"));
    QCOMPARE(payouts.at(1).amount, yuan("10"));
    QVERIFY(m_shop->ledger.settle(Dates::today()).isEmpty()); // nothing twice
}

// A settlement up to a day still to come is refused, previewed or run, and pays nothing: it
// would pay what the hold days still protect.
void TestCommissions::settlementForADayToComeIsRefused()
{
    const QString no = order({{QStringLiteral("P"), 3}});
    m_shop->workflow.complete(no, at("2026-03-05 18:00")); // available 2026-03-12
    const QDate tomorrow = Dates::today().addDays(1);
    QVERIFY_THROWS_EXCEPTION(InputError, m_shop->ledger.previewSettlement(tomorrow));
    try {
        m_shop->ledger.settle(tomorrow);
        QFAIL("a settlement for tomorrow was made");
    } catch (const InputError &error) {
        QVERIFY2(error.message().contains(Dates::toText(tomorrow)), qPrintable(error.message()));
    }
    QCOMPARE(m_database->scalar(QStringLiteral("SELECT count(*) FROM payouts")).toInt(), 0);
    QCOMPARE(m_shop->ledger.settle(Dates::today()).size(), 2);
}

void TestCommissions::clawbackIsAbsorbedByALaterPayout()
{
    // The story runs to the end of April: today is after it, or April's settlement would be for
    // a day to come, whatever instant the suite runs at.
    const std::optional<QDateTime> suiteInstant = Clock::fixedInstant();
    const auto restore = qScopeGuard(
        [suiteInstant] { Clock::setFixedInstant(suiteInstant.value_or(QDateTime())); });
    Clock::setFixedInstant(*Clock::parseInstant(QStringLiteral("2026-05-01T12:00:00+08:00")));
    const QString first = order({{QStringLiteral("P"), 3}});
    m_shop->workflow.complete(first, at("2026-03-05"));
    QCOMPARE(m_shop->ledger.settle(QDate(2026, 3, 12)).size(), 2); // D is paid 10.00
    // A full refund after the payout: D owes 10.00 back.
    m_shop->workflow.refund(first, {{}, true, false, at("2026-03-20"), {}});
    QCOMPARE(balanceOf(QStringLiteral("D")), Money());
    QVERIFY(m_shop->ledger.previewSettlement(QDate(2026, 4, 30)).isEmpty()); // -10: no payout
    // A later sale of 5 x 33.33 = 166.65: D earns 16.67 (16.665 half up); C 8.33.
    const QString second = order({{QStringLiteral("P"), 5}});
    m_shop->workflow.complete(second, at("2026-04-01"));
    const QList<Payout> payouts = m_shop->ledger.settle(
        QDate(2026, 4, 30), m_shop->distributorService.distributorByCode(QStringLiteral("D")).id);
    QCOMPARE(payouts.size(), 1);
    QCOMPARE(payouts.constFirst().amount, yuan("6.67")); // 16.67 less the 10.00 clawed back
    QCOMPARE(payouts.constFirst().entries, 2);
}

void TestCommissions::moveBetweenPaymentAndRefund()
{
    const QString no = order({{QStringLiteral("P"), 3}}); // C earned at level 2
    m_shop->distributorService.move(QStringLiteral("D"),
                                    QStringLiteral("A")); // now A is D's upline
    QCOMPARE(m_database
                 ->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = "
                                         "'distributor.move'"))
                 .toString(),
             QStringLiteral("C -> A"));
    m_shop->workflow.refund(no, {{}, false, false, at("2026-03-02"), {}});
    // The reversal goes to who earned (C), not to the new upline.
    QCOMPARE(earned(no), QStringLiteral("D:1:0.00, C:2:0.00"));
    QCOMPARE(balanceOf(QStringLiteral("A")), Money());
    // Orders paid after the move earn along the new tree.
    QCOMPARE(earned(order({{QStringLiteral("P"), 3}})), QStringLiteral("D:1:10.00, A:2:5.00"));
}

void TestCommissions::moveRefusesCycles()
{
    try {
        m_shop->distributorService.move(QStringLiteral("B"), QStringLiteral("D"));
        QFAIL("made a cycle");
    } catch (const InputError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("cycle")), qPrintable(error.message()));
    }
    QVERIFY_THROWS_EXCEPTION(
        InputError, m_shop->distributorService.move(QStringLiteral("B"), QStringLiteral("B")));
    QCOMPARE(m_shop->distributorService.distributorByCode(QStringLiteral("B")).uplineId,
             m_shop->distributorService.distributorByCode(QStringLiteral("A")).id);
    // A legal move keeps the closure and depths right for the whole team.
    m_shop->distributorService.move(QStringLiteral("C"), QString()); // C and D become a tree
    QCOMPARE(m_shop->distributorService.distributorByCode(QStringLiteral("C")).depth, 1);
    QCOMPARE(m_shop->distributorService.distributorByCode(QStringLiteral("D")).depth, 2);
    QCOMPARE(m_shop->distributorRepository.teamSize(
                 m_shop->distributorService.distributorByCode(QStringLiteral("A")).id),
             1);
    m_shop->distributorService.move(QStringLiteral("C"), QStringLiteral("A"));
    QCOMPARE(m_shop->distributorService.distributorByCode(QStringLiteral("D")).depth, 3);
    QCOMPARE(m_shop->distributorRepository.teamSize(
                 m_shop->distributorService.distributorByCode(QStringLiteral("A")).id),
             3);
    // A <- B and A <- C <- D: 4 pairs of each with itself, and (A,B) (A,C) (A,D) (C,D).
    QCOMPARE(m_database->scalar(QStringLiteral("SELECT count(*) FROM distributor_closure")).toInt(),
             4 + 4);
}

void TestCommissions::noDistributorNoCommission()
{
    OrderDraft draft;
    draft.orderNo = QStringLiteral("SO-X");
    draft.date = at("2026-03-01");
    Customer other;
    other.code = QStringLiteral("C2");
    other.name = QStringLiteral("散客");
    draft.customerId = m_shop->customerService.create(other).id;
    draft.lines = {
        {m_shop->catalog.productBySku(QStringLiteral("P")).id, 1, std::nullopt, Money()}};
    m_shop->workflow.create(draft);
    m_shop->workflow.pay(QStringLiteral("SO-X"), at("2026-03-01"), PaymentMethod::Cash);
    QCOMPARE(earned(QStringLiteral("SO-X")), QString());
}

void TestCommissions::recordTakesTheStepsOfTheMoves_data()
{
    QTest::addColumn<QStringList>("steps"); // pay, ship, complete, cancel, as an import has them
    QTest::newRow("pending") << QStringList{};
    QTest::newRow("paid") << QStringList{QStringLiteral("pay")};
    QTest::newRow("shipped") << QStringList{QStringLiteral("pay"), QStringLiteral("ship")};
    QTest::newRow("completed") << QStringList{QStringLiteral("pay"), QStringLiteral("ship"),
                                              QStringLiteral("complete")};
    QTest::newRow("completed unshipped")
        << QStringList{QStringLiteral("pay"), QStringLiteral("complete")};
    QTest::newRow("cancelled unpaid") << QStringList{QStringLiteral("cancel")};
    QTest::newRow("cancelled paid") << QStringList{QStringLiteral("pay"), QStringLiteral("cancel")};
}

void TestCommissions::recordTakesTheStepsOfTheMoves()
{
    QFETCH(QStringList, steps);
    // Three levels, C suspended (skipped, nobody moves up), Q earning its own level-1 rate.
    m_shop->settings.setValue(ShopSettings::commissionLevelsKey, QStringLiteral("3"));
    m_shop->distributorService.setStatus(QStringLiteral("C"), DistributorStatus::Suspended);
    Product q = m_shop->catalog.productBySku(QStringLiteral("Q"));
    q.rates[0] = Rate::fromBasisPoints(1250);
    m_shop->catalog.update(q);
    const auto draftOf = [this, &q](const QString &orderNo, qint64 customerId) {
        OrderDraft draft;
        draft.orderNo = orderNo;
        draft.date = at("2026-03-01 10:00");
        draft.customerId = customerId;
        draft.distributorId = m_shop->distributorService.distributorByCode(QStringLiteral("D")).id;
        draft.shippingFee = yuan("8.00");
        draft.lines.append(
            {m_shop->catalog.productBySku(QStringLiteral("P")).id, 2, std::nullopt, yuan("1.01")});
        draft.lines.append({q.id, 3, yuan("19.99"), Money()});
        return draft;
    };
    const auto newCustomer = [this](const QString &code) {
        Customer customer;
        customer.code = code;
        customer.name = QStringLiteral("顾客 ") + code;
        customer.addresses.append({0, QStringLiteral("李娜"), QStringLiteral("13900000000"),
                                   QStringLiteral("浙江省"), QStringLiteral("杭州市"),
                                   QStringLiteral("西湖区"), QStringLiteral("文三路2号"), true});
        return m_shop->customerService.create(customer).id;
    };
    const QDateTime paid = at("2026-03-01 11:00");
    const QDateTime shipped = at("2026-03-02 09:00");
    const QDateTime completed = at("2026-03-05 18:00");
    const QDateTime cancelled = at("2026-03-01 12:00");

    // One order moved step by step, the same one recorded with its history.
    OrderWorkflow &workflow = m_shop->workflow;
    const OrderDraft moved = draftOf(QStringLiteral("SO-M"), newCustomer(QStringLiteral("CM")));
    workflow.create(moved);
    OrderHistory history;
    for (const QString &step : std::as_const(steps)) {
        if (step == u"pay") {
            workflow.pay(moved.orderNo, paid, PaymentMethod::Other);
            history.paidAt = paid;
        } else if (step == u"ship") {
            workflow.ship(moved.orderNo, QStringLiteral("顺丰"), QStringLiteral("SF1"), shipped);
            history.shippedAt = shipped;
            history.courier = QStringLiteral("顺丰");
            history.tracking = QStringLiteral("SF1");
        } else if (step == u"complete") {
            workflow.complete(moved.orderNo, completed);
            history.completedAt = completed;
        } else {
            workflow.cancel(moved.orderNo, cancelled);
            history.cancelledAt = cancelled;
        }
    }
    const Order recorded = workflow.record(
        draftOf(QStringLiteral("SO-R"), newCustomer(QStringLiteral("CR"))), history);
    QCOMPARE(recorded.orderNo, QStringLiteral("SO-R"));

    // Everything either wrote about its order, the order's number and customer left out.
    const auto written = [this](const QString &orderNo) {
        const QStringList queries = {
            QStringLiteral("SELECT o.status, o.date, o.goods_total, o.shipping_fee, o.paid_at, "
                           "o.shipped_at, o.completed_at, o.cancelled_at, o.refunded_total, "
                           "d.code FROM orders o "
                           "JOIN distributors d ON d.id = o.distributor_id WHERE o.id = ?"),
            QStringLiteral("SELECT line_no, product_id, quantity, unit_price, unit_cost, "
                           "discount, net FROM order_lines WHERE order_id = ? ORDER BY line_no"),
            QStringLiteral("SELECT method, paid_at, amount FROM payments WHERE order_id = ?"),
            QStringLiteral("SELECT courier, tracking, shipped_at, receiver, phone, province, "
                           "city, district, detail FROM shipments WHERE order_id = ?"),
            QStringLiteral("SELECT product_id, moved_at, kind, quantity FROM stock_movements "
                           "WHERE order_id = ? ORDER BY id"),
            QStringLiteral("SELECT l.line_no, b.level, d.code, b.rate FROM commission_basis b "
                           "JOIN order_lines l ON l.id = b.order_line_id JOIN distributors d ON "
                           "d.id = b.distributor_id WHERE l.order_id = ? ORDER BY l.line_no, "
                           "b.level"),
            QStringLiteral("SELECT d.code, e.level, e.kind, e.amount, e.created_at, "
                           "e.available_on FROM commission_entries e JOIN distributors d ON d.id "
                           "= e.distributor_id WHERE e.order_id = ? ORDER BY e.id"),
            QStringLiteral("SELECT c.distributor_id, c.last_order_date FROM customers c JOIN "
                           "orders o ON o.customer_id = c.id WHERE o.id = ?"),
        };
        const QVariant id = m_database->scalar(
            QStringLiteral("SELECT id FROM orders WHERE order_no = ?"), {orderNo});
        QStringList rows;
        for (const QString &sql : queries) {
            QSqlQuery query = m_database->exec(sql, {id});
            while (query.next()) {
                QStringList values;
                for (int column = 0; column < query.record().count(); ++column)
                    values.append(query.value(column).toString());
                rows.append(values.join(u'|'));
            }
            rows.append(QStringLiteral("--"));
        }
        rows.append(m_database
                        ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE "
                                                "entity_id = ? OR details LIKE ?"),
                                 {orderNo, QString(QStringLiteral("%(order ") + orderNo + u')')})
                        .toString());
        return rows;
    };
    const QStringList expected = written(moved.orderNo);
    QVERIFY(expected.size() > 10);
    QCOMPARE(written(QStringLiteral("SO-R")), expected);
}

MICROSHOP_TEST_GUILESS_MAIN(TestCommissions)
#include "tst_commissions.moc"
