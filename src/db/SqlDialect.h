#pragma once

#include "DatabaseLocation.h"

#include <QString>

namespace MicroShop {

// The few places where SQLite and PostgreSQL SQL differ, so that one schema serves both.
class SqlDialect final
{
public:
    explicit SqlDialect(DatabaseLocation::Backend backend)
        : m_backend(backend)
    {}

    bool isSqlite() const { return m_backend == DatabaseLocation::Backend::Sqlite; }

    // Replaces {id} (an auto-numbered 64-bit primary key) and {blob} (binary data).
    QString translate(QString statement) const;

private:
    DatabaseLocation::Backend m_backend;
};

} // namespace MicroShop
