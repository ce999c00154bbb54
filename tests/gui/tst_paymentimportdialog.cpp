// The WeChat Pay bill dialog as a merchant uses it, offscreen: a merchant bill pays the pending
// order it names and says what matched; a personal bill pays nothing until the merchant confirms
// one of an income's candidates, which pays that order at the income's time and is then gone (a
// second confirmation is refused); a bad file imports nothing and says where it is wrong.
#include "PaymentImportDialog.h"

#include "DesktopShop.h"
#include "TestClock.h"

#include "CatalogService.h"
#include "CustomerService.h"
#include "Dates.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

const QString merchantHeader = QString::fromUtf16(
    u"交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
    u"付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,"
    u"退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\n");

// A SUCCESS line of a merchant bill, each value after a backtick.
QString merchantLine(const QString &at, const QString &billNo, const QString &orderNo,
                     const QString &amount, const QString &currency = QStringLiteral("CNY"))
{
    const QStringList values = {at,
                                QStringLiteral("wx8888"),
                                QStringLiteral("1900000001"),
                                {},
                                {},
                                billNo,
                                orderNo,
                                {},
                                QStringLiteral("JSAPI"),
                                QStringLiteral("SUCCESS"),
                                {},
                                currency,
                                amount,
                                QStringLiteral("0.00"),
                                {},
                                {},
                                {},
                                {},
                                {},
                                {},
                                {},
                                {},
                                {},
                                {},
                                amount,
                                {},
                                {}};
    QStringList cells;
    for (const QString &value : values)
        cells.append(u'`' + value);
    return cells.join(u',') + u'\n';
}

const QString personalHeader = QString::fromUtf16(
    u"微信支付账单明细,,,,,,,,,,\n"
    u"微信昵称：[小店],,,,,,,,,,\n"
    u"交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n");

const QString incomeNo = QStringLiteral("1000050001202611230123456789");

} // namespace

class TestPaymentImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void merchantBillPaysTheOrderItNames();
    void personalIncomePaysOnlyTheCandidateConfirmed();
    void aBadFileImportsNothing();

private:
    void addOrder(const QString &orderNo, const QString &date, const QString &price);
    QString writeFile(const QString &name, const QString &content);
    static QString label(PaymentImportDialog &dialog, const char *name);
    static QStringList rows(PaymentImportDialog &dialog); // "kind order bill" per row
    Order order(const QString &orderNo) { return m_shop->services.workflow.orderByNumber(orderNo); }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Shop> m_shop;
};

// SO-1 16.00 (2026-11-20), SO-6 28.16 (2026-11-22), SO-8 28.16 (2026-11-24), all pending.
void TestPaymentImportDialog::init()
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
    m_shop->services.customerService.create(buyer);
    addOrder(QStringLiteral("SO-1"), QStringLiteral("2026-11-20 09:00"), QStringLiteral("16"));
    addOrder(QStringLiteral("SO-6"), QStringLiteral("2026-11-22 08:00"), QStringLiteral("28.16"));
    addOrder(QStringLiteral("SO-8"), QStringLiteral("2026-11-24 08:00"), QStringLiteral("28.16"));
}

void TestPaymentImportDialog::cleanup()
{
    m_shop.reset();
    m_folder.reset();
}

void TestPaymentImportDialog::addOrder(const QString &orderNo, const QString &date,
                                       const QString &price)
{
    ShopServices &shop = m_shop->services;
    OrderDraft draft;
    draft.orderNo = orderNo;
    draft.date = *Dates::parseDateTime(date);
    draft.customerId = shop.customerService.customerByCode(QStringLiteral("C1")).id;
    draft.lines = {
        {shop.catalog.productBySku(QStringLiteral("TEA-01")).id, 1, *Money::parse(price), Money()}};
    shop.workflow.create(draft);
}

