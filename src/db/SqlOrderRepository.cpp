#include "SqlOrderRepository.h"

#include "Database.h"
#include "SqlValues.h"

namespace MicroShop {

using namespace SqlValues;

namespace {

// Where insert() puts an order's values when it holds its row in a bulk transaction: its state
// last, in the order saveState() writes it.
namespace HeldOrder {
constexpr int id = 0;
constexpr int orderNo = 1;
constexpr int platform = 8;
constexpr int platformNo = 9;
constexpr int state = 11; // status to updated_at
constexpr int rowVersion = 18;
} // namespace HeldOrder

const QString orderColumns = QStringLiteral(
    "o.id, o.order_no, o.date, o.customer_id, o.distributor_id, o.status, o.shipping_fee, "
    "o.refunded_total, o.paid_at, o.shipped_at, o.completed_at, o.cancelled_at, o.notes, "
    "o.platform, o.platform_no, o.row_version");

Order orderFromRow(const SqlRow &query)
{
    Order order;
    order.id = query.value(0).toLongLong();
    order.orderNo = query.value(1).toString();
    order.date = toDateTime(query.value(2)).value_or(QDateTime());
    order.customerId = query.value(3).toLongLong();
    order.distributorId = query.value(4).toLongLong();
    order.status
        = OrderStatuses::fromCode(query.value(5).toString()).value_or(OrderStatus::Pending);
    order.shippingFee = toMoney(query.value(6));
    order.refundedTotal = toMoney(query.value(7));
    order.paidAt = toDateTime(query.value(8));
    order.shippedAt = toDateTime(query.value(9));
    order.completedAt = toDateTime(query.value(10));
    order.cancelledAt = toDateTime(query.value(11));
    order.notes = query.value(12).toString();
    order.platform = Platforms::fromCode(query.value(13).toString());
    order.platformNo = query.value(14).toString();
    order.version = query.value(15).toLongLong();
    return order;
}

} // namespace

std::optional<Order> SqlOrderRepository::findWhere(const QString &condition,
                                                   const QVariant &value) const
{
    std::optional<Order> found;
    m_database.forEachRow(
        QStringLiteral("SELECT %1 FROM orders o WHERE %2").arg(orderColumns, condition), {value},
        [&found](const SqlRow &row) { found = orderFromRow(row); });
    if (!found)
        return std::nullopt;
    Order &order = *found;
    const QVariant id = qlonglong(order.id);

    m_database.forEachRow(
        QStringLiteral(
            "SELECT l.id, l.line_no, l.product_id, p.sku, p.name, l.quantity, l.unit_price, "
            "%1, l.discount, l.net, l.refunded_quantity, l.refunded_amount, "
            "COALESCE((SELECT sum(rl.quantity) FROM refund_lines rl JOIN refunds r "
            "ON r.id = rl.refund_id WHERE rl.order_line_id = l.id AND r.restock = 1), 0) "
            "FROM order_lines l JOIN products p ON p.id = l.product_id "
            "WHERE l.order_id = ? ORDER BY l.line_no")
            .arg(m_database.seesCosts() ? QStringLiteral("l.unit_cost") : QStringLiteral("0")),
        {id}, [&order](const SqlRow &row) {
            OrderLine line;
            line.id = row.value(0).toLongLong();
            line.lineNo = row.value(1).toInt();
            line.productId = row.value(2).toLongLong();
            line.sku = row.value(3).toString();
            line.productName = row.value(4).toString();
            line.quantity = row.value(5).toLongLong();
            line.unitPrice = toMoney(row.value(6));
            line.unitCost = toMoney(row.value(7));
            line.discount = toMoney(row.value(8));
            line.net = toMoney(row.value(9));
            line.refundedQuantity = row.value(10).toLongLong();
            line.refundedAmount = toMoney(row.value(11));
            line.returnedQuantity = row.value(12).toLongLong();
            order.lines.append(line);
        });

    m_database.forEachRow(
        QStringLiteral("SELECT method, paid_at, amount FROM payments WHERE order_id = ? "
                       "ORDER BY id DESC LIMIT 1"),
        {id}, [&order](const SqlRow &row) {
            order.payment = Payment{
                PaymentMethods::fromCode(row.value(0).toString()).value_or(PaymentMethod::Other),
                toDateTime(row.value(1)).value_or(QDateTime()), toMoney(row.value(2))};
        });

    m_database.forEachRow(
        QStringLiteral("SELECT courier, tracking, shipped_at, receiver, phone, province, city, "
                       "district, detail FROM shipments WHERE order_id = ? ORDER BY id DESC "
                       "LIMIT 1"),
        {id}, [&order](const SqlRow &row) {
            Shipment record;
            record.courier = row.value(0).toString();
            record.tracking = row.value(1).toString();
            record.shippedAt = toDateTime(row.value(2)).value_or(QDateTime());
            record.address.receiver = row.value(3).toString();
            record.address.phone = row.value(4).toString();
            record.address.province = row.value(5).toString();
            record.address.city = row.value(6).toString();
            record.address.district = row.value(7).toString();
            record.address.detail = row.value(8).toString();
            order.shipment = record;
        });

    order.shippingRefunded = toMoney(m_database.scalar(
        QStringLiteral("SELECT COALESCE(sum(shipping_amount), 0) FROM refunds WHERE order_id = ?"),
        {id}));
    return found;
}

std::optional<Order> SqlOrderRepository::findByNumber(const QString &orderNo) const
{
    return findWhere(QStringLiteral("o.order_no = ?"), orderNo);
}

std::optional<Order> SqlOrderRepository::findById(qint64 id) const
{
    return findWhere(QStringLiteral("o.id = ?"), qlonglong(id));
}

std::optional<Order> SqlOrderRepository::findByPlatformNumber(Platform platform,
                                                              const QString &platformNo) const
{
    // The platform's code is one of ours, never the user's text.
    return findWhere(
        QStringLiteral("o.platform_no = ? AND o.platform = '%1'").arg(Platforms::code(platform)),
        platformNo);
}

// Looked for among the rows held in a bulk transaction, then among those sent: a question does
// not send the rows held (they go in many to a statement).
bool SqlOrderRepository::heldOrSent(const std::function<bool(const QVariant *row)> &isIt,
                                    const QString &sql, const QVariantList &values) const
{
    bool held = false;
    m_database.forEachHeldRow(QStringLiteral("orders"),
                              [&](const QVariant *row) { held = held || isIt(row); });
    return held || m_database.scalarOfSent(sql, values).isValid();
}

bool SqlOrderRepository::hasNumber(const QString &orderNo) const
{
    return heldOrSent(
        [&](const QVariant *row) { return row[HeldOrder::orderNo].toString() == orderNo; },
        QStringLiteral("SELECT 1 FROM orders WHERE order_no = ?"), {orderNo});
}

bool SqlOrderRepository::hasPlatformNumber(Platform platform, const QString &platformNo) const
{
    const QString code = Platforms::code(platform);
    return heldOrSent(
        [&](const QVariant *row) {
            return row[HeldOrder::platformNo].toString() == platformNo
                   && row[HeldOrder::platform].toString() == code;
        },
        QStringLiteral("SELECT 1 FROM orders WHERE platform_no = ? AND platform = ?"),
        {platformNo, code});
}

bool SqlOrderRepository::hasPlatformOrders() const
{
    return !m_database
                .scalar(
                    QStringLiteral("SELECT 1 FROM orders WHERE platform_no IS NOT NULL LIMIT 1"))
                .isNull();
}

QList<qint64> SqlOrderRepository::insertLines(const Order &order, qint64 orderId)
{
    if (order.lines.isEmpty())
        return {};
    // In a bulk transaction on SQLite, held with their ids, after the orders they name.
    QList<qint64> held;
    for (const OrderLine &line : order.lines) {
        const qint64 id = m_database.heldId(QStringLiteral("order_lines"),
                                            QStringLiteral("orders"));
        if (id == 0)
            break;
        m_database.insertRow(QStringLiteral("order_lines"),
                             QStringLiteral("id, order_id, line_no, product_id, quantity, "
                                            "unit_price, unit_cost, discount, net"),
                             {qlonglong(id), qlonglong(orderId), line.lineNo,
                              qlonglong(line.productId), qlonglong(line.quantity),
                              money(line.unitPrice), money(line.unitCost), money(line.discount),
                              money(line.net)});
        held.append(id);
    }
    if (!held.isEmpty())
        return held;
    // One statement for all the lines; the ids come back in no promised order, by line number.
    QVariantList values;
    for (const OrderLine &line : order.lines)
        values << qlonglong(orderId) << line.lineNo << qlonglong(line.productId)
               << qlonglong(line.quantity) << money(line.unitPrice) << money(line.unitCost)
               << money(line.discount) << money(line.net);
    const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?)");
    QHash<int, qint64> idOfLine;
    m_database.forEachRow(
        QStringLiteral("INSERT INTO order_lines (order_id, line_no, product_id, quantity, "
                       "unit_price, unit_cost, discount, net) VALUES %1 RETURNING id, line_no")
            .arg(QStringList(order.lines.size(), row).join(QStringLiteral(", "))),
        values, [&idOfLine](const SqlRow &inserted) {
            idOfLine.insert(inserted.value(1).toInt(), inserted.value(0).toLongLong());
        });
    QList<qint64> ids;
    for (const OrderLine &line : order.lines)
        ids.append(idOfLine.value(line.lineNo));
    return ids;
}

