#include "ImportApplier.h"

#include "CsvReader.h"
#include "ImportSheet.h"

#include "CatalogService.h"
#include "CustomerService.h"
#include "DistributorService.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QSet>

namespace MicroShop {

ImportApplier::ImportApplier(ShopContext &shop, ImportSheet &sheet, ProgressCallback progress,
                             QDateTime now)
    : m_shop(shop)
    , m_sheet(sheet)
    , m_progress(std::move(progress))
    , m_now(std::move(now))
{}

void ImportApplier::advance(qint64 done, qint64 total) const
{
    if (m_progress && done % 100 == 0 && !m_progress(done, total))
        throw Cancelled(tr("The import was cancelled; nothing of it was saved."));
}

template<typename Work>
void ImportApplier::blaming(const CsvRecord &record, const QString &column, Work work)
{
    try {
        work();
    } catch (const ValidationError &error) {
        m_sheet.problems(record, error.problems());
        throw;
    } catch (const InputError &error) {
        m_sheet.error(record, column, error.message());
        throw;
    }
}

void ImportApplier::apply(const QList<ProductRow> &rows)
{
    qint64 applied = 0;
    for (const ProductRow &row : rows) {
        advance(applied++, rows.size());
        blaming(*row.record, QStringLiteral("sku"),
                [&] { m_shop.catalog.createOrUpdate(row.product, m_now); });
        (row.isNew ? m_created : m_updated) += 1;
    }
}

void ImportApplier::apply(const QList<CustomerRow> &rows)
{
    qint64 applied = 0;
    for (const CustomerRow &row : rows) {
        advance(applied++, rows.size());
        blaming(*row.record, QStringLiteral("code"),
                [&] { m_shop.customers.createOrUpdate(row.customer); });
        (row.isNew ? m_created : m_updated) += 1;
    }
}

// Uplines first, so that every move lands on a tree without cycles.
void ImportApplier::apply(const QList<DistributorRow> &rows)
{
    QSet<QString> inFile;
    for (const DistributorRow &row : rows)
        inFile.insert(row.distributor.code);
    QSet<QString> done;
    QList<DistributorRow> pending = rows;
    while (!pending.isEmpty()) {
        const qsizetype before = pending.size();
        for (auto it = pending.begin(); it != pending.end();) {
            if (!it->upline.isEmpty() && inFile.contains(it->upline)
                && !done.contains(it->upline)) {
                ++it;
                continue;
            }
            advance(done.size(), rows.size());
            applyDistributor(*it);
            done.insert(it->distributor.code);
            it = pending.erase(it);
        }
        if (pending.size() == before)
            throw InputError(tr("the uplines of this file cannot be put in order."));
    }
}

void ImportApplier::applyDistributor(const DistributorRow &row)
{
    blaming(*row.record, QStringLiteral("upline"), [&] {
        Distributor distributor = row.distributor;
        if (row.isNew) {
            const DistributorDirectory &directory = m_shop.distributors;
            distributor.uplineId = row.upline.isEmpty() ? 0 : *directory.idOfCode(row.upline);
            m_shop.distributorService.create(distributor);
        } else {
            m_shop.distributorService.update(distributor);
            m_shop.distributorService.move(distributor.code, row.upline);
        }
    });
    (row.isNew ? m_created : m_updated) += 1;
}

void ImportApplier::apply(const OrderRow &order, qint64 done, qint64 total)
{
    advance(done, total);
    try {
        m_shop.orders.record(order.draft, history(order));
    } catch (const ValidationError &error) {
        m_sheet.problems(*order.record, error.problems());
        throw;
    } catch (const InputError &error) {
        m_sheet.error(*order.record, QStringLiteral("status"),
                      tr("order %1: %2").arg(order.draft.orderNo, error.message()));
        throw;
    }
    m_created += 1;
}

// What the file says happened to an order, taken as the workflow takes each step.
OrderHistory ImportApplier::history(const OrderRow &order)
{
    OrderHistory history;
    if (order.status == OrderStatus::Cancelled) {
        history.paidAt = order.paidAt;
        history.cancelledAt = order.paidAt.value_or(order.draft.date);
    } else if (order.status != OrderStatus::Pending) {
        history.paidAt = order.paidAt;
        if (!order.courier.isEmpty() && !order.tracking.isEmpty()
            && order.status != OrderStatus::Paid) {
            history.shippedAt = order.shippedAt.value_or(*order.paidAt);
            history.courier = order.courier;
            history.tracking = order.tracking;
        }
        if (order.status == OrderStatus::Completed)
            history.completedAt = order.completedAt;
    }
    return history;
}

} // namespace MicroShop
