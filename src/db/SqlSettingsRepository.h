#pragma once

#include "BulkReadCache.h"
#include "Repositories.h"

namespace MicroShop {

class Database;

// Shop settings stored as key/value rows of the settings table.
class SqlSettingsRepository final : public SettingsRepository
{
public:
    explicit SqlSettingsRepository(Database &database)
        : m_database(database)
        , m_read(database)
    {}

    std::optional<QString> find(const QString &key) const override;
    QList<std::pair<QString, QString>> all() const override;
    void store(const QString &key, const QString &value) override;

private:
    Database &m_database;
    mutable BulkReadCache<QString, QString> m_read; // by key
};

} // namespace MicroShop
