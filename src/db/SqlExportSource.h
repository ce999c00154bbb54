#pragma once

#include "ExportSource.h"

namespace MicroShop {

class Database;

// ExportSource over SQL: one forward-only query per file.
class SqlExportSource final : public ExportSource
{
public:
    explicit SqlExportSource(Database &database)
        : m_database(database)
    {}

    void read(ExportKind kind, const std::function<bool(const QStringList &)> &row) override;
    qint64 readShipping(const QList<qint64> &orderIds,
                        const std::function<bool(const QStringList &)> &row) override;

private:
    Database &m_database;
};

} // namespace MicroShop
