#pragma once

#include "CliRunner.h"
#include "Shop.h"
#include "TestDatabases.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace MicroShop::Testing {

// A fresh shop on the backend under test ($MICROSHOP_TEST_BACKEND), the built microshop-cli bound
// to it (--db) and a scratch folder for the files a test writes: what the command-line and
// document tests stand on. A test asks for a new database, made the way it needs (left empty, by
// `microshop-cli init`, or opened through Shop as the app opens one), and may make several; the
// CLI runs on the latest. Each step says false and error() when the backend cannot do it.
class ShopFixture final
{
public:
    ShopFixture() = default;
    ShopFixture(const ShopFixture &) = delete;
    ShopFixture &operator=(const ShopFixture &) = delete;

    bool newDatabase();  // a new database with nothing in it, not even the schema
    bool newShopByCli(); // a new database made a shop by `microshop-cli init`, as a script does
    bool newShop();      // a new database made a shop and opened here: shop(), services()...
    bool openShop();     // opens the latest database, a shop already, here
    void closeShop();    // closes it here; the database stays for the CLI

    const QString &error() const { return m_error; }
    bool isPostgres() const { return m_databases.isPostgres(); }
    const QString &db() const { return m_db; } // the latest database as a --db argument

    // The shop opened here; only between newShop() or openShop() and closeShop().
    Shop &shop() { return *m_shop; }
    ShopServices &services() { return m_shop->services; }
    Database &database() { return *m_shop->database; }

    // microshop-cli --db db() ARGUMENTS.
    CliResult cli(const QStringList &arguments, const QProcessEnvironment &environment = {}) const;

    TestDatabases &databases() { return m_databases; }
    QString scratchPath(const QString &name) const { return m_databases.scratchPath(name); }

private:
    bool open(Database::OpenMode mode);

    TestDatabases m_databases;
    QString m_db;
    QString m_error;
    std::unique_ptr<Shop> m_shop;
};

// A file's bytes (empty when it cannot be read), and a file written whole (false when it cannot).
QByteArray readFile(const QString &path);
[[nodiscard]] bool writeFile(const QString &path, const QByteArray &bytes);

} // namespace MicroShop::Testing
