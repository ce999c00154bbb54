// Printed documents: packing slips, invoices, a distributor's statement and reports written as
// PDF and read back with poppler (pdftotext, pdfinfo, pdfimages), against figures computed by
// hand from the shop built below (see the comments); then `microshop-cli report statement`. On
// the backend of $MICROSHOP_TEST_BACKEND.
#include "ShopDocuments.h"

#include "Error.h"

#include "PdfTools.h"
#include "ShopFixture.h"
#include "TestClock.h"
#include "TestValues.h"

#include <QFileInfo>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTextDocument>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

using Paper = ShopDocuments::Paper;

constexpr qreal pointsPerMillimetre = 72 / 25.4;

struct Word
{
    QString text;
    qreal xMin;
    qreal xMax;
    qreal pageWidth;
};

QList<Word> pdfWords(const QString &file)
{
    const QString xhtml = run(QStringLiteral("pdftotext"),
                              {QStringLiteral("-bbox"), file, QStringLiteral("-")});
    static const QRegularExpression tag(
        QStringLiteral("<page width=\"([0-9.]+)\"|<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" "
                       "xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">([^<]*)</word>"));
    QList<Word> words;
    qreal pageWidth = 0;
    for (auto it = tag.globalMatch(xhtml); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (!match.captured(1).isEmpty())
            pageWidth = match.captured(1).toDouble();
        else
            words.append({match.captured(4), match.captured(2).toDouble(),
                          match.captured(3).toDouble(), pageWidth});
    }
    return words;
}

// The words that stick out of the text area (the page less its margins, half a point of slack).
QStringList wordsOutside(const QString &file, qreal marginMillimetres)
{
    const qreal margin = marginMillimetres * pointsPerMillimetre;
    QStringList outside;
    const QList<Word> words = pdfWords(file);
    for (const Word &word : words) {
        if (word.xMin < margin - 0.5 || word.xMax > word.pageWidth - margin + 0.5)
            outside.append(QStringLiteral("%1 [%2, %3] of %4")
                               .arg(word.text)
                               .arg(word.xMin)
                               .arg(word.xMax)
                               .arg(word.pageWidth));
    }
    if (words.isEmpty())
        outside.append(QStringLiteral("(no words at all in %1)").arg(file));
    return outside;
}

} // namespace

class TestDocuments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void invoice_data();
    void invoice();
    void packingSlip_data();
    void packingSlip();
    void statement();
    void statementRefusesWhatIsNotOne();
    void reportOfManyRowsRepeatsItsHeader();
    void reportChartIsAsWideAsThePage();
    void writePdfSaysWhyItCannotWrite();
    void cliWritesTheStatement_data();
    void cliWritesTheStatement();
    void cliStatementErrors_data();
    void cliStatementErrors();

private:
    QString pdf(const QString &name) const { return m_fixture.scratchPath(name); }

    ShopFixture m_fixture;
    qint64 m_middle = 0;
};

