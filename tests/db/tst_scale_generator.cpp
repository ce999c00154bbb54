// ScaleDemoGenerator writes its rows straight into SQLite, beside the services. This test holds
// it to the services' rules: a small scale shop is made, and a sample of its orders is played
// again through OrderWorkflow and CommissionLedger in an empty shop with the same products,
// customers and tree; both must have the same commission entries, commission basis and closure.
#include "Database.h"
#include "ScaleDemoGenerator.h"
#include "ShopServices.h"

#include "Dates.h"

#include "TestClock.h"
#include "TestDatabases.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

// Each row of a query as "value|value|...", in the query's order.
QStringList rows(Database &database, const QString &sql, const QVariantList &values = {})
{
    QStringList result;
    QSqlQuery query = database.exec(sql, values);
    const int columns = query.record().count();
    while (query.next()) {
        QStringList row;
        for (int column = 0; column < columns; ++column)
            row.append(query.value(column).toString());
        result.append(row.join(u'|'));
    }
    return result;
}

// Settings that make the rules show: three levels, rates whose rounding differs from line to
// line, and a hold that is not the default.
void configure(ShopSettings &settings)
{
    settings.setValues({{ShopSettings::commissionLevelsKey, QStringLiteral("3")},
                        {ShopSettings::commissionRateKey(1), QStringLiteral("12.5")},
                        {ShopSettings::commissionRateKey(2), QStringLiteral("3.33")},
                        {ShopSettings::commissionRateKey(3), QStringLiteral("1.25")},
                        {ShopSettings::holdDaysKey, QStringLiteral("10")}});
}

const QString entriesSql = QStringLiteral(
    "SELECT o.order_no, d.code, e.level, e.kind, e.amount, e.created_at, "
    "COALESCE(e.available_on, '') FROM commission_entries e JOIN orders o ON o.id = e.order_id "
    "JOIN distributors d ON d.id = e.distributor_id WHERE o.order_no IN (%1) ORDER BY o.order_no, "
    "e.level, e.kind, e.amount");
const QString basisSql = QStringLiteral(
    "SELECT o.order_no, l.line_no, b.level, d.code, b.rate FROM commission_basis b JOIN "
    "order_lines l ON l.id = b.order_line_id JOIN orders o ON o.id = l.order_id JOIN distributors "
    "d ON d.id = b.distributor_id WHERE o.order_no IN (%1) ORDER BY o.order_no, l.line_no, "
    "b.level");
const QString ordersSql = QStringLiteral(
    "SELECT o.order_no, o.status, o.goods_total, o.shipping_fee, COALESCE(d.code, ''), "
    "COALESCE(o.paid_at, ''), COALESCE(o.shipped_at, ''), COALESCE(o.completed_at, ''), "
    "COALESCE(o.cancelled_at, '') FROM orders o LEFT JOIN distributors d ON d.id = "
    "o.distributor_id WHERE o.order_no IN (%1) ORDER BY o.order_no");
const QString closureSql = QStringLiteral(
    "SELECT a.code, d.code, c.distance FROM distributor_closure c JOIN distributors a ON a.id = "
    "c.ancestor_id JOIN distributors d ON d.id = c.descendant_id ORDER BY a.code, d.code");

// An order whose seller or one of its two uplines is not active.
const QString inactiveInChain = QStringLiteral(
    "EXISTS (SELECT 1 FROM distributor_closure c JOIN distributors a ON a.id = c.ancestor_id "
    "WHERE c.descendant_id = o.distributor_id AND c.distance < 3 AND a.status <> 'active')");

} // namespace

class TestScaleGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void closureFollowsTheUplines();
    void everyCommissionIsAtTheShopsRates();
    void everyPaidOrderPaysItsActiveChain();
    void sampleReplayedThroughTheServicesWritesTheSameRows();

private:
    struct Distributed
    {
        qint64 upline = 0;
        bool active = true;
    };
    QStringList sample();
    void replay(ShopServices &shop, const QStringList &orderNos);

    TestDatabases m_databases;
    std::unique_ptr<Database> m_generated;
    std::unique_ptr<ShopServices> m_shop;
    QHash<qint64, Distributed> m_distributors;
};

void TestScaleGenerator::initTestCase()
{
    QString why;
    m_generated = Database::open(m_databases.fresh(&why), Database::OpenMode::CreateOrUpgrade);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_shop = std::make_unique<ShopServices>(*m_generated);
    configure(m_shop->settings);
    ScaleDemoGenerator(*m_shop, {20, 200, 60, 300}, 7, Dates::now()).run();
    QSqlQuery query = m_generated->exec(
        QStringLiteral("SELECT id, COALESCE(upline_id, 0), status FROM distributors"));
    while (query.next())
        m_distributors.insert(
            query.value(0).toLongLong(),
            {query.value(1).toLongLong(), query.value(2).toString() == QStringLiteral("active")});
    QCOMPARE(m_distributors.size(), 60);
}

