#include "PaymentImporter.h"

#include "ImportSheet.h"
#include "PaymentBillReader.h"
#include "TableFile.h"

#include "Repositories.h"
#include "ShopContext.h"

namespace MicroShop {

PaymentImporter::Report PaymentImporter::import(const TableFile &table, const QString &fileName,
                                                std::optional<BillSource> source)
{
    Report report;
    ImportSheet sheet(fileName, report.errors);
    for (const CsvIssue &issue : table.issues)
        sheet.error(qMax(issue.line, 1), qMax(issue.column, 1), issue.message);
    if (!table.issues.isEmpty())
        return report;
    PaymentBillReader reader(sheet);
    QList<PaymentBillReader::Read> lines = reader.read(table, source);
    report.source = reader.source();
    if (!report.ok())
        return report;
    report.lines = int(lines.size());
    for (const PaymentBillReader::Read &read : std::as_const(lines)) {
        const QDate day = read.line.at.date();
        report.firstDay = report.firstDay.isValid() ? qMin(report.firstDay, day) : day;
        report.lastDay = report.lastDay.isValid() ? qMax(report.lastDay, day) : day;
    }
    const QString timeColumn = QString::fromUtf16(u"交易时间");
    PaymentReconciler::Counts counts;
    try {
        m_shop.transactor.inTransaction([&] {
            for (PaymentBillReader::Read &read : lines) {
                try {
                    m_shop.payments.reconcile(read.line, counts);
                } catch (const InputError &error) {
                    sheet.error(
                        read.record, timeColumn,
                        tr("the payment %1 of order %2 cannot be applied: %3")
                            .arg(read.line.billNo, read.line.merchantOrderNo, error.message()));
                    throw;
                }
            }
        });
    } catch (const InputError &error) {
        // Rolled back. A database that failed is no fault of the file: its error goes up.
        if (report.errors.isEmpty())
            sheet.error(1, 1, error.message());
        return report;
    }
    report.counts = counts;
    return report;
}

} // namespace MicroShop
