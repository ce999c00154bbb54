#include "Distributor.h"

namespace MicroShop {

QList<DistributorStatus> DistributorStatuses::all()
{
    return {DistributorStatus::Active, DistributorStatus::Suspended, DistributorStatus::Left};
}

QString DistributorStatuses::code(DistributorStatus status)
{
    switch (status) {
    case DistributorStatus::Active:
        return QStringLiteral("active");
    case DistributorStatus::Suspended:
        return QStringLiteral("suspended");
    case DistributorStatus::Left:
        return QStringLiteral("left");
    }
    return QString();
}

std::optional<DistributorStatus> DistributorStatuses::fromCode(const QString &code)
{
    for (const DistributorStatus status : all()) {
        if (DistributorStatuses::code(status) == code)
            return status;
    }
    return std::nullopt;
}

QString DistributorStatuses::displayName(DistributorStatus status)
{
    switch (status) {
    case DistributorStatus::Active:
        return tr("Active");
    case DistributorStatus::Suspended:
        return tr("Suspended");
    case DistributorStatus::Left:
        return tr("Left");
    }
    return QString();
}

} // namespace MicroShop
