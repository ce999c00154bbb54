#include "AuditLogModel.h"

#include "AuditTrail.h"

namespace MicroShop {

QString AuditLogModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Kind:
        return tr("Kind");
    case Subject:
        return tr("Subject");
    case Details:
        return tr("What changed");
    }
    return QString();
}

QVariant AuditLogModel::displayValue(const QVariantList &row, int column) const
{
    // The Kind column holds the action ("order.cancel"): its first part is the kind, the rest
    // leads the details.
    const QString action = cell(row, Kind).toString();
    if (column == Kind)
        return AuditTrail::kindName(AuditTrail::kindOf(action));
    if (column == Details)
        return AuditTrail::details(action, cell(row, Details).toString());
    return PagedTableModel::displayValue(row, column);
}

QVariant AuditLogModel::roleValue(const QVariantList &row, int column, int role) const
{
    if (column == Details && role == Qt::ToolTipRole) // each field changed on a line of its own
        return AuditTrail::details(cell(row, Kind).toString(), cell(row, Details).toString())
            .replace(QStringLiteral("; "), QStringLiteral("\n"));
    return {};
}

} // namespace MicroShop
