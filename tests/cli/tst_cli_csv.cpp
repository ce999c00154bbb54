// CSV import and export through microshop-cli (csv.md, cli.md): every bad file of issue 3 is
// refused with FILE:LINE:COLUMN for each bad row and leaves the database exactly as it was;
// exports match golden files, are Excel-ready and read back to the same data.
#include "ColumnType.h"
#include "Dates.h"
#include "TableFile.h"

#include "ShopFixture.h"
#include "TestClock.h"

#include <QFile>
#include <QProcess>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

const QByteArray bom("\xEF\xBB\xBF");

} // namespace

class TestCliCsv : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void badFilesAreRefusedWithEveryBadRow_data();
    void badFilesAreRefusedWithEveryBadRow();
    void spreadsheetFilesImport_data();
    void spreadsheetFilesImport();
    void importedOrdersHaveTheirMovesEffects();
    void importedOrdersTakeEffectInOrderOfPayment();
    void aFullDiskIsADatabaseFailureNotBadInput();
    void existingKeysUpdateTheirRecords();
    void importsAnExcelWorkbook();
    void exportsMatchGoldenFiles_data();
    void exportsMatchGoldenFiles();
    void exportsNeutraliseFormulas();
    void exportsReadBackToTheSameData();
    void exportToStandardOutputHasNoByteOrderMark();
    void workbookExportsHoldTheCsvExportsRows_data();
    void workbookExportsHoldTheCsvExportsRows();
    void workbookExportsReadBackToTheSameData();
    void aWorkbookExportThatFailsLeavesNoFile();

private:
    CliResult cli(const QStringList &arguments) { return m_fixture.cli(arguments); }
    QString everything(); // every export, to compare the whole database
    void fillGoldenShop();

    ShopFixture m_fixture;
};

void TestCliCsv::init()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
}

void TestCliCsv::cleanup()
{
    m_fixture.closeShop();
}

QString TestCliCsv::everything()
{
    QString all;
    for (const char *kind : {"products", "customers", "orders", "stock"}) {
        const CliResult result = cli(
            {QStringLiteral("export"), QString::fromLatin1(kind), QStringLiteral("-")});
        all += result.out + QString::number(result.status);
    }
    Database &database = m_fixture.database();
    return all + database.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toString();
}

