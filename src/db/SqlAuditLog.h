#pragma once

#include "Repositories.h"

namespace MicroShop {

class Database;

// The audit log as rows of audit_log, naming the database's current actor.
class SqlAuditLog final : public AuditLog
{
public:
    explicit SqlAuditLog(Database &database)
        : m_database(database)
    {}

    void append(const AuditEntry &entry) override;

private:
    Database &m_database;
};

} // namespace MicroShop
