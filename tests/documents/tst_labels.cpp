// Shipping labels and packing slips printed for many orders at once (platforms.md "Shipping in
// batches"): the Code 128 barcode zint encodes, the labels' and slips' PDFs read back with
// poppler (pdftotext, pdfinfo, pdftoppm), and `microshop-cli print`. On the backend of
// $MICROSHOP_TEST_BACKEND.
#include "Code128Barcode.h"
#include "ShippingLabel.h"
#include "ShopDocuments.h"

#include "Error.h"

#include "PdfTools.h"
#include "ShopFixture.h"
#include "TestClock.h"
#include "TestValues.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

using Paper = ShopDocuments::Paper;
using Kind = ShopDocuments::OrderDocument;

constexpr qreal pointsPerMillimetre = 72 / 25.4;

// "Page size: 283.465 x 510.236 pts" of page 1, in millimetres.
QSizeF pdfPageMillimetres(const QString &file)
{
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"))
              .match(run(QStringLiteral("pdfinfo"), {file}));
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toDouble() / pointsPerMillimetre,
            match.captured(2).toDouble() / pointsPerMillimetre};
}

// The words that stick out of the page less its margins (half a point of slack).
QStringList wordsOutside(const QString &file, qreal marginMillimetres)
{
    const QString xhtml = run(QStringLiteral("pdftotext"),
                              {QStringLiteral("-bbox"), file, QStringLiteral("-")});
    static const QRegularExpression tag(
        QStringLiteral("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\"|<word xMin=\"([0-9.]+)\" "
                       "yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>"));
    const qreal margin = marginMillimetres * pointsPerMillimetre - 0.5;
    QStringList outside;
    qreal width = 0;
    qreal height = 0;
    int words = 0;
    for (auto it = tag.globalMatch(xhtml); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (!match.captured(1).isEmpty()) {
            width = match.captured(1).toDouble();
            height = match.captured(2).toDouble();
            continue;
        }
        ++words;
        if (match.captured(3).toDouble() < margin || match.captured(4).toDouble() < margin
            || match.captured(5).toDouble() > width - margin
            || match.captured(6).toDouble() > height - margin)
            outside.append(QStringLiteral("%1 [%2 %3 %4 %5] of %6 x %7")
                               .arg(match.captured(7), match.captured(3), match.captured(4),
                                    match.captured(5), match.captured(6))
                               .arg(width)
                               .arg(height));
    }
    if (words == 0)
        outside.append(QStringLiteral("(no words at all in %1)").arg(file));
    return outside;
}

// Page `page` of the PDF as a greyscale picture at `dpi`.
QImage pdfPicture(const QString &file, int page, int dpi)
{
    const QString prefix = file + QStringLiteral("-page");
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-gray"), QStringLiteral("-png"), QStringLiteral("-r"),
         QString::number(dpi), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
         QString::number(page), QStringLiteral("-singlefile"), file, prefix});
    return QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_Grayscale8);
}

// The dark runs of one row of a picture: (start, length) in pixels.
QList<std::pair<int, int>> darkRuns(const QImage &picture, int y)
{
    QList<std::pair<int, int>> runs;
    const uchar *row = picture.constScanLine(y);
    for (int x = 0; x < picture.width(); ++x) {
        if (row[x] >= 128)
            continue;
        const int start = x;
        while (x < picture.width() && row[x] < 128)
            ++x;
        runs.append({start, x - start});
    }
    return runs;
}

