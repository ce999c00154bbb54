#pragma once

#include "Error.h"
#include "ImportRows.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace MicroShop {

class ImportSheet;
struct ShopContext;

// Applies checked import records through the shop's services, inside the caller's transaction:
// a record a service refuses is blamed on its row in the sheet and the error goes up, so that
// the caller rolls the whole import back.
class ImportApplier final
{
    // Its messages were written in ShopImporter and are translated under that name.
    Q_DECLARE_TR_FUNCTIONS(ShopImporter)

public:
    // progress: told of every hundred records applied; false cancels (throws Cancelled).
    // now: when the products' stock movements happen.
    ImportApplier(ShopContext &shop, ImportSheet &sheet, ProgressCallback progress, QDateTime now);

    void apply(const QList<ProductRow> &rows);
    void apply(const QList<CustomerRow> &rows);
    void apply(const QList<DistributorRow> &rows); // uplines before their team
    // The orders one at a time, in the order their effects happen: done of total before it.
    void apply(const OrderRow &order, qint64 done, qint64 total);

    int created() const { return m_created; }
    int updated() const { return m_updated; }

private:
    void advance(qint64 done, qint64 total) const;
    void applyDistributor(const DistributorRow &row);
    // Runs one service call for a row; what it refuses is blamed on the row's column.
    template<typename Work>
    void blaming(const CsvRecord &record, const QString &column, Work work);
    static OrderHistory history(const OrderRow &order);

    ShopContext &m_shop;
    ImportSheet &m_sheet;
    ProgressCallback m_progress;
    QDateTime m_now;
    int m_created = 0;
    int m_updated = 0;
};

} // namespace MicroShop
