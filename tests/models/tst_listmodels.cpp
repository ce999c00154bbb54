// The list models over real lists: Qt's model tester, and search, filters and sorting checked
// against what the database holds, on the backend of $MICROSHOP_TEST_BACKEND.
#include "Database.h"
#include "ShopLists.h"
#include "ShopServices.h"

#include "CustomerListModel.h"
#include "ListSource.h"
#include "OrderListModel.h"
#include "PagedTableModel.h"
#include "ProductListModel.h"
#include "StockMovementListModel.h"

#include "Dates.h"

#include "TestClock.h"
#include "TestDatabases.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

// A list of `rows` keys 1..rows, its one column the key, counted and fetched as a database would;
// a search keeps the even keys.
class NumberedRows final : public ListSource
{
public:
    explicit NumberedRows(qint64 rows)
        : m_rows(rows)
    {}

    int columnCount() const override { return 1; }
    using ListSource::count;
    qint64 count(const ListQuery &query, qint64 searchLimit) const override
    {
        ++counts;
        return query.search.isEmpty() ? m_rows : qMin(m_rows / 2, searchLimit);
    }
    QList<QVariantList> fetch(const ListQuery &query, qint64 offset, int limit,
                              qint64) const override
    {
        const qint64 step = query.search.isEmpty() ? 1 : 2;
        QList<QVariantList> rows;
        for (qint64 row = offset; row < offset + limit && (row + 1) * step <= m_rows; ++row)
            rows.append({(row + 1) * step, (row + 1) * step});
        return rows;
    }
    void readKeys(const ListQuery &, qint64, qint64,
                  const std::function<bool(qint64)> &) const override
    {}

    mutable int counts = 0;

private:
    qint64 m_rows;
};

class NumberedModel final : public PagedTableModel
{
public:
    using PagedTableModel::PagedTableModel;

protected:
    QString columnTitle(int) const override { return QStringLiteral("n"); }
};

} // namespace

class TestListModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void productsPassTheModelTester();
    void productsSearchFilterAndSort();
    void productsPageThroughManyRows();
    void lowStockIsHighlighted();
    void customersSearchAndFilter();
    void ordersFilterByStatusAndDate();
    void stockHistoryOfOneProduct();
    void ordersSearchByFewOrManyCustomers();
    void longListsAreListedFurtherAsTheyAreScrolled();

private:
    TestDatabases m_databases;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ShopServices> m_shop;
};

void TestListModels::initTestCase()
{
    QString why;
    const DatabaseLocation location = m_databases.fresh(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    m_shop = std::make_unique<ShopServices>(*m_database);

    // 450 products: more than two pages of PagedTableModel::pageSize.
    m_database->inTransaction([&] {
        for (int i = 1; i <= 450; ++i) {
            Product product;
            product.sku = QStringLiteral("SKU-%1").arg(i, 4, 10, QLatin1Char('0'));
            product.name = i % 3 == 0 ? QStringLiteral("绿茶 %1").arg(i)
                                      : QStringLiteral("Cup %1").arg(i);
            product.category = i % 2 == 0 ? QStringLiteral("茶叶") : QStringLiteral("器具");
            product.price = Money::fromMinorUnits(i * 100 + 5);
            product.stock = i % 10;
            product.lowStock = 3;
            product.active = i % 50 != 0;
            product.barcode = QStringLiteral("69%1").arg(i, 11, 10, QLatin1Char('0'));
            m_shop->catalog.create(product, *Dates::parseDateTime(u"2026-01-01"));
        }
        for (int i = 1; i <= 5; ++i) {
            Customer customer;
            customer.code = QStringLiteral("C%1").arg(i);
            customer.name = i == 3 ? QStringLiteral("王小明")
                                   : QStringLiteral("Customer %1").arg(i);
            customer.phone = QStringLiteral("1380000000%1").arg(i);
            customer.channel = i % 2 == 0 ? Channel::Moments : Channel::Group;
            m_shop->customerService.create(customer);
        }
    });
    const auto customer = m_shop->customerService.customerByCode(QStringLiteral("C3"));
    const auto product = m_shop->catalog.productBySku(QStringLiteral("SKU-0009"));
    for (int day = 1; day <= 3; ++day) {
        OrderDraft draft;
        draft.orderNo = QStringLiteral("SO-%1").arg(day);
        draft.date = QDateTime(QDate(2026, 3, day), QTime(10, 0));
        draft.customerId = customer.id;
        draft.lines = {{product.id, 1, std::nullopt, Money()}};
        m_shop->workflow.create(draft);
    }
    m_shop->workflow.pay(QStringLiteral("SO-2"), QDateTime(QDate(2026, 3, 2), QTime(11, 0)),
                         PaymentMethod::WeChat);
}

void TestListModels::cleanupTestCase()
{
    m_shop.reset();
    m_database.reset();
}

void TestListModels::productsPassTheModelTester()
{
    ProductListModel model(ShopLists::products(*m_database));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 450);
    QCOMPARE(model.columnCount(), 13);
    model.setSearch(QStringLiteral("绿茶"));
    model.sort(ProductListModel::Price, Qt::DescendingOrder);
    model.setFilter(QStringLiteral("category"), QStringLiteral("茶叶"));
    model.setFilter(QStringLiteral("category"), QVariant());
    model.refresh();
}