// The row of the picture that crosses the barcode: as many dark runs as it has bars, each as
// wide as its bar (within a pixel and a half). -1 when there is none.
int barcodeRow(const QImage &picture, const Code128Barcode &barcode, int *firstX = nullptr,
               qreal *module = nullptr)
{
    const QList<Code128Barcode::Bar> &bars = barcode.bars();
    for (int y = picture.height() - 1; y >= 0; --y) {
        const auto runs = darkRuns(picture, y);
        if (runs.size() != bars.size())
            continue;
        const qreal pixelsPerModule = qreal(runs.constLast().first + runs.constLast().second
                                            - runs.constFirst().first)
                                      / barcode.modules();
        bool same = true;
        for (qsizetype i = 0; i < bars.size() && same; ++i)
            same = qAbs(runs.at(i).second - bars.at(i).width * pixelsPerModule) <= 1.5
                   && qAbs(runs.at(i).first - runs.constFirst().first
                           - bars.at(i).x * pixelsPerModule)
                          <= 1.5;
        if (same) {
            if (firstX)
                *firstX = runs.constFirst().first;
            if (module)
                *module = pixelsPerModule;
            return y;
        }
    }
    return -1;
}

} // namespace

class TestLabels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void barcodeOfAKnownText();
    void barcodeOfAnOrderNumber();
    void barcodeRefusesWhatCode128CannotHold();
    void labelContent();
    void labelsInTheOrderGiven_data();
    void labelsInTheOrderGiven();
    void manyItemsAreCutOnTheLabel();
    void slipsInTheOrderGiven();
    void cancelLeavesNoFile();
    void unknownOrderLeavesNoFile();
    void cliPrints_data();
    void cliPrints();
    void cliRefuses_data();
    void cliRefuses();

private:
    QString pdf(const QString &name) const { return m_fixture.scratchPath(name); }
    qint64 idOf(const char *orderNo)
    {
        return m_fixture.services().workflow.orderByNumber(QString::fromLatin1(orderNo)).id;
    }

    ShopFixture m_fixture;
};

//  O1 张三: 茶杯 2, 茶叶罐装 1, 紫砂壶 3 (one refunded after shipping); shipped by 顺丰
//     SF1234567890 to 浙江省 杭州市 西湖区 文三路100号.
//  O2 李四: 茶叶罐装 1, paid, to 北京市 北京市 朝阳区 建国路88号 (李四's default address).
//  O3 李四: 茶杯 2, paid.
//  O4 张三: 30 different teas, paid (a label cannot list them all).
//  O5 李四: pending.
void TestLabels::initTestCase()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    ShopServices &shop = m_fixture.services();
    shop.settings.setValue(QStringLiteral("shop.name"), QStringLiteral("山间茶铺"));
    shop.settings.setValue(QStringLiteral("sender.phone"), QStringLiteral("0571-8888 6666"));
    shop.settings.setValue(QStringLiteral("sender.address"),
                           QStringLiteral("浙江省杭州市西湖区梅家坞路1号"));

    Product a;
    a.sku = QStringLiteral("A");
    a.name = QStringLiteral("茶杯");
    a.price = yuan("10");
    a.cost = yuan("4");
    a.stock = 1000;
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
    QList<OrderDraft::Line> teas;
    for (int i = 1; i <= 30; ++i) {
        Product tea = a;
        tea.sku = QStringLiteral("T%1").arg(i);
        tea.name = QStringLiteral("碧螺春%1号 Biluochun").arg(i);
        tea = shop.catalog.create(tea, at("2026-01-01"));
        teas.append({tea.id, 1, std::nullopt, Money()});
    }

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

    const Money none;
    const Order o1 = shop.workflow.create(orderDraft("O1", "2026-01-05 10:00", c1.id, 0,
                                                     {{a.id, 2, std::nullopt, none},
                                                      {b.id, 1, std::nullopt, none},
                                                      {c.id, 3, std::nullopt, none}},
                                                     "8"));
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
    shop.workflow.create(
        orderDraft("O2", "2026-01-10 14:00", c2.id, 0, {{b.id, 1, std::nullopt, none}}));
    shop.workflow.pay(QStringLiteral("O2"), at("2026-01-10 14:05"), PaymentMethod::Alipay);
    shop.workflow.create(
        orderDraft("O3", "2026-02-03 09:00", c2.id, 0, {{a.id, 2, std::nullopt, none}}));
    shop.workflow.pay(QStringLiteral("O3"), at("2026-02-03 09:10"), PaymentMethod::WeChat);
    shop.workflow.create(orderDraft("O4", "2026-02-04 09:00", c1.id, 0, teas));
    shop.workflow.pay(QStringLiteral("O4"), at("2026-02-04 09:10"), PaymentMethod::WeChat);
    shop.workflow.create(
        orderDraft("O5", "2026-02-05 09:00", c2.id, 0, {{a.id, 1, std::nullopt, none}}));
}