// A small shop built with fixed dates, so that every export is the same on every run.
void TestCliCsv::fillGoldenShop()
{
    ShopServices &shop = m_fixture.services();
    Database &database = m_fixture.database();
    const QDateTime opening = *Dates::parseDateTime(u"2026-01-02 09:00");
    database.exec(QStringLiteral(
        "INSERT INTO distributors (code, name, joined) VALUES ('D01', '王芳', '2026-01-01')"));
    Product tea;
    tea.sku = QStringLiteral("TEA-01");
    tea.name = QStringLiteral("普洱熟茶, 357g \"饼\"");
    tea.category = QStringLiteral("茶叶");
    tea.unit = QStringLiteral("饼");
    tea.price = *Money::parse(u"128");
    tea.cost = *Money::parse(u"60.5");
    tea.stock = 20;
    tea.lowStock = 5;
    tea.barcode = QStringLiteral("6901234567890");
    tea.rates[0] = Rate::fromBasisPoints(1250);
    tea.rates[2] = Rate::fromBasisPoints(0);
    shop.catalog.create(tea, opening);
    Product mask;
    mask.sku = QStringLiteral("=MASK");
    mask.name = QStringLiteral("-面膜 @promo");
    mask.price = *Money::parse(u"9.9");
    mask.stock = 100;
    mask.active = false;
    shop.catalog.create(mask, opening);
    Customer li;
    li.code = QStringLiteral("C001");
    li.name = QStringLiteral("李娜");
    li.phone = QStringLiteral("13800000001");
    li.wechat = QStringLiteral("wx_lina");
    li.wechatRemark = QStringLiteral("李娜（老客）");
    li.channel = Channel::Moments;
    li.distributorId = database.scalar(QStringLiteral("SELECT id FROM distributors")).toLongLong();
    li.tags = {QStringLiteral("VIP"), QStringLiteral("回头客")};
    li.notes = QStringLiteral("line one\nline two");
    li.addresses = {{0, QStringLiteral("李娜"), QStringLiteral("13800000001"),
                     QStringLiteral("浙江省"), QStringLiteral("杭州市"), QStringLiteral("西湖区"),
                     QStringLiteral("文三路1号"), true}};
    li = shop.customerService.create(li);
    Customer zhang;
    zhang.code = QStringLiteral("C002");
    zhang.name = QStringLiteral("张伟");
    zhang.channel = Channel::Offline;
    zhang = shop.customerService.create(zhang);
    const qint64 teaId = shop.catalog.productBySku(QStringLiteral("TEA-01")).id;
    OrderDraft draft;
    draft.orderNo = QStringLiteral("SO-0001");
    draft.date = *Dates::parseDateTime(u"2026-03-01 10:00");
    draft.customerId = li.id;
    draft.shippingFee = *Money::parse(u"8");
    draft.lines = {{teaId, 3, std::nullopt, *Money::parse(u"2")}};
    shop.workflow.create(draft);
    shop.workflow.pay(QStringLiteral("SO-0001"), *Dates::parseDateTime(u"2026-03-01 10:05"),
                      PaymentMethod::WeChat);
    shop.workflow.ship(QStringLiteral("SO-0001"), QStringLiteral("顺丰速运"),
                       QStringLiteral("SF1001"), *Dates::parseDateTime(u"2026-03-02 09:00"));
    shop.workflow.complete(QStringLiteral("SO-0001"), *Dates::parseDateTime(u"2026-03-05 12:00"));
    draft.orderNo = QStringLiteral("SO-0002");
    draft.date = *Dates::parseDateTime(u"2026-03-03 15:30");
    draft.customerId = zhang.id;
    draft.shippingFee = Money();
    draft.notes = QStringLiteral("=HYPERLINK(\"x\")");
    draft.lines = {{teaId, 1, *Money::parse(u"120"), Money()}};
    shop.workflow.create(draft);
    shop.catalog.restock(QStringLiteral("TEA-01"), 10, *Dates::parseDateTime(u"2026-03-04 08:00"),
                         QStringLiteral("进货 #7"));
}

