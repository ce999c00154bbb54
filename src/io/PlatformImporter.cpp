#include "PlatformImporter.h"

#include "CsvReader.h"
#include "ImportSheet.h"
#include "PlatformCells.h"
#include "PlatformOrderReader.h"
#include "ShopImporter.h"
#include "TableFile.h"
#include "TableSource.h"

#include "CatalogService.h"
#include "CommissionRepositories.h"
#include "CustomerService.h"
#include "OrderWorkflow.h"
#include "Repositories.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QHash>
#include <QSet>

namespace MicroShop {

namespace {

// Where an order stands on the way pending -> paid -> shipped -> completed.
int progressOf(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Pending:
        return 0;
    case OrderStatus::Paid:
        return 1;
    case OrderStatus::Shipped:
        return 2;
    case OrderStatus::Completed:
        return 3;
    case OrderStatus::Cancelled:
    case OrderStatus::Refunded:
        return 4;
    }
    return 0;
}

// One import of one file, read as a stream: each order's rows (which follow each other) read,
// checked, priced and matched, then applied at once while no error has been found; after the
// first error the rest is still read, to report every bad row, and nothing is applied.
class PlatformImport final
{
    Q_DECLARE_TR_FUNCTIONS(PlatformImporter)

public:
    PlatformImport(ShopContext &shop, Platform platform, const QList<ProductAlias> &aliases,
                   ImportSheet &sheet, PlatformImporter::Report &report, QString fileName)
        : m_shop(shop)
        , m_platform(platform)
        , m_aliases(aliases)
        , m_sheet(sheet)
        , m_report(report)
        , m_fileName(std::move(fileName))
        , m_reader(PlatformFormats::of(platform), sheet)
    {}

    PlatformOrderReader &reader() { return m_reader; }
    // Reads every record of the source (after its header); apply: writes each order as it comes,
    // inside the caller's transaction. Errors go to the sheet.
    void read(TableSource &source, bool apply, const ProgressCallback &progress);

private:
    struct Planned
    {
        const PlatformOrder *order = nullptr;
        QList<OrderDraft::Line> lines;
        Money shippingFee;
        qint64 distributorId = 0;
    };

    void finishOrder(const QList<CsvRecord> &rows, bool apply);
    bool plan(const PlatformOrder &order, Planned &planned);
    void applyOrder(const Planned &planned);
    std::optional<qint64> productOf(const PlatformItem &item);
    std::optional<qint64> aliased(const ProductAlias &key) const;
    void reportUnmatched(const PlatformItem &item, QSet<QString> &reported);
    bool priceLines(const PlatformOrder &order, Planned &planned);
    qint64 distributorOf(const PlatformOrder &order);
    qint64 customerOf(const PlatformOrder &order);
    void create(const Planned &planned);
    bool moveForward(const PlatformOrder &order, const Order &existing);
    void refundAll(const QString &orderNo, bool shipped, const QDateTime &at);
    void note(const CsvRecord &record, PlatformField field, const QString &message);
    QString statusColumn() const { return m_reader.column(PlatformField::Status); }

