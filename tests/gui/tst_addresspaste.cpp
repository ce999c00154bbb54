// "Paste an address…" in the customer editor, the order editor and the Ship dialog, and the address
// table's cascading province, city and district choices, offscreen, as a merchant uses them.
#include "Database.h"
#include "ShopServices.h"

#include "AddressPasteDialog.h"
#include "CustomerEditor.h"
#include "OrderEditor.h"
#include "RegionDelegate.h"
#include "ShipOrderDialog.h"

#include "Dates.h"

#include "TestClock.h"
#include "Widgets.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

enum Column { Default, Receiver, Phone, Province, City, District, Detail };

QString cell(QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

// The combo box the table opened on the cell (the cell's editor).
QComboBox *openCombo(QTableWidget *table, int row, int column)
{
    table->setCurrentCell(row, column);
    if (!table->item(row, column))
        table->setItem(row, column, new QTableWidgetItem);
    table->editItem(table->item(row, column));
    return qobject_cast<QComboBox *>(table->indexWidget(table->model()->index(row, column)));
}

QStringList items(const QComboBox *combo)
{
    QStringList list;
    for (int i = 0; i < combo->count(); ++i)
        list.append(combo->itemText(i));
    return list;
}

// Leaves the cell as a person does by moving on: the table commits what the combo shows.
void leave(QTableWidget *table, int row)
{
    table->setCurrentCell(row, Detail);
    QCoreApplication::processEvents();
}

} // namespace

class TestAddressPaste : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dialogPreviewsAsItIsTyped();
    void pastingFillsTheCustomerEditor();
    void provinceCityDistrictCascade();
    void shippingToAPastedAddress();
    void orderEditorFindsOrMakesTheCustomer();

private:
    QTemporaryDir m_folder;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ShopServices> m_services;
    std::unique_ptr<ShopContext> m_shop;
};

void TestAddressPaste::initTestCase()
{
    m_database = Database::open(
        DatabaseLocation::sqliteFile(m_folder.filePath(QStringLiteral("shop.db"))),
        Database::OpenMode::CreateOrUpgrade);
    m_services = std::make_unique<ShopServices>(*m_database);
    m_shop = std::make_unique<ShopContext>(m_services->context());
}

void TestAddressPaste::dialogPreviewsAsItIsTyped()
{
    QGuiApplication::clipboard()->setText(QStringLiteral("138 0013 8000"));
    AddressPasteDialog dialog;
    auto *text = child<QPlainTextEdit>(&dialog, "pasteText");
    // Prefilled from the clipboard: only a phone, so the rest is missing.
    QCOMPARE(text->toPlainText(), QStringLiteral("138 0013 8000"));
    QCOMPARE(child<QLabel>(&dialog, "phonePreview")->text(), QStringLiteral("13800138000"));
    QVERIFY(child<QLabel>(&dialog, "missingLabel")->text().contains(QStringLiteral("Receiver")));
    QVERIFY(child<QLabel>(&dialog, "missingLabel")->text().contains(QStringLiteral("Province")));

    text->clear();
    text->setFocus();
    QInputMethodEvent event;
    event.setCommitString(QStringLiteral("收货人：张三\n电话：+86 139-1234-5678\n"
                                         "地址：北京市海淀区中关村大街1号"));
    QApplication::sendEvent(text, &event);
    QCOMPARE(child<QLabel>(&dialog, "receiverPreview")->text(), QStringLiteral("张三"));
    QCOMPARE(child<QLabel>(&dialog, "phonePreview")->text(), QStringLiteral("13912345678"));
    QCOMPARE(child<QLabel>(&dialog, "provincePreview")->text(), QStringLiteral("北京市"));
    QCOMPARE(child<QLabel>(&dialog, "cityPreview")->text(), QStringLiteral("北京市"));
    QCOMPARE(child<QLabel>(&dialog, "districtPreview")->text(), QStringLiteral("海淀区"));
    QCOMPARE(child<QLabel>(&dialog, "detailPreview")->text(), QStringLiteral("中关村大街1号"));
    QCOMPARE(child<QLabel>(&dialog, "missingLabel")->text(), QString());
    QVERIFY(dialog.parsed().isComplete());
}