void TestCliCsv::badFilesAreRefusedWithEveryBadRow_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("errors"); // LINE:COLUMN: beginning of the message

    QTest::newRow("money with three decimals and a yuan sign")
        << "products"
        << QByteArray("sku,name,price,cost\r\nA,Tea,12.345,1\r\nB,Cup,¥12,1\r\nC,Pot,3,0.001\r\n")
        << QStringList{QStringLiteral("2:3: price: \"12.345\" has more than two decimals"),
                       QStringLiteral("3:3: price: \"¥12\" is not an amount"),
                       QStringLiteral("4:4: cost: \"0.001\" has more than two decimals")};
    QTest::newRow("negative quantity, unknown SKU and customer")
        << "orders"
        << QByteArray("order_no,date,status,customer,sku,quantity\n"
                      "N1,2026-03-01,pending,C001,TEA-01,-2\n"
                      "N2,2026-03-01,pending,NOBODY,TEA-01,1\n"
                      "N3,2026-03-01,pending,C001,NOTHING,1\n")
        << QStringList{QStringLiteral("2:6: quantity must be at least 1, not -2."),
                       QStringLiteral("3:4: there is no customer with the code NOBODY."),
                       QStringLiteral("4:5: there is no product with the SKU NOTHING.")};
    QTest::newRow("rows of one order disagree")
        << "orders"
        << QByteArray("order_no,date,status,customer,sku,quantity,shipping_fee\n"
                      "N1,2026-03-01,paid,C001,TEA-01,1,8\n"
                      "N1,2026-03-01,paid,C001,TEA-01,1,6\n")
        << QStringList{
               QStringLiteral("3:7: order N1: shipping_fee is \"6\" here but \"8\" on line 2")};
    QTest::newRow("duplicate order number, in the file and in the database")
        << "orders"
        << QByteArray("order_no,date,status,customer,sku,quantity\n"
                      "SO-0001,2026-03-01,pending,C001,TEA-01,1\n"
                      "N1,2026-03-01,pending,C001,TEA-01,1\n"
                      "N2,2026-03-01,pending,C001,TEA-01,1\n"
                      "N1,2026-03-01,pending,C001,TEA-01,1\n")
        << QStringList{
               QStringLiteral("2:1: the order SO-0001 exists already"),
               QStringLiteral("5:1: the rows of order N1 must be together; it started on line 3.")};
    QTest::newRow("an order's rows apart, after a blank line, twice")
        << "orders"
        << QByteArray("order_no,date,status,customer,sku,quantity\n"
                      "\n"
                      "N1,2026-03-01,pending,C001,TEA-01,1\n"
                      "N2,2026-03-01,pending,C001,TEA-01,1\n"
                      "N1,2026-03-01,pending,C001,TEA-01,1\n"
                      "N1,2026-03-01,pending,C001,TEA-01,2\n"
                      "N2,2026-03-01,pending,C001,TEA-01,1\n")
        << QStringList{
               QStringLiteral("5:1: the rows of order N1 must be together; it started on line 3."),
               QStringLiteral("6:1: the rows of order N1 must be together; it started on line 3."),
               QStringLiteral("7:1: the rows of order N2 must be together; it started on line 4.")};
    QTest::newRow("unknown status")
        << "orders"
        << QByteArray(
               "order_no,date,status,customer,sku,quantity\nN1,2026-03-01,lost,C001,TEA-01,1\n")
        << QStringList{QStringLiteral("2:3: unknown status \"lost\"")};
    QTest::newRow("missing required column")
        << "products" << QByteArray("sku,name,cost\nA,Tea,1\n")
        << QStringList{QStringLiteral("1:1: the required column price is missing.")};
    QTest::newRow("unknown column")
        << "customers" << QByteArray("code,name,birthday\nC9,Wu,1990-01-01\n")
        << QStringList{QStringLiteral("1:3: unknown column \"birthday\"")};
    QTest::newRow("unknown column of distributors, named as theirs")
        << "distributors" << QByteArray("code,name,birthday\nD9,Wu,1990-01-01\n")
        << QStringList{QStringLiteral("1:3: unknown column \"birthday\": the columns of "
                                      "distributors are ")};
    QTest::newRow("a quantity with a plus sign is not a whole number")
        << "orders"
        << QByteArray("order_no,date,status,customer,sku,quantity\n"
                      "N1,2026-03-01,pending,C001,TEA-01,+5\n")
        << QStringList{QStringLiteral("2:6: quantity must be a whole number, not \"+5\".")};
    QTest::newRow("unterminated quote")
        << "customers" << QByteArray("code,name,notes\nC9,Wu,ok\nC10,\"Zhao,broken\n")
        << QStringList{QStringLiteral("3:2: unterminated quote")};
    QTest::newRow("empty file") << "products" << QByteArray()
                                << QStringList{QStringLiteral("1:1: the file is empty")};
    QTest::newRow("a quoted field spanning lines counts its lines")
        << "customers"
        << QByteArray("code,name,notes,channel\nC9,Wu,\"one\ntwo\nthree\",moments\nC10,Zhao,,tv\n")
        << QStringList{QStringLiteral("5:4: unknown channel \"tv\"")};
}

void TestCliCsv::badFilesAreRefusedWithEveryBadRow()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, errors);
    fillGoldenShop();
    const QString before = everything();
    const QString file = m_fixture.scratchPath(QStringLiteral("bad.csv"));
    QVERIFY(writeFile(file, content));
    const CliResult result = cli({QStringLiteral("import"), kind, file});
    QCOMPARE(result.status, 1);
    const QStringList lines = result.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), errors.size() + 1); // one per problem, then the summary
    for (int i = 0; i < errors.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(file + u':' + errors.at(i)),
                 qPrintable(lines.at(i) + QStringLiteral("\n  expected: ") + errors.at(i)));
    QVERIFY(lines.constLast().contains(QStringLiteral("nothing was changed")));
    QCOMPARE(everything(), before);
}

