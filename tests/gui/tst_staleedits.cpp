// Two desktops editing one record (team.md "No lost update"): the editor that saves second is
// refused, shows what the other desktop saved in its fields with a message, and saves once the
// person makes the change again. Two connections to one SQLite file play the two desktops.
#include "CustomerEditor.h"
#include "Database.h"
#include "DistributorEditor.h"
#include "OrderEditor.h"
#include "ProductEditor.h"
#include "ShopServices.h"
#include "TestClock.h"
#include "TestValues.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestStaleEdits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void customerEditorShowsTheNewerVersion();
    void productEditorShowsTheNewerVersion();
    void distributorEditorShowsTheNewerVersion();
    void orderEditorShowsTheNewerVersion();

private:
    template<typename Widget>
    Widget *field(QWidget *editor, const char *name)
    {
        auto *widget = editor->findChild<Widget *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no %s", name);
        return widget;
    }

    QTemporaryDir m_folder;
    std::unique_ptr<Database> m_mine;
    std::unique_ptr<Database> m_theirs;
    std::unique_ptr<ShopServices> m_here;
    std::unique_ptr<ShopServices> m_there;
    std::unique_ptr<ShopContext> m_context;
    qint64 m_productId = 0;
    qint64 m_customerId = 0;
};

void TestStaleEdits::initTestCase()
{
    const auto location = DatabaseLocation::sqliteFile(
        m_folder.filePath(QStringLiteral("shop.db")));
    m_mine = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    m_theirs = Database::open(location);
    m_here = std::make_unique<ShopServices>(*m_mine);
    m_there = std::make_unique<ShopServices>(*m_theirs);
    m_context = std::make_unique<ShopContext>(m_here->context());
    Product tea;
    tea.sku = QStringLiteral("TEA");
    tea.name = QStringLiteral("普洱");
    tea.price = yuan("30");
    tea.stock = 10;
    m_productId = m_here->catalog.create(tea, at("2026-11-01 09:00")).id;
    Customer buyer;
    buyer.code = QStringLiteral("C1");
    buyer.name = QStringLiteral("张伟");
    m_customerId = m_here->customerService.create(buyer).id;
    Distributor seller;
    seller.code = QStringLiteral("D1");
    seller.name = QStringLiteral("李娜");
    seller.joined = QDate(2026, 1, 1);
    m_here->distributorService.create(seller);
}

void TestStaleEdits::customerEditorShowsTheNewerVersion()
{
    CustomerEditor editor(*m_context, m_here->customerService.customerByCode(QStringLiteral("C1")));
    Customer theirs = m_there->customerService.customerByCode(QStringLiteral("C1"));
    theirs.phone = QStringLiteral("13900000001");
    m_there->customerService.update(theirs);

    field<QLineEdit>(&editor, "nameEdit")->setText(QStringLiteral("张伟伟"));
    QVERIFY(!editor.save());
    QCOMPARE(field<QLineEdit>(&editor, "phoneEdit")->text(), QStringLiteral("13900000001"));
    QCOMPARE(field<QLineEdit>(&editor, "nameEdit")->text(), QStringLiteral("张伟"));
    QVERIFY(field<QLabel>(&editor, "errorLabel")->text().contains(QStringLiteral("Someone else")));
    QCOMPARE(m_here->customerService.customerByCode(QStringLiteral("C1")).name,
             QStringLiteral("张伟"));

    field<QLineEdit>(&editor, "nameEdit")->setText(QStringLiteral("张伟伟")); // made again
    QVERIFY(editor.save());
    const Customer saved = m_here->customerService.customerByCode(QStringLiteral("C1"));
    QCOMPARE(saved.name, QStringLiteral("张伟伟"));
    QCOMPARE(saved.phone, QStringLiteral("13900000001"));
}

