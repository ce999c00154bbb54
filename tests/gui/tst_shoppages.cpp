// The shop's everyday work in the real main window, offscreen, as a merchant does it: a product,
// a customer and an order made by typing and clicking, then paid, shipped and partly refunded,
// with the lists, the stock and the buttons checked after each step.
#include "Database.h"
#include "ShopServices.h"

#include "CustomerListPage.h"
#include "LanguageManager.h"
#include "ListPage.h"
#include "MainWindow.h"
#include "OrderEditor.h"
#include "OrderListPage.h"
#include "RefundOrderDialog.h"

#include "CustomerListModel.h"
#include "OrderListModel.h"
#include "ProductListModel.h"

#include "TestClock.h"
#include "Widgets.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDebug>
#include <QDialog>
#include <QDialogButtonBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

void typeChinese(QWidget *widget, const QString &text)
{
    widget->setFocus();
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// Runs `work` on the next modal dialog once it is open (exec() blocks the caller).
void onDialog(std::function<void(QDialog *)> work)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, work] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            dialog->activateWindow();
            QApplication::setActiveWindow(dialog);
            work(dialog);
        }
    });
    timer->start();
}

// The line edit a table opens on a cell being edited.
QLineEdit *cellEditor(QTableWidget *table)
{
    // A closed editor stays around, hidden, until it is deleted later: take the visible one (a
    // combo box's line edit is not hidden itself when its combo box is).
    const QList<QLineEdit *> editors = table->viewport()->findChildren<QLineEdit *>();
    for (QLineEdit *editor : editors) {
        const auto *combo = qobject_cast<const QComboBox *>(editor->parentWidget());
        if (!editor->isHidden() && !(combo && combo->isHidden()))
            return editor;
    }
    return nullptr;
}

void clickOk(QDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    if (!ok)
        ok = buttons->button(QDialogButtonBox::Save);
    QTest::mouseClick(ok, Qt::LeftButton);
}

} // namespace

class TestShopPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void createAProductByTyping();
    void refuseAPriceWithThreeDecimals();
    void createACustomerWithAnAddress();
    void createAnOrderPickingTheCustomerAndScanningSkus();
    void payShipAndRefundPartOfTheOrder();
    void searchOrdersByTrackingNumberAsYouType();

private:
    void showPage(MainWindow::Page page) { m_window->showPage(page); }

    QTemporaryDir m_folder;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ShopServices> m_services;
    std::unique_ptr<ShopContext> m_shop;
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;
};

