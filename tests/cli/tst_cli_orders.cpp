// `microshop-cli order ...` as scripts use it: each move, its refusals (exit 1, nothing changed)
// and refunds by SKU:QTY, on the backend of $MICROSHOP_TEST_BACKEND.
#include "Dates.h"

#include "ShopFixture.h"
#include "TestClock.h"

#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestCliOrders : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void payShipCompleteThroughTheCommandLine();
    void refusedMovesExitOneAndChangeNothing();
    void payWithoutStockNamesSkuStockAndQuantity();
    void refundBySkuAndQuantity();
    void cancelAPaidOrderPutsStockBack();
    void badOptionsAreUsageErrors();

private:
    CliResult order(const QStringList &arguments)
    {
        return m_fixture.cli(QStringList{QStringLiteral("order")} + arguments);
    }
    qint64 stockOf(const QString &sku)
    {
        return m_fixture.services().catalog.productBySku(sku).stock;
    }

    ShopFixture m_fixture;
};

void TestCliOrders::init()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    ShopServices &shop = m_fixture.services();
    const QDateTime start = *Dates::parseDateTime(u"2026-03-01 09:00");
    Product tea;
    tea.sku = QStringLiteral("TEA-01");
    tea.name = QStringLiteral("普洱");
    tea.price = *Money::parse(u"4");
    tea.stock = 5;
    shop.catalog.create(tea, start);
    Customer buyer;
    buyer.code = QStringLiteral("C1");
    buyer.name = QStringLiteral("张伟");
    buyer = shop.customerService.create(buyer);
    OrderDraft draft;
    draft.orderNo = QStringLiteral("SO-1");
    draft.date = start;
    draft.customerId = buyer.id;
    draft.shippingFee = *Money::parse(u"6");
    // 3 units at 4.00 less 2.00: a net of 10.00.
    draft.lines = {{shop.catalog.productBySku(QStringLiteral("TEA-01")).id, 3, std::nullopt,
                    *Money::parse(u"2")}};
    shop.workflow.create(draft);
}

void TestCliOrders::cleanup()
{
    m_fixture.closeShop();
}

void TestCliOrders::payShipCompleteThroughTheCommandLine()
{
    CliResult paid = order({QStringLiteral("pay"), QStringLiteral("SO-1"),
                            QStringLiteral("--method"), QStringLiteral("alipay"),
                            QStringLiteral("--date"), QStringLiteral("2026-03-01")});
    QVERIFY2(paid.status == 0, qPrintable(paid.err));
    QCOMPARE(paid.out, QStringLiteral("Order SO-1 is paid (total 16.00, refunded 0.00).\n"));
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 2);
    // A date alone on the order's own day keeps the order's time.
    const Order stored = m_fixture.services().workflow.orderByNumber(QStringLiteral("SO-1"));
    QCOMPARE(Dates::toText(*stored.paidAt), QStringLiteral("2026-03-01 09:00:00"));
    QCOMPARE(stored.payment->method, PaymentMethod::Alipay);

    CliResult shipped = order({QStringLiteral("ship"), QStringLiteral("SO-1"),
                               QStringLiteral("--courier"), QStringLiteral("顺丰速运"),
                               QStringLiteral("--tracking=SF123"), QStringLiteral("--date"),
                               QStringLiteral("2026-03-02")});
    QVERIFY2(shipped.status == 0, qPrintable(shipped.err));
    CliResult completed = order({QStringLiteral("complete"), QStringLiteral("SO-1"),
                                 QStringLiteral("--date"), QStringLiteral("2026-03-05 18:30")});
    QVERIFY2(completed.status == 0, qPrintable(completed.err));
    const Order done = m_fixture.services().workflow.orderByNumber(QStringLiteral("SO-1"));
    QCOMPARE(done.status, OrderStatus::Completed);
    QCOMPARE(done.shipment->courier, QStringLiteral("顺丰速运"));
    QCOMPARE(Dates::toText(*done.completedAt), QStringLiteral("2026-03-05 18:30:00"));
}

void TestCliOrders::refusedMovesExitOneAndChangeNothing()
{
    const CliResult ship = order({QStringLiteral("ship"), QStringLiteral("SO-1"),
                                  QStringLiteral("--courier"), QStringLiteral("EMS"),
                                  QStringLiteral("--tracking"), QStringLiteral("E1")});
    QCOMPARE(ship.status, 1);
    QVERIFY2(ship.err.contains(QStringLiteral("SO-1"))
                 && ship.err.contains(QStringLiteral("pending"))
                 && ship.err.contains(QStringLiteral("shipped")),
             qPrintable(ship.err));
    QCOMPARE(ship.err.count(u'\n'), 1);
    const CliResult unknown = order({QStringLiteral("pay"), QStringLiteral("SO-404")});
    QCOMPARE(unknown.status, 1);
    QVERIFY(unknown.err.contains(QStringLiteral("no order SO-404")));
    const CliResult early = order({QStringLiteral("pay"), QStringLiteral("SO-1"),
                                   QStringLiteral("--date"), QStringLiteral("2026-02-27")});
    QCOMPARE(early.status, 1);
    QCOMPARE(m_fixture.services().workflow.orderByNumber(QStringLiteral("SO-1")).status,
             OrderStatus::Pending);
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 5);
}

