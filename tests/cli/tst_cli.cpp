// microshop-cli as scripts use it (spec/cli.md): output, exit status, error lines, and that a
// refused command changes nothing. Runs the real binary on the backend of $MICROSHOP_TEST_BACKEND.
#include "Database.h"

#include "ScaleDemoGenerator.h"
#include "ShopFixture.h"
#include "TestClock.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

using Result = CliResult;

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256);
}

} // namespace

// The fixture's next database: empty (NEW_DATABASE) or made a shop by `microshop-cli init`.
#define NEW_DATABASE() QVERIFY2(m_fixture.newDatabase(), qPrintable(m_fixture.error()))
#define NEW_SHOP() QVERIFY2(m_fixture.newShopByCli(), qPrintable(m_fixture.error()))

#define RUN_OK(result, ...) \
    const Result result = __VA_ARGS__; \
    QVERIFY2(result.status == 0, qPrintable(result.err))

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void printsVersion();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void initCreatesThenReportsUpToDate();
    void commandsRefuseAMissingDatabase();
    void configListGetSet();
    void configRefusesBadValuesAndChangesNothing_data();
    void configRefusesBadValuesAndChangesNothing();
    void formatsTableCsvJson();
    void environmentVariableChoosesTheDatabase();
    void refusesFilesThatAreNotMicroShopDatabases();
    void refusesACorruptDatabase();
    void unreachableOrWrongPasswordExitThree();
    void backupAndRestore();
    void restoreRefusesAnInvalidBackup();
    void checkReportsFindings();
    void demoFillsAnEmptyShopReproducibly();
    void scaleDemoWritesTheSameRulesInBulk();
    void aLargeDemoIsWrittenInBulk();

private:
    ShopFixture m_fixture;
};

void TestCli::printsVersion()
{
    RUN_OK(result, runCli({QStringLiteral("--version")}));
    QCOMPARE(result.out, QStringLiteral("microshop-cli " MICROSHOP_VERSION "\n"));
}

void TestCli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList();
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("check"), QStringLiteral("--bogus")};
    QTest::newRow("bad format") << QStringList{QStringLiteral("config"), QStringLiteral("list"),
                                               QStringLiteral("--format"), QStringLiteral("xml")};
    QTest::newRow("db without value") << QStringList{QStringLiteral("--db")};
    QTest::newRow("config without action") << QStringList{QStringLiteral("config")};
    QTest::newRow("config set without value")
        << QStringList{QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("x")};
    QTest::newRow("backup without file") << QStringList{QStringLiteral("backup")};
}

void TestCli::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    const Result result = runCli(arguments);
    QCOMPARE(result.status, 2);
    QVERIFY(result.err.startsWith(QStringLiteral("microshop-cli: ")));
    QVERIFY(result.out.isEmpty());
}

void TestCli::initCreatesThenReportsUpToDate()
{
    NEW_DATABASE();
    RUN_OK(first, m_fixture.cli({QStringLiteral("init")}));
    QVERIFY2(first.out.contains(QStringLiteral("Created")), qPrintable(first.out));
    RUN_OK(second, runCli({QStringLiteral("--db=") + m_fixture.db(), QStringLiteral("init")}));
    QVERIFY2(second.out.contains(QStringLiteral("up to date")), qPrintable(second.out));
}

void TestCli::commandsRefuseAMissingDatabase()
{
    NEW_DATABASE();
    for (const QStringList &command :
         {QStringList{QStringLiteral("config"), QStringLiteral("list")},
          QStringList{QStringLiteral("check")}}) {
        const Result result = m_fixture.cli(command);
        QCOMPARE(result.status, 3);
        QVERIFY2(result.err.contains(QStringLiteral("microshop-cli init")), qPrintable(result.err));
        QCOMPARE(result.err.count(u'\n'), 1); // one error, one line
    }
    if (!m_fixture.isPostgres())
        QVERIFY(!QFile::exists(m_fixture.db())); // nothing created
}

