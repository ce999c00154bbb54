#include "SqlSettingsRepository.h"

#include "Database.h"

namespace MicroShop {

std::optional<QString> SqlSettingsRepository::find(const QString &key) const
{
    QSqlQuery query = m_database.exec(QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                                      {key});
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString();
}

QList<std::pair<QString, QString>> SqlSettingsRepository::all() const
{
    QList<std::pair<QString, QString>> result;
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT key, value FROM settings ORDER BY key"));
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString()});
    return result;
}

void SqlSettingsRepository::store(const QString &key, const QString &value)
{
    // ON CONFLICT ... DO UPDATE is understood by SQLite (3.24+) and PostgreSQL alike.
    m_database.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                    {key, value});
}

} // namespace MicroShop