void TestCliOrders::payWithoutStockNamesSkuStockAndQuantity()
{
    m_fixture.services().catalog.stocktake(QStringLiteral("TEA-01"), 2,
                                           *Dates::parseDateTime(u"2026-03-01 09:30"),
                                           QStringLiteral("broken"));
    const CliResult refused = order({QStringLiteral("pay"), QStringLiteral("SO-1")});
    QCOMPARE(refused.status, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("TEA-01"))
                 && refused.err.contains(QStringLiteral("2 in stock"))
                 && refused.err.contains(QStringLiteral("3 asked for")),
             qPrintable(refused.err));
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 2);
    QCOMPARE(m_fixture.services().workflow.orderByNumber(QStringLiteral("SO-1")).status,
             OrderStatus::Pending);
}

void TestCliOrders::refundBySkuAndQuantity()
{
    QCOMPARE(order({QStringLiteral("pay"), QStringLiteral("SO-1")}).status, 0);
    CliResult one = order({QStringLiteral("refund"), QStringLiteral("SO-1"),
                           QStringLiteral("--lines"), QStringLiteral("TEA-01:1"),
                           QStringLiteral("--restock")});
    QVERIFY2(one.status == 0, qPrintable(one.err));
    QCOMPARE(one.out, QStringLiteral("Order SO-1 is paid (total 16.00, refunded 3.33).\n"));
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 3);
    const CliResult tooMany = order({QStringLiteral("refund"), QStringLiteral("SO-1"),
                                     QStringLiteral("--lines"), QStringLiteral("TEA-01:3")});
    QCOMPARE(tooMany.status, 1);
    QVERIFY2(tooMany.err.contains(QStringLiteral("only 2 unit(s)")), qPrintable(tooMany.err));
    const CliResult wrongSku = order({QStringLiteral("refund"), QStringLiteral("SO-1"),
                                      QStringLiteral("--lines"), QStringLiteral("CUP:1")});
    QCOMPARE(wrongSku.status, 1);
    // No --lines: everything left, and the shipping fee when asked.
    CliResult rest = order(
        {QStringLiteral("refund"), QStringLiteral("SO-1"), QStringLiteral("--shipping")});
    QVERIFY2(rest.status == 0, qPrintable(rest.err));
    QCOMPARE(rest.out, QStringLiteral("Order SO-1 is refunded (total 16.00, refunded 16.00).\n"));
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 3); // the last two were not returned
}

void TestCliOrders::cancelAPaidOrderPutsStockBack()
{
    QCOMPARE(order({QStringLiteral("pay"), QStringLiteral("SO-1")}).status, 0);
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 2);
    const CliResult cancelled = order({QStringLiteral("cancel"), QStringLiteral("SO-1")});
    QVERIFY2(cancelled.status == 0, qPrintable(cancelled.err));
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 5);
}

void TestCliOrders::badOptionsAreUsageErrors()
{
    QCOMPARE(order({QStringLiteral("pay"), QStringLiteral("SO-1"), QStringLiteral("--courier"),
                    QStringLiteral("x")})
                 .status,
             2);
    QCOMPARE(order({QStringLiteral("ship"), QStringLiteral("SO-1")}).status, 2);
    QCOMPARE(order({QStringLiteral("fly"), QStringLiteral("SO-1")}).status, 2);
    QCOMPARE(order({QStringLiteral("pay")}).status, 2);
    const CliResult method = order({QStringLiteral("pay"), QStringLiteral("SO-1"),
                                    QStringLiteral("--method"), QStringLiteral("bitcoin")});
    QCOMPARE(method.status, 1);
    const CliResult date = order({QStringLiteral("pay"), QStringLiteral("SO-1"),
                                  QStringLiteral("--date"), QStringLiteral("03/01/2026")});
    QCOMPARE(date.status, 1);
    QVERIFY(date.err.contains(QStringLiteral("YYYY-MM-DD")));
    QCOMPARE(m_fixture.services().workflow.orderByNumber(QStringLiteral("SO-1")).status,
             OrderStatus::Pending);
}

MICROSHOP_TEST_GUILESS_MAIN(TestCliOrders)
#include "tst_cli_orders.moc"