void TestCli::configListGetSet()
{
    NEW_SHOP();
    RUN_OK(set, m_fixture.cli({QStringLiteral("config"), QStringLiteral("set"),
                               QStringLiteral("commission.rate.1"), QStringLiteral("7.50")}));
    RUN_OK(name, m_fixture.cli({QStringLiteral("config"), QStringLiteral("set"),
                                QStringLiteral("shop.name"), QStringLiteral("小美的店")}));
    RUN_OK(phone,
           m_fixture.cli({QStringLiteral("config"), QStringLiteral("set"),
                          QStringLiteral("sender.phone"), QStringLiteral(" 0571-8888 6666 ")}));
    QCOMPARE(phone.out, QStringLiteral("sender.phone = 0571-8888 6666\n"));
    RUN_OK(get, m_fixture.cli({QStringLiteral("config"), QStringLiteral("get"),
                               QStringLiteral("commission.rate.1")}));
    QCOMPARE(get.out, QStringLiteral("7.5\n"));
    RUN_OK(list, m_fixture.cli({QStringLiteral("config"), QStringLiteral("list"),
                                QStringLiteral("--format"), QStringLiteral("csv")}));
    QCOMPARE(list.out, QStringLiteral("key,value\r\n"
                                      "shop.name,小美的店\r\n"
                                      "currency,CNY\r\n"
                                      "shop.time_zone,%1\r\n" // until chosen, the computer's
                                      "sender.name,\r\n"      // empty: the shop's name on labels
                                      "sender.phone,0571-8888 6666\r\n"
                                      "sender.address,\r\n"
                                      "stock.allow_negative,false\r\n"
                                      "commission.levels,2\r\n"
                                      "commission.rate.1,7.5\r\n"
                                      "commission.rate.2,5\r\n"
                                      "commission.rate.3,2\r\n"
                                      "commission.hold_days,7\r\n")
                           .arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())));
}

void TestCli::configRefusesBadValuesAndChangesNothing_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("hint");
    QTest::newRow("levels 4") << "commission.levels"
                              << "4"
                              << "pyramid selling";
    QTest::newRow("levels 0") << "commission.levels"
                              << "0"
                              << "1, 2 or 3";
    QTest::newRow("levels two") << "commission.levels"
                                << "two"
                                << "whole number";
    QTest::newRow("rate 3 decimals") << "commission.rate.2"
                                     << "7.125"
                                     << "two decimals";
    QTest::newRow("unknown key") << "commission.level"
                                 << "2"
                                 << "is not a setting";
    QTest::newRow("unknown time zone") << "shop.time_zone"
                                       << "Beijing"
                                       << "Asia/Shanghai";
    QTest::newRow("sender phone in words") << "sender.phone"
                                           << "ask the shop"
                                           << "is not a phone number";
}

void TestCli::configRefusesBadValuesAndChangesNothing()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, hint);
    NEW_SHOP();
    RUN_OK(before, m_fixture.cli({QStringLiteral("config"), QStringLiteral("list"),
                                  QStringLiteral("--format=json")}));
    const Result refused = m_fixture.cli(
        {QStringLiteral("config"), QStringLiteral("set"), key, value});
    QCOMPARE(refused.status, 1);
    QVERIFY2(refused.err.contains(hint), qPrintable(refused.err));
    QCOMPARE(refused.err.count(u'\n'), 1);
    RUN_OK(after, m_fixture.cli({QStringLiteral("config"), QStringLiteral("list"),
                                 QStringLiteral("--format=json")}));
    QCOMPARE(after.out, before.out);
}