void TestCliCsv::spreadsheetFilesImport_data()
{
    QTest::addColumn<QByteArray>("content");
    const QString text = QStringLiteral(
        "code,name,phone,channel,province,city,district,address,tags\r\n"
        "C101,欧阳娜娜,13900000001,group,广东省,深圳市,南山区,\"科技园,1号\",VIP;回头客\r\n");
    QStringEncoder gb18030("GB18030");
    QTest::newRow("UTF-8 with BOM, CRLF") << bom + text.toUtf8();
    QTest::newRow("UTF-8 without BOM") << text.toUtf8();
    QTest::newRow("GB18030 from Excel on Chinese Windows") << QByteArray(gb18030(text));
    QString semicolons = text;
    semicolons.replace(u',', u';')
        .replace(QStringLiteral("\"科技园;1号\""), QStringLiteral("\"科技园,1号\""));
    semicolons.replace(QStringLiteral("VIP;回头客"), QStringLiteral("\"VIP;回头客\""));
    QTest::newRow("semicolons, as European Excel saves") << semicolons.toUtf8();
    QString tabs = text;
    tabs.replace(u',', u'\t')
        .replace(QStringLiteral("\"科技园\t1号\""), QStringLiteral("科技园,1号"));
    QTest::newRow("tabs, LF")
        << tabs.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).toUtf8();
}

void TestCliCsv::spreadsheetFilesImport()
{
    QFETCH(QByteArray, content);
    const QString file = m_fixture.scratchPath(QStringLiteral("customers.csv"));
    QVERIFY(writeFile(file, content));
    const CliResult result = cli({QStringLiteral("import"), QStringLiteral("customers"), file});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out,
             QStringLiteral("Imported 1 row(s) of customers from %1: 1 created, 0 updated.\n")
                 .arg(file));
    const Customer imported = m_fixture.services().customerService.customerByCode(
        QStringLiteral("C101"));
    QCOMPARE(imported.name, QStringLiteral("欧阳娜娜"));
    QCOMPARE(imported.channel, Channel::Group);
    QCOMPARE(imported.tags, (QStringList{QStringLiteral("VIP"), QStringLiteral("回头客")}));
    QCOMPARE(imported.defaultAddress()->detail, QStringLiteral("科技园,1号"));
    QCOMPARE(imported.defaultAddress()->city, QStringLiteral("深圳市"));
}

void TestCliCsv::importedOrdersHaveTheirMovesEffects()
{
    fillGoldenShop();
    const qint64 stock = m_fixture.services().catalog.productBySku(QStringLiteral("TEA-01")).stock;
    const QString file = m_fixture.scratchPath(QStringLiteral("orders.csv"));
    QVERIFY(writeFile(
        file,
        QByteArray(
            "order_no,date,status,customer,distributor,sku,quantity,unit_price,discount,shipping_fee,paid_at,completed_at,courier,tracking\n"
            "N-2,2026-04-02 10:00,completed,C002,D01,TEA-01,2,100,0,5,2026-04-02 11:00,2026-04-06,中通快递,ZT9\n"
            "N-2,2026-04-02 10:00,completed,C002,D01,TEA-01,1,,,5,2026-04-02 11:00,2026-04-06,中通快递,ZT9\n"
            "N-1,2026-04-01 09:00,cancelled,C001,,TEA-01,4,,,,2026-04-01 09:30,,,\n"
            "N-3,2026-04-03,pending,C001,,TEA-01,1,,,,,,,\n")));
    const CliResult result = cli({QStringLiteral("import"), QStringLiteral("orders"), file});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    const Order completed = m_fixture.services().workflow.orderByNumber(QStringLiteral("N-2"));
    QCOMPARE(completed.status, OrderStatus::Completed);
    QCOMPARE(completed.lines.size(), 2);
    QCOMPARE(completed.lines.at(1).unitPrice, *Money::parse(u"128")); // the product's price
    QCOMPARE(completed.total(), *Money::parse(u"333"));
    QCOMPARE(completed.shipment->tracking, QStringLiteral("ZT9"));
    QCOMPARE(Dates::toText(*completed.completedAt), QStringLiteral("2026-04-06 00:00:00"));
    QCOMPARE(m_fixture.services().workflow.orderByNumber(QStringLiteral("N-1")).status,
             OrderStatus::Cancelled);
    // N-1 paid then cancelled (stock out and back), N-2 sold 3, N-3 pending.
    QCOMPARE(m_fixture.services().catalog.productBySku(QStringLiteral("TEA-01")).stock, stock - 3);
    QCOMPARE(cli({QStringLiteral("check")}).status, 0);
}

