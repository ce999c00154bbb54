// Searchable PDFs: every kind of printed document (packing slip and invoice on both papers, a
// distributor's statement, a report, `microshop-cli report statement`, and text painted on a page
// with ShopDocuments::documentFont() as a label is) gives back through pdftotext exactly the
// characters printed: 小 U+5C0F, not the Kangxi radical ⼩ U+2F29 that looks the same. No Unicode
// normalisation of pdftotext's output here (only its spaces are simplified).
#include "ShopDocuments.h"

#include "PdfTools.h"
#include "ShopFixture.h"
#include "TestClock.h"
#include "TestValues.h"

#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>
#include <QTextDocument>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

using Paper = ShopDocuments::Paper;

const QString shopName = QStringLiteral("小山大人的微店");
const QString productName = QStringLiteral("大山人参茶500g／盒～小");
const QString customerName = QStringLiteral("王小山");
const QString distributorName = QStringLiteral("马大人");
const QString street = QStringLiteral("人民路100号");

// The characters of the Kangxi Radicals (U+2F00-U+2FDF) and CJK Radicals Supplement
// (U+2E80-U+2EFF) blocks in `text`, with their code points: what a wrong ToUnicode map gives.
QString radicalsIn(const QString &text)
{
    QStringList found;
    for (const QChar c : text) {
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF)
            found.append(
                QStringLiteral("%1 U+%2").arg(c).arg(c.unicode(), 4, 16, QLatin1Char('0')));
    }
    return found.join(QStringLiteral(", "));
}

} // namespace

class TestDocumentText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aChineseFaceIsChosen();
    void documents_data();
    void documents();
    void cliStatement();
    void paintedWithTheDocumentFont();

private:
    // Checks that the PDF's text has each of `expected` as printed and no radical.
    void checkText(const QString &file, const QStringList &expected);

    ShopFixture m_fixture;
    qint64 m_distributorId = 0;
};

void TestDocumentText::initTestCase()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    ShopServices &shop = m_fixture.services();
    shop.settings.setValue(QStringLiteral("shop.name"), shopName);

    Distributor distributor;
    distributor.joined = QDate(2026, 1, 1);
    distributor.code = QStringLiteral("D1");
    distributor.name = distributorName;
    m_distributorId = shop.distributorService.create(distributor).id;

    Product product;
    product.sku = QStringLiteral("SHAN-1");
    product.name = productName;
    product.price = yuan("30");
    product.cost = yuan("12");
    product.stock = 50;
    product = shop.catalog.create(product, at("2026-01-01"));

    Customer customer;
    customer.code = QStringLiteral("C1");
    customer.name = customerName;
    customer.phone = QStringLiteral("13800138000");
    Address address;
    address.receiver = customer.name;
    address.phone = customer.phone;
    address.province = QStringLiteral("山西省");
    address.city = QStringLiteral("大同市");
    address.district = QStringLiteral("平城区");
    address.detail = street;
    address.isDefault = true;
    customer.addresses = {address};
    customer = shop.customerService.create(customer);

    shop.workflow.create(orderDraft("O1", "2026-01-05 10:00", customer.id, m_distributorId,
                                    {{product.id, 2, std::nullopt, Money()}}));
    shop.workflow.pay(QStringLiteral("O1"), at("2026-01-05 10:30"), PaymentMethod::WeChat);
}

void TestDocumentText::checkText(const QString &file, const QStringList &expected)
{
    const QString text = pdfText(file);
    const QString radicals = radicalsIn(text);
    QVERIFY2(radicals.isEmpty(),
             qPrintable(QStringLiteral("radicals (%1) in: %2").arg(radicals, text)));
    for (const QString &piece : expected)
        QVERIFY2(text.contains(piece), qPrintable(piece + QStringLiteral(" not in: ") + text));
}

// On Debian fonts-droid-fallback gives one (see docs/decisions.md, "Searchable PDFs").
void TestDocumentText::aChineseFaceIsChosen()
{
    const QString family = ShopDocuments::chineseFamily();
    QVERIFY2(!family.isEmpty(), "no Chinese font whose PDF text comes back as printed is "
                                "installed (on Debian: fonts-droid-fallback)");
    QVERIFY(ShopDocuments::documentFont().families().contains(family));
}

