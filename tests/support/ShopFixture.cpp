#include "ShopFixture.h"

#include "Error.h"

#include <QFile>

namespace MicroShop::Testing {

bool ShopFixture::newDatabase()
{
    closeShop();
    m_error.clear();
    m_db = m_databases.freshText(&m_error);
    return m_error.isEmpty();
}

bool ShopFixture::newShopByCli()
{
    if (!newDatabase())
        return false;
    const CliResult init = cli({QStringLiteral("init")});
    if (init.status != 0)
        m_error = QStringLiteral("microshop-cli init: ") + init.err;
    return init.status == 0;
}

bool ShopFixture::newShop()
{
    return newDatabase() && open(Database::OpenMode::CreateOrUpgrade);
}

bool ShopFixture::openShop()
{
    closeShop();
    return open(Database::OpenMode::ExistingCurrent);
}

void ShopFixture::closeShop()
{
    m_shop.reset();
}

bool ShopFixture::open(Database::OpenMode mode)
{
    m_error.clear();
    try {
        m_shop = std::make_unique<Shop>(Database::open(*DatabaseLocation::parse(m_db), mode));
    } catch (const Error &error) {
        m_error = error.message();
    }
    return m_shop != nullptr;
}

CliResult ShopFixture::cli(const QStringList &arguments,
                           const QProcessEnvironment &environment) const
{
    return runCli(QStringList{QStringLiteral("--db"), m_db} + arguments, environment);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace MicroShop::Testing
