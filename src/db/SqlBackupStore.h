#pragma once

#include "Repositories.h"

namespace MicroShop {

class Database;

// BackupStore over an open Database and BackupService.
class SqlBackupStore final : public BackupStore
{
public:
    explicit SqlBackupStore(Database &database)
        : m_database(database)
    {}

    QString databaseName() const override;
    int schemaVersion() const override;
    bool isLocalFile() const override;
    QStringList dailyBackups() const override;
    void backupTo(const QString &file) override;
    void restoreFrom(const QString &file) override;
    QList<CopiedTable> copyTo(const QString &location,
                              const std::function<bool(qint64, qint64)> &progress) override;

private:
    Database &m_database;
};

} // namespace MicroShop
