#include "OrderWorkflow.h"

#include "AuditTrail.h"

#include "CatalogService.h"
#include "Dates.h"
#include "ShopSettings.h"

#include <QHash>
#include <QSet>

namespace MicroShop {

OrderWorkflow::OrderWorkflow(OrderRepository &orders, ProductRepository &products,
                             CustomerRepository &customers, DistributorDirectory &distributors,
                             const ShopSettings &settings, CommissionHook &commissions,
                             AuditLog &audit, Transactor &transactor)
    : m_orders(orders)
    , m_products(products)
    , m_customers(customers)
    , m_distributors(distributors)
    , m_commissions(commissions)
    , m_audit(audit)
    , m_transactor(transactor)
    , m_stock(products, settings)
{}

bool OrderWorkflow::isAllowed(OrderStatus status, Move move)
{
    switch (move) {
    case Move::Pay:
        return status == OrderStatus::Pending;
    case Move::Ship:
        return status == OrderStatus::Paid;
    case Move::Complete:
        return status == OrderStatus::Paid || status == OrderStatus::Shipped;
    case Move::Cancel:
        return status == OrderStatus::Pending || status == OrderStatus::Paid;
    case Move::Refund:
        return status == OrderStatus::Paid || status == OrderStatus::Shipped
               || status == OrderStatus::Completed;
    }
    return false;
}

QString OrderWorkflow::moveName(Move move)
{
    switch (move) {
    case Move::Pay:
        return tr("paid");
    case Move::Ship:
        return tr("shipped");
    case Move::Complete:
        return tr("completed");
    case Move::Cancel:
        return tr("cancelled");
    case Move::Refund:
        return tr("refunded");
    }
    return QString();
}

void OrderWorkflow::refuse(const Order &order, Move move) const
{
    throw InputError(tr("Order %1 is %2 (%3), so it cannot be %4. Nothing was changed.")
                         .arg(order.orderNo, OrderStatuses::code(order.status),
                              OrderStatuses::displayName(order.status), moveName(move)));
}

QDateTime OrderWorkflow::effectiveTime(const Order &order, const QDateTime &at,
                                       const QDateTime &earliest, Move move) const
{
    QDateTime when = at.isValid() ? at : Dates::now();
    if (!earliest.isValid() || when >= earliest)
        return when;
    if (when.date() == earliest.date())
        return earliest;
    throw InputError(tr("Order %1 cannot be %2 on %3: that is before %4, when its previous step "
                        "happened.")
                         .arg(order.orderNo, moveName(move), Dates::toText(when.date()),
                              Dates::toText(earliest.date())));
}

Order OrderWorkflow::orderByNumber(const QString &orderNo) const
{
    const auto order = m_orders.findByNumber(orderNo);
    if (!order)
        throw InputError(tr("There is no order %1.").arg(orderNo));
    return *order;
}

Order OrderWorkflow::lockedOrder(const QString &orderNo)
{
    const Order order = orderByNumber(orderNo);
    // Read again once held: another desktop may have moved it while this one waited.
    return m_orders.lock(order.id) ? orderByNumber(orderNo) : order;
}

Money OrderWorkflow::refundAmount(const OrderLine &line, qint64 units)
{
    if (line.refundedQuantity + units >= line.quantity)
        return line.net - line.refundedAmount;
    return line.net.scaled(units, line.quantity);
}

Order OrderWorkflow::buildOrder(const OrderDraft &draft, const Order *existing) const
{
    QList<FieldProblem> found;
    Order order = existing ? *existing : Order();
    order.orderNo = draft.orderNo.trimmed();
    if (!existing && order.orderNo.isEmpty())
        order.orderNo = m_orders.nextOrderNumber(
            (draft.date.isValid() ? draft.date : Dates::now()).date());
    if (const auto problem = CatalogService::codeProblem(order.orderNo, tr("order number")))
        found.append({QStringLiteral("order_no"), *problem});
    order.date = draft.date.isValid() ? draft.date : Dates::now();
    if (!existing) { // where an order came from does not change
        order.platform = draft.platform;
        order.platformNo = draft.platform ? draft.platformNo.trimmed() : QString();
        if (order.platform && order.platformNo.isEmpty())
            found.append(
                {QStringLiteral("platform_no"), tr("An order from %1 needs its order number there.")
                                                    .arg(Platforms::displayName(*order.platform))});
    }

    const auto customer = m_customers.findById(draft.customerId);
    if (!customer)
        found.append({QStringLiteral("customer"), tr("Choose the customer of the order.")});
    order.customerId = draft.customerId;
    order.distributorId = draft.distributorId != 0 ? draft.distributorId
                                                   : (customer ? customer->distributorId : 0);
    if (order.distributorId != 0 && m_distributors.codeOf(order.distributorId).isEmpty())
        found.append(
            {QStringLiteral("distributor"), tr("The order's distributor does not exist.")});

    if (draft.shippingFee.isNegative())
        found.append({QStringLiteral("shipping_fee"), tr("The shipping fee cannot be negative.")});
    order.shippingFee = draft.shippingFee;
    order.notes = draft.notes;

    if (draft.lines.isEmpty())
        found.append({QStringLiteral("sku"), tr("An order needs at least one line.")});
    order.lines.clear();
    int lineNo = 0;
    for (const OrderDraft::Line &draftLine : draft.lines) {
        ++lineNo;
        OrderLine line;
        line.lineNo = lineNo;
        const auto product = m_products.findById(draftLine.productId);
        if (!product) {
            found.append({QStringLiteral("sku"), tr("Line %1 has no product.").arg(lineNo)});
            continue;
        }
        if (!product->active)
            found.append({QStringLiteral("sku"), tr("The product %1 is inactive: activate it "
                                                    "before selling it.")
                                                     .arg(product->sku)});
        if (draftLine.quantity <= 0)
            found.append(
                {QStringLiteral("quantity"), tr("The quantity of %1 must be at least 1, not %2.")
                                                 .arg(product->sku)
                                                 .arg(draftLine.quantity)});
        const Money price = draftLine.unitPrice.value_or(product->price);
        if (price.isNegative())
            found.append({QStringLiteral("unit_price"),
                          tr("The unit price of %1 cannot be negative.").arg(product->sku)});
        if (draftLine.discount.isNegative())
            found.append({QStringLiteral("discount"),
                          tr("The discount on %1 cannot be negative.").arg(product->sku)});
        line.productId = product->id;
        line.sku = product->sku;
        line.productName = product->name;
        line.quantity = draftLine.quantity;
        line.unitPrice = price;
        line.unitCost = product->cost;
        line.discount = draftLine.discount;
        line.net = OrderLine::netOf(qMax<qint64>(line.quantity, 0), price, draftLine.discount);
        order.lines.append(line);
    }
    if (!found.isEmpty())
        throw ValidationError(found);
    return order;
}

Order OrderWorkflow::insertNew(const OrderDraft &draft)
{
    // One new order at a time across desktops: the next number is read, then used.
    m_transactor.takeTurn(QStringLiteral("order numbers"));
    Order order = buildOrder(draft, nullptr);
    if (m_orders.hasNumber(order.orderNo))
        throw ValidationError({{QStringLiteral("order_no"),
                                tr("The order number %1 is already used.").arg(order.orderNo)}});
    if (order.platform && m_orders.hasPlatformNumber(*order.platform, order.platformNo))
        throw ValidationError(
            {{QStringLiteral("platform_no"),
              tr("The %1 order %2 is already in the shop.")
                  .arg(Platforms::displayName(*order.platform), order.platformNo)}});
    m_orders.insert(order);
    m_customers.noteOrderDate(order.customerId, order.date.date());
    // domain.md: an unbound customer is bound, permanently, to its first order's distributor.
    const auto customer = m_customers.findById(order.customerId);
    if (customer && customer->distributorId == 0 && order.distributorId != 0) {
        m_customers.setDistributor(customer->id, order.distributorId);
        m_audit.append({QStringLiteral("customer.bind"), QStringLiteral("customer"), customer->code,
                        QStringLiteral("-> %1 (order %2)")
                            .arg(m_distributors.codeOf(order.distributorId), order.orderNo)});
    }
    return order;
}

Order OrderWorkflow::create(const OrderDraft &draft)
{
    Order order;
    m_transactor.inTransaction([&] { order = insertNew(draft); });
    return orderByNumber(order.orderNo);
}

Order OrderWorkflow::record(const OrderDraft &draft, const OrderHistory &history)
{
    Order order;
    if (history.shippedAt)
        requireCourierAndTracking(draft.orderNo, history.courier, history.tracking);
    m_transactor.inTransaction([&] {
        order = insertNew(draft);
        if (history.paidAt)
            payOrder(order, *history.paidAt, history.method);
        if (history.shippedAt)
            shipOrder(order, history.courier, history.tracking, *history.shippedAt, std::nullopt);
        if (history.completedAt)
            completeOrder(order, *history.completedAt);
        if (history.cancelledAt)
            cancelOrder(order, *history.cancelledAt);
        if (order.status != OrderStatus::Pending) // its state after the last step
            m_orders.saveState(order);
    });
    return order;
}

Order OrderWorkflow::updatePending(const QString &orderNo, const OrderDraft &draft)
{
    Order order;
    m_transactor.inRetryingTransaction([&] {
        const Order existing = lockedOrder(orderNo);
        if (existing.status != OrderStatus::Pending)
            throw InputError(tr("Order %1 is %2: only an order awaiting payment can be edited.")
                                 .arg(orderNo, OrderStatuses::displayName(existing.status)));
        if (draft.version != 0 && draft.version != existing.version)
            throw StaleError(tr("Someone else saved the order %1 after you opened it: what they "
                                "saved is shown now. Make your change again if it is still "
                                "needed; nothing was changed.")
                                 .arg(orderNo));
        OrderDraft same = draft;
        same.orderNo = orderNo;
        order = buildOrder(same, &existing);
        m_orders.replaceLines(order);
        m_orders.saveEdit(order);
        m_customers.noteOrderDate(order.customerId, order.date.date());
        // One row per save, each part changed with its old and new value.
        const auto customerCode = [this](qint64 id) {
            const auto customer = m_customers.findById(id);
            return customer ? customer->code : QString();
        };
        const auto lines = [](const Order &whose) {
            QStringList text;
            for (const OrderLine &line : whose.lines) {
                QString one = QStringLiteral("%1 x%2 at %3")
                                  .arg(line.sku)
                                  .arg(line.quantity)
                                  .arg(line.unitPrice.toString());
                if (!line.discount.isZero())
                    one += QStringLiteral(" less %1").arg(line.discount.toString());
                text.append(one);
            }
            return text.join(QStringLiteral(", "));
        };
        AuditTrail::Changes changes;
        changes.add(QStringLiteral("date"), Dates::toText(existing.date),
                    Dates::toText(order.date));
        changes.add(QStringLiteral("customer"), customerCode(existing.customerId),
                    customerCode(order.customerId));
        changes.add(QStringLiteral("distributor"), m_distributors.codeOf(existing.distributorId),
                    m_distributors.codeOf(order.distributorId));
        changes.add(QStringLiteral("lines"), lines(existing), lines(order));
        changes.add(QStringLiteral("shipping_fee"), existing.shippingFee.toString(),
                    order.shippingFee.toString());
        changes.add(QStringLiteral("total"), existing.total().toString(), order.total().toString());
        changes.add(QStringLiteral("notes"), existing.notes, order.notes);
        if (!changes.isEmpty())
            m_audit.append(
                {QStringLiteral("order.edit"), QStringLiteral("order"), orderNo, changes.text()});
    });
    return orderByNumber(orderNo);
}

Order OrderWorkflow::pay(const QString &orderNo, const QDateTime &at, PaymentMethod method)
{
    Order order;
    m_transactor.inRetryingTransaction([&] {
        order = lockedOrder(orderNo);
        payOrder(order, at, method);
        m_orders.saveState(order);
    });
    return order;
}

void OrderWorkflow::payOrder(Order &order, const QDateTime &at, PaymentMethod method)
{
    const QString orderNo = order.orderNo;
    if (!isAllowed(order.status, Move::Pay))
        refuse(order, Move::Pay);
    const QDateTime when = effectiveTime(order, at, order.date, Move::Pay);

    // Check every product against the total the order takes, before moving any stock.
    QHash<qint64, qint64> taken;
    for (const OrderLine &line : std::as_const(order.lines))
        taken[line.productId] += line.quantity;
    m_products.lockStock(taken.keys());
    QHash<qint64, Product> products;
    for (auto it = taken.cbegin(); it != taken.cend(); ++it) {
        Product product = *m_products.findById(it.key());
        m_stock.checkAvailable(product, it.value(), tr("order %1").arg(orderNo));
        products.insert(product.id, product);
    }
    for (const OrderLine &line : std::as_const(order.lines))
        m_stock.move(products[line.productId], StockMovementKind::Sale, -line.quantity, when,
                     orderNo, order.id);

    order.status = OrderStatus::Paid;
    order.paidAt = when;
    order.payment = Payment{method, when, order.total()};
    m_orders.addPayment(order.id, *order.payment);
    m_commissions.orderPaid(order);
}

Order OrderWorkflow::ship(const QString &orderNo, const QString &courier, const QString &tracking,
                          const QDateTime &at, const std::optional<Address> &address)
{
    // Said before anything is read or locked, as for any input missing from the request.
    requireCourierAndTracking(orderNo, courier, tracking);
    Order order;
    m_transactor.inRetryingTransaction([&] {
        order = lockedOrder(orderNo);
        shipOrder(order, courier, tracking, at, address);
        m_orders.saveState(order);
    });
    return order;
}

void OrderWorkflow::requireCourierAndTracking(const QString &orderNo, const QString &courier,
                                              const QString &tracking)
{
    if (courier.trimmed().isEmpty() || tracking.trimmed().isEmpty())
        throw ValidationError(
            {{QStringLiteral("tracking"),
              tr("Shipping order %1 needs the courier and the tracking number.").arg(orderNo)}});
}

void OrderWorkflow::shipOrder(Order &order, const QString &courier, const QString &tracking,
                              const QDateTime &at, const std::optional<Address> &address)
{
    if (!isAllowed(order.status, Move::Ship))
        refuse(order, Move::Ship);
    const QDateTime when = effectiveTime(order, at, order.paidAt.value_or(order.date), Move::Ship);
    Shipment shipment;
    shipment.courier = courier.trimmed();
    shipment.tracking = tracking.trimmed();
    shipment.shippedAt = when;
    if (address) {
        shipment.address = *address;
    } else if (const auto customer = m_customers.findById(order.customerId)) {
        if (const Address *usual = customer->defaultAddress())
            shipment.address = *usual;
    }
    order.status = OrderStatus::Shipped;
    order.shippedAt = when;
    order.shipment = shipment;
    m_orders.addShipment(order.id, shipment);
}

Order OrderWorkflow::complete(const QString &orderNo, const QDateTime &at)
{
    Order order;
    m_transactor.inRetryingTransaction([&] {
        order = lockedOrder(orderNo);
        completeOrder(order, at);
        m_orders.saveState(order);
    });
    return order;
}

qint64 OrderWorkflow::completeAll(const QList<qint64> &ids, const QDateTime &at,
                                  const ProgressCallback &progress)
{
    constexpr int namedAtMost = 10;
    QStringList refused;
    qint64 refusedCount = 0;
    qint64 completed = 0;
    m_transactor.inRetryingTransaction([&] {
        refused.clear();
        refusedCount = 0;
        completed = 0;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (progress && i % 100 == 0 && !progress(i, ids.size()))
                throw Cancelled(tr("Cancelled: no order was completed."));
            std::optional<Order> order = m_orders.findById(ids.at(i));
            if (!order)
                continue; // deleted since it was selected: nothing to complete
            if (m_orders.lock(order->id))
                order = m_orders.findById(ids.at(i));
            if (!isAllowed(order->status, Move::Complete)) {
                if (++refusedCount <= namedAtMost)
                    refused.append(tr("%1 (%2)").arg(order->orderNo,
                                                     OrderStatuses::displayName(order->status)));
                continue;
            }
            if (refusedCount == 0) {
                completeOrder(*order, at);
                m_orders.saveState(*order);
                ++completed;
            }
        }
        if (refusedCount > 0) {
            QString message
                = tr("%n order(s) cannot be completed, as only paid and shipped orders can: %1.",
                     nullptr, int(refusedCount))
                      .arg(refused.join(QStringLiteral("; ")));
            if (refusedCount > namedAtMost)
                message += u' ' + tr("And %n more.", nullptr, int(refusedCount - namedAtMost));
            throw InputError(message + u' ' + tr("Nothing was changed."));
        }
    });
    if (progress)
        progress(ids.size(), ids.size());
    return completed;
}

