// The database layer on the backend named by $MICROSHOP_TEST_BACKEND: schema, migrations,
// refusals, transactions, constraints, backups and restores, and `check`.
#include "BackupService.h"
#include "Database.h"
#include "DatabaseCheck.h"
#include "Migrations.h"
#include "SqlAuditLog.h"
#include "SqlProductRepository.h"
#include "SqlSettingsRepository.h"
#include "TeamDirectory.h"

#include "Error.h"
#include "ShopSettings.h"

#include "TestClock.h"
#include "TestDatabases.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

#define FRESH_LOCATION(name) \
    QString name##Error; \
    const DatabaseLocation name = m_databases.fresh(&name##Error); \
    QVERIFY2(name##Error.isEmpty(), qPrintable(name##Error))

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Every row of every MicroShop table, as text, to compare whole databases.
QStringList dump(Database &database, const QStringList &skipTables = {})
{
    QStringList lines;
    for (const QString &table : Migrations::tablesInDependencyOrder()) {
        if (skipTables.contains(table))
            continue;
        QSqlQuery query = database.exec(QStringLiteral("SELECT * FROM %1").arg(table));
        QStringList rows;
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values.append(query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
            rows.append(table + u':' + values.join(u'|'));
        }
        rows.sort();
        lines += rows;
    }
    return lines;
}

const QString now = QStringLiteral("2026-11-25 10:00:00");

// A small shop touching every table, with a distributor whose upline has a larger id (moved).
void fillShop(Database &database)
{
    database.inTransaction([&] {
        database.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES "
                                     "('shop.name', '小美的店'), ('commission.levels', '3')"));
        database.exec(QStringLiteral("INSERT INTO products (sku, name, price, cost, stock, "
                                     "barcode, image, created_at, updated_at, rate1) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {QStringLiteral("TEA-01"), QStringLiteral("普洱茶饼"), 12800, 6000, 8,
                       QStringLiteral("6901234567890"), QByteArray("\x89PNG\0\1", 6), now, now,
                       QVariant()});
        database.exec(QStringLiteral("INSERT INTO distributors (id, code, name, joined, upline_id, "
                                     "depth) VALUES (1, 'D1', '王芳', '2026-01-01', 2, 2), "
                                     "(2, 'D2', '李娜', '2026-01-02', NULL, 1)"));
        database.exec(QStringLiteral("INSERT INTO distributor_closure VALUES "
                                     "(1, 1, 0), (2, 2, 0), (2, 1, 1)"));
        database.exec(QStringLiteral("INSERT INTO customers (code, name, phone, channel, "
                                     "distributor_id, created_at) VALUES "
                                     "('C1', '张伟', '13800000000', 'moments', 1, ?)"),
                      {now});
        database.exec(QStringLiteral("INSERT INTO customer_addresses (customer_id, receiver, "
                                     "province, city, district, detail, is_default) VALUES "
                                     "(1, '张伟', '广东省', '深圳市', '南山区', '科技园1号', 1)"));
        database.exec(QStringLiteral("INSERT INTO orders (order_no, date, customer_id, "
                                     "distributor_id, status, goods_total, shipping_fee, paid_at, "
                                     "completed_at, created_at, updated_at) VALUES "
                                     "('SO-1', '2026-11-01', 1, 1, 'completed', 25600, 1000, "
                                     "'2026-11-01 09:00:00', '2026-11-03 09:00:00', ?, ?)"),
                      {now, now});
        database.exec(QStringLiteral("INSERT INTO order_lines (order_id, line_no, product_id, "
                                     "quantity, unit_price, unit_cost, net) VALUES "
                                     "(1, 1, 1, 2, 12800, 6000, 25600)"));
        database.exec(QStringLiteral("INSERT INTO payments (order_id, method, paid_at, amount) "
                                     "VALUES (1, 'wechat', '2026-11-01 09:00:00', 26600)"));
        database.exec(QStringLiteral("INSERT INTO shipments (order_id, courier, tracking, "
                                     "shipped_at) VALUES (1, '顺丰', 'SF123', '2026-11-02')"));
        database.exec(QStringLiteral("INSERT INTO stock_movements (product_id, moved_at, kind, "
                                     "quantity, order_id, reference) VALUES "
                                     "(1, '2026-10-01', 'initial', 10, NULL, ''), "
                                     "(1, '2026-11-01', 'sale', -2, 1, 'SO-1')"));
        database.exec(QStringLiteral("INSERT INTO payouts (distributor_id, period_end, "
                                     "created_at, amount, entries) VALUES "
                                     "(1, '2026-11-20', ?, 2560, 1)"),
                      {now});
        database.exec(QStringLiteral("INSERT INTO commission_entries (order_id, distributor_id, "
                                     "level, kind, amount, created_at, available_on, payout_id) "
                                     "VALUES (1, 1, 1, 'commission', 2560, ?, '2026-11-10', 1), "
                                     "(1, 2, 2, 'commission', 1280, ?, '2026-11-10', NULL)"),
                      {now, now});
        database.exec(QStringLiteral("INSERT INTO audit_log (at, actor, action) VALUES "
                                     "(?, 'test', 'fill')"),
                      {now});
    });
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createsTheWholeSchema();
    void searchAndAuditKindsUseTheirIndexes();
    void connectionsAreConfigured();
    void existingModeRefusesMissingDatabases();
    void refusesDatabasesOfOtherPrograms();
    void refusesNewerSchemaUntouched();
    void failedMigrationLeavesOldSchemaAndData();
    void upgradeBacksUpSqliteFirst();
    void storedOlderFilesUpgrade_data();
    void storedOlderFilesUpgrade();
    void olderSchemaNeedsInit();
    void constraintsRefuseBadRows_data();
    void constraintsRefuseBadRows();
    void transactionsAreAllOrNothing();
    void keptStatementsAreReusedSafely();
    void bulkTransactionsHoldRowsUntilTheyAreRead();
    void bulkTransactionsKeepReadsOnlyWhileTheyHold();
    void bulkTransactionsGiveIdsAndHoldAmounts();
    void settingsStoreAndAudit();
    void backupAndRestoreRoundTrip();
    void restoreRefusesBadBackups_data();
    void restoreRefusesBadBackups();
    void checkFindsBrokenInvariants();
    void dailyBackupsKeepFourteen();
    void wrongPasswordAndUnreachableServer();
    void scramVerifiersAreSalted();

private:
    TestDatabases m_databases;
};

void TestDatabase::initTestCase()
{
    qInfo("backend: %s", qPrintable(m_databases.backendName()));
}