    ShopContext &m_shop;
    Platform m_platform;
    const QList<ProductAlias> &m_aliases;
    ImportSheet &m_sheet;
    PlatformImporter::Report &m_report;
    QString m_fileName;
    PlatformOrderReader m_reader;
    QSet<QString> m_unmatched; // each item reported once
    qint64 m_notesLeftOut = 0;
    QHash<QString, qint64> m_distributors; // phone|name -> id (0: unknown, noted once)
};

std::optional<qint64> PlatformImport::aliased(const ProductAlias &key) const
{
    const bool byCode = !key.code.isEmpty();
    for (const ProductAlias &alias : m_aliases) {
        if (alias.platform != key.platform)
            continue;
        if (byCode ? alias.code == key.code
                   : (alias.code.isEmpty() && alias.name == key.name && alias.spec == key.spec)) {
            if (const auto product = m_shop.productRepository.findBySku(alias.sku))
                return product->id;
        }
    }
    return m_shop.productRepository.aliasedProduct(key);
}

std::optional<qint64> PlatformImport::productOf(const PlatformItem &item)
{
    const QStringList codes = {item.specCode, item.code};
    for (const QString &code : codes) {
        if (code.isEmpty())
            continue;
        if (const auto product = m_shop.productRepository.findBySku(code))
            return product->id;
    }
    for (const QString &code : codes) {
        if (code.isEmpty())
            continue;
        if (const auto product = aliased({m_platform, code, {}, {}, {}}))
            return product;
    }
    return aliased({m_platform, {}, item.name, item.spec, {}});
}

// Each unmatched item once, at its first row, with what the file says of it.
void PlatformImport::reportUnmatched(const PlatformItem &item, QSet<QString> &reported)
{
    const QString key = QStringList{item.specCode, item.code, item.name, item.spec}.join(u'\x1f');
    if (reported.contains(key))
        return;
    reported.insert(key);
    const qsizetype before = m_sheet.errorCount();
    m_report.unmatched.append({item.specCode.isEmpty() ? item.code : item.specCode, item.name,
                               item.spec, item.record->line});
    QStringList known;
    if (!item.spec.isEmpty())
        known.append(tr("spec \"%1\"").arg(item.spec));
    for (const QString &code : {item.specCode, item.code}) {
        if (!code.isEmpty())
            known.append(tr("code \"%1\"").arg(code));
    }
    QString described = QStringLiteral("\"%1\"").arg(item.name);
    if (!known.isEmpty())
        described += QStringLiteral(" (%1)").arg(known.join(QStringLiteral(", ")));
    const PlatformField where = item.name.isEmpty() ? PlatformField::ItemCode
                                                    : PlatformField::ItemName;
    m_sheet.error(*item.record, m_reader.column(where),
                  tr("no product matches the %1 item %2: make its merchant code on %1 the "
                     "product's SKU, or give an alias (platform,code,name,spec,sku).")
                      .arg(Platforms::displayName(m_platform), described));
    m_report.unmatchedErrors += int(m_sheet.errorCount() - before);
}

void PlatformImport::read(TableSource &source, bool apply, const ProgressCallback &progress)
{
    QList<CsvRecord> rows; // the rows of the order being read
    QSet<QString> finished;
    qint64 orders = 0;
    const auto take = [&](const CsvRecord &record) {
        const QString number = m_reader.orderNo(record);
        if (!rows.isEmpty() && number != m_reader.orderNo(rows.constFirst())) {
            finishOrder(rows, apply);
            rows.clear();
            if (progress && ++orders % 100 == 0 && !progress(orders, -1))
                throw Cancelled(tr("The import was cancelled; nothing of it was saved."));
        }
        if (rows.isEmpty() && finished.contains(number))
            m_sheet.error(record, m_reader.column(PlatformField::OrderNo),
                          tr("the rows of the order %1 are not together: an order's rows follow "
                             "each other, as the platform exports them (sort the file by %2).")
                              .arg(number, m_reader.column(PlatformField::OrderNo)));
        finished.insert(number);
        rows.append(record);
        m_report.rows += 1;
    };
    std::optional<CsvRecord> summary; // a 合计 row: dropped if nothing follows it
    CsvRecord record;
    while (source.next(record)) {
        for (QString &field : record.fields)
            field = PlatformCells::clean(field);
        if (PlatformCells::isBlank(record))
            continue;
        if (summary) // not the last row after all: read as any other
            take(*std::exchange(summary, std::nullopt));
        if (PlatformCells::isSummary(record))
            summary = record;
        else
            take(record);
    }
    for (const CsvIssue &issue : source.issues())
        m_sheet.error(qMax(issue.line, 1), qMax(issue.column, 1), issue.message);
    if (!rows.isEmpty())
        finishOrder(rows, apply);
    if (m_notesLeftOut > 0)
        m_report.notes.append(
            tr("%1: and %2 more notes like these.").arg(m_fileName).arg(m_notesLeftOut));
}

void PlatformImport::finishOrder(const QList<CsvRecord> &rows, bool apply)
{
    if (m_reader.orderNo(rows.constFirst()).isEmpty()) {
        for (const CsvRecord &row : rows)
            m_sheet.error(row, m_reader.column(PlatformField::OrderNo),
                          tr("the order number is empty."));
        return;
    }
    m_report.orders += 1;
    const PlatformOrder order = m_reader.order(rows);
    Planned planned;
    if (plan(order, planned) && apply && m_sheet.errorCount() == 0)
        applyOrder(planned);
}

// Matches the items and the distributor and prices the lines; false (errors in the sheet) when
// the order cannot be imported.
bool PlatformImport::plan(const PlatformOrder &order, Planned &planned)
{
    planned = {&order, {}, {}, 0};
    bool matched = true;
    for (const PlatformItem &item : order.items) {
        const auto product = productOf(item);
        if (!product) {
            matched = false;
            reportUnmatched(item, m_unmatched);
        }
        planned.lines.append({product.value_or(0), item.quantity, item.unitPrice, Money()});
    }
    if (order.items.isEmpty()) {
        m_sheet.error(*order.record, m_reader.column(PlatformField::ItemName),
                      tr("the order %1 has no item.").arg(order.platformNo));
        return false;
    }
    if (!matched || !priceLines(order, planned))
        return false;
    planned.distributorId = distributorOf(order);
    return true;
}

// platforms.md: line prices as given (or the goods total over the quantities), then the discount
// that makes goods + shipping equal the paid amount spread over the lines by their nets.
bool PlatformImport::priceLines(const PlatformOrder &order, Planned &planned)
{
    QList<Money> nets;
    if (!order.items.constFirst().unitPrice) {
        if (!order.goodsTotal) {
            m_sheet.error(*order.record, m_reader.column(PlatformField::GoodsTotal),
                          tr("the order %1 has no goods total and its items no price.")
                              .arg(order.platformNo));
            return false;
        }
        QList<Money> quantities;
        for (const OrderDraft::Line &line : planned.lines)
            quantities.append(Money::fromMinorUnits(line.quantity));
        nets = spreadInProportion(*order.goodsTotal, quantities);
        for (qsizetype i = 0; i < nets.size(); ++i) {
            OrderDraft::Line &line = planned.lines[i];
            const qint64 net = nets.at(i).minorUnits();
            line.unitPrice = Money::fromMinorUnits((net + line.quantity - 1) / line.quantity);
            line.discount = line.unitPrice->times(line.quantity) - nets.at(i);
        }
    } else {
        for (const OrderDraft::Line &line : planned.lines)
            nets.append(line.unitPrice->times(line.quantity));
    }
    Money goods;
    for (const Money net : nets)
        goods += net;
    planned.shippingFee = order.shippingFee.value_or(Money());
    const bool unpaid = order.status == OrderStatus::Pending
                        || order.status == OrderStatus::Cancelled;
    if (!order.paidAmount || (unpaid && order.paidAmount->isZero()))
        return true;
    Money discount = goods + planned.shippingFee - *order.paidAmount;
    if (discount.isNegative()) {
        m_sheet.error(*order.record, m_reader.column(PlatformField::PaidAmount),
                      tr("the paid amount %1 is more than the items (%2) plus shipping (%3).")
                          .arg(order.paidAmount->toString(), goods.toString(),
                               planned.shippingFee.toString()));
        return false;
    }
    if (discount > goods) { // more than the goods: the rest was taken off the shipping fee
        planned.shippingFee -= discount - goods;
        discount = goods;
    }
    const QList<Money> parts = spreadInProportion(discount, nets);
    for (qsizetype i = 0; i < parts.size(); ++i)
        planned.lines[i].discount += parts.at(i);
    return true;
}

qint64 PlatformImport::distributorOf(const PlatformOrder &order)
{
    const QString phone = order.distributorPhone;
    const QString name = order.distributorName;
    if (phone.isEmpty() && name.isEmpty())
        return 0;
    const QString key = phone + u'|' + name;
    if (const auto known = m_distributors.constFind(key); known != m_distributors.constEnd())
        return *known;
    // By phone, then by name; a phone or name that several distributors share names none.
    const DistributorRepository &distributors = m_shop.distributorRepository;
    QList<Distributor> found;
    if (!phone.isEmpty() && !PlatformCells::isMasked(phone))
        found = distributors.withPhone(phone);
    if (found.isEmpty() && !name.isEmpty())
        found = distributors.withName(name);
    const qint64 id = found.size() == 1 ? found.constFirst().id : 0;
    const QString who = QStringList{name, phone}.join(u' ').trimmed();
    const PlatformField where = name.isEmpty() ? PlatformField::DistributorPhone
                                               : PlatformField::DistributorName;
    if (found.isEmpty())
        note(*order.record, where,
             tr("the distributor %1 is not in MicroShop: their orders are imported without a "
                "distributor (the customer's, if bound). Add the distributor with this phone or "
                "name to credit them.")
                 .arg(who));
    else if (found.size() > 1)
        note(*order.record, where,
             tr("%1 distributors are %2: their orders are imported without a distributor (the "
                "customer's, if bound). Give each distributor their own phone to tell them "
                "apart.")
                 .arg(found.size())
                 .arg(who));
    m_distributors.insert(key, id);
    return id;
}

qint64 PlatformImport::customerOf(const PlatformOrder &order)
{
    const Channel channel = Channels::ofPlatform(m_platform);
    const QString account = order.buyerAccount;
    const QString phone = order.receiver.phone;
    if (!account.isEmpty() && !PlatformCells::isMasked(account)) {
        if (const auto found = m_shop.customerRepository.findByPlatformAccount(channel, account))
            return found->id;
    }
    if (!phone.isEmpty() && !PlatformCells::isMasked(phone)) {
        if (const auto found = m_shop.customerRepository.findByPhone(phone))
            return found->id;
    }
    Customer customer;
    customer.code = m_shop.customers.nextCode();
    customer.name
        = !order.receiver.receiver.isEmpty() ? order.receiver.receiver
          : !account.isEmpty()
              ? account
              : tr("%1 buyer %2").arg(Platforms::displayName(m_platform), order.platformNo);
    customer.phone = phone;
    customer.channel = channel;
    customer.platformAccount = account;
    if (!order.receiver.isEmpty())
        customer.addresses = {order.receiver};
    return m_shop.customers.create(customer).id;
}

void PlatformImport::applyOrder(const Planned &planned)
{
    const PlatformOrder &order = *planned.order;
    try {
        // Most orders of an export are new: a lookup tells, before the order is read.
        const auto existing = m_shop.orderRepository.hasPlatformNumber(m_platform, order.platformNo)
                                  ? m_shop.orderRepository.findByPlatformNumber(m_platform,
                                                                                order.platformNo)
                                  : std::nullopt;
        if (!existing) {
            create(planned);
            m_report.created += 1;
        } else if (moveForward(order, *existing)) {
            m_report.updated += 1;
        } else {
            m_report.unchanged += 1;
        }
    } catch (const ValidationError &error) {
        m_sheet.problems(*order.record, error.problems());
    } catch (const InputError &error) {
        m_sheet.error(*order.record, statusColumn(),
                      tr("order %1: %2").arg(order.platformNo, error.message()));
    }
}

void PlatformImport::create(const Planned &planned)
{
    const PlatformOrder &order = *planned.order;
    OrderDraft draft;
    draft.platform = m_platform;
    draft.platformNo = order.platformNo;
    draft.date = order.createdAt;
    draft.customerId = customerOf(order);
    draft.distributorId = planned.distributorId;
    draft.lines = planned.lines;
    draft.shippingFee = planned.shippingFee;

    // Each step at the file's time for it, else at the step's before it.
    OrderHistory history;
    const QDateTime paidAt = order.paidAt.value_or(order.createdAt);
    const QDateTime shippedAt = order.shippedAt.value_or(paidAt);
    const bool tracked = !order.courier.isEmpty() && !order.tracking.isEmpty();
    const int progress = progressOf(order.status);
    if (order.status == OrderStatus::Cancelled) {
        history.cancelledAt = order.createdAt;
    } else if (progress >= 1) {
        history.paidAt = paidAt;
        if (progress >= 2 && tracked) {
            history.shippedAt = shippedAt;
            history.courier = order.courier;
            history.tracking = order.tracking;
        }
        if (order.status == OrderStatus::Completed
            || (order.status == OrderStatus::Refunded && order.completedAt))
            history.completedAt = order.completedAt.value_or(shippedAt);
    }
    const Order made = m_shop.orders.record(draft, history);
    if (order.status == OrderStatus::Shipped && !tracked)
        note(*order.record, PlatformField::Status,
             tr("the %1 order %2 is shipped but the file has no courier and tracking number: it "
                "is recorded as paid; ship it in MicroShop with them.")
                 .arg(Platforms::displayName(m_platform), order.platformNo));
    if (order.status == OrderStatus::Refunded)
        refundAll(made.orderNo, history.shippedAt || history.completedAt,
                  history.completedAt.value_or(history.shippedAt.value_or(paidAt)));
}

bool PlatformImport::moveForward(const PlatformOrder &order, const Order &existing)
{
    OrderStatus wanted = order.status;
    const OrderStatus had = existing.status;
    if (wanted == OrderStatus::Cancelled && had != OrderStatus::Pending
        && had != OrderStatus::Cancelled)
        wanted = OrderStatus::Refunded; // closed after MicroShop saw it paid
    if (wanted == had)
        return false;
    const bool finished = had == OrderStatus::Cancelled || had == OrderStatus::Refunded;
    if (finished || (progressOf(wanted) < progressOf(had))) {
        note(*order.record, PlatformField::Status,
             tr("the %1 order %2 is already %4 in MicroShop (as %3) and the file says %5: it was "
                "left as it is.")
                 .arg(Platforms::displayName(m_platform), order.platformNo, existing.orderNo,
                      OrderStatuses::displayName(had), OrderStatuses::displayName(wanted)));
        return false;
    }
    const QString &number = existing.orderNo;
    OrderWorkflow &workflow = m_shop.orders;
    if (wanted == OrderStatus::Cancelled) { // had is pending
        workflow.cancel(number, existing.date);
        return true;
    }
    bool moved = false;
    QDateTime last = existing.paidAt.value_or(existing.date);
    if (had == OrderStatus::Pending) {
        last = order.paidAt.value_or(existing.date);
        workflow.pay(number, last, PaymentMethod::Other);
        moved = true;
    }
    const bool tracked = !order.courier.isEmpty() && !order.tracking.isEmpty();
    bool shipped = progressOf(had) >= 2 && had != OrderStatus::Refunded;
    if (wanted != OrderStatus::Refunded && progressOf(wanted) >= 2 && !shipped && tracked) {
        last = order.shippedAt.value_or(last);
        workflow.ship(number, order.courier, order.tracking, last);
        shipped = moved = true;
    }
    if (wanted == OrderStatus::Completed) {
        last = order.completedAt.value_or(existing.shippedAt.value_or(last));
        workflow.complete(number, last);
        moved = true;
    } else if (wanted == OrderStatus::Refunded) {
        // The goods left when the order was shipped or completed, here or on the platform.
        refundAll(number, shipped || tracked || order.completedAt.has_value(),
                  order.completedAt.value_or(
                      existing.completedAt.value_or(existing.shippedAt.value_or(last))));
        moved = true;
    } else if (wanted == OrderStatus::Shipped && !tracked && !shipped) {
        note(*order.record, PlatformField::Status,
             tr("the %1 order %2 (%3 in MicroShop) is shipped but the file has no courier and "
                "tracking number: ship it in MicroShop with them.")
                 .arg(Platforms::displayName(m_platform), order.platformNo, number));
    }
    return moved;
}

// Everything back, shipping included; the goods back into stock only when they never left.
void PlatformImport::refundAll(const QString &orderNo, bool shipped, const QDateTime &at)
{
    RefundRequest request;
    request.restock = !shipped;
    request.refundShipping = true;
    request.at = at;
    request.reason = tr("refunded on %1").arg(Platforms::displayName(m_platform));
    m_shop.orders.refund(orderNo, request);
}

void PlatformImport::note(const CsvRecord &record, PlatformField field, const QString &message)
{
    // As many as the errors at most: a file's worth of notes would undo reading it as a stream.
    if (m_report.notes.size() >= ShopImporter::maxErrors) {
        m_notesLeftOut += 1;
        return;
    }
    m_report.notes.append(QStringLiteral("%1:%2:%3: %4")
                              .arg(m_fileName)
                              .arg(record.line)
                              .arg(m_sheet.columnNumber(m_reader.column(field)))
                              .arg(message));
}

} // namespace