void TestCli::formatsTableCsvJson()
{
    NEW_SHOP();
    RUN_OK(table, m_fixture.cli({QStringLiteral("config"), QStringLiteral("list"),
                                 QStringLiteral("--format"), QStringLiteral("table")}));
    QVERIFY(table.out.startsWith(QStringLiteral("key                   value\n")));
    QVERIFY(table.out.contains(QStringLiteral("\ncommission.levels     2\n")));
    RUN_OK(json, m_fixture.cli({QStringLiteral("config"), QStringLiteral("list"),
                                QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY(json.out.contains(QStringLiteral("\"key\": \"commission.levels\"")));
    // Not a terminal: CSV by default, without a byte-order mark.
    RUN_OK(fallback, m_fixture.cli({QStringLiteral("config"), QStringLiteral("list")}));
    QVERIFY(fallback.out.startsWith(QStringLiteral("key,value\r\n")));
}

void TestCli::environmentVariableChoosesTheDatabase()
{
    NEW_SHOP();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MICROSHOP_DB"), m_fixture.db());
    const Result viaEnvironment = runCli({QStringLiteral("check")}, environment);
    QCOMPARE(viaEnvironment.status, 0);
    // --db wins over the variable.
    environment.insert(QStringLiteral("MICROSHOP_DB"),
                       m_fixture.scratchPath(QStringLiteral("none.db")));
    QCOMPARE(runCli({QStringLiteral("check")}, environment).status, 3);
    QCOMPARE(m_fixture.cli({QStringLiteral("check")}, environment).status, 0);
}

void TestCli::refusesFilesThatAreNotMicroShopDatabases()
{
    const QString text = m_fixture.scratchPath(QStringLiteral("notes.txt"));
    QVERIFY(writeFile(text, "订单 2026\n"));
    const QByteArray hash = fileHash(text);
    for (const QString &command : {QStringLiteral("init"), QStringLiteral("check")}) {
        const Result result = runCli({QStringLiteral("--db"), text, command});
        QCOMPARE(result.status, 3);
        QVERIFY2(result.err.contains(QStringLiteral("not a MicroShop database")),
                 qPrintable(result.err));
    }
    QCOMPARE(fileHash(text), hash);
    QVERIFY(!QFile::exists(text + QStringLiteral("-wal")));
}

void TestCli::refusesACorruptDatabase()
{
    // A MicroShop file whose pages after the first are overwritten, as a failing disk might.
    const QString sound = m_fixture.scratchPath(QStringLiteral("sound.db"));
    RUN_OK(init, runCli({QStringLiteral("--db"), sound, QStringLiteral("init")}));
    const QString corrupt = m_fixture.scratchPath(QStringLiteral("corrupt.db"));
    RUN_OK(copy, runCli({QStringLiteral("--db"), sound, QStringLiteral("backup"), corrupt}));
    {
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 8192);
        file.seek(4096);
        file.write(QByteArray(int(size - 4096), '\x5a'));
    }
    const QByteArray hash = fileHash(corrupt);
    for (const QStringList &command :
         {QStringList{QStringLiteral("config"), QStringLiteral("list")},
          QStringList{QStringLiteral("check")}, QStringList{QStringLiteral("init")}}) {
        const Result result = runCli(QStringList{QStringLiteral("--db"), corrupt} + command);
        QCOMPARE(result.status, 3);
        QVERIFY2(result.err.contains(QStringLiteral("damaged")), qPrintable(result.err));
        QCOMPARE(result.err.count(u'\n'), 1);
    }
    QCOMPARE(fileHash(corrupt), hash);
}

void TestCli::unreachableOrWrongPasswordExitThree()
{
    const Result closed = runCli({QStringLiteral("--db"),
                                  QStringLiteral("postgresql://shop@127.0.0.1:1/shop"),
                                  QStringLiteral("check")});
    QCOMPARE(closed.status, 3);
    QVERIFY2(closed.err.contains(QStringLiteral("Cannot connect")), qPrintable(closed.err));
    QCOMPARE(closed.err.count(u'\n'), 1);

    const Result malformed = runCli(
        {QStringLiteral("--db"), QStringLiteral("postgresql://nohost"), QStringLiteral("check")});
    QCOMPARE(malformed.status, 1);
    QVERIFY(malformed.err.contains(QStringLiteral("postgresql://USER")));

    if (m_fixture.isPostgres()) {
        QString why;
        const DatabaseLocation location = m_fixture.databases().fresh(&why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const Result wrong = runCli({QStringLiteral("--db"),
                                     m_fixture.databases().withWrongPassword(location),
                                     QStringLiteral("init")});
        QCOMPARE(wrong.status, 3);
        QVERIFY2(wrong.err.contains(QStringLiteral("password authentication failed")),
                 qPrintable(wrong.err));
        QVERIFY(!wrong.err.contains(QStringLiteral("not-the-password"))); // never printed
    }
}

void TestCli::backupAndRestore()
{
    NEW_SHOP();
    RUN_OK(set, m_fixture.cli({QStringLiteral("config"), QStringLiteral("set"),
                               QStringLiteral("commission.hold_days"), QStringLiteral("14")}));
    const QString backup = m_fixture.scratchPath(QStringLiteral("backup.db"));
    RUN_OK(saved, m_fixture.cli({QStringLiteral("backup"), backup}));
    QVERIFY(QFile::exists(backup));
    RUN_OK(change, m_fixture.cli({QStringLiteral("config"), QStringLiteral("set"),
                                  QStringLiteral("commission.hold_days"), QStringLiteral("30")}));
    RUN_OK(restored, m_fixture.cli({QStringLiteral("restore"), backup}));
    RUN_OK(get, m_fixture.cli({QStringLiteral("config"), QStringLiteral("get"),
                               QStringLiteral("commission.hold_days")}));
    QCOMPARE(get.out, QStringLiteral("14\n"));
    // The backup is itself a MicroShop database that the CLI can open.
    RUN_OK(checked, runCli({QStringLiteral("--db"), backup, QStringLiteral("check")}));
}

void TestCli::restoreRefusesAnInvalidBackup()
{
    NEW_SHOP();
    RUN_OK(set, m_fixture.cli({QStringLiteral("config"), QStringLiteral("set"),
                               QStringLiteral("shop.name"), QStringLiteral("Before")}));
    const QString bogus = m_fixture.scratchPath(QStringLiteral("bogus.db"));
    QVERIFY(writeFile(bogus, QByteArray(8192, 'x')));
    const Result refused = m_fixture.cli({QStringLiteral("restore"), bogus});
    QCOMPARE(refused.status, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("not touched")), qPrintable(refused.err));
    RUN_OK(get, m_fixture.cli({QStringLiteral("config"), QStringLiteral("get"),
                               QStringLiteral("shop.name")}));
    QCOMPARE(get.out, QStringLiteral("Before\n"));
}

void TestCli::checkReportsFindings()
{
    NEW_SHOP();
    RUN_OK(clean, m_fixture.cli({QStringLiteral("check")}));
    QVERIFY(clean.out.contains(QStringLiteral("No problems found")));

    // A product whose stock has no movements behind it.
    const QString insert = QStringLiteral(
        "INSERT INTO products (sku, name, price, stock, created_at, updated_at) "
        "VALUES ('BAD-1', '坏库存', 100, 5, '', '')");
    if (m_fixture.isPostgres()) {
        QString why;
        const QString name = m_fixture.db().mid(m_fixture.db().lastIndexOf(u'/') + 1);
        QVERIFY2(m_fixture.databases().adminExec(name, insert, &why), qPrintable(why));
    } else {
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                         QStringLiteral("raw"));
            raw.setDatabaseName(m_fixture.db());
            QVERIFY(raw.open());
            QVERIFY(QSqlQuery(raw).exec(insert));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }
    const Result found = m_fixture.cli({QStringLiteral("check")});
    QCOMPARE(found.status, 1);
    QVERIFY2(found.out.contains(QStringLiteral("BAD-1")), qPrintable(found.out));
    QVERIFY(found.out.contains(QStringLiteral("stock 5")));
}

void TestCli::demoFillsAnEmptyShopReproducibly()
{
    const QStringList size = {QStringLiteral("--products"),     QStringLiteral("12"),
                              QStringLiteral("--customers"),    QStringLiteral("20"),
                              QStringLiteral("--distributors"), QStringLiteral("8"),
                              QStringLiteral("--orders"),       QStringLiteral("150"),
                              QStringLiteral("--seed"),         QStringLiteral("42")};
    QStringList dumps;
    for (int run = 0; run < 2; ++run) {
        NEW_SHOP();
        RUN_OK(demo, m_fixture.cli(QStringList{QStringLiteral("demo")} + size));
        QVERIFY(demo.out.contains(QStringLiteral("150 orders")));
        QVERIFY2(!demo.err.contains(QStringLiteral("in bulk")), qPrintable(demo.err));
        RUN_OK(check, m_fixture.cli({QStringLiteral("check")}));
        const CliResult again = m_fixture.cli({QStringLiteral("demo")});
        QCOMPARE(again.status, 1); // never mixed into a shop with data
        QVERIFY(again.err.contains(QStringLiteral("empty shop")));

        QVERIFY2(m_fixture.openShop(), qPrintable(m_fixture.error()));
        Database &database = m_fixture.database();
        QStringList rows;
        QSqlQuery orders = database.exec(QStringLiteral(
            "SELECT o.order_no, o.status, o.goods_total, o.refunded_total, c.name, "
            "COALESCE(d.code, '') FROM orders o JOIN customers c ON c.id = o.customer_id "
            "LEFT JOIN distributors d ON d.id = o.distributor_id ORDER BY o.order_no"));
        QSet<QString> statuses;
        while (orders.next()) {
            QStringList values;
            for (int i = 0; i < 6; ++i)
                values.append(orders.value(i).toString());
            statuses.insert(orders.value(1).toString());
            rows.append(values.join(u'|'));
        }
        QCOMPARE(rows.size(), 150);
        // Every status a merchant meets is in the demo.
        for (const char *status : {"pending", "completed", "cancelled", "shipped", "refunded"})
            QVERIFY2(statuses.contains(QString::fromLatin1(status)), status);
        dumps.append(rows.join(u'\n'));
    }
    QCOMPARE(dumps.at(0), dumps.at(1)); // the same seed, the same shop
}

// demo --scale writes rows itself: what it wrote is checked here against the rules it claims
// (and `check`), on a small shop of the same kind.
void TestCli::scaleDemoWritesTheSameRulesInBulk()
{
    const QStringList size = {QStringLiteral("--scale"), QStringLiteral("--products"),
                              QStringLiteral("40"),      QStringLiteral("--customers"),
                              QStringLiteral("300"),     QStringLiteral("--distributors"),
                              QStringLiteral("200"),     QStringLiteral("--orders"),
                              QStringLiteral("4000"),    QStringLiteral("--seed"),
                              QStringLiteral("9")};
    if (m_fixture.isPostgres()) {
        NEW_SHOP();
        const CliResult refused = m_fixture.cli(QStringList{QStringLiteral("demo")} + size);
        QCOMPARE(refused.status, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("SQLite")), qPrintable(refused.err));
        return;
    }
    QStringList dumps;
    for (int run = 0; run < 2; ++run) {
        NEW_SHOP();
        RUN_OK(demo, m_fixture.cli(QStringList{QStringLiteral("demo")} + size));
        QVERIFY(demo.out.contains(QStringLiteral("4000 orders")));
        RUN_OK(check, m_fixture.cli({QStringLiteral("check")}));

        QVERIFY2(m_fixture.openShop(), qPrintable(m_fixture.error()));
        Database &database = m_fixture.database();
        const auto none = [&database](const char *sql) {
            QSqlQuery query = database.exec(QString::fromLatin1(sql));
            return !query.next();
        };
        QVERIFY(none("PRAGMA foreign_key_check"));
        QCOMPARE(database.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(database.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        // The customers' search index, rebuilt at the end, matches them; its triggers are back.
        QVERIFY(database
                    .exec(QStringLiteral("INSERT INTO customer_search (customer_search, "
                                         "rank) VALUES ('integrity-check', 1)"))
                    .isActive());
        QCOMPARE(database
                     .scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type "
                                            "= 'trigger'"))
                     .toInt(),
                 3);
        const QString someone = database
                                    .scalar(QStringLiteral("SELECT phone FROM customers "
                                                           "WHERE id = 7"))
                                    .toString();
        QVERIFY(database
                    .scalar(QStringLiteral("SELECT count(*) FROM customer_search WHERE "
                                           "customer_search MATCH ?"),
                            {QString(u'"' + someone + u'"')})
                    .toInt()
                >= 1);
        // Each commission is its lines' nets at the basis rate, rounded half up line by line.
        QVERIFY(none("SELECT e.id FROM commission_entries e WHERE e.kind = 'commission' AND "
                     "e.amount <> (SELECT sum((l.net * b.rate + 5000) / 10000) FROM "
                     "commission_basis b JOIN order_lines l ON l.id = b.order_line_id WHERE "
                     "l.order_id = e.order_id AND b.level = e.level)"));
        // ... earned by the seller (level 1) and its uplines (2, 3), never by an inactive one.
        QVERIFY(none("SELECT e.id FROM commission_entries e JOIN orders o ON o.id = e.order_id "
                     "WHERE NOT EXISTS (SELECT 1 FROM distributor_closure c WHERE c.ancestor_id "
                     "= e.distributor_id AND c.descendant_id = o.distributor_id AND c.distance = "
                     "e.level - 1)"));
        QVERIFY(none("SELECT e.id FROM commission_entries e JOIN distributors d ON d.id = "
                     "e.distributor_id WHERE d.status <> 'active'"));
        // ... for paid orders only, taken back in full when cancelled, available after the hold.
        QVERIFY(none("SELECT o.id FROM orders o JOIN commission_entries e ON e.order_id = o.id "
                     "WHERE o.status = 'pending' OR (o.status = 'cancelled' AND o.paid_at IS "
                     "NULL)"));
        QVERIFY(none("SELECT o.id FROM orders o JOIN commission_entries e ON e.order_id = o.id "
                     "WHERE o.status = 'cancelled' GROUP BY o.id HAVING sum(e.amount) <> 0"));
        QVERIFY(none("SELECT e.id FROM commission_entries e JOIN orders o ON o.id = e.order_id "
                     "WHERE e.kind = 'commission' AND (o.status = 'completed') <> "
                     "(e.available_on IS NOT NULL)"));
        QVERIFY(!none("SELECT 1 FROM commission_entries WHERE kind = 'reversal'"));
        // Customers are bound to the distributor of their orders; stock never went below zero.
        QVERIFY(none("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE "
                     "o.distributor_id IS NOT c.distributor_id"));
        QVERIFY(none("SELECT id FROM products WHERE stock < 0"));
        QVERIFY(none("SELECT o.id FROM orders o WHERE o.status IN ('shipped', 'completed') AND "
                     "NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)"));
        // A forest up to 12 deep.
        QCOMPARE(database.scalar(QStringLiteral("SELECT max(depth) FROM distributors")).toInt(),
                 12);
        QVERIFY(database
                    .scalar(QStringLiteral("SELECT count(*) FROM distributors WHERE "
                                           "upline_id IS NULL"))
                    .toInt()
                > 10);

        QStringList rows;
        QSet<QString> statuses;
        QSqlQuery orders = database.exec(QStringLiteral(
            "SELECT o.order_no, o.status, o.goods_total, COALESCE(d.code, ''), (SELECT "
            "COALESCE(sum(amount), 0) FROM commission_entries e WHERE e.order_id = o.id) FROM "
            "orders o LEFT JOIN distributors d ON d.id = o.distributor_id ORDER BY o.id"));
        while (orders.next()) {
            QStringList values;
            for (int i = 0; i < 5; ++i)
                values.append(orders.value(i).toString());
            statuses.insert(orders.value(1).toString());
            rows.append(values.join(u'|'));
        }
        QCOMPARE(rows.size(), 4000);
        for (const char *status : {"pending", "paid", "shipped", "completed", "cancelled"})
            QVERIFY2(statuses.contains(QString::fromLatin1(status)), status);
        dumps.append(rows.join(u'\n'));
    }
    QCOMPARE(dumps.at(0), dumps.at(1)); // the same seed, the same shop
}