void TestDatabase::createsTheWholeSchema()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    QCOMPARE(database->schemaVersion(), Migrations::latestVersion());

    const QString tablesSql = database->isSqlite()
                                  ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                                   "'table' ORDER BY name")
                                  : QStringLiteral("SELECT table_name FROM information_schema."
                                                   "tables WHERE table_schema = current_schema() "
                                                   "ORDER BY table_name");
    QStringList tables;
    QSqlQuery query = database->exec(tablesSql);
    while (query.next()) {
        // SQLite's full-text index of customers (FTS5 and its own tables) is not copied by
        // backups: its triggers fill it from the customers copied.
        if (!query.value(0).toString().startsWith(QStringLiteral("customer_search")))
            tables.append(query.value(0).toString());
    }
    if (database->isSqlite())
        QCOMPARE(database
                     ->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name "
                                             "= 'customer_search'"))
                     .toInt(),
                 1);
    QStringList expected = Migrations::tablesInDependencyOrder();
    expected.append(QStringLiteral("schema_version"));
    expected.sort();
    // tablesInDependencyOrder() must name every table, or backups would miss one.
    QCOMPARE(tables, expected);

    // Reopening is a no-op.
    database.reset();
    QCOMPARE(Database::open(location)->schemaVersion(), Migrations::latestVersion());
}

// Schema version 9: search as you type and the audit log's kinds read their indexes, not every
// row (the planner is told to avoid scans, so that a small table still shows the index's use).
void TestDatabase::searchAndAuditKindsUseTheirIndexes()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    const auto plan = [&database](const QString &sql) {
        QStringList lines;
        QSqlQuery query = database->exec((database->isSqlite()
                                              ? QStringLiteral("EXPLAIN QUERY PLAN ")
                                              : QStringLiteral("EXPLAIN "))
                                         + sql);
        while (query.next())
            lines.append(query.value(database->isSqlite() ? 3 : 0).toString());
        return lines.join(u'\n');
    };
    if (database->isSqlite()) {
        QVERIFY(plan(QStringLiteral("SELECT id FROM audit_log a WHERE a.action >= 'order.' AND "
                                    "a.action < 'order/' ORDER BY a.at"))
                    .contains(QStringLiteral("audit_log_action")));
        return;
    }
    database->run(QStringLiteral("SET enable_seqscan = off"));
    const QString customers = plan(QStringLiteral(
        "SELECT id FROM customers WHERE name ILIKE '%abc%' OR wechat_remark ILIKE '%abc%' OR "
        "phone ILIKE '%abc%' OR wechat ILIKE '%abc%'"));
    for (const char *index : {"customers_name_trgm", "customers_remark_trgm",
                              "customers_phone_trgm", "customers_wechat_trgm"})
        QVERIFY2(customers.contains(QLatin1String(index)), qPrintable(customers));
    QVERIFY(plan(QStringLiteral("SELECT id FROM products p WHERE lower(p.name) LIKE '%abc%'"))
                .contains(QStringLiteral("products_name_trgm")));
    QVERIFY(plan(QStringLiteral("SELECT id FROM orders o WHERE o.order_no LIKE 'SO2026%'"))
                .contains(QStringLiteral("orders_order_no_prefix")));
    QVERIFY(plan(QStringLiteral("SELECT order_id FROM shipments WHERE tracking LIKE 'SF1%'"))
                .contains(QStringLiteral("shipments_tracking_prefix")));
    QVERIFY(plan(QStringLiteral("SELECT id FROM audit_log a WHERE a.action LIKE 'order.%'"))
                .contains(QStringLiteral("audit_log_action")));
    database->run(QStringLiteral("RESET enable_seqscan"));
}

