#include "SqlSettingsRepository.h"

#include "Database.h"

namespace MicroShop {

std::optional<QString> SqlSettingsRepository::find(const QString &key) const
{
    return m_read.get(key, [this](const QString &wanted) {
        std::optional<QString> found;
        m_database.forEachRow(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {wanted},
                              [&found](const SqlRow &row) { found = row.value(0).toString(); });
        return found;
    });
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
    m_read.forget(key);
    // ON CONFLICT ... DO UPDATE is understood by SQLite (3.24+) and PostgreSQL alike.
    m_database.run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                   {key, value});
}

} // namespace MicroShop
