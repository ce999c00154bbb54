// The Orders page's batch, offscreen, as a merchant ends the day: orders chosen with Ctrl and Shift
// clicks or all at once (Ctrl+A), the selection read back in the list's order; the selected
// orders completed in one go (all of them, or none when one of them cannot be), their labels in
// one PDF in the list's order, and the courier's file of those among them waiting to be shipped.
#include "OrderListPage.h"

#include "BatchPrintDialog.h"

#include "DesktopShop.h"
#include "PdfTools.h"
#include "TestClock.h"
#include "Widgets.h"

#include "OrderListModel.h"

#include "CatalogService.h"
#include "CustomerService.h"
#include "Dates.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestOrderBatch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ctrlAndShiftClicksChooseRowsInListOrder();
    void ctrlASelectsEveryOrderThatMatches();
    void completesEverySelectedShippedOrder();
    void completesNoneWhenOneIsNotShipped();
    void labelsOfTheSelectionInOnePdfInListOrder();
    void printDialogOffersEachDocumentsPaper();
    void courierFileHasThePaidOnesOfTheSelection();

private:
    void addOrder(const QString &orderNo, const QString &date, bool paid, bool shipped);
    void clickRow(int row, Qt::KeyboardModifiers modifiers = {});
    int rowOf(const QString &orderNo) const;
    QList<QString> selectedNumbers() const; // the selection's keys, as order numbers
    // Answers the message boxes to come, in turn, keeping their texts.
    void answerMessageBoxes(QList<QMessageBox::StandardButton> buttons, QStringList *texts);
    OrderStatus status(const QString &orderNo)
    {
        return m_shop->services.workflow.orderByNumber(orderNo).status;
    }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Shop> m_shop;
    std::unique_ptr<OrderListPage> m_page;
};

// SO-1 .. SO-4 shipped, SO-5 paid, SO-6 pending; newest first: SO-6 at the top.
void TestOrderBatch::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_shop = openDesktopShop(m_folder->filePath(QStringLiteral("shop.db")));
    Product tea;
    tea.sku = QStringLiteral("TEA-01");
    tea.name = QStringLiteral("普洱茶");
    tea.price = *Money::parse(u"16");
    tea.stock = 100;
    m_shop->services.catalog.create(tea, *Dates::parseDateTime(u"2026-11-01 09:00"));
    Customer buyer;
    buyer.code = QStringLiteral("C1");
    buyer.name = QStringLiteral("张伟");
    m_shop->services.customerService.create(buyer);
    for (int i = 1; i <= 6; ++i)
        addOrder(QStringLiteral("SO-%1").arg(i), QStringLiteral("2026-11-1%1 09:00").arg(i), i <= 5,
                 i <= 4);
    m_page = std::make_unique<OrderListPage>(m_shop->context);
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->model()->rowCount(), 6);
    QCOMPARE(m_page->model()->index(0, OrderListModel::OrderNo).data().toString(),
             QStringLiteral("SO-6"));
}

void TestOrderBatch::cleanup()
{
    m_page.reset();
    m_shop.reset();
    m_folder.reset();
}

void TestOrderBatch::addOrder(const QString &orderNo, const QString &date, bool paid, bool shipped)
{
    ShopServices &shop = m_shop->services;
    OrderDraft draft;
    draft.orderNo = orderNo;
    draft.date = *Dates::parseDateTime(date);
    draft.customerId = shop.customerService.customerByCode(QStringLiteral("C1")).id;
    draft.lines = {
        {shop.catalog.productBySku(QStringLiteral("TEA-01")).id, 1, std::nullopt, Money()}};
    shop.workflow.create(draft);
    const QDateTime later = draft.date.addSecs(3600);
    if (paid)
        shop.workflow.pay(orderNo, later, PaymentMethod::WeChat);
    if (shipped)
        shop.workflow.ship(orderNo, QStringLiteral("顺丰"), QStringLiteral("SF%1").arg(orderNo),
                           later.addSecs(3600));
}

void TestOrderBatch::clickRow(int row, Qt::KeyboardModifiers modifiers)
{
    QTableView *view = m_page->view();
    const QRect cell = view->visualRect(view->model()->index(row, OrderListModel::OrderNo));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, cell.center());
}

int TestOrderBatch::rowOf(const QString &orderNo) const
{
    for (int row = 0; row < m_page->model()->rowCount(); ++row) {
        if (m_page->model()->index(row, OrderListModel::OrderNo).data().toString() == orderNo)
            return row;
    }
    return -1;
}

QList<QString> TestOrderBatch::selectedNumbers() const
{
    const std::unique_ptr<ListSource> orders = m_shop->context.lists(ListKind::Orders);
    QList<QString> numbers;
    for (const qint64 id : m_page->selection().keys(*orders))
        numbers.append(m_shop->context.orderRepository.findById(id)->orderNo);
    return numbers;
}

