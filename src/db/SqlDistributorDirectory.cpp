#include "SqlDistributorDirectory.h"

#include "Database.h"
#include "SqlDistributorRepository.h"

namespace MicroShop {

std::optional<qint64> SqlDistributorDirectory::idOfCode(const QString &code) const
{
    const QVariant id = m_database.scalar(
        QStringLiteral("SELECT id FROM distributors WHERE code = ?"), {code});
    if (!id.isValid())
        return std::nullopt;
    return id.toLongLong();
}

QString SqlDistributorDirectory::codeOf(qint64 id) const
{
    if (id == 0)
        return QString();
    const auto distributor = m_repository.findById(id);
    return distributor ? distributor->code : QString();
}

} // namespace MicroShop