// Defaults: two levels at 10 % and 5 %, hold 7 days. Tree R 总代 <- M 二级 <- S 小王.
//  O1 2026-01-05 张三 via S: A 茶杯 2 x 10.00 = 20.00; B 茶叶罐装 1 x 25.50 = 25.50;
//     C 紫砂壶 3 x 88.00 - 4.00 = 260.00. Goods 305.50, shipping 8.00, total 313.50.
//     Shipped 01-06 to 浙江省 杭州市 (not 张三's default address), completed 01-07 (available
//     01-14). One C refunded 01-20: round(260.00 * 1 / 3) = 86.67; due 313.50 - 86.67 = 226.83.
//     S: 2.00 + 2.55 + 26.00 = 30.55; M: 1.00 + 1.28 (1.275) + 13.00 = 15.28.
//     After the refund C's net is 173.33: S round(17.333) = 17.33, reversal 8.67;
//     M round(8.6665) = 8.67, reversal 4.33.
//  O2 2026-01-10 李四 via M: B 1 x 25.50, paid, never completed: M 2.55, R 1.28 (pending).
//  O3 2026-02-03 李四 via M: A 2 x 10.00 = 20.00, paid: M 2.00, R 1.00 (pending).
//  Settled up to 2026-01-31: S 30.55 - 8.67 = 21.88; M 15.28 - 4.33 = 10.95; R nothing.
void TestDocuments::initTestCase()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    ShopServices &shop = m_fixture.services();
    shop.settings.setValue(QStringLiteral("shop.name"), QStringLiteral("山间茶铺"));

    Distributor distributor;
    distributor.joined = QDate(2026, 1, 1);
    distributor.code = QStringLiteral("R");
    distributor.name = QStringLiteral("总代");
    const qint64 r = shop.distributorService.create(distributor).id;
    distributor.code = QStringLiteral("M");
    distributor.name = QStringLiteral("二级");
    distributor.uplineId = r;
    m_middle = shop.distributorService.create(distributor).id;
    distributor.code = QStringLiteral("S");
    distributor.name = QStringLiteral("小王");
    distributor.uplineId = m_middle;
    const qint64 s = shop.distributorService.create(distributor).id;

    Product a;
    a.sku = QStringLiteral("A");
    a.name = QStringLiteral("茶杯");
    a.price = yuan("10");
    a.cost = yuan("4");
    a.stock = 100;
    a = shop.catalog.create(a, at("2026-01-01"));
    Product b = a;
    b.sku = QStringLiteral("B");
    b.name = QStringLiteral("茶叶罐装");
    b.price = yuan("25.5");
    b = shop.catalog.create(b, at("2026-01-01"));
    Product c = a;
    c.sku = QStringLiteral("C");
    c.name = QStringLiteral("紫砂壶");
    c.price = yuan("88");
    c = shop.catalog.create(c, at("2026-01-01"));

    Customer c1;
    c1.code = QStringLiteral("C1");
    c1.name = QStringLiteral("张三");
    c1.phone = QStringLiteral("13800138000");
    Address home;
    home.receiver = c1.name;
    home.phone = c1.phone;
    home.province = QStringLiteral("广东省");
    home.city = QStringLiteral("深圳市");
    home.district = QStringLiteral("南山区");
    home.detail = QStringLiteral("科技园1号");
    home.isDefault = true;
    c1.addresses = {home};
    c1 = shop.customerService.create(c1);
    Customer c2;
    c2.code = QStringLiteral("C2");
    c2.name = QStringLiteral("李四");
    c2.phone = QStringLiteral("13900139000");
    home.receiver = c2.name;
    home.phone = c2.phone;
    home.province = QStringLiteral("北京市");
    home.city = QStringLiteral("北京市");
    home.district = QStringLiteral("朝阳区");
    home.detail = QStringLiteral("建国路88号");
    c2.addresses = {home};
    c2 = shop.customerService.create(c2);

    auto order = [&](const char *no, const char *date, qint64 customer, qint64 seller,
                     const QList<OrderDraft::Line> &lines, const char *shipping = "0") {
        return shop.workflow.create(orderDraft(no, date, customer, seller, lines, shipping));
    };
    const Money none;
    const Order o1 = order("O1", "2026-01-05 10:00", c1.id, s,
                           {{a.id, 2, std::nullopt, none},
                            {b.id, 1, std::nullopt, none},
                            {c.id, 3, std::nullopt, yuan("4")}},
                           "8");
    shop.workflow.pay(QStringLiteral("O1"), at("2026-01-05 10:30"), PaymentMethod::WeChat);
    Address office;
    office.receiver = c1.name;
    office.phone = c1.phone;
    office.province = QStringLiteral("浙江省");
    office.city = QStringLiteral("杭州市");
    office.district = QStringLiteral("西湖区");
    office.detail = QStringLiteral("文三路100号");
    shop.workflow.ship(QStringLiteral("O1"), QStringLiteral("顺丰"), QStringLiteral("SF1234567890"),
                       at("2026-01-06 09:00"), office);
    shop.workflow.complete(QStringLiteral("O1"), at("2026-01-07 09:00"));
    shop.workflow.refund(QStringLiteral("O1"),
                         {{{o1.lines.at(2).id, 1}}, false, false, at("2026-01-20 12:00"), {}});
    order("O2", "2026-01-10 14:00", c2.id, m_middle, {{b.id, 1, std::nullopt, none}});
    shop.workflow.pay(QStringLiteral("O2"), at("2026-01-10 14:05"), PaymentMethod::Alipay);
    order("O3", "2026-02-03 09:00", c2.id, m_middle, {{a.id, 2, std::nullopt, none}});
    shop.workflow.pay(QStringLiteral("O3"), at("2026-02-03 09:10"), PaymentMethod::WeChat);
    QCOMPARE(shop.ledger.settle(QDate(2026, 1, 31)).size(), 2);
}

