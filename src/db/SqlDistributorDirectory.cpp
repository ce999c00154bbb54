#include "SqlDistributorDirectory.h"

#include "SqlDistributorRepository.h"

namespace MicroShop {

std::optional<qint64> SqlDistributorDirectory::idOfCode(const QString &code) const
{
    // Through the repository, which keeps the row it read inside a bulk transaction: the order
    // then checks its distributor and reads its chain by id.
    const auto distributor = m_repository.findByCode(code);
    if (!distributor)
        return std::nullopt;
    return distributor->id;
}

QString SqlDistributorDirectory::codeOf(qint64 id) const
{
    if (id == 0)
        return QString();
    const auto distributor = m_repository.findById(id);
    return distributor ? distributor->code : QString();
}

} // namespace MicroShop