void TestAddressPaste::pastingFillsTheCustomerEditor()
{
    QGuiApplication::clipboard()->setText(
        QStringLiteral("广东省深圳市南山区科技园南区1号，李娜，13800138000"));
    CustomerEditor editor(*m_shop, Customer{});
    editor.show();
    // An empty row from "Add address" is the one the pasted address fills.
    QTest::mouseClick(child<QPushButton>(&editor, "addAddressButton"), Qt::LeftButton);
    auto *table = child<QTableWidget>(&editor, "addressTable");
    QCOMPARE(table->rowCount(), 1);
    bool prefilled = false;
    onDialog([&](QWidget *dialog) {
        prefilled = child<QPlainTextEdit>(dialog, "pasteText")
                        ->toPlainText()
                        .contains(QStringLiteral("科技园南区1号"));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(&editor, "pasteAddressButton"), Qt::LeftButton);
    QVERIFY(prefilled);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, Default)->checkState(), Qt::Checked);
    const QStringList row = {cell(table, 0, Receiver), cell(table, 0, Phone),
                             cell(table, 0, Province), cell(table, 0, City),
                             cell(table, 0, District), cell(table, 0, Detail)};
    QCOMPARE(row, (QStringList{QStringLiteral("李娜"), QStringLiteral("13800138000"),
                               QStringLiteral("广东省"), QStringLiteral("深圳市"),
                               QStringLiteral("南山区"), QStringLiteral("科技园南区1号")}));
    // The new customer takes the receiver's name and phone; saving stores the address as typed.
    QCOMPARE(child<QLineEdit>(&editor, "nameEdit")->text(), QStringLiteral("李娜"));
    QCOMPARE(child<QLineEdit>(&editor, "phoneEdit")->text(), QStringLiteral("13800138000"));
    QVERIFY(editor.save());
    const Customer stored = m_services->customerService.customerByCode(editor.customer().code);
    QCOMPARE(stored.addresses.size(), 1);
    QCOMPARE(stored.addresses.constFirst().district, QStringLiteral("南山区"));
    QCOMPARE(stored.addresses.constFirst().detail, QStringLiteral("科技园南区1号"));

    // Cancel adds nothing.
    onDialog([](QWidget *dialog) { qobject_cast<QDialog *>(dialog)->reject(); });
    QTest::mouseClick(child<QPushButton>(&editor, "pasteAddressButton"), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 1);
}

void TestAddressPaste::provinceCityDistrictCascade()
{
    CustomerEditor editor(*m_shop, Customer{});
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTest::mouseClick(child<QPushButton>(&editor, "addAddressButton"), Qt::LeftButton);
    auto *table = child<QTableWidget>(&editor, "addressTable");

    QComboBox *province = openCombo(table, 0, Province);
    QVERIFY(province);
    QCOMPARE(province->count(), 31);
    QCOMPARE(province->completer()->filterMode(), Qt::MatchContains);
    province->setCurrentIndex(province->findText(QStringLiteral("广东省")));
    leave(table, 0);
    QCOMPARE(cell(table, 0, Province), QStringLiteral("广东省"));

    QComboBox *city = openCombo(table, 0, City);
    QVERIFY(city);
    QVERIFY(items(city).contains(QStringLiteral("深圳市")));
    QVERIFY(!items(city).contains(QStringLiteral("成都市")));
    city->setCurrentIndex(city->findText(QStringLiteral("深圳市")));
    leave(table, 0);
    QCOMPARE(cell(table, 0, City), QStringLiteral("深圳市"));

    QComboBox *district = openCombo(table, 0, District);
    QVERIFY(district);
    QVERIFY(items(district).contains(QStringLiteral("南山区")));
    QVERIFY(!items(district).contains(QStringLiteral("海淀区")));
    // Completion on any part of the name: 山 offers 南山区.
    district->completer()->setCompletionPrefix(QStringLiteral("山"));
    QStringList completions;
    for (int i = 0; district->completer()->setCurrentRow(i); ++i)
        completions.append(district->completer()->currentCompletion());
    QVERIFY2(completions.contains(QStringLiteral("南山区")), qPrintable(completions.join(u' ')));
    district->setCurrentIndex(district->findText(QStringLiteral("南山区")));
    leave(table, 0);
    QCOMPARE(cell(table, 0, District), QStringLiteral("南山区"));

    // A short name typed becomes the official one; another province clears the city and district.
    province = openCombo(table, 0, Province);
    province->setEditText(QStringLiteral("四川"));
    leave(table, 0);
    QCOMPARE(cell(table, 0, Province), QStringLiteral("四川省"));
    QCOMPARE(cell(table, 0, City), QString());
    QCOMPARE(cell(table, 0, District), QString());
    city = openCombo(table, 0, City);
    QVERIFY(items(city).contains(QStringLiteral("成都市")));
    leave(table, 0);
}

