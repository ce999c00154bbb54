#pragma once

#include "ColumnType.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace MicroShop {

// The files `export` writes (csv.md), by the name the command line uses.
// Shipping is the courier batch file of platforms.md: one row per paid order not yet shipped.
enum class ExportKind {
    Products,
    Customers,
    Orders,
    Stock,
    Distributors,
    Commissions,
    Payouts,
    Shipping
};

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
    // The Shipping rows of the orders given by id, in the order given, of those that are paid
    // and not shipped yet; returns how many ids were left out (not paid, shipped, unknown).
    // Reads the orders a few hundred at a time, so a million ids stream like read() does.
    virtual qint64 readShipping(const QList<qint64> &orderIds,
                                const std::function<bool(const QStringList &)> &row)
        = 0;
};

// The Shipping file of a selection of orders (the Orders page's batch action), as an
// ExportSource that ShopExporter writes like any other kind:
//     ShippingSelection selection(shop.exports, ids);
//     ShopExporter(selection).exportToFile(ExportKind::Shipping, path);
//     selection.leftOut(); // how many of the ids were not paid and unshipped
// Any other kind reads the whole shop, as the source it wraps.
class ShippingSelection final : public ExportSource
{
public:
    ShippingSelection(ExportSource &source, QList<qint64> orderIds)
        : m_source(source)
        , m_orderIds(std::move(orderIds))
    {}

    void read(ExportKind kind, const std::function<bool(const QStringList &)> &row) override;
    qint64 readShipping(const QList<qint64> &orderIds,
                        const std::function<bool(const QStringList &)> &row) override
    {
        return m_source.readShipping(orderIds, row);
    }
    qint64 leftOut() const { return m_leftOut; } // after read(ExportKind::Shipping)

private:
    ExportSource &m_source;
    QList<qint64> m_orderIds;
    qint64 m_leftOut = 0;
};

} // namespace MicroShop
