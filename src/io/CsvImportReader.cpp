#include "CsvImportReader.h"

#include "CsvReader.h"
#include "ImportSheet.h"

#include "CatalogService.h"
#include "CustomerService.h"
#include "Dates.h"
#include "DistributorService.h"
#include "ShopContext.h"
#include "ShopRepositories.h"
#include "ShopSettings.h"

#include <QSet>

#include <limits>

namespace MicroShop {

namespace {

std::optional<bool> flag(const QString &text)
{
    const QString value = text.toLower();
    if (value == u"1" || value == u"true" || value == u"yes")
        return true;
    if (value == u"0" || value == u"false" || value == u"no")
        return false;
    return std::nullopt;
}

// What is kept for key, else what read() returns, kept for it ("no such row" too).
template<typename Value, typename Read>
Value keptOrRead(QHash<QString, Value> &kept, const QString &key, Read read)
{
    auto found = kept.find(key);
    if (found == kept.end())
        found = kept.insert(key, read());
    return *found;
}

} // namespace

CsvImportReader::CsvImportReader(ShopContext &shop, ImportSheet &sheet)
    : m_shop(shop)
    , m_sheet(sheet)
{}

void CsvImportReader::setText(const CsvRecord &record, const QString &name, QString *target) const
{
    if (m_sheet.has(name))
        *target = m_sheet.text(record, name);
}

void CsvImportReader::optionalMoney(const CsvRecord &record, const QString &name, Money *target,
                                    bool isNew)
{
    if (m_sheet.has(name) && !m_sheet.text(record, name).isEmpty()) {
        if (const auto value = m_sheet.money(record, name))
            *target = *value;
    } else if (isNew) {
        *target = Money();
    }
}

void CsvImportReader::optionalNumber(const CsvRecord &record, const QString &name, qint64 *target,
                                     qint64 minimum, bool isNew)
{
    if (m_sheet.has(name) && !m_sheet.text(record, name).isEmpty()) {
        if (const auto value = m_sheet.wholeNumber(record, name, minimum))
            *target = *value;
    } else if (isNew) {
        *target = 0;
    }
}

// Products -------------------------------------------------------------------------------------

QList<ProductRow> CsvImportReader::products(const QList<CsvRecord> &records)
{
    QList<ProductRow> rows;
    QHash<QString, int> skuLines;
    QHash<QString, QString> barcodeOwners; // barcode -> sku in this file
    for (const CsvRecord &record : records) {
        const QString sku = m_sheet.text(record, QStringLiteral("sku"));
        if (skuLines.contains(sku)) {
            m_sheet.error(
                record, QStringLiteral("sku"),
                tr("the SKU %1 is already on line %2.").arg(sku).arg(skuLines.value(sku)));
            continue;
        }
        skuLines.insert(sku, record.line);
        const auto existing = m_shop.productRepository.findBySku(sku);
        ProductRow row{existing ? *existing : Product(), !existing, &record};
        row.product.sku = sku;
        // The service's own checks only make sense on cells that could be read.
        const qsizetype before = m_sheet.errorCount();
        readProduct(record, row);
        if (m_sheet.errorCount() == before)
            m_sheet.problems(record, CatalogService::problems(row.product));
        checkBarcode(record, row.product, barcodeOwners);
        if (row.product.stock < 0 && row.isNew && !m_shop.settings.allowNegativeStock())
            m_sheet.error(record, QStringLiteral("stock"),
                          tr("the stock of a new product cannot be negative."));
        rows.append(row);
    }
    return rows;
}

void CsvImportReader::readProduct(const CsvRecord &record, ProductRow &row)
{
    Product &product = row.product;
    product.name = m_sheet.text(record, QStringLiteral("name"));
    setText(record, QStringLiteral("category"), &product.category);
    setText(record, QStringLiteral("unit"), &product.unit);
    if (const auto price = m_sheet.money(record, QStringLiteral("price")))
        product.price = *price;
    optionalMoney(record, QStringLiteral("cost"), &product.cost, row.isNew);
    optionalNumber(record, QStringLiteral("stock"), &product.stock,
                   std::numeric_limits<qint64>::min(), row.isNew);
    optionalNumber(record, QStringLiteral("low_stock"), &product.lowStock, 0, row.isNew);
    setText(record, QStringLiteral("barcode"), &product.barcode);
    const QString active = m_sheet.text(record, QStringLiteral("active"));
    if (m_sheet.has(QStringLiteral("active")) && !active.isEmpty()) {
        if (const auto value = flag(active))
            product.active = *value;
        else
            m_sheet.error(
                record, QStringLiteral("active"),
                tr("active must be 1 or 0 (true/false, yes/no), not \"%1\".").arg(active));
    }
    readRates(record, product);
}

void CsvImportReader::readRates(const CsvRecord &record, Product &product)
{
    for (int level = 1; level <= 3; ++level) {
        const QString name = QStringLiteral("rate%1").arg(level);
        if (!m_sheet.has(name))
            continue;
        const QString text = m_sheet.text(record, name);
        if (text.isEmpty()) {
            product.rates[level - 1].reset();
            continue;
        }
        QString why;
        const auto rate = Rate::parse(text, &why);
        if (!rate)
            m_sheet.error(record, name, QStringLiteral("%1: %2").arg(name, why));
        else
            product.rates[level - 1] = *rate;
    }
}

void CsvImportReader::checkBarcode(const CsvRecord &record, const Product &product,
                                   QHash<QString, QString> &owners)
{
    const QString &barcode = product.barcode;
    if (barcode.isEmpty())
        return;
    if (owners.contains(barcode)) {
        m_sheet.error(record, QStringLiteral("barcode"),
                      tr("the barcode %1 is also given to %2 in this file.")
                          .arg(barcode, owners.value(barcode)));
    } else if (const auto owner = m_shop.productRepository.findByBarcode(barcode);
               owner && owner->sku != product.sku) {
        m_sheet.error(record, QStringLiteral("barcode"),
                      tr("the barcode %1 is already used by %2.").arg(barcode, owner->sku));
    }
    owners.insert(barcode, product.sku);
}

// Customers ------------------------------------------------------------------------------------

QList<CustomerRow> CsvImportReader::customers(const QList<CsvRecord> &records)
{
    QList<CustomerRow> rows;
    QHash<QString, int> codeLines;
    for (const CsvRecord &record : records) {
        const QString code = m_sheet.text(record, QStringLiteral("code"));
        if (codeLines.contains(code)) {
            m_sheet.error(record, QStringLiteral("code"),
                          tr("the customer code %1 is already on line %2.")
                              .arg(code)
                              .arg(codeLines.value(code)));
            continue;
        }
        codeLines.insert(code, record.line);
        const auto existing = m_shop.customerRepository.findByCode(code);
        CustomerRow row{existing ? *existing : Customer(), !existing, &record};
        row.customer.code = code;
        readCustomer(record, row);
        m_sheet.problems(record, CustomerService::problems(row.customer));
        rows.append(row);
    }
    return rows;
}

void CsvImportReader::readCustomer(const CsvRecord &record, CustomerRow &row)
{
    Customer &customer = row.customer;
    customer.name = m_sheet.text(record, QStringLiteral("name"));
    setText(record, QStringLiteral("phone"), &customer.phone);
    setText(record, QStringLiteral("wechat"), &customer.wechat);
    setText(record, QStringLiteral("wechat_remark"), &customer.wechatRemark);
    setText(record, QStringLiteral("notes"), &customer.notes);
    const QString channel = m_sheet.text(record, QStringLiteral("channel"));
    if (m_sheet.has(QStringLiteral("channel")) && !channel.isEmpty()) {
        if (const auto value = Channels::fromCode(channel.toLower()))
            customer.channel = *value;
        else
            m_sheet.error(
                record, QStringLiteral("channel"),
                tr("unknown channel \"%1\": use moments, group, referral, offline or other.")
                    .arg(channel));
    }
    if (m_sheet.has(QStringLiteral("tags")))
        customer.tags
            = m_sheet.text(record, QStringLiteral("tags")).split(u';', Qt::SkipEmptyParts);
    const QString distributor = m_sheet.text(record, QStringLiteral("distributor"));
    if (!distributor.isEmpty()) {
        const auto id = distributorId(distributor);
        if (!id)
            m_sheet.error(record, QStringLiteral("distributor"),
                          tr("there is no distributor with the code %1.").arg(distributor));
        else if (row.isNew || customer.distributorId == 0) // a stored binding stays
            customer.distributorId = *id;
    }
    readDefaultAddress(record, customer);
}

void CsvImportReader::readDefaultAddress(const CsvRecord &record, Customer &customer)
{
    const QStringList addressColumns = {QStringLiteral("receiver"), QStringLiteral("province"),
                                        QStringLiteral("city"), QStringLiteral("district"),
                                        QStringLiteral("address")};
    bool hasAddress = false;
    for (const QString &column : addressColumns)
        hasAddress = hasAddress || m_sheet.has(column);
    if (!hasAddress)
        return;
    Address address;
    address.receiver = m_sheet.text(record, QStringLiteral("receiver"));
    address.phone = customer.phone;
    address.province = m_sheet.text(record, QStringLiteral("province"));
    address.city = m_sheet.text(record, QStringLiteral("city"));
    address.district = m_sheet.text(record, QStringLiteral("district"));
    address.detail = m_sheet.text(record, QStringLiteral("address"));
    address.isDefault = true;
    customer.addresses.removeIf([](const Address &a) { return a.isDefault; });
    if (!address.isEmpty())
        customer.addresses.prepend(address);
}

// Distributors ---------------------------------------------------------------------------------

QList<DistributorRow> CsvImportReader::distributors(const QList<CsvRecord> &records)
{
    QList<DistributorRow> rows;
    QHash<QString, int> index; // code -> position in rows
    for (const CsvRecord &record : records) {
        const QString code = m_sheet.text(record, QStringLiteral("code"));
        if (index.contains(code)) {
            m_sheet.error(record, QStringLiteral("code"),
                          tr("the distributor %1 is already on line %2.")
                              .arg(code)
                              .arg(rows.at(index.value(code)).record->line));
            continue;
        }
        const auto existing = m_shop.distributorRepository.findByCode(code);
        DistributorRow row{existing ? *existing : Distributor(), QString(), !existing, &record};
        row.distributor.code = code;
        readDistributor(record, row);
        index.insert(code, int(rows.size()));
        rows.append(row);
    }
    checkUplines(rows, index);
    return rows;
}

void CsvImportReader::readDistributor(const CsvRecord &record, DistributorRow &row)
{
    Distributor &distributor = row.distributor;
    distributor.name = m_sheet.text(record, QStringLiteral("name"));
    setText(record, QStringLiteral("phone"), &distributor.phone);
    setText(record, QStringLiteral("wechat"), &distributor.wechat);
    setText(record, QStringLiteral("notes"), &distributor.notes);
    const QString status = m_sheet.text(record, QStringLiteral("status"));
    if (!status.isEmpty()) {
        if (const auto value = DistributorStatuses::fromCode(status.toLower()))
            distributor.status = *value;
        else
            m_sheet.error(record, QStringLiteral("status"),
                          tr("unknown status \"%1\": use active, suspended or left.").arg(status));
    }
    const QString joined = m_sheet.text(record, QStringLiteral("joined"));
    if (!joined.isEmpty()) {
        QString why;
        if (const auto date = Dates::parseDate(joined, &why))
            distributor.joined = *date;
        else
            m_sheet.error(record, QStringLiteral("joined"), QStringLiteral("joined: %1").arg(why));
    }
    m_sheet.problems(record, DistributorService::problems(distributor));
    if (m_sheet.has(QStringLiteral("upline")))
        row.upline = m_sheet.text(record, QStringLiteral("upline"));
    else if (!row.isNew && distributor.uplineId != 0) // a file without uplines moves no one
        row.upline = m_shop.distributors.codeOf(distributor.uplineId);
}

// Uplines may come later in the file; each must exist somewhere, and no chain may loop.
void CsvImportReader::checkUplines(const QList<DistributorRow> &rows,
                                   const QHash<QString, int> &index)
{
    QHash<QString, QString> storedUplines; // code -> upline code, for distributors not in the file
    const auto uplineOf = [&](const QString &code) -> std::optional<QString> {
        if (index.contains(code))
            return rows.at(index.value(code)).upline;
        if (!storedUplines.contains(code)) {
            const auto stored = m_shop.distributorRepository.findByCode(code);
            if (!stored)
                return std::nullopt;
            storedUplines.insert(code, m_shop.distributors.codeOf(stored->uplineId));
        }
        return storedUplines.value(code);
    };
    for (const DistributorRow &row : rows) {
        if (row.upline.isEmpty())
            continue;
        if (!uplineOf(row.upline)) {
            m_sheet.error(
                *row.record, QStringLiteral("upline"),
                tr("there is no distributor %1, in this file or in the shop.").arg(row.upline));
            continue;
        }
        QSet<QString> seen{row.distributor.code};
        QString next = row.upline;
        while (!next.isEmpty()) {
            if (seen.contains(next)) {
                m_sheet.error(*row.record, QStringLiteral("upline"),
                              tr("putting %1 under %2 makes a cycle: %2 is in %1's team.")
                                  .arg(row.distributor.code, row.upline));
                break;
            }
            seen.insert(next);
            next = uplineOf(next).value_or(QString());
        }
    }
}

// Orders ---------------------------------------------------------------------------------------

OrderRow CsvImportReader::order(const QList<CsvRecord> &rows)
{
    OrderRow order = readOrder(rows.first());
    for (const CsvRecord &record : rows) {
        if (&record != &rows.first())
            checkSameOrder(record, rows.first());
        order.draft.lines.append(readOrderLine(record));
    }
    return order;
}

qint64 CsvImportReader::effectTime(const OrderRow &order)
{
    return order.paidAt.value_or(order.draft.date).toMSecsSinceEpoch();
}

// The order-level fields, from the first row of an order.
OrderRow CsvImportReader::readOrder(const CsvRecord &record)
{
    OrderRow order;
    order.record = &record;
    const QString number = m_sheet.text(record, QStringLiteral("order_no"));
    order.draft.orderNo = number;
    if (const auto problem = CatalogService::codeProblem(number, tr("order number")))
        m_sheet.error(record, QStringLiteral("order_no"), *problem);
    else if (m_shop.orderRepository.hasNumber(number))
        m_sheet.error(
            record, QStringLiteral("order_no"),
            tr("the order %1 exists already; orders are never updated by an import.").arg(number));
    if (const auto date = m_sheet.dateTime(record, QStringLiteral("date")))
        order.draft.date = *date;
    const QString statusText = m_sheet.text(record, QStringLiteral("status"));
    const auto status = OrderStatuses::fromCode(statusText.toLower());
    if (!status || *status == OrderStatus::Refunded)
        m_sheet.error(
            record, QStringLiteral("status"),
            tr("unknown status \"%1\": use pending, paid, shipped, completed or cancelled.")
                .arg(statusText));
    else
        order.status = *status;
    readOrderParties(record, order);
    if (!m_sheet.text(record, QStringLiteral("shipping_fee")).isEmpty()) {
        if (const auto fee = m_sheet.money(record, QStringLiteral("shipping_fee")))
            order.draft.shippingFee = *fee;
    }
    readOrderDates(record, order);
    order.courier = m_sheet.text(record, QStringLiteral("courier"));
    order.tracking = m_sheet.text(record, QStringLiteral("tracking"));
    order.draft.notes = m_sheet.text(record, QStringLiteral("notes"));
    if (order.status == OrderStatus::Shipped
        && (order.courier.isEmpty() || order.tracking.isEmpty()))
        m_sheet.error(record,
                      m_sheet.has(QStringLiteral("tracking")) ? QStringLiteral("tracking")
                                                              : QStringLiteral("status"),
                      tr("a shipped order needs its courier and tracking number."));
    return order;
}

void CsvImportReader::readOrderParties(const CsvRecord &record, OrderRow &order)
{
    const QString customerCode = m_sheet.text(record, QStringLiteral("customer"));
    if (const auto id = customerId(customerCode))
        order.draft.customerId = *id;
    else
        m_sheet.error(record, QStringLiteral("customer"),
                      tr("there is no customer with the code %1.").arg(customerCode));
    const QString distributor = m_sheet.text(record, QStringLiteral("distributor"));
    if (!distributor.isEmpty()) {
        if (const auto id = distributorId(distributor))
            order.draft.distributorId = *id;
        else
            m_sheet.error(record, QStringLiteral("distributor"),
                          tr("there is no distributor with the code %1.").arg(distributor));
    }
}

// Each code is read once per file: an order file is read twice (checked, then applied) and names
// the same buyers and sellers again and again. An order file adds no customer or distributor and
// a customer file no distributor, so an id read stays right for the whole file.
std::optional<qint64> CsvImportReader::customerId(const QString &code)
{
    return keptOrRead(m_customers, code, [&]() -> std::optional<qint64> {
        const auto customer = m_shop.customerRepository.findByCode(code);
        return customer ? std::optional<qint64>(customer->id) : std::nullopt;
    });
}

std::optional<qint64> CsvImportReader::distributorId(const QString &code)
{
    return keptOrRead(m_distributors, code, [&] { return m_shop.distributors.idOfCode(code); });
}

// A date left empty is the order's date where its status needs one.
void CsvImportReader::readOrderDates(const CsvRecord &record, OrderRow &order)
{
    const auto optionalDate = [&](const QString &name, std::optional<QDateTime> *target,
                                  bool needed) {
        if (!m_sheet.text(record, name).isEmpty())
            *target = m_sheet.dateTime(record, name);
        else if (needed && order.draft.date.isValid())
            *target = order.draft.date;
    };
    const bool paid = order.status != OrderStatus::Pending
                      && order.status != OrderStatus::Cancelled;
    optionalDate(QStringLiteral("paid_at"), &order.paidAt, paid);
    optionalDate(QStringLiteral("shipped_at"), &order.shippedAt,
                 order.status == OrderStatus::Shipped);
    optionalDate(QStringLiteral("completed_at"), &order.completedAt,
                 order.status == OrderStatus::Completed);
}

// The next rows of an order repeat its order-level fields.
void CsvImportReader::checkSameOrder(const CsvRecord &record, const CsvRecord &first)
{
    static const QStringList orderLevel = {
        QStringLiteral("date"),        QStringLiteral("status"),       QStringLiteral("customer"),
        QStringLiteral("distributor"), QStringLiteral("shipping_fee"), QStringLiteral("paid_at"),
        QStringLiteral("shipped_at"),  QStringLiteral("completed_at"), QStringLiteral("courier"),
        QStringLiteral("tracking"),    QStringLiteral("notes")};
    const QString number = m_sheet.text(record, QStringLiteral("order_no"));
    for (const QString &column : orderLevel) {
        if (m_sheet.text(record, column) != m_sheet.text(first, column))
            m_sheet.error(
                record, column,
                tr("order %1: %2 is \"%3\" here but \"%4\" on line %5; "
                   "the rows of one order must agree.")
                    .arg(number, column, m_sheet.text(record, column), m_sheet.text(first, column))
                    .arg(first.line));
    }
}

OrderDraft::Line CsvImportReader::readOrderLine(const CsvRecord &record)
{
    OrderDraft::Line line;
    const QString sku = m_sheet.text(record, QStringLiteral("sku"));
    const std::optional<Product> product = keptOrRead(
        m_products, sku, [&] { return m_shop.productRepository.findBySku(sku); });
    if (!product)
        m_sheet.error(record, QStringLiteral("sku"),
                      tr("there is no product with the SKU %1.").arg(sku));
    else if (!product->active)
        m_sheet.error(
            record, QStringLiteral("sku"),
            tr("the product %1 is inactive: activate it before importing its orders.").arg(sku));
    else
        line.productId = product->id;
    if (const auto quantity = m_sheet.wholeNumber(record, QStringLiteral("quantity"), 1))
        line.quantity = *quantity;
    if (!m_sheet.text(record, QStringLiteral("unit_price")).isEmpty())
        line.unitPrice = m_sheet.money(record, QStringLiteral("unit_price"));
    if (!m_sheet.text(record, QStringLiteral("discount")).isEmpty()) {
        if (const auto discount = m_sheet.money(record, QStringLiteral("discount")))
            line.discount = *discount;
    }
    return line;
}

} // namespace MicroShop