void TestDocuments::invoice_data()
{
    QTest::addColumn<Paper>("paper");
    QTest::addColumn<qreal>("margin");
    QTest::addColumn<QStringList>("expected");
    const QStringList header = {QStringLiteral("山间茶铺 Invoice"), QStringLiteral("Order: O1"),
                                QStringLiteral("Date: 2026-01-05"),
                                QStringLiteral("Customer: 张三 13800138000")};
    // The address it was shipped to, not 张三's default one.
    const QString shipTo = QStringLiteral("浙江省 杭州市 西湖区 文三路100号 (张三 13800138000)");
    QTest::newRow("A4") << Paper::A4 << 15.0
                        << header
                               + QStringList{QStringLiteral("Ship to: ") + shipTo,
                                             QStringLiteral("SKU Product Quantity Unit price "
                                                            "Discount Net"),
                                             QStringLiteral("A 茶杯 2 10.00 0.00 20.00"),
                                             QStringLiteral("B 茶叶罐装 1 25.50 0.00 25.50"),
                                             QStringLiteral("C 紫砂壶 3 88.00 4.00 260.00"),
                                             QStringLiteral("Goods total 305.50 Shipping 8.00 "
                                                            "Refunded 86.67 Total due 226.83")};
    // One narrow column: name, then SKU and price on the next line, the net on the right.
    QTest::newRow("receipt") << Paper::Receipt80mm << 4.0
                             << header
                                    + QStringList{
                                        QStringLiteral("茶杯 20.00 A 2 × 10.00"),
                                        QStringLiteral("茶叶罐装 25.50 B 1 × 25.50"),
                                        QStringLiteral("紫砂壶 260.00 C 3 × 88.00 − 4.00"),
                                        QStringLiteral("Goods total 305.50 Shipping 8.00 "
                                                       "Refunded 86.67 Total due 226.83")};
}

void TestDocuments::invoice()
{
    QFETCH(Paper, paper);
    QFETCH(qreal, margin);
    QFETCH(QStringList, expected);
    ShopDocuments &documents = m_fixture.shop().documents;
    const auto document = documents.invoice(
        m_fixture.services().workflow.orderByNumber(QStringLiteral("O1")), paper);
    const QString file = pdf(
        QStringLiteral("invoice-%1.pdf").arg(QString::fromLatin1(QTest::currentDataTag())));
    QString error;
    QVERIFY2(ShopDocuments::writePdf(*document, paper, file, &error), qPrintable(error));
    const QString text = pdfText(file);
    for (const QString &piece : expected)
        QVERIFY2(text.contains(piece), qPrintable(piece + QStringLiteral(" not in: ") + text));
    QCOMPARE(pdfPages(file), 1);
    const QStringList outside = wordsOutside(file, margin);
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(u'\n')));
}

void TestDocuments::packingSlip_data()
{
    QTest::addColumn<QString>("orderNo");
    QTest::addColumn<Paper>("paper");
    QTest::addColumn<qreal>("margin");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("unexpected");
    const QStringList prices = {QStringLiteral("10.00"), QStringLiteral("88.00"),
                                QStringLiteral("Total")};
    QTest::newRow("O1 on A4")
        << QStringLiteral("O1") << Paper::A4 << 15.0
        << QStringList{QStringLiteral("山间茶铺 Packing slip"),
                       QStringLiteral("Order: O1"),
                       QStringLiteral(
                           "Ship to: 浙江省 杭州市 西湖区 文三路100号 (张三 13800138000)"),
                       QStringLiteral("Shipped: 2026-01-06 顺丰 SF1234567890"),
                       QStringLiteral("SKU Product Quantity A 茶杯 2 B 茶叶罐装 1 C 紫砂壶 3"),
                       QStringLiteral("Units: 6")}
        << prices + QStringList{QStringLiteral("深圳市")};
    QTest::newRow("O1 on a receipt")
        << QStringLiteral("O1") << Paper::Receipt80mm << 4.0
        << QStringList{QStringLiteral("山间茶铺 Packing slip"), QStringLiteral("茶杯 ×2 A"),
                       QStringLiteral("茶叶罐装 ×1 B"),         QStringLiteral("紫砂壶 ×3 C"),
                       QStringLiteral("文三路100号"),           QStringLiteral("Units: 6")}
        << prices;
    // Not shipped yet: the customer's default address.
    QTest::newRow("O2 on A4") << QStringLiteral("O2") << Paper::A4 << 15.0
                              << QStringList{QStringLiteral("Customer: 李四 13900139000"),
                                             QStringLiteral("Ship to: 北京市 北京市 朝阳区 "
                                                            "建国路88号 (李四 13900139000)"),
                                             QStringLiteral("B 茶叶罐装 1"),
                                             QStringLiteral("Units: 1")}
                              << prices + QStringList{QStringLiteral("Shipped")};
}