// The closure rows are exactly those the upline_id column implies, and depth is the distance to
// the root plus one (domain.md: a root has depth 1).
void TestScaleGenerator::closureFollowsTheUplines()
{
    QStringList implied; // by upline_id
    QSqlQuery query = m_generated->exec(QStringLiteral("SELECT id, depth FROM distributors"));
    int deepest = 0;
    while (query.next()) {
        const qint64 descendant = query.value(0).toLongLong();
        qint64 ancestor = descendant;
        int distance = 0;
        for (; ancestor != 0 && distance <= m_distributors.size(); ++distance) {
            implied.append(QStringLiteral("%1|%2|%3").arg(ancestor).arg(descendant).arg(distance));
            ancestor = m_distributors.value(ancestor).upline;
        }
        QCOMPARE(ancestor, 0); // no cycle, no upline that does not exist
        QCOMPARE(query.value(1).toInt(), distance);
        deepest = qMax(deepest, distance);
    }
    QCOMPARE(deepest, 12); // the demo's promise: chains 12 deep
    implied.sort();
    QStringList written = rows(*m_generated,
                               QStringLiteral("SELECT ancestor_id, descendant_id, distance FROM "
                                              "distributor_closure"));
    written.sort();
    QCOMPARE(written, implied);
}

// Each commission is the sum over the order's lines of round(net * the setting's rate of its
// level), each basis row carries that rate, and a cancel after payment reverses it to the fen.
void TestScaleGenerator::everyCommissionIsAtTheShopsRates()
{
    const ShopSettings &settings = m_shop->settings;
    QSqlQuery query = m_generated->exec(
        QStringLiteral("SELECT e.order_id, e.distributor_id, e.level, e.amount, e.available_on, "
                       "o.completed_at, o.cancelled_at, (SELECT sum(-r.amount) FROM "
                       "commission_entries r WHERE r.order_id = e.order_id AND r.distributor_id "
                       "= e.distributor_id AND r.level = e.level AND r.kind = 'reversal') FROM "
                       "commission_entries e JOIN orders o ON o.id = e.order_id WHERE e.kind = "
                       "'commission'"));
    int checked = 0;
    QSet<int> levels;
    while (query.next()) {
        const int level = query.value(2).toInt();
        QVERIFY(level >= 1 && level <= settings.commissionLevels());
        levels.insert(level);
        const Rate rate = settings.commissionRate(level);
        Money expected;
        QSqlQuery lines = m_generated->exec(
            QStringLiteral("SELECT l.net, b.rate FROM commission_basis b JOIN order_lines l ON "
                           "l.id = b.order_line_id WHERE l.order_id = ? AND b.distributor_id = ? "
                           "AND b.level = ?"),
            {query.value(0), query.value(1), level});
        int lineCount = 0;
        while (lines.next()) {
            QCOMPARE(lines.value(1).toInt(), rate.basisPoints());
            expected += rate.of(Money::fromMinorUnits(lines.value(0).toLongLong()));
            ++lineCount;
        }
        QVERIFY(lineCount > 0);
        QCOMPARE(query.value(3).toLongLong(), expected.minorUnits());
        const QString completed = query.value(5).toString();
        QCOMPARE(query.value(4).toString(),
                 completed.isEmpty()
                     ? QString()
                     : Dates::toText(
                         Dates::parseDateTime(completed)->date().addDays(settings.holdDays())));
        const bool cancelled = !query.value(6).isNull();
        QCOMPARE(query.value(7).toLongLong(), cancelled ? expected.minorUnits() : 0);
        ++checked;
    }
    QVERIFY(checked > 50);
    QCOMPARE(levels, (QSet<int>{1, 2, 3}));
}

