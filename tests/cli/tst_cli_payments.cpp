// `microshop-cli import payments` and `report reconciliation` (platforms.md "Payment bills"): WeChat
// Pay merchant bills pay pending orders and confirm paid ones, a wrong amount or an unknown order
// is reported and never applied, a bill in another currency changes nothing, a personal bill
// applies nothing and offers candidates, and `payment confirm` pays a candidate on the merchant's
// word only, refusing anything else; on the backend of $MICROSHOP_TEST_BACKEND.
#include "Database.h"
#include "Dates.h"

#include "ShopFixture.h"
#include "TestClock.h"

#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

const QString header = QString::fromUtf16(
    u"交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
    u"付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,"
    u"退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注");

struct BillRow
{
    QString at;
    QString billNo;
    QString orderNo;
    QString status = QStringLiteral("SUCCESS");
    QString amount;
    QString currency = QStringLiteral("CNY");
    QString refundNo;
    QString refundAmount = QStringLiteral("0.00");
};

// A merchant bill line as WeChat writes it: 27 values, each after a backtick.
QString merchantRow(const BillRow &row);

// A payment or refund line from its first values, the rest as BillRow has them.
QString merchantRow(const QString &at, const QString &billNo, const QString &orderNo,
                    const QString &status, const QString &amount,
                    const QString &currency = QStringLiteral("CNY"))
{
    BillRow row;
    row.at = at;
    row.billNo = billNo;
    row.orderNo = orderNo;
    row.status = status;
    row.amount = amount;
    row.currency = currency;
    return merchantRow(row);
}

QString merchantRow(const BillRow &row)
{
    const QStringList values = {row.at,
                                QStringLiteral("wx8888"),
                                QStringLiteral("1900000001"),
                                QStringLiteral("0"),
                                QString(),
                                row.billNo,
                                row.orderNo,
                                QStringLiteral("oUser1"),
                                QStringLiteral("JSAPI"),
                                row.status,
                                QStringLiteral("CMB_CREDIT"),
                                row.currency,
                                row.amount,
                                QStringLiteral("0.00"),
                                row.refundNo,
                                row.refundNo.isEmpty() ? QString()
                                                       : QStringLiteral("R") + row.orderNo,
                                row.refundAmount,
                                QStringLiteral("0.00"),
                                QString(),
                                QString(),
                                QString::fromUtf16(u"普洱"),
                                QString(),
                                QStringLiteral("0.01000"),
                                QStringLiteral("0.60%"),
                                row.amount,
                                row.refundAmount,
                                QString()};
    QStringList cells;
    for (const QString &value : values)
        cells.append(u'`' + value);
    return cells.join(u',');
}

QString summary()
{
    return QString::fromUtf16(u"总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,"
                              u"订单总金额,申请退款总金额\n"
                              u"`6,`39.90,`1.50,`0.00,`0.24000,`39.90,`1.50\n");
}

} // namespace

class TestCliPayments : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void merchantBillPaysPendingAndConfirmsPaid();
    void sameBillTwiceChangesNothing();
    void olderColumnNamesAreRead();
    void anotherCurrencyIsRefusedAtItsCell();
    void personalBillAppliesNothingAndOffersCandidates();
    void personalBillErrorsKeepTheirPhysicalLines();
    void reconciliationReportOfASmallShop();
    void confirmingACandidatePaysItsOrder();
    void confirmingRefusesWhatIsNoCandidate();
    void badCommandLinesAreUsageErrors();

private:
    void addOrder(const QString &orderNo, const QString &date, qint64 quantity,
                  const QString &price, const QString &shipping, const QString &youzanNo = {});
    QString write(const QString &name, const QString &text);
    CliResult importPayments(const QString &file, const QStringList &more = {})
    {
        return m_fixture.cli(QStringList{QStringLiteral("import"), QStringLiteral("payments"), file}
                             + more);
    }
    OrderStatus statusOf(const QString &orderNo)
    {
        return m_fixture.services().workflow.orderByNumber(orderNo).status;
    }
    qint64 billLines()
    {
        return m_fixture.database()
            .scalar(QStringLiteral("SELECT count(*) FROM payment_bill_lines"))
            .toLongLong();
    }
    QString merchantBill() const;
    QString personalBill() const;
    CliResult confirm(const QString &billNo, const QString &orderNo)
    {
        return m_fixture.cli(
            {QStringLiteral("payment"), QStringLiteral("confirm"), billNo, orderNo});
    }

    ShopFixture m_fixture;
};