void TestListModels::productsSearchFilterAndSort()
{
    ProductListModel model(ShopLists::products(*m_database));
    model.setSearch(QStringLiteral("绿茶"));
    QCOMPARE(model.rowCount(), 150);
    model.setSearch(QStringLiteral("sku-012")); // case-insensitive, anywhere in the SKU
    QCOMPARE(model.rowCount(), 10);
    model.setSearch(QStringLiteral("6900000000123")); // a scanned barcode
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, ProductListModel::Sku)).toString(),
             QStringLiteral("SKU-0123"));
    QCOMPARE(model.data(model.index(0, ProductListModel::Price)).toString(),
             QStringLiteral("123.05"));
    model.setSearch(QStringLiteral("100%")); // taken literally, not as a wildcard
    QCOMPARE(model.rowCount(), 0);

    model.setSearch(QString());
    model.setFilter(QStringLiteral("category"), QStringLiteral("茶叶"));
    model.setFilter(QStringLiteral("active"), false);
    QCOMPARE(model.rowCount(), 9); // 50, 100, ... 450
    model.setFilter(QStringLiteral("active"), QVariant());
    model.setFilter(QStringLiteral("category"), QVariant());

    model.sort(ProductListModel::Price, Qt::DescendingOrder);
    QCOMPARE(model.data(model.index(0, ProductListModel::Sku)).toString(),
             QStringLiteral("SKU-0450"));
    QCOMPARE(model.data(model.index(449, ProductListModel::Sku)).toString(),
             QStringLiteral("SKU-0001"));
    model.sort(ProductListModel::Name, Qt::AscendingOrder);
    QVERIFY(model.data(model.index(0, ProductListModel::Name)).toString().startsWith(u"Cup"));
}

void TestListModels::productsPageThroughManyRows()
{
    ProductListModel model(ShopLists::products(*m_database));
    model.sort(ProductListModel::Sku, Qt::AscendingOrder);
    // Every row, across pages, in order, each exactly once.
    QSet<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.data(model.index(row, ProductListModel::Sku)).toString(),
                 QStringLiteral("SKU-%1").arg(row + 1, 4, 10, QLatin1Char('0')));
        ids.insert(model.idAt(row));
    }
    QCOMPARE(ids.size(), 450);
    QCOMPARE(model.rowOfId(model.idAt(420)), 420);

    // Pages past the middle are read from the end: the same order as the database's, ties
    // (broken by id) and NULLs (no override rates) included, both ways.
    const struct
    {
        int column;
        Qt::SortOrder order;
        const char *orderBy;
    } sorts[] = {{ProductListModel::Category, Qt::DescendingOrder, "category DESC, id DESC"},
                 {ProductListModel::Stock, Qt::AscendingOrder, "stock ASC, id ASC"},
                 {ProductListModel::Rate1, Qt::DescendingOrder, "rate1 DESC, id DESC"}};
    for (const auto &sort : sorts) {
        model.sort(sort.column, sort.order);
        QSqlQuery expected = m_database->exec(
            QStringLiteral("SELECT id FROM products ORDER BY %1").arg(QLatin1String(sort.orderBy)));
        for (int row = 0; expected.next(); ++row)
            QCOMPARE(model.idAt(row), expected.value(0).toLongLong());
    }
}

