#include "ShopImporter.h"

#include "CsvImportReader.h"
#include "CsvReader.h"
#include "ImportApplier.h"
#include "ImportSheet.h"
#include "TableFile.h"

#include "Dates.h"
#include "Error.h"
#include "ExportSource.h"
#include "ShopContext.h"

namespace MicroShop {

ShopImporter::ShopImporter(ShopContext &shop)
    : m_shop(shop)
{}

QStringList ShopImporter::columns(Kind kind)
{
    // The files read back are the files written: one list of csv.md's columns.
    switch (kind) {
    case Kind::Products:
        return ExportSource::columns(ExportKind::Products);
    case Kind::Customers:
        return ExportSource::columns(ExportKind::Customers);
    case Kind::Orders:
        return ExportSource::columns(ExportKind::Orders);
    case Kind::Distributors:
        return ExportSource::columns(ExportKind::Distributors);
    }
    return {};
}

QStringList ShopImporter::requiredColumns(Kind kind)
{
    switch (kind) {
    case Kind::Products:
        return {QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("price")};
    case Kind::Customers:
        return {QStringLiteral("code"), QStringLiteral("name")};
    case Kind::Orders:
        return {QStringLiteral("order_no"), QStringLiteral("date"), QStringLiteral("status"),
                QStringLiteral("customer"), QStringLiteral("sku"),  QStringLiteral("quantity")};
    case Kind::Distributors:
        return {QStringLiteral("code"), QStringLiteral("name")};
    }
    return {};
}

QString ShopImporter::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Products:
        return QStringLiteral("products");
    case Kind::Customers:
        return QStringLiteral("customers");
    case Kind::Orders:
        return QStringLiteral("orders");
    case Kind::Distributors:
        return QStringLiteral("distributors");
    }
    return {};
}

bool ShopImporter::parseKind(const QString &name, Kind *kind)
{
    for (const Kind each : {Kind::Products, Kind::Customers, Kind::Orders, Kind::Distributors}) {
        if (kindName(each) == name) {
            *kind = each;
            return true;
        }
    }
    return false;
}

ShopImporter::Report ShopImporter::importFile(Kind kind, const QString &path,
                                              const QHash<QString, QString> &mapping)
{
    return import(kind, readTableFile(path), path, mapping);
}

ShopImporter::Report ShopImporter::import(Kind kind, const TableFile &table,
                                          const QString &fileName,
                                          const QHash<QString, QString> &mapping)
{
    Report report;
    ImportSheet sheet(fileName, report.errors);
    for (const CsvIssue &issue : table.issues)
        sheet.error(qMax(issue.line, 1), qMax(issue.column, 1), issue.message);
    if (!table.issues.isEmpty())
        return report;

    sheet.mapHeader(table.header, columns(kind), mapping, kindName(kind));
    sheet.requireColumns(requiredColumns(kind));
    if (!report.errors.isEmpty())
        return report;
    sheet.checkFieldCounts(table.records, table.header.size());
    report.rows = int(table.records.size());

    // Every row is read and checked first; only a file without errors is applied, all of it in
    // one transaction. The reading is in it too: one read of the database, not one a row.
    ImportApplier applier(m_shop, sheet, m_progress, Dates::now());
    try {
        m_shop.transactor.inBulkTransaction([&] {
            const std::function<void()> apply = read(kind, table.records, sheet, applier);
            if (!report.errors.isEmpty())
                throw InputError(QString()); // nothing was written: the errors are said
            apply();
        });
        report.created = applier.created();
        report.updated = applier.updated();
        if (m_progress)
            m_progress(report.rows, report.rows);
    } catch (const Cancelled &) {
        throw; // rolled back: the caller says so
    } catch (const InputError &error) {
        // A rule refused a record while it was applied; rolled back. A database that failed
        // (a full disk, a lost server) is no fault of the file: its error goes up unchanged.
        if (report.errors.isEmpty())
            sheet.error(1, 1, error.message());
    }
    return report;
}

std::function<void()> ShopImporter::read(Kind kind, const QList<CsvRecord> &records,
                                         ImportSheet &sheet, ImportApplier &applier)
{
    CsvImportReader reader(m_shop, sheet);
    switch (kind) {
    case Kind::Products:
        return [&applier, rows = reader.products(records)] { applier.apply(rows); };
    case Kind::Customers:
        return [&applier, rows = reader.customers(records)] { applier.apply(rows); };
    case Kind::Distributors:
        return [&applier, rows = reader.distributors(records)] { applier.apply(rows); };
    case Kind::Orders:
        return [&applier, rows = reader.orders(records)] { applier.apply(rows); };
    }
    return {};
}

} // namespace MicroShop
