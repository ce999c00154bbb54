#include "ShopLists.h"

#include "CommissionStateSql.h"
#include "Database.h"
#include "SqlListSource.h"
#include "SqlOrderRepository.h"

#include "Dates.h"

#include <QDate>

#include <algorithm>
#include <optional>
#include <tuple>

namespace MicroShop::ShopLists {

namespace {

bool has(const ListQuery &query, const char *name)
{
    const QVariant value = query.filters.value(QString::fromLatin1(name));
    return value.isValid() && !value.toString().isEmpty();
}

QVariant filter(const ListQuery &query, const char *name)
{
    return query.filters.value(QString::fromLatin1(name));
}

} // namespace

std::unique_ptr<ListSource> products(Database &database)
{
    SqlListSource::Definition definition;
    definition.from = QStringLiteral("products p");
    definition.key = QStringLiteral("p.id");
    // 0 for a login that may not read costs (a clerk or packer on a team server).
    const QString cost = database.seesCosts() ? QStringLiteral("p.cost") : QStringLiteral("0");
    definition.columns = {
        QStringLiteral("p.sku"),    QStringLiteral("p.name"),      QStringLiteral("p.category"),
        QStringLiteral("p.unit"),   QStringLiteral("p.price"),     cost,
        QStringLiteral("p.stock"),  QStringLiteral("p.low_stock"), QStringLiteral("p.barcode"),
        QStringLiteral("p.active"), QStringLiteral("p.rate1"),     QStringLiteral("p.rate2"),
        QStringLiteral("p.rate3")};
    definition.searchExpressions = {QStringLiteral("p.sku"), QStringLiteral("p.name"),
                                    QStringLiteral("p.barcode")};
    definition.filter = [](const ListQuery &query, QStringList &where, QVariantList &values) {
        if (has(query, "category")) {
            where.append(QStringLiteral("p.category = ?"));
            values.append(filter(query, "category"));
        }
        if (has(query, "active")) {
            where.append(QStringLiteral("p.active = ?"));
            values.append(filter(query, "active").toBool() ? 1 : 0);
        }
        if (filter(query, "lowStock").toBool())
            where.append(QStringLiteral("p.stock <= p.low_stock"));
        if (filter(query, "overrides").toBool())
            where.append(QStringLiteral(
                "(p.rate1 IS NOT NULL OR p.rate2 IS NOT NULL OR p.rate3 IS NOT NULL)"));
    };
    return std::make_unique<SqlListSource>(database, definition);
}

namespace {

// The condition on the customers (as `alias`) that have `text` in their name, phone, WeChat ID
// or remark, by LIKE (ILIKE on PostgreSQL for text with letters of two cases: it folds every
// row's case, four times the time of a scan).
QString customerMatches(const QString &alias, const QString &text, bool sqlite,
                        QVariantList &values)
{
    // Phones and WeChat IDs are Latin letters and digits: text with other characters (a
    // Chinese name) can only be in a name or a remark.
    const bool latin = std::all_of(text.cbegin(), text.cend(),
                                   [](QChar c) { return c.unicode() < 0x80; });
    QStringList columns = {QStringLiteral("name"), QStringLiteral("wechat_remark")};
    if (latin)
        columns << QStringLiteral("phone") << QStringLiteral("wechat");
    // SQLite's LIKE ignores the case of Latin letters by itself.
    const bool cased = text.toLower() != text.toUpper();
    const QString like = sqlite || !cased ? QStringLiteral(" LIKE ? ESCAPE '\\'")
                                          : QStringLiteral(" ILIKE ? ESCAPE '\\'");
    for (QString &column : columns) {
        column.prepend(alias + u'.').append(like);
        values.append(SqlListSource::containsPattern(text));
    }
    return u'(' + columns.join(QStringLiteral(" OR ")) + u')';
}

// The ids of the customers with `text` in their name, phone, WeChat ID or remark, from an index:
// on SQLite the trigram full-text index (3 characters or more), on PostgreSQL the trigram indexes
// (3 or more) or the index of their pieces of 1 and 2 characters (schema version 10); by LIKE on
// SQLite for fewer than 3.
QString customersMatching(const QString &text, bool sqlite, QVariantList &values)
{
    if (sqlite && text.size() >= 3) {
        values.append(QString(u'"' + QString(text).replace(u'"', QStringLiteral("\"\"")) + u'"'));
        return QStringLiteral("SELECT rowid FROM customer_search WHERE customer_search MATCH ?");
    }
    if (!sqlite && text.size() < 3) {
        values.append(text.toLower());
        return QStringLiteral("SELECT id FROM customers c WHERE microshop_short_pieces(c.name, "
                              "c.wechat_remark, c.phone, c.wechat) @> ARRAY[?::text]");
    }
    return QStringLiteral("SELECT id FROM customers c WHERE ")
           + customerMatches(QStringLiteral("c"), text, sqlite, values);
}

// Up to `limit` values of the first column of `sql`, as SQL integers; nullopt when there are
// more.
std::optional<QStringList> fewIds(Database &database, const QString &sql,
                                  const QVariantList &values, int limit)
{
    QStringList ids;
    QSqlQuery found = database.exec(QStringLiteral("%1 LIMIT %2").arg(sql).arg(limit + 1), values);
    while (found.next()) {
        if (ids.size() == limit)
            return std::nullopt;
        ids.append(QString::number(found.value(0).toLongLong()));
    }
    return ids;
}

QString inIds(const QString &column, const QStringList &ids)
{
    return ids.isEmpty() ? QStringLiteral("FALSE")
                         : QStringLiteral("%1 IN (%2)").arg(column, ids.join(u','));
}

} // namespace

std::unique_ptr<ListSource> customers(Database &database)
{
    SqlListSource::Definition definition;
    definition.from = QStringLiteral(
        "customers c LEFT JOIN distributors d ON d.id = c.distributor_id");
    definition.countFrom = QStringLiteral("customers c");
    definition.conditionsOnFirstTable = true;
    definition.key = QStringLiteral("c.id");
    definition.columns = {QStringLiteral("c.code"),          QStringLiteral("c.name"),
                          QStringLiteral("c.phone"),         QStringLiteral("c.wechat"),
                          QStringLiteral("c.wechat_remark"), QStringLiteral("c.channel"),
                          QStringLiteral("d.code"),          QStringLiteral("c.last_order_date"),
                          QStringLiteral("c.tags")};
    const bool sqlite = database.isSqlite();
    definition.search = [sqlite](const QString &text) {
        SqlListSource::SearchCondition search;
        const QString code = SqlListSource::startsWith(QStringLiteral("c.code"), text.toUpper(),
                                                       sqlite, search.values);
        search.condition = code
                           + QStringLiteral(" OR c.id IN (%1)")
                                 .arg(customersMatching(text, sqlite, search.values));
        return search;
    };
    definition.filter = [](const ListQuery &query, QStringList &where, QVariantList &values) {
        if (has(query, "channel")) {
            where.append(QStringLiteral("c.channel = ?"));
            values.append(filter(query, "channel"));
        }
        if (has(query, "distributor")) {
            where.append(
                QStringLiteral("c.distributor_id IN (SELECT id FROM distributors WHERE code = ?)"));
            values.append(filter(query, "distributor"));
        }
        if (has(query, "notBoughtSince")) {
            where.append(QStringLiteral("c.last_order_date < ?"));
            values.append(filter(query, "notBoughtSince"));
        }
    };
    return std::make_unique<SqlListSource>(database, definition);
}

std::unique_ptr<ListSource> orders(Database &database)
{
    SqlListSource::Definition definition;
    definition.from = QStringLiteral("orders o JOIN customers c ON c.id = o.customer_id "
                                     "LEFT JOIN distributors d ON d.id = o.distributor_id "
                                     "LEFT JOIN shipments s ON s.order_id = o.id");
    definition.countFrom = QStringLiteral("orders o"); // one customer, at most one shipment
    definition.conditionsOnFirstTable = true;
    definition.key = QStringLiteral("o.id");
    definition.columns = {QStringLiteral("o.order_no"),
                          QStringLiteral("o.platform"),
                          QStringLiteral("o.platform_no"),
                          QStringLiteral("o.date"),
                          QStringLiteral("c.name"),
                          QStringLiteral("c.phone"),
                          QStringLiteral("d.code"),
                          QStringLiteral("o.status"),
                          QStringLiteral("o.goods_total"),
                          QStringLiteral("o.shipping_fee"),
                          QStringLiteral("(o.goods_total + o.shipping_fee)"),
                          QStringLiteral("o.refunded_total"),
                          QStringLiteral("s.tracking")};
    // A million orders: numbers (MicroShop's or the platform's) and tracking numbers from their
    // start (as typed or copied),
    // customers by any part of their name, phone or WeChat ID (200,000 of them, few per key).
    const bool sqlite = database.isSqlite();
    // The platforms' numbers only in a shop that has some: one more alternative costs a search
    // over a million orders a tenth of its time.
    Database *db = &database;
    definition.search = [sqlite, db](const QString &text) {
        const bool imported = SqlOrderRepository(*db).hasPlatformOrders();
        SqlListSource::SearchCondition search;
        // Alternatives on the orders alone, as typed and in capitals.
        QStringList own;
        QVariantList ownValues;
        QStringList shipped;
        QVariantList shippedValues;
        for (const QString &typed : QSet<QString>{text, text.toUpper()}) {
            own.append(
                SqlListSource::startsWith(QStringLiteral("o.order_no"), typed, sqlite, ownValues));
            if (imported)
                own.append(SqlListSource::startsWith(QStringLiteral("o.platform_no"), typed, sqlite,
                                                     ownValues));
            shipped.append(SqlListSource::startsWith(QStringLiteral("tracking"), typed, sqlite,
                                                     shippedValues));
        }
        const QString shipments = QStringLiteral("SELECT order_id FROM shipments WHERE ")
                                  + shipped.join(QStringLiteral(" OR "));
        QVariantList customerValues;
        const QString customers = customersMatching(text, sqlite, customerValues);
        const auto orWith = [&](const QString &customerPart, const QVariantList &values) {
            QVariantList all = ownValues + values;
            return std::pair<QString, QVariantList>{
                own.join(QStringLiteral(" OR ")) + QStringLiteral(" OR ") + customerPart, all};
        };
        if (sqlite) {
            // FTS5 and the customers' indexes answer the subqueries.
            std::tie(search.condition, search.values) = orWith(
                QStringLiteral("o.customer_id IN (%1) OR o.id IN (%2)").arg(customers, shipments),
                customerValues + shippedValues);
            return search;
        }
        // PostgreSQL checks `column IN (subquery)` beside the other alternatives of an OR order
        // by order (a hashed SubPlan as a filter, the subquery read whole first). So the
        // customers and shipments are looked up first: up to searchLiteralLimit found are
        // written into the statement as numbers, which the orders' indexes answer.
        const int limit = ShopLists::searchLiteralLimit;
        const std::optional<QStringList> tracked = fewIds(*db, shipments, shippedValues, limit);
        const QString trackedPart = tracked ? inIds(QStringLiteral("o.id"), *tracked)
                                            : QStringLiteral("o.id IN (%1)").arg(shipments);
        const QVariantList trackedValues = tracked ? QVariantList() : shippedValues;
        const std::pair<QString, QVariantList> bySubquery = orWith(
            QStringLiteral("o.customer_id IN (%1) OR ").arg(customers) + trackedPart,
            customerValues + trackedValues);
        const auto byCustomers = [&] { std::tie(search.condition, search.values) = bySubquery; };
        const auto literally = [&](const QStringList &ids) {
            std::tie(search.condition, search.values) = orWith(
                inIds(QStringLiteral("o.customer_id"), ids) + QStringLiteral(" OR ") + trackedPart,
                trackedValues);
        };
        if (text.size() >= 3) {
            // The trigram indexes find the customers at once; many stay the subquery, which
            // they answer as quickly.
            if (const std::optional<QStringList> few = fewIds(*db, customers, customerValues,
                                                              limit))
                literally(*few);
            else
                byCustomers();
            return search;
        }
        // 1 or 2 characters: the index of pieces reads every customer who has the piece, all
        // of them before the first (a piece most have, as "1" of the phones, takes a tenth of a
        // second). So a sample of the customers tells first whether the key is broad.
        QVariantList sampleValues;
        const QString inSample = customerMatches(QStringLiteral("c"), text, sqlite, sampleValues);
        const bool broad
            = db->scalar(QStringLiteral("SELECT count(*) FROM (SELECT name, wechat_remark, phone, "
                                        "wechat FROM customers LIMIT %1) AS c WHERE %2")
                             .arg(ShopLists::searchSample)
                             .arg(inSample),
                         sampleValues)
                  .toLongLong()
              >= ShopLists::searchSample / 200; // 0.5%: more than searchLiteralLimit in 200,000
        if (!broad) {
            if (const std::optional<QStringList> few = fewIds(*db, customers, customerValues,
                                                              limit)) {
                literally(*few);
                return search;
            }
        }
        // Many of 1 or 2 characters: they have many orders, so the list, newest first, finds a
        // page of them soonest by checking each order's customer (joined as c), rather than
        // reading every customer first; the count, on the orders alone, stops at its limit when
        // the customers' own orders reach it (nothing filtered).
        // (The sample's condition, on the customer joined as c.)
        std::tie(search.condition, search.values) = orWith(
            inSample + QStringLiteral(" OR ") + trackedPart, sampleValues + trackedValues);
        std::tie(search.countCondition, search.countValues) = bySubquery;
        search.someMatches = QStringLiteral("SELECT 1 FROM customers c JOIN orders o ON "
                                            "o.customer_id = c.id WHERE ")
                             + inSample;
        search.someValues = sampleValues;
        return search;
    };
    definition.filter = [](const ListQuery &query, QStringList &where, QVariantList &values) {
        if (has(query, "status")) {
            where.append(QStringLiteral("o.status = ?"));
            values.append(filter(query, "status"));
        }
        if (has(query, "from")) {
            where.append(QStringLiteral("o.date >= ?"));
            values.append(filter(query, "from"));
        }
        if (has(query, "to")) {
            // Inclusive: every time on that day sorts before the next day.
            where.append(QStringLiteral("o.date < ?"));
            values.append(QDate::fromString(filter(query, "to").toString(), Qt::ISODate)
                              .addDays(1)
                              .toString(Qt::ISODate));
        }
        if (has(query, "distributor")) {
            where.append(
                QStringLiteral("o.distributor_id IN (SELECT id FROM distributors WHERE code = ?)"));
            values.append(filter(query, "distributor"));
        }
        if (has(query, "customer")) {
            where.append(QStringLiteral("o.customer_id = ?"));
            values.append(filter(query, "customer").toLongLong());
        }
    };
    return std::make_unique<SqlListSource>(database, definition);
}

std::unique_ptr<ListSource> stockMovements(Database &database)
{
    SqlListSource::Definition definition;
    definition.from = QStringLiteral("stock_movements m LEFT JOIN orders o ON o.id = m.order_id");
    definition.countFrom = QStringLiteral("stock_movements m");
    definition.key = QStringLiteral("m.id");
    definition.columns = {QStringLiteral("m.moved_at"), QStringLiteral("m.kind"),
                          QStringLiteral("m.quantity"), QStringLiteral("m.reference"),
                          QStringLiteral("m.actor"),    QStringLiteral("o.order_no")};
    definition.searchExpressions = {QStringLiteral("m.reference")};
    definition.filter = [](const ListQuery &query, QStringList &where, QVariantList &values) {
        where.append(QStringLiteral("m.product_id = ?"));
        values.append(filter(query, "product").toLongLong());
    };
    return std::make_unique<SqlListSource>(database, definition);
}

std::unique_ptr<ListSource> commissions(Database &database)
{
    SqlListSource::Definition definition;
    definition.from = QStringLiteral("commission_entries e JOIN orders o ON o.id = e.order_id "
                                     "JOIN distributors d ON d.id = e.distributor_id")
                      + CommissionStateSql::payoutJoin();
    definition.countFrom = QStringLiteral("commission_entries e");
    definition.key = QStringLiteral("e.id");
    const QString state = CommissionStateSql::of(Dates::today());
    // Sorted by the entry's time (its index), shown as its day.
    definition.columns = {QStringLiteral("e.created_at"),   QStringLiteral("o.order_no"),
                          QStringLiteral("d.code"),         QStringLiteral("e.level"),
                          QStringLiteral("e.amount"),       state,
                          QStringLiteral("e.available_on"), QStringLiteral("e.payout_id")};
    definition.searchExpressions = {QStringLiteral("o.order_no"), QStringLiteral("d.code"),
                                    QStringLiteral("d.name")};
    definition.filter = [state](const ListQuery &query, QStringList &where, QVariantList &values) {
        if (has(query, "distributor")) {
            where.append(QStringLiteral("d.code = ?"));
            values.append(filter(query, "distributor"));
        }
        if (has(query, "state")) {
            where.append(state + QStringLiteral(" = ?"));
            values.append(filter(query, "state"));
        }
        if (has(query, "from")) {
            where.append(QStringLiteral("e.created_at >= ?"));
            values.append(filter(query, "from"));
        }
        if (has(query, "to")) {
            where.append(QStringLiteral("e.created_at < ?"));
            values.append(QDate::fromString(filter(query, "to").toString(), Qt::ISODate)
                              .addDays(1)
                              .toString(Qt::ISODate));
        }
    };
    return std::make_unique<SqlListSource>(database, definition);
}

std::unique_ptr<ListSource> payouts(Database &database)
{
    SqlListSource::Definition definition;
    definition.from = QStringLiteral("payouts p JOIN distributors d ON d.id = p.distributor_id");
    definition.countFrom = QStringLiteral("payouts p");
    definition.key = QStringLiteral("p.id");
    definition.columns = {QStringLiteral("p.id"),        QStringLiteral("d.code"),
                          QStringLiteral("d.name"),      QStringLiteral("p.period_end"),
                          QStringLiteral("p.amount"),    QStringLiteral("p.entries"),
                          QStringLiteral("p.created_at")};
    definition.searchExpressions = {QStringLiteral("d.code"), QStringLiteral("d.name")};
    definition.filter = [](const ListQuery &query, QStringList &where, QVariantList &values) {
        if (has(query, "distributor")) {
            where.append(QStringLiteral("d.code = ?"));
            values.append(filter(query, "distributor"));
        }
    };
    return std::make_unique<SqlListSource>(database, definition);
}

std::unique_ptr<ListSource> auditLog(Database &database)
{
    SqlListSource::Definition definition;
    definition.from = QStringLiteral("audit_log a");
    definition.key = QStringLiteral("a.id");
    // Sorted by time, the key (the order of writing) breaking ties: the index audit_log_at.
    definition.columns = {
        QStringLiteral("a.at"), QStringLiteral("a.actor"), QStringLiteral("a.action"),
        QStringLiteral("TRIM(a.entity || ' ' || a.entity_id)"), QStringLiteral("a.details")};
    definition.searchExpressions = {QStringLiteral("a.entity_id"), QStringLiteral("a.details")};
    const bool sqlite = database.isSqlite();
    definition.filter = [sqlite](const ListQuery &query, QStringList &where, QVariantList &values) {
        if (has(query, "user")) {
            where.append(QStringLiteral("a.actor = ?"));
            values.append(filter(query, "user"));
        }
        if (has(query, "kind")) {
            // The actions of a kind start with "kind." (AuditTrail writes them in lower case):
            // a range of the index audit_log_action on SQLite, LIKE 'kind.%' on PostgreSQL.
            where.append(SqlListSource::startsWith(
                QStringLiteral("a.action"),
                QString(filter(query, "kind").toString() + QStringLiteral(".")), sqlite, values));
        }
        if (has(query, "from")) {
            where.append(QStringLiteral("a.at >= ?"));
            values.append(filter(query, "from"));
        }
        if (has(query, "to")) {
            where.append(QStringLiteral("a.at < ?"));
            values.append(QDate::fromString(filter(query, "to").toString(), Qt::ISODate)
                              .addDays(1)
                              .toString(Qt::ISODate));
        }
    };
    return std::make_unique<SqlListSource>(database, definition);
}

} // namespace MicroShop::ShopLists
