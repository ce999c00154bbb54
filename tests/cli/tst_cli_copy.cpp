// `microshop-cli copy --to LOCATION` (team.md "Moving a shop"): a demo shop copied from SQLite into
// the backend under test and back into SQLite passes `check`, exports every kind and reports the
// same bytes, and holds every row and value of every table as the original did; a target that is
// not empty is refused and left as it was; a copy the check finds fault with leaves nothing; the
// copy into PostgreSQL takes new rows (its sequences were moved past the copied ids).
#include "Database.h"
#include "Dates.h"
#include "Migrations.h"

#include "ShopFixture.h"
#include "TestClock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <algorithm>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

QStringList args(const char *text)
{
    return QString::fromUtf8(text).split(u' ');
}

// microshop-cli --db db ARGUMENTS, its CSV's line ends as \n.
CliResult cliOn(const QString &db, const QStringList &arguments)
{
    CliResult result = runCli(QStringList{QStringLiteral("--db"), db} + arguments);
    result.out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return result;
}

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256);
}

// Every row of every MicroShop table as text, columns by name, rows sorted: what must be the
// same in a copy, whichever database holds it (bytes as hex, NULL apart from an empty text).
QStringList dump(const QString &db)
{
    QString why;
    const auto location = DatabaseLocation::parse(db, &why);
    if (!location)
        return {why};
    auto database = Database::open(*location, Database::OpenMode::ExistingCurrent);
    QStringList lines;
    for (const QString &table : Migrations::tablesInDependencyOrder()) {
        QSqlQuery query = database->exec(QStringLiteral("SELECT * FROM ") + table);
        QStringList rows;
        while (query.next()) {
            const QSqlRecord record = query.record();
            QStringList values;
            for (int i = 0; i < record.count(); ++i) {
                const QVariant value = query.value(i);
                QString text;
                if (value.isNull())
                    text = QStringLiteral("NULL");
                else if (value.typeId() == QMetaType::QByteArray)
                    text = QStringLiteral("x'%1'").arg(
                        QString::fromLatin1(value.toByteArray().toHex()));
                else
                    text = u'\'' + value.toString() + u'\'';
                values.append(record.fieldName(i) + u'=' + text);
            }
            std::sort(values.begin(), values.end());
            rows.append(table + u':' + values.join(u'|'));
        }
        std::sort(rows.begin(), rows.end());
        lines += rows;
    }
    return lines;
}

const QStringList exportKinds = {QStringLiteral("products"),     QStringLiteral("customers"),
                                 QStringLiteral("orders"),       QStringLiteral("stock"),
                                 QStringLiteral("distributors"), QStringLiteral("commissions"),
                                 QStringLiteral("payouts"),      QStringLiteral("shipping")};

} // namespace

#define RUN_OK(result, ...) \
    const CliResult result = __VA_ARGS__; \
    QVERIFY2(result.status == 0, qPrintable(result.err))

class TestCliCopy : public QObject
{
    Q_OBJECT

private slots:
    void copiesThereAndBackExactly();
    void refusesATargetThatIsNotEmpty();
    void aCopyTheCheckFaultsLeavesNothing();
    void unreachableTargetExitsThree();

private:
    // A small demo shop in a new SQLite file, with platform orders, aliases, bill lines, a
    // product picture, a settlement and text that tests a round trip; returns its path.
    QString makeSourceShop(const QString &name);
    // A fresh database of the backend under test as a --db/--to argument.
    QString freshTarget();

    ShopFixture m_fixture;
};

QString TestCliCopy::freshTarget()
{
    QString why;
    const QString target = m_fixture.databases().freshText(&why);
    if (!why.isEmpty())
        qWarning("%s", qPrintable(why));
    return target;
}