void TestCliPayments::addOrder(const QString &orderNo, const QString &date, qint64 quantity,
                               const QString &price, const QString &shipping,
                               const QString &youzanNo)
{
    ShopServices &shop = m_fixture.services();
    OrderDraft draft;
    draft.orderNo = orderNo;
    draft.date = *Dates::parseDateTime(date);
    draft.customerId = shop.customerService.customerByCode(QStringLiteral("C1")).id;
    draft.shippingFee = *Money::parse(shipping);
    draft.lines = {{shop.catalog.productBySku(QStringLiteral("TEA-01")).id, quantity,
                    *Money::parse(price), Money()}};
    if (!youzanNo.isEmpty()) {
        draft.platform = Platform::Youzan;
        draft.platformNo = youzanNo;
    }
    shop.workflow.create(draft);
}

// A small shop: amounts due SO-1 16.00 (pending), SO-2 4.00 (paid by WeChat), SO-3 8.00
// (pending), SO-4 5.00 (paid by WeChat), SO-5 8.00 (pending, Youzan E2026030100001), SO-6 28.16
// (pending, 2026-03-02), SO-7 28.16 (pending, 2026-02-20: too early to be a candidate).
void TestCliPayments::init()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    ShopServices &shop = m_fixture.services();
    Product tea;
    tea.sku = QStringLiteral("TEA-01");
    tea.name = QStringLiteral("普洱");
    tea.price = *Money::parse(u"4");
    tea.stock = 20;
    shop.catalog.create(tea, *Dates::parseDateTime(u"2026-02-01 09:00"));
    Customer buyer;
    buyer.code = QStringLiteral("C1");
    buyer.name = QStringLiteral("张伟");
    shop.customerService.create(buyer);
    addOrder(QStringLiteral("SO-1"), QStringLiteral("2026-03-01 09:00"), 3, QStringLiteral("3.34"),
             QStringLiteral("5.98"));
    addOrder(QStringLiteral("SO-2"), QStringLiteral("2026-03-01 09:30"), 1, QStringLiteral("4"),
             QStringLiteral("0"));
    addOrder(QStringLiteral("SO-3"), QStringLiteral("2026-03-01 10:00"), 2, QStringLiteral("4"),
             QStringLiteral("0"));
    addOrder(QStringLiteral("SO-4"), QStringLiteral("2026-03-01 11:00"), 1, QStringLiteral("4"),
             QStringLiteral("1"));
    addOrder(QStringLiteral("SO-5"), QStringLiteral("2026-03-01 12:00"), 2, QStringLiteral("4"),
             QStringLiteral("0"), QStringLiteral("E2026030100001"));
    addOrder(QStringLiteral("SO-6"), QStringLiteral("2026-03-02 08:00"), 1, QStringLiteral("28.16"),
             QStringLiteral("0"));
    addOrder(QStringLiteral("SO-7"), QStringLiteral("2026-02-20 08:00"), 1, QStringLiteral("28.16"),
             QStringLiteral("0"));
    shop.workflow.pay(QStringLiteral("SO-2"), *Dates::parseDateTime(u"2026-03-01 09:40"),
                      PaymentMethod::WeChat);
    shop.workflow.pay(QStringLiteral("SO-4"), *Dates::parseDateTime(u"2026-03-02 08:00"),
                      PaymentMethod::WeChat);
}

void TestCliPayments::cleanup()
{
    m_fixture.closeShop();
}

QString TestCliPayments::write(const QString &name, const QString &text)
{
    const QString path = m_fixture.scratchPath(name);
    [&] { QVERIFY(writeFile(path, text.toUtf8())); }();
    return path;
}