void TestListModels::lowStockIsHighlighted()
{
    ProductListModel model(ShopLists::products(*m_database));
    model.setFilter(QStringLiteral("lowStock"), true);
    const qint64 expected = m_database
                                ->scalar(QStringLiteral("SELECT count(*) FROM products WHERE "
                                                        "stock <= low_stock"))
                                .toLongLong();
    QCOMPARE(model.rowCount(), int(expected));
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(model.rawValue(row, ProductListModel::Stock).toLongLong() <= 3);
        if (model.isLowOnStock(row))
            QVERIFY(model.data(model.index(row, ProductListModel::Stock), Qt::ForegroundRole)
                        .isValid());
    }
    model.setFilter(QStringLiteral("lowStock"), QVariant());
    model.setSearch(QStringLiteral("SKU-0005")); // stock 5 > 3
    QVERIFY(!model.data(model.index(0, ProductListModel::Stock), Qt::ForegroundRole).isValid());
}

void TestListModels::customersSearchAndFilter()
{
    CustomerListModel model(ShopLists::customers(*m_database));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 5);
    model.setSearch(QStringLiteral("13800000004"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, CustomerListModel::Channel)).toString(),
             Channels::displayName(Channel::Moments));
    model.setSearch(QStringLiteral("小明"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, CustomerListModel::LastOrder)).toString(),
             QStringLiteral("2026-03-03"));
    model.setSearch(QString());
    model.setFilter(QStringLiteral("channel"), QStringLiteral("group"));
    QCOMPARE(model.rowCount(), 3);
    model.setFilter(QStringLiteral("channel"), QVariant());
    model.setFilter(QStringLiteral("notBoughtSince"), QStringLiteral("2026-03-04"));
    QCOMPARE(model.rowCount(), 1); // only C3 bought, last on 2026-03-03
    model.setFilter(QStringLiteral("notBoughtSince"), QStringLiteral("2026-03-03"));
    QCOMPARE(model.rowCount(), 0);
    model.setFilter(QStringLiteral("notBoughtSince"), QVariant());

    // The search index follows every change: a new name is found, the old one no longer; a
    // deleted customer is gone; part of a WeChat remark, in any case, is found.
    Customer renamed = m_shop->customerService.customerByCode(QStringLiteral("C5"));
    renamed.name = QStringLiteral("欧阳娜娜");
    renamed.wechatRemark = QStringLiteral("Big Buyer");
    m_shop->customerService.update(renamed);
    model.setSearch(QStringLiteral("阳娜娜"));
    QCOMPARE(model.rowCount(), 1);
    model.setSearch(QStringLiteral("big buy"));
    QCOMPARE(model.rowCount(), 1);
    model.setSearch(QStringLiteral("Customer 5"));
    QCOMPARE(model.rowCount(), 0);
    m_shop->customerService.remove(QStringLiteral("C5"));
    model.setSearch(QStringLiteral("阳娜娜"));
    QCOMPARE(model.rowCount(), 0);
    model.setSearch(QStringLiteral("Customer"));
    QCOMPARE(model.rowCount(), 3); // C1, C2, C4
    model.setSearch(QString());
}

void TestListModels::ordersFilterByStatusAndDate()
{
    OrderListModel model(ShopLists::orders(*m_database));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    model.setFilter(QStringLiteral("status"), QStringLiteral("paid"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, OrderListModel::OrderNo)).toString(),
             QStringLiteral("SO-2"));
    QCOMPARE(model.data(model.index(0, OrderListModel::Status)).toString(),
             OrderStatuses::displayName(OrderStatus::Paid));
    QCOMPARE(model.data(model.index(0, OrderListModel::Total)).toString(), QStringLiteral("9.05"));
    model.setFilter(QStringLiteral("status"), QVariant());
    model.setFilter(QStringLiteral("from"), QStringLiteral("2026-03-02"));
    model.setFilter(QStringLiteral("to"), QStringLiteral("2026-03-02")); // the whole day
    QCOMPARE(model.rowCount(), 1);
    model.setFilter(QStringLiteral("to"), QVariant());
    QCOMPARE(model.rowCount(), 2);
    model.sort(OrderListModel::Date, Qt::DescendingOrder);
    QCOMPARE(model.data(model.index(0, OrderListModel::OrderNo)).toString(),
             QStringLiteral("SO-3"));
    model.setFilter(QStringLiteral("from"), QVariant());
    model.setSearch(QStringLiteral("王小明"));
    QCOMPARE(model.rowCount(), 3);
    // Order numbers from their start, as typed in any case; customers by any part of their
    // name or phone; not the middle of an order number (docs/decisions.md, "Scale").
    model.setSearch(QStringLiteral("so-2"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, OrderListModel::OrderNo)).toString(),
             QStringLiteral("SO-2"));
    model.setSearch(QStringLiteral("SO-"));
    QCOMPARE(model.rowCount(), 3);
    model.setSearch(QStringLiteral("小明"));
    QCOMPARE(model.rowCount(), 3);
    model.setSearch(QStringLiteral("00003"));
    QCOMPARE(model.rowCount(), 3);
    model.setSearch(QStringLiteral("O-2"));
    QCOMPARE(model.rowCount(), 0);
    model.setSearch(QStringLiteral("SO_")); // "_" is not a wildcard
    QCOMPARE(model.rowCount(), 0);
    model.setSearch(QString());
}