QString TestCliCopy::makeSourceShop(const QString &name)
{
    const QString path = m_fixture.scratchPath(name);
    if (cliOn(path, {QStringLiteral("init")}).status != 0
        || cliOn(path, args("demo --products 12 --customers 40 --distributors 10 --orders 150"))
                   .status
               != 0
        // Two months before the test's today: the demo's orders of the year before it are
        // settled in part, whatever instant the suite runs at (tests/run_at.sh).
        || cliOn(path, {QStringLiteral("settle"), QStringLiteral("--until"),
                        Dates::toText(Dates::today().addDays(-60))})
                   .status
               != 0)
        return QString();
    auto database = Database::open(DatabaseLocation::sqliteFile(path));
    database->inTransaction([&] {
        // Bytes of every value, a text of every kind, money past a double's 53 bits, NULLs.
        QByteArray picture;
        for (int i = 0; i < 256; ++i)
            picture.append(char(i));
        database->exec(QStringLiteral("UPDATE products SET image = ? WHERE id = "
                                      "(SELECT min(id) FROM products)"),
                       {picture});
        database->exec(QStringLiteral("UPDATE customers SET notes = ? WHERE id = "
                                      "(SELECT min(id) FROM customers)"),
                       {QStringLiteral("第一行\n\t“引号” 'quoted' \\ 😀 ")});
        database->exec(
            QStringLiteral("UPDATE orders SET platform = 'youzan', platform_no = 'E2026' || id "
                           "WHERE id IN (SELECT id FROM orders ORDER BY id LIMIT 3)"));
        database->exec(QStringLiteral("INSERT INTO product_aliases (platform, code, name, spec, "
                                      "product_id) SELECT 'taobao', '', '别名 ''一''', '500g', "
                                      "min(id) FROM products"));
        database->exec(QStringLiteral(
            "INSERT INTO payment_bill_lines (source, bill_no, refund_no, merchant_order_no, at, "
            "kind, amount, status, counterparty, order_id, outcome, imported_at) VALUES "
            "('wechat', '4200000001', '', 'X1', '2026-11-01 10:00:00', 'payment', "
            "9007199254740993, 'SUCCESS', '张三', NULL, 'unknown', '2026-11-02 09:00:00'), "
            "('wechat', '4200000002', '', 'X2', '2026-11-01 11:00:00', 'payment', 1230, "
            "'SUCCESS', '', (SELECT min(id) FROM orders), 'matched', '2026-11-02 09:00:00')"));
    });
    return path;
}

