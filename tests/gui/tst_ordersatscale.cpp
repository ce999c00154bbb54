// The Orders page over a generated shop of 100,500 orders (demo --scale's generator), offscreen:
// its first rows listed, more as it is scrolled to their end, sorted by clicking a header,
// searched as you type, a search matching more than ListSource::searchCountLimit; the rows on
// screen are checked against the same question asked of the database in SQL.
#include "DesktopShop.h"
#include "ScaleDemoGenerator.h"
#include "ShopServices.h"

#include "LanguageManager.h"
#include "ListPage.h"
#include "MainWindow.h"

#include "OrderListModel.h"
#include "PagedTableModel.h"

#include "Dates.h"
#include "ListSource.h"
#include "TestClock.h"

#include <QHeaderView>
#include <QInputMethodEvent>
#include <QItemSelection>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

// Enough for a search to match more than ListSource::searchCountLimit orders.
constexpr int orderCount = 100500;
static_assert(orderCount > ListSource::searchCountLimit);
static_assert(orderCount > PagedTableModel::firstListed * 10);

} // namespace

class TestOrdersAtScale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scrolledToTheEndListsMoreThenShowsTheOldestOrders();
    void headerClickSortsByCustomerEverywhere();
    void searchAsYouTypeFindsWhatSqlFinds();
    void searchCountStopsAtTheLimit();
    void selectAllChoosesEveryMatchPastTheCountLimit();

private:
    QStringList shownOrderNumbers() const; // the rows on screen, top to bottom
    QStringList sql(const QString &query, const QVariantList &values = {}) const;

    QTemporaryDir m_folder;
    std::unique_ptr<Shop> m_desktop;
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;
    ListPage *m_page = nullptr;
};

QStringList TestOrdersAtScale::shownOrderNumbers() const
{
    QTableView *view = m_page->view();
    QCoreApplication::processEvents();
    const int first = view->rowAt(0);
    int last = view->rowAt(view->viewport()->height() - 1);
    if (last < 0)
        last = view->model()->rowCount() - 1;
    QStringList shown;
    for (int row = first; row >= 0 && row <= last; ++row)
        shown.append(view->model()->index(row, OrderListModel::OrderNo).data().toString());
    return shown;
}

QStringList TestOrdersAtScale::sql(const QString &query, const QVariantList &values) const
{
    QStringList found;
    QSqlQuery rows = m_desktop->database->exec(query, values);
    while (rows.next())
        found.append(rows.value(0).toString());
    return found;
}