// Lines 2-7, then the summary on lines 8 and 9; the header's names after backticks too.
QString TestCliPayments::merchantBill() const
{
    QStringList names = header.split(u',');
    for (QString &name : names)
        name.prepend(u'`');
    QStringList lines = {names.join(u',')};
    lines.append(merchantRow(QStringLiteral("2026-03-02 10:00:00"), QStringLiteral("4200000001"),
                             QStringLiteral("SO-1"), QStringLiteral("SUCCESS"),
                             QStringLiteral("16.00")));
    lines.append(merchantRow(QStringLiteral("2026-03-02 11:00:00"), QStringLiteral("4200000002"),
                             QStringLiteral("SO-2"), QStringLiteral("SUCCESS"),
                             QStringLiteral("4.00")));
    lines.append(merchantRow(QStringLiteral("2026-03-02 12:00:00"), QStringLiteral("4200000003"),
                             QStringLiteral("SO-3"), QStringLiteral("SUCCESS"),
                             QStringLiteral("7.00")));
    lines.append(merchantRow(QStringLiteral("2026-03-02 13:00:00"), QStringLiteral("4200000004"),
                             QStringLiteral("SO-404"), QStringLiteral("SUCCESS"),
                             QStringLiteral("9.90")));
    lines.append(merchantRow(QStringLiteral("2026-03-02 14:00:00"), QStringLiteral("4200000005"),
                             QStringLiteral("E2026030100001"), QStringLiteral("SUCCESS"),
                             QStringLiteral("8.00")));
    BillRow refund;
    refund.at = QStringLiteral("2026-03-03 09:00:00");
    refund.billNo = QStringLiteral("4200000002");
    refund.orderNo = QStringLiteral("SO-2");
    refund.status = QStringLiteral("REFUND");
    refund.amount = QStringLiteral("4.00");
    refund.refundNo = QStringLiteral("5030000001");
    refund.refundAmount = QStringLiteral("1.50");
    lines.append(merchantRow(refund));
    return lines.join(u'\n') + u'\n' + summary();
}