// "A" in Code 128 set B, worked out by hand from the symbology's table: start B (104)
// 11010010000, "A" (33) 10100011000, check (104 + 33) mod 103 = 34 10001011000, stop
// 1100011101011.
void TestLabels::barcodeOfAKnownText()
{
    const auto barcode = Code128Barcode::encode(QStringLiteral("A"));
    QVERIFY(barcode);
    QCOMPARE(barcode->pattern(), QStringLiteral("11010010000"
                                                "10100011000"
                                                "10001011000"
                                                "1100011101011"));
    QCOMPARE(barcode->modules(), 46);
    QCOMPARE(barcode->bars().size(), 13); // three bars a character, four in the stop
    QCOMPARE(barcode->bars().constFirst().x, 0.0);
    QCOMPARE(barcode->bars().constFirst().width, 2.0);
}

// An order number: digits in pairs (set C) keep it short enough for a 76 mm label.
void TestLabels::barcodeOfAnOrderNumber()
{
    const auto barcode = Code128Barcode::encode(QStringLiteral("SO20261126-0001"));
    QVERIFY(barcode);
    const QString pattern = barcode->pattern();
    QCOMPARE(pattern.size(), barcode->modules());
    QVERIFY2(pattern.endsWith(QStringLiteral("1100011101011")), qPrintable(pattern));
    QVERIFY2(pattern.startsWith(QStringLiteral("11010010000")), qPrintable(pattern)); // start B
    QCOMPARE((barcode->modules() - 13) % 11, 0);
    // Start, S, O, to C, 20 26 11 26, to B, -, to C, 00 01, check: 14 symbols and the stop.
    QVERIFY2(barcode->modules() <= 14 * 11 + 13, qPrintable(QString::number(barcode->modules())));
}

void TestLabels::barcodeRefusesWhatCode128CannotHold()
{
    QString error;
    QVERIFY(!Code128Barcode::encode(QStringLiteral("订单123"), &error));
    QVERIFY2(error.contains(QStringLiteral("订单123")), qPrintable(error));
    QVERIFY(!Code128Barcode::encode(QString(), &error));
    QVERIFY(!error.isEmpty());
}

void TestLabels::labelContent()
{
    ShopDocuments &documents = m_fixture.shop().documents;
    OrderWorkflow &workflow = m_fixture.services().workflow;
    // Shipped: where it went, with the courier; the refunded pot is not sent.
    const ShippingLabelContent o1 = documents.labelContent(
        workflow.orderByNumber(QStringLiteral("O1")));
    QCOMPARE(o1.senderName, QStringLiteral("山间茶铺")); // sender.name empty: the shop's name
    QCOMPARE(o1.senderPhone, QStringLiteral("0571-8888 6666"));
    QCOMPARE(o1.senderAddress, QStringLiteral("浙江省杭州市西湖区梅家坞路1号"));
    QCOMPARE(o1.receiver, QStringLiteral("张三"));
    QCOMPARE(o1.receiverPhone, QStringLiteral("13800138000"));
    QCOMPARE(o1.receiverAddress, QStringLiteral("浙江省 杭州市 西湖区 文三路100号"));
    QCOMPARE(o1.items, (QStringList{QStringLiteral("茶杯 ×2"), QStringLiteral("茶叶罐装 ×1"),
                                    QStringLiteral("紫砂壶 ×2")}));
    QCOMPARE(o1.units, 5);
    QCOMPARE(o1.orderNo, QStringLiteral("O1"));
    QCOMPARE(o1.courier, QStringLiteral("顺丰"));
    QCOMPARE(o1.tracking, QStringLiteral("SF1234567890"));
    // Not shipped: the customer's default address, no courier yet.
    const ShippingLabelContent o2 = documents.labelContent(
        workflow.orderByNumber(QStringLiteral("O2")));
    QCOMPARE(o2.receiver, QStringLiteral("李四"));
    QCOMPARE(o2.receiverAddress, QStringLiteral("北京市 北京市 朝阳区 建国路88号"));
    QVERIFY(o2.tracking.isEmpty());
    QVERIFY(o2.courier.isEmpty());
}

