// `microshop-cli export shipping` and `import shipments` (platforms.md "Shipping in batches"): the
// courier batch file holds exactly the paid, unshipped orders with their receiver and items; the
// tracking file back ships every order it lists, found by MicroShop's number or the platform's,
// the courier by its code or a name; and every bad line is reported as FILE:LINE:COLUMN with
// nothing shipped; on the backend of $MICROSHOP_TEST_BACKEND.
#include "Courier.h"
#include "Database.h"
#include "Dates.h"
#include "ExportSource.h"
#include "ShopExporter.h"

#include "ShopFixture.h"
#include "TestClock.h"

#include <QBuffer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestCliShipments : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void couriersByNameAndCode();
    void exportHoldsThePaidUnshippedOrders();
    void exportOfASelectionKeepsItsOrder();
    void shipsByOurNumberAndThePlatformsNumber();
    void shippedAtDefaultsToNow();
    void badLinesAreAllReportedAndNothingShips_data();
    void badLinesAreAllReportedAndNothingShips();
    void everyBadLineIsReported();
    void batchFileReadsBack();
    void workbookIsReadToo();
    void badCommandLinesAreUsageErrors();

private:
    qint64 addOrder(const QString &orderNo, const QString &customer,
                    const QList<std::pair<QString, qint64>> &lines, const QString &notes = {},
                    const QString &youzanNo = {});
    QString write(const QString &name, const QString &text);
    CliResult importShipments(const QString &file)
    {
        return m_fixture.cli({QStringLiteral("import"), QStringLiteral("shipments"), file});
    }
    Order order(const QString &orderNo)
    {
        return m_fixture.services().workflow.orderByNumber(orderNo);
    }
    qint64 count(const QString &table)
    {
        return m_fixture.database()
            .scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table))
            .toLongLong();
    }
    qint64 stockOf(const QString &sku)
    {
        return m_fixture.services().catalog.productBySku(sku).stock;
    }

    ShopFixture m_fixture;
    QHash<QString, qint64> m_ids; // order number -> id
};

qint64 TestCliShipments::addOrder(const QString &orderNo, const QString &customer,
                                  const QList<std::pair<QString, qint64>> &lines,
                                  const QString &notes, const QString &youzanNo)
{
    ShopServices &shop = m_fixture.services();
    OrderDraft draft;
    draft.orderNo = orderNo;
    draft.date = *Dates::parseDateTime(u"2026-03-01 09:00");
    draft.customerId = shop.customerService.customerByCode(customer).id;
    draft.notes = notes;
    for (const auto &[sku, quantity] : lines)
        draft.lines.append({shop.catalog.productBySku(sku).id, quantity, std::nullopt, Money()});
    if (!youzanNo.isEmpty()) {
        draft.platform = Platform::Youzan;
        draft.platformNo = youzanNo;
    }
    const qint64 id = shop.workflow.create(draft).id;
    m_ids.insert(orderNo, id);
    return id;
}

