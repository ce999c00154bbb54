#include "CommissionListModel.h"

#include <QBrush>
#include <QColor>

namespace MicroShop {

QString CommissionListModel::stateName(const QString &code)
{
    if (code == u"settled")
        return tr("Settled");
    if (code == u"available")
        return tr("Available");
    return tr("Pending");
}

QString CommissionListModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Date:
        return tr("Date");
    case OrderNo:
        return tr("Order no.");
    case Distributor:
        return tr("Distributor");
    case Level:
        return tr("Level");
    case Amount:
        return tr("Amount");
    case State:
        return tr("State");
    case AvailableOn:
        return tr("Available on");
    case Payout:
        return tr("Payout");
    }
    return QString();
}

QVariant CommissionListModel::displayValue(const QVariantList &row, int column) const
{
    if (column == Amount)
        return money(cell(row, column));
    if (column == State)
        return stateName(cell(row, column).toString());
    if (column == Date)
        return cell(row, column).toString().left(10); // the day of its time
    return PagedTableModel::displayValue(row, column);
}

QVariant CommissionListModel::roleValue(const QVariantList &row, int column, int role) const
{
    if (column == Amount && role == Qt::ForegroundRole && cell(row, column).toLongLong() < 0)
        return QBrush(QColor(0xc0, 0x39, 0x2b));
    return {};
}

bool CommissionListModel::isNumeric(int column) const
{
    return column == Amount || column == Level;
}

QString PayoutListModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Id:
        return tr("Payout");
    case Code:
        return tr("Distributor");
    case Name:
        return tr("Name");
    case PeriodEnd:
        return tr("Up to");
    case Amount:
        return tr("Amount");
    case Entries:
        return tr("Entries");
    case CreatedAt:
        return tr("Made");
    }
    return QString();
}

QVariant PayoutListModel::displayValue(const QVariantList &row, int column) const
{
    if (column == Amount)
        return money(cell(row, column));
    if (column == CreatedAt)
        return cell(row, column).toString().left(16);
    return PagedTableModel::displayValue(row, column);
}

bool PayoutListModel::isNumeric(int column) const
{
    return column == Amount || column == Entries || column == Id;
}

} // namespace MicroShop