void TestDocuments::packingSlip()
{
    QFETCH(QString, orderNo);
    QFETCH(Paper, paper);
    QFETCH(qreal, margin);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, unexpected);
    ShopDocuments &documents = m_fixture.shop().documents;
    const auto document = documents.packingSlip(
        m_fixture.services().workflow.orderByNumber(orderNo), paper);
    const QString file = pdf(QStringLiteral("packing-%1.pdf")
                                 .arg(QString::fromLatin1(QTest::currentDataTag()))
                                 .replace(u' ', u'-'));
    QString error;
    QVERIFY2(ShopDocuments::writePdf(*document, paper, file, &error), qPrintable(error));
    const QString text = pdfText(file);
    for (const QString &piece : expected)
        QVERIFY2(text.contains(piece), qPrintable(piece + QStringLiteral(" not in: ") + text));
    for (const QString &piece : unexpected)
        QVERIFY2(!text.contains(piece), qPrintable(piece + QStringLiteral(" in: ") + text));
    QCOMPARE(pdfPages(file), 1);
    const QStringList outside = wordsOutside(file, margin);
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(u'\n')));
}

// M in January: direct O2 25.50; team 25.50 + S's O1 (305.50 - 86.67 = 218.83) = 244.33.
// As of 01-31: earned 15.28 + 2.55 = 17.83, reversed 4.33, settled 15.28 - 4.33 = 10.95,
// pending O2's 2.55, available 0 (17.83 - 4.33 = 10.95 + 2.55 + 0). O3 (February) left out.
void TestDocuments::statement()
{
    ShopDocuments &documents = m_fixture.shop().documents;
    const auto document = documents.statement(m_middle, QDate(2026, 1, 1), QDate(2026, 1, 31));
    const QString file = pdf(QStringLiteral("statement.pdf"));
    QString error;
    QVERIFY2(ShopDocuments::writePdf(*document, Paper::A4, file, &error), qPrintable(error));
    const QString text = pdfText(file);
    const QStringList expected = {
        QStringLiteral("山间茶铺 Distributor statement Distributor: M 二级 Depth: 2 "
                       "Upline: R 总代 Team size: 1 Period: 2026-01-01 to 2026-01-31"),
        QStringLiteral("Direct sales Team sales 25.50 244.33"),
        QStringLiteral("Commissions as of 2026-01-31 Earned Reversed Settled Pending "
                       "Available 17.83 4.33 10.95 2.55 0.00"),
        QStringLiteral("Date Order Level Amount State 2026-01-05 O1 2 15.28 Settled "
                       "2026-01-10 O2 1 2.55 Pending 2026-01-20 O1 2 -4.33 Settled "
                       "Total of the period: 13.50"),
        QStringLiteral("Payouts in the period Payout Settled up to Made on Entries Amount"),
        QStringLiteral("2026-01-31"),
    };
    for (const QString &piece : expected)
        QVERIFY2(text.contains(piece), qPrintable(piece + QStringLiteral(" not in: ") + text));
    QVERIFY2(QRegularExpression(QStringLiteral("2026-01-31 \\d{4}-\\d\\d-\\d\\d 2 10.95$"))
                 .match(text)
                 .hasMatch(),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("O3")), qPrintable(text));
    QCOMPARE(pdfPages(file), 1);
    const QStringList outside = wordsOutside(file, 15);
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(u'\n')));
}

void TestDocuments::statementRefusesWhatIsNotOne()
{
    ShopDocuments &documents = m_fixture.shop().documents;
    QVERIFY_THROWS_EXCEPTION(InputError,
                             documents.statement(987654, QDate(2026, 1, 1), QDate(2026, 1, 31)));
    QVERIFY_THROWS_EXCEPTION(InputError,
                             documents.statement(m_middle, QDate(2026, 2, 1), QDate(2026, 1, 31)));
    QVERIFY_THROWS_EXCEPTION(InputError, documents.statement(m_middle, QDate(), QDate()));
}