// A small shop. Paid and not shipped: SO-1 (张伟, with an address), SO-2 (李娜, none; Youzan
// E2026030100002), SO-8 (one of its three units refunded). Left out: SO-3 pending, SO-4 shipped,
// SO-5 cancelled, SO-6 refunded, SO-7 completed.
void TestCliShipments::init()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    m_ids.clear();
    ShopServices &shop = m_fixture.services();
    const QDateTime created = *Dates::parseDateTime(u"2026-02-01 09:00");
    Product tea;
    tea.sku = QStringLiteral("TEA-01");
    tea.name = QStringLiteral("普洱");
    tea.price = *Money::parse(u"4");
    tea.stock = 40;
    shop.catalog.create(tea, created);
    Product cup;
    cup.sku = QStringLiteral("CUP-02");
    cup.name = QStringLiteral("茶杯");
    cup.price = *Money::parse(u"10");
    cup.stock = 20;
    shop.catalog.create(cup, created);
    Customer zhang;
    zhang.code = QStringLiteral("C1");
    zhang.name = QStringLiteral("张伟");
    zhang.phone = QStringLiteral("13800000001");
    Address home;
    home.receiver = QStringLiteral("张伟");
    home.phone = QStringLiteral("13800138000");
    home.province = QStringLiteral("广东省");
    home.city = QStringLiteral("深圳市");
    home.district = QStringLiteral("南山区");
    home.detail = QStringLiteral("科技园南区1号");
    home.isDefault = true;
    zhang.addresses = {home};
    shop.customerService.create(zhang);
    Customer li;
    li.code = QStringLiteral("C2");
    li.name = QStringLiteral("李娜");
    li.phone = QStringLiteral("13900000002");
    shop.customerService.create(li);

    const auto tea1 = [](qint64 n) { return std::pair{QStringLiteral("TEA-01"), n}; };
    const auto cup1 = [](qint64 n) { return std::pair{QStringLiteral("CUP-02"), n}; };
    // SO-2 made first: the file is in order-number order, not in the order made.
    addOrder(QStringLiteral("SO-2"), QStringLiteral("C2"), {tea1(3)}, {},
             QStringLiteral("E2026030100002"));
    addOrder(QStringLiteral("SO-1"), QStringLiteral("C1"), {tea1(2), cup1(1)},
             QStringLiteral("易碎,轻放"));
    addOrder(QStringLiteral("SO-3"), QStringLiteral("C1"), {tea1(1)});
    addOrder(QStringLiteral("SO-4"), QStringLiteral("C1"), {tea1(1)});
    addOrder(QStringLiteral("SO-5"), QStringLiteral("C2"), {cup1(1)});
    addOrder(QStringLiteral("SO-6"), QStringLiteral("C1"), {cup1(2)});
    addOrder(QStringLiteral("SO-7"), QStringLiteral("C1"), {tea1(1)});
    addOrder(QStringLiteral("SO-8"), QStringLiteral("C2"), {tea1(3)});
    const QDateTime paid = *Dates::parseDateTime(u"2026-03-01 10:00");
    for (const char *number : {"SO-1", "SO-2", "SO-4", "SO-5", "SO-6", "SO-7", "SO-8"})
        shop.workflow.pay(QString::fromLatin1(number), paid, PaymentMethod::WeChat);
    const QDateTime later = *Dates::parseDateTime(u"2026-03-02 10:00");
    shop.workflow.ship(QStringLiteral("SO-4"), QStringLiteral("中通快递"),
                       QStringLiteral("ZT000111"), later);
    shop.workflow.cancel(QStringLiteral("SO-5"), later);
    RefundRequest everything;
    everything.at = later;
    everything.restock = true;
    shop.workflow.refund(QStringLiteral("SO-6"), everything);
    shop.workflow.complete(QStringLiteral("SO-7"), later);
    RefundRequest one;
    one.at = later;
    one.restock = true;
    one.lines = {{order(QStringLiteral("SO-8")).lines.at(0).id, 1}};
    shop.workflow.refund(QStringLiteral("SO-8"), one);
    QCOMPARE(order(QStringLiteral("SO-8")).status, OrderStatus::Paid);
}

void TestCliShipments::cleanup()
{
    m_fixture.closeShop();
}

QString TestCliShipments::write(const QString &name, const QString &text)
{
    const QString path = m_fixture.scratchPath(name);
    [&] { QVERIFY(writeFile(path, text.toUtf8())); }();
    return path;
}

