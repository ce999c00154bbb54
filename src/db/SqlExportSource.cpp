#include "SqlExportSource.h"

#include "CommissionStateSql.h"
#include "Database.h"

#include "Dates.h"
#include "Money.h"
#include "Rate.h"

#include <QHash>

namespace MicroShop {

namespace {

enum class Form { Text, Money, Rate, Flag };

struct ExportQuery
{
    QString sql;
    QList<Form> forms; // how each selected column becomes text
};

// The Shipping file's rows: one per order, from the rows of its lines that are still to send
// (units refunded before shipping stay home), ordered by order then line. The receiver is the
// customer's default address, the one the ship move records; without a receiver or a phone
// there, the customer's own name and phone.
QString shippingSql(const QString &where, const QString &orderBy)
{
    return QStringLiteral(
               "SELECT o.id, o.order_no, COALESCE(a.receiver, ''), COALESCE(a.phone, ''), "
               "COALESCE(a.province, ''), COALESCE(a.city, ''), COALESCE(a.district, ''), "
               "COALESCE(a.detail, ''), c.name, c.phone, o.notes, p.name, "
               "l.quantity - l.refunded_quantity, o.status "
               "FROM orders o JOIN customers c ON c.id = o.customer_id "
               "LEFT JOIN customer_addresses a ON a.customer_id = c.id AND a.is_default = 1 "
               "JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id "
               "WHERE l.refunded_quantity < l.quantity AND %1 "
               "ORDER BY %2, l.line_no")
        .arg(where, orderBy);
}

// Reads the query of shippingSql(), handing each order's row to `order` with its id and status.
void readShippingOrders(QSqlQuery &rows,
                        const std::function<bool(qint64, const QString &, QStringList &)> &order)
{
    const QChar times(0x00D7); // ×
    qint64 current = 0;
    QStringList values;
    QStringList items;
    qint64 units = 0;
    QString status;
    const auto finish = [&] {
        values[7] = items.join(u';');
        values[8] = QString::number(units);
        return order(current, status, values);
    };
    while (rows.next()) {
        const qint64 id = rows.value(0).toLongLong();
        if (id != current) {
            if (current != 0 && !finish())
                return;
            current = id;
            status = rows.value(13).toString();
            items.clear();
            units = 0;
            QString receiver = rows.value(2).toString();
            QString phone = rows.value(3).toString();
            if (receiver.isEmpty())
                receiver = rows.value(8).toString();
            if (phone.isEmpty())
                phone = rows.value(9).toString();
            // order_no,receiver,phone,province,city,district,address,items,quantity,weight_kg,notes
            values = {rows.value(1).toString(),
                      receiver,
                      phone,
                      rows.value(4).toString(),
                      rows.value(5).toString(),
                      rows.value(6).toString(),
                      rows.value(7).toString(),
                      QString(),
                      QString(),
                      QString(),
                      rows.value(10).toString()};
        }
        const qint64 quantity = rows.value(12).toLongLong();
        items.append(rows.value(11).toString() + times + QString::number(quantity));
        units += quantity;
    }
    if (current != 0)
        finish();
}

// `costs`: whether the login may read products.cost (Database::seesCosts); a clerk's or a
// packer's file has the cost column blank, as their lists show no cost.
ExportQuery queryOf(ExportKind kind, QDate today, bool costs)
{
    const Form T = Form::Text;
    const Form M = Form::Money;
    switch (kind) {
    case ExportKind::Products:
        return {QStringLiteral("SELECT sku, name, category, unit, price, %1, stock, low_stock, "
                               "COALESCE(barcode, ''), active, rate1, rate2, rate3 FROM products "
                               "ORDER BY sku")
                    .arg(costs ? QStringLiteral("cost") : QStringLiteral("NULL")),
                {T, T, T, T, M, M, T, T, T, Form::Flag, Form::Rate, Form::Rate, Form::Rate}};
    case ExportKind::Customers:
        return {QStringLiteral(
                    "SELECT c.code, c.name, c.phone, c.wechat, c.wechat_remark, c.channel, "
                    "COALESCE(d.code, ''), COALESCE(a.receiver, ''), COALESCE(a.province, ''), "
                    "COALESCE(a.city, ''), COALESCE(a.district, ''), COALESCE(a.detail, ''), "
                    "c.tags, c.notes FROM customers c "
                    "LEFT JOIN distributors d ON d.id = c.distributor_id "
                    "LEFT JOIN customer_addresses a ON a.customer_id = c.id AND a.is_default = 1 "
                    "ORDER BY c.code"),
                {T, T, T, T, T, T, T, T, T, T, T, T, T, T}};
    case ExportKind::Orders:
        return {QStringLiteral(
                    "SELECT o.order_no, o.date, o.status, c.code, COALESCE(d.code, ''), p.sku, "
                    "l.quantity, l.unit_price, l.discount, o.shipping_fee, "
                    "COALESCE(o.paid_at, ''), COALESCE(o.shipped_at, ''), "
                    "COALESCE(o.completed_at, ''), COALESCE(s.courier, ''), "
                    "COALESCE(s.tracking, ''), o.notes "
                    "FROM orders o JOIN order_lines l ON l.order_id = o.id "
                    "JOIN products p ON p.id = l.product_id "
                    "JOIN customers c ON c.id = o.customer_id "
                    "LEFT JOIN distributors d ON d.id = o.distributor_id "
                    "LEFT JOIN shipments s ON s.order_id = o.id "
                    "ORDER BY o.order_no, l.line_no"),
                {T, T, T, T, T, T, T, M, M, M, T, T, T, T, T, T}};
    case ExportKind::Stock:
        return {QStringLiteral("SELECT p.sku, m.moved_at, m.kind, m.quantity, m.reference "
                               "FROM stock_movements m JOIN products p ON p.id = m.product_id "
                               "ORDER BY p.sku, m.moved_at, m.id"),
                {T, T, T, T, T}};
    case ExportKind::Distributors:
        return {QStringLiteral("SELECT d.code, d.name, COALESCE(u.code, ''), d.phone, d.wechat, "
                               "d.status, d.joined, d.notes FROM distributors d LEFT JOIN "
                               "distributors u ON u.id = d.upline_id ORDER BY d.code"),
                {T, T, T, T, T, T, T, T}};
    case ExportKind::Commissions:
        // status as of today: settled, available (its day has come), or pending.
        return {QStringLiteral("SELECT o.order_no, substr(e.created_at, 1, 10), d.code, e.level, "
                               "e.amount, %1 FROM commission_entries e JOIN orders o ON o.id = "
                               "e.order_id JOIN distributors d ON d.id = e.distributor_id%2 ORDER "
                               "BY o.order_no, e.id")
                    .arg(CommissionStateSql::of(today), CommissionStateSql::payoutJoin()),
                {T, T, T, T, M, T}};
    case ExportKind::Payouts:
        return {QStringLiteral("SELECT p.id, d.code, p.period_end, p.amount, p.entries FROM "
                               "payouts p JOIN distributors d ON d.id = p.distributor_id ORDER BY "
                               "p.id"),
                {T, T, T, M, T}};
    case ExportKind::Shipping: // grouped by order: read() reads it apart
        return {};
    }
    return {};
}

} // namespace

void SqlExportSource::read(ExportKind kind, const std::function<bool(const QStringList &)> &row)
{
    if (kind == ExportKind::Shipping) {
        QSqlQuery rows = m_database.exec(
            shippingSql(QStringLiteral("o.status = 'paid'"), QStringLiteral("o.order_no")));
        readShippingOrders(
            rows, [&](qint64, const QString &, QStringList &values) { return row(values); });
        return;
    }
    const ExportQuery query = queryOf(kind, Dates::today(), m_database.seesCosts());
    QSqlQuery rows = m_database.exec(query.sql);
    const int width = int(query.forms.size());
    QStringList values;
    values.reserve(width);
    while (rows.next()) {
        values.clear();
        for (int i = 0; i < width; ++i) {
            const QVariant value = rows.value(i);
            switch (query.forms.at(i)) {
            case Form::Text:
                values.append(value.toString());
                break;
            case Form::Money: // NULL: a cost this login may not read
                values.append(value.isNull()
                                  ? QString()
                                  : Money::fromMinorUnits(value.toLongLong()).toString());
                break;
            case Form::Rate:
                values.append(value.isNull() ? QString()
                                             : Rate::fromBasisPoints(value.toInt()).toString());
                break;
            case Form::Flag:
                values.append(value.toInt() != 0 ? QStringLiteral("1") : QStringLiteral("0"));
                break;
            }
        }
        if (!row(values))
            return;
    }
}

qint64 SqlExportSource::readShipping(const QList<qint64> &orderIds,
                                     const std::function<bool(const QStringList &)> &row)
{
    // A few hundred ids per query: one query per order would take minutes for a million, one
    // query for all of them would hold them all; each chunk's rows are put back in the order given.
    // The status is compared as an expression (status || ''), which no index answers: with a
    // plain status = 'paid' SQLite walks the status index (every paid order, for each chunk: ten
    // minutes for a million paid orders) instead of looking the ids up. Unpaid orders' lines
    // are then not read at all.
    constexpr qsizetype chunk = 500;
    qint64 leftOut = 0;
    QHash<qint64, QStringList> found;
    for (qsizetype start = 0; start < orderIds.size(); start += chunk) {
        const QList<qint64> ids = orderIds.mid(start, chunk);
        QStringList numbers;
        numbers.reserve(ids.size());
        for (const qint64 id : ids)
            numbers.append(QString::number(id));
        found.clear();
        QSqlQuery rows = m_database.exec(shippingSql(
            QStringLiteral("o.id IN (%1) AND o.status || '' = 'paid'").arg(numbers.join(u',')),
            QStringLiteral("o.id")));
        readShippingOrders(rows, [&](qint64 id, const QString &status, QStringList &values) {
            if (status == u"paid")
                found.insert(id, values);
            return true;
        });
        for (const qint64 id : ids) {
            const auto it = found.find(id);
            if (it == found.end()) { // not paid, already shipped, unknown, or given twice
                ++leftOut;
                continue;
            }
            const QStringList values = *it;
            found.erase(it);
            if (!row(values))
                return leftOut;
        }
    }
    return leftOut;
}

} // namespace MicroShop
