// The tracking-number dialog as a merchant uses it, offscreen: a good file is checked first and
// previews the orders it will ship (order, receiver, courier by its name, tracking) with nothing
// shipped yet; "Ship 2 orders" ships them; a bad file lists every problem with its line and
// column, offers no Ship button and ships nothing. The Orders page's "From outside" menu asks for
// the dialog.
#include "ShipmentImportDialog.h"

#include "DesktopShop.h"
#include "TestClock.h"

#include "CatalogService.h"
#include "CustomerService.h"
#include "Dates.h"
#include "OrderListPage.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestShipmentImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void previewsThenShips();
    void aBadFileShipsNothing();
    void ordersPageOffersIt();

private:
    void addPaidOrder(const QString &orderNo, const QString &youzanNo = {});
    QString writeFile(const QString &name, const QString &content);
    static QStringList rows(ShipmentImportDialog &dialog); // "order receiver courier tracking"
    Order order(const QString &orderNo) { return m_shop->services.workflow.orderByNumber(orderNo); }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Shop> m_shop;
};

// SO-1 and SO-2 (Youzan E100), paid, for 张伟 whose default address names 张先生; SO-3 pending.
void TestShipmentImportDialog::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_shop = openDesktopShop(m_folder->filePath(QStringLiteral("shop.db")));
    Product tea;
    tea.sku = QStringLiteral("TEA-01");
    tea.name = QStringLiteral("普洱茶");
    tea.price = *Money::parse(u"16");
    tea.stock = 10;
    m_shop->services.catalog.create(tea, *Dates::parseDateTime(u"2026-11-01 09:00"));
    Customer buyer;
    buyer.code = QStringLiteral("C1");
    buyer.name = QStringLiteral("张伟");
    Address home;
    home.receiver = QStringLiteral("张先生");
    home.city = QStringLiteral("深圳市");
    home.isDefault = true;
    buyer.addresses = {home};
    m_shop->services.customerService.create(buyer);
    addPaidOrder(QStringLiteral("SO-1"));
    addPaidOrder(QStringLiteral("SO-2"), QStringLiteral("E100"));
    addPaidOrder(QStringLiteral("SO-3"));
}

void TestShipmentImportDialog::cleanup()
{
    m_shop.reset();
    m_folder.reset();
}

void TestShipmentImportDialog::addPaidOrder(const QString &orderNo, const QString &youzanNo)
{
    ShopServices &shop = m_shop->services;
    OrderDraft draft;
    draft.orderNo = orderNo;
    draft.date = *Dates::parseDateTime(u"2026-11-20 09:00");
    draft.customerId = shop.customerService.customerByCode(QStringLiteral("C1")).id;
    draft.lines = {
        {shop.catalog.productBySku(QStringLiteral("TEA-01")).id, 1, std::nullopt, Money()}};
    if (!youzanNo.isEmpty()) {
        draft.platform = Platform::Youzan;
        draft.platformNo = youzanNo;
    }
    shop.workflow.create(draft);
    if (orderNo != u"SO-3")
        shop.workflow.pay(orderNo, *Dates::parseDateTime(u"2026-11-20 10:00"),
                          PaymentMethod::WeChat);
}

QString TestShipmentImportDialog::writeFile(const QString &name, const QString &content)
{
    QString path = m_folder->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content.toUtf8());
    return path;
}

QStringList TestShipmentImportDialog::rows(ShipmentImportDialog &dialog)
{
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QStringList found;
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList cells;
        for (int column : {ShipmentImportDialog::OrderNo, ShipmentImportDialog::Receiver,
                           ShipmentImportDialog::Courier, ShipmentImportDialog::Tracking})
            cells.append(table->item(row, column)->text());
        found.append(cells.join(u' '));
    }
    return found;
}