void TestListModels::stockHistoryOfOneProduct()
{
    StockMovementListModel model(ShopLists::stockMovements(*m_database));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 id = m_shop->catalog.productBySku(QStringLiteral("SKU-0009")).id;
    model.setFilter(QStringLiteral("product"), id);
    QCOMPARE(model.rowCount(), 2); // opening stock, then the sale of SO-2
    model.sort(StockMovementListModel::MovedAt, Qt::AscendingOrder);
    QCOMPARE(model.data(model.index(0, StockMovementListModel::Quantity)).toString(),
             QStringLiteral("+9"));
    QCOMPARE(model.data(model.index(1, StockMovementListModel::Quantity)).toString(),
             QStringLiteral("-1"));
    QCOMPARE(model.data(model.index(1, StockMovementListModel::OrderNo)).toString(),
             QStringLiteral("SO-2"));
    QCOMPARE(model.data(model.index(1, StockMovementListModel::Kind)).toString(),
             StockMovementKinds::displayName(StockMovementKind::Sale));
}

// The orders' search by a customer takes two roads on PostgreSQL (ShopLists.cpp, orders): up to
// searchLiteralLimit customers found are written into the statement, more are checked on each
// order's customer (and counted from the customers' side, or by a subquery); all find the same
// orders, as does SQLite's, with keys of any length. So do tracking numbers, and a key that
// finds nobody.
void TestListModels::ordersSearchByFewOrManyCustomers()
{
    const auto product = m_shop->catalog.productBySku(QStringLiteral("SKU-0019"));
    m_database->inTransaction([&] {
        for (int i = 1; i <= ShopLists::searchLiteralLimit + 1; ++i) {
            Customer customer;
            customer.code = QStringLiteral("Z%1").arg(i);
            customer.name = QStringLiteral("赵一一 %1").arg(i);
            customer.phone = QStringLiteral("1391%1").arg(i, 7, 10, QLatin1Char('0'));
            if (i == 7)
                customer.wechatRemark = QStringLiteral("Xy 鑫淼");
            const qint64 id = m_shop->customerService.create(customer).id;
            if (i != 7 && i != 77 && i != 500)
                continue;
            OrderDraft draft;
            draft.orderNo = QStringLiteral("ZO-%1").arg(i);
            draft.date = QDateTime(QDate(2026, 4, 1), QTime(9, 0));
            draft.customerId = id;
            draft.lines = {{product.id, 1, std::nullopt, Money()}};
            m_shop->workflow.create(draft);
        }
    });
    m_shop->workflow.pay(QStringLiteral("ZO-77"), QDateTime(QDate(2026, 4, 1), QTime(10, 0)),
                         PaymentMethod::WeChat);
    m_shop->workflow.ship(QStringLiteral("ZO-77"), QStringLiteral("SF"),
                          QStringLiteral("SF7654321"), QDateTime(QDate(2026, 4, 2), QTime(9, 0)));

    OrderListModel model(ShopLists::orders(*m_database));
    model.sort(OrderListModel::OrderNo, Qt::AscendingOrder);
    const auto found = [&model](const QString &key) {
        model.setSearch(key);
        QStringList numbers;
        for (int row = 0; row < model.rowCount(); ++row)
            numbers.append(model.data(model.index(row, OrderListModel::OrderNo)).toString());
        return numbers.join(u',');
    };
    QCOMPARE(found(QStringLiteral("赵一一")), QStringLiteral("ZO-500,ZO-7,ZO-77")); // 1,001 found
    QCOMPARE(found(QStringLiteral("赵一一 7")), QStringLiteral("ZO-7,ZO-77"));      // 111 found
    QCOMPARE(found(QStringLiteral("赵一一 50")), QStringLiteral("ZO-500"));
    QCOMPARE(found(QStringLiteral("赵一一 9")), QString());
    QCOMPARE(found(QStringLiteral("13910000077")), QStringLiteral("ZO-77")); // a phone
    QCOMPARE(found(QStringLiteral("1391")), QStringLiteral("ZO-500,ZO-7,ZO-77"));
    QCOMPARE(found(QStringLiteral("sf76")), QStringLiteral("ZO-77")); // a tracking number
    QCOMPARE(found(QStringLiteral("ZO-5")), QStringLiteral("ZO-500"));
    QCOMPARE(found(QStringLiteral("nobody")), QString());
    QCOMPARE(found(QStringLiteral("赵")), QStringLiteral("ZO-500,ZO-7,ZO-77")); // 1 character
    QCOMPARE(found(QStringLiteral("一一")), QStringLiteral("ZO-500,ZO-7,ZO-77"));
    QCOMPARE(found(QStringLiteral("鑫淼")), QStringLiteral("ZO-7")); // 2, of one customer
    QCOMPARE(found(QStringLiteral("淼")), QStringLiteral("ZO-7"));
    QCOMPARE(found(QStringLiteral("xY")), QStringLiteral("ZO-7")); // any case
    model.setSearch(QString());

    // A search's count stops at its limit, whichever side reaches it; filtered, it counts the
    // orders themselves.
    const std::unique_ptr<ListSource> source = ShopLists::orders(*m_database);
    ListQuery query;
    query.search = QStringLiteral("赵一一");
    QCOMPARE(source->count(query, 2), 2);
    QCOMPARE(source->count(query, 10), 3);
    query.search = QStringLiteral("赵");
    QCOMPARE(source->count(query, 10), 3);
    query.filters.insert(QStringLiteral("status"), QStringLiteral("pending"));
    QCOMPARE(source->count(query, 10), 2);
    QCOMPARE(source->count(query, 1), 1);
}