void TestCliShipments::couriersByNameAndCode()
{
    QCOMPARE(Couriers::all().size(), 9);
    QCOMPARE(Couriers::canonicalName(QStringLiteral("sf")), QStringLiteral("顺丰速运"));
    QCOMPARE(Couriers::canonicalName(QStringLiteral(" 顺丰 ")), QStringLiteral("顺丰速运"));
    QCOMPARE(Couriers::canonicalName(QStringLiteral("中通")), QStringLiteral("中通快递"));
    QCOMPARE(Couriers::canonicalName(QStringLiteral("yunda")), QStringLiteral("韵达快递"));
    QCOMPARE(Couriers::canonicalName(QStringLiteral("Jtsd")), QStringLiteral("极兔速递"));
    QCOMPARE(Couriers::canonicalName(QStringLiteral("中国邮政")), QStringLiteral("邮政EMS"));
    QCOMPARE(Couriers::canonicalName(QStringLiteral("ems")), QStringLiteral("邮政EMS"));
    QCOMPARE(Couriers::canonicalName(QStringLiteral("京东物流")), QStringLiteral("京东快递"));
    QCOMPARE(Couriers::canonicalName(QStringLiteral("DBL")), QStringLiteral("德邦快递"));
    QCOMPARE(Couriers::find(QStringLiteral("STO"))->name, QStringLiteral("申通快递"));
    QCOMPARE(Couriers::find(QStringLiteral("圆通速递"))->code, QStringLiteral("YTO"));
    // Anything else is kept as typed.
    QVERIFY(!Couriers::find(QStringLiteral("安能物流")));
    QCOMPARE(Couriers::canonicalName(QStringLiteral(" 安能物流 ")), QStringLiteral("安能物流"));
    QVERIFY(!Couriers::find(QString()));
}

void TestCliShipments::exportHoldsThePaidUnshippedOrders()
{
    const QString file = m_fixture.scratchPath(QStringLiteral("shipping.csv"));
    const CliResult exported = m_fixture.cli(
        {QStringLiteral("export"), QStringLiteral("shipping"), file});
    QVERIFY2(exported.status == 0, qPrintable(exported.err));
    QCOMPARE(exported.out, QStringLiteral("Exported 3 row(s) of shipping to %1.\n").arg(file));
    const QByteArray expected
        = QByteArrayLiteral("\xEF\xBB\xBF")
          + QStringLiteral(
                "order_no,receiver,phone,province,city,district,address,items,quantity,weight_kg,"
                "notes\r\n"
                "SO-1,张伟,13800138000,广东省,深圳市,南山区,科技园南区1号,普洱×2;茶杯×1,3,,"
                "\"易碎,轻放\"\r\n"
                "SO-2,李娜,13900000002,,,,,普洱×3,3,,\r\n"
                "SO-8,李娜,13900000002,,,,,普洱×2,2,,\r\n")
                .toUtf8();
    QCOMPARE(readFile(file), expected);

    // To standard output, without the byte-order mark.
    const CliResult printed = m_fixture.cli(
        {QStringLiteral("export"), QStringLiteral("shipping"), QStringLiteral("-")});
    QCOMPARE(printed.status, 0);
    QCOMPARE(printed.out.toUtf8(), expected.mid(3));
}

void TestCliShipments::exportOfASelectionKeepsItsOrder()
{
    // The Orders page's batch action: the ids in the list's order; SO-3 (pending), SO-4
    // (shipped) and an unknown id left out and counted.
    const QList<qint64> ids = {m_ids.value(QStringLiteral("SO-8")),
                               m_ids.value(QStringLiteral("SO-3")),
                               m_ids.value(QStringLiteral("SO-1")),
                               m_ids.value(QStringLiteral("SO-4")),
                               987654,
                               m_ids.value(QStringLiteral("SO-2"))};
    ShippingSelection selection(m_fixture.shop().context.exports, ids);
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QCOMPARE(ShopExporter(selection).exportTo(ExportKind::Shipping, &buffer, false), 3);
    QCOMPARE(selection.leftOut(), 3);
    const QStringList lines = QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 5); // the header, three orders, the empty end
    QVERIFY(lines.at(1).startsWith(QStringLiteral("SO-8,")));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("SO-1,张伟,")));
    QVERIFY(lines.at(3).startsWith(QStringLiteral("SO-2,")));

    // More ids than one query takes (500): still in the order given, none twice.
    QList<qint64> many;
    for (int i = 0; i < 1200; ++i)
        many.append(100000 + i);
    many.insert(700, m_ids.value(QStringLiteral("SO-2")));
    many.insert(3, m_ids.value(QStringLiteral("SO-1")));
    ShippingSelection large(m_fixture.shop().context.exports, many);
    QStringList numbers;
    large.read(ExportKind::Shipping, [&](const QStringList &row) {
        numbers.append(row.at(0));
        return true;
    });
    QCOMPARE(numbers, (QStringList{QStringLiteral("SO-1"), QStringLiteral("SO-2")}));
    QCOMPARE(large.leftOut(), 1200);
}