void SqlOrderRepository::insert(Order &order)
{
    const QVariant now = dateTime(Dates::now());
    const QVariant platform = text(order.platform ? Platforms::code(*order.platform) : QString());
    const QVariant platformNo = order.platform ? QVariant(order.platformNo) : QVariant();
    // In a bulk transaction on SQLite, held with its id (Database::heldId()), the columns in
    // HeldOrder's order; saveState() changes it there until it is sent.
    qint64 id = m_database.heldId(QStringLiteral("orders"));
    if (id != 0) {
        m_database.insertRow(
            QStringLiteral("orders"),
            QStringLiteral("id, order_no, date, customer_id, distributor_id, goods_total, "
                           "shipping_fee, notes, platform, platform_no, created_at, status, "
                           "refunded_total, paid_at, shipped_at, completed_at, cancelled_at, "
                           "updated_at, row_version"),
            {qlonglong(id), order.orderNo, dateTime(order.date), qlonglong(order.customerId),
             idOrNull(order.distributorId), money(order.goodsTotal()), money(order.shippingFee),
             text(order.notes), platform, platformNo, now, OrderStatuses::code(order.status),
             money(order.refundedTotal), dateTimeOrNull(order.paidAt),
             dateTimeOrNull(order.shippedAt), dateTimeOrNull(order.completedAt),
             dateTimeOrNull(order.cancelledAt), now, qlonglong(1)});
    } else {
        id = m_database.insertReturningId(
            QStringLiteral("INSERT INTO orders (order_no, date, customer_id, "
                           "distributor_id, status, goods_total, shipping_fee, notes, "
                           "platform, platform_no, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {order.orderNo, dateTime(order.date), qlonglong(order.customerId),
             idOrNull(order.distributorId), OrderStatuses::code(order.status),
             money(order.goodsTotal()), money(order.shippingFee), text(order.notes), platform,
             platformNo, now, now});
    }
    const QList<qint64> lineIds = insertLines(order, id);
    order.id = id;
    for (int i = 0; i < order.lines.size(); ++i)
        order.lines[i].id = lineIds.at(i);
}