void TestDatabase::connectionsAreConfigured()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    if (!database->isSqlite()) {
        // PostgreSQL: text travels as UTF-8 and quotes mean what the SQL standard says.
        const QString encoding
            = database->scalar(QStringLiteral("SHOW client_encoding")).toString();
        QVERIFY2(encoding == u"UTF8" || encoding == u"UNICODE", qPrintable(encoding)); // aliases
        QCOMPARE(database->scalar(QStringLiteral("SHOW standard_conforming_strings")).toString(),
                 QStringLiteral("on"));
        return;
    }
    QCOMPARE(database->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(database->scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("wal"));
    QCOMPARE(database->scalar(QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    QCOMPARE(database->scalar(QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
    QCOMPARE(database->scalar(QStringLiteral("PRAGMA application_id")).toInt(),
             Migrations::sqliteApplicationId);
    // A second connection gets foreign keys too.
    auto second = Database::open(location);
    QCOMPARE(second->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

void TestDatabase::existingModeRefusesMissingDatabases()
{
    FRESH_LOCATION(location);
    try {
        Database::open(location, Database::OpenMode::ExistingCurrent);
        QFAIL("opened a database that does not exist");
    } catch (const DatabaseError &error) {
        QCOMPARE(error.reason(), DatabaseError::Reason::Missing);
        QVERIFY2(error.message().contains(QStringLiteral("init")), qPrintable(error.message()));
    }
    if (location.isSqlite()) {
        QVERIFY(!QFile::exists(location.path())); // nothing created
    } else {
        // The empty PostgreSQL database stays empty.
        auto created = Database::open(location, Database::OpenMode::CreateOrUpgrade);
        QCOMPARE(created->schemaVersion(), Migrations::latestVersion());
    }
}

void TestDatabase::refusesDatabasesOfOtherPrograms()
{
    FRESH_LOCATION(location);
    if (location.isSqlite()) {
        // A text file, and an SQLite database of another program: refused, byte for byte unchanged.
        const QString text = m_databases.scratchPath(QStringLiteral("notes.txt"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("这不是数据库 not a database\n");
        file.close();
        const QByteArray textHash = fileHash(text);
        QVERIFY_THROWS_EXCEPTION(DatabaseError,
                                 Database::open(DatabaseLocation::sqliteFile(text),
                                                Database::OpenMode::CreateOrUpgrade));
        QCOMPARE(fileHash(text), textHash);

        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                           QStringLiteral("other"));
            other.setDatabaseName(location.path());
            QVERIFY(other.open());
            QSqlQuery(other).exec(QStringLiteral("CREATE TABLE foo (x INTEGER)"));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const QByteArray otherHash = fileHash(location.path());
        try {
            Database::open(location, Database::OpenMode::CreateOrUpgrade);
            QFAIL("opened another program's database");
        } catch (const DatabaseError &error) {
            QCOMPARE(error.reason(), DatabaseError::Reason::NotMicroShop);
            QVERIFY(error.message().contains(QStringLiteral("another program")));
        }
        QCOMPARE(fileHash(location.path()), otherHash);
        return;
    }
    QString why;
    QVERIFY2(m_databases.adminExec(location.databaseName(),
                                   QStringLiteral("CREATE TABLE foo (x INTEGER)"), &why),
             qPrintable(why));
    try {
        Database::open(location, Database::OpenMode::CreateOrUpgrade);
        QFAIL("opened another program's database");
    } catch (const DatabaseError &error) {
        QCOMPARE(error.reason(), DatabaseError::Reason::NotMicroShop);
    }
    // Still only the foreign table: nothing was created.
    QVERIFY(m_databases.adminExec(location.databaseName(),
                                  QStringLiteral("DO $$ BEGIN IF (SELECT count(*) FROM "
                                                 "information_schema.tables WHERE table_schema = "
                                                 "'public') <> 1 THEN RAISE 'changed'; END IF; "
                                                 "END $$")));
}

void TestDatabase::refusesNewerSchemaUntouched()
{
    FRESH_LOCATION(location);
    {
        auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
        database->exec(QStringLiteral("INSERT INTO schema_version VALUES (999, 'future', ?)"),
                       {now});
    }
    const QByteArray before = location.isSqlite() ? fileHash(location.path()) : QByteArray();
    for (const auto mode :
         {Database::OpenMode::CreateOrUpgrade, Database::OpenMode::ExistingCurrent}) {
        try {
            Database::open(location, mode);
            QFAIL("opened a newer schema");
        } catch (const DatabaseError &error) {
            QCOMPARE(error.reason(), DatabaseError::Reason::NewerSchema);
            QVERIFY(error.message().contains(QStringLiteral("999")));
            QVERIFY(error.message().contains(QStringLiteral("newer MicroShop")));
        }
    }
    if (location.isSqlite())
        QCOMPARE(fileHash(location.path()), before);
}

void TestDatabase::failedMigrationLeavesOldSchemaAndData()
{
    FRESH_LOCATION(location);
    QStringList before;
    {
        auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
        fillShop(*database);
        before = dump(*database);
    }
    QList<Migration> migrations = Migrations::all();
    migrations.append({Migrations::latestVersion() + 1,
                       QStringLiteral("works then fails"),
                       {QStringLiteral("CREATE TABLE extra (x INTEGER)"),
                        QStringLiteral("ALTER TABLE products ADD COLUMN colour TEXT"),
                        QStringLiteral("INSERT INTO no_such_table VALUES (1)")}});
    QVERIFY_THROWS_EXCEPTION(
        DatabaseError, Database::open(location, Database::OpenMode::CreateOrUpgrade, migrations));

    auto database = Database::open(location);
    QCOMPARE(database->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(dump(*database), before);
    QVERIFY_THROWS_EXCEPTION(DatabaseError, database->exec(QStringLiteral("SELECT * FROM extra")));
    QVERIFY_THROWS_EXCEPTION(DatabaseError,
                             database->exec(QStringLiteral("SELECT colour FROM products")));
}

void TestDatabase::upgradeBacksUpSqliteFirst()
{
    FRESH_LOCATION(location);
    {
        auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
        fillShop(*database);
    }
    QList<Migration> migrations = Migrations::all();
    const int next = Migrations::latestVersion() + 1;
    migrations.append({next,
                       QStringLiteral("a colour for products"),
                       {QStringLiteral("ALTER TABLE products ADD COLUMN colour TEXT")}});
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade, migrations);
    QCOMPARE(database->schemaVersion(), next);
    QCOMPARE(database->scalar(QStringLiteral("SELECT count(*) FROM products")).toInt(), 1);
    database->exec(QStringLiteral("SELECT colour FROM products"));

    if (!location.isSqlite())
        return;
    const QDir folder(Database::backupFolder(location));
    const QStringList backups = folder.entryList(
        {QStringLiteral("before-upgrade-v%1-to-v%2-*.db").arg(next - 1).arg(next)}, QDir::Files);
    QCOMPARE(backups.size(), 1);
    // The backup is the old database: the version before, the same rows.
    QCOMPARE(BackupService::verify(folder.filePath(backups.constFirst())),
             Migrations::latestVersion());
}

// Shop files as versions 1 and 2 of the schema left them (tests/data, made with those versions'
// migrations and services: a product, a customer bound to a distributor, an order completed and
// its commission settled) open in this version: upgraded, backed up first, every row kept, the
// customers' search index working, and `check` content.
void TestDatabase::storedOlderFilesUpgrade_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("version 1") << 1;
    QTest::newRow("version 2") << 2;
}

void TestDatabase::storedOlderFilesUpgrade()
{
    QFETCH(int, version);
    if (m_databases.isPostgres())
        QSKIP("the stored files are SQLite files (PostgreSQL runs the same migrations in "
              "createsTheWholeSchema and failedMigrationLeavesOldSchemaAndData)");
    const QString path = m_databases.scratchPath(QStringLiteral("stored-v%1.db").arg(version));
    QFile::remove(path);
    QVERIFY(
        QFile::copy(QStringLiteral(MICROSHOP_TEST_DATA "/shop-schema-v%1.db").arg(version), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    const DatabaseLocation location = DatabaseLocation::sqliteFile(path);
    QCOMPARE(BackupService::verify(path), version);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    QCOMPARE(database->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(database->scalar(QStringLiteral("SELECT count(*) FROM schema_version")).toInt(),
             Migrations::latestVersion());
    const QStringList backups = QDir(Database::backupFolder(location))
                                    .entryList({QStringLiteral("before-upgrade-v%1-to-v%2-*.db")
                                                    .arg(version)
                                                    .arg(Migrations::latestVersion())},
                                               QDir::Files);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(database
                 ->scalar(QStringLiteral(
                     "SELECT o.status || ' ' || o.goods_total || ' ' || c.name || ' ' || d.code "
                     "FROM orders o JOIN customers c ON c.id = o.customer_id JOIN distributors d "
                     "ON d.id = o.distributor_id WHERE o.order_no = 'SO-0001'"))
                 .toString(),
             QStringLiteral("completed 25600 李娜 D01"));
    QCOMPARE(
        database->scalar(QStringLiteral("SELECT stock FROM products WHERE sku = 'TEA-01'")).toInt(),
        18);
    QCOMPARE(database->scalar(QStringLiteral("SELECT sum(amount) FROM payouts")).toInt(), 2560);
    QCOMPARE(database
                 ->scalar(QStringLiteral("SELECT value FROM settings WHERE key = "
                                         "'shop.name'"))
                 .toString(),
             QStringLiteral("小美的微店"));
    // Version 2's search index, built on the way for a version 1 file: any part of a phone.
    QCOMPARE(database
                 ->scalar(QStringLiteral("SELECT count(*) FROM customer_search WHERE "
                                         "customer_search MATCH '\"0013800\"'"))
                 .toInt(),
             1);
    // Version 3's index on the ledger's dates.
    QCOMPARE(database
                 ->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                         "'commission_entries_created'"))
                 .toInt(),
             1);
    // Version 4 widened the customers' channels in the stored table's own text (SQLite cannot
    // alter a CHECK): a platform is a channel at once, on this same connection, and an unknown
    // word still is not.
    database->run(QStringLiteral("INSERT INTO customers (code, name, channel, platform_account, "
                                 "created_at) VALUES ('C900', '王', 'taobao', 'tb_wang', '')"));
    QVERIFY_THROWS_EXCEPTION(
        DatabaseError,
        database->run(QStringLiteral("INSERT INTO customers (code, name, channel, created_at) "
                                     "VALUES ('C901', '赵', 'tv', '')")));
    database->run(QStringLiteral("UPDATE orders SET platform = 'youzan', platform_no = 'E1' "
                                 "WHERE order_no = 'SO-0001'"));
    QCOMPARE(DatabaseCheck::findings(*database), QStringList());
}

void TestDatabase::olderSchemaNeedsInit()
{
    FRESH_LOCATION(location);
    Database::open(location, Database::OpenMode::CreateOrUpgrade);
    QList<Migration> migrations = Migrations::all();
    migrations.append({Migrations::latestVersion() + 1,
                       QStringLiteral("next"),
                       {QStringLiteral("CREATE TABLE extra (x INTEGER)")}});
    try {
        Database::open(location, Database::OpenMode::ExistingCurrent, migrations);
        QFAIL("used an old schema without upgrading");
    } catch (const DatabaseError &error) {
        QCOMPARE(error.reason(), DatabaseError::Reason::OlderSchema);
        QVERIFY(error.message().contains(QStringLiteral("microshop-cli init")));
    }
}

void TestDatabase::constraintsRefuseBadRows_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("negative price")
        << "INSERT INTO products (sku, name, price, created_at, updated_at) "
           "VALUES ('X', 'x', -1, '', '')";
    QTest::newRow("sku with a space")
        << "INSERT INTO products (sku, name, price, created_at, updated_at) "
           "VALUES ('A B', 'x', 1, '', '')";
    QTest::newRow("sku too long")
        << QStringLiteral("INSERT INTO products (sku, name, price, created_at, updated_at) "
                          "VALUES ('%1', 'x', 1, '', '')")
               .arg(QString(65, u'A'));
    QTest::newRow("duplicate sku (case-sensitive match)")
        << "INSERT INTO products (sku, name, price, created_at, updated_at) "
           "VALUES ('TEA-01', 'x', 1, '', '')";
    QTest::newRow("duplicate barcode")
        << "INSERT INTO products (sku, name, price, barcode, created_at, updated_at) "
           "VALUES ('TEA-02', 'x', 1, '6901234567890', '', '')";
    QTest::newRow("rate over 100 %") << "UPDATE products SET rate1 = 10001";
    QTest::newRow("unknown channel")
        << "INSERT INTO customers (code, name, channel, created_at) VALUES ('C9', 'x', 'tv', '')";
    QTest::newRow("platform channel misspelt")
        << "INSERT INTO customers (code, name, channel, created_at) VALUES ('C9', 'x', 'Youzan', "
           "'')";
    QTest::newRow("platform number without a platform") << "UPDATE orders SET platform_no = 'E1'";
    QTest::newRow("unknown platform") << "UPDATE orders SET platform = 'jd', platform_no = 'E1'";
    QTest::newRow("platform number twice")
        << "INSERT INTO orders (order_no, date, customer_id, platform, platform_no, created_at, "
           "updated_at) SELECT 'SO-2', date, customer_id, 'taobao', 'T1', '', '' FROM orders "
           "UNION ALL SELECT 'SO-3', date, customer_id, 'taobao', 'T1', '', '' FROM orders";
    QTest::newRow("alias naming nothing")
        << "INSERT INTO product_aliases (platform, code, name, spec, product_id) "
           "VALUES ('youzan', '', '', 'x', 1)";
    QTest::newRow("alias of a missing product")
        << "INSERT INTO product_aliases (platform, code, product_id) VALUES ('youzan', 'Y1', 99)";
    QTest::newRow("second default address")
        << "INSERT INTO customer_addresses (customer_id, is_default) VALUES (1, 1)";
    QTest::newRow("line of a missing order")
        << "INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, net) "
           "VALUES (99, 1, 1, 1, 1, 1)";
    QTest::newRow("zero quantity")
        << "INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, net) "
           "VALUES (1, 2, 1, 0, 1, 0)";
    QTest::newRow("refund beyond quantity") << "UPDATE order_lines SET refunded_quantity = 3";
    QTest::newRow("unknown status") << "UPDATE orders SET status = 'lost'";
    QTest::newRow("unknown movement kind") << "UPDATE stock_movements SET kind = 'gift'";
    QTest::newRow("positive reversal")
        << "INSERT INTO commission_entries (order_id, distributor_id, level, kind, amount, "
           "created_at) VALUES (1, 1, 1, 'reversal', 5, '')";
    QTest::newRow("level 4")
        << "INSERT INTO commission_entries (order_id, distributor_id, level, kind, amount, "
           "created_at) VALUES (1, 1, 4, 'commission', 5, '')";
    QTest::newRow("own upline") << "UPDATE distributors SET upline_id = id WHERE code = 'D2'";
    QTest::newRow("missing upline") << "UPDATE distributors SET upline_id = 77 WHERE code = 'D2'";
    QTest::newRow("zero payout")
        << "INSERT INTO payouts (distributor_id, period_end, created_at, amount, entries) "
           "VALUES (1, '', '', 0, 1)";
}

void TestDatabase::constraintsRefuseBadRows()
{
    QFETCH(QString, sql);
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    fillShop(*database);
    const QStringList before = dump(*database);
    QVERIFY_THROWS_EXCEPTION(DatabaseError, database->inTransaction([&] { database->exec(sql); }));
    QCOMPARE(dump(*database), before);
}

void TestDatabase::transactionsAreAllOrNothing()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    const auto insert = [&](const QString &key) {
        database->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, 'v')"), {key});
    };
    const auto count = [&] {
        return database->scalar(QStringLiteral("SELECT count(*) FROM settings")).toInt();
    };
    QVERIFY_THROWS_EXCEPTION(InputError, database->inTransaction([&] {
        insert(QStringLiteral("a"));
        throw InputError(QStringLiteral("refused"));
    }));
    QCOMPARE(count(), 0);

    // A nested failure caught inside undoes only itself.
    database->inTransaction([&] {
        insert(QStringLiteral("outer"));
        try {
            database->inTransaction([&] {
                insert(QStringLiteral("inner"));
                insert(QStringLiteral("inner")); // duplicate key
            });
        } catch (const DatabaseError &) {
        }
        QVERIFY(database->inTransaction());
    });
    QCOMPARE(count(), 1);
    QCOMPARE(database->scalar(QStringLiteral("SELECT key FROM settings")).toString(),
             QStringLiteral("outer"));
}

void TestDatabase::keptStatementsAreReusedSafely()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    const QString insert = QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)");
    for (int i = 1; i <= 5; ++i)
        database->run(insert, {QStringLiteral("k%1").arg(i), QStringLiteral("v%1").arg(i)});
    const QString valueOf = QStringLiteral("SELECT value FROM settings WHERE key = ?");
    QCOMPARE(database->scalar(valueOf, {QStringLiteral("k2")}).toString(), QStringLiteral("v2"));
    QCOMPARE(database->scalar(valueOf, {QStringLiteral("k4")}).toString(), QStringLiteral("v4"));
    QVERIFY(database->scalar(valueOf, {QStringLiteral("none")}).isNull());

    // The same statement inside its own rows: each call has its own values and rows.
    const QString after = QStringLiteral("SELECT key FROM settings WHERE key > ? AND key LIKE "
                                         "'k%' ORDER BY key");
    QStringList pairs;
    database->forEachRow(after, {QStringLiteral("k2")}, [&](const SqlRow &outer) {
        const QString key = outer.value(0).toString();
        database->forEachRow(after, {key}, [&](const SqlRow &inner) {
            pairs.append(key + u'<' + inner.value(0).toString());
        });
        // Another statement met for the first time, prepared while these rows are read.
        database->scalar(QStringLiteral("SELECT count(*) FROM settings WHERE key <> ? AND "
                                        "value <> 'never'"),
                         {key});
    });
    QCOMPARE(pairs, (QStringList{QStringLiteral("k3<k4"), QStringLiteral("k3<k5"),
                                 QStringLiteral("k4<k5")}));

    // More statements than are kept, prepared while rows are read: the one being read stays.
    QStringList keys;
    database->forEachRow(after, {QStringLiteral("k0")}, [&](const SqlRow &row) {
        keys.append(row.value(0).toString());
        if (keys.size() == 2) {
            for (int i = 0; i < 300; ++i)
                database->scalar(
                    QStringLiteral("SELECT count(*) + %1 FROM settings WHERE key <> ?").arg(i),
                    {keys.constLast()});
        }
    });
    QCOMPARE(keys, (QStringList{QStringLiteral("k1"), QStringLiteral("k2"), QStringLiteral("k3"),
                                QStringLiteral("k4"), QStringLiteral("k5")}));

    // A row reads each type as Qt's driver reads it: an integer, a real, text, bytes, a null.
    const QString typed = QStringLiteral("SELECT 7, 2.5, 'text', x'00ff', NULL, CAST(? AS TEXT) "
                                         "FROM settings WHERE key = 'k1'");
    QVariantList byQt;
    {
        QSqlQuery qt = database->exec(typed, {QStringLiteral("bound")});
        QVERIFY(qt.next());
        for (int column = 0; column < 6; ++column)
            byQt.append(qt.value(column));
    } // its read ends
    QList<QVariantList> byRow;
    database->forEachRow(typed, {QStringLiteral("bound")}, [&](const SqlRow &row) {
        QVariantList values;
        for (int column = 0; column < 6; ++column)
            values.append(row.value(column));
        byRow.append(values);
    });
    QCOMPARE(byRow.size(), 1);
    for (int column = 0; column < 6; ++column) {
        const QVariant &value = byRow.constFirst().at(column);
        QCOMPARE(value, byQt.at(column));
        QCOMPARE(value.metaType(), byQt.at(column).metaType());
        QCOMPARE(value.isNull(), byQt.at(column).isNull());
    }

    // A refused statement says so and changes nothing; the next call with it works.
    QVERIFY_THROWS_EXCEPTION(
        DatabaseError, database->run(insert, {QStringLiteral("k1"), QStringLiteral("again")}));
    database->run(insert, {QStringLiteral("k6"), QStringLiteral("v6")});
    QCOMPARE(database->scalar(valueOf, {QStringLiteral("k1")}).toString(), QStringLiteral("v1"));
    QCOMPARE(database->scalar(valueOf, {QStringLiteral("k6")}).toString(), QStringLiteral("v6"));

    // A kept statement holds no read transaction: another connection's change shows at once.
    auto other = Database::open(location);
    other->run(QStringLiteral("UPDATE settings SET value = ? WHERE key = ?"),
               {QStringLiteral("changed"), QStringLiteral("k2")});
    QCOMPARE(database
                 ->scalar(QStringLiteral("SELECT value FROM settings WHERE key = ? AND "
                                         "value <> ''"),
                          {QStringLiteral("k2")})
                 .toString(),
             QStringLiteral("changed"));

    // More statements than are kept: every one still answers right, the first one too.
    for (int i = 0; i < 300; ++i) {
        const QString sql
            = QStringLiteral("SELECT count(*) + %1 FROM settings WHERE key <> ?").arg(i);
        QCOMPARE(database->scalar(sql, {QStringLiteral("k1")}).toInt(), 5 + i);
    }
    QCOMPARE(database->scalar(valueOf, {QStringLiteral("k5")}).toString(), QStringLiteral("v5"));
}

// Rows given to insertRow() in a bulk transaction are sent together, yet every statement that
// names their table sees them; a bulk transaction is all or nothing.
void TestDatabase::bulkTransactionsHoldRowsUntilTheyAreRead()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    QStringList inserts; // the INSERT statements sent, as they are sent
    database->setStatementObserver([&](const QString &sql, const QVariantList &) {
        if (sql.startsWith(QStringLiteral("INSERT INTO audit_log")))
            inserts.append(sql);
    });
    const QString columns = QStringLiteral("at, actor, action, entity, entity_id, details");
    const auto row = [&](const QString &details) {
        database->insertRow(QStringLiteral("audit_log"), columns,
                            {now, QStringLiteral("me"), QStringLiteral("test"), QStringLiteral("x"),
                             QStringLiteral("1"), details});
    };
    const QString count = QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'test'");

    // Outside a bulk transaction a row is written at once.
    row(QStringLiteral("alone"));
    QCOMPARE(inserts.size(), 1);
    QCOMPARE(database->scalar(count).toInt(), 1);

    inserts.clear();
    database->inBulkTransaction([&] {
        for (int i = 0; i < 3; ++i)
            row(QStringLiteral("held %1").arg(i));
        // A statement on another table sends nothing; one naming audit_log sends the three, in
        // statements of 2 and 1 (what is short of 64 rows goes in statements of 32, 16, ... 1).
        QCOMPARE(database->scalar(QStringLiteral("SELECT count(*) FROM settings")).toInt(),
                 database->scalar(QStringLiteral("SELECT count(*) FROM settings")).toInt());
        QCOMPARE(inserts.size(), 0);
        QCOMPARE(database->scalar(count).toInt(), 4);
        QCOMPARE(inserts.size(), 2);
        QCOMPARE(inserts.first().count(u'('), 3); // the column list and 2 rows
        QCOMPARE(inserts.last().count(u'('), 2);

        // 130 rows: two statements of 64 rows go on the way, the last 2 when read.
        inserts.clear();
        for (int i = 0; i < 130; ++i)
            row(QStringLiteral("many %1").arg(i));
        QCOMPARE(inserts.size(), 2);
        QCOMPARE(inserts.first().count(u'('), 65); // the column list and 64 rows
        QCOMPARE(database->scalar(count).toInt(), 134);
    });
    QCOMPARE(database->scalar(count).toInt(), 134);

    // A bulk transaction that fails leaves nothing, neither the rows sent nor those held.
    QVERIFY_THROWS_EXCEPTION(InputError, database->inBulkTransaction([&] {
        for (int i = 0; i < 100; ++i)
            row(QStringLiteral("lost %1").arg(i));
        throw InputError(QStringLiteral("refused"));
    }));
    QCOMPARE(database->scalar(count).toInt(), 134);
    // And nothing of it is sent later by another transaction.
    database->inTransaction([&] { row(QStringLiteral("next")); });
    QCOMPARE(database->scalar(count).toInt(), 135);

    // A step that fails inside fails the whole bulk transaction at its end, even when the
    // failure was caught: nothing of it is written, neither before nor after the step.
    QVERIFY_THROWS_EXCEPTION(InputError, database->inBulkTransaction([&] {
        row(QStringLiteral("before"));
        try {
            database->inTransaction([&] {
                for (int i = 0; i < 70; ++i)
                    row(QStringLiteral("failed %1").arg(i));
                throw InputError(QStringLiteral("refused"));
            });
        } catch (const InputError &) {
        }
        row(QStringLiteral("after"));
    }));
    QCOMPARE(database->scalar(count).toInt(), 135);

    // Inside another transaction, a bulk transaction that fails is undone alone.
    database->inTransaction([&] {
        row(QStringLiteral("outer"));
        try {
            database->inBulkTransaction([&] {
                row(QStringLiteral("inner"));
                throw InputError(QStringLiteral("refused"));
            });
        } catch (const InputError &) {
        }
    });
    QCOMPARE(database->scalar(count).toInt(), 136);
    QCOMPARE(database
                 ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE details IN "
                                         "('inner', 'before', 'after')"))
                 .toInt(),
             0);
}