void TestCliPayments::merchantBillPaysPendingAndConfirmsPaid()
{
    const CliResult imported = importPayments(write(QStringLiteral("bill.csv"), merchantBill()));
    QVERIFY2(imported.status == 0, qPrintable(imported.err));
    // SO-1 and SO-5 (by its Youzan number) paid, SO-2 confirmed; SO-3 7.00 of 8.00; SO-404.
    QCOMPARE(imported.out, QStringLiteral("matched,applied,mismatched,unknown\r\n3,2,1,1\r\n"));
    QCOMPARE(statusOf(QStringLiteral("SO-1")), OrderStatus::Paid);
    const Order paid = m_fixture.services().workflow.orderByNumber(QStringLiteral("SO-1"));
    QCOMPARE(Dates::toText(*paid.paidAt), QStringLiteral("2026-03-02 10:00:00"));
    QCOMPARE(paid.payment->method, PaymentMethod::WeChat);
    QCOMPARE(statusOf(QStringLiteral("SO-5")), OrderStatus::Paid);
    QCOMPARE(statusOf(QStringLiteral("SO-3")), OrderStatus::Pending); // the mismatch
    // The paid one stays as it was, refund included: recorded, not applied.
    const Order confirmed = m_fixture.services().workflow.orderByNumber(QStringLiteral("SO-2"));
    QCOMPARE(confirmed.status, OrderStatus::Paid);
    QCOMPARE(Dates::toText(*confirmed.paidAt), QStringLiteral("2026-03-01 09:40:00"));
    QCOMPARE(confirmed.refundedTotal, Money());
    QCOMPARE(billLines(), 6); // the summary lines are not bill lines
    // 20 - SO-2 - SO-4 - SO-1 (3) - SO-5 (2)
    QCOMPARE(m_fixture.services().catalog.productBySku(QStringLiteral("TEA-01")).stock, 13);
    // --format json
    const CliResult again = importPayments(m_fixture.scratchPath(QStringLiteral("bill.csv")),
                                           {QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(again.out.contains(QStringLiteral("\"applied\"")), qPrintable(again.out));
}

void TestCliPayments::sameBillTwiceChangesNothing()
{
    const QString file = write(QStringLiteral("bill.csv"), merchantBill());
    QCOMPARE(importPayments(file).status, 0);
    const CliResult ordersBefore = m_fixture.cli(
        {QStringLiteral("export"), QStringLiteral("orders"), QStringLiteral("-")});
    const CliResult reportBefore = m_fixture.cli(
        {QStringLiteral("report"), QStringLiteral("reconciliation")});
    const CliResult second = importPayments(file,
                                            {QStringLiteral("--source"), QStringLiteral("wechat")});
    QVERIFY2(second.status == 0, qPrintable(second.err));
    // The same lines, the paid orders now confirmed: nothing applied again.
    QCOMPARE(second.out, QStringLiteral("matched,applied,mismatched,unknown\r\n3,0,1,1\r\n"));
    QCOMPARE(billLines(), 6);
    const CliResult ordersAfter = m_fixture.cli(
        {QStringLiteral("export"), QStringLiteral("orders"), QStringLiteral("-")});
    QVERIFY(!ordersBefore.out.isEmpty());
    QCOMPARE(ordersAfter.out, ordersBefore.out);
    QCOMPARE(m_fixture.cli({QStringLiteral("report"), QStringLiteral("reconciliation")}).out,
             reportBefore.out);
    QCOMPARE(m_fixture.services().catalog.productBySku(QStringLiteral("TEA-01")).stock, 13);
}

void TestCliPayments::olderColumnNamesAreRead()
{
    // An older account's bill: 总金额 and 企业红包金额, 24 columns, names without backticks.
    const QString old = QString::fromUtf16(
        u"交易时间,公众账号ID,商户号,子商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
        u"付款银行,货币种类,总金额,企业红包金额,微信退款单号,商户退款单号,退款金额,企业红包退款金额,"
        u"退款类型,退款状态,商品名称,商户数据包,手续费,费率\n"
        u"`2026-03-02 10:05:00,`wx8888,`1900000001,`0,`,`4200000011,`SO-1,`oUser1,`JSAPI,"
        u"`SUCCESS,`CMB_CREDIT,`CNY,`16.00,`0.00,`0,`0,`0.00,`0.00,`,`,`普洱,`,`0.10000,`0.60%\n"
        u"总交易单数,总交易额,总退款金额,总企业红包退款金额,手续费总金额\n"
        u"`1,`16.00,`0.00,`0.00,`0.10000\n");
    const CliResult imported = importPayments(write(QStringLiteral("old.csv"), old));
    QVERIFY2(imported.status == 0, qPrintable(imported.err));
    QCOMPARE(imported.out, QStringLiteral("matched,applied,mismatched,unknown\r\n1,1,0,0\r\n"));
    const Order paid = m_fixture.services().workflow.orderByNumber(QStringLiteral("SO-1"));
    QCOMPARE(paid.status, OrderStatus::Paid);
    QCOMPARE(Dates::toText(*paid.paidAt), QStringLiteral("2026-03-02 10:05:00"));
}

void TestCliPayments::anotherCurrencyIsRefusedAtItsCell()
{
    const QString bill = header + u'\n'
                         + merchantRow(QStringLiteral("2026-03-02 10:00:00"),
                                       QStringLiteral("4200000001"), QStringLiteral("SO-1"),
                                       QStringLiteral("SUCCESS"), QStringLiteral("16.00"))
                         + u'\n'
                         + merchantRow(QStringLiteral("2026-03-02 11:00:00"),
                                       QStringLiteral("4200000006"), QStringLiteral("SO-3"),
                                       QStringLiteral("SUCCESS"), QStringLiteral("8.00"),
                                       QStringLiteral("USD"))
                         + u'\n' + summary();
    const QString file = write(QStringLiteral("usd.csv"), bill);
    const CliResult refused = importPayments(file);
    QCOMPARE(refused.status, 1);
    // 货币种类 is the 12th column; the USD line is line 3.
    QVERIFY2(refused.err.startsWith(file + QStringLiteral(":3:12: ")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QStringLiteral("USD")), qPrintable(refused.err));
    QCOMPARE(statusOf(QStringLiteral("SO-1")), OrderStatus::Pending); // line 2 not applied either
    QCOMPARE(statusOf(QStringLiteral("SO-3")), OrderStatus::Pending);
    QCOMPARE(billLines(), 0);
}

// 16 lines before the header (line 17), as WeChat writes a personal bill.
QString TestCliPayments::personalBill() const
{
    return QString::fromUtf16(
        u"微信支付账单明细,,,,,,,,,,\n"
        u"微信昵称：[小店],,,,,,,,,,\n"
        u"起始时间：[2026-03-01 00:00:00] 终止时间：[2026-03-31 23:59:59],,,,,,,,,,\n"
        u"导出类型：[全部],,,,,,,,,,\n"
        u"导出时间：[2026-04-01 10:00:00],,,,,,,,,,\n"
        u",,,,,,,,,,\n"
        u"共3笔记录,,,,,,,,,,\n"
        u"收入：2笔 32.16元,,,,,,,,,,\n"
        u"支出：1笔 10.00元,,,,,,,,,,\n"
        u"中性交易：0笔 0.00元,,,,,,,,,,\n"
        u"注：,,,,,,,,,,\n"
        u"1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易,,,,,,,,,,\n"
        u"2. 本明细仅展示当前账单中的交易，不包括已删除的记录,,,,,,,,,,\n"
        u"3. 本明细仅供个人对账使用,,,,,,,,,,\n"
        u",,,,,,,,,,\n"
        u"----------------------微信支付账单明细列表--------------------,,,,,,,,,,\n"
        u"交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
        u"2026-03-03 20:15:00,转账,张伟,/,收入,¥28.16,/,已存入零钱,"
        u"1000050001202603030123456789\t,/,/\n"
        u"2026-03-04 08:00:00,二维码收款,李娜,/,收入,¥4.00,/,已存入零钱,"
        u"1000039901202603040000000001\t,/,/\n"
        u"2026-03-04 09:00:00,商户消费,超市,/,支出,¥10.00,零钱,支付成功,"
        u"4200000099202603040000000002\t,10000000001\t,/\n");
}

void TestCliPayments::personalBillAppliesNothingAndOffersCandidates()
{
    const QString file = write(QStringLiteral("personal.csv"), personalBill());
    const CliResult imported = importPayments(file);
    QVERIFY2(imported.status == 0, qPrintable(imported.err));
    // Two incomes, neither applied; the expense is not a bill line.
    QCOMPARE(imported.out, QStringLiteral("matched,applied,mismatched,unknown\r\n0,0,0,2\r\n"));
    QCOMPARE(billLines(), 2);
    QCOMPARE(statusOf(QStringLiteral("SO-6")), OrderStatus::Pending);
    QCOMPARE(statusOf(QStringLiteral("SO-7")), OrderStatus::Pending);
    const QString stored = m_fixture.database()
                               .scalar(QStringLiteral("SELECT bill_no FROM payment_bill_lines "
                                                      "WHERE amount = 2816"))
                               .toString();
    QCOMPARE(stored, QStringLiteral("1000050001202603030123456789")); // no tab kept
    // Said to be a merchant bill: it is not one.
    const CliResult forced = importPayments(file,
                                            {QStringLiteral("--source"), QStringLiteral("wechat")});
    QCOMPARE(forced.status, 1);
    QVERIFY2(forced.err.startsWith(file + QStringLiteral(":1:1: ")), qPrintable(forced.err));
    QCOMPARE(importPayments(file).out,
             QStringLiteral("matched,applied,mismatched,unknown\r\n0,0,0,2\r\n"));
    QCOMPARE(billLines(), 2);
}

void TestCliPayments::personalBillErrorsKeepTheirPhysicalLines()
{
    QString bill = personalBill();
    bill.replace(QString::fromUtf16(u"¥4.00"), QStringLiteral("4.0.0"));
    bill.replace(QStringLiteral("2026-03-03 20:15:00"), QStringLiteral("yesterday"));
    const QString file = write(QStringLiteral("bad-personal.csv"), bill);
    const CliResult refused = importPayments(
        file, {QStringLiteral("--source"), QStringLiteral("wechat-personal")});
    QCOMPARE(refused.status, 1);
    const QStringList lines = refused.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // two problems and the closing sentence
    QVERIFY2(lines.at(0).startsWith(file + QStringLiteral(":18:1: ")), qPrintable(refused.err));
    QVERIFY2(lines.at(1).startsWith(file + QStringLiteral(":19:6: ")), qPrintable(refused.err));
    QCOMPARE(billLines(), 0);
}

void TestCliPayments::reconciliationReportOfASmallShop()
{
    QCOMPARE(importPayments(write(QStringLiteral("bill.csv"), merchantBill())).status, 0);
    QCOMPARE(importPayments(write(QStringLiteral("personal.csv"), personalBill())).status, 0);
    const CliResult all = m_fixture.cli(
        {QStringLiteral("report"), QStringLiteral("reconciliation")});
    QVERIFY2(all.status == 0, qPrintable(all.err));
    // SO-6 is the candidate of the 28.16 income (a day before it); SO-7, 11 days before, is not.
    // SO-4 was paid by WeChat on 2026-03-02 and no bill has it.
    QCOMPARE(all.out, QStringLiteral("kind,order_no,platform_no,bill_no,amount,order_amount\r\n"
                                     "candidate,SO-6,,1000050001202603030123456789,28.16,28.16\r\n"
                                     "matched,SO-1,,4200000001,16.00,16.00\r\n"
                                     "matched,SO-2,,4200000002,4.00,4.00\r\n"
                                     "matched,SO-5,E2026030100001,4200000005,8.00,8.00\r\n"
                                     "mismatch,SO-3,,4200000003,7.00,8.00\r\n"
                                     "refund,SO-2,,4200000002,1.50,4.00\r\n"
                                     "unknown,,,1000039901202603040000000001,4.00,\r\n"
                                     "unknown,,,4200000004,9.90,\r\n"
                                     "unpaid-in-bill,SO-4,,,5.00,5.00\r\n"));
    const CliResult day = m_fixture.cli({QStringLiteral("report"), QStringLiteral("reconciliation"),
                                         QStringLiteral("--from"), QStringLiteral("2026-03-03"),
                                         QStringLiteral("--to"), QStringLiteral("2026-03-03")});
    QVERIFY2(day.status == 0, qPrintable(day.err));
    QCOMPARE(day.out, QStringLiteral("kind,order_no,platform_no,bill_no,amount,order_amount\r\n"
                                     "candidate,SO-6,,1000050001202603030123456789,28.16,28.16\r\n"
                                     "refund,SO-2,,4200000002,1.50,4.00\r\n"));
    // Once SO-6 is paid it is no longer a candidate: the income is unknown again.
    m_fixture.services().workflow.pay(
        QStringLiteral("SO-6"), *Dates::parseDateTime(u"2026-03-03 21:00"), PaymentMethod::Cash);
    const CliResult later = m_fixture.cli(
        {QStringLiteral("report"), QStringLiteral("reconciliation"), QStringLiteral("--from"),
         QStringLiteral("2026-03-03"), QStringLiteral("--to"), QStringLiteral("2026-03-03")});
    QVERIFY2(
        later.out.contains(QStringLiteral("\r\nunknown,,,1000050001202603030123456789,28.16,\r\n")),
        qPrintable(later.out));
}

void TestCliPayments::confirmingACandidatePaysItsOrder()
{
    QCOMPARE(importPayments(write(QStringLiteral("personal.csv"), personalBill())).status, 0);
    const QString income = QStringLiteral("1000050001202603030123456789");
    const CliResult confirmed = confirm(income, QStringLiteral("SO-6"));
    QVERIFY2(confirmed.status == 0, qPrintable(confirmed.err));
    QCOMPARE(confirmed.out,
             QStringLiteral("Order SO-6 is paid (paid 28.16 by wechat at 2026-03-03 20:15:00).\n"));
    const Order paid = m_fixture.services().workflow.orderByNumber(QStringLiteral("SO-6"));
    QCOMPARE(paid.status, OrderStatus::Paid);
    QCOMPARE(paid.payment->method, PaymentMethod::WeChat);
    QCOMPARE(Dates::toText(*paid.paidAt), QStringLiteral("2026-03-03 20:15:00"));
    QCOMPARE(m_fixture.database()
                 .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                        "'payment.confirm' AND entity_id = 'SO-6'"))
                 .toInt(),
             1);
    // Matched now, no longer a candidate, and not an order paid without a bill line.
    const CliResult day = m_fixture.cli({QStringLiteral("report"), QStringLiteral("reconciliation"),
                                         QStringLiteral("--from"), QStringLiteral("2026-03-03"),
                                         QStringLiteral("--to"), QStringLiteral("2026-03-03")});
    QCOMPARE(day.out, QStringLiteral("kind,order_no,platform_no,bill_no,amount,order_amount\r\n"
                                     "matched,SO-6,,1000050001202603030123456789,28.16,28.16\r\n"));
    // Confirmed once: a second time is refused, and the same bill again keeps it.
    const CliResult twice = confirm(income, QStringLiteral("SO-6"));
    QCOMPARE(twice.status, 1);
    QVERIFY2(twice.err.contains(QStringLiteral("already confirmed")), qPrintable(twice.err));
    QCOMPARE(importPayments(m_fixture.scratchPath(QStringLiteral("personal.csv"))).out,
             QStringLiteral("matched,applied,mismatched,unknown\r\n1,0,0,1\r\n"));
    QCOMPARE(m_fixture
                 .cli({QStringLiteral("report"), QStringLiteral("reconciliation"),
                       QStringLiteral("--from"), QStringLiteral("2026-03-03"),
                       QStringLiteral("--to"), QStringLiteral("2026-03-03")})
                 .out,
             day.out);
}