void TestCliShipments::shipsByOurNumberAndThePlatformsNumber()
{
    const qint64 teaBefore = stockOf(QStringLiteral("TEA-01"));
    const qint64 shipmentsBefore = count(QStringLiteral("shipments"));
    const QString file = write(QStringLiteral("tracking.csv"),
                               QStringLiteral("order_no,courier,tracking,shipped_at\n"
                                              "SO-1,sf,SF1234567890,2026-03-03 15:30\n"
                                              "E2026030100002,中通,ZT998877,2026-03-03\n"
                                              "SO-8,安能物流,AN555,\n"));
    const CliResult imported = importShipments(file);
    QVERIFY2(imported.status == 0, qPrintable(imported.err));
    QCOMPARE(imported.out, QStringLiteral("shipped\r\n3\r\n"));
    QCOMPARE(imported.err, QString());

    const Order first = order(QStringLiteral("SO-1"));
    QCOMPARE(first.status, OrderStatus::Shipped);
    QCOMPARE(first.shipment->courier, QStringLiteral("顺丰速运"));
    QCOMPARE(first.shipment->tracking, QStringLiteral("SF1234567890"));
    QCOMPARE(Dates::toText(*first.shippedAt), QStringLiteral("2026-03-03 15:30:00"));
    QCOMPARE(first.shipment->address.receiver, QStringLiteral("张伟"));
    QCOMPARE(first.shipment->address.district, QStringLiteral("南山区"));
    const Order second = order(QStringLiteral("SO-2")); // by its Youzan number
    QCOMPARE(second.status, OrderStatus::Shipped);
    QCOMPARE(second.shipment->courier, QStringLiteral("中通快递"));
    QCOMPARE(second.shipment->tracking, QStringLiteral("ZT998877"));
    QCOMPARE(Dates::toText(second.shippedAt->date()), QStringLiteral("2026-03-03"));
    const Order third = order(QStringLiteral("SO-8")); // an unknown courier, kept as typed
    QCOMPARE(third.shipment->courier, QStringLiteral("安能物流"));
    QCOMPARE(count(QStringLiteral("shipments")), shipmentsBefore + 3);
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), teaBefore); // shipping moves no stock

    // Nothing left to ship: the batch file is empty, and the same file again ships nothing.
    const QString again = m_fixture.scratchPath(QStringLiteral("again.csv"));
    QCOMPARE(m_fixture.cli({QStringLiteral("export"), QStringLiteral("shipping"), again}).out,
             QStringLiteral("Exported 0 row(s) of shipping to %1.\n").arg(again));
    const CliResult twice = importShipments(file);
    QCOMPARE(twice.status, 1);
    QVERIFY2(twice.err.contains(QStringLiteral("tracking.csv:2:1: the order SO-1 is already "
                                               "shipped (顺丰速运 SF1234567890)")),
             qPrintable(twice.err));
    QCOMPARE(count(QStringLiteral("shipments")), shipmentsBefore + 3);
}

void TestCliShipments::shippedAtDefaultsToNow()
{
    const QString file = write(QStringLiteral("tracking.csv"),
                               QStringLiteral("Tracking,Order_No,Courier\nYT1,SO-1,YTO\n"));
    const CliResult imported = importShipments(file);
    QVERIFY2(imported.status == 0, qPrintable(imported.err));
    const Order shipped = order(QStringLiteral("SO-1"));
    QCOMPARE(shipped.shipment->courier, QStringLiteral("圆通速递"));
    QCOMPARE(*shipped.shippedAt, Dates::now()); // the clock the test fixed
}

