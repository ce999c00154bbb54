#include "SqlBackupStore.h"

#include "BackupService.h"
#include "Database.h"

namespace MicroShop {

QString SqlBackupStore::databaseName() const
{
    return m_database.location().displayName();
}

int SqlBackupStore::schemaVersion() const
{
    return m_database.schemaVersion();
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

} // namespace MicroShop