void OrderWorkflow::completeOrder(Order &order, const QDateTime &at)
{
    if (!isAllowed(order.status, Move::Complete))
        refuse(order, Move::Complete);
    const QDateTime when = effectiveTime(
        order, at, order.shippedAt.value_or(order.paidAt.value_or(order.date)), Move::Complete);
    order.status = OrderStatus::Completed;
    order.completedAt = when;
    m_commissions.orderCompleted(order);
}

Order OrderWorkflow::cancel(const QString &orderNo, const QDateTime &at)
{
    Order order;
    m_transactor.inRetryingTransaction([&] {
        order = lockedOrder(orderNo);
        cancelOrder(order, at);
        m_orders.saveState(order);
    });
    return order;
}

void OrderWorkflow::cancelOrder(Order &order, const QDateTime &at)
{
    const Order before = order;
    if (!isAllowed(order.status, Move::Cancel))
        refuse(order, Move::Cancel);
    const QDateTime when = effectiveTime(order, at, order.paidAt.value_or(order.date),
                                         Move::Cancel);
    if (before.status == OrderStatus::Paid) {
        // Units not already returned by a refund go back into stock.
        QList<qint64> productIds;
        for (const OrderLine &line : std::as_const(order.lines))
            productIds.append(line.productId);
        m_products.lockStock(productIds);
        for (const OrderLine &line : std::as_const(order.lines)) {
            Product product = *m_products.findById(line.productId);
            m_stock.move(product, StockMovementKind::Cancel, line.quantity - line.returnedQuantity,
                         when, order.orderNo, order.id);
        }
    }
    order.status = OrderStatus::Cancelled;
    order.cancelledAt = when;
    if (before.status == OrderStatus::Paid)
        m_commissions.orderCancelled(before, order);
    m_audit.append({QStringLiteral("order.cancel"), QStringLiteral("order"), order.orderNo,
                    QStringLiteral("from %1").arg(OrderStatuses::code(before.status))});
}