void TestCliCopy::copiesThereAndBackExactly()
{
    const QString source = makeSourceShop(QStringLiteral("source.db"));
    QVERIFY(!source.isEmpty());
    const QString middle = freshTarget();
    QVERIFY(!middle.isEmpty());
    const QString back = m_fixture.scratchPath(QStringLiteral("back.db"));

    QElapsedTimer clock;
    clock.start();
    RUN_OK(there, cliOn(source, {QStringLiteral("copy"), QStringLiteral("--to"), middle}));
    const qint64 thereMs = clock.restart();
    RUN_OK(again, cliOn(middle, {QStringLiteral("copy"), QStringLiteral("--to"), back}));
    qInfo("150 orders to the %s database in %lld ms, back to SQLite in %lld ms",
          qPrintable(m_fixture.databases().backendName()), thereMs, clock.elapsed());
    QVERIFY2(there.out.startsWith(QStringLiteral("table,rows\nsettings,")), qPrintable(there.out));
    QVERIFY2(there.out.contains(QStringLiteral("\norders,150\n")), qPrintable(there.out));
    QVERIFY2(there.out.contains(QStringLiteral("\nproduct_aliases,1\n")), qPrintable(there.out));
    QVERIFY2(there.out.contains(QStringLiteral("\npayment_bill_lines,2\n")), qPrintable(there.out));
    QVERIFY(!there.out.contains(QStringLiteral("\npayouts,0\n")));
    QCOMPARE(again.out, there.out);
    QVERIFY2(there.err.contains(QStringLiteral("the check found no problems")),
             qPrintable(there.err));

    const QStringList original = dump(source);
    QVERIFY(original.size() > 1000);
    for (const QString &copy : {middle, back}) {
        RUN_OK(checked, cliOn(copy, {QStringLiteral("check")}));
        QVERIFY(checked.out.startsWith(QStringLiteral("No problems found")));
        for (const QString &kind : exportKinds) {
            RUN_OK(expected, cliOn(source, {QStringLiteral("export"), kind, QStringLiteral("-")}));
            RUN_OK(actual, cliOn(copy, {QStringLiteral("export"), kind, QStringLiteral("-")}));
            QVERIFY2(expected.out.count(u'\n') > 1 || kind == u"shipping" || kind == u"payouts",
                     qPrintable(kind));
            QVERIFY2(actual.out == expected.out, qPrintable(kind + u' ' + copy));
        }
        RUN_OK(expectedSales, cliOn(source, args("report sales --by month")));
        RUN_OK(actualSales, cliOn(copy, args("report sales --by month")));
        QCOMPARE(actualSales.out, expectedSales.out);
        QVERIFY(expectedSales.out.count(u'\n') > 3);
        const QStringList copied = dump(copy);
        QCOMPARE(copied.size(), original.size());
        for (qsizetype i = 0; i < original.size(); ++i)
            QCOMPARE(copied.at(i), original.at(i));
    }

    // The copy takes new rows where the original left off: an order imported, then paid
    // (payments, stock movements, commissions and the audit log get new ids).
    QString customer;
    QString sku;
    {
        auto database = Database::open(DatabaseLocation::sqliteFile(source));
        customer = database->scalar(QStringLiteral("SELECT min(code) FROM customers")).toString();
        sku = database->scalar(QStringLiteral("SELECT min(sku) FROM products")).toString();
    }
    const QString orders = m_fixture.scratchPath(QStringLiteral("new-order.csv"));
    QVERIFY(writeFile(orders, QStringLiteral("order_no,date,status,customer,sku,quantity\n"
                                             "NEW-1,2026-11-25,pending,%1,%2,1\n")
                                  .arg(customer, sku)
                                  .toUtf8()));
    RUN_OK(imported, cliOn(middle, {QStringLiteral("import"), QStringLiteral("orders"), orders}));
    RUN_OK(paid, cliOn(middle, args("order pay NEW-1 --date 2026-11-26")));
    RUN_OK(rechecked, cliOn(middle, {QStringLiteral("check")}));
    RUN_OK(listed, cliOn(middle, {QStringLiteral("export"), QStringLiteral("orders"),
                                  QStringLiteral("-")}));
    QVERIFY2(listed.out.contains(QStringLiteral("\nNEW-1,2026-11-25 00:00:00,paid,")),
             qPrintable(listed.out.right(300)));
}