void TestCliPayments::confirmingRefusesWhatIsNoCandidate()
{
    QCOMPARE(importPayments(write(QStringLiteral("personal.csv"), personalBill())).status, 0);
    QCOMPARE(importPayments(write(QStringLiteral("bill.csv"), merchantBill())).status, 0);
    const QString income = QStringLiteral("1000050001202603030123456789");
    const auto refused = [this](const CliResult &result, const QString &words) {
        QCOMPARE(result.status, 1);
        QVERIFY2(result.err.contains(words), qPrintable(result.err));
    };
    refused(confirm(income, QStringLiteral("SO-3")), QStringLiteral("the amounts differ"));
    // SO-2 was paid by WeChat (4.00, as the other income): not pending.
    refused(confirm(QStringLiteral("1000039901202603040000000001"), QStringLiteral("SO-2")),
            QStringLiteral("only a pending order"));
    refused(confirm(income, QStringLiteral("SO-7")), QStringLiteral("more than 3 days"));
    refused(confirm(QStringLiteral("4200000001"), QStringLiteral("SO-6")),
            QStringLiteral("no income 4200000001"));
    refused(confirm(income, QStringLiteral("SO-404")), QStringLiteral("no order SO-404"));
    QCOMPARE(statusOf(QStringLiteral("SO-3")), OrderStatus::Pending);
    QCOMPARE(statusOf(QStringLiteral("SO-7")), OrderStatus::Pending);
    QCOMPARE(m_fixture.database()
                 .scalar(QStringLiteral("SELECT count(*) FROM payment_bill_lines WHERE outcome = "
                                        "'income'"))
                 .toInt(),
             2);
    QCOMPARE(confirm(income, QStringLiteral("SO-6")).status, 0);
}