void TestLabels::labelsInTheOrderGiven_data()
{
    QTest::addColumn<Paper>("paper");
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<qreal>("margin");
    QTest::addColumn<qreal>("labelLeft"); // where the label's text may go across, in mm
    QTest::addColumn<qreal>("labelWidth");
    QTest::newRow("100x180") << Paper::Label100x180 << QSizeF(100, 180) << 3.0 << 3.0 << 94.0;
    QTest::newRow("76x130") << Paper::Label76x130 << QSizeF(76, 130) << 3.0 << 3.0 << 70.0;
    // A 100 x 180 mm label in the page's top-left corner, 3 mm inside its cutting line.
    QTest::newRow("A4") << Paper::A4 << QSizeF(210, 297) << 15.0 << 18.0 << 94.0;
}

void TestLabels::labelsInTheOrderGiven()
{
    QFETCH(Paper, paper);
    QFETCH(QSizeF, size);
    QFETCH(qreal, margin);
    QFETCH(qreal, labelLeft);
    QFETCH(qreal, labelWidth);
    const QString file = pdf(
        QStringLiteral("labels-%1.pdf").arg(QString::fromLatin1(QTest::currentDataTag())));
    QList<std::pair<qint64, qint64>> told;
    m_fixture.shop().documents.writeOrdersPdf(Kind::Label, {idOf("O3"), idOf("O1"), idOf("O2")},
                                              paper, file, [&told](qint64 done, qint64 total) {
                                                  told.append({done, total});
                                                  return true;
                                              });
    QCOMPARE(pdfPages(file), 3);
    const QSizeF page = pdfPageMillimetres(file);
    QVERIFY2(qAbs(page.width() - size.width()) < 0.5 && qAbs(page.height() - size.height()) < 0.5,
             qPrintable(QStringLiteral("%1 x %2 mm").arg(page.width()).arg(page.height())));
    QCOMPARE(told.constLast(), (std::pair<qint64, qint64>{3, 3}));
    QCOMPARE(told.constFirst(), (std::pair<qint64, qint64>{0, 3}));

    const QString sender = QStringLiteral(
        "From: 山间茶铺 0571-8888 6666 浙江省杭州市西湖区梅家坞路1号");
    const QString o3 = pdfText(file, 1);
    for (const QString &piece : {sender, QStringLiteral("To: 李四 13900139000"),
                                 QStringLiteral("北京市 北京市 朝阳区 建国路88号"),
                                 QStringLiteral("Items (2 pcs): 茶杯 ×2"), QStringLiteral("O3")})
        QVERIFY2(o3.contains(piece), qPrintable(piece + QStringLiteral(" not in: ") + o3));
    QVERIFY2(!o3.contains(QStringLiteral("SF")), qPrintable(o3));
    const QString o1 = pdfText(file, 2);
    for (const QString &piece : {sender, QStringLiteral("To: 张三 13800138000"),
                                 QStringLiteral("浙江省 杭州市 西湖区 文三路100号"),
                                 QStringLiteral("Items (5 pcs): 茶杯 ×2 茶叶罐装 ×1 紫砂壶 ×2"),
                                 QStringLiteral("顺丰 SF1234567890 O1")})
        QVERIFY2(o1.contains(piece), qPrintable(piece + QStringLiteral(" not in: ") + o1));
    QVERIFY2(!o1.contains(QStringLiteral("深圳")), qPrintable(o1)); // not the default address
    const QString o2 = pdfText(file, 3);
    QVERIFY2(o2.contains(QStringLiteral("To: 李四 13900139000")), qPrintable(o2));
    QVERIFY2(o2.endsWith(QStringLiteral("O2")), qPrintable(o2));
    const QStringList outside = wordsOutside(file, margin);
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(u'\n')));

    // The barcode on the page, bar for bar as zint made it, inside the margins, its narrowest
    // bar at least 0.25 mm (what a courier's scanner reads on a thermal label).
    const int dpi = 300;
    for (const auto &[pageNo, orderNo] : {std::pair{1, "O3"}, {2, "O1"}}) {
        const QImage picture = pdfPicture(file, pageNo, dpi);
        QVERIFY(!picture.isNull());
        const auto barcode = Code128Barcode::encode(QString::fromLatin1(orderNo));
        QVERIFY(barcode);
        int firstX = -1;
        qreal module = 0;
        const int row = barcodeRow(picture, *barcode, &firstX, &module);
        QVERIFY2(row >= 0, orderNo);
        const qreal millimetre = dpi / 25.4;
        QVERIFY2(module >= 0.25 * millimetre && module <= 0.55 * millimetre,
                 qPrintable(QString::number(module / millimetre)));
        // Centred on the label, with a quiet zone of 10 modules inside it either side.
        const qreal barsWidth = module * barcode->modules();
        const qreal left = labelLeft * millimetre;
        const qreal right = (labelLeft + labelWidth) * millimetre;
        QVERIFY(firstX >= left + 10 * module - 2);
        QVERIFY(firstX + barsWidth <= right - 10 * module + 2);
        QVERIFY2(qAbs(firstX + barsWidth / 2 - (left + right) / 2) < 0.5 * millimetre,
                 qPrintable(QString::number(firstX)));
        // In the lower part of the label, with the number under it.
        QVERIFY2(row > picture.height() / 2, qPrintable(QString::number(row)));
    }
}