// 200 rows do not fit on one A4 page: every page starts with the header row; the amounts are
// right-aligned (they all end at the same x).
void TestDocuments::reportOfManyRowsRepeatsItsHeader()
{
    ReportTable table{QStringLiteral("code,name,direct_sales").split(u','), {}};
    for (int i = 1; i <= 200; ++i)
        table.rows.append({QStringLiteral("D%1").arg(i, 3, 10, QLatin1Char('0')),
                           QStringLiteral("分销商%1号").arg(i),
                           Money::fromMinorUnits(i * 150).toString()});
    const auto document = ShopDocuments::report(
        QStringLiteral("Distributors"), QStringLiteral("山间茶铺, 2026-01-01 to 2026-01-31"),
        table);
    const QString file = pdf(QStringLiteral("report-200.pdf"));
    QString error;
    QVERIFY2(ShopDocuments::writePdf(*document, Paper::A4, file, &error), qPrintable(error));
    const int pages = pdfPages(file);
    QVERIFY2(pages >= 3 && pages <= 8, qPrintable(QString::number(pages)));
    const QString text = pdfText(file);
    QCOMPARE(text.count(QStringLiteral("Code Name Direct sales")), pages);
    QVERIFY(text.startsWith(QStringLiteral("Distributors 山间茶铺, 2026-01-01 to 2026-01-31 Code "
                                           "Name Direct sales D001 分销商1号 1.50 D002")));
    QVERIFY2(text.endsWith(QStringLiteral("D199 分销商199号 298.50 D200 分销商200号 300.00")),
             qPrintable(text.right(200)));
    for (int i = 1; i <= 200; ++i)
        QVERIFY(text.contains(QStringLiteral("D%1 分销商%2号 %3")
                                  .arg(i, 3, 10, QLatin1Char('0'))
                                  .arg(i)
                                  .arg(Money::fromMinorUnits(i * 150).toString())));
    qreal right = -1;
    for (const Word &word : pdfWords(file)) {
        if (!QRegularExpression(QStringLiteral("^\\d+\\.\\d\\d$")).match(word.text).hasMatch())
            continue;
        if (right < 0)
            right = word.xMax;
        QVERIFY2(qAbs(word.xMax - right) < 0.5, qPrintable(word.text));
    }
    QVERIFY(right > 0);
    const QStringList outside = wordsOutside(file, 15);
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(u'\n')));
}

void TestDocuments::reportChartIsAsWideAsThePage()
{
    QImage chart(600, 200, QImage::Format_RGB32);
    chart.fill(Qt::white);
    QPainter painter(&chart);
    painter.fillRect(50, 50, 500, 100, QColor(0x33, 0x66, 0x99));
    painter.end();
    const ReportTable table{{QStringLiteral("period"), QStringLiteral("net")},
                            {{QStringLiteral("2026-01"), QStringLiteral("244.33")}}};
    const auto document = ShopDocuments::report(QStringLiteral("Sales"), QStringLiteral("山间茶铺"),
                                                table, chart);
    const QString file = pdf(QStringLiteral("report-chart.pdf"));
    QString error;
    QVERIFY2(ShopDocuments::writePdf(*document, Paper::A4, file, &error), qPrintable(error));
    QCOMPARE(pdfPages(file), 1);
    QVERIFY(pdfText(file).contains(QStringLiteral("Sales 山间茶铺 Period Net 2026-01 244.33")));
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi ...: 600
    // pixels over the 180 mm between the margins (7.087 in) are 84.7 pixels an inch.
    const QStringList lines = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), file})
                                  .split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QStringList fields = lines.at(2).simplified().split(u' ');
    QCOMPARE(fields.at(3), QStringLiteral("600"));
    QVERIFY2(qAbs(fields.at(12).toDouble() - 600 / (180 / 25.4)) < 1.5, qPrintable(lines.at(2)));
}

void TestDocuments::writePdfSaysWhyItCannotWrite()
{
    const auto document = ShopDocuments::report(QStringLiteral("Sales"), {}, {});
    const QString file = QStringLiteral("/nonexistent-folder/report.pdf");
    QString error;
    QVERIFY(!ShopDocuments::writePdf(*document, Paper::A4, file, &error));
    QCOMPARE(error, QStringLiteral("Cannot write /nonexistent-folder/report.pdf: No such file or "
                                   "directory"));
    QVERIFY(!QFileInfo::exists(file));
}

