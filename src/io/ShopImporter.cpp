#include "ShopImporter.h"

#include "CsvImportReader.h"
#include "CsvReader.h"
#include "ImportApplier.h"
#include "ImportSheet.h"
#include "SeenNumbers.h"
#include "TableSource.h"

#include "Dates.h"
#include "Error.h"
#include "ExportSource.h"
#include "ShopContext.h"

#include <QHash>

#include <algorithm>
#include <optional>

namespace MicroShop {

namespace {

// The orders of an orders file one at a time: the rows that follow each other with one order
// number, and where the first starts. One row is read ahead, to see where an order ends.
class OrderGroups final
{
public:
    OrderGroups(TableSource &source, const ImportSheet &sheet)
        : m_source(source)
        , m_sheet(sheet)
    {}

    bool next(QList<CsvRecord> &rows, TablePosition &start)
    {
        rows.clear();
        if (!m_hasAhead && !readAhead())
            return false;
        start = m_aheadAt;
        const QString number = orderNumber(m_ahead);
        do {
            rows.append(m_ahead);
        } while (readAhead() && orderNumber(m_ahead) == number);
        return true;
    }

    void seek(const TablePosition &start)
    {
        if (m_hasAhead && m_aheadAt == start)
            return; // the order read next follows the last one
        m_source.seek(start);
        m_hasAhead = false;
    }

    // The first row of the order that starts there, read without moving on.
    CsvRecord firstRowAt(const TablePosition &start)
    {
        const TablePosition back = m_hasAhead ? m_aheadAt : m_source.position();
        m_source.seek(start);
        CsvRecord first;
        m_source.next(first);
        m_source.seek(back);
        if (m_hasAhead)
            readAhead();
        return first;
    }

private:
    bool readAhead()
    {
        m_aheadAt = m_source.position();
        m_hasAhead = m_source.next(m_ahead);
        return m_hasAhead;
    }
    QString orderNumber(const CsvRecord &record) const
    {
        return m_sheet.text(record, QStringLiteral("order_no"));
    }

    TableSource &m_source;
    const ImportSheet &m_sheet;
    CsvRecord m_ahead;
    TablePosition m_aheadAt;
    bool m_hasAhead = false;
};

// Where an order starts in its file, and when its effects happen.
struct PlacedOrder
{
    qint64 effectTime = 0;
    TablePosition start;
};

// What the file could not give (it cannot be read, a quote is never closed), said alone: any
// other error found reading it is a consequence.
bool saidUnreadable(const TableSource &source, ImportSheet &sheet, ShopImporter::Report &report)
{
    if (source.issues().isEmpty())
        return false;
    report.errors.clear();
    for (const CsvIssue &issue : source.issues())
        sheet.error(qMax(issue.line, 1), qMax(issue.column, 1), issue.message);
    return true;
}

} // namespace

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
    const std::unique_ptr<TableSource> source = openTableSource(path);
    return import(kind, *source, path, mapping);
}

ShopImporter::Report ShopImporter::import(Kind kind, TableSource &source, const QString &fileName,
                                          const QHash<QString, QString> &mapping)
{
    Report report;
    ImportSheet sheet(fileName, report.errors);
    if (saidUnreadable(source, sheet, report))
        return report;
    sheet.mapHeader(source.header(), columns(kind), mapping, kindName(kind));
    sheet.requireColumns(requiredColumns(kind));
    if (!report.errors.isEmpty())
        return report;

    // Every row is read and checked first; only a file without errors is applied, all of it in
    // one transaction. The reading is in it too: one read of the database, not one a row.
    ImportApplier applier(m_shop, sheet, m_progress, Dates::now());
    try {
        m_shop.transactor.inBulkTransaction([&] {
            if (kind == Kind::Orders) {
                importOrders(source, sheet, applier, report);
                return;
            }
            QList<CsvRecord> records;
            CsvRecord record;
            while (source.next(record))
                records.append(record);
            if (saidUnreadable(source, sheet, report))
                throw InputError(QString()); // nothing was written: the errors are said
            sheet.checkFieldCounts(records, source.header().size());
            report.rows = int(records.size());
            const std::function<void()> apply = read(kind, records, sheet, applier);
            if (!report.errors.isEmpty())
                throw InputError(QString());
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

void ShopImporter::importOrders(TableSource &source, ImportSheet &sheet, ImportApplier &applier,
                                Report &report)
{
    CsvImportReader reader(m_shop, sheet);
    OrderGroups groups(source, sheet);
    QList<PlacedOrder> placed;
    // The orders' numbers met so far, each read again where its order starts when needed.
    SeenNumbers seen([&](qsizetype index) {
        return sheet.text(groups.firstRowAt(placed.at(index).start), QStringLiteral("order_no"));
    });
    QList<CsvRecord> rows;
    TablePosition start;
    while (groups.next(rows, start)) {
        report.rows += int(rows.size());
        sheet.checkFieldCounts(rows, source.header().size());
        const QString number = sheet.text(rows.first(), QStringLiteral("order_no"));
        if (const std::optional<qsizetype> earlier = seen.add(number, placed.size())) {
            const int startedOn = groups.firstRowAt(placed.at(*earlier).start).line;
            for (const CsvRecord &record : std::as_const(rows))
                sheet.error(record, QStringLiteral("order_no"),
                            tr("the rows of order %1 must be together; it started on line %2.")
                                .arg(number)
                                .arg(startedOn));
            continue;
        }
        placed.append({CsvImportReader::effectTime(reader.order(rows)), start});
    }
    if (saidUnreadable(source, sheet, report) || !report.errors.isEmpty())
        throw InputError(QString()); // nothing was written: the errors are said
    seen.clear();

    // csv.md: the effects happen in order of payment. A file in that order is read straight
    // through; any other is read where each order starts.
    std::stable_sort(placed.begin(), placed.end(), [](const PlacedOrder &a, const PlacedOrder &b) {
        return a.effectTime < b.effectTime;
    });
    for (qsizetype done = 0; done < placed.size(); ++done) {
        groups.seek(placed.at(done).start);
        groups.next(rows, start);
        applier.apply(reader.order(rows), done, placed.size());
    }
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
        break; // read as a stream: importOrders()
    }
    return {};
}

} // namespace MicroShop