void TestAddressPaste::shippingToAPastedAddress()
{
    Product product;
    product.sku = QStringLiteral("TEA-01");
    product.name = QStringLiteral("普洱");
    product.price = Money::fromMinorUnits(1000);
    product.stock = 5;
    product = m_services->catalog.create(product, Dates::now());
    Customer customer;
    customer.code = QStringLiteral("C900001");
    customer.name = QStringLiteral("王芳");
    Address usual;
    usual.receiver = customer.name;
    usual.province = QStringLiteral("浙江省");
    usual.city = QStringLiteral("杭州市");
    usual.district = QStringLiteral("西湖区");
    usual.detail = QStringLiteral("文三路1号");
    customer.addresses.append(usual);
    customer = m_services->customerService.create(customer);
    OrderDraft draft;
    draft.date = Dates::now();
    draft.customerId = customer.id;
    draft.lines.append({product.id, 1, std::nullopt, Money()});
    const Order order = m_services->workflow.create(draft);
    m_services->workflow.pay(order.orderNo, Dates::now(), PaymentMethod::WeChat);

    ShipOrderDialog dialog(*m_shop, *m_services->orders.findByNumber(order.orderNo));
    QVERIFY(child<QLabel>(&dialog, "addressLabel")->text().contains(QStringLiteral("文三路1号")));
    QGuiApplication::clipboard()->setText(
        QStringLiteral("王芳的妈妈 李秀英 13600001111 江苏省苏州市姑苏区人民路100号"));
    onDialog([](QWidget *paste) {
        auto *buttons = paste->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(&dialog, "pasteAddressButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>(&dialog, "addressLabel")->text().contains(QStringLiteral("人民路100号")));
    child<QComboBox>(&dialog, "courierCombo")->setCurrentIndex(0);
    child<QLineEdit>(&dialog, "trackingEdit")->setText(QStringLiteral("SF1234567890"));
    QVERIFY(dialog.apply());
    const Order shipped = *m_services->orders.findByNumber(order.orderNo);
    QVERIFY(shipped.shipment);
    QCOMPARE(shipped.shipment->address.province, QStringLiteral("江苏省"));
    QCOMPARE(shipped.shipment->address.city, QStringLiteral("苏州市"));
    QCOMPARE(shipped.shipment->address.district, QStringLiteral("姑苏区"));
    QCOMPARE(shipped.shipment->address.detail, QStringLiteral("人民路100号"));
    QCOMPARE(shipped.shipment->address.phone, QStringLiteral("13600001111"));
    QCOMPARE(shipped.shipment->address.receiver, QStringLiteral("李秀英"));
}

void TestAddressPaste::orderEditorFindsOrMakesTheCustomer()
{
    const auto paste = [this](const QString &text) {
        QGuiApplication::clipboard()->setText(text);
        OrderEditor editor(*m_shop, Order{});
        onDialog([](QWidget *dialog) {
            auto *buttons = dialog->findChild<QDialogButtonBox *>();
            QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(&editor, "pasteAddressButton"), Qt::LeftButton);
        return QStringList{child<QLineEdit>(&editor, "customerEdit")->text(),
                           child<QLabel>(&editor, "customerInfo")->text()};
    };
    // A phone no customer has: a new customer with that address as its usual one.
    QStringList shown = paste(QStringLiteral("周婷 13700001234 广东省广州市天河区体育西路1号"));
    QCOMPARE(shown.value(0), QStringLiteral("周婷"));
    QVERIFY2(shown.value(1).contains(QStringLiteral("New customer")), qPrintable(shown.value(1)));
    auto customer = m_shop->customerRepository.findByPhone(QStringLiteral("13700001234"));
    QVERIFY(customer);
    QCOMPARE(customer->name, QStringLiteral("周婷"));
    QCOMPARE(customer->addresses.size(), 1);
    QCOMPARE(customer->defaultAddress()->district, QStringLiteral("天河区"));

    // The same phone with another address: the same customer, the new address its usual one.
    shown = paste(QStringLiteral("13700001234，周婷，广东省深圳市福田区福华路2号"));
    QCOMPARE(shown.value(0), QStringLiteral("周婷"));
    QVERIFY2(shown.value(1).contains(QStringLiteral("found by the phone")),
             qPrintable(shown.value(1)));
    customer = m_shop->customerRepository.findByPhone(QStringLiteral("13700001234"));
    QCOMPARE(customer->addresses.size(), 2);
    QCOMPARE(customer->defaultAddress()->district, QStringLiteral("福田区"));

    // The same address again changes nothing.
    paste(QStringLiteral("周婷 137 0000 1234 广东省深圳市福田区福华路2号"));
    QCOMPARE(
        m_shop->customerRepository.findByPhone(QStringLiteral("13700001234"))->addresses.size(), 2);
}

int main(int argc, char *argv[])
{
    QTemporaryDir configuration;
    qputenv("XDG_CONFIG_HOME", configuration.path().toUtf8());
    qputenv("QT_QPA_PLATFORM", "offscreen");
    MicroShop::Testing::fixClock();
    QApplication application(argc, argv);
    TestAddressPaste test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_addresspaste.moc"