void TestStaleEdits::productEditorShowsTheNewerVersion()
{
    ProductEditor editor(*m_context, m_here->catalog.productBySku(QStringLiteral("TEA")));
    Product theirs = m_there->catalog.productBySku(QStringLiteral("TEA"));
    theirs.price = yuan("35");
    m_there->catalog.update(theirs);

    field<QLineEdit>(&editor, "nameEdit")->setText(QStringLiteral("熟普"));
    QVERIFY(!editor.save());
    QCOMPARE(field<QLineEdit>(&editor, "priceEdit")->text(), QStringLiteral("35.00"));
    QCOMPARE(field<QLineEdit>(&editor, "nameEdit")->text(), QStringLiteral("普洱"));
    QVERIFY(field<QLabel>(&editor, "errorLabel")->text().contains(QStringLiteral("Someone else")));

    field<QLineEdit>(&editor, "nameEdit")->setText(QStringLiteral("熟普"));
    QVERIFY(editor.save());
    QCOMPARE(m_here->catalog.productBySku(QStringLiteral("TEA")).price, yuan("35"));
    QCOMPARE(m_here->catalog.productBySku(QStringLiteral("TEA")).name, QStringLiteral("熟普"));
}

void TestStaleEdits::distributorEditorShowsTheNewerVersion()
{
    DistributorEditor editor(*m_context,
                             m_here->distributorService.distributorByCode(QStringLiteral("D1")));
    Distributor theirs = m_there->distributorService.distributorByCode(QStringLiteral("D1"));
    theirs.phone = QStringLiteral("13700000000");
    m_there->distributorService.update(theirs);

    field<QLineEdit>(&editor, "nameEdit")->setText(QStringLiteral("李娜娜"));
    QVERIFY(!editor.apply());
    QCOMPARE(field<QLineEdit>(&editor, "phoneEdit")->text(), QStringLiteral("13700000000"));
    QCOMPARE(field<QLineEdit>(&editor, "nameEdit")->text(), QStringLiteral("李娜"));
    field<QLineEdit>(&editor, "nameEdit")->setText(QStringLiteral("李娜娜"));
    QVERIFY(editor.apply());
    QCOMPARE(m_here->distributorService.distributorByCode(QStringLiteral("D1")).name,
             QStringLiteral("李娜娜"));
}

void TestStaleEdits::orderEditorShowsTheNewerVersion()
{
    const Order pending = m_here->workflow.create(orderDraft(
        "SO-1", "2026-11-20 10:00", m_customerId, 0, {{m_productId, 1, std::nullopt, Money()}}));
    OrderEditor editor(*m_context, pending);
    OrderDraft theirs = orderDraft("SO-1", "2026-11-20 10:00", m_customerId, 0,
                                   {{m_productId, 4, std::nullopt, Money()}});
    theirs.version = pending.version;
    m_there->workflow.updatePending(QStringLiteral("SO-1"), theirs);

    field<QPlainTextEdit>(&editor, "notesEdit")->setPlainText(QStringLiteral("加急"));
    QVERIFY(!editor.save());
    auto *lines = field<QTableWidget>(&editor, "linesTable");
    QCOMPARE(lines->rowCount(), 1);
    QCOMPARE(lines->item(0, 2)->text(), QStringLiteral("4")); // their quantity, shown
    QVERIFY(field<QPlainTextEdit>(&editor, "notesEdit")->toPlainText().isEmpty());
    QCOMPARE(m_here->workflow.orderByNumber(QStringLiteral("SO-1")).lines.first().quantity, 4);
    QVERIFY(m_here->workflow.orderByNumber(QStringLiteral("SO-1")).notes.isEmpty());

    field<QPlainTextEdit>(&editor, "notesEdit")->setPlainText(QStringLiteral("加急"));
    QVERIFY(editor.save());
    const Order saved = m_here->workflow.orderByNumber(QStringLiteral("SO-1"));
    QCOMPARE(saved.notes, QStringLiteral("加急"));
    QCOMPARE(saved.lines.first().quantity, 4);
}

MICROSHOP_TEST_MAIN(TestStaleEdits)
#include "tst_staleedits.moc"