void TestListModels::longListsAreListedFurtherAsTheyAreScrolled()
{
    const qint64 rows = PagedTableModel::firstListed * 10 + 5;
    auto source = std::make_unique<NumberedRows>(rows);
    const NumberedRows *counted = source.get();
    NumberedModel model(std::move(source));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    // Counted whole, its first rows listed.
    QCOMPARE(model.count(), rows);
    QCOMPARE(qint64(model.rowCount()), PagedTableModel::firstListed);
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(model.index(model.rowCount() - 1, 0).data().toLongLong(),
             PagedTableModel::firstListed);
    // Scrolled to their end: ten times as many, then the rest, without counting again.
    const int countsBefore = counted->counts;
    model.fetchMore({});
    QCOMPARE(qint64(model.rowCount()), PagedTableModel::firstListed * 10);
    // Listed as far after a refresh and another sort.
    model.refresh();
    model.sort(0, Qt::AscendingOrder);
    QCOMPARE(qint64(model.rowCount()), PagedTableModel::firstListed * 10);
    const int countsAfterRefresh = counted->counts;
    model.fetchMore({});
    QCOMPARE(qint64(model.rowCount()), rows);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(counted->counts, countsAfterRefresh);
    QVERIFY(countsAfterRefresh > countsBefore); // the refresh counted again, the listing did not
    // The rows each time: the ones past those listed, to the count.
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(0).at(1).toLongLong(), PagedTableModel::firstListed);
    QCOMPARE(inserted.at(0).at(2).toLongLong(), PagedTableModel::firstListed * 10 - 1);
    QCOMPARE(inserted.at(1).at(1).toLongLong(), PagedTableModel::firstListed * 10);
    QCOMPARE(inserted.at(1).at(2).toLongLong(), rows - 1);
    QCOMPARE(model.index(model.rowCount() - 1, 0).data().toLongLong(), rows);
    // The same rows again (a refresh, another sort) stay listed as far; other rows start over.
    {
        // (Qt's tester asks for more rows whenever it checks, also inside a reset: it watches
        // only while every row is listed.)
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QCOMPARE(qint64(model.rowCount()), rows);
        model.sort(0, Qt::DescendingOrder);
        QCOMPARE(qint64(model.rowCount()), rows);
    }
    model.setSearch(QStringLiteral("even"));
    QCOMPARE(model.count(), ListSource::firstSearchCount);
    QCOMPARE(qint64(model.rowCount()), ListSource::firstSearchCount);
    model.setSearch(QString());
    QCOMPARE(qint64(model.rowCount()), PagedTableModel::firstListed);
    QVERIFY(!model.isListedWhole());
    // Select All lists every row counted at once, without counting further.
    model.listWhole();
    QCOMPARE(qint64(model.rowCount()), rows);
    QVERIFY(model.isListedWhole());
}

MICROSHOP_TEST_GUILESS_MAIN(TestListModels)
#include "tst_listmodels.moc"