// 30 lines do not fit on a 76 x 130 mm label: the first ones, then how many more; one page.
void TestLabels::manyItemsAreCutOnTheLabel()
{
    const QString file = pdf(QStringLiteral("labels-many.pdf"));
    m_fixture.shop().documents.writeOrdersPdf(Kind::Label, {idOf("O4")}, Paper::Label76x130, file);
    QCOMPARE(pdfPages(file), 1);
    const QString text = pdfText(file);
    QVERIFY2(text.contains(QStringLiteral("Items (30 pcs): 碧螺春1号 Biluochun ×1 "
                                          "碧螺春2号 Biluochun ×1")),
             qPrintable(text));
    const QRegularExpressionMatch more
        = QRegularExpression(QStringLiteral("碧螺春(\\d+)号 Biluochun ×1 … and (\\d+) more O4$"))
              .match(text);
    QVERIFY2(more.hasMatch(), qPrintable(text));
    QCOMPARE(more.captured(1).toInt() + more.captured(2).toInt(), 30);
    QVERIFY2(more.captured(1).toInt() >= 5, qPrintable(text));
    const QStringList outside = wordsOutside(file, 3);
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(u'\n')));
}

void TestLabels::slipsInTheOrderGiven()
{
    const QString file = pdf(QStringLiteral("slips.pdf"));
    m_fixture.shop().documents.writeOrdersPdf(Kind::PackingSlip, {idOf("O2"), idOf("O1")},
                                              Paper::A4, file);
    QCOMPARE(pdfPages(file), 2);
    const QString first = pdfText(file, 1);
    QVERIFY2(first.contains(QStringLiteral("山间茶铺 Packing slip Order: O2")), qPrintable(first));
    QVERIFY2(first.contains(QStringLiteral("B 茶叶罐装 1 Units: 1")), qPrintable(first));
    const QString second = pdfText(file, 2);
    QVERIFY2(second.contains(QStringLiteral("Order: O1")), qPrintable(second));
    QVERIFY2(second.contains(QStringLiteral("Shipped: 2026-01-06 顺丰 SF1234567890")),
             qPrintable(second));

    // On label paper: one narrow column, each order from a page of its own.
    const QString narrow = pdf(QStringLiteral("slips-100x180.pdf"));
    m_fixture.shop().documents.writeOrdersPdf(Kind::PackingSlip, {idOf("O3"), idOf("O2")},
                                              Paper::Label100x180, narrow);
    QCOMPARE(pdfPages(narrow), 2);
    QVERIFY(pdfText(narrow, 1).contains(QStringLiteral("Order: O3")));
    QVERIFY(pdfText(narrow, 2).contains(QStringLiteral("Order: O2")));
    const QStringList outside = wordsOutside(narrow, 3);
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(u'\n')));
}