// csv.md: an imported order's effects happen in order of paid_at, wherever it is in the file (the
// file is read as a stream, then each order again where it starts). C002 is not bound to a
// distributor: the first order paid binds it, though it is the last in the file; the stock moves
// in the same order; an unpaid order takes effect at its date, and takes the bound distributor.
void TestCliCsv::importedOrdersTakeEffectInOrderOfPayment()
{
    fillGoldenShop();
    Database &database = m_fixture.database();
    database.exec(QStringLiteral(
        "INSERT INTO distributors (code, name, joined) VALUES ('D02', '赵敏', '2026-01-01')"));
    const QString file = m_fixture.scratchPath(QStringLiteral("orders.csv"));
    QVERIFY(writeFile(file, QByteArray("order_no,date,status,customer,distributor,sku,quantity,"
                                       "paid_at\r\n"
                                       "N-LATE,2026-04-01 08:00,paid,C002,D02,TEA-01,1,"
                                       "2026-04-05 10:00\r\n"
                                       "N-LATE,2026-04-01 08:00,paid,C002,D02,TEA-01,2,"
                                       "2026-04-05 10:00\r\n"
                                       "N-MIDDLE,2026-04-03 09:00,pending,C002,,TEA-01,4,\r\n"
                                       "N-EARLY,2026-04-02 09:00,paid,C002,D01,TEA-01,1,"
                                       "2026-04-02 09:30\r\n")));
    const CliResult result = cli({QStringLiteral("import"), QStringLiteral("orders"), file});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QVERIFY2(result.out.startsWith(QStringLiteral("Imported 4 row(s) of orders")),
             qPrintable(result.out));
    const qint64 d01 = database
                           .scalar(QStringLiteral("SELECT id FROM distributors WHERE code = "
                                                  "'D01'"))
                           .toLongLong();
    QCOMPARE(
        m_fixture.services().customerService.customerByCode(QStringLiteral("C002")).distributorId,
        d01);
    // The orders were created, and their stock moved, in order of payment: the first paid first.
    QStringList created;
    database.forEachRow(
        QStringLiteral("SELECT order_no FROM orders WHERE order_no LIKE 'N-%' ORDER BY id"), {},
        [&created](const SqlRow &row) { created.append(row.value(0).toString()); });
    QCOMPARE(created, (QStringList{QStringLiteral("N-EARLY"), QStringLiteral("N-MIDDLE"),
                                   QStringLiteral("N-LATE")}));
    // The pending order, after the binding: its distributor is the bound one.
    QCOMPARE(m_fixture.services().workflow.orderByNumber(QStringLiteral("N-MIDDLE")).distributorId,
             d01);
    QStringList moved;
    database.forEachRow(
        QStringLiteral("SELECT o.order_no, m.quantity FROM stock_movements m JOIN orders o ON "
                       "o.id = m.order_id WHERE o.order_no LIKE 'N-%' ORDER BY m.id"),
        {}, [&moved](const SqlRow &row) {
            moved.append(row.value(0).toString() + u' ' + row.value(1).toString());
        });
    QCOMPARE(moved, (QStringList{QStringLiteral("N-EARLY -1"), QStringLiteral("N-LATE -1"),
                                 QStringLiteral("N-LATE -2")}));
    QCOMPARE(m_fixture.services().workflow.orderByNumber(QStringLiteral("N-LATE")).lines.size(), 2);
    QCOMPARE(cli({QStringLiteral("check")}).status, 0);
}