void TestCliShipments::badLinesAreAllReportedAndNothingShips_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // FILE:LINE:COLUMN: the start of the message

    const QString header = QStringLiteral("order_no,courier,tracking,shipped_at\n");
    const QString good = QStringLiteral("SO-1,SF,SF1,\n");
    QTest::newRow("unknown order") << header + good + QStringLiteral("SO-404,SF,SF2,\n")
                                   << QStringLiteral("bad.csv:3:1: there is no order SO-404");
    QTest::newRow("pending") << header + good + QStringLiteral("SO-3,SF,SF2,\n")
                             << QStringLiteral("bad.csv:3:1: the order SO-3 is not paid yet");
    QTest::newRow("shipped") << header + good + QStringLiteral("SO-4,SF,SF2,\n")
                             << QStringLiteral("bad.csv:3:1: the order SO-4 is already shipped "
                                               "(中通快递 ZT000111)");
    QTest::newRow("cancelled") << header + good + QStringLiteral("SO-5,SF,SF2,\n")
                               << QStringLiteral("bad.csv:3:1: the order SO-5 is cancelled");
    QTest::newRow("refunded") << header + good + QStringLiteral("SO-6,SF,SF2,\n")
                              << QStringLiteral("bad.csv:3:1: the order SO-6 is refunded");
    QTest::newRow("completed") << header + good + QStringLiteral("SO-7,SF,SF2,\n")
                               << QStringLiteral("bad.csv:3:1: the order SO-7 is completed");
    QTest::newRow("twice") << header + good + QStringLiteral("SO-2,SF,SF2,\nSO-1,SF,SF3,\n")
                           << QStringLiteral("bad.csv:4:1: the order SO-1 is listed twice: it is "
                                             "on line 2 already");
    QTest::newRow("twice by the platform's number")
        << header + QStringLiteral("SO-2,SF,SF2,\n") + good
               + QStringLiteral("E2026030100002,SF,SF3,\n")
        << QStringLiteral("bad.csv:4:1: the order SO-2 is listed twice: it is on line 2 already");
    QTest::newRow("empty tracking") << header + good + QStringLiteral("SO-2,SF, ,\n")
                                    << QStringLiteral("bad.csv:3:3: the tracking number is empty");
    QTest::newRow("empty courier") << header + good + QStringLiteral("SO-2,,SF2,\n")
                                   << QStringLiteral("bad.csv:3:2: the courier is empty");
    QTest::newRow("bad date") << header + good + QStringLiteral("SO-2,SF,SF2,2026-13-01\n")
                              << QStringLiteral("bad.csv:3:4: shipped_at: ");
    QTest::newRow("before the payment")
        << header + good + QStringLiteral("SO-2,SF,SF2,2026-02-28 10:00\n")
        << QStringLiteral("bad.csv:3:4: the order SO-2 was paid on 2026-03-01");
    QTest::newRow("missing column") << QStringLiteral("order_no,courier\nSO-1,SF\n")
                                    << QStringLiteral("bad.csv:1:1: the required column tracking "
                                                      "is missing");
    QTest::newRow("unknown column") << QStringLiteral("order_no,courier,tracking,weight\n")
                                    << QStringLiteral("bad.csv:1:4: unknown column \"weight\"");
}

void TestCliShipments::badLinesAreAllReportedAndNothingShips()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const qint64 teaBefore = stockOf(QStringLiteral("TEA-01"));
    const qint64 shipmentsBefore = count(QStringLiteral("shipments"));
    const qint64 auditBefore = count(QStringLiteral("audit_log"));
    const QString file = write(QStringLiteral("bad.csv"), text);
    const CliResult imported = importShipments(file);
    QCOMPARE(imported.status, 1);
    QCOMPARE(imported.out, QString());
    const QStringList errors = imported.err.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(errors.size() == 2, qPrintable(imported.err)); // the problem and the summary
    QVERIFY2(errors.at(0).startsWith(file.section(u'/', 0, -2) + u'/' + message),
             qPrintable(imported.err));
    QVERIFY2(errors.at(1).contains(QStringLiteral("was not imported: 1 problem(s) above; nothing "
                                                  "was changed.")),
             qPrintable(imported.err));
    // SO-1 (a good line, before the bad one) is still paid; nothing else moved.
    QCOMPARE(order(QStringLiteral("SO-1")).status, OrderStatus::Paid);
    QCOMPARE(order(QStringLiteral("SO-2")).status, OrderStatus::Paid);
    QCOMPARE(count(QStringLiteral("shipments")), shipmentsBefore);
    QCOMPARE(count(QStringLiteral("audit_log")), auditBefore);
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), teaBefore);
}

