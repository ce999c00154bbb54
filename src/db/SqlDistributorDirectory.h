#pragma once

#include "ShopRepositories.h"

namespace MicroShop {

class Database;

// Distributor codes and ids, as the orders and customers need them.
class SqlDistributorDirectory final : public DistributorDirectory
{
public:
    explicit SqlDistributorDirectory(Database &database)
        : m_database(database)
    {}

    std::optional<qint64> idOfCode(const QString &code) const override;
    QString codeOf(qint64 id) const override;

private:
    Database &m_database;
};

} // namespace MicroShop