PlatformImporter::PlatformImporter(ShopContext &shop)
    : m_shop(shop)
{}

std::optional<Platform> PlatformImporter::detect(const QStringList &header)
{
    QStringList cleaned;
    for (const QString &name : header)
        cleaned.append(PlatformCells::clean(name));
    return PlatformFormats::detect(cleaned);
}

PlatformImporter::Report PlatformImporter::import(const TableFile &table, const QString &fileName,
                                                  std::optional<Platform> platform, Mode mode)
{
    TableFileSource source(table);
    return import(source, fileName, platform, mode);
}

PlatformImporter::Report PlatformImporter::import(TableSource &source, const QString &fileName,
                                                  std::optional<Platform> platform, Mode mode)
{
    Report report;
    ImportSheet sheet(fileName, report.errors);
    if (source.header().isEmpty()) { // nothing read: the file's own problem says why
        for (const CsvIssue &issue : source.issues())
            sheet.error(qMax(issue.line, 1), qMax(issue.column, 1), issue.message);
        if (!report.errors.isEmpty())
            return report;
    }
    QStringList header;
    for (const QString &name : source.header())
        header.append(PlatformCells::clean(name));
    if (!platform)
        platform = PlatformFormats::detect(header);
    if (!platform) {
        sheet.error(1, 1,
                    tr("the header matches no platform's order export. MicroShop looked for "
                       "these columns: %1.")
                        .arg(PlatformFormats::signatures()));
        return report;
    }
    report.platform = platform;
    PlatformImport run(m_shop, *platform, m_aliases, sheet, report, fileName);
    run.reader().mapHeader(header);
    if (!report.ok())
        return report;
    if (mode == Mode::Check) {
        run.read(source, false, m_progress);
        return report;
    }
    try {
        m_shop.transactor.inBulkTransaction([&] {
            for (const ProductAlias &alias : std::as_const(m_aliases))
                m_shop.catalog.saveAlias(alias);
            run.read(source, true, m_progress);
            if (!report.ok()) // found on the way: what was applied before goes back
                throw InputError(QString());
        });
    } catch (const Cancelled &) {
        throw;
    } catch (const InputError &error) {
        // Rolled back. A database that failed is no fault of the file: its error goes up.
        if (report.errors.isEmpty())
            sheet.error(1, 1, error.message());
    }
    if (!report.ok()) {
        report.created = report.updated = report.unchanged = 0;
        report.notes.clear();
    }
    return report;
}