void TestCliPayments::badCommandLinesAreUsageErrors()
{
    const QString file = write(QStringLiteral("bill.csv"), merchantBill());
    QCOMPARE(importPayments(file, {QStringLiteral("--source"), QStringLiteral("alipay")}).status,
             2);
    QCOMPARE(importPayments(file, {QStringLiteral("--platform"), QStringLiteral("youzan")}).status,
             2);
    QCOMPARE(m_fixture.cli({QStringLiteral("import"), QStringLiteral("payments")}).status, 2);
    QCOMPARE(importPayments(m_fixture.scratchPath(QStringLiteral("none.csv"))).status, 1);
    QCOMPARE(m_fixture
                 .cli({QStringLiteral("report"), QStringLiteral("reconciliation"),
                       QStringLiteral("--top"), QStringLiteral("3")})
                 .status,
             2);
    QCOMPARE(m_fixture
                 .cli({QStringLiteral("payment"), QStringLiteral("confirm"),
                       QStringLiteral("1000050001202603030123456789")})
                 .status,
             2);
    QCOMPARE(m_fixture
                 .cli({QStringLiteral("payment"), QStringLiteral("apply"), QStringLiteral("1"),
                       QStringLiteral("SO-6")})
                 .status,
             2);
    QCOMPARE(statusOf(QStringLiteral("SO-1")), OrderStatus::Pending);
}

MICROSHOP_TEST_GUILESS_MAIN(TestCliPayments)
#include "tst_cli_payments.moc"
