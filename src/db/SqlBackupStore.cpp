#include "SqlBackupStore.h"

#include "BackupService.h"
#include "Database.h"
#include "DatabaseLocation.h"

#include "Error.h"

namespace MicroShop {

QString SqlBackupStore::databaseName() const
{
    return m_database.location().displayName();
}

int SqlBackupStore::schemaVersion() const
{
    return m_database.schemaVersion();
}

bool SqlBackupStore::isLocalFile() const
{
    return m_database.isSqlite();
}

QStringList SqlBackupStore::dailyBackups() const
{
    return BackupService::dailyBackups(m_database.location());
}

void SqlBackupStore::backupTo(const QString &file)
{
    BackupService::backup(m_database, file);
}

void SqlBackupStore::restoreFrom(const QString &file)
{
    BackupService::restore(m_database, file);
}

QList<CopiedTable> SqlBackupStore::copyTo(const QString &location,
                                          const std::function<bool(qint64, qint64)> &progress)
{
    QString why;
    const auto target = DatabaseLocation::parse(location, &why);
    if (!target)
        throw InputError(why);
    return BackupService::copyTo(m_database, *target, progress);
}

} // namespace MicroShop