void TestShipmentImportDialog::previewsThenShips()
{
    const QString path = writeFile(QStringLiteral("tracking.csv"),
                                   QStringLiteral("order_no,courier,tracking\n"
                                                  "SO-1,sf,SF100\n"
                                                  "E100,韵达,YD200\n"));
    ShipmentImportDialog dialog(m_shop->context);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *shipButton = dialog.findChild<QPushButton *>(QStringLiteral("shipButton"));
    QVERIFY(!shipButton->isEnabled()); // no file yet
    dialog.openFile(path);

    // Checked, nothing shipped yet.
    QCOMPARE(rows(dialog), (QStringList{QStringLiteral("SO-1 张先生 顺丰速运 SF100"),
                                        QStringLiteral("SO-2 张先生 韵达快递 YD200")}));
    QVERIFY(dialog.findChild<QTableWidget *>(QStringLiteral("previewTable"))->isVisible());
    QVERIFY(!dialog.findChild<QPlainTextEdit *>(QStringLiteral("messageList"))->isVisible());
    QCOMPARE(order(QStringLiteral("SO-1")).status, OrderStatus::Paid);
    QVERIFY(shipButton->isEnabled());
    QCOMPARE(shipButton->text(), QStringLiteral("&Ship 2 order(s)"));
    QVERIFY(!dialog.changedShop());

    QTest::mouseClick(shipButton, Qt::LeftButton);
    QCOMPARE(dialog.report().shipped, 2);
    const Order first = order(QStringLiteral("SO-1"));
    QCOMPARE(first.status, OrderStatus::Shipped);
    QCOMPARE(first.shipment->courier, QStringLiteral("顺丰速运"));
    QCOMPARE(first.shipment->tracking, QStringLiteral("SF100"));
    QCOMPARE(order(QStringLiteral("SO-2")).shipment->tracking, QStringLiteral("YD200"));
    QCOMPARE(order(QStringLiteral("SO-3")).status, OrderStatus::Pending);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text(),
             QStringLiteral("Shipped 2 order(s)."));
    QVERIFY(!shipButton->isEnabled()); // not twice
    QCOMPARE(rows(dialog).size(), 2);  // what was shipped stays listed
    QVERIFY(dialog.changedShop());
}

void TestShipmentImportDialog::aBadFileShipsNothing()
{
    const QString path = writeFile(QStringLiteral("bad.csv"),
                                   QStringLiteral("order_no,courier,tracking\n"
                                                  "SO-1,SF,SF100\n"
                                                  "SO-3,SF,SF300\n"
                                                  "SO-9,SF,\n"));
    ShipmentImportDialog dialog(m_shop->context);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.openFile(path);
    auto *messages = dialog.findChild<QPlainTextEdit *>(QStringLiteral("messageList"));
    QVERIFY(messages->isVisible());
    const QStringList errors = messages->toPlainText().split(u'\n');
    QCOMPARE(errors.size(), 3);
    QVERIFY2(errors.at(0).startsWith(QStringLiteral("bad.csv:3:1: the order SO-3 is not paid")),
             qPrintable(errors.at(0)));
    QVERIFY2(errors.at(1).startsWith(QStringLiteral("bad.csv:4:1: there is no order SO-9")),
             qPrintable(errors.at(1)));
    QVERIFY2(errors.at(2).startsWith(QStringLiteral("bad.csv:4:3: the tracking number is empty")),
             qPrintable(errors.at(2)));
    QVERIFY(!dialog.findChild<QTableWidget *>(QStringLiteral("previewTable"))->isVisible());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("shipButton"))->isEnabled());
    QVERIFY(!dialog.shipNow());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))
                ->text()
                .startsWith(QStringLiteral("Nothing was shipped: 3 problem(s)")));
    QCOMPARE(order(QStringLiteral("SO-1")).status, OrderStatus::Paid);
    QVERIFY(!dialog.changedShop());
}

void TestShipmentImportDialog::ordersPageOffersIt()
{
    OrderListPage page(m_shop->context);
    QSignalSpy requested(&page, &OrderListPage::shipmentImportRequested);
    auto *action = page.findChild<QAction *>(QStringLiteral("shipmentImportAction"));
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("&Tracking numbers…"));
    action->trigger();
    QCOMPARE(requested.size(), 1);
}

MICROSHOP_TEST_MAIN(TestShipmentImportDialog)
#include "tst_shipmentimportdialog.moc"