void TestCliCopy::refusesATargetThatIsNotEmpty()
{
    const QString source = makeSourceShop(QStringLiteral("refused-source.db"));
    QVERIFY(!source.isEmpty());

    // A shop with data, on the backend under test.
    const QString shop = freshTarget();
    QVERIFY(!shop.isEmpty());
    RUN_OK(init, cliOn(shop, {QStringLiteral("init")}));
    RUN_OK(demo, cliOn(shop, args("demo --products 3 --customers 3 --distributors 2 --orders 5")));
    const QStringList before = dump(shop);
    const CliResult refused = cliOn(source, {QStringLiteral("copy"), QStringLiteral("--to"), shop});
    QCOMPARE(refused.status, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("it is not empty")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QStringLiteral("Nothing was changed")), qPrintable(refused.err));
    QCOMPARE(refused.err.count(u'\n'), 1);
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(dump(shop), before);

    // The shop's own file, and a file of something else.
    const QString itself = m_fixture.scratchPath(QStringLiteral("itself.db"));
    QVERIFY(QFile::copy(source, itself));
    const QByteArray itselfHash = fileHash(itself);
    QCOMPARE(cliOn(itself, {QStringLiteral("copy"), QStringLiteral("--to"), itself}).status, 1);
    QCOMPARE(fileHash(itself), itselfHash);
    const QString notes = m_fixture.scratchPath(QStringLiteral("notes.txt"));
    QVERIFY(writeFile(notes, "not a database\n"));
    const CliResult other = cliOn(source, {QStringLiteral("copy"), QStringLiteral("--to"), notes});
    QCOMPARE(other.status, 1);
    QCOMPARE(readFile(notes), QByteArray("not a database\n"));

    // A PostgreSQL database holding another program's tables.
    if (m_fixture.isPostgres()) {
        QString why;
        const DatabaseLocation location = m_fixture.databases().fresh(&why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY2(m_fixture.databases().adminExec(
                     location.databaseName(), QStringLiteral("CREATE TABLE things (x int)"), &why),
                 qPrintable(why));
        const CliResult foreign = cliOn(source,
                                        {QStringLiteral("copy"), QStringLiteral("--to"),
                                         location.text(DatabaseLocation::Password::Included)});
        QCOMPARE(foreign.status, 1);
        QVERIFY2(foreign.err.contains(QStringLiteral("another program")), qPrintable(foreign.err));
    }

    // An empty shop (made by init) is empty: the copy goes there.
    const QString emptyShop = freshTarget();
    RUN_OK(initEmpty, cliOn(emptyShop, {QStringLiteral("init")}));
    RUN_OK(copied, cliOn(source, {QStringLiteral("copy"), QStringLiteral("--to"), emptyShop}));
    QCOMPARE(dump(emptyShop), dump(source));
}

void TestCliCopy::aCopyTheCheckFaultsLeavesNothing()
{
    const QString source = makeSourceShop(QStringLiteral("faulty.db"));
    QVERIFY(!source.isEmpty());
    {
        auto database = Database::open(DatabaseLocation::sqliteFile(source));
        database->exec(QStringLiteral("UPDATE products SET stock = stock + 1 WHERE id = "
                                      "(SELECT min(id) FROM products)"));
    }
    const QString target = freshTarget();
    QVERIFY(!target.isEmpty());
    const CliResult refused = cliOn(source,
                                    {QStringLiteral("copy"), QStringLiteral("--to"), target});
    QCOMPARE(refused.status, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("did not pass the check")),
             qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QStringLiteral("its movements add up to")),
             qPrintable(refused.err));
    if (!m_fixture.isPostgres()) {
        QVERIFY(!QFile::exists(target));
        QVERIFY(!QFile::exists(target + QStringLiteral("-wal")));
    }
    // Left as it was: empty, so that the shop, once put right, can be copied there.
    const CliResult opened = cliOn(target, {QStringLiteral("check")});
    QCOMPARE(opened.status, 3);
    {
        auto database = Database::open(DatabaseLocation::sqliteFile(source));
        database->exec(QStringLiteral("UPDATE products SET stock = stock - 1 WHERE id = "
                                      "(SELECT min(id) FROM products)"));
    }
    RUN_OK(copied, cliOn(source, {QStringLiteral("copy"), QStringLiteral("--to"), target}));
}

void TestCliCopy::unreachableTargetExitsThree()
{
    const QString source = m_fixture.scratchPath(QStringLiteral("small.db"));
    RUN_OK(init, cliOn(source, {QStringLiteral("init")}));
    const CliResult closed = cliOn(source, {QStringLiteral("copy"), QStringLiteral("--to"),
                                            QStringLiteral("postgresql://shop@127.0.0.1:1/shop")});
    QCOMPARE(closed.status, 3);
    QVERIFY2(closed.err.contains(QStringLiteral("Cannot connect")), qPrintable(closed.err));
    const CliResult missing = cliOn(source, {QStringLiteral("copy")});
    QCOMPARE(missing.status, 2);
}

MICROSHOP_TEST_GUILESS_MAIN(TestCliCopy)
#include "tst_cli_copy.moc"