QString TestPaymentImportDialog::writeFile(const QString &name, const QString &content)
{
    QString path = m_folder->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content.toUtf8());
    return path;
}

QString TestPaymentImportDialog::label(PaymentImportDialog &dialog, const char *name)
{
    return dialog.findChild<QLabel *>(QString::fromLatin1(name))->text();
}

QStringList TestPaymentImportDialog::rows(PaymentImportDialog &dialog)
{
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("reconciliationTable"));
    QStringList found;
    for (int row = 0; row < table->rowCount(); ++row)
        found.append(QStringList{table->item(row, PaymentImportDialog::Kind)->text(),
                                 table->item(row, PaymentImportDialog::OrderNo)->text(),
                                 table->item(row, PaymentImportDialog::BillNo)->text()}
                         .join(u' '));
    return found;
}

void TestPaymentImportDialog::merchantBillPaysTheOrderItNames()
{
    const QString path = writeFile(
        QStringLiteral("bill.csv"),
        merchantHeader
            + merchantLine(QStringLiteral("2026-11-21 10:00:00"), QStringLiteral("4200000001"),
                           QStringLiteral("SO-1"), QStringLiteral("16.00"))
            + merchantLine(QStringLiteral("2026-11-21 11:00:00"), QStringLiteral("4200000004"),
                           QStringLiteral("SO-404"), QStringLiteral("9.90")));
    PaymentImportDialog dialog(m_shop->context);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.openFile(path);
    auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(importButton->isEnabled());
    QTest::mouseClick(importButton, Qt::LeftButton);

    const QString status = label(dialog, "statusLabel");
    QVERIFY2(status.contains(QStringLiteral("1 matched, of which 1 paid a pending order"))
                 && status.contains(QStringLiteral("0 with a different amount"))
                 && status.contains(QStringLiteral("1 unknown")),
             qPrintable(status));
    QVERIFY(!importButton->isEnabled());
    const Order paid = order(QStringLiteral("SO-1"));
    QCOMPARE(paid.status, OrderStatus::Paid);
    QCOMPARE(paid.payment->method, PaymentMethod::WeChat);
    QCOMPARE(Dates::toText(*paid.paidAt), QStringLiteral("2026-11-21 10:00:00"));
    const QStringList shown = rows(dialog);
    QVERIFY2(shown.contains(QStringLiteral("Matched SO-1 4200000001"))
                 && shown.contains(QStringLiteral("In the bill, no order  4200000004")),
             qPrintable(shown.join(u',')));
    QVERIFY(dialog.changedShop());
}