// What the repositories read in a bulk transaction is kept for it, as their own writes change it,
// and read afresh after it.
void TestDatabase::bulkTransactionsKeepReadsOnlyWhileTheyHold()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    SqlProductRepository products(*database);
    Product product;
    product.sku = QStringLiteral("SKU-1");
    product.name = QStringLiteral("Tea");
    product.price = Money::fromMinorUnits(100);
    const qint64 id = products.insert(product);
    int reads = 0;
    database->setStatementObserver([&](const QString &sql, const QVariantList &) {
        if (sql.startsWith(QStringLiteral("SELECT"))
            && sql.contains(QStringLiteral("FROM products")))
            ++reads;
    });
    const auto sale = [&](qint64 quantity) {
        StockMovement movement;
        movement.productId = id;
        movement.kind = StockMovementKind::Purchase;
        movement.quantity = quantity;
        movement.at = QDateTime::fromString(now, Qt::ISODate);
        products.applyStockMovement(movement);
    };
    database->inBulkTransaction([&] {
        QCOMPARE(products.findById(id)->stock, 0);
        sale(5);
        QCOMPARE(products.findById(id)->stock, 5); // kept, and moved with the movement
        QCOMPARE(reads, 1);
    });
    QCOMPARE(products.findById(id)->stock, 5);
    QCOMPARE(reads, 2); // read again
    QVERIFY_THROWS_EXCEPTION(InputError, database->inBulkTransaction([&] {
        sale(2);
        QCOMPARE(products.findById(id)->stock, 7);
        throw InputError(QStringLiteral("refused"));
    }));
    QCOMPARE(products.findById(id)->stock, 5); // the 2 were undone, and nothing kept says 7
    // Another connection's change shows: nothing is kept outside a bulk transaction.
    auto other = Database::open(location);
    other->run(QStringLiteral("UPDATE products SET stock = 42 WHERE id = ?"), {qlonglong(id)});
    QCOMPARE(products.findById(id)->stock, 42);
    QCOMPARE(database->scalar(QStringLiteral("SELECT count(*) FROM stock_movements")).toInt(), 1);
    QCOMPARE(reads, 5);
}