void TestOrderBatch::answerMessageBoxes(QList<QMessageBox::StandardButton> buttons,
                                        QStringList *texts)
{
    // Message boxes only: a progress dialog may come between them on a slow machine.
    auto *timer = new QTimer(this);
    timer->setInterval(10);
    connect(timer, &QTimer::timeout, timer, [timer, buttons, texts]() mutable {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        texts->append(box->text());
        box->button(buttons.takeFirst())->click();
        if (buttons.isEmpty()) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

void TestOrderBatch::ctrlAndShiftClicksChooseRowsInListOrder()
{
    clickRow(rowOf(QStringLiteral("SO-5")));
    clickRow(rowOf(QStringLiteral("SO-3")), Qt::ShiftModifier); // SO-5, SO-4, SO-3
    clickRow(rowOf(QStringLiteral("SO-1")), Qt::ControlModifier);
    clickRow(rowOf(QStringLiteral("SO-4")), Qt::ControlModifier); // off again
    QCOMPARE(m_page->selectedCount(), 3);
    QCOMPARE(selectedNumbers(), (QList<QString>{QStringLiteral("SO-5"), QStringLiteral("SO-3"),
                                                QStringLiteral("SO-1")}));
    QVERIFY(!m_page->selection().allMatching);
    // One order's own buttons act on one order; the batch on all three.
    QVERIFY(!m_page->moveButton(OrderWorkflow::Move::Ship)->isEnabled());
    auto *batch = child<QPushButton>(m_page.get(), "batchButton");
    QCOMPARE(batch->text(), QStringLiteral("&Batch")); // the count is beside the search
    auto *complete = m_page->findChild<QAction *>(QStringLiteral("completeSelectedAction"));
    QVERIFY(complete && complete->isEnabled());
    // With nothing chosen, only what needs no selection is offered.
    m_page->view()->selectionModel()->clear();
    QVERIFY(!complete->isEnabled());
    QVERIFY(m_page->findChild<QAction *>(QStringLiteral("selectAllAction"))->isEnabled());
    clickRow(rowOf(QStringLiteral("SO-5")));
    clickRow(rowOf(QStringLiteral("SO-3")), Qt::ShiftModifier);
    clickRow(rowOf(QStringLiteral("SO-1")), Qt::ControlModifier);
    clickRow(rowOf(QStringLiteral("SO-4")), Qt::ControlModifier);
    QVERIFY(
        child<QLabel>(m_page.get(), "countLabel")->text().contains(QStringLiteral("3 selected")));

    // Sorted the other way, the same rows are read in the new order.
    m_page->view()->sortByColumn(OrderListModel::Date, Qt::AscendingOrder);
    m_page->view()->selectionModel()->clear();
    clickRow(rowOf(QStringLiteral("SO-2")));
    clickRow(rowOf(QStringLiteral("SO-4")), Qt::ShiftModifier);
    QCOMPARE(selectedNumbers(), (QList<QString>{QStringLiteral("SO-2"), QStringLiteral("SO-3"),
                                                QStringLiteral("SO-4")}));
}

void TestOrderBatch::ctrlASelectsEveryOrderThatMatches()
{
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_A, Qt::ControlModifier);
    QVERIFY(m_page->selection().allMatching);
    QCOMPARE(m_page->selectedCount(), 6);
    QCOMPARE(selectedNumbers(), (QList<QString>{QStringLiteral("SO-6"), QStringLiteral("SO-5"),
                                                QStringLiteral("SO-4"), QStringLiteral("SO-3"),
                                                QStringLiteral("SO-2"), QStringLiteral("SO-1")}));

    // All that match a filter: the shipped ones only.
    m_page->showOrders(QStringLiteral("shipped"), {}, {});
    QCOMPARE(m_page->model()->rowCount(), 4);
    m_page->view()->selectAll();
    QVERIFY(m_page->selection().allMatching);
    QCOMPARE(selectedNumbers(), (QList<QString>{QStringLiteral("SO-4"), QStringLiteral("SO-3"),
                                                QStringLiteral("SO-2"), QStringLiteral("SO-1")}));
}

void TestOrderBatch::completesEverySelectedShippedOrder()
{
    clickRow(rowOf(QStringLiteral("SO-4")));
    clickRow(rowOf(QStringLiteral("SO-2")), Qt::ShiftModifier);
    QStringList texts;
    answerMessageBoxes({QMessageBox::Yes}, &texts);
    m_page->completeSelected();
    QCOMPARE(texts.size(), 1);
    const QString question = texts.constFirst();
    QVERIFY2(question.contains(QStringLiteral("3 selected order(s)")), qPrintable(question));
    for (const char *orderNo : {"SO-4", "SO-3", "SO-2"})
        QCOMPARE(status(QString::fromLatin1(orderNo)), OrderStatus::Completed);
    QCOMPARE(status(QStringLiteral("SO-1")), OrderStatus::Shipped);
    QCOMPARE(m_page->model()
                 ->index(rowOf(QStringLiteral("SO-3")), OrderListModel::Status)
                 .data(PagedTableModel::RawValueRole)
                 .toString(),
             QStringLiteral("completed"));
}

void TestOrderBatch::completesNoneWhenOneIsNotShipped()
{
    clickRow(rowOf(QStringLiteral("SO-6")));
    clickRow(rowOf(QStringLiteral("SO-3")), Qt::ShiftModifier); // SO-6 pending
    QStringList texts;
    answerMessageBoxes({QMessageBox::Yes, QMessageBox::Ok}, &texts);
    m_page->completeSelected();
    QCOMPARE(texts.size(), 2);
    const QString refusal = texts.constLast();
    QVERIFY2(refusal.contains(QStringLiteral("SO-6 (Awaiting payment)"))
                 && refusal.contains(QStringLiteral("Nothing was changed")),
             qPrintable(refusal));
    // Only the one that cannot: a paid order could be completed (handed over in person).
    QVERIFY2(!refusal.contains(QStringLiteral("SO-5")) && !refusal.contains(QStringLiteral("SO-4")),
             qPrintable(refusal));
    for (const char *orderNo : {"SO-4", "SO-3"})
        QCOMPARE(status(QString::fromLatin1(orderNo)), OrderStatus::Shipped);
    QCOMPARE(status(QStringLiteral("SO-5")), OrderStatus::Paid);
    QCOMPARE(status(QStringLiteral("SO-6")), OrderStatus::Pending);
}

void TestOrderBatch::labelsOfTheSelectionInOnePdfInListOrder()
{
    clickRow(rowOf(QStringLiteral("SO-2")));
    clickRow(rowOf(QStringLiteral("SO-4")), Qt::ControlModifier);
    clickRow(rowOf(QStringLiteral("SO-5")), Qt::ControlModifier);
    const QString file = m_folder->filePath(QStringLiteral("labels.pdf"));
    QVERIFY(m_page->writeSelectedPdf(ShopDocuments::OrderDocument::Label,
                                     ShopDocuments::Paper::Label100x180, file));
    QCOMPARE(pdfPages(file), 3);
    // One page each, newest first as the list shows them: SO-5, SO-4, SO-2.
    const QStringList pages = run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")})
                                  .split(u'\f', Qt::SkipEmptyParts);
    QCOMPARE(pages.size(), 3);
    const char *expected[] = {"SO-5", "SO-4", "SO-2"};
    for (int page = 0; page < 3; ++page)
        QVERIFY2(pages.at(page).contains(QString::fromLatin1(expected[page])),
                 qPrintable(pages.at(page)));
    QVERIFY2(pages.at(1).contains(QStringLiteral("SFSO-4")), qPrintable(pages.at(1))); // tracking
}

void TestOrderBatch::printDialogOffersEachDocumentsPaper()
{
    BatchPrintDialog dialog(QStringLiteral("3 selected orders"), m_page.get());
    auto *document = child<QComboBox>(&dialog, "documentCombo");
    auto *paper = child<QComboBox>(&dialog, "paperCombo");
    document->setCurrentIndex(document->findData(int(ShopDocuments::OrderDocument::Label)));
    QCOMPARE(paper->count(), 2);
    QVERIFY(paper->findData(int(ShopDocuments::Paper::Label76x130)) >= 0);
    QVERIFY(paper->findData(int(ShopDocuments::Paper::Label100x180)) >= 0);
    document->setCurrentIndex(document->findData(int(ShopDocuments::OrderDocument::PackingSlip)));
    QCOMPARE(paper->count(), 2);
    QVERIFY(paper->findData(int(ShopDocuments::Paper::A4)) >= 0);
    QVERIFY(paper->findData(int(ShopDocuments::Paper::Receipt80mm)) >= 0);
    paper->setCurrentIndex(paper->findData(int(ShopDocuments::Paper::Receipt80mm)));
    QCOMPARE(dialog.document(), ShopDocuments::OrderDocument::PackingSlip);
    QCOMPARE(dialog.paper(), ShopDocuments::Paper::Receipt80mm);
}

void TestOrderBatch::courierFileHasThePaidOnesOfTheSelection()
{
    // SO-6 pending, SO-5 paid, SO-4 and SO-3 shipped: only SO-5 is waiting to be shipped.
    clickRow(rowOf(QStringLiteral("SO-6")));
    clickRow(rowOf(QStringLiteral("SO-3")), Qt::ShiftModifier);
    const QString file = m_folder->filePath(QStringLiteral("courier.csv"));
    QVERIFY(m_page->exportCourierFileTo(file));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(written.readAll())
                                  .remove(QChar(0xFEFF))
                                  .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.constFirst(),
             QStringLiteral("order_no,receiver,phone,province,city,district,address,items,"
                            "quantity,weight_kg,notes"));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("SO-5,")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(QStringLiteral("普洱茶×1")), qPrintable(lines.at(1)));
}

MICROSHOP_TEST_MAIN(TestOrderBatch)

#include "tst_orderbatch.moc"