void TestOrdersAtScale::initTestCase()
{
    m_desktop = openDesktopShop(m_folder.filePath(QStringLiteral("shop.db")));
    ScaleDemoGenerator(m_desktop->services, {200, 3000, 1500, orderCount}, 3, Dates::now()).run();
    m_languages.setLanguage(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(m_desktop->context, m_languages);
    m_window->resize(1300, 820);
    m_window->showPage(MainWindow::Orders);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_page = m_window->listPage(MainWindow::Orders);
    // Every order counted, the first of them listed.
    QCOMPARE(m_page->model()->count(), orderCount);
    QCOMPARE(m_page->model()->rowCount(), PagedTableModel::firstListed);
    auto *count = m_page->findChild<QLabel *>(QStringLiteral("countLabel"));
    QVERIFY(count);
    QCOMPARE(count->text(), QStringLiteral("100,500 shown"));
}

void TestOrdersAtScale::scrolledToTheEndListsMoreThenShowsTheOldestOrders()
{
    // Newest first, as the page opens.
    const QStringList top = shownOrderNumbers();
    QVERIFY(top.size() > 10);
    QCOMPARE(top, sql(QStringLiteral("SELECT order_no FROM orders ORDER BY date DESC, id DESC "
                                     "LIMIT %1")
                          .arg(top.size())));
    // The scroll bar's handle dragged to the bottom: ten times as many rows listed each time,
    // then every order.
    QScrollBar *bar = m_page->view()->verticalScrollBar();
    for (const qint64 listed : {PagedTableModel::firstListed * 10, qint64(orderCount)}) {
        QCoreApplication::processEvents(); // the rows laid out: the scroll bar's end is theirs
        bar->setValue(bar->maximum());
        QTRY_COMPARE(qint64(m_page->model()->rowCount()), listed);
    }
    QVERIFY(!m_page->model()->canFetchMore({}));
    QCoreApplication::processEvents();
    bar->setValue(bar->maximum());
    const QStringList bottom = shownOrderNumbers();
    QVERIFY(bottom.size() > 10);
    QCOMPARE(bottom.constLast(),
             sql(QStringLiteral("SELECT order_no FROM orders ORDER BY date ASC, id ASC LIMIT 1"))
                 .constFirst());
    QCOMPARE(bottom, sql(QStringLiteral("SELECT order_no FROM orders ORDER BY date DESC, id DESC "
                                        "LIMIT %1 OFFSET %2")
                             .arg(bottom.size())
                             .arg(orderCount - bottom.size())));
    // And the middle.
    bar->setValue(bar->maximum() / 2);
    const QStringList middle = shownOrderNumbers();
    const int first = m_page->view()->rowAt(0);
    QCOMPARE(middle, sql(QStringLiteral("SELECT order_no FROM orders ORDER BY date DESC, id DESC "
                                        "LIMIT %1 OFFSET %2")
                             .arg(middle.size())
                             .arg(first)));
}

void TestOrdersAtScale::headerClickSortsByCustomerEverywhere()
{
    QHeaderView *header = m_page->view()->horizontalHeader();
    const int x = header->sectionViewportPosition(OrderListModel::Customer) + 10;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    const Qt::SortOrder order = header->sortIndicatorOrder();
    QCOMPARE(header->sortIndicatorSection(), int(OrderListModel::Customer));
    const QString direction = order == Qt::AscendingOrder ? QStringLiteral("ASC")
                                                          : QStringLiteral("DESC");
    const QString sorted = QStringLiteral("SELECT o.order_no FROM orders o JOIN customers c ON "
                                          "c.id = o.customer_id ORDER BY c.name %1, o.id %1 "
                                          "LIMIT %2 OFFSET %3");
    QScrollBar *bar = m_page->view()->verticalScrollBar();
    for (const int value : {0, bar->maximum() / 3, bar->maximum()}) {
        bar->setValue(value);
        const QStringList shown = shownOrderNumbers();
        QCOMPARE(shown, sql(sorted.arg(direction).arg(shown.size()).arg(m_page->view()->rowAt(0))));
    }
    // Back to newest first.
    m_page->view()->sortByColumn(OrderListModel::Date, Qt::DescendingOrder);
    bar->setValue(0);
}

void TestOrdersAtScale::searchAsYouTypeFindsWhatSqlFinds()
{
    auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    search->setFocus();
    // The search of docs/decisions.md, asked of the database without the index.
    const QString matching = QStringLiteral(
        "FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN shipments s ON "
        "s.order_id = o.id WHERE substr(o.order_no, 1, length(?)) = upper(?) OR "
        "substr(s.tracking, 1, length(?)) = upper(?) OR instr(c.name, ?) OR "
        "instr(c.phone, ?) OR instr(lower(c.wechat), lower(?)) OR "
        "instr(lower(c.wechat_remark), lower(?))");
    const QString phone
        = sql(QStringLiteral("SELECT phone FROM customers WHERE id = 42")).constFirst();
    const QString name
        = sql(QStringLiteral("SELECT name FROM customers WHERE id = 42")).constFirst();
    const QString recent = sql(QStringLiteral("SELECT order_no FROM orders ORDER BY id DESC "
                                              "LIMIT 1"))
                               .constFirst();
    // Typed key by key: an order number, part of a phone, a name (2 and 3+ characters).
    for (const QString &typed : {recent.left(6).toLower(), recent.left(12), recent, phone.mid(3, 5),
                                 name, name.right(2)}) {
        search->clear();
        for (const QChar key : typed) {
            if (key.unicode() < 0x80) {
                QTest::keyClick(search, key.toLatin1());
            } else { // Chinese comes through an input method, a character at a time here
                QInputMethodEvent commit;
                commit.setCommitString(QString(key));
                QCoreApplication::sendEvent(search, &commit);
            }
        }
        const QVariantList values(8, typed);
        const qint64 expected
            = sql(QStringLiteral("SELECT count(*) ") + matching, values).constFirst().toLongLong();
        // Counted up to the first limit (more as the list is scrolled).
        QTRY_COMPARE(qint64(m_page->model()->rowCount()),
                     qMin(expected, ListSource::firstSearchCount));
        QVERIFY2(expected > 0, qPrintable(typed));
        const QStringList shown = shownOrderNumbers();
        QCOMPARE(
            shown,
            sql(QStringLiteral("SELECT o.order_no ") + matching
                    + QStringLiteral(" ORDER BY o.date DESC, o.id DESC LIMIT %1").arg(shown.size()),
                values));
    }
    search->clear();
}

void TestOrdersAtScale::searchCountStopsAtTheLimit()
{
    auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *count = m_page->findChild<QLabel *>(QStringLiteral("countLabel"));
    QVERIFY(search && count);
    const auto matching = [this](const QString &prefix) {
        return sql(QStringLiteral("SELECT count(*) FROM orders WHERE order_no LIKE ?"),
                   {QVariant(prefix + u'%')})
            .constFirst()
            .toLongLong();
    };
    // Every order number starts with "SO": more matches than are counted. The count stops at
    // its first limit, and goes ten times further each time the list is scrolled to its end.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("so"));
    QCOMPARE(matching(QStringLiteral("SO")), orderCount);
    QTRY_COMPARE(qint64(m_page->model()->rowCount()), ListSource::firstSearchCount);
    QCOMPARE(count->text(), QStringLiteral("More than 1,000 found: type more to narrow them"));
    // Its first rows are still the newest matches.
    const QStringList shown = shownOrderNumbers();
    QCOMPARE(shown, sql(QStringLiteral("SELECT order_no FROM orders ORDER BY date DESC, id DESC "
                                       "LIMIT %1")
                            .arg(shown.size())));
    QScrollBar *bar = m_page->view()->verticalScrollBar();
    for (const qint64 limit : {ListSource::firstSearchCount * 10, ListSource::searchCountLimit}) {
        QCoreApplication::processEvents(); // the rows laid out: the scroll bar's end is theirs
        bar->setValue(bar->maximum());
        QTRY_COMPARE(qint64(m_page->model()->rowCount()), limit);
        QCOMPARE(count->text(), QStringLiteral("More than %1 found: type more to narrow them")
                                    .arg(QLocale(QLocale::English).toString(limit)));
    }
    // The last counted row can be reached; the count goes no further.
    QCoreApplication::processEvents();
    bar->setValue(bar->maximum());
    QVERIFY(!m_page->model()->canFetchMore({}));
    QCOMPARE(qint64(m_page->model()->rowCount()), ListSource::searchCountLimit);
    const QStringList bottom = shownOrderNumbers();
    QCOMPARE(bottom.constLast(),
             sql(QStringLiteral("SELECT order_no FROM orders ORDER BY date DESC, id DESC "
                                "LIMIT 1 OFFSET %1")
                     .arg(ListSource::searchCountLimit - 1))
                 .constFirst());
    bar->setValue(0);
    // Typing on narrows it under the first limit: counted exactly again. (The day of the newest
    // order: its orders are fewer than the first limit.)
    const QString day = sql(QStringLiteral("SELECT substr(order_no, 1, 10) FROM orders ORDER BY "
                                           "date DESC, id DESC LIMIT 1"))
                            .constFirst();
    QTest::keyClicks(search, day.mid(2));
    const qint64 thisDay = matching(day);
    QVERIFY2(thisDay > 0 && thisDay < ListSource::firstSearchCount, qPrintable(day));
    QTRY_COMPARE(qint64(m_page->model()->rowCount()), thisDay);
    QCOMPARE(count->text(), QStringLiteral("%1 shown").arg(thisDay));
    search->clear();
}

void TestOrdersAtScale::selectAllChoosesEveryMatchPastTheCountLimit()
{
    const auto keys = [this] {
        const std::unique_ptr<ListSource> orders = m_desktop->context.lists(ListKind::Orders);
        return m_page->selection().keys(*orders);
    };
    const auto ids = [this](const QString &where) {
        QList<qint64> found;
        QSqlQuery rows = m_desktop->database->exec(
            QStringLiteral("SELECT id FROM orders %1 ORDER BY date DESC, id DESC").arg(where));
        while (rows.next())
            found.append(rows.value(0).toLongLong());
        return found;
    };
    auto *count = m_page->findChild<QLabel *>(QStringLiteral("countLabel"));
    // The last search cleared: the first rows listed again, every order counted.
    QTRY_COMPARE(m_page->model()->count(), orderCount);
    QCOMPARE(m_page->model()->rowCount(), PagedTableModel::firstListed);
    // Every row listed chosen with Shift: those rows, not the orders past them.
    QItemSelectionModel *selected = m_page->view()->selectionModel();
    selected->select(QItemSelection(m_page->model()->index(0, 0),
                                    m_page->model()->index(m_page->model()->rowCount() - 1,
                                                           m_page->model()->columnCount() - 1)),
                     QItemSelectionModel::ClearAndSelect);
    QVERIFY(!m_page->selection().allMatching);
    QCOMPARE(m_page->selectedCount(), PagedTableModel::firstListed);
    QCOMPARE(keys(), ids(QString()).mid(0, PagedTableModel::firstListed));
    // Ctrl+A lists every order and chooses them all; scrolling keeps them all chosen.
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_page->model()->rowCount(), orderCount);
    QVERIFY(m_page->selection().allMatching);
    QCOMPARE(m_page->selectedCount(), orderCount);
    QVERIFY2(count->text().endsWith(QStringLiteral("all selected")), qPrintable(count->text()));
    auto *details = m_page->findChild<QLabel *>(QStringLiteral("detailsLabel"));
    QVERIFY(details);
    QVERIFY2(details->text().contains(QStringLiteral("all 100,500 orders")),
             qPrintable(details->text()));
    QScrollBar *end = m_page->view()->verticalScrollBar();
    end->setValue(end->maximum());
    QVERIFY(m_page->selection().allMatching);
    end->setValue(0);
    QCOMPARE(keys(), ids(QString()));

    // A search counted up to the limit: all that match are more than the rows counted.
    auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("so"));
    QTRY_COMPARE(qint64(m_page->model()->rowCount()), ListSource::firstSearchCount);
    m_page->view()->selectAll();
    QCOMPARE(keys(), ids(QString()));
    search->clear();

    // Shift-click ranges far down the list, read in one pass each.
    QTRY_COMPARE(m_page->model()->rowCount(), PagedTableModel::firstListed);
    QScrollBar *bar = m_page->view()->verticalScrollBar();
    QCoreApplication::processEvents();
    bar->setValue(bar->maximum()); // listed further
    QTRY_COMPARE(qint64(m_page->model()->rowCount()), PagedTableModel::firstListed * 10);
    bar->setValue(0);
    QItemSelection chosen;
    const QAbstractItemModel *model = m_page->view()->model();
    const int last = model->columnCount() - 1;
    chosen.select(model->index(10, 0), model->index(19, last));
    chosen.select(model->index(90000, 0), model->index(90004, last));
    m_page->view()->selectionModel()->select(chosen, QItemSelectionModel::ClearAndSelect);
    QCOMPARE(m_page->selectedCount(), 15);
    const QList<qint64> all = ids(QString());
    QCOMPARE(keys(), all.mid(10, 10) + all.mid(90000, 5));
    m_page->view()->selectionModel()->clear();
}

MICROSHOP_TEST_MAIN(TestOrdersAtScale)
#include "tst_ordersatscale.moc"