// Every paid order's seller and its uplines, up to the shop's levels, have basis rows at their
// level when active and none when not (nobody moves up into an inactive one's level).
void TestScaleGenerator::everyPaidOrderPaysItsActiveChain()
{
    QHash<qint64, QStringList> written; // order id -> "level:distributor" with a basis row
    QSqlQuery basis = m_generated->exec(
        QStringLiteral("SELECT DISTINCT l.order_id, b.level, b.distributor_id FROM "
                       "commission_basis b JOIN order_lines l ON l.id = b.order_line_id ORDER BY "
                       "1, 2"));
    while (basis.next())
        written[basis.value(0).toLongLong()].append(
            QStringLiteral("%1:%2").arg(basis.value(1).toInt()).arg(basis.value(2).toLongLong()));
    QSqlQuery orders = m_generated->exec(
        QStringLiteral("SELECT id, COALESCE(distributor_id, 0) FROM orders WHERE paid_at IS NOT "
                       "NULL"));
    int skipped = 0;
    int paid = 0;
    while (orders.next()) {
        QStringList expected;
        qint64 beneficiary = orders.value(1).toLongLong();
        for (int level = 1; level <= m_shop->settings.commissionLevels() && beneficiary != 0;
             ++level) {
            if (m_distributors.value(beneficiary).active)
                expected.append(QStringLiteral("%1:%2").arg(level).arg(beneficiary));
            else
                ++skipped;
            beneficiary = m_distributors.value(beneficiary).upline;
        }
        QCOMPARE(written.value(orders.value(0).toLongLong()), expected);
        ++paid;
    }
    QVERIFY(paid > 100);
    QVERIFY(skipped > 0); // the rule for inactive beneficiaries was exercised
}

// Orders of every kind: cancelled after payment, sold deep in the tree, with an inactive
// beneficiary, and of each status; at most 30.
QStringList TestScaleGenerator::sample()
{
    const QStringList picks = {
        QStringLiteral("o.status = 'cancelled' AND o.paid_at IS NOT NULL LIMIT 6"),
        QStringLiteral("o.status = 'completed' AND d.depth >= 3 LIMIT 6"),
        QStringLiteral("o.paid_at IS NOT NULL AND %1 LIMIT 4").arg(inactiveInChain),
        QStringLiteral("o.status = 'cancelled' AND o.paid_at IS NULL LIMIT 2"),
        QStringLiteral("o.status = 'pending' LIMIT 2"),
        QStringLiteral("o.status = 'paid' LIMIT 2"),
        QStringLiteral("o.status = 'shipped' LIMIT 2"),
        QStringLiteral("o.distributor_id IS NULL AND o.paid_at IS NOT NULL LIMIT 1"),
        QStringLiteral("1 = 1 ORDER BY d.depth DESC, o.id LIMIT 30"),
    };
    QStringList orderNos;
    for (const QString &where : picks) {
        const QString sql = QStringLiteral("SELECT o.order_no FROM orders o LEFT JOIN "
                                           "distributors d ON d.id = o.distributor_id WHERE ")
                            + (where.contains(QStringLiteral("ORDER BY"))
                                   ? where
                                   : QString(where).replace(
                                       QStringLiteral(" LIMIT"),
                                       QStringLiteral(" ORDER BY o.id LIMIT")));
        for (const QString &orderNo : rows(*m_generated, sql)) {
            if (!orderNos.contains(orderNo) && orderNos.size() < 30)
                orderNos.append(orderNo);
        }
    }
    return orderNos;
}

// The same products, distributors (all of them, in the same order) and the sample's customers
// made through the services, then each order placed and moved on at its own times.
void TestScaleGenerator::replay(ShopServices &shop, const QStringList &orderNos)
{
    const QDateTime opening = Dates::now().addYears(-2);
    QSqlQuery products = m_generated->exec(
        QStringLiteral("SELECT sku, name, price, cost, active FROM products ORDER BY id"));
    while (products.next()) {
        Product product;
        product.sku = products.value(0).toString();
        product.name = products.value(1).toString();
        product.price = Money::fromMinorUnits(products.value(2).toLongLong());
        product.cost = Money::fromMinorUnits(products.value(3).toLongLong());
        product.active = products.value(4).toBool();
        product.stock = 10000;
        shop.catalog.create(product, opening);
    }
    QSqlQuery distributors = m_generated->exec(
        QStringLiteral("SELECT d.code, d.name, d.status, d.joined, COALESCE(u.code, '') FROM "
                       "distributors d LEFT JOIN distributors u ON u.id = d.upline_id ORDER BY "
                       "d.id"));
    while (distributors.next()) {
        Distributor distributor;
        distributor.code = distributors.value(0).toString();
        distributor.name = distributors.value(1).toString();
        distributor.status = *DistributorStatuses::fromCode(distributors.value(2).toString());
        distributor.joined = *Dates::parseDate(distributors.value(3).toString());
        const QString upline = distributors.value(4).toString();
        if (!upline.isEmpty())
            distributor.uplineId = shop.distributorService.distributorByCode(upline).id;
        shop.distributorService.create(distributor);
    }
    QHash<QString, qint64> customers; // code -> id in the replay
    for (const QString &orderNo : orderNos) {
        QSqlQuery row = m_generated->exec(
            QStringLiteral("SELECT o.id, c.code, c.name, COALESCE(d.code, ''), o.date, "
                           "o.shipping_fee, o.paid_at, o.shipped_at, o.completed_at, "
                           "o.cancelled_at FROM orders o JOIN customers c ON c.id = o.customer_id "
                           "LEFT JOIN distributors d ON d.id = o.distributor_id WHERE "
                           "o.order_no = ?"),
            {orderNo});
        QVERIFY(row.next());
        const QString customerCode = row.value(1).toString();
        if (!customers.contains(customerCode)) {
            Customer customer;
            customer.code = customerCode;
            customer.name = row.value(2).toString();
            customers.insert(customerCode, shop.customerService.create(customer).id);
        }
        OrderDraft draft;
        draft.orderNo = orderNo;
        draft.date = *Dates::parseDateTime(row.value(4).toString());
        draft.customerId = customers.value(customerCode);
        if (!row.value(3).toString().isEmpty())
            draft.distributorId
                = shop.distributorService.distributorByCode(row.value(3).toString()).id;
        draft.shippingFee = Money::fromMinorUnits(row.value(5).toLongLong());
        QSqlQuery lines = m_generated->exec(
            QStringLiteral("SELECT p.sku, l.quantity, l.unit_price, l.discount FROM order_lines "
                           "l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER "
                           "BY l.line_no"),
            {row.value(0)});
        while (lines.next())
            draft.lines.append({shop.catalog.productBySku(lines.value(0).toString()).id,
                                lines.value(1).toLongLong(),
                                Money::fromMinorUnits(lines.value(2).toLongLong()),
                                Money::fromMinorUnits(lines.value(3).toLongLong())});
        shop.workflow.create(draft);
        const auto when = [&row](int column) {
            return Dates::parseDateTime(row.value(column).toString());
        };
        if (const auto paid = when(6))
            shop.workflow.pay(orderNo, *paid, PaymentMethod::WeChat);
        if (const auto shipped = when(7))
            shop.workflow.ship(orderNo, QStringLiteral("顺丰速运"), QStringLiteral("SF1"),
                               *shipped);
        if (const auto completed = when(8))
            shop.workflow.complete(orderNo, *completed);
        if (const auto cancelled = when(9))
            shop.workflow.cancel(orderNo, *cancelled);
    }
}