// In a bulk transaction on SQLite, rows held with ids given by the connection go in before the
// rows that name them, questions about them leave them held, and amounts added to a column are
// added once a row, before a statement that names the table or at the end.
void TestDatabase::bulkTransactionsGiveIdsAndHoldAmounts()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    QStringList sent; // the writing statements, as they are sent
    database->setStatementObserver([&](const QString &sql, const QVariantList &) {
        if (sql.startsWith(QStringLiteral("INSERT")) || sql.startsWith(QStringLiteral("UPDATE")))
            sent.append(sql.section(u' ', 0, 2));
    });
    const auto product = [&](qint64 id, const QString &sku) {
        database->insertRow(QStringLiteral("products"),
                            QStringLiteral("id, sku, name, price, created_at, updated_at"),
                            {id, sku, QStringLiteral("Tea"), 100, now, now});
    };
    const auto movement = [&](qint64 productId, qint64 quantity) {
        database->insertRow(QStringLiteral("stock_movements"),
                            QStringLiteral("product_id, moved_at, kind, quantity, reference, "
                                           "actor"),
                            {productId, now, QStringLiteral("purchase"), quantity,
                             QStringLiteral("test"), QStringLiteral("me")});
    };
    const QString stockOf = QStringLiteral("SELECT stock FROM products WHERE id = ?");
    product(7, QStringLiteral("FIRST")); // outside a bulk transaction: at once
    QCOMPARE(database->heldId(QStringLiteral("products")), 0);

    if (!database->isSqlite()) {
        // PostgreSQL: the server gives ids, and amounts are added at once.
        database->inBulkTransaction([&] {
            QCOMPARE(database->heldId(QStringLiteral("products")), 0);
            database->addToColumn(QStringLiteral("products"), QStringLiteral("stock"), 7, 5);
            QCOMPARE(database->heldAddition(QStringLiteral("products"), QStringLiteral("stock"), 7),
                     0);
        });
        QCOMPARE(database->scalar(stockOf, {7}).toInt(), 5);
        return;
    }
    sent.clear();
    database->inBulkTransaction([&] {
        // One more than the largest id, as SQLite gives them.
        const qint64 first = database->heldId(QStringLiteral("products"));
        QCOMPARE(first, 8);
        product(first, QStringLiteral("HELD-1"));
        const qint64 second = database->heldId(QStringLiteral("products"));
        QCOMPARE(second, 9);
        product(second, QStringLiteral("HELD-2"));
        // A question about the rows sent leaves them held; they are seen where they are held.
        QCOMPARE(database
                     ->scalarOfSent(QStringLiteral("SELECT count(*) FROM products WHERE sku = ?"),
                                    {QStringLiteral("HELD-1")})
                     .toInt(),
                 0);
        QStringList held;
        database->forEachHeldRow(QStringLiteral("products"),
                                 [&](QVariant *row) { held.append(row[1].toString()); });
        QCOMPARE(held, (QStringList{QStringLiteral("HELD-1"), QStringLiteral("HELD-2")}));
        QVERIFY(sent.isEmpty());

        // 64 movements of the held products fill a statement: the products go in first, or the
        // movements' foreign key would refuse them.
        for (int i = 0; i < 64; ++i)
            movement(i % 2 == 0 ? first : second, 1);
        QCOMPARE(sent, (QStringList{QStringLiteral("INSERT INTO products"),
                                    QStringLiteral("INSERT INTO stock_movements")}));
        held.clear();
        database->forEachHeldRow(QStringLiteral("products"),
                                 [&](QVariant *row) { held.append(row[1].toString()); });
        QVERIFY(held.isEmpty());

        // Amounts added to a row wait, summed, until a statement names the table.
        sent.clear();
        database->addToColumn(QStringLiteral("products"), QStringLiteral("stock"), first, 5);
        database->addToColumn(QStringLiteral("products"), QStringLiteral("stock"), first, 3);
        database->addToColumn(QStringLiteral("products"), QStringLiteral("stock"), second, -2);
        QCOMPARE(database->heldAddition(QStringLiteral("products"), QStringLiteral("stock"), first),
                 8);
        QVERIFY(sent.isEmpty());
        QCOMPARE(database->scalarOfSent(stockOf, {first}).toInt(), 0); // not added yet
        QCOMPARE(database->scalar(stockOf, {first}).toInt(), 8);       // added, as it is read
        QCOMPARE(sent, (QStringList{QStringLiteral("UPDATE products SET"),
                                    QStringLiteral("UPDATE products SET")}));
        QCOMPARE(database->heldAddition(QStringLiteral("products"), QStringLiteral("stock"), first),
                 0);
        QCOMPARE(database->scalar(stockOf, {second}).toInt(), -2);
        database->addToColumn(QStringLiteral("products"), QStringLiteral("stock"), second, 4);
    });
    // The rest at the end.
    QCOMPARE(database->scalar(stockOf, {9}).toInt(), 2);
    QCOMPARE(database->scalar(QStringLiteral("SELECT count(*) FROM stock_movements")).toInt(), 64);

    // What a bulk transaction that fails held is never sent, and its ids are given again.
    QVERIFY_THROWS_EXCEPTION(InputError, database->inBulkTransaction([&] {
        const qint64 id = database->heldId(QStringLiteral("products"));
        QCOMPARE(id, 10);
        product(id, QStringLiteral("LOST"));
        database->addToColumn(QStringLiteral("products"), QStringLiteral("stock"), 7, 100);
        throw InputError(QStringLiteral("refused"));
    }));
    QCOMPARE(database->scalar(stockOf, {7}).toInt(), 0);
    database->inBulkTransaction(
        [&] { QCOMPARE(database->heldId(QStringLiteral("products")), 10); });
    QCOMPARE(database->scalar(QStringLiteral("SELECT count(*) FROM products")).toInt(), 3);
}