void TestCliShipments::everyBadLineIsReported()
{
    const QString file = write(QStringLiteral("bad.csv"),
                               QStringLiteral("order_no,courier,tracking,shipped_at\n"
                                              "SO-404,SF,SF1,\n"
                                              "SO-1,,,yesterday\n"
                                              "SO-2,ZTO,ZT1,\n"
                                              "SO-3,ZTO,ZT2,\n"));
    const CliResult imported = importShipments(file);
    QCOMPARE(imported.status, 1);
    QStringList positions;
    for (const QString &line : imported.err.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(file))
            positions.append(line.mid(file.size() + 1).section(u':', 0, 1));
    }
    QCOMPARE(positions,
             (QStringList{QStringLiteral("2:1"), QStringLiteral("3:2"), QStringLiteral("3:3"),
                          QStringLiteral("3:4"), QStringLiteral("5:1")}));
    QCOMPARE(order(QStringLiteral("SO-2")).status, OrderStatus::Paid); // its good line too
}

void TestCliShipments::batchFileReadsBack()
{
    // The batch file written for the courier, read back with courier and tracking added: its
    // own columns are read past.
    const QString file = write(
        QStringLiteral("back.csv"),
        QStringLiteral("order_no,receiver,phone,province,city,district,address,items,quantity,"
                       "weight_kg,notes,courier,tracking\n"
                       "SO-1,张伟,13800138000,广东省,深圳市,南山区,科技园南区1号,普洱×2;茶杯×1,3,,"
                       "\"易碎,轻放\",JD,JD0001\n"));
    const CliResult imported = importShipments(file);
    QVERIFY2(imported.status == 0, qPrintable(imported.err));
    QCOMPARE(order(QStringLiteral("SO-1")).shipment->courier, QStringLiteral("京东快递"));
}

void TestCliShipments::workbookIsReadToo()
{
    QTemporaryDir dir;
    QProcess writer;
    writer.start(QStringLiteral(MICROSHOP_XLSX_TEST_WORKBOOKS), {dir.path()});
    QVERIFY(writer.waitForFinished());
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
    const CliResult imported = importShipments(dir.filePath(QStringLiteral("tracking.xlsx")));
    QVERIFY2(imported.status == 0, qPrintable(imported.err));
    QCOMPARE(imported.out, QStringLiteral("shipped\r\n2\r\n"));
    const Order first = order(QStringLiteral("SO-1"));
    QCOMPARE(first.shipment->courier, QStringLiteral("顺丰速运"));
    QCOMPARE(first.shipment->tracking, QStringLiteral("773012345678901"));
    QCOMPARE(Dates::toText(*first.shippedAt), QStringLiteral("2026-03-03 15:30:00"));
    QCOMPARE(order(QStringLiteral("SO-2")).shipment->courier, QStringLiteral("圆通速递"));
}

void TestCliShipments::badCommandLinesAreUsageErrors()
{
    QCOMPARE(m_fixture.cli({QStringLiteral("import"), QStringLiteral("shipments")}).status, 2);
    const QString file = write(QStringLiteral("t.csv"),
                               QStringLiteral("order_no,courier,tracking\nSO-1,SF,SF1\n"));
    QCOMPARE(m_fixture
                 .cli({QStringLiteral("import"), QStringLiteral("shipments"), file,
                       QStringLiteral("--source"), QStringLiteral("wechat")})
                 .status,
             2);
    const CliResult missing = importShipments(m_fixture.scratchPath(QStringLiteral("none.csv")));
    QCOMPARE(missing.status, 1);
    QCOMPARE(order(QStringLiteral("SO-1")).status, OrderStatus::Paid);
    QCOMPARE(m_fixture.cli({QStringLiteral("export"), QStringLiteral("shipping")}).status, 2);
}

MICROSHOP_TEST_GUILESS_MAIN(TestCliShipments)
#include "tst_cli_shipments.moc"
