#include "ShopImporter.h"

#include "CsvReader.h"

#include "CatalogService.h"
#include "CommissionRepositories.h"
#include "CustomerService.h"
#include "Dates.h"
#include "DistributorService.h"
#include "Error.h"
#include "ExportSource.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"
#include "ShopRepositories.h"
#include "ShopSettings.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace MicroShop {

namespace {

// The columns of one file and the errors found in it, with csv.md's positions.
class Sheet
{
public:
    Sheet(const QString &fileName, QStringList &errors)
        : m_fileName(fileName)
        , m_errors(errors)
    {}

    void error(int line, int column, const QString &message)
    {
        if (m_errors.size() < ShopImporter::maxErrors)
            m_errors.append(
                QStringLiteral("%1:%2:%3: %4").arg(m_fileName).arg(line).arg(column).arg(message));
    }
    void error(const CsvRecord &record, const QString &name, const QString &message)
    {
        error(record.line, columnNumber(name), message);
    }

    void setColumn(const QString &name, int index) { m_index.insert(name, index); }
    bool has(const QString &name) const { return m_index.contains(name); }
    int columnNumber(const QString &name) const { return m_index.value(name, 0) + 1; }
    QString text(const CsvRecord &record, const QString &name) const
    {
        const int index = m_index.value(name, -1);
        return index < 0 ? QString() : record.fields.value(index).trimmed();
    }

    // Field problems from a service (keyed by column name) as errors of this row.
    void problems(const CsvRecord &record, const QList<FieldProblem> &found)
    {
        for (const FieldProblem &problem : found)
            error(record, has(problem.field) ? problem.field : QString(), problem.message);
    }

    std::optional<Money> money(const CsvRecord &record, const QString &name,
                               bool negativeAllowed = false)
    {
        QString why;
        const auto value = Money::parse(text(record, name), &why);
        if (!value) {
            error(record, name, QStringLiteral("%1: %2").arg(name, why));
            return std::nullopt;
        }
        if (value->isNegative() && !negativeAllowed) {
            error(record, name,
                  ShopImporter::tr("%1 cannot be negative (%2).").arg(name, text(record, name)));
            return std::nullopt;
        }
        return value;
    }

    std::optional<qint64> wholeNumber(const CsvRecord &record, const QString &name, qint64 minimum)
    {
        const QString value = text(record, name);
        bool ok = !value.isEmpty() && !value.startsWith(u'+');
        const qint64 number = value.toLongLong(&ok);
        if (!ok) {
            error(record, name,
                  ShopImporter::tr("%1 must be a whole number, not \"%2\".").arg(name, value));
            return std::nullopt;
        }
        if (number < minimum) {
            error(record, name,
                  ShopImporter::tr("%1 must be at least %2, not %3.")
                      .arg(name)
                      .arg(minimum)
                      .arg(number));
            return std::nullopt;
        }
        return number;
    }