void TestDatabase::settingsStoreAndAudit()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    database->setActor(QStringLiteral("测试员"));
    SqlSettingsRepository repository(*database);
    SqlAuditLog audit(*database);
    ShopSettings settings(repository, audit, *database);
    settings.setValue(ShopSettings::commissionLevelsKey, QStringLiteral("3"));
    settings.setValue(ShopSettings::shopNameKey, QStringLiteral("小美的店"));
    QVERIFY_THROWS_EXCEPTION(
        InputError, settings.setValue(ShopSettings::commissionLevelsKey, QStringLiteral("4")));
    QCOMPARE(settings.commissionLevels(), 3);
    QCOMPARE(settings.shopName(), QStringLiteral("小美的店"));
    QCOMPARE(database->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 2);
    QCOMPARE(database
                 ->scalar(QStringLiteral("SELECT actor FROM audit_log WHERE entity_id = ?"),
                          {ShopSettings::commissionLevelsKey})
                 .toString(),
             QStringLiteral("测试员"));
}

void TestDatabase::backupAndRestoreRoundTrip()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    fillShop(*database);
    const QStringList before = dump(*database, {QStringLiteral("audit_log")});
    const QString backup = m_databases.scratchPath(
        QStringLiteral("round-trip-%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
    BackupService::backup(*database, backup);
    QCOMPARE(BackupService::verify(backup), Migrations::latestVersion());

    // Change everything, then restore.
    database->inTransaction([&] {
        database->exec(QStringLiteral("UPDATE settings SET value = 'changed'"));
        database->exec(QStringLiteral("INSERT INTO products (sku, name, price, created_at, "
                                      "updated_at) VALUES ('NEW', 'new', 1, '', '')"));
        database->exec(QStringLiteral("DELETE FROM commission_entries WHERE payout_id IS NULL"));
    });
    BackupService::restore(*database, backup);
    QCOMPARE(dump(*database, {QStringLiteral("audit_log")}), before);
    QCOMPARE(database
                 ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                         "'database.restore'"))
                 .toInt(),
             1);
    QVERIFY(DatabaseCheck::findings(*database).isEmpty());

    // New rows get fresh ids after a restore (PostgreSQL's sequences were moved on).
    database->exec(QStringLiteral("INSERT INTO products (sku, name, price, created_at, "
                                  "updated_at) VALUES ('AFTER', 'after', 1, '', '')"));
    QCOMPARE(database->scalar(QStringLiteral("SELECT count(*) FROM products")).toInt(), 2);
}

