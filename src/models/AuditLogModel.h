#pragma once

#include "PagedTableModel.h"

namespace MicroShop {

// The audit log: when, who, what kind of change, about what, and what changed (old -> new).
class AuditLogModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { Time, User, Kind, Subject, Details };

    using PagedTableModel::PagedTableModel;

protected:
    QString columnTitle(int column) const override;
    QVariant displayValue(const QVariantList &row, int column) const override;
    QVariant roleValue(const QVariantList &row, int column, int role) const override;
};

} // namespace MicroShop