// The disk fills up half-way through an import: the database's failure (exit 3, a sentence that
// says so, no SQL) and not a bad line of the file; nothing of the import stays. The full disk is
// the database's own error, raised by a trigger on the ledger's table: SQLite's words for it, and
// PostgreSQL's SQLSTATE disk_full with the message its storage manager writes.
void TestCliCsv::aFullDiskIsADatabaseFailureNotBadInput()
{
    fillGoldenShop();
    if (m_fixture.isPostgres()) {
        m_fixture.database().exec(QStringLiteral(
            "CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE "
            "EXCEPTION 'could not extend file \"base/16384/2619\": No space left on device' "
            "USING ERRCODE = 'disk_full'; END $$"));
        m_fixture.database().exec(QStringLiteral("CREATE TRIGGER disk_full BEFORE INSERT ON "
                                                 "commission_entries FOR EACH ROW EXECUTE FUNCTION "
                                                 "disk_full()"));
    } else {
        m_fixture.database().exec(
            QStringLiteral("CREATE TRIGGER disk_full BEFORE INSERT ON "
                           "commission_entries BEGIN SELECT RAISE(ABORT, 'database "
                           "or disk is full'); END"));
    }
    const QString before = everything();
    const QString file = m_fixture.scratchPath(QStringLiteral("big.csv"));
    QByteArray rows("order_no,date,status,customer,distributor,sku,quantity,paid_at\n");
    for (int i = 1; i <= 5; ++i) // the ledger writes with the first paid one
        rows += QStringLiteral("K-%1,2026-04-02 10:00,paid,C001,D01,TEA-01,1,2026-04-02 11:00\n")
                    .arg(i)
                    .toUtf8();
    QVERIFY(writeFile(file, rows));
    const CliResult result = cli({QStringLiteral("import"), QStringLiteral("orders"), file});
    QCOMPARE(result.status, 3);
    QVERIFY2(result.err.contains(QStringLiteral("disk is full or failing")),
             qPrintable(result.err));
    QVERIFY2(!result.err.contains(QStringLiteral("big.csv:")), qPrintable(result.err));
    QVERIFY2(!result.err.contains(QStringLiteral("INSERT")), qPrintable(result.err));
    QCOMPARE(result.err.count(u'\n'), 1); // one line
    QCOMPARE(everything(), before);
}

void TestCliCsv::existingKeysUpdateTheirRecords()
{
    fillGoldenShop();
    const QString file = m_fixture.scratchPath(QStringLiteral("products.csv"));
    QVERIFY(
        writeFile(file, QByteArray("SKU,Name,Price,Stock\nTEA-01,Pu'er,130,25\nNEW-1,New,1,0\n")));
    const CliResult result = cli({QStringLiteral("import"), QStringLiteral("products"), file});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QVERIFY(result.out.contains(QStringLiteral("1 created, 1 updated")));
    const Product tea = m_fixture.services().catalog.productBySku(QStringLiteral("TEA-01"));
    QCOMPARE(tea.price, *Money::parse(u"130"));
    QCOMPARE(tea.stock, 25);
    QCOMPARE(tea.category, QStringLiteral("茶叶")); // columns not in the file keep their values
    QCOMPARE(tea.barcode, QStringLiteral("6901234567890"));
    QCOMPARE(m_fixture.services().catalog.movements(QStringLiteral("TEA-01")).constLast().kind,
             StockMovementKind::Adjustment);
}

// A platform's .xlsx (here written by libxlsxwriter) imports like its CSV: numbers as the
// spreadsheet shows them, a barcode stored as a number whole; a CSV named .xlsx is still CSV.
void TestCliCsv::importsAnExcelWorkbook()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess writer;
    writer.start(QStringLiteral(MICROSHOP_XLSX_TEST_WORKBOOKS), {dir.path()});
    QVERIFY(writer.waitForFinished());
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
    const QString file = dir.filePath(QStringLiteral("import-products.xlsx"));
    const CliResult result = cli({QStringLiteral("import"), QStringLiteral("products"), file});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QStringLiteral("2 created, 0 updated")), qPrintable(result.out));
    const Product tea = m_fixture.services().catalog.productBySku(QStringLiteral("XL-1"));
    QCOMPARE(tea.name, QStringLiteral("云南普洱"));
    QCOMPARE(tea.category, QStringLiteral("茶叶"));
    QCOMPARE(tea.price, *Money::parse(u"12.3"));
    QCOMPARE(tea.stock, 7);
    QCOMPARE(tea.barcode, QStringLiteral("6901234567890"));
    QCOMPARE(m_fixture.services().catalog.productBySku(QStringLiteral("XL-2")).price,
             *Money::parse(u"1288"));

    const QString csvNamedXlsx = dir.filePath(QStringLiteral("more.xlsx"));
    QVERIFY(writeFile(csvNamedXlsx, QByteArray("sku,name,price\nXL-3,茶盘,5\n")));
    const CliResult csv = cli({QStringLiteral("import"), QStringLiteral("products"), csvNamedXlsx});
    QVERIFY2(csv.status == 0, qPrintable(csv.err));

    const QString notAWorkbook = dir.filePath(QStringLiteral("old.xls"));
    QVERIFY(writeFile(notAWorkbook, QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")));
    const CliResult refused = cli(
        {QStringLiteral("import"), QStringLiteral("products"), notAWorkbook});
    QCOMPARE(refused.status, 1);
    QVERIFY2(refused.err.startsWith(notAWorkbook + QStringLiteral(":1:1: an old Excel workbook")),
             qPrintable(refused.err));
}

void TestCliCsv::exportsMatchGoldenFiles_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"products", "customers", "orders", "stock"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestCliCsv::exportsMatchGoldenFiles()
{
    QFETCH(QString, kind);
    fillGoldenShop();
    const QString file = m_fixture.scratchPath(kind + QStringLiteral(".csv"));
    const CliResult result = cli({QStringLiteral("export"), kind, file});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    const QString golden = QStringLiteral(MICROSHOP_GOLDEN_DIR "/") + kind + QStringLiteral(".csv");
    QCOMPARE(readFile(file), readFile(golden));
}

void TestCliCsv::exportsNeutraliseFormulas()
{
    fillGoldenShop();
    const QString file = m_fixture.scratchPath(QStringLiteral("products.csv"));
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("products"), file}).status, 0);
    const QByteArray bytes = readFile(file);
    QVERIFY(bytes.startsWith(bom));
    QVERIFY(bytes.contains("\r\n'=MASK,'-面膜 @promo,"));
    QVERIFY(!bytes.contains("\n=MASK"));
    const QString orders = m_fixture.scratchPath(QStringLiteral("orders.csv"));
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("orders"), orders}).status, 0);
    QVERIFY(readFile(orders).contains(",\"'=HYPERLINK(\"\"x\"\")\"\r\n"));
}