void TestDatabase::restoreRefusesBadBackups_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("hint");
    QTest::newRow("missing file") << "missing"
                                  << "no such file";
    QTest::newRow("text file") << "text"
                               << "not an SQLite database";
    QTest::newRow("other program") << "other"
                                   << "not a MicroShop database";
    QTest::newRow("newer schema") << "newer"
                                  << "newer MicroShop";
    QTest::newRow("damaged") << "damaged"
                             << "";
}

void TestDatabase::restoreRefusesBadBackups()
{
    QFETCH(QString, kind);
    QFETCH(QString, hint);
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    fillShop(*database);
    const QStringList before = dump(*database);

    const QString file = m_databases.scratchPath(QStringLiteral("bad-%1.db").arg(kind));
    if (kind == u"text") {
        QFile text(file);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("hello");
    } else if (kind == u"other") {
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                           QStringLiteral("other"));
            other.setDatabaseName(file);
            QVERIFY(other.open());
            QSqlQuery(other).exec(QStringLiteral("CREATE TABLE foo (x INTEGER)"));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    } else if (kind == u"newer" || kind == u"damaged") {
        BackupService::backup(*database, file);
        if (kind == u"newer") {
            auto copy = Database::open(DatabaseLocation::sqliteFile(file));
            copy->exec(QStringLiteral("INSERT INTO schema_version VALUES (999, 'future', '')"));
        } else {
            // Overwrite the middle of the file: pages of tables and indexes.
            QFile damaged(file);
            QVERIFY(damaged.open(QIODevice::ReadWrite));
            const qint64 size = damaged.size();
            QVERIFY(size > 8192);
            damaged.seek(4096);
            damaged.write(QByteArray(int(size - 8192), '\x5a'));
        }
    }
    try {
        BackupService::restore(*database, file);
        QFAIL("restored a bad backup");
    } catch (const InputError &error) {
        QVERIFY2(error.message().contains(hint), qPrintable(error.message()));
        QVERIFY(error.message().contains(QStringLiteral("not touched")));
    }
    QCOMPARE(dump(*database), before);
}