QList<ProductAlias> PlatformImporter::readAliases(const TableFile &table, const QString &fileName,
                                                  QStringList &errors) const
{
    QList<ProductAlias> aliases;
    ImportSheet sheet(fileName, errors);
    for (const CsvIssue &issue : table.issues)
        sheet.error(qMax(issue.line, 1), qMax(issue.column, 1), issue.message);
    if (!table.issues.isEmpty())
        return aliases;
    const QStringList columns = {QStringLiteral("platform"), QStringLiteral("code"),
                                 QStringLiteral("name"), QStringLiteral("spec"),
                                 QStringLiteral("sku")};
    sheet.mapHeader(table.header, columns, {}, QStringLiteral("aliases"));
    sheet.requireColumns({QStringLiteral("platform"), QStringLiteral("sku")});
    if (!errors.isEmpty())
        return aliases;
    for (const CsvRecord &record : table.records) {
        ProductAlias alias;
        const QString platform = sheet.text(record, QStringLiteral("platform")).toLower();
        const auto known = Platforms::fromCode(platform);
        if (!known) {
            QStringList codes;
            for (const Platform each : Platforms::all())
                codes.append(Platforms::code(each));
            sheet.error(record, QStringLiteral("platform"),
                        tr("unknown platform \"%1\": it is one of %2.")
                            .arg(platform, codes.join(QStringLiteral(", "))));
            continue;
        }
        alias.platform = *known;
        alias.code = PlatformCells::clean(sheet.text(record, QStringLiteral("code")));
        alias.name = PlatformCells::clean(sheet.text(record, QStringLiteral("name")));
        alias.spec = PlatformCells::clean(sheet.text(record, QStringLiteral("spec")));
        alias.sku = sheet.text(record, QStringLiteral("sku"));
        if (alias.code.isEmpty() && alias.name.isEmpty())
            sheet.error(record, QStringLiteral("code"),
                        tr("an alias needs the platform's code or the item's name."));
        else if (!m_shop.productRepository.findBySku(alias.sku))
            sheet.error(record, QStringLiteral("sku"),
                        tr("no product has the SKU \"%1\".").arg(alias.sku));
        else
            aliases.append(alias);
    }
    return aliases;
}

} // namespace MicroShop
