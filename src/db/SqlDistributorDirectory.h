#pragma once

#include "ShopRepositories.h"

namespace MicroShop {

class SqlDistributorRepository;

// Distributor codes and ids, as the orders and customers need them. A code by id is read through
// the repository, which keeps what it read for the length of a bulk transaction (an import asks
// for the code of each order's seller).
class SqlDistributorDirectory final : public DistributorDirectory
{
public:
    explicit SqlDistributorDirectory(const SqlDistributorRepository &repository)
        : m_repository(repository)
    {}

    std::optional<qint64> idOfCode(const QString &code) const override;
    QString codeOf(qint64 id) const override;

private:
    const SqlDistributorRepository &m_repository;
};

} // namespace MicroShop
