#include "ScaleDemoGenerator.h"

#include "Database.h"
#include "DatabaseError.h"
#include "DemoGenerator.h"
#include "DemoOrderFate.h"
#include "ShopServices.h"

#include "Customer.h"
#include "Dates.h"
#include "Error.h"
#include "Order.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace MicroShop {

namespace {

// One SQLite statement, bound and stepped row after row: the fast way in, with no QVariant per
// value and no statement text per row.
class Statement final
{
public:
    Statement(sqlite3 *database, const char *sql)
        : m_database(database)
    {
        if (sqlite3_prepare_v2(database, sql, -1, &m_statement, nullptr) != SQLITE_OK)
            fail();
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &operator<<(qint64 value)
    {
        sqlite3_bind_int64(m_statement, ++m_index, value);
        return *this;
    }
    Statement &operator<<(const QByteArray &text)
    {
        sqlite3_bind_text(m_statement, ++m_index, text.constData(), int(text.size()),
                          SQLITE_TRANSIENT);
        return *this;
    }
    Statement &operator<<(const QString &text) { return *this << text.toUtf8(); }
    Statement &null()
    {
        sqlite3_bind_null(m_statement, ++m_index);
        return *this;
    }
    void run()
    {
        if (sqlite3_step(m_statement) != SQLITE_DONE)
            fail();
        sqlite3_reset(m_statement);
        m_index = 0;
    }

private:
    [[noreturn]] void fail()
    {
        throw DatabaseError(DatabaseError::Reason::Failed,
                            QStringLiteral("The demo could not be written: %1 (%2)")
                                .arg(QString::fromUtf8(sqlite3_errmsg(m_database)),
                                     QString::fromUtf8(sqlite3_sql(m_statement))));
    }

    sqlite3 *m_database;
    sqlite3_stmt *m_statement = nullptr;
    int m_index = 0;
};

const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
const char *const givenNames[] = {"芳",   "娜",   "敏",   "静",   "丽",   "强",   "磊",   "洋",
                                  "艳",   "勇",   "军",   "杰",   "娟",   "涛",   "明",   "超",
                                  "秀英", "桂英", "晓燕", "思雨", "子涵", "欣怡", "浩然", "雨萱"};
const char *const products[] = {"普洱熟茶", "福鼎白茶", "武夷岩茶", "西湖龙井",   "补水面膜",
                                "精华液",   "洁面乳",   "防晒霜",   "手工牛肉干", "坚果礼盒",
                                "芒果干",   "婴儿湿巾", "燕窝礼盒", "阿胶糕",     "蜂蜜",
                                "真丝围巾", "羊绒袜",   "棉麻衬衫"};
const char *const categories[] = {"茶叶", "护肤", "零食", "母婴", "保健", "服饰"};
const char *const cities[][3] = {{"广东省", "深圳市", "南山区"},   {"浙江省", "杭州市", "西湖区"},
                                 {"上海市", "上海市", "浦东新区"}, {"四川省", "成都市", "武侯区"},
                                 {"北京市", "北京市", "朝阳区"},   {"湖北省", "武汉市", "洪山区"}};
const char *const couriers[] = {"顺丰速运", "中通快递", "圆通速递", "韵达快递", "极兔速递"};
const char *const methods[] = {"wechat", "wechat", "wechat", "alipay", "bank", "cash"};

template<typename T, std::size_t N>
const T &pick(QRandomGenerator &random, const T (&list)[N])
{
    return list[random.bounded(int(N))];
}

QByteArray personName(QRandomGenerator &random)
{
    return QByteArray(pick(random, surnames)) + pick(random, givenNames);
}

QByteArray phone(QRandomGenerator &random)
{
    return QByteArray::number(13800000000LL + random.bounded(99999999));
}

// Dates::toText's "2026-11-25 14:05:09", made without QDateTime::toString (a million times).
QByteArray text(const QDateTime &at)
{
    int year = 0, month = 0, day = 0;
    at.date().getDate(&year, &month, &day);
    const QTime time = at.time();
    char buffer[24];
    const int size = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d", year,
                                   month, day, time.hour(), time.minute(), time.second());
    return QByteArray(buffer, size);
}

} // namespace