void TestLabels::cancelLeavesNoFile()
{
    ShopDocuments &documents = m_fixture.shop().documents;
    const QString file = pdf(QStringLiteral("cancelled.pdf"));
    const auto stopAtSecond = [](qint64 done, qint64) { return done < 1; };
    QVERIFY_THROWS_EXCEPTION(Cancelled,
                             documents.writeOrdersPdf(Kind::Label, {idOf("O1"), idOf("O2")},
                                                      Paper::Label100x180, file, stopAtSecond));
    QVERIFY(!QFileInfo::exists(file));
    // A file there before stays as it was.
    QVERIFY(writeFile(file, "before"));
    QVERIFY_THROWS_EXCEPTION(Cancelled,
                             documents.writeOrdersPdf(Kind::PackingSlip, {idOf("O1"), idOf("O2")},
                                                      Paper::A4, file, stopAtSecond));
    QCOMPARE(readFile(file), QByteArray("before"));
    QVERIFY(QFileInfo(file).dir().entryList({QStringLiteral("cancelled.pdf.*")}).isEmpty());
}

void TestLabels::unknownOrderLeavesNoFile()
{
    ShopDocuments &documents = m_fixture.shop().documents;
    const QString file = pdf(QStringLiteral("unknown.pdf"));
    try {
        documents.writeOrdersPdf(Kind::Label, {idOf("O1"), 987654}, Paper::Label100x180, file);
        QFAIL("printed an order that is not there");
    } catch (const InputError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("987654")), qPrintable(error.message()));
    }
    QVERIFY(!QFileInfo::exists(file));
    QVERIFY_THROWS_EXCEPTION(InputError,
                             documents.writeOrdersPdf(Kind::Label, {}, Paper::Label100x180, file));
    QVERIFY(!QFileInfo::exists(file));
    try {
        documents.writeOrdersPdf(Kind::Label, {idOf("O1")}, Paper::Label100x180,
                                 QStringLiteral("/nonexistent-folder/labels.pdf"));
        QFAIL("wrote into a folder that is not there");
    } catch (const InputError &error) {
        QVERIFY2(error.message().startsWith(
                     QStringLiteral("Cannot write /nonexistent-folder/labels.pdf: ")),
                 qPrintable(error.message()));
    }
}

void TestLabels::cliPrints_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("said");
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<QStringList>("pages"); // a piece of each page's text, in order
    const auto args = [](const char *text) { return QString::fromLatin1(text).split(u' '); };
    QTest::newRow("labels by number")
        << args("labels --orders O3,O1") << "2 shipping labels (100x180)" << QSizeF(100, 180)
        << QStringList{QStringLiteral("To: 李四 13900139000"),
                       QStringLiteral("顺丰 SF1234567890 O1")};
    QTest::newRow("labels 76x130, one")
        << args("labels --orders O2 --size 76x130") << "1 shipping label (76x130)"
        << QSizeF(76, 130) << QStringList{QStringLiteral("建国路88号")};
    // Every paid order, by order number: O2, O3, O4.
    QTest::newRow("labels of paid orders")
        << args("labels --status paid") << "3 shipping labels (100x180)" << QSizeF(100, 180)
        << QStringList{QStringLiteral("O2"), QStringLiteral("O3"), QStringLiteral("O4")};
    QTest::newRow("slips by number")
        << args("slips --orders O1,O2") << "2 packing slips (a4)" << QSizeF(210, 297)
        << QStringList{QStringLiteral("Order: O1"), QStringLiteral("Order: O2")};
    QTest::newRow("slips on receipts")
        << args("slips --orders O3 --size 80mm") << "1 packing slip (80mm)" << QSizeF(80, 297)
        << QStringList{QStringLiteral("茶杯 ×2 A")};
}