void TestDocuments::cliWritesTheStatement_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const auto args = [](const char *text) { return QString::fromLatin1(text).split(u' '); };
    // S in January: O1's 218.83 alone; earned 30.55, reversed 8.67, all settled (21.88).
    QTest::newRow("S, January")
        << args("--distributor S --from 2026-01-01 --to 2026-01-31")
        << QStringLiteral("Distributor: S 小王 Depth: 3 Upline: M 二级 Team size: 0 Period: "
                          "2026-01-01 to 2026-01-31 Sales in the period Direct sales Team sales "
                          "218.83 218.83 Commissions as of 2026-01-31 Earned Reversed Settled "
                          "Pending Available 30.55 8.67 21.88 0.00 0.00 Ledger entries in the "
                          "period Date Order Level Amount State 2026-01-05 O1 1 30.55 Settled "
                          "2026-01-20 O1 1 -8.67 Settled Total of the period: 21.88");
    // M in February: O3's 20.00; earned 17.83 + 2.00, pending 2.55 + 2.00; no payout.
    QTest::newRow("M, February")
        << args("--distributor M --from 2026-02-01 --to 2026-02-28")
        << QStringLiteral("Direct sales Team sales 20.00 20.00 Commissions as of 2026-02-28 "
                          "Earned Reversed Settled Pending Available 19.83 4.33 10.95 4.55 0.00 "
                          "Ledger entries in the period Date Order Level Amount State "
                          "2026-02-03 O3 1 2.00 Pending Total of the period: 2.00 Payouts in the "
                          "period No payouts in this period.");
}

void TestDocuments::cliWritesTheStatement()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QString file = pdf(QStringLiteral("cli-%1.pdf").arg(arguments.at(1)));
    // No display and no platform named: microshop-cli picks the offscreen one itself.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const CliResult result = m_fixture.cli(
        QStringList{QStringLiteral("report"), QStringLiteral("statement")} + arguments
            + QStringList{QStringLiteral("--pdf"), file},
        environment);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, QStringLiteral("Wrote the statement of %1 for %2 to %3 into %4.\n")
                             .arg(arguments.at(1), arguments.at(3), arguments.at(5), file));
    QVERIFY(QFileInfo(file).size() > 0);
    const QString text = pdfText(file);
    QVERIFY2(text.contains(expected), qPrintable(text));
    QCOMPARE(pdfPages(file), 1);
}

void TestDocuments::cliStatementErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const auto args = [](const char *text) { return QString::fromLatin1(text).split(u' '); };
    QTest::newRow("unknown distributor")
        << args("--distributor NOPE --from 2026-01-01 --to 2026-01-31 --pdf %1") << 1
        << QStringLiteral("NOPE");
    QTest::newRow("bad date") << args("--distributor M --from 2026-13-01 --to 2026-01-31 --pdf %1")
                              << 1 << QStringLiteral("microshop-cli: --from: ");
    QTest::newRow("from after to")
        << args("--distributor M --from 2026-02-01 --to 2026-01-31 --pdf %1") << 1
        << QStringLiteral("microshop-cli: --from 2026-02-01 is after --to 2026-01-31\n");
    QTest::newRow("no --pdf") << args("--distributor M --from 2026-01-01 --to 2026-01-31") << 2
                              << QStringLiteral("(--pdf is missing)");
    QTest::newRow("no --distributor") << args("--from 2026-01-01 --to 2026-01-31 --pdf %1") << 2
                                      << QStringLiteral("(--distributor is missing)");
    QTest::newRow("no --to") << args("--distributor M --from 2026-01-01 --pdf %1") << 2
                             << QStringLiteral("(--to is missing)");
    QTest::newRow("an option of another report")
        << args("--distributor M --from 2026-01-01 --to 2026-01-31 --top 3 --pdf %1") << 2
        << QStringLiteral("report does not take the option --top");
    QTest::newRow("unwritable file")
        << args("--distributor M --from 2026-01-01 --to 2026-01-31 --pdf /nonexistent-folder/s.pdf")
        << 1
        << QStringLiteral("microshop-cli: Cannot write /nonexistent-folder/s.pdf: No such file or "
                          "directory\n");
}

void TestDocuments::cliStatementErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, message);
    const QString file = pdf(QStringLiteral("refused.pdf"));
    arguments.replaceInStrings(QStringLiteral("%1"), file);
    const CliResult result = m_fixture.cli(
        QStringList{QStringLiteral("report"), QStringLiteral("statement")} + arguments);
    QCOMPARE(result.status, status);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFileInfo::exists(file));
}

MICROSHOP_TEST_MAIN(TestDocuments)
#include "tst_documents.moc"
