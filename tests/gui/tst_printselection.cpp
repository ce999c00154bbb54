// The print preview of many orders' shipping labels or packing slips (PrintPreview::showOrders),
// as the Orders page opens it for a selection: every order a page, in the list's order.
#include "DemoGenerator.h"
#include "DesktopShop.h"
#include "ShopServices.h"

#include "PrintPreview.h"

#include "Dates.h"

#include "TestClock.h"

#include <QApplication>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestPrintSelection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void previewShowsEveryOrder_data();
    void previewShowsEveryOrder();

private:
    QTemporaryDir m_folder;
    std::unique_ptr<Shop> m_shop;
    QList<qint64> m_ids;
};

void TestPrintSelection::initTestCase()
{
    QVERIFY(m_folder.isValid());
    m_shop = openDesktopShop(m_folder.filePath(QStringLiteral("shop.db")));
    DemoGenerator(m_shop->services, {20, 60, 10, 120}, 7, Dates::now()).run();
    // 25 orders, newest first: not the order of their ids.
    QSqlQuery query = m_shop->database->exec(
        QStringLiteral("SELECT id FROM orders ORDER BY order_no DESC LIMIT 25"));
    while (query.next())
        m_ids.append(query.value(0).toLongLong());
    QCOMPARE(m_ids.size(), 25);
}

void TestPrintSelection::previewShowsEveryOrder_data()
{
    QTest::addColumn<ShopDocuments::OrderDocument>("kind");
    QTest::addColumn<ShopDocuments::Paper>("paper");
    QTest::addColumn<QSizeF>("millimetres");
    QTest::newRow("labels 76x130") << ShopDocuments::OrderDocument::Label
                                   << ShopDocuments::Paper::Label76x130 << QSizeF(76, 130);
    QTest::newRow("labels 100x180") << ShopDocuments::OrderDocument::Label
                                    << ShopDocuments::Paper::Label100x180 << QSizeF(100, 180);
    QTest::newRow("slips A4") << ShopDocuments::OrderDocument::PackingSlip
                              << ShopDocuments::Paper::A4 << QSizeF(210, 297);
}

void TestPrintSelection::previewShowsEveryOrder()
{
    QFETCH(ShopDocuments::OrderDocument, kind);
    QFETCH(ShopDocuments::Paper, paper);
    QFETCH(QSizeF, millimetres);
    int pages = -1;
    QString title;
    QSizeF pageSize;
    // The preview, once it is up (a progress dialog may come first while the pages are painted).
    QTimer poll;
    poll.setInterval(10);
    connect(&poll, &QTimer::timeout, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || dialog->objectName() != QStringLiteral("printPreview"))
            return;
        auto *preview = dialog->findChild<QPrintPreviewWidget *>();
        if (!preview || preview->pageCount() == 0)
            return;
        poll.stop();
        pages = preview->pageCount();
        title = dialog->windowTitle();
        if (auto *printer = qobject_cast<QPrintPreviewDialog *>(dialog)->printer())
            pageSize = printer->pageLayout().pageSize().size(QPageSize::Millimeter);
        dialog->close();
    });
    poll.start();
    PrintPreview::showOrders(nullptr, m_shop->documents, kind, m_ids, paper,
                             QStringLiteral("25 orders"), QStringLiteral("orders"));
    QCOMPARE(pages, 25);
    QCOMPARE(title, QStringLiteral("Print preview: 25 orders"));
    QVERIFY2(qAbs(pageSize.width() - millimetres.width()) < 0.5
                 && qAbs(pageSize.height() - millimetres.height()) < 0.5,
             qPrintable(QStringLiteral("%1 x %2").arg(pageSize.width()).arg(pageSize.height())));
}

MICROSHOP_TEST_MAIN(TestPrintSelection)
#include "tst_printselection.moc"
