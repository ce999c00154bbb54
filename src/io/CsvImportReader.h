#pragma once

#include "ImportRows.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace MicroShop {

class ImportSheet;
struct ShopContext;

// Reads the rows of a csv.md file into import records, checking each against the file and the
// shop as it stands (it writes nothing); every bad cell goes to the sheet as it is found.
class CsvImportReader final
{
    // Its messages were written in ShopImporter and are translated under that name.
    Q_DECLARE_TR_FUNCTIONS(ShopImporter)

public:
    CsvImportReader(ShopContext &shop, ImportSheet &sheet);

    QList<ProductRow> products(const QList<CsvRecord> &records);
    QList<CustomerRow> customers(const QList<CsvRecord> &records);
    QList<DistributorRow> distributors(const QList<CsvRecord> &records);
    // One order from its rows, which follow each other in the file and share its number; the
    // first gives the order-level fields. The rows must outlive what is returned.
    OrderRow order(const QList<CsvRecord> &rows);
    // When an order's effects happen (csv.md): at its payment, an unpaid order's at its date.
    static qint64 effectTime(const OrderRow &order);

private:
    void readProduct(const CsvRecord &record, ProductRow &row);
    void readRates(const CsvRecord &record, Product &product);
    void checkBarcode(const CsvRecord &record, const Product &product,
                      QHash<QString, QString> &owners);
    // An optional cell: left empty it keeps a stored record's value and zeroes a new one's.
    void optionalMoney(const CsvRecord &record, const QString &name, Money *target, bool isNew);
    void optionalNumber(const CsvRecord &record, const QString &name, qint64 *target,
                        qint64 minimum, bool isNew);
    void setText(const CsvRecord &record, const QString &name, QString *target) const;

    void readCustomer(const CsvRecord &record, CustomerRow &row);
    void readDefaultAddress(const CsvRecord &record, Customer &customer);

    void readDistributor(const CsvRecord &record, DistributorRow &row);
    void checkUplines(const QList<DistributorRow> &rows, const QHash<QString, int> &index);

    OrderRow readOrder(const CsvRecord &record);
    void readOrderParties(const CsvRecord &record, OrderRow &order);
    void readOrderDates(const CsvRecord &record, OrderRow &order);
    void checkSameOrder(const CsvRecord &record, const CsvRecord &first);
    OrderDraft::Line readOrderLine(const CsvRecord &record);
    std::optional<qint64> customerId(const QString &code);
    std::optional<qint64> distributorId(const QString &code);

    ShopContext &m_shop;
    ImportSheet &m_sheet;
    // Looked up once per code: an order file names the same few many times.
    QHash<QString, std::optional<Product>> m_products;
    QHash<QString, std::optional<qint64>> m_customers;    // code -> id
    QHash<QString, std::optional<qint64>> m_distributors; // code -> id
};

} // namespace MicroShop