void TestLabels::cliPrints()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, said);
    QFETCH(QSizeF, size);
    QFETCH(QStringList, pages);
    const QString file = pdf(QStringLiteral("cli-%1.pdf")
                                 .arg(QString::fromLatin1(QTest::currentDataTag()))
                                 .replace(u' ', u'-'));
    // No display and no platform named: microshop-cli picks the offscreen one itself.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const CliResult result = m_fixture.cli(QStringList{QStringLiteral("print")} + arguments
                                               + QStringList{QStringLiteral("--pdf"), file},
                                           environment);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, QStringLiteral("Wrote %1 into %2.\n").arg(said, file));
    QCOMPARE(pdfPages(file), pages.size());
    const QSizeF page = pdfPageMillimetres(file);
    QVERIFY2(qAbs(page.width() - size.width()) < 0.5 && qAbs(page.height() - size.height()) < 0.5,
             qPrintable(QStringLiteral("%1 x %2 mm").arg(page.width()).arg(page.height())));
    for (int i = 0; i < pages.size(); ++i) {
        const QString text = pdfText(file, i + 1);
        QVERIFY2(
            text.contains(pages.at(i)),
            qPrintable(QStringLiteral("page %1: %2 not in: %3").arg(i + 1).arg(pages.at(i), text)));
    }
}

void TestLabels::cliRefuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const auto args = [](const char *text) { return QString::fromLatin1(text).split(u' '); };
    QTest::newRow("unknown orders")
        << args("labels --orders O1,NOPE,O2,GONE --pdf %1") << 1
        << QStringLiteral("microshop-cli: --orders: there is no order NOPE, GONE; nothing was "
                          "written\n");
    QTest::newRow("no order of the status")
        << args("labels --status refunded --pdf %1") << 1
        << QStringLiteral("microshop-cli: no order is refunded; nothing was written\n");
    QTest::newRow("only commas") << args("slips --orders ,, --pdf %1") << 1
                                 << QStringLiteral("--orders names no order");
    QTest::newRow("bad size") << args("labels --orders O1 --size 4x6 --pdf %1") << 2
                              << QStringLiteral("--size is 76x130, 100x180, a4 or 80mm, not "
                                                "\"4x6\"");
    QTest::newRow("bad status") << args("labels --status sent --pdf %1") << 2
                                << QStringLiteral("--status is one of pending, paid");
    QTest::newRow("no orders chosen")
        << args("labels --pdf %1") << 2 << QStringLiteral("needs --orders NO,... or --status S");
    QTest::newRow("both ways") << args("labels --orders O1 --status paid --pdf %1") << 2
                               << QStringLiteral("needs --orders NO,... or --status S");
    QTest::newRow("no --pdf") << args("labels --orders O1") << 2
                              << QStringLiteral("print labels needs --pdf FILE");
    QTest::newRow("not a document") << args("stickers --orders O1 --pdf %1") << 2
                                    << QStringLiteral("print takes labels or slips");
    QTest::newRow("another command's option")
        << args("labels --orders O1 --date 2026-01-01 --pdf %1") << 2
        << QStringLiteral("print does not take the option --date");
    QTest::newRow("unwritable file")
        << args("labels --orders O1 --pdf /nonexistent-folder/l.pdf") << 1
        << QStringLiteral("microshop-cli: Cannot write /nonexistent-folder/l.pdf: ");
}

void TestLabels::cliRefuses()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, message);
    const QString file = pdf(QStringLiteral("refused.pdf"));
    arguments.replaceInStrings(QStringLiteral("%1"), file);
    const CliResult result = m_fixture.cli(QStringList{QStringLiteral("print")} + arguments);
    QCOMPARE(result.status, status);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFileInfo::exists(file));
}

MICROSHOP_TEST_MAIN(TestLabels)
#include "tst_labels.moc"