void TestShopPages::initTestCase()
{
    m_database = Database::open(
        DatabaseLocation::sqliteFile(m_folder.filePath(QStringLiteral("shop.db"))),
        Database::OpenMode::CreateOrUpgrade);
    m_services = std::make_unique<ShopServices>(*m_database);
    m_shop = std::make_unique<ShopContext>(m_services->context());
    m_languages.setLanguage(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(*m_shop, m_languages);
    m_window->resize(1300, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    for (const auto page : {MainWindow::Products, MainWindow::Customers, MainWindow::Orders}) {
        // Every list model passes Qt's model tester for as long as the window lives.
        new QAbstractItemModelTester(m_window->listPage(page)->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     m_window.get());
    }
}

void TestShopPages::cleanupTestCase()
{
    m_window.reset();
}

void TestShopPages::createAProductByTyping()
{
    showPage(MainWindow::Products);
    ListPage *page = m_window->listPage(MainWindow::Products);
    QCOMPARE(page->model()->rowCount(), 0);
    onDialog([](QDialog *editor) {
        typeInto(child<QLineEdit>(editor, "skuEdit"), QStringLiteral("TEA-01"));
        typeChinese(child<QLineEdit>(editor, "nameEdit"), QStringLiteral("普洱熟茶"));
        typeInto(child<QLineEdit>(editor, "priceEdit"), QStringLiteral("4"));
        typeInto(child<QLineEdit>(editor, "costEdit"), QStringLiteral("1.50"));
        auto *stock = child<QSpinBox>(editor, "stockSpin");
        stock->setFocus();
        stock->selectAll();
        QTest::keyClicks(stock, QStringLiteral("10"));
        clickOk(editor);
    });
    QTest::mouseClick(child<QPushButton>(page, "newButton"), Qt::LeftButton);
    QCOMPARE(page->model()->rowCount(), 1);
    const QAbstractItemModel *model = page->model();
    QCOMPARE(model->index(0, ProductListModel::Name).data().toString(), QStringLiteral("普洱熟茶"));
    QCOMPARE(model->index(0, ProductListModel::Price).data().toString(), QStringLiteral("4.00"));
    QCOMPARE(model->index(0, ProductListModel::Stock).data().toString(), QStringLiteral("10"));
    // The new product is selected, and its history shows the opening stock.
    QVERIFY(child<QLabel>(page, "detailsLabel")->text().contains(QStringLiteral("TEA-01")));
    QCOMPARE(child<QTableView>(page, "historyView")->model()->rowCount(), 1);
}

void TestShopPages::refuseAPriceWithThreeDecimals()
{
    ListPage *page = m_window->listPage(MainWindow::Products);
    QString shown;
    bool stillOpen = false;
    onDialog([&](QDialog *editor) {
        typeInto(child<QLineEdit>(editor, "skuEdit"), QStringLiteral("CUP-01"));
        typeInto(child<QLineEdit>(editor, "nameEdit"), QStringLiteral("Cup"));
        typeInto(child<QLineEdit>(editor, "priceEdit"), QStringLiteral("9.999"));
        clickOk(editor);
        shown = child<QLabel>(editor, "errorLabel")->text();
        stillOpen = editor->isVisible();
        editor->reject();
    });
    QTest::mouseClick(child<QPushButton>(page, "newButton"), Qt::LeftButton);
    QVERIFY2(shown.contains(QStringLiteral("more than two decimals")), qPrintable(shown));
    QVERIFY(stillOpen);
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(m_database->scalar(QStringLiteral("SELECT count(*) FROM products")).toInt(), 1);
}

void TestShopPages::createACustomerWithAnAddress()
{
    showPage(MainWindow::Customers);
    ListPage *page = m_window->listPage(MainWindow::Customers);
    onDialog([](QDialog *editor) {
        QCOMPARE(child<QLineEdit>(editor, "codeEdit")->text(), QStringLiteral("C000001"));
        typeChinese(child<QLineEdit>(editor, "nameEdit"), QStringLiteral("李娜"));
        typeInto(child<QLineEdit>(editor, "phoneEdit"), QStringLiteral("13800138000"));
        typeInto(child<QLineEdit>(editor, "wechatEdit"), QStringLiteral("wx_lina"));
        QTest::mouseClick(child<QPushButton>(editor, "addAddressButton"), Qt::LeftButton);
        auto *table = child<QTableWidget>(editor, "addressTable");
        const QStringList cells = {QStringLiteral("李娜"),   QStringLiteral("13800138000"),
                                   QStringLiteral("浙江省"), QStringLiteral("杭州市"),
                                   QStringLiteral("西湖区"), QStringLiteral("文三路1号")};
        for (int column = 1; column <= cells.size(); ++column) {
            table->editItem(table->item(0, column)); // what a double-click on the cell does
            QLineEdit *cell = cellEditor(table);
            typeChinese(cell, cells.at(column - 1));
            QTest::keyClick(cell, Qt::Key_Return);
            QCoreApplication::
                processEvents(); // the table commits an edit on Enter through a queued call
        }
        clickOk(editor);
    });
    QTest::mouseClick(child<QPushButton>(page, "newButton"), Qt::LeftButton);
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->index(0, CustomerListModel::Name).data().toString(),
             QStringLiteral("李娜"));
    const Customer stored = m_services->customerService.customerByCode(QStringLiteral("C000001"));
    QCOMPARE(stored.addresses.size(), 1);
    QVERIFY(stored.addresses.constFirst().isDefault);
    QCOMPARE(stored.addresses.constFirst().detail, QStringLiteral("文三路1号"));
    QVERIFY(child<QLabel>(page, "detailsLabel")->text().contains(QStringLiteral("杭州市")));
}

void TestShopPages::createAnOrderPickingTheCustomerAndScanningSkus()
{
    showPage(MainWindow::Orders);
    auto *page = static_cast<OrderListPage *>(m_window->listPage(MainWindow::Orders));
    onDialog([](QDialog *dialog) {
        auto *editor = qobject_cast<OrderEditor *>(dialog);
        QVERIFY(editor);
        // Part of the phone number, then the completion the popup offers.
        auto *customer = child<QLineEdit>(editor, "customerEdit");
        customer->setFocus();
        QTest::keyClicks(customer, QStringLiteral("138001"));
        QCOMPARE(customer->completer()->completionCount(), 1);
        QVERIFY(editor->chooseCustomer(
            customer->completer()->completionModel()->index(0, 0).data().toString()));
        QVERIFY(child<QLabel>(editor, "customerInfo")->text().contains(QStringLiteral("C000001")));
        // A scanner types the SKU and Enter; the same SKU again adds a unit.
        auto *sku = child<QLineEdit>(editor, "skuEdit");
        for (int scan = 0; scan < 3; ++scan) {
            sku->setFocus();
            QTest::keyClicks(sku, QStringLiteral("TEA-01"));
            QTest::keyClick(sku, Qt::Key_Return);
        }
        auto *lines = child<QTableWidget>(editor, "linesTable");
        QCOMPARE(lines->rowCount(), 1);
        QCOMPARE(lines->item(0, 2)->text(), QStringLiteral("3"));
        // A discount of 2.00 on the line: 3 x 4.00 - 2.00 = 10.00.
        lines->editItem(lines->item(0, 4)); // what a double-click on the cell does
        QLineEdit *cell = cellEditor(lines);
        QVERIFY(cell);
        cell->selectAll();
        QTest::keyClicks(cell, QStringLiteral("2"));
        QTest::keyClick(cell, Qt::Key_Return);
        QCoreApplication::
            processEvents(); // the table commits an edit on Enter through a queued call
        QCOMPARE(lines->item(0, 5)->text(), QStringLiteral("10.00"));
        typeInto(child<QLineEdit>(editor, "shippingEdit"), QStringLiteral("6"));
        QVERIFY(
            child<QLabel>(editor, "totalsLabel")->text().contains(QStringLiteral("total 16.00")));
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(page, "newButton"), Qt::LeftButton);
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->index(0, OrderListModel::Total).data().toString(),
             QStringLiteral("16.00"));
    QCOMPARE(page->model()->index(0, OrderListModel::Status).data().toString(),
             OrderStatuses::displayName(OrderStatus::Pending));
    QCOMPARE(page->currentId(),
             m_database->scalar(QStringLiteral("SELECT id FROM orders")).toLongLong());
    // Pending: pay or cancel, nothing else.
    QVERIFY(page->moveButton(OrderWorkflow::Move::Pay)->isEnabled());
    QVERIFY(page->moveButton(OrderWorkflow::Move::Cancel)->isEnabled());
    QVERIFY(!page->moveButton(OrderWorkflow::Move::Ship)->isEnabled());
    QVERIFY(!page->moveButton(OrderWorkflow::Move::Refund)->isEnabled());
}

void TestShopPages::payShipAndRefundPartOfTheOrder()
{
    auto *page = static_cast<OrderListPage *>(m_window->listPage(MainWindow::Orders));
    page->view()->selectRow(0);
    onDialog([](QDialog *dialog) {
        auto *method = child<QComboBox>(dialog, "methodCombo");
        method->setFocus();
        QTest::keyClick(method, Qt::Key_Down); // WeChat Pay -> Alipay
        clickOk(dialog);
    });
    QTest::mouseClick(page->moveButton(OrderWorkflow::Move::Pay), Qt::LeftButton);
    const QString orderNo
        = m_database->scalar(QStringLiteral("SELECT order_no FROM orders")).toString();
    QCOMPARE(m_services->workflow.orderByNumber(orderNo).status, OrderStatus::Paid);
    QCOMPARE(m_services->workflow.orderByNumber(orderNo).payment->method, PaymentMethod::Alipay);
    QCOMPARE(m_services->catalog.productBySku(QStringLiteral("TEA-01")).stock, 7);
    QVERIFY(page->moveButton(OrderWorkflow::Move::Ship)->isEnabled());
    QVERIFY(!page->moveButton(OrderWorkflow::Move::Pay)->isEnabled());

    onDialog([](QDialog *dialog) {
        typeInto(child<QLineEdit>(dialog, "trackingEdit"), QStringLiteral("SF1234567890"));
        clickOk(dialog);
    });
    QTest::mouseClick(page->moveButton(OrderWorkflow::Move::Ship), Qt::LeftButton);
    QCOMPARE(page->model()->index(0, OrderListModel::Tracking).data().toString(),
             QStringLiteral("SF1234567890"));
    QVERIFY(child<QLabel>(page, "detailsLabel")->text().contains(QStringLiteral("文三路1号")));
    QVERIFY(page->moveButton(OrderWorkflow::Move::Complete)->isEnabled());
    QVERIFY(!page->moveButton(OrderWorkflow::Move::Cancel)->isEnabled());

    // One unit of the 3-unit line of 10.00 back, into stock: 3.33.
    QString preview;
    onDialog([&](QDialog *dialog) {
        auto *refund = qobject_cast<RefundOrderDialog *>(dialog);
        QSpinBox *units = refund->unitsOfLine(0);
        units->setFocus();
        units->selectAll();
        QTest::keyClicks(units, QStringLiteral("1"));
        QTest::mouseClick(child<QCheckBox>(dialog, "restockCheck"), Qt::LeftButton, {},
                          QPoint(5, 5));
        preview = child<QLabel>(dialog, "totalLabel")->text();
        clickOk(dialog);
    });
    QTest::mouseClick(page->moveButton(OrderWorkflow::Move::Refund), Qt::LeftButton);
    QVERIFY2(preview.contains(QStringLiteral("3.33")), qPrintable(preview));
    const Order refunded = m_services->workflow.orderByNumber(orderNo);
    QCOMPARE(refunded.lines.constFirst().refundedAmount.toString(), QStringLiteral("3.33"));
    QCOMPARE(refunded.status, OrderStatus::Shipped);
    QCOMPARE(page->model()->index(0, OrderListModel::Refunded).data().toString(),
             QStringLiteral("3.33"));
    QCOMPARE(m_services->catalog.productBySku(QStringLiteral("TEA-01")).stock, 8);

    // The Products page shows the stock as it is now, with the sale and the return in its history.
    showPage(MainWindow::Products);
    ListPage *products = m_window->listPage(MainWindow::Products);
    products->refresh();
    QCOMPARE(products->model()->index(0, ProductListModel::Stock).data().toString(),
             QStringLiteral("8"));
    products->view()->selectRow(0);
    QCOMPARE(child<QTableView>(products, "historyView")->model()->rowCount(), 3);
}

void TestShopPages::searchOrdersByTrackingNumberAsYouType()
{
    showPage(MainWindow::Orders);
    ListPage *page = m_window->listPage(MainWindow::Orders);
    auto *search = child<QLineEdit>(page, "searchEdit");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("nothing-like-this"));
    QTRY_COMPARE(page->model()->rowCount(), 0);
    search->clear();
    // Tracking numbers match from their start, in any case (docs/decisions.md, "Scale").
    QTest::keyClicks(search, QStringLiteral("sf12345"));
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QCOMPARE(child<QLabel>(page, "countLabel")->text(), QStringLiteral("1 shown"));
}

int main(int argc, char *argv[])
{
    QTemporaryDir configuration;
    qputenv("XDG_CONFIG_HOME", configuration.path().toUtf8());
    qputenv("QT_QPA_PLATFORM", "offscreen");
    MicroShop::Testing::fixClock();
    QApplication application(argc, argv);
    TestShopPages test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_shoppages.moc"
