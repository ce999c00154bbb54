#include "SqlAuditLog.h"

#include "Database.h"

#include "Dates.h"

namespace MicroShop {

namespace {

// The audit columns are NOT NULL; a null QString would bind as NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

void SqlAuditLog::append(const AuditEntry &entry)
{
    m_database.insertRow(QStringLiteral("audit_log"),
                         QStringLiteral("at, actor, action, entity, entity_id, details"),
                         {Dates::toText(Dates::now()), text(m_database.actor()), text(entry.action),
                          text(entry.entity), text(entry.entityId), text(entry.details)});
}

} // namespace MicroShop