void TestPaymentImportDialog::personalIncomePaysOnlyTheCandidateConfirmed()
{
    // 28.16 on 2026-11-23: SO-6 (a day before) and SO-8 (a day after) are its candidates.
    const QString path = writeFile(
        QStringLiteral("personal.csv"),
        personalHeader
            + QStringLiteral("2026-11-23 20:15:00,转账,张伟,/,收入,¥28.16,/,已存入零钱,%1\t,/,/\n")
                  .arg(incomeNo));
    PaymentImportDialog dialog(m_shop->context);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.openFile(path);
    dialog.setSource(BillSource::WeChatPersonal);
    QVERIFY(dialog.importNow());
    QVERIFY2(label(dialog, "statusLabel").contains(QStringLiteral("0 matched")),
             qPrintable(label(dialog, "statusLabel")));
    QCOMPARE(order(QStringLiteral("SO-6")).status, OrderStatus::Pending); // never applied alone
    QCOMPARE(rows(dialog), (QStringList{QStringLiteral("Candidate to confirm SO-6 ") + incomeNo,
                                        QStringLiteral("Candidate to confirm SO-8 ") + incomeNo}));
    QVERIFY(label(dialog, "reconciliationLabel").contains(QStringLiteral("2 candidate")));

    auto *confirm = dialog.findChild<QPushButton *>(QStringLiteral("confirmButton0"));
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(QStringLiteral("SO-6")));
    QTRY_VERIFY(confirm->isVisible()); // laid out in its cell once the table is shown
    // The import's progress dialog has just closed: let the event loop take that in first.
    QCoreApplication::processEvents();
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY2(label(dialog, "statusLabel").contains(QStringLiteral("is paid by WeChat")),
             qPrintable(label(dialog, "statusLabel")));
    const Order paid = order(QStringLiteral("SO-6"));
    QCOMPARE(paid.status, OrderStatus::Paid);
    QCOMPARE(paid.payment->method, PaymentMethod::WeChat);
    QCOMPARE(Dates::toText(*paid.paidAt), QStringLiteral("2026-11-23 20:15:00"));
    QCOMPARE(order(QStringLiteral("SO-8")).status, OrderStatus::Pending);
    // The income is SO-6's now: no candidate left, the line matched.
    QCOMPARE(rows(dialog), QStringList{QStringLiteral("Matched SO-6 ") + incomeNo});
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("reconciliationTable"));
    QVERIFY(!table->cellWidget(0, PaymentImportDialog::Action));
    QCOMPARE(m_shop->database
                 ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                         "'payment.confirm' AND entity_id = 'SO-6'"))
                 .toInt(),
             1);

    // A second confirmation of the same income is refused and changes nothing.
    QVERIFY(!dialog.confirmCandidate(incomeNo, QStringLiteral("SO-8")));
    QVERIFY2(label(dialog, "statusLabel").contains(QStringLiteral("already confirmed")),
             qPrintable(label(dialog, "statusLabel")));
    QCOMPARE(order(QStringLiteral("SO-8")).status, OrderStatus::Pending);

    // The same bill again keeps the confirmation.
    PaymentImportDialog again(m_shop->context);
    again.show();
    again.openFile(path);
    QVERIFY(again.importNow());
    QVERIFY2(label(again, "statusLabel").contains(QStringLiteral("1 matched, of which 0 paid")),
             qPrintable(label(again, "statusLabel")));
    QCOMPARE(rows(again), QStringList{QStringLiteral("Matched SO-6 ") + incomeNo});
}

void TestPaymentImportDialog::aBadFileImportsNothing()
{
    const QString path = writeFile(
        QStringLiteral("usd.csv"),
        merchantHeader
            + merchantLine(QStringLiteral("2026-11-21 10:00:00"), QStringLiteral("4200000001"),
                           QStringLiteral("SO-1"), QStringLiteral("16.00"))
            + merchantLine(QStringLiteral("2026-11-21 11:00:00"), QStringLiteral("4200000002"),
                           QStringLiteral("SO-6"), QStringLiteral("28.16"), QStringLiteral("USD")));
    PaymentImportDialog dialog(m_shop->context);
    dialog.show();
    dialog.openFile(path);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("importButton")),
                      Qt::LeftButton);
    auto *messages = dialog.findChild<QPlainTextEdit *>(QStringLiteral("messageList"));
    QVERIFY(messages->isVisible());
    QVERIFY2(messages->toPlainText().startsWith(QStringLiteral("usd.csv:3:12: ")),
             qPrintable(messages->toPlainText()));
    QVERIFY2(label(dialog, "statusLabel").contains(QStringLiteral("Nothing was imported")),
             qPrintable(label(dialog, "statusLabel")));
    QVERIFY(!dialog.findChild<QTableWidget *>(QStringLiteral("reconciliationTable"))->isVisible());
    QCOMPARE(order(QStringLiteral("SO-1")).status, OrderStatus::Pending); // line 2 not applied
    QCOMPARE(
        m_shop->database->scalar(QStringLiteral("SELECT count(*) FROM payment_bill_lines")).toInt(),
        0);
    QVERIFY(!dialog.changedShop());
}

MICROSHOP_TEST_MAIN(TestPaymentImportDialog)
#include "tst_paymentimportdialog.moc"