void TestCliCsv::exportsReadBackToTheSameData()
{
    fillGoldenShop();
    QHash<QString, QByteArray> exported;
    for (const char *kind : {"products", "customers", "orders"}) {
        const QString file = m_fixture.scratchPath(QString::fromLatin1(kind)
                                                   + QStringLiteral(".csv"));
        QCOMPARE(cli({QStringLiteral("export"), QString::fromLatin1(kind), file}).status, 0);
        exported.insert(QString::fromLatin1(kind), readFile(file));
    }
    // A fresh shop (the CLI runs on it from now on) with the same distributor, then products,
    // customers and orders read back.
    QVERIFY2(m_fixture.newShopByCli() && m_fixture.openShop(), qPrintable(m_fixture.error()));
    m_fixture.database().exec(QStringLiteral(
        "INSERT INTO distributors (code, name, joined) VALUES ('D01', '王芳', '2026-01-01')"));
    m_fixture.closeShop();
    // Each kind is compared right after it is read back (orders then take stock from products).
    for (const char *kind : {"products", "customers", "orders"}) {
        const QString name = QString::fromLatin1(kind);
        const QString file = m_fixture.scratchPath(name + QStringLiteral(".csv"));
        const CliResult imported = cli({QStringLiteral("import"), name, file});
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        const QString again = m_fixture.scratchPath(QStringLiteral("again.csv"));
        QCOMPARE(cli({QStringLiteral("export"), name, again}).status, 0);
        QCOMPARE(readFile(again), exported.value(name));
    }
}

void TestCliCsv::exportToStandardOutputHasNoByteOrderMark()
{
    fillGoldenShop();
    const CliResult result = cli(
        {QStringLiteral("export"), QStringLiteral("stock"), QStringLiteral("-")});
    QCOMPARE(result.status, 0);
    QVERIFY(result.out.startsWith(QStringLiteral("sku,date,kind,quantity,reference\r\n")));
    QVERIFY(
        result.out.contains(QStringLiteral("TEA-01,2026-03-04 08:00:00,purchase,10,进货 #7\r\n")));
    QVERIFY(result.out.contains(QStringLiteral("TEA-01,2026-03-01 10:05:00,sale,-3,SO-0001\r\n")));
}

void TestCliCsv::workbookExportsHoldTheCsvExportsRows_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"products", "customers", "orders", "stock", "distributors",
                             "commissions", "payouts", "shipping"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