ScaleDemoGenerator::ScaleDemoGenerator(ShopServices &shop, Size size, quint32 seed,
                                       const QDateTime &now)
    : m_shop(shop)
    , m_size(size)
    , m_seed(seed)
    , m_now(now)
{}

void ScaleDemoGenerator::run(const std::function<void(qint64, qint64)> &progress)
{
    Database &database = m_shop.database;
    if (!database.isSqlite())
        throw InputError(tr("demo --scale writes an SQLite file; for a team server, make the "
                            "shop in a file and restore it there, or use demo without --scale."));
    DemoGenerator::refuseUnlessEmpty(database, m_size);

    const QVariant handle = database.connection().driver()->handle();
    sqlite3 *db = handle.isValid() ? *static_cast<sqlite3 *const *>(handle.constData()) : nullptr;
    if (!db)
        throw DatabaseError(DatabaseError::Reason::Failed,
                            tr("The SQLite connection cannot be reached for writing in bulk."));

    QRandomGenerator random(m_seed);
    const QByteArray actor = database.actor().toUtf8();
    const QDate today = m_now.date();
    const QDate first = today.addDays(-364);
    // Times are wall-clock times in Qt::UTC, as everywhere (Dates.h): a million of them are
    // compared and added to without asking a time zone.
    const QDateTime opening(first.addDays(-1), QTime(8, 0), Qt::UTC);
    const QDateTime &now = m_now;
    const int levels = m_shop.settings.commissionLevels();
    QList<Rate> rates;
    for (int level = 1; level <= levels; ++level)
        rates.append(m_shop.settings.commissionRate(level));
    const int holdDays = m_shop.settings.holdDays();

    // The orders' days and customers first: customers are written with their last order.
    struct Planned
    {
        QDateTime at;
        int customer;
    };
    QList<Planned> plan;
    plan.reserve(m_size.orders);
    for (int i = 0; i < m_size.orders; ++i) {
        const QDate day = i % 20 == 19 ? today.addDays(-random.bounded(7))
                                       : first.addDays(random.bounded(365));
        QDateTime at(day, QTime(8 + random.bounded(14), random.bounded(60)), Qt::UTC);
        // Drawn either way, so that the hour changes nothing but these orders' times.
        const int minutesBack = 1 + random.bounded(120);
        if (at > now)
            at = now.addSecs(-60 * minutesBack);
        plan.append({at, random.bounded(m_size.customers)});
    }
    std::sort(plan.begin(), plan.end(),
              [](const Planned &a, const Planned &b) { return a.at < b.at; });
    QList<QDate> lastOrder(m_size.customers);
    QList<QDateTime> times;
    times.reserve(plan.size());
    for (const Planned &order : std::as_const(plan)) {
        lastOrder[order.customer] = order.at.date();
        times.append(order.at);
    }
    const QList<DemoOrderFate::Role> roles = DemoOrderFate::roles(times, now);
    times.clear();

    // A new file being filled: the rollback journal in memory and no syncs until the end (a
    // crash leaves a file to delete, as the shop was empty), and a large page cache.
    // Foreign keys are checked by `check` and the tests rather than row by row here: every
    // reference is made to a row written before it.
    database.exec(QStringLiteral("PRAGMA journal_mode = MEMORY"));
    database.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    database.exec(QStringLiteral("PRAGMA cache_size = -262144"));
    database.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    const auto restore = qScopeGuard([&database] {
        database.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        database.exec(QStringLiteral("PRAGMA cache_size = -2000"));
        database.exec(QStringLiteral("PRAGMA synchronous = FULL"));
        database.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    });
    // The secondary indexes are built once at the end, from sorted rows, not row by row.
    // So are the triggers that keep the customers' search index; it is rebuilt once at the end.
    QList<std::tuple<QString, QString, QString>> derived; // type, name, CREATE statement
    QSqlQuery found = database.exec(
        QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', "
                       "'trigger') AND sql IS NOT NULL"));
    while (found.next())
        derived.append(
            {found.value(0).toString(), found.value(1).toString(), found.value(2).toString()});
    const bool customerSearch
        = database
              .scalar(QStringLiteral(
                  "SELECT count(*) FROM sqlite_master WHERE name = 'customer_search'"))
              .toInt()
          > 0;
    database.inTransaction([&] {
        for (const auto &[type, name, create] : std::as_const(derived))
            database.exec(QStringLiteral("DROP %1 %2").arg(type.toUpper(), name));
        // Products, their stock written last (the opening stock covers a year of sales).
        struct Item
        {
            qint64 price;
            qint64 cost;
            bool active;
            qint64 sold = 0;
        };
        QList<Item> items;
        QList<int> sellable;
        {
            Statement insert(db,
                             "INSERT INTO products (id, sku, name, category, unit, price, cost, "
                             "stock, low_stock, barcode, active, notes, created_at, "
                             "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 10, ?, ?, '', ?, ?)");
            for (int i = 0; i < m_size.products; ++i) {
                const qint64 price = (19 + random.bounded(580)) * 100 + (i % 2 ? 90 : 0);
                const Item item{price, price * (40 + random.bounded(25)) / 100, i % 29 != 28};
                items.append(item);
                if (item.active)
                    sellable.append(i);
                const QByteArray name = QByteArray(products[i % std::size(products)]) + ' '
                                        + QByteArray::number(i / int(std::size(products)) + 1)
                                        + "号";
                insert << qint64(i + 1)
                       << QStringLiteral("SKU-%1").arg(i + 1, 5, 10, QLatin1Char('0')) << name
                       << QByteArray(categories[i % std::size(categories)]) << QByteArray("件")
                       << item.price << item.cost
                       << QStringLiteral("69%1").arg(12345000 + i, 11, 10, QLatin1Char('0'))
                       << qint64(item.active ? 1 : 0) << text(opening) << text(opening);
                insert.run();
            }
            if (sellable.isEmpty())
                sellable.append(0);
        }

        // A forest of distributors: one in eight starts a tree; the others join someone drawn
        // from a pool where every recruit adds its upline again (big teams grow bigger) and deep
        // ones count more (long chains), never below depth 12.
        QList<qint64> upline(m_size.distributors, 0);
        QList<int> depth(m_size.distributors, 1);
        QList<bool> active(m_size.distributors, true);
        {
            QList<int> pool;
            Statement insert(db, "INSERT INTO distributors (id, code, name, phone, wechat, status, "
                                 "joined, notes, upline_id, depth) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                 "'', ?, ?)");
            Statement closure(db, "INSERT INTO distributor_closure (ancestor_id, descendant_id, "
                                  "distance) VALUES (?, ?, ?)");
            // Every (n/12)th recruit joins the deepest chain (as in DemoGenerator): 12 deep
            // from 12 distributors on, whatever the dice say.
            const int chainStep = qMax(1, m_size.distributors / 12);
            int deepest = -1;
            for (int i = 0; i < m_size.distributors; ++i) {
                int parent = -1;
                if (i > 0 && i % chainStep == 0 && depth.at(deepest) < 12) {
                    parent = deepest;
                } else if (!pool.isEmpty() && random.bounded(8) != 0) {
                    for (int attempt = 0; attempt < 4 && parent < 0; ++attempt) {
                        const int candidate = pool.at(random.bounded(int(pool.size())));
                        if (depth.at(candidate) < 12)
                            parent = candidate;
                    }
                }
                if (parent >= 0) {
                    upline[i] = parent + 1;
                    depth[i] = depth.at(parent) + 1;
                    pool.append(parent);
                }
                if (deepest < 0 || depth.at(i) > depth.at(deepest))
                    deepest = i;
                for (int weight = 0; weight <= depth.at(i) / 3; ++weight)
                    pool.append(i);
                const int fate = random.bounded(50);
                const char *status = fate < 2 ? "suspended" : fate < 3 ? "left" : "active";
                active[i] = fate >= 3;
                insert << qint64(i + 1) << QStringLiteral("D%1").arg(i + 1, 6, 10, QLatin1Char('0'))
                       << personName(random) << phone(random) << QStringLiteral("wx_d%1").arg(i + 1)
                       << QByteArray(status)
                       << Dates::toText(first.addDays(random.bounded(60))).toUtf8();
                if (parent >= 0)
                    insert << qint64(parent + 1);
                else
                    insert.null();
                insert << qint64(depth.at(i));
                insert.run();
                qint64 ancestor = i + 1;
                for (int distance = 0; ancestor != 0; ++distance) {
                    closure << ancestor << qint64(i + 1) << qint64(distance);
                    closure.run();
                    ancestor = upline.at(ancestor - 1);
                }
            }
        }

        // Customers, two in three bound to a distributor, each with one address.
        QList<qint64> boundTo(m_size.customers, 0);
        struct Receiver
        {
            QByteArray name;
            QByteArray phone;
            int city;
            QByteArray detail;
        };
        QList<Receiver> receivers; // each customer's one address, for its shipments
        receivers.reserve(m_size.customers);
        {
            const QList<Channel> channels = Channels::all();
            Statement insert(db, "INSERT INTO customers (id, code, name, phone, wechat, "
                                 "wechat_remark, channel, distributor_id, tags, notes, "
                                 "created_at, last_order_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, '', ?, ?)");
            Statement address(db, "INSERT INTO customer_addresses (customer_id, receiver, phone, "
                                  "province, city, district, detail, is_default) VALUES (?, ?, "
                                  "?, ?, ?, ?, ?, 1)");
            for (int i = 0; i < m_size.customers; ++i) {
                const QByteArray name = personName(random);
                const QByteArray number = phone(random);
                insert << qint64(i + 1) << QStringLiteral("C%1").arg(i + 1, 7, 10, QLatin1Char('0'))
                       << name << number
                       << QStringLiteral("wxid_%1").arg(random.bounded(10000000), 7, 10,
                                                        QLatin1Char('0'))
                       << name << Channels::code(channels.at(random.bounded(int(channels.size()))));
                if (m_size.distributors > 0 && random.bounded(3) != 0) {
                    boundTo[i] = 1 + random.bounded(m_size.distributors);
                    insert << boundTo.at(i);
                } else {
                    insert.null();
                }
                insert << QByteArray(random.bounded(6) == 0 ? "VIP" : "") << text(opening);
                if (lastOrder.at(i).isValid())
                    insert << Dates::toText(lastOrder.at(i));
                else
                    insert.null();
                insert.run();
                const int city = random.bounded(int(std::size(cities)));
                receivers.append(
                    {name, number, city,
                     QByteArray("人民路") + QByteArray::number(1 + random.bounded(300)) + "号"});
                address << qint64(i + 1) << name << number << QByteArray(cities[city][0])
                        << QByteArray(cities[city][1]) << QByteArray(cities[city][2])
                        << receivers.constLast().detail;
                address.run();
            }
        }

        // The orders, each with what the workflow writes for its status.
        Statement order(db, "INSERT INTO orders (id, order_no, date, customer_id, distributor_id, "
                            "status, goods_total, shipping_fee, paid_at, shipped_at, "
                            "completed_at, cancelled_at, notes, created_at, updated_at) VALUES "
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)");
        Statement line(db, "INSERT INTO order_lines (id, order_id, line_no, product_id, quantity, "
                           "unit_price, unit_cost, discount, net) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                           "?)");
        Statement payment(db, "INSERT INTO payments (order_id, method, paid_at, amount) VALUES "
                              "(?, ?, ?, ?)");
        Statement shipment(db, "INSERT INTO shipments (order_id, courier, tracking, shipped_at, "
                               "receiver, phone, province, city, district, detail) VALUES (?, ?, "
                               "?, ?, ?, ?, ?, ?, ?, ?)");
        Statement movement(db, "INSERT INTO stock_movements (product_id, moved_at, kind, "
                               "quantity, order_id, reference, actor) VALUES (?, ?, ?, ?, ?, ?, "
                               "?)");
        Statement basis(db, "INSERT INTO commission_basis (order_line_id, level, distributor_id, "
                            "rate) VALUES (?, ?, ?, ?)");
        Statement entry(db, "INSERT INTO commission_entries (order_id, distributor_id, level, "
                            "kind, amount, created_at, available_on) VALUES (?, ?, ?, ?, ?, ?, "
                            "?)");
        struct Line
        {
            qint64 id;
            int product;
            qint64 quantity;
            Money price;
            Money discount;
            Money net;
        };
        qint64 lineId = 0;
        for (int i = 0; i < plan.size(); ++i) {
            const Planned &planned = plan.at(i);
            const qint64 orderId = i + 1;
            const qint64 seller = boundTo.at(planned.customer);
            int year = 0, month = 0, day = 0;
            planned.at.date().getDate(&year, &month, &day);
            char number[32];
            const QByteArray orderNo(number,
                                     std::snprintf(number, sizeof number, "SO%04d%02d%02d-%07d",
                                                   year, month, day, i + 1));
            QList<Line> lines;
            Money goods;
            const int count = 1 + random.bounded(4);
            for (int l = 0; l < count; ++l) {
                const int product = sellable.at(random.bounded(int(sellable.size())));
                const qint64 quantity = 1 + random.bounded(3);
                const Money price = Money::fromMinorUnits(items.at(product).price);
                const Money discount = Money::fromMinorUnits(random.bounded(5) == 0 ? 500 : 0);
                const Money net = OrderLine::netOf(quantity, price, discount);
                lines.append({++lineId, product, quantity, price, discount, net});
                goods += net;
            }
            const qint64 shipping = random.bounded(3) == 0 ? 0 : 800 + 200 * random.bounded(5);

            // Its fate, by DemoGenerator's rules: recent ones still waiting, a few cancelled,
            // nothing after now. No returns here.
            const int roll = random.bounded(100);
            const int payMinutes = random.bounded(600);
            // Drawn whether they happen or not, so that the hour changes nothing else.
            const QByteArray method(pick(random, methods));
            const QByteArray courier(pick(random, couriers));
            const QString tracking = QStringLiteral("YT%1").arg(
                quint64(random.generate64() % 10000000000ULL), 10, 10, QLatin1Char('0'));
            const DemoOrderFate fate = DemoOrderFate::plan(planned.at, now, roll, payMinutes,
                                                           roles.at(i));
            const bool paid = fate.paid.has_value();
            const bool cancelled = fate.cancelled.has_value();
            const bool shipped = fate.shipped.has_value();
            const bool completed = fate.completed.has_value();
            const bool pending = !paid && !cancelled;
            const QDateTime paidAt = fate.paid.value_or(QDateTime());
            const QDateTime cancelledAt = fate.cancelled.value_or(QDateTime());
            const QDateTime shippedAt = fate.shipped.value_or(QDateTime());
            const QDateTime completedAt = fate.completed.value_or(QDateTime());
            const QByteArray atText = text(planned.at);
            const QByteArray paidText = text(paidAt);
            const QByteArray cancelledText = text(cancelledAt);
            const char *status = pending     ? "pending"
                                 : cancelled ? "cancelled"
                                 : completed ? "completed"
                                 : shipped   ? "shipped"
                                             : "paid";
            const QDateTime updated = cancelled   ? cancelledAt
                                      : completed ? completedAt
                                      : shipped   ? shippedAt
                                      : paid      ? paidAt
                                                  : planned.at;
            order << orderId << orderNo << atText << qint64(planned.customer + 1);
            if (seller)
                order << seller;
            else
                order.null();
            order << QByteArray(status) << goods.minorUnits() << shipping;
            for (const auto &[happened, at] :
                 {std::pair{paid, paidAt}, std::pair{shipped, shippedAt},
                  std::pair{completed, completedAt}, std::pair{cancelled, cancelledAt}}) {
                if (happened)
                    order << text(at);
                else
                    order.null();
            }
            order << atText << text(updated);
            order.run();
            for (int l = 0; l < lines.size(); ++l) {
                const Line &each = lines.at(l);
                line << each.id << orderId << qint64(l + 1) << qint64(each.product + 1)
                     << each.quantity << each.price.minorUnits() << items.at(each.product).cost
                     << each.discount.minorUnits() << each.net.minorUnits();
                line.run();
            }
            if (!paid)
                continue;

            payment << orderId << method << paidText << goods.minorUnits() + shipping;
            payment.run();
            for (const Line &each : std::as_const(lines)) {
                items[each.product].sold += each.quantity;
                movement << qint64(each.product + 1) << paidText << QByteArray("sale")
                         << -each.quantity << orderId << orderNo << actor;
                movement.run();
                if (cancelled) {
                    items[each.product].sold -= each.quantity;
                    movement << qint64(each.product + 1) << cancelledText << QByteArray("cancel")
                             << each.quantity << orderId << orderNo << actor;
                    movement.run();
                }
            }
            if (shipped) {
                shipment << orderId << courier << tracking << text(shippedAt);
                const Receiver &receiver = receivers.at(planned.customer);
                shipment << receiver.name << receiver.phone << QByteArray(cities[receiver.city][0])
                         << QByteArray(cities[receiver.city][1])
                         << QByteArray(cities[receiver.city][2]) << receiver.detail;
                shipment.run();
            }

            // Commissions (domain.md): the seller and its uplines at payment, inactive levels
            // skipped, each line's net at the level's rate rounded half up, summed per level.
            qint64 beneficiary = seller;
            for (int level = 1; level <= levels && beneficiary != 0; ++level) {
                const qint64 current = beneficiary;
                beneficiary = upline.at(current - 1);
                if (!active.at(current - 1))
                    continue;
                Money earned;
                for (const Line &each : std::as_const(lines)) {
                    basis << each.id << qint64(level) << current
                          << qint64(rates.at(level - 1).basisPoints());
                    basis.run();
                    earned += rates.at(level - 1).of(each.net);
                }
                if (earned.isZero())
                    continue;
                entry << orderId << current << qint64(level) << QByteArray("commission")
                      << earned.minorUnits() << paidText;
                if (completed)
                    entry << Dates::toText(completedAt.date().addDays(holdDays));
                else
                    entry.null();
                entry.run();
                if (cancelled) {
                    entry << orderId << current << qint64(level) << QByteArray("reversal")
                          << -earned.minorUnits() << cancelledText;
                    entry.null();
                    entry.run();
                }
            }
            if (progress && (i + 1) % 10000 == 0)
                progress(i + 1, m_size.orders);
        }

        // The opening stock: a year of sales and some left, as one movement each.
        Statement initial(db, "INSERT INTO stock_movements (product_id, moved_at, kind, quantity, "
                              "reference, actor) VALUES (?, ?, 'initial', ?, ?, ?)");
        Statement stock(db, "UPDATE products SET stock = ? WHERE id = ?");
        const QByteArray reference
            = QCoreApplication::translate("CatalogService", "opening stock").toUtf8();
        for (int i = 0; i < items.size(); ++i) {
            const qint64 left = random.bounded(60);
            if (items.at(i).sold + left > 0) {
                initial << qint64(i + 1) << text(opening) << items.at(i).sold + left << reference
                        << actor;
                initial.run();
            }
            stock << left << qint64(i + 1);
            stock.run();
        }
        for (const auto &[type, name, create] : std::as_const(derived))
            database.exec(create);
        if (customerSearch)
            database.exec(
                QStringLiteral("INSERT INTO customer_search (customer_search) VALUES ('rebuild')"));
        if (progress)
            progress(m_size.orders, m_size.orders);
    });
}

} // namespace MicroShop
