#include "ShipmentImporter.h"

#include "CsvReader.h"
#include "ImportSheet.h"
#include "TableSource.h"

#include "Courier.h"
#include "Customer.h"
#include "Dates.h"
#include "ExportSource.h"
#include "OrderWorkflow.h"
#include "Repositories.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QHash>

namespace MicroShop {

namespace {

const QString orderNoColumn = QStringLiteral("order_no");
const QString courierColumn = QStringLiteral("courier");
const QString trackingColumn = QStringLiteral("tracking");
const QString shippedAtColumn = QStringLiteral("shipped_at");

bool isBlank(const CsvRecord &record)
{
    for (const QString &field : record.fields) {
        if (!field.trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace

QStringList ShipmentImporter::columns()
{
    return {orderNoColumn, courierColumn, trackingColumn, shippedAtColumn};
}

ShipmentImporter::Report ShipmentImporter::importFile(const QString &path, Mode mode)
{
    const std::unique_ptr<TableSource> source = openTableSource(path);
    return import(*source, path, mode);
}

ShipmentImporter::Report ShipmentImporter::import(TableSource &source, const QString &fileName,
                                                  Mode mode)
{
    Report report;
    ImportSheet sheet(fileName, report.errors);
    if (source.header().isEmpty()) { // nothing read: the file's own problem says why
        for (const CsvIssue &issue : source.issues())
            sheet.error(qMax(issue.line, 1), qMax(issue.column, 1), issue.message);
        if (!report.ok())
            return report;
    }
    // The Shipping export's own columns are read past, so that the file MicroShop wrote for the
    // courier comes back with courier and tracking filled in.
    QStringList known = columns();
    for (const QString &name : ExportSource::columns(ExportKind::Shipping)) {
        if (!known.contains(name))
            known.append(name);
    }
    sheet.mapHeader(source.header(), known, {}, QStringLiteral("shipments"));
    sheet.requireColumns({orderNoColumn, courierColumn, trackingColumn});
    if (!report.ok())
        return report;

    const QDateTime now = Dates::now();
    const qsizetype width = source.header().size();
    QHash<qint64, int> listed; // order id -> the line that listed it first
    const bool write = mode == Mode::Import;

    const auto readAll = [&] {
        CsvRecord record;
        qint64 read = 0;
        while (source.next(record)) {
            if (m_progress && ++read % 100 == 0 && !m_progress(read, -1))
                throw Cancelled(tr("The import was cancelled; no order was shipped."));
            if (isBlank(record))
                continue;
            const qsizetype before = sheet.errorCount();
            if (record.fields.size() > width)
                sheet.error(record.line, int(width) + 1,
                            tr("this row has %1 fields but the header has %2 columns.")
                                .arg(record.fields.size())
                                .arg(width));

            const QString number = sheet.text(record, orderNoColumn);
            std::optional<Order> order;
            if (number.isEmpty()) {
                sheet.error(record, orderNoColumn, tr("the order number is empty."));
            } else {
                order = m_shop.orderRepository.findByNumber(number);
                for (const Platform platform : Platforms::all()) {
                    if (order)
                        break;
                    order = m_shop.orderRepository.findByPlatformNumber(platform, number);
                }
                if (!order)
                    sheet.error(record, orderNoColumn,
                                tr("there is no order %1, neither by MicroShop's number nor by a "
                                   "platform's.")
                                    .arg(number));
            }
            if (order) {
                const auto first = listed.constFind(order->id);
                if (first != listed.constEnd()) {
                    sheet.error(record, orderNoColumn,
                                tr("the order %1 is listed twice: it is on line %2 already. An "
                                   "order is shipped once; keep one of the lines.")
                                    .arg(order->orderNo)
                                    .arg(*first));
                    order.reset();
                } else {
                    listed.insert(order->id, record.line);
                }
            }
            if (order && order->status != OrderStatus::Paid) {
                const QString &no = order->orderNo;
                QString why;
                switch (order->status) {
                case OrderStatus::Pending:
                    why = tr("the order %1 is not paid yet (pending): only a paid order is "
                             "shipped. Record its payment first.")
                              .arg(no);
                    break;
                case OrderStatus::Shipped:
                    why = tr("the order %1 is already shipped (%2 %3): it is not shipped twice.")
                              .arg(no, order->shipment ? order->shipment->courier : QString(),
                                   order->shipment ? order->shipment->tracking : QString());
                    break;
                case OrderStatus::Completed:
                    why = tr("the order %1 is completed: it is not shipped any more.").arg(no);
                    break;
                case OrderStatus::Cancelled:
                    why = tr("the order %1 is cancelled: a cancelled order is not shipped.")
                              .arg(no);
                    break;
                case OrderStatus::Refunded:
                    why = tr("the order %1 is refunded: a refunded order is not shipped.").arg(no);
                    break;
                case OrderStatus::Paid:
                    break;
                }
                sheet.error(record, orderNoColumn, why);
            }

            const QString courierText = sheet.text(record, courierColumn);
            if (courierText.isEmpty())
                sheet.error(record, courierColumn,
                            tr("the courier is empty: give its name or code (SF, ZTO, YTO, "
                               "YUNDA, STO, JTSD, EMS, JD, DBL) or any other courier's name."));
            const QString tracking = sheet.text(record, trackingColumn);
            if (tracking.isEmpty())
                sheet.error(record, trackingColumn, tr("the tracking number is empty."));
            QDateTime at = now;
            if (!sheet.text(record, shippedAtColumn).isEmpty()) {
                const auto given = sheet.dateTime(record, shippedAtColumn);
                at = given.value_or(QDateTime());
                // As the workflow dates a move: not on a day before the payment.
                if (given && order && order->status == OrderStatus::Paid && order->paidAt
                    && given->date() < order->paidAt->date())
                    sheet.error(record, shippedAtColumn,
                                tr("the order %1 was paid on %2: it cannot be shipped before, "
                                   "on %3.")
                                    .arg(order->orderNo, Dates::toText(order->paidAt->date()),
                                         Dates::toText(given->date())));
            }
            if (sheet.errorCount() != before || !order)
                continue;

            Row row;
            row.orderNo = order->orderNo;
            row.courier = Couriers::canonicalName(courierText);
            row.tracking = tracking;
            row.shippedAt = at;
            row.line = record.line;
            if (const auto customer = m_shop.customerRepository.findById(order->customerId)) {
                const Address *address = customer->defaultAddress();
                row.receiver = address && !address->receiver.isEmpty() ? address->receiver
                                                                       : customer->name;
            }
            if (write && report.ok()) {
                try {
                    m_shop.orders.ship(row.orderNo, row.courier, row.tracking, row.shippedAt);
                    ++report.shipped;
                } catch (const Cancelled &) {
                    throw;
                } catch (const InputError &error) {
                    sheet.error(record, orderNoColumn, error.message());
                    continue;
                }
            }
            if (!write)
                report.rows.append(row);
        }
        if (!source.issues().isEmpty()) // the file could not be read to its end
            for (const CsvIssue &issue : source.issues())
                sheet.error(qMax(issue.line, 1), qMax(issue.column, 1), issue.message);
    };

    if (!write) {
        readAll();
        return report;
    }
    try {
        m_shop.transactor.inTransaction([&] {
            readAll();
            if (!report.ok()) // found on the way: what was shipped before goes back
                throw InputError(QString());
        });
    } catch (const Cancelled &) {
        throw;
    } catch (const InputError &error) {
        // Rolled back. A database that failed is no fault of the file: its error goes up.
        if (report.errors.isEmpty())
            sheet.error(1, 1, error.message());
    }
    if (!report.ok())
        report.shipped = 0;
    return report;
}

} // namespace MicroShop