void SqlOrderRepository::replaceLines(const Order &order)
{
    m_database.run(QStringLiteral("DELETE FROM order_lines WHERE order_id = ?"),
                   {qlonglong(order.id)});
    insertLines(order, order.id);
}

void SqlOrderRepository::saveEdit(const Order &order)
{
    m_database.run(QStringLiteral("UPDATE orders SET date = ?, customer_id = ?, "
                                  "distributor_id = ?, goods_total = ?, shipping_fee = ?, "
                                  "notes = ?, updated_at = ?, row_version = row_version + 1 "
                                  "WHERE id = ?"),
                   {dateTime(order.date), qlonglong(order.customerId),
                    idOrNull(order.distributorId), money(order.goodsTotal()),
                    money(order.shippingFee), text(order.notes), dateTime(Dates::now()),
                    qlonglong(order.id)});
}

void SqlOrderRepository::saveState(const Order &order)
{
    const QVariantList state{OrderStatuses::code(order.status),
                             money(order.refundedTotal),
                             dateTimeOrNull(order.paidAt),
                             dateTimeOrNull(order.shippedAt),
                             dateTimeOrNull(order.completedAt),
                             dateTimeOrNull(order.cancelledAt),
                             dateTime(Dates::now())};
    // A row held in a bulk transaction (insert()) is changed where it is held.
    bool held = false;
    m_database.forEachHeldRow(QStringLiteral("orders"), [&](QVariant *row) {
        if (row[HeldOrder::id].toLongLong() != order.id)
            return;
        std::copy(state.cbegin(), state.cend(), row + HeldOrder::state);
        row[HeldOrder::rowVersion] = row[HeldOrder::rowVersion].toLongLong() + 1;
        held = true;
    });
    if (!held)
        m_database.run(QStringLiteral("UPDATE orders SET status = ?, refunded_total = ?, "
                                      "paid_at = ?, shipped_at = ?, completed_at = ?, "
                                      "cancelled_at = ?, updated_at = ?, "
                                      "row_version = row_version + 1 WHERE id = ?"),
                       state + QVariantList{qlonglong(order.id)});
}

void SqlOrderRepository::addPayment(qint64 orderId, const Payment &payment)
{
    m_database.insertRow(QStringLiteral("payments"),
                         QStringLiteral("order_id, method, paid_at, amount"),
                         {qlonglong(orderId), PaymentMethods::code(payment.method),
                          dateTime(payment.paidAt), money(payment.amount)});
}