void TestScaleGenerator::sampleReplayedThroughTheServicesWritesTheSameRows()
{
    const QStringList orderNos = sample();
    QCOMPARE(orderNos.size(), 30);
    QString error;
    const auto database = Database::open(m_databases.fresh(&error),
                                         Database::OpenMode::CreateOrUpgrade);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ShopServices replayed(*database);
    configure(replayed.settings);
    replay(replayed, orderNos);
    if (QTest::currentTestFailed())
        return;

    QStringList quoted;
    for (const QString &orderNo : orderNos)
        quoted.append(u'\'' + orderNo + u'\'');
    const QString in = quoted.join(u',');
    // The sample has orders cancelled after payment, sold deep, and with an inactive upline.
    for (const QString &where :
         {QStringLiteral("o.status = 'cancelled' AND o.paid_at IS NOT NULL"),
          QStringLiteral("d.depth >= 3 AND o.paid_at IS NOT NULL"), inactiveInChain}) {
        QVERIFY2(!rows(*m_generated, QStringLiteral("SELECT o.id FROM orders o LEFT JOIN "
                                                    "distributors d ON d.id = o.distributor_id "
                                                    "WHERE o.order_no IN (%1) AND %2")
                                         .arg(in, where))
                      .isEmpty(),
                 qPrintable(where));
    }
    const QStringList entries = rows(*m_generated, entriesSql.arg(in));
    QCOMPARE(rows(*database, entriesSql.arg(in)), entries);
    QCOMPARE(rows(*database, basisSql.arg(in)), rows(*m_generated, basisSql.arg(in)));
    QCOMPARE(rows(*database, ordersSql.arg(in)), rows(*m_generated, ordersSql.arg(in)));
    QCOMPARE(rows(*database, closureSql), rows(*m_generated, closureSql));
    QCOMPARE(
        rows(*database, QStringLiteral("SELECT code, depth FROM distributors ORDER BY code")),
        rows(*m_generated, QStringLiteral("SELECT code, depth FROM distributors ORDER BY code")));

    // The sample covers what the rules are about.
    const auto has = [&entries](const QString &pattern) {
        return !entries.filter(QRegularExpression(pattern)).isEmpty();
    };
    QVERIFY(has(QStringLiteral("^[^|]*\\|[^|]*\\|3\\|commission\\|")));
    QVERIFY(has(QStringLiteral("\\|reversal\\|-")));
    QVERIFY(has(QStringLiteral("\\|commission\\|[0-9]+\\|[^|]*\\|[0-9]{4}-"))); // available_on
    QVERIFY(entries.size() > 30);
}

MICROSHOP_TEST_GUILESS_MAIN(TestScaleGenerator)
#include "tst_scale_generator.moc"