void TestDatabase::checkFindsBrokenInvariants()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    fillShop(*database);
    QCOMPARE(DatabaseCheck::findings(*database), QStringList());

    database->exec(QStringLiteral("UPDATE products SET stock = 5 WHERE sku = 'TEA-01'"));
    database->exec(QStringLiteral("UPDATE payouts SET amount = 9999"));
    database->exec(QStringLiteral("UPDATE orders SET goods_total = 1"));
    // A commission turned into a reversal of as much: the order's entries for that distributor
    // and level now add up below zero.
    database->exec(QStringLiteral("UPDATE commission_entries SET kind = 'reversal', amount = "
                                  "-amount WHERE id = (SELECT max(id) FROM commission_entries)"));
    const QStringList findings = DatabaseCheck::findings(*database);
    QCOMPARE(findings.size(), 4);
    QVERIFY(findings.at(0).contains(QStringLiteral("TEA-01")));
    QVERIFY(findings.at(0).contains(QStringLiteral("stock 5")));
    QVERIFY(findings.at(0).contains(QStringLiteral("add up to 8")));
    QVERIFY(findings.at(1).contains(QStringLiteral("SO-1")));
    QVERIFY(findings.at(2).contains(QStringLiteral("payout")));
    QVERIFY2(findings.at(3).contains(QStringLiteral("reverses more than")),
             qPrintable(findings.at(3)));
}

void TestDatabase::dailyBackupsKeepFourteen()
{
    FRESH_LOCATION(location);
    auto database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    if (!database->isSqlite()) {
        // A team server is backed up by whoever runs it: the app makes no local copies of it.
        QCOMPARE(BackupService::makeDailyBackup(*database, QDate(2026, 11, 1)), QString());
        QVERIFY(BackupService::dailyBackups(location).isEmpty());
        return;
    }
    const QDate first(2026, 11, 1);
    for (int day = 0; day < 16; ++day)
        QVERIFY(!BackupService::makeDailyBackup(*database, first.addDays(day)).isEmpty());
    QCOMPARE(BackupService::makeDailyBackup(*database, first.addDays(15)),
             QString()); // today's exists
    const QStringList backups = BackupService::dailyBackups(location);
    QCOMPARE(backups.size(), BackupService::automaticBackupsKept);
    QVERIFY(backups.constFirst().endsWith(QStringLiteral("microshop-2026-11-16.db")));
    QVERIFY(backups.constLast().endsWith(QStringLiteral("microshop-2026-11-03.db")));
    QCOMPARE(BackupService::verify(backups.constFirst()), Migrations::latestVersion());
}

void TestDatabase::wrongPasswordAndUnreachableServer()
{
    FRESH_LOCATION(location);
    if (location.isSqlite()) {
        // A file where no folder can be made.
        try {
            Database::open(DatabaseLocation::sqliteFile(QStringLiteral("/proc/microshop/shop.db")),
                           Database::OpenMode::CreateOrUpgrade);
            QFAIL("opened a database where none can be");
        } catch (const DatabaseError &error) {
            QCOMPARE(error.reason(), DatabaseError::Reason::Unreachable);
        }
        return;
    }
    try {
        Database::open(*DatabaseLocation::parse(m_databases.withWrongPassword(location)));
        QFAIL("connected with a wrong password");
    } catch (const DatabaseError &error) {
        QCOMPARE(error.reason(), DatabaseError::Reason::Unreachable);
        QVERIFY2(error.message().contains(QStringLiteral("password")), qPrintable(error.message()));
    }
    try {
        Database::open(*DatabaseLocation::parse(QStringLiteral("postgresql://u@127.0.0.1:1/x")));
        QFAIL("connected to a closed port");
    } catch (const DatabaseError &error) {
        QCOMPARE(error.reason(), DatabaseError::Reason::Unreachable);
    }
}

MICROSHOP_TEST_GUILESS_MAIN(TestDatabase)
// A person's password goes to the server as a SCRAM-SHA-256 verifier (TeamDirectory), never as
// text. Its PBKDF2 is MicroShop's own: checked against Python's hashlib (pbkdf2_hmac, hmac) on
// the salt of RFC 7677's example; sign-ins with such verifiers are tested on the server itself
// (tst_cli_team, tst_roles).
void TestDatabase::scramVerifiersAreSalted()
{
    const QByteArray salt = QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ==");
    QCOMPARE(TeamDirectory::scramVerifier(QStringLiteral("pencil"), salt),
             QStringLiteral("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$"
                            "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:"
                            "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU="));
    // Without a salt, a new random one each time: the same password, two verifiers.
    const QString first = TeamDirectory::scramVerifier(QStringLiteral("pencil"));
    QVERIFY(first.startsWith(QStringLiteral("SCRAM-SHA-256$4096:")));
    QVERIFY(first != TeamDirectory::scramVerifier(QStringLiteral("pencil")));
}

#include "tst_database.moc"