// From ScaleDemoGenerator::bulkFromOrders orders, demo on SQLite takes the bulk path unasked and
// says so (the bulk shop has no refunds, which the services' demo always has: see
// demoFillsAnEmptyShopReproducibly). On PostgreSQL there is no bulk writer: the services always.
void TestCli::aLargeDemoIsWrittenInBulk()
{
    if (m_fixture.isPostgres())
        QSKIP("The bulk writer writes SQLite only; PostgreSQL always goes through the services");
    const int orders = ScaleDemoGenerator::bulkFromOrders;
    NEW_SHOP();
    RUN_OK(demo, m_fixture.cli({QStringLiteral("demo"), QStringLiteral("--products"),
                                QStringLiteral("20"), QStringLiteral("--customers"),
                                QStringLiteral("200"), QStringLiteral("--distributors"),
                                QStringLiteral("60"), QStringLiteral("--seed"), QStringLiteral("3"),
                                QStringLiteral("--orders"), QString::number(orders)}));
    QVERIFY2(demo.out.contains(QStringLiteral("%1 orders").arg(orders)), qPrintable(demo.out));
    QVERIFY2(demo.err.contains(QStringLiteral("written in bulk")), qPrintable(demo.err));
    RUN_OK(check, m_fixture.cli({QStringLiteral("check")}));
    QVERIFY2(m_fixture.openShop(), qPrintable(m_fixture.error()));
    Database &database = m_fixture.database();
    QCOMPARE(database.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), orders);
    QCOMPARE(database.scalar(QStringLiteral("SELECT count(*) FROM refunds")).toInt(), 0);
}

MICROSHOP_TEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
