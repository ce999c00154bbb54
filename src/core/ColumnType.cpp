#include "ColumnType.h"

#include <QHash>

namespace MicroShop {

namespace {

// Every column that is not text, by name: the exports (csv.md, ExportSource), the shipping
// batch file (platforms.md) and the reports (cli.md, ReportCatalog). A new column that holds
// a number, an amount or a date gets its row here.
const QHash<QString, ColumnType> &typedColumns()
{
    static const QHash<QString, ColumnType> table = [] {
        QHash<QString, ColumnType> types;
        for (const char *name :
             {"quantity", "stock", "low_stock", "active", "rate1", "rate2", "rate3", "level",
              "entries", "payout_id", "weight_kg", "orders", "depth", "team_size", "days"})
            types.insert(QString::fromLatin1(name), ColumnType::Number);
        for (const char *name :
             {"price", "cost", "unit_price", "discount", "shipping_fee", "amount", "gross",
              "refunds", "net", "margin", "value", "order_amount", "direct_sales", "team_sales",
              "earned", "reversed", "settled", "pending", "available"})
            types.insert(QString::fromLatin1(name), ColumnType::Money);
        for (const char *name :
             {"date", "paid_at", "shipped_at", "completed_at", "joined", "last_order"})
            types.insert(QString::fromLatin1(name), ColumnType::DateTime);
        return types;
    }();
    return table;
}

} // namespace

ColumnType ColumnTypes::of(const QString &column)
{
    return typedColumns().value(column, ColumnType::Text);
}

QList<ColumnType> ColumnTypes::of(const QStringList &columns)
{
    QList<ColumnType> types;
    types.reserve(columns.size());
    for (const QString &column : columns)
        types.append(of(column));
    return types;
}

} // namespace MicroShop