void SqlOrderRepository::addShipment(qint64 orderId, const Shipment &shipment)
{
    const Address &a = shipment.address;
    m_database.insertRow(QStringLiteral("shipments"),
                         QStringLiteral("order_id, courier, tracking, shipped_at, receiver, "
                                        "phone, province, city, district, detail"),
                         {qlonglong(orderId), text(shipment.courier), text(shipment.tracking),
                          dateTime(shipment.shippedAt), text(a.receiver), text(a.phone),
                          text(a.province), text(a.city), text(a.district), text(a.detail)});
}

void SqlOrderRepository::addRefund(qint64 orderId, const RefundRecord &refund)
{
    const qint64 refundId = m_database.insertReturningId(
        QStringLiteral("INSERT INTO refunds (order_id, refunded_at, goods_amount, "
                       "shipping_amount, restock, reason, actor) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {qlonglong(orderId), dateTime(refund.at), money(refund.goodsAmount),
         money(refund.shippingAmount), refund.restock ? 1 : 0, text(refund.reason),
         text(refund.actor.isEmpty() ? m_database.actor() : refund.actor)});
    for (const RefundRecord::Line &line : refund.lines) {
        m_database.run(QStringLiteral("INSERT INTO refund_lines (refund_id, order_line_id, "
                                      "quantity, amount) VALUES (?, ?, ?, ?)"),
                       {qlonglong(refundId), qlonglong(line.lineId), qlonglong(line.quantity),
                        money(line.amount)});
        m_database.run(QStringLiteral("UPDATE order_lines SET refunded_quantity = "
                                      "refunded_quantity + ?, refunded_amount = refunded_amount "
                                      "+ ? WHERE id = ?"),
                       {qlonglong(line.quantity), money(line.amount), qlonglong(line.lineId)});
    }
}

QString SqlOrderRepository::nextOrderNumber(QDate date) const
{
    const QString prefix = QStringLiteral("SO%1-").arg(date.toString(QStringLiteral("yyyyMMdd")));
    // SQLite's LIKE ignores case and so cannot use the order numbers' index: a range can, where
    // a scan of every order for each new one made an import of 50,000 orders quadratic. (On
    // PostgreSQL a range is only right in the C collation; LIKE is right in any.)
    QString last = m_database.isSqlite()
                       ? m_database
                             .scalarOfSent(QStringLiteral("SELECT max(order_no) FROM orders WHERE "
                                                          "order_no >= ? AND order_no < ?"),
                                           {prefix, QString(prefix.chopped(1) + QChar(u'-' + 1))})
                             .toString()
                       : m_database
                             .scalar(QStringLiteral("SELECT max(order_no) FROM orders WHERE "
                                                    "order_no LIKE ?"),
                                     {QString(prefix + u'%')})
                             .toString();
    // And the orders held in a bulk transaction, not sent yet.
    m_database.forEachHeldRow(QStringLiteral("orders"), [&](const QVariant *row) {
        const QString number = row[HeldOrder::orderNo].toString();
        if (number.startsWith(prefix) && number > last)
            last = number;
    });
    const auto numbered = [&prefix](int sequence) -> QString {
        return prefix + QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
    };
    const auto taken = [&](int sequence) { return hasNumber(numbered(sequence)); };
    // Past 9999 a day, the numbers sort before 9999 as text, so max() stops there: the first free
    // one after is found by doubling the step, then halving it (a few lookups, where one lookup
    // a number taken made a day of 20,000 orders quadratic).
    int low = (last.isEmpty() ? 0 : last.mid(prefix.size()).toInt()) + 1;
    if (!taken(low))
        return numbered(low);
    int step = 1;
    while (taken(low + step)) { // low stays taken
        low += step;
        step *= 2;
    }
    int high = low + step; // free
    while (high - low > 1) {
        const int middle = low + (high - low) / 2;
        (taken(middle) ? low : high) = middle;
    }
    return numbered(high);
}

QList<Order> SqlOrderRepository::ordersOfCustomer(qint64 customerId) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT %1, o.goods_total FROM orders o WHERE o.customer_id = ? "
                       "ORDER BY o.date DESC, o.id DESC")
            .arg(orderColumns),
        {qlonglong(customerId)});
    QList<Order> result;
    while (query.next()) {
        Order order = orderFromRow(query);
        // No lines are loaded: one summary line carries the goods total for display.
        OrderLine total;
        total.net = toMoney(query.value(13));
        order.lines.append(total);
        result.append(order);
    }
    return result;
}

bool SqlOrderRepository::lock(qint64 orderId)
{
    if (m_database.isSqlite())
        return false; // BEGIN IMMEDIATE: this connection is the only writer already
    m_database.run(QStringLiteral("SELECT id FROM orders WHERE id = ? FOR UPDATE"),
                   {qlonglong(orderId)});
    return true;
}

} // namespace MicroShop
