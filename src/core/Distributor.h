#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace MicroShop {

enum class DistributorStatus { Active, Suspended, Left };

class DistributorStatuses final
{
    Q_DECLARE_TR_FUNCTIONS(DistributorStatuses)

public:
    static QList<DistributorStatus> all();
    static QString code(DistributorStatus status);
    static std::optional<DistributorStatus> fromCode(const QString &code);
    static QString displayName(DistributorStatus status);
};

// A distributor of the forest (domain.md "Distributors"); a root has no upline and depth 1.
struct Distributor
{
    qint64 id = 0;
    // The record's row_version when read: a save over a newer one is refused (StaleError). 0 on
    // a new record, and for a save over whatever is stored (an import by its code).
    qint64 version = 0;
    QString code;
    QString name;
    QString phone;
    QString wechat;
    DistributorStatus status = DistributorStatus::Active;
    QDate joined;
    QString notes;
    qint64 uplineId = 0; // 0: a root
    int depth = 1;
};

} // namespace MicroShop
