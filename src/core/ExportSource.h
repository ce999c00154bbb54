#pragma once

#include "ColumnType.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace MicroShop {

// The files `export` writes (csv.md), by the name the command line uses.
enum class ExportKind { Products, Customers, Orders, Stock, Distributors, Commissions, Payouts };

// Rows of an export as text in csv.md's forms (money 12.30, rates 7.5, dates YYYY-MM-DD HH:MM:SS),
// read straight from storage so that a million rows stream without being held in memory.
class ExportSource
{
public:
    virtual ~ExportSource() = default;
    static QStringList columns(ExportKind kind); // csv.md's header, in order
    // What each column holds, for a workbook's cells (ColumnTypes' one table, by name).
    static QList<ColumnType> columnTypes(ExportKind kind) { return ColumnTypes::of(columns(kind)); }
    static QString name(ExportKind kind); // "orders", as the command line names it
    static std::optional<ExportKind> kindOf(const QString &name);
    // Calls row() for each row in a stable order (by key); stops early when it returns false.
    virtual void read(ExportKind kind, const std::function<bool(const QStringList &)> &row) = 0;
};

} // namespace MicroShop