Order OrderWorkflow::refund(const QString &orderNo, const RefundRequest &request)
{
    Order order;
    m_transactor.inRetryingTransaction([&] {
        const Order before = lockedOrder(orderNo);
        order = before;
        if (!isAllowed(order.status, Move::Refund))
            refuse(order, Move::Refund);
        const QDateTime at = effectiveTime(
            order, request.at, order.shippedAt.value_or(order.paidAt.value_or(order.date)),
            Move::Refund);

        // Units asked for, per line; no lines named: everything not refunded yet.
        QHash<qint64, qint64> units;
        if (request.shippingOnly) {
            // nothing but the shipping fee
        } else if (request.lines.isEmpty()) {
            for (const OrderLine &line : std::as_const(order.lines)) {
                if (line.remainingQuantity() > 0)
                    units.insert(line.id, line.remainingQuantity());
            }
        } else {
            for (const RefundRequest::Line &asked : request.lines)
                units[asked.lineId] += asked.quantity;
        }

        RefundRecord record;
        record.at = at;
        record.restock = request.restock;
        record.reason = request.reason;
        for (OrderLine &line : order.lines) {
            const qint64 count = units.take(line.id);
            if (count == 0)
                continue;
            if (count < 0 || count > line.remainingQuantity())
                throw InputError(tr("Order %1 line %2 (%3): %4 unit(s) can still be refunded, "
                                    "not %5.")
                                     .arg(orderNo)
                                     .arg(line.lineNo)
                                     .arg(line.sku)
                                     .arg(line.remainingQuantity())
                                     .arg(count));
            const Money amount = refundAmount(line, count);
            record.lines.append({line.id, count, amount});
            record.goodsAmount += amount;
            line.refundedQuantity += count;
            line.refundedAmount += amount;
            if (request.restock) {
                Product product = *m_products.findById(line.productId);
                m_stock.move(product, StockMovementKind::Return, count, at, orderNo, order.id);
                line.returnedQuantity += count;
            }
        }
        if (!units.isEmpty())
            throw InputError(tr("Order %1 has no such line to refund.").arg(orderNo));
        if (request.refundShipping) {
            record.shippingAmount = order.shippingFee - order.shippingRefunded;
            order.shippingRefunded += record.shippingAmount;
        }
        if (record.lines.isEmpty() && record.shippingAmount.isZero())
            throw InputError(tr("Order %1 has nothing left to refund.").arg(orderNo));

        order.refundedTotal += record.goodsAmount + record.shippingAmount;
        if (order.isFullyRefunded())
            order.status = OrderStatus::Refunded;
        m_orders.addRefund(order.id, record);
        m_orders.saveState(order);
        if (!record.lines.isEmpty())
            m_commissions.orderRefunded(before, order, at);
        m_audit.append(
            {QStringLiteral("order.refund"), QStringLiteral("order"), orderNo,
             QStringLiteral("goods %1, shipping %2%3")
                 .arg(record.goodsAmount.toString(), record.shippingAmount.toString(),
                      request.restock ? QStringLiteral(", returned to stock") : QString())});
    });
    return orderByNumber(orderNo);
}

} // namespace MicroShop
