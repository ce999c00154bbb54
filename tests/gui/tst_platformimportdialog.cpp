// The platform import dialog as a merchant uses it, offscreen: a Youzan export is recognised and
// its columns shown, the item no product matches gets a product typed into its picker (saved as
// Youzan's alias), the import says what it created, a second import of the file changes nothing,
// and a bad file imports nothing and says where it is wrong.
#include "PlatformImportDialog.h"

#include "DesktopShop.h"
#include "TestClock.h"

#include "CatalogService.h"
#include "Dates.h"
#include "ListSource.h"
#include "OrderListModel.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QComboBox>
#include <QFile>
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

const QByteArray youzanHeader("订单号,订单创建时间,买家付款时间,订单状态,收货人/提货人,"
                              "收货人手机号/提货人手机号,商品编码,商品名称,商品规格,商品数量,"
                              "商品单价,运费,订单实付金额\r\n");

} // namespace

class TestPlatformImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void picksAProductForAnUnmatchedItemThenImports();
    void aBadFileImportsNothing();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    QString label(PlatformImportDialog &dialog, const char *name);

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Shop> m_shop;
};

void TestPlatformImportDialog::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_shop = openDesktopShop(m_folder->filePath(QStringLiteral("shop.db")));
    const QDateTime opening = *Dates::parseDateTime(u"2026-11-01 09:00");
    for (const auto &[sku, name, price] :
         {std::tuple{u"TEA-01", u"普洱茶", u"30"}, std::tuple{u"CUP-02", u"玻璃杯", u"20"}}) {
        Product product;
        product.sku = QString::fromUtf16(sku);
        product.name = QString::fromUtf16(name);
        product.price = *Money::parse(price);
        product.stock = 10;
        m_shop->services.catalog.create(product, opening);
    }
}

void TestPlatformImportDialog::cleanup()
{
    m_shop.reset();
    m_folder.reset();
}

QString TestPlatformImportDialog::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_folder->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

QString TestPlatformImportDialog::label(PlatformImportDialog &dialog, const char *name)
{
    return dialog.findChild<QLabel *>(QString::fromLatin1(name))->text();
}