// `export KIND FILE.xlsx` writes a workbook of the rows the CSV export holds: the same text, and
// the same numbers where a number cell drops trailing zeros (12.30 reads back as 12.3).
void TestCliCsv::workbookExportsHoldTheCsvExportsRows()
{
    QFETCH(QString, kind);
    fillGoldenShop();
    const QString csvFile = m_fixture.scratchPath(kind + QStringLiteral(".csv"));
    const QString workbookFile = m_fixture.scratchPath(kind + QStringLiteral(".xlsx"));
    QCOMPARE(cli({QStringLiteral("export"), kind, csvFile}).status, 0);
    const CliResult result = cli({QStringLiteral("export"), kind, workbookFile});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QVERIFY2(result.out.startsWith(QStringLiteral("Exported "))
                 && result.out.contains(workbookFile),
             qPrintable(result.out));
    QVERIFY(readFile(workbookFile).startsWith("PK\x03\x04"));
    QVERIFY(!QFile::exists(workbookFile + QStringLiteral(".partial")));

    const TableFile csv = readTableFile(csvFile);
    const TableFile workbook = readTableFile(workbookFile);
    QVERIFY(csv.issues.isEmpty() && workbook.issues.isEmpty());
    QCOMPARE(workbook.header, csv.header);
    QCOMPARE(workbook.records.size(), csv.records.size());
    const QList<ColumnType> types = ColumnTypes::of(csv.header);
    for (qsizetype row = 0; row < csv.records.size(); ++row) {
        const QStringList &expected = csv.records.at(row).fields;
        const QStringList &got = workbook.records.at(row).fields;
        QCOMPARE(got.size(), expected.size());
        for (qsizetype column = 0; column < expected.size(); ++column) {
            const ColumnType type = types.at(column);
            if ((type == ColumnType::Money || type == ColumnType::Number)
                && !expected.at(column).isEmpty())
                QCOMPARE(got.at(column).toDouble(), expected.at(column).toDouble());
            else
                QCOMPARE(got.at(column), expected.at(column));
        }
    }
    if (kind == u"customers") { // a phone number stays the text it is
        QCOMPARE(workbook.records.at(0).fields.at(2), QStringLiteral("13800000001"));
    }
}

// Products, customers and orders exported as workbooks, imported into a fresh shop, export the
// same CSV files as the shop they came from.
void TestCliCsv::workbookExportsReadBackToTheSameData()
{
    fillGoldenShop();
    QHash<QString, QByteArray> exported;
    for (const char *kind : {"products", "customers", "orders"}) {
        const QString name = QString::fromLatin1(kind);
        QCOMPARE(cli({QStringLiteral("export"), name,
                      m_fixture.scratchPath(name + QStringLiteral(".csv"))})
                     .status,
                 0);
        exported.insert(name, readFile(m_fixture.scratchPath(name + QStringLiteral(".csv"))));
        QCOMPARE(cli({QStringLiteral("export"), name,
                      m_fixture.scratchPath(name + QStringLiteral(".xlsx"))})
                     .status,
                 0);
    }
    QVERIFY2(m_fixture.newShopByCli() && m_fixture.openShop(), qPrintable(m_fixture.error()));
    m_fixture.database().exec(QStringLiteral(
        "INSERT INTO distributors (code, name, joined) VALUES ('D01', '王芳', '2026-01-01')"));
    m_fixture.closeShop();
    for (const char *kind : {"products", "customers", "orders"}) {
        const QString name = QString::fromLatin1(kind);
        const CliResult imported = cli({QStringLiteral("import"), name,
                                        m_fixture.scratchPath(name + QStringLiteral(".xlsx"))});
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        const QString again = m_fixture.scratchPath(QStringLiteral("again.csv"));
        QCOMPARE(cli({QStringLiteral("export"), name, again}).status, 0);
        QCOMPARE(readFile(again), exported.value(name));
    }
}

void TestCliCsv::aWorkbookExportThatFailsLeavesNoFile()
{
    fillGoldenShop();
    const QString folder = m_fixture.scratchPath(QStringLiteral("no such folder"));
    const QString file = folder + QStringLiteral("/orders.xlsx");
    const CliResult result = cli({QStringLiteral("export"), QStringLiteral("orders"), file});
    QCOMPARE(result.status, 1);
    QVERIFY2(result.err.contains(QStringLiteral("Cannot write %1").arg(file)),
             qPrintable(result.err));
    QVERIFY(!QFile::exists(folder));
}

MICROSHOP_TEST_GUILESS_MAIN(TestCliCsv)
#include "tst_cli_csv.moc"