    std::optional<QDateTime> dateTime(const CsvRecord &record, const QString &name)
    {
        QString why;
        const auto value = Dates::parseDateTime(text(record, name), &why);
        if (!value)
            error(record, name, QStringLiteral("%1: %2").arg(name, why));
        return value;
    }

private:
    QString m_fileName;
    QStringList &m_errors;
    QHash<QString, int> m_index;
};

std::optional<bool> flag(const QString &text)
{
    const QString value = text.toLower();
    if (value == u"1" || value == u"true" || value == u"yes")
        return true;
    if (value == u"0" || value == u"false" || value == u"no")
        return false;
    return std::nullopt;
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

bool ShopImporter::parseKind(const QString &name, Kind *kind)
{
    if (name == u"products")
        *kind = Kind::Products;
    else if (name == u"customers")
        *kind = Kind::Customers;
    else if (name == u"orders")
        *kind = Kind::Orders;
    else if (name == u"distributors")
        *kind = Kind::Distributors;
    else
        return false;
    return true;
}

ShopImporter::Report ShopImporter::importFile(Kind kind, const QString &path,
                                              const QHash<QString, QString> &mapping)
{
    return import(kind, CsvReader::fromFile(path), path, mapping);
}

void ShopImporter::advance(qint64 done, qint64 total) const
{
    if (m_progress && done % 100 == 0 && !m_progress(done, total))
        throw Cancelled(tr("The import was cancelled; nothing of it was saved."));
}

ShopImporter::Report ShopImporter::import(Kind kind, const CsvReader &reader,
                                          const QString &fileName,
                                          const QHash<QString, QString> &mapping)
{
    Report report;
    Sheet sheet(fileName, report.errors);
    for (const CsvIssue &issue : reader.issues())
        sheet.error(qMax(issue.line, 1), qMax(issue.column, 1), issue.message);
    if (!reader.issues().isEmpty())
        return report;

    // Header: csv.md's names in any order and case, or the names the mapping gives.
    const QStringList known = columns(kind);
    const QStringList &header = reader.header();
    for (int i = 0; i < header.size(); ++i) {
        const QString written = header.at(i);
        QString name = mapping.contains(written) ? mapping.value(written) : written.toLower();
        if (mapping.contains(written) && name.isEmpty())
            continue; // ignored on purpose
        if (!known.contains(name)) {
            sheet.error(1, i + 1,
                        tr("unknown column \"%1\": the columns of %2 are %3.")
                            .arg(written,
                                 kind == Kind::Products    ? QStringLiteral("products")
                                 : kind == Kind::Customers ? QStringLiteral("customers")
                                                           : QStringLiteral("orders"),
                                 known.join(QStringLiteral(", "))));
            continue;
        }
        if (sheet.has(name)) {
            sheet.error(1, i + 1, tr("the column %1 appears twice.").arg(name));
            continue;
        }
        sheet.setColumn(name, i);
    }
    for (const QString &required : requiredColumns(kind)) {
        if (!sheet.has(required))
            sheet.error(1, 1, tr("the required column %1 is missing.").arg(required));
    }
    if (!report.errors.isEmpty())
        return report;

    for (const CsvRecord &record : reader.records()) {
        if (record.fields.size() > header.size())
            sheet.error(record.line, int(header.size()) + 1,
                        tr("this row has %1 fields but the header has %2 columns.")
                            .arg(record.fields.size())
                            .arg(header.size()));
    }
    report.rows = int(reader.records().size());
    const QDateTime now = Dates::now();

    // Each kind parses every row first, then applies them all in one transaction.
    std::function<void()> apply;
    if (kind == Kind::Products) {
        struct Parsed
        {
            Product product;
            bool isNew;
            const CsvRecord *record;
        };
        QList<Parsed> parsed;
        QHash<QString, int> skuLines;
        QHash<QString, QString> barcodeOwners; // barcode -> sku in this file
        for (const CsvRecord &record : reader.records()) {
            const QString sku = sheet.text(record, QStringLiteral("sku"));
            if (skuLines.contains(sku)) {
                sheet.error(
                    record, QStringLiteral("sku"),
                    tr("the SKU %1 is already on line %2.").arg(sku).arg(skuLines.value(sku)));
                continue;
            }
            skuLines.insert(sku, record.line);
            const auto existing = m_shop.productRepository.findBySku(sku);
            Product product = existing ? *existing : Product();
            product.sku = sku;
            const int before = int(report.errors.size());
            product.name = sheet.text(record, QStringLiteral("name"));
            if (sheet.has(QStringLiteral("category")))
                product.category = sheet.text(record, QStringLiteral("category"));
            if (sheet.has(QStringLiteral("unit")))
                product.unit = sheet.text(record, QStringLiteral("unit"));
            if (const auto price = sheet.money(record, QStringLiteral("price")))
                product.price = *price;
            auto optionalMoney = [&](const QString &name, Money *target) {
                if (sheet.has(name) && !sheet.text(record, name).isEmpty()) {
                    if (const auto value = sheet.money(record, name))
                        *target = *value;
                } else if (!existing) {
                    *target = Money();
                }
            };
            optionalMoney(QStringLiteral("cost"), &product.cost);
            auto optionalNumber = [&](const QString &name, qint64 *target, qint64 minimum) {
                if (sheet.has(name) && !sheet.text(record, name).isEmpty()) {
                    if (const auto value = sheet.wholeNumber(record, name, minimum))
                        *target = *value;
                } else if (!existing) {
                    *target = 0;
                }
            };
            optionalNumber(QStringLiteral("stock"), &product.stock,
                           std::numeric_limits<qint64>::min());
            optionalNumber(QStringLiteral("low_stock"), &product.lowStock, 0);
            if (sheet.has(QStringLiteral("barcode")))
                product.barcode = sheet.text(record, QStringLiteral("barcode"));
            if (sheet.has(QStringLiteral("active"))
                && !sheet.text(record, QStringLiteral("active")).isEmpty()) {
                const auto active = flag(sheet.text(record, QStringLiteral("active")));
                if (!active)
                    sheet.error(record, QStringLiteral("active"),
                                tr("active must be 1 or 0 (true/false, yes/no), not \"%1\".")
                                    .arg(sheet.text(record, QStringLiteral("active"))));
                else
                    product.active = *active;
            }
            for (int level = 1; level <= 3; ++level) {
                const QString name = QStringLiteral("rate%1").arg(level);
                if (!sheet.has(name))
                    continue;
                const QString text = sheet.text(record, name);
                if (text.isEmpty()) {
                    product.rates[level - 1].reset();
                    continue;
                }
                QString why;
                const auto rate = Rate::parse(text, &why);
                if (!rate)
                    sheet.error(record, name, QStringLiteral("%1: %2").arg(name, why));
                else
                    product.rates[level - 1] = *rate;
            }
            if (report.errors.size() == before)
                sheet.problems(record, CatalogService::problems(product));
            if (!product.barcode.isEmpty()) {
                if (barcodeOwners.contains(product.barcode)) {
                    sheet.error(record, QStringLiteral("barcode"),
                                tr("the barcode %1 is also given to %2 in this file.")
                                    .arg(product.barcode, barcodeOwners.value(product.barcode)));
                } else if (const auto owner = m_shop.productRepository.findByBarcode(
                               product.barcode);
                           owner && owner->sku != sku) {
                    sheet.error(record, QStringLiteral("barcode"),
                                tr("the barcode %1 is already used by %2.")
                                    .arg(product.barcode, owner->sku));
                }
                barcodeOwners.insert(product.barcode, sku);
            }
            if (product.stock < 0 && !existing && !m_shop.settings.allowNegativeStock())
                sheet.error(record, QStringLiteral("stock"),
                            tr("the stock of a new product cannot be negative."));
            parsed.append({product, !existing, &record});
        }
        apply = [&, parsed] {
            qint64 applied = 0;
            for (const Parsed &item : parsed) {
                advance(applied++, parsed.size());
                try {
                    m_shop.catalog.createOrUpdate(item.product, now);
                } catch (const ValidationError &error) {
                    sheet.problems(*item.record, error.problems());
                    throw;
                } catch (const InputError &error) {
                    sheet.error(*item.record, QStringLiteral("sku"), error.message());
                    throw;
                }
                (item.isNew ? report.created : report.updated) += 1;
            }
        };
    } else if (kind == Kind::Customers) {
        struct Parsed
        {
            Customer customer;
            bool isNew;
            const CsvRecord *record;
        };
        QList<Parsed> parsed;
        QHash<QString, int> codeLines;
        const QStringList addressColumns = {QStringLiteral("receiver"), QStringLiteral("province"),
                                            QStringLiteral("city"), QStringLiteral("district"),
                                            QStringLiteral("address")};
        for (const CsvRecord &record : reader.records()) {
            const QString code = sheet.text(record, QStringLiteral("code"));
            if (codeLines.contains(code)) {
                sheet.error(record, QStringLiteral("code"),
                            tr("the customer code %1 is already on line %2.")
                                .arg(code)
                                .arg(codeLines.value(code)));
                continue;
            }
            codeLines.insert(code, record.line);
            const auto existing = m_shop.customerRepository.findByCode(code);
            Customer customer = existing ? *existing : Customer();
            customer.code = code;
            customer.name = sheet.text(record, QStringLiteral("name"));
            const auto setText = [&](const char *column, QString *target) {
                const QString name = QString::fromLatin1(column);
                if (sheet.has(name))
                    *target = sheet.text(record, name);
            };
            setText("phone", &customer.phone);
            setText("wechat", &customer.wechat);
            setText("wechat_remark", &customer.wechatRemark);
            setText("notes", &customer.notes);
            if (sheet.has(QStringLiteral("channel"))
                && !sheet.text(record, QStringLiteral("channel")).isEmpty()) {
                const auto channel = Channels::fromCode(
                    sheet.text(record, QStringLiteral("channel")).toLower());
                if (!channel)
                    sheet.error(
                        record, QStringLiteral("channel"),
                        tr("unknown channel \"%1\": use moments, group, referral, offline or other.")
                            .arg(sheet.text(record, QStringLiteral("channel"))));
                else
                    customer.channel = *channel;
            }
            if (sheet.has(QStringLiteral("tags")))
                customer.tags
                    = sheet.text(record, QStringLiteral("tags")).split(u';', Qt::SkipEmptyParts);
            const QString distributor = sheet.text(record, QStringLiteral("distributor"));
            if (!distributor.isEmpty()) {
                const auto id = m_shop.distributors.idOfCode(distributor);
                if (!id)
                    sheet.error(record, QStringLiteral("distributor"),
                                tr("there is no distributor with the code %1.").arg(distributor));
                else if (!existing || existing->distributorId == 0)
                    customer.distributorId = *id;
            }
            bool hasAddress = false;
            for (const QString &column : addressColumns)
                hasAddress = hasAddress || sheet.has(column);
            if (hasAddress) {
                Address address;
                address.receiver = sheet.text(record, QStringLiteral("receiver"));
                address.phone = customer.phone;
                address.province = sheet.text(record, QStringLiteral("province"));
                address.city = sheet.text(record, QStringLiteral("city"));
                address.district = sheet.text(record, QStringLiteral("district"));
                address.detail = sheet.text(record, QStringLiteral("address"));
                address.isDefault = true;
                customer.addresses.removeIf([](const Address &a) { return a.isDefault; });
                if (!address.isEmpty())
                    customer.addresses.prepend(address);
            }
            sheet.problems(record, CustomerService::problems(customer));
            parsed.append({customer, !existing, &record});
        }
        apply = [&, parsed] {
            qint64 applied = 0;
            for (const Parsed &item : parsed) {
                advance(applied++, parsed.size());
                try {
                    m_shop.customers.createOrUpdate(item.customer);
                } catch (const ValidationError &error) {
                    sheet.problems(*item.record, error.problems());
                    throw;
                } catch (const InputError &error) {
                    sheet.error(*item.record, QStringLiteral("code"), error.message());
                    throw;
                }
                (item.isNew ? report.created : report.updated) += 1;
            }
        };
    } else if (kind == Kind::Distributors) {
        struct Parsed
        {
            Distributor distributor;
            QString upline;
            bool isNew;
            const CsvRecord *record;
        };
        QList<Parsed> parsed;
        QHash<QString, int> index; // code -> position in parsed
        for (const CsvRecord &record : reader.records()) {
            const QString code = sheet.text(record, QStringLiteral("code"));
            if (index.contains(code)) {
                sheet.error(record, QStringLiteral("code"),
                            tr("the distributor %1 is already on line %2.")
                                .arg(code)
                                .arg(parsed.at(index.value(code)).record->line));
                continue;
            }
            const auto existing = m_shop.distributorRepository.findByCode(code);
            Distributor distributor = existing ? *existing : Distributor();
            distributor.code = code;
            distributor.name = sheet.text(record, QStringLiteral("name"));
            const auto setText = [&](const char *column, QString *target) {
                const QString name = QString::fromLatin1(column);
                if (sheet.has(name))
                    *target = sheet.text(record, name);
            };
            setText("phone", &distributor.phone);
            setText("wechat", &distributor.wechat);
            setText("notes", &distributor.notes);
            if (!sheet.text(record, QStringLiteral("status")).isEmpty()) {
                const auto status = DistributorStatuses::fromCode(
                    sheet.text(record, QStringLiteral("status")).toLower());
                if (!status)
                    sheet.error(record, QStringLiteral("status"),
                                tr("unknown status \"%1\": use active, suspended or left.")
                                    .arg(sheet.text(record, QStringLiteral("status"))));
                else
                    distributor.status = *status;
            }
            if (!sheet.text(record, QStringLiteral("joined")).isEmpty()) {
                QString why;
                const auto joined = Dates::parseDate(sheet.text(record, QStringLiteral("joined")),
                                                     &why);
                if (!joined)
                    sheet.error(record, QStringLiteral("joined"),
                                QStringLiteral("joined: %1").arg(why));
                else
                    distributor.joined = *joined;
            }
            sheet.problems(record, DistributorService::problems(distributor));
            QString upline;
            if (sheet.has(QStringLiteral("upline")))
                upline = sheet.text(record, QStringLiteral("upline"));
            else if (existing && existing->uplineId != 0)
                upline = m_shop.distributors.codeOf(existing->uplineId);
            index.insert(code, int(parsed.size()));
            parsed.append({distributor, upline, !existing, &record});
        }
        // Uplines may come later in the file; each must exist somewhere, and no chain may loop.
        QHash<QString, QString>
            storedUplines; // code -> upline code, for distributors not in the file
        const auto uplineOf = [&](const QString &code) -> std::optional<QString> {
            if (index.contains(code))
                return parsed.at(index.value(code)).upline;
            if (!storedUplines.contains(code)) {
                const auto stored = m_shop.distributorRepository.findByCode(code);
                if (!stored)
                    return std::nullopt;
                storedUplines.insert(code, m_shop.distributors.codeOf(stored->uplineId));
            }
            return storedUplines.value(code);
        };
        for (const Parsed &item : std::as_const(parsed)) {
            if (item.upline.isEmpty())
                continue;
            if (!uplineOf(item.upline)) {
                sheet.error(*item.record, QStringLiteral("upline"),
                            tr("there is no distributor %1, in this file or in the shop.")
                                .arg(item.upline));
                continue;
            }
            QSet<QString> seen{item.distributor.code};
            QString next = item.upline;
            while (!next.isEmpty()) {
                if (seen.contains(next)) {
                    sheet.error(*item.record, QStringLiteral("upline"),
                                tr("putting %1 under %2 makes a cycle: %2 is in %1's team.")
                                    .arg(item.distributor.code, item.upline));
                    break;
                }
                seen.insert(next);
                next = uplineOf(next).value_or(QString());
            }
        }
        apply = [&, parsed, index] {
            // Uplines first, so that every move lands on a tree without cycles.
            QSet<QString> done;
            QList<Parsed> pending = parsed;
            while (!pending.isEmpty()) {
                const qsizetype before = pending.size();
                for (auto it = pending.begin(); it != pending.end();) {
                    if (!it->upline.isEmpty() && index.contains(it->upline)
                        && !done.contains(it->upline)) {
                        ++it;
                        continue;
                    }
                    advance(done.size(), parsed.size());
                    try {
                        Distributor distributor = it->distributor;
                        if (it->isNew) {
                            distributor.uplineId = it->upline.isEmpty()
                                                       ? 0
                                                       : *m_shop.distributors.idOfCode(it->upline);
                            m_shop.distributorService.create(distributor);
                        } else {
                            m_shop.distributorService.update(distributor);
                            m_shop.distributorService.move(distributor.code, it->upline);
                        }
                    } catch (const ValidationError &error) {
                        sheet.problems(*it->record, error.problems());
                        throw;
                    } catch (const InputError &error) {
                        sheet.error(*it->record, QStringLiteral("upline"), error.message());
                        throw;
                    }
                    (it->isNew ? report.created : report.updated) += 1;
                    done.insert(it->distributor.code);
                    it = pending.erase(it);
                }
                if (pending.size() == before)
                    throw InputError(tr("the uplines of this file cannot be put in order."));
            }
        };
    } else {
        struct Parsed
        {
            OrderDraft draft;
            OrderStatus status = OrderStatus::Pending;
            std::optional<QDateTime> paidAt, shippedAt, completedAt;
            QString courier, tracking;
            const CsvRecord *record = nullptr;
        };
        QList<Parsed> parsed;
        const QStringList orderLevel = {
            QStringLiteral("date"),         QStringLiteral("status"),
            QStringLiteral("customer"),     QStringLiteral("distributor"),
            QStringLiteral("shipping_fee"), QStringLiteral("paid_at"),
            QStringLiteral("shipped_at"),   QStringLiteral("completed_at"),
            QStringLiteral("courier"),      QStringLiteral("tracking"),
            QStringLiteral("notes")};
        QHash<QString, int> orderLines; // order number -> its first line
        const CsvRecord *first = nullptr;
        QHash<QString, std::optional<Product>> products;
        QHash<QString, std::optional<Customer>> customers;
        for (const CsvRecord &record : reader.records()) {
            const QString number = sheet.text(record, QStringLiteral("order_no"));
            const bool continues = first
                                   && sheet.text(*first, QStringLiteral("order_no")) == number;
            if (!continues) {
                if (orderLines.contains(number)) {
                    sheet.error(record, QStringLiteral("order_no"),
                                tr("the rows of order %1 must be together; it started on line %2.")
                                    .arg(number)
                                    .arg(orderLines.value(number)));
                    continue;
                }
                orderLines.insert(number, record.line);
                first = &record;
                Parsed order;
                order.record = &record;
                order.draft.orderNo = number;
                if (const auto problem = CatalogService::codeProblem(number, tr("order number")))
                    sheet.error(record, QStringLiteral("order_no"), *problem);
                else if (m_shop.orderRepository.findByNumber(number))
                    sheet.error(
                        record, QStringLiteral("order_no"),
                        tr("the order %1 exists already; orders are never updated by an import.")
                            .arg(number));
                if (const auto date = sheet.dateTime(record, QStringLiteral("date")))
                    order.draft.date = *date;
                const QString statusText = sheet.text(record, QStringLiteral("status")).toLower();
                const auto status = OrderStatuses::fromCode(statusText);
                if (!status || *status == OrderStatus::Refunded)
                    sheet.error(
                        record, QStringLiteral("status"),
                        tr("unknown status \"%1\": use pending, paid, shipped, completed or cancelled.")
                            .arg(sheet.text(record, QStringLiteral("status"))));
                else
                    order.status = *status;
                const QString customerCode = sheet.text(record, QStringLiteral("customer"));
                if (!customers.contains(customerCode))
                    customers.insert(customerCode,
                                     m_shop.customerRepository.findByCode(customerCode));
                if (const auto &customer = customers.value(customerCode))
                    order.draft.customerId = customer->id;
                else
                    sheet.error(record, QStringLiteral("customer"),
                                tr("there is no customer with the code %1.").arg(customerCode));
                const QString distributor = sheet.text(record, QStringLiteral("distributor"));
                if (!distributor.isEmpty()) {
                    if (const auto id = m_shop.distributors.idOfCode(distributor))
                        order.draft.distributorId = *id;
                    else
                        sheet.error(
                            record, QStringLiteral("distributor"),
                            tr("there is no distributor with the code %1.").arg(distributor));
                }
                if (!sheet.text(record, QStringLiteral("shipping_fee")).isEmpty()) {
                    if (const auto fee = sheet.money(record, QStringLiteral("shipping_fee")))
                        order.draft.shippingFee = *fee;
                }
                const auto optionalDate = [&](const char *column, std::optional<QDateTime> *target,
                                              bool needed) {
                    const QString name = QString::fromLatin1(column);
                    if (!sheet.text(record, name).isEmpty())
                        *target = sheet.dateTime(record, name);
                    else if (needed && order.draft.date.isValid())
                        *target = order.draft.date;
                };
                const bool paid = order.status != OrderStatus::Pending
                                  && order.status != OrderStatus::Cancelled;
                optionalDate("paid_at", &order.paidAt, paid);
                optionalDate("shipped_at", &order.shippedAt, order.status == OrderStatus::Shipped);
                optionalDate("completed_at", &order.completedAt,
                             order.status == OrderStatus::Completed);
                order.courier = sheet.text(record, QStringLiteral("courier"));
                order.tracking = sheet.text(record, QStringLiteral("tracking"));
                order.draft.notes = sheet.text(record, QStringLiteral("notes"));
                if (order.status == OrderStatus::Shipped
                    && (order.courier.isEmpty() || order.tracking.isEmpty()))
                    sheet.error(record,
                                sheet.has(QStringLiteral("tracking")) ? QStringLiteral("tracking")
                                                                      : QStringLiteral("status"),
                                tr("a shipped order needs its courier and tracking number."));
                parsed.append(order);
            } else {
                for (const QString &column : orderLevel) {
                    if (sheet.text(record, column) != sheet.text(*first, column))
                        sheet.error(
                            record, column,
                            tr("order %1: %2 is \"%3\" here but \"%4\" on line %5; the rows of one order must agree.")
                                .arg(number, column, sheet.text(record, column),
                                     sheet.text(*first, column))
                                .arg(first->line));
                }
            }
            if (parsed.isEmpty())
                continue;
            // The line itself.
            OrderDraft::Line line;
            const QString sku = sheet.text(record, QStringLiteral("sku"));
            if (!products.contains(sku))
                products.insert(sku, m_shop.productRepository.findBySku(sku));
            const auto &product = products.value(sku);
            if (!product)
                sheet.error(record, QStringLiteral("sku"),
                            tr("there is no product with the SKU %1.").arg(sku));
            else if (!product->active)
                sheet.error(
                    record, QStringLiteral("sku"),
                    tr("the product %1 is inactive: activate it before importing its orders.")
                        .arg(sku));
            else
                line.productId = product->id;
            if (const auto quantity = sheet.wholeNumber(record, QStringLiteral("quantity"), 1))
                line.quantity = *quantity;
            if (!sheet.text(record, QStringLiteral("unit_price")).isEmpty())
                line.unitPrice = sheet.money(record, QStringLiteral("unit_price"));
            if (!sheet.text(record, QStringLiteral("discount")).isEmpty()) {
                if (const auto discount = sheet.money(record, QStringLiteral("discount")))
                    line.discount = *discount;
            }
            parsed.last().draft.lines.append(line);
        }
        // Effects happen in order of payment (csv.md); unpaid orders by their date.
        std::stable_sort(parsed.begin(), parsed.end(), [](const Parsed &a, const Parsed &b) {
            return a.paidAt.value_or(a.draft.date) < b.paidAt.value_or(b.draft.date);
        });
        apply = [&, parsed] {
            qint64 applied = 0;
            for (const Parsed &order : parsed) {
                advance(applied++, parsed.size());
                // What the file says happened to it, taken as the workflow takes each step.
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
                try {
                    m_shop.orders.record(order.draft, history);
                } catch (const ValidationError &error) {
                    sheet.problems(*order.record, error.problems());
                    throw;
                } catch (const InputError &error) {
                    sheet.error(*order.record, QStringLiteral("status"),
                                tr("order %1: %2").arg(order.draft.orderNo, error.message()));
                    throw;
                }
                report.created += 1;
            }
        };
    }

    if (!report.errors.isEmpty())
        return report;
    try {
        m_shop.transactor.inTransaction(apply);
        if (m_progress)
            m_progress(report.rows, report.rows);
    } catch (const Cancelled &) {
        throw; // rolled back: the caller says so
    } catch (const InputError &error) {
        // A rule refused a record while it was applied; rolled back. A database that failed
        // (a full disk, a lost server) is no fault of the file: its error goes up unchanged.
        report.created = 0;
        report.updated = 0;
        if (report.errors.isEmpty())
            sheet.error(1, 1, error.message());
    }
    return report;
}

} // namespace MicroShop