void TestPlatformImportDialog::picksAProductForAnUnmatchedItemThenImports()
{
    // E1: TEA-01 by its code; E2: a glass Youzan knows as YZ-9, which is no SKU.
    const QString path = writeFile(
        QStringLiteral("有赞订单.csv"),
        youzanHeader
            + QByteArray("E1,2026-11-20 10:00:00,2026-11-20 10:01:00,待发货,张三,13800000001,"
                         "TEA-01,普洱茶,357g,2,30.00,5.00,60.00\r\n"
                         "E2,2026-11-21 11:00:00,,待付款,李四,13800000002,YZ-9,玻璃杯,,1,20.00,"
                         "0,0\r\n"));
    PlatformImportDialog dialog(m_shop->context);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.openFile(path);

    const QString detected = label(dialog, "detectedLabel");
    QVERIFY2(detected.contains(QStringLiteral("Youzan"))
                 && detected.contains(QStringLiteral("2 order(s) in 2 row(s)")),
             qPrintable(detected));
    auto *columns = dialog.findChild<QTableWidget *>(QStringLiteral("columnsTable"));
    QStringList read;
    for (int row = 0; row < columns->rowCount(); ++row)
        read.append(columns->item(row, 0)->text() + u'=' + columns->item(row, 1)->text());
    QVERIFY2(read.contains(QStringLiteral("Order number=订单号"))
                 && read.contains(QStringLiteral("Paid amount=订单实付金额")),
             qPrintable(read.join(u',')));

    auto *unmatched = dialog.findChild<QTableWidget *>(QStringLiteral("unmatchedTable"));
    QVERIFY(unmatched->isVisible());
    QCOMPARE(unmatched->rowCount(), 1);
    QCOMPARE(unmatched->item(0, 0)->text(), QStringLiteral("玻璃杯"));
    QCOMPARE(unmatched->item(0, 2)->text(), QStringLiteral("YZ-9"));
    auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(!importButton->isEnabled());
    QVERIFY2(label(dialog, "statusLabel").contains(QStringLiteral("0 of 1")),
             qPrintable(label(dialog, "statusLabel")));
    QCOMPARE(m_shop->database->scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 0);

    auto *picker = dialog.findChild<QComboBox *>(QStringLiteral("productPicker0"));
    QVERIFY(picker);
    picker->lineEdit()->setFocus();
    QTest::keyClicks(picker->lineEdit(), QStringLiteral("CUP-02"));
    QVERIFY(importButton->isEnabled());
    QTest::mouseClick(importButton, Qt::LeftButton);
    QVERIFY2(label(dialog, "statusLabel").contains(QStringLiteral("2 order(s) created")),
             qPrintable(label(dialog, "statusLabel")));
    QVERIFY(!importButton->isEnabled());

    const auto e2 = m_shop->context.orderRepository.findByPlatformNumber(Platform::Youzan,
                                                                         QStringLiteral("E2"));
    QVERIFY(e2);
    QCOMPARE(e2->lines.size(), 1);
    QCOMPARE(e2->lines.constFirst().sku, QStringLiteral("CUP-02"));
    QCOMPARE(e2->status, OrderStatus::Pending);
    const auto e1 = m_shop->context.orderRepository.findByPlatformNumber(Platform::Youzan,
                                                                         QStringLiteral("E1"));
    QVERIFY(e1);
    QCOMPARE(e1->status, OrderStatus::Paid);
    QCOMPARE(e1->payment->amount, *Money::parse(u"60")); // 2 × 30 + 5 shipping - 5 discount
    QVERIFY(m_shop->context.productRepository.aliasedProduct(
        {Platform::Youzan, QStringLiteral("YZ-9"), {}, {}, {}}));

    // The Orders list shows Youzan's number beside MicroShop's, and its search finds either.
    const auto orders = m_shop->context.lists(ListKind::Orders);
    for (const QString &typed : {QStringLiteral("e2"), e2->orderNo}) {
        ListQuery query;
        query.search = typed;
        const QList<QVariantList> rows = orders->fetch(query, 0, 10, -1);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().value(1 + OrderListModel::OrderNo).toString(), e2->orderNo);
        QCOMPARE(rows.constFirst().value(1 + OrderListModel::Platform).toString(),
                 QStringLiteral("youzan"));
        QCOMPARE(rows.constFirst().value(1 + OrderListModel::PlatformNo).toString(),
                 QStringLiteral("E2"));
    }

    // The same file again: the alias matches the glass, and nothing changes.
    PlatformImportDialog again(m_shop->context);
    again.show();
    again.openFile(path);
    QVERIFY(!again.findChild<QTableWidget *>(QStringLiteral("unmatchedTable"))->isVisible());
    auto *againButton = again.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(againButton->isEnabled());
    QTest::mouseClick(againButton, Qt::LeftButton);
    QVERIFY2(label(again, "statusLabel")
                 .contains(QStringLiteral("0 order(s) created, 0 updated, "
                                          "2 unchanged")),
             qPrintable(label(again, "statusLabel")));
    QCOMPARE(m_shop->database->scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 2);
}

void TestPlatformImportDialog::aBadFileImportsNothing()
{
    const QString path = writeFile(
        QStringLiteral("bad.csv"),
        youzanHeader
            + QByteArray(
                "E1,2026-11-20 10:00:00,,已发财,张三,13800000001,TEA-01,普洱茶,,1,30,0,30\r\n"));
    PlatformImportDialog dialog(m_shop->context);
    dialog.show();
    dialog.openFile(path);
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
    auto *messages = dialog.findChild<QPlainTextEdit *>(QStringLiteral("messageList"));
    QVERIFY(messages->isVisible());
    QVERIFY2(messages->toPlainText().startsWith(QStringLiteral("bad.csv:2:4: ")),
             qPrintable(messages->toPlainText()));
    QVERIFY(messages->toPlainText().contains(QStringLiteral("待付款")));
    QVERIFY(label(dialog, "statusLabel").contains(QStringLiteral("1 problem")));
    QCOMPARE(m_shop->database->scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 0);
}

QTEST_MAIN(TestPlatformImportDialog)
#include "tst_platformimportdialog.moc"
