#include "CustomerListModel.h"

#include "Customer.h"

namespace MicroShop {

QString CustomerListModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case WeChat:
        return tr("WeChat ID");
    case Remark:
        return tr("WeChat remark");
    case Channel:
        return tr("Channel");
    case Distributor:
        return tr("Distributor");
    case LastOrder:
        return tr("Last order");
    case Tags:
        return tr("Tags");
    }
    return QString();
}

QVariant CustomerListModel::displayValue(const QVariantList &row, int column) const
{
    if (column == Channel) {
        const auto channel = Channels::fromCode(cell(row, column).toString());
        return channel ? Channels::displayName(*channel) : cell(row, column).toString();
    }
    if (column == Tags)
        return cell(row, column).toString().replace(u';', QStringLiteral(", "));
    return PagedTableModel::displayValue(row, column);
}

} // namespace MicroShop