void TestDocumentText::documents_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<Paper>("paper");
    QTest::newRow("packing slip, A4") << QStringLiteral("packing slip") << Paper::A4;
    QTest::newRow("packing slip, receipt") << QStringLiteral("packing slip") << Paper::Receipt80mm;
    QTest::newRow("invoice, A4") << QStringLiteral("invoice") << Paper::A4;
    QTest::newRow("invoice, receipt") << QStringLiteral("invoice") << Paper::Receipt80mm;
    QTest::newRow("statement") << QStringLiteral("statement") << Paper::A4;
    QTest::newRow("report") << QStringLiteral("report") << Paper::A4;
    QTest::newRow("label, 76x130") << QStringLiteral("label") << Paper::Label76x130;
    QTest::newRow("label, 100x180") << QStringLiteral("label") << Paper::Label100x180;
}

void TestDocumentText::documents()
{
    QFETCH(QString, kind);
    QFETCH(Paper, paper);
    ShopDocuments &documents = m_fixture.shop().documents;
    std::unique_ptr<QTextDocument> document;
    QStringList expected;
    if (kind == QLatin1String("statement")) {
        document = documents.statement(m_distributorId, QDate(2026, 1, 1), QDate(2026, 1, 31));
        expected = {shopName, QStringLiteral("D1 ") + distributorName};
    } else if (kind == QLatin1String("report")) {
        const ReportTable table{
            {QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("quantity")},
            {{QStringLiteral("SHAN-1"), productName, QStringLiteral("2")},
             {QStringLiteral("C1"), customerName, QStringLiteral("1")}}};
        document = ShopDocuments::report(QStringLiteral("Products"), shopName, table);
        expected = {shopName, productName, customerName};
    } else {
        const Order order = m_fixture.services().workflow.orderByNumber(QStringLiteral("O1"));
        document = kind == QLatin1String("invoice") ? documents.invoice(order, paper)
                                                    : documents.packingSlip(order, paper);
        expected = {shopName, productName, customerName + QStringLiteral(" 13800138000"),
                    QStringLiteral("山西省 大同市 平城区 ") + street};
    }
    const QString file = m_fixture.scratchPath(QString::fromLatin1(QTest::currentDataTag())
                                                   .replace(QLatin1String(", "), QLatin1String("-"))
                                                   .replace(u' ', u'-')
                                               + QStringLiteral(".pdf"));
    if (kind == QLatin1String("label")) { // painted, not laid out: the batch's own PDF
        const Order order = m_fixture.services().workflow.orderByNumber(QStringLiteral("O1"));
        documents.writeOrdersPdf(ShopDocuments::OrderDocument::Label, {order.id}, paper, file);
        checkText(file, {shopName, customerName, productName, QStringLiteral("山西省")});
        return;
    }
    QString error;
    QVERIFY2(ShopDocuments::writePdf(*document, paper, file, &error), qPrintable(error));
    checkText(file, expected);
}

void TestDocumentText::cliStatement()
{
    const QString file = m_fixture.scratchPath(QStringLiteral("cli-statement.pdf"));
    const CliResult result = m_fixture.cli(
        {QStringLiteral("report"), QStringLiteral("statement"), QStringLiteral("--distributor"),
         QStringLiteral("D1"), QStringLiteral("--from"), QStringLiteral("2026-01-01"),
         QStringLiteral("--to"), QStringLiteral("2026-01-31"), QStringLiteral("--pdf"), file});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    checkText(file, {shopName, QStringLiteral("Distributor: D1 ") + distributorName});
}

// A document drawn with QPainter (a shipping label) gets the same text when it paints with
// ShopDocuments::documentFont().
void TestDocumentText::paintedWithTheDocumentFont()
{
    const QString file = m_fixture.scratchPath(QStringLiteral("painted.pdf"));
    {
        QPdfWriter writer(file);
        writer.setResolution(300);
        writer.setPageLayout(ShopDocuments::pageLayout(Paper::Receipt80mm));
        QPainter painter(&writer);
        QFont font = ShopDocuments::documentFont();
        font.setPointSizeF(12);
        painter.setFont(font);
        painter.drawText(QPointF(20, 100), shopName);
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(QPointF(20, 200), customerName + QStringLiteral(" ") + street);
    }
    checkText(file, {shopName, customerName + QStringLiteral(" ") + street});
}

MICROSHOP_TEST_MAIN(TestDocumentText)
#include "tst_document_text.moc"
