#pragma once

#include "Customer.h"
#include "Money.h"
#include "Order.h"
#include "PlatformFormats.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace MicroShop {

class ImportSheet;
struct CsvRecord;
struct TableFile;

// One item of a platform order, as the file gives it.
struct PlatformItem
{
    QString code;     // 商品编码, 商家编码, 商家编码-商品维度
    QString specCode; // 规格编码, 商家编码-规格维度
    QString name;
    QString spec;
    qint64 quantity = 0;
    std::optional<Money> unitPrice; // nullopt: the file has no item price
    const CsvRecord *record = nullptr;
};

// One order of a platform's export: its rows read, checked and gathered (platforms.md).
struct PlatformOrder
{
    QString platformNo;
    QDateTime createdAt;
    std::optional<QDateTime> paidAt, shippedAt, completedAt;
    OrderStatus status = OrderStatus::Pending; // Refunded: closed after payment, or refunded
    QString buyerAccount;
    Address receiver;
    std::optional<Money> goodsTotal, shippingFee, paidAmount;
    QString courier, tracking;
    QString distributorName, distributorPhone;
    QList<PlatformItem> items;
    const CsvRecord *record = nullptr; // its first row
};

// Reads a platform's order export (cleaned by PlatformCells) into its orders: every bad cell is
// an error of the sheet, at its line and column.
class PlatformOrderReader final
{
    Q_DECLARE_TR_FUNCTIONS(PlatformOrderReader)

public:
    PlatformOrderReader(const PlatformFormat &format, ImportSheet &sheet);

    // Finds the format's columns in the header; a missing required one is an error of line 1.
    void mapHeader(const QStringList &header);
    // The platform's order number of a row (empty: none).
    QString orderNo(const CsvRecord &record) const { return text(record, PlatformField::OrderNo); }
    // One order from its rows (all of its number, in file order); the rows must outlive it.
    PlatformOrder order(const QList<CsvRecord> &rows);

    // The header name a field was found under; empty when the file lacks it.
    QString column(PlatformField field) const { return m_columns.value(int(field)); }

private:
    QString text(const CsvRecord &record, PlatformField field) const;
    std::optional<Money> amount(const CsvRecord &record, PlatformField field);
    std::optional<QDateTime> time(const CsvRecord &record, PlatformField field);
    PlatformOrder readOrder(const CsvRecord &record);
    std::optional<PlatformItem> readItem(const CsvRecord &record);
    void readStatus(const CsvRecord &record, PlatformOrder &order);
    void readReceiver(const CsvRecord &record, PlatformOrder &order) const;
    void checkSameBuyer(const PlatformOrder &order, const CsvRecord &record);

    const PlatformFormat &m_format;
    ImportSheet &m_sheet;
    QHash<int, QString> m_columns; // PlatformField -> header name
};

} // namespace MicroShop
