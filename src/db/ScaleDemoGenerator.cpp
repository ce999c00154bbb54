#include "ScaleDemoGenerator.h"

#include "Database.h"
#include "DatabaseError.h"
#include "DemoGenerator.h"
#include "DemoOrderFate.h"
#include "ShopServices.h"

#include "CommissionRules.h"
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

// The rows of one scale shop, written step by step in the order the dice are thrown, so that the
// same seed at the same instant gives the same shop: orders planned, then products,
// distributors, customers, orders and the opening stock.
class ScaleShopWriter final
{
public:
    using Size = DemoGenerator::Size;
    using Progress = std::function<void(qint64, qint64)>;

    ScaleShopWriter(ShopServices &shop, sqlite3 *database, Size size, quint32 seed,
                    const QDateTime &now);

    void planOrders();
    void writeProducts();
    void writeDistributors();
    void writeCustomers();
    void writeOrders(const Progress &progress);
    void writeOpeningStock();

private:
    struct Planned
    {
        QDateTime at;
        int customer;
    };
    struct Item
    {
        qint64 price;
        qint64 cost;
        bool active;
        qint64 sold = 0;
    };
    struct Receiver
    {
        QByteArray name;
        QByteArray phone;
        int city;
        QByteArray detail;
    };
    struct Line
    {
        qint64 id;
        int product;
        qint64 quantity;
        Money price;
        Money discount;
        Money net;
    };
    // What one order is made of and what may happen to it: all drawn whatever its fate.
    struct Draws
    {
        QList<Line> lines;
        Money goods;
        qint64 shipping = 0;
        int roll = 0;
        int payMinutes = 0;
        QByteArray method;
        QByteArray courier;
        QString tracking;
    };
    // One order's row and numbers as written, for the rows that follow it.
    struct Written
    {
        qint64 id;
        QByteArray number;
        qint64 seller;
        DemoOrderFate fate;
    };
    struct OrderStatements;

    int drawUpline(int index, QList<int> &pool, int chainStep, int deepest);
    void writeDistributor(int index, int parent, Statement &row, Statement &closure);
    void writeCustomer(int index, const QList<Channel> &channels, Statement &insert,
                       Statement &address);
    Draws drawOrder(qint64 &lineId);
    Written writeOrder(int index, const Draws &draws, OrderStatements &statements);
    void writeSale(const Written &order, const Draws &draws, OrderStatements &statements);
    void writeShipment(const Written &order, const Draws &draws, int customer, Statement &into);
    void writeCommissions(const Written &order, const QList<Line> &lines, Statement &basis,
                          Statement &entry);

    sqlite3 *m_database;
    Size m_size;
    QRandomGenerator m_random;
    QByteArray m_actor;
    QDateTime m_now; // the shop's local time
    QDate m_today;
    QDate m_first; // of the year of orders
    // Times are wall-clock times in Qt::UTC, as everywhere (Dates.h): a million of them are
    // compared and added to without asking a time zone.
    QDateTime m_opening;
    QList<Rate> m_rates; // of the levels paid, level 1 first
    int m_holdDays;

    QList<Planned> m_plan; // by time
    QList<DemoOrderFate::Role> m_roles;
    QList<QDate> m_lastOrder;          // per customer
    QList<Item> m_items;               // per product
    QList<int> m_sellable;             // the active products
    QList<qint64> m_upline;            // per distributor: its upline's id, 0 for a root
    QList<int> m_depth;                // per distributor
    QList<DistributorStatus> m_status; // per distributor
    QList<qint64> m_boundTo;           // per customer: its distributor's id or 0
    QList<Receiver> m_receivers;       // each customer's one address, for its shipments
};

struct ScaleShopWriter::OrderStatements
{
    explicit OrderStatements(sqlite3 *db)
        : order(db, "INSERT INTO orders (id, order_no, date, customer_id, distributor_id, "
                    "status, goods_total, shipping_fee, paid_at, shipped_at, completed_at, "
                    "cancelled_at, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, ?, '', ?, ?)")
        , line(db, "INSERT INTO order_lines (id, order_id, line_no, product_id, quantity, "
                   "unit_price, unit_cost, discount, net) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , payment(db, "INSERT INTO payments (order_id, method, paid_at, amount) VALUES (?, ?, ?, "
                      "?)")
        , shipment(db, "INSERT INTO shipments (order_id, courier, tracking, shipped_at, "
                       "receiver, phone, province, city, district, detail) VALUES (?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?)")
        , movement(db, "INSERT INTO stock_movements (product_id, moved_at, kind, quantity, "
                       "order_id, reference, actor) VALUES (?, ?, ?, ?, ?, ?, ?)")
        , basis(db, "INSERT INTO commission_basis (order_line_id, level, distributor_id, rate) "
                    "VALUES (?, ?, ?, ?)")
        , entry(db, "INSERT INTO commission_entries (order_id, distributor_id, level, kind, "
                    "amount, created_at, available_on) VALUES (?, ?, ?, ?, ?, ?, ?)")
    {}

    Statement order;
    Statement line;
    Statement payment;
    Statement shipment;
    Statement movement;
    Statement basis;
    Statement entry;
};

ScaleShopWriter::ScaleShopWriter(ShopServices &shop, sqlite3 *database, Size size, quint32 seed,
                                 const QDateTime &now)
    : m_database(database)
    , m_size(size)
    , m_random(seed)
    , m_actor(shop.database.actor().toUtf8())
    , m_now(now)
    , m_today(now.date())
    , m_first(m_today.addDays(-364))
    , m_opening(m_first.addDays(-1), QTime(8, 0), Qt::UTC)
    , m_holdDays(shop.settings.holdDays())
{
    // The scale shop's products have no rate overrides: each line earns the shop's rate.
    for (int level = 1; level <= shop.settings.commissionLevels(); ++level)
        m_rates.append(CommissionRules::rateOf(Product(), level, shop.settings));
}

// The orders' days and customers first: customers are written with their last order.
void ScaleShopWriter::planOrders()
{
    QRandomGenerator &random = m_random;
    const QDateTime &now = m_now;
    m_plan.reserve(m_size.orders);
    for (int i = 0; i < m_size.orders; ++i) {
        const QDateTime at = DemoOrderFate::orderTime(random, i, m_first, m_today, now);
        m_plan.append({at, random.bounded(m_size.customers)});
    }
    std::sort(m_plan.begin(), m_plan.end(),
              [](const Planned &a, const Planned &b) { return a.at < b.at; });
    m_lastOrder = QList<QDate>(m_size.customers);
    QList<QDateTime> times;
    times.reserve(m_plan.size());
    for (const Planned &order : std::as_const(m_plan)) {
        m_lastOrder[order.customer] = order.at.date();
        times.append(order.at);
    }
    m_roles = DemoOrderFate::roles(times, now);
}

// Products, their stock written last (the opening stock covers a year of sales).
void ScaleShopWriter::writeProducts()
{
    QRandomGenerator &random = m_random;
    Statement insert(m_database,
                     "INSERT INTO products (id, sku, name, category, unit, price, cost, "
                     "stock, low_stock, barcode, active, notes, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 10, ?, ?, '', ?, ?)");
    for (int i = 0; i < m_size.products; ++i) {
        const qint64 price = (19 + random.bounded(580)) * 100 + (i % 2 ? 90 : 0);
        const Item item{price, price * (40 + random.bounded(25)) / 100, i % 29 != 28};
        m_items.append(item);
        if (item.active)
            m_sellable.append(i);
        const QByteArray name = QByteArray(products[i % std::size(products)]) + ' '
                                + QByteArray::number(i / int(std::size(products)) + 1) + "号";
        insert << qint64(i) + 1 << QStringLiteral("SKU-%1").arg(i + 1, 5, 10, QLatin1Char('0'))
               << name << QByteArray(categories[i % std::size(categories)]) << QByteArray("件")
               << item.price << item.cost
               << QStringLiteral("69%1").arg(12345000 + i, 11, 10, QLatin1Char('0'))
               << qint64(item.active ? 1 : 0) << text(m_opening) << text(m_opening);
        insert.run();
    }
    if (m_sellable.isEmpty())
        m_sellable.append(0);
}

// A forest of distributors: one in eight starts a tree; the others join someone drawn from a
// pool where every recruit adds its upline again (big teams grow bigger) and deep ones count
// more (long chains), never below depth 12.
void ScaleShopWriter::writeDistributors()
{
    m_upline = QList<qint64>(m_size.distributors, 0);
    m_depth = QList<int>(m_size.distributors, 1); // a root's (domain.md)
    m_status = QList<DistributorStatus>(m_size.distributors, DistributorStatus::Active);
    QList<int> pool;
    Statement insert(m_database,
                     "INSERT INTO distributors (id, code, name, phone, wechat, status, joined, "
                     "notes, upline_id, depth) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)");
    Statement closure(m_database, "INSERT INTO distributor_closure (ancestor_id, descendant_id, "
                                  "distance) VALUES (?, ?, ?)");
    // Every (n/12)th recruit joins the deepest chain (as in DemoGenerator): 12 deep from 12
    // distributors on, whatever the dice say.
    const int chainStep = qMax(1, m_size.distributors / DemoGenerator::maxDepth);
    int deepest = -1;
    for (int i = 0; i < m_size.distributors; ++i) {
        const int parent = drawUpline(i, pool, chainStep, deepest);
        if (parent >= 0) {
            m_upline[i] = parent + 1;
            m_depth[i] = m_depth.at(parent) + 1;
            pool.append(parent);
        }
        if (deepest < 0 || m_depth.at(i) > m_depth.at(deepest))
            deepest = i;
        for (int weight = 0; weight <= m_depth.at(i) / 3; ++weight)
            pool.append(i);
        writeDistributor(i, parent, insert, closure);
    }
}

// The index of the upline of distributor `index`, or -1 for a new root.
int ScaleShopWriter::drawUpline(int index, QList<int> &pool, int chainStep, int deepest)
{
    if (index > 0 && index % chainStep == 0 && m_depth.at(deepest) < DemoGenerator::maxDepth)
        return deepest;
    int parent = -1;
    if (!pool.isEmpty() && m_random.bounded(8) != 0) {
        for (int attempt = 0; attempt < 4 && parent < 0; ++attempt) {
            const int candidate = pool.at(m_random.bounded(int(pool.size())));
            if (m_depth.at(candidate) < DemoGenerator::maxDepth)
                parent = candidate;
        }
    }
    return parent;
}

// The distributor's row and its closure rows: itself at distance 0, then each of its uplines.
void ScaleShopWriter::writeDistributor(int index, int parent, Statement &row, Statement &closure)
{
    QRandomGenerator &random = m_random;
    const int i = index;
    const int fate = random.bounded(50);
    m_status[i] = fate < 2   ? DistributorStatus::Suspended
                  : fate < 3 ? DistributorStatus::Left
                             : DistributorStatus::Active;
    row << qint64(i) + 1 << QStringLiteral("D%1").arg(i + 1, 6, 10, QLatin1Char('0'))
        << personName(random) << phone(random) << QStringLiteral("wx_d%1").arg(i + 1)
        << DistributorStatuses::code(m_status.at(i))
        << Dates::toText(m_first.addDays(random.bounded(60))).toUtf8();
    if (parent >= 0)
        row << qint64(parent) + 1;
    else
        row.null();
    row << qint64(m_depth.at(i));
    row.run();
    qint64 ancestor = i + 1;
    for (int distance = 0; ancestor != 0; ++distance) {
        closure << ancestor << qint64(i) + 1 << qint64(distance);
        closure.run();
        ancestor = m_upline.at(ancestor - 1);
    }
}

// Customers, two in three bound to a distributor, each with one address.
void ScaleShopWriter::writeCustomers()
{
    m_boundTo = QList<qint64>(m_size.customers, 0);
    m_receivers.reserve(m_size.customers);
    const QList<Channel> channels = Channels::direct();
    Statement insert(m_database, "INSERT INTO customers (id, code, name, phone, wechat, "
                                 "wechat_remark, channel, distributor_id, tags, notes, "
                                 "created_at, last_order_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, '', ?, ?)");
    Statement address(m_database, "INSERT INTO customer_addresses (customer_id, receiver, phone, "
                                  "province, city, district, detail, is_default) VALUES (?, ?, "
                                  "?, ?, ?, ?, ?, 1)");
    for (int i = 0; i < m_size.customers; ++i)
        writeCustomer(i, channels, insert, address);
}

void ScaleShopWriter::writeCustomer(int index, const QList<Channel> &channels, Statement &insert,
                                    Statement &address)
{
    QRandomGenerator &random = m_random;
    const int i = index;
    const QByteArray name = personName(random);
    const QByteArray number = phone(random);
    insert << qint64(i) + 1 << QStringLiteral("C%1").arg(i + 1, 7, 10, QLatin1Char('0')) << name
           << number
           << QStringLiteral("wxid_%1").arg(random.bounded(10000000), 7, 10, QLatin1Char('0'))
           << name << Channels::code(channels.at(random.bounded(int(channels.size()))));
    if (m_size.distributors > 0 && random.bounded(3) != 0) {
        m_boundTo[i] = 1 + random.bounded(m_size.distributors);
        insert << m_boundTo.at(i);
    } else {
        insert.null();
    }
    insert << QByteArray(random.bounded(6) == 0 ? "VIP" : "") << text(m_opening);
    if (m_lastOrder.at(i).isValid())
        insert << Dates::toText(m_lastOrder.at(i));
    else
        insert.null();
    insert.run();
    const int city = random.bounded(int(std::size(cities)));
    m_receivers.append({name, number, city,
                        QByteArray("人民路") + QByteArray::number(1 + random.bounded(300)) + "号"});
    address << qint64(i) + 1 << name << number << QByteArray(cities[city][0])
            << QByteArray(cities[city][1]) << QByteArray(cities[city][2])
            << m_receivers.constLast().detail;
    address.run();
}

// The orders, each with what the workflow writes for its status.
void ScaleShopWriter::writeOrders(const Progress &progress)
{
    OrderStatements statements(m_database);
    qint64 lineId = 0;
    for (int i = 0; i < m_plan.size(); ++i) {
        const Draws draws = drawOrder(lineId);
        const Written order = writeOrder(i, draws, statements);
        if (order.fate.paid) {
            writeSale(order, draws, statements);
            writeShipment(order, draws, m_plan.at(i).customer, statements.shipment);
            writeCommissions(order, draws.lines, statements.basis, statements.entry);
        }
        if (progress && (i + 1) % 10000 == 0)
            progress(i + 1, m_size.orders);
    }
}

// Its lines and shipping fee, then its luck, and what its parcel would be: drawn whether they
// happen or not, so that the hour changes nothing else.
ScaleShopWriter::Draws ScaleShopWriter::drawOrder(qint64 &lineId)
{
    QRandomGenerator &random = m_random;
    Draws draws;
    const int count = 1 + random.bounded(4);
    for (int l = 0; l < count; ++l) {
        const int product = m_sellable.at(random.bounded(int(m_sellable.size())));
        const qint64 quantity = 1 + random.bounded(3);
        const Money price = Money::fromMinorUnits(m_items.at(product).price);
        const Money discount = Money::fromMinorUnits(random.bounded(5) == 0 ? 500 : 0);
        const Money net = OrderLine::netOf(quantity, price, discount);
        draws.lines.append({++lineId, product, quantity, price, discount, net});
        draws.goods += net;
    }
    draws.shipping = random.bounded(3) == 0 ? 0 : 800 + 200 * random.bounded(5);
    draws.roll = random.bounded(100);
    draws.payMinutes = random.bounded(600);
    draws.method = QByteArray(pick(random, methods));
    draws.courier = QByteArray(pick(random, couriers));
    draws.tracking = QStringLiteral("YT%1").arg(quint64(random.generate64() % 10000000000ULL), 10,
                                                10, QLatin1Char('0'));
    return draws;
}

// The order's row and its lines. Its fate, by DemoGenerator's rules: recent ones still waiting,
// a few cancelled, nothing after now; no returns here.
ScaleShopWriter::Written ScaleShopWriter::writeOrder(int index, const Draws &draws,
                                                     OrderStatements &statements)
{
    const Planned &planned = m_plan.at(index);
    int year = 0, month = 0, day = 0;
    planned.at.date().getDate(&year, &month, &day);
    char number[32];
    Written written{
        index + 1,
        QByteArray(number, std::snprintf(number, sizeof number, "SO%04d%02d%02d-%07d", year, month,
                                         day, index + 1)),
        m_boundTo.at(planned.customer),
        DemoOrderFate::plan(planned.at, m_now, draws.roll, draws.payMinutes, m_roles.at(index))};
    const DemoOrderFate &fate = written.fate;
    const char *status = !fate.paid && !fate.cancelled ? "pending"
                         : fate.cancelled              ? "cancelled"
                         : fate.completed              ? "completed"
                         : fate.shipped                ? "shipped"
                                                       : "paid";
    const QDateTime updated = fate.cancelled.value_or(
        fate.completed.value_or(fate.shipped.value_or(fate.paid.value_or(planned.at))));
    Statement &order = statements.order;
    order << written.id << written.number << text(planned.at) << qint64(planned.customer) + 1;
    if (written.seller)
        order << written.seller;
    else
        order.null();
    order << QByteArray(status) << draws.goods.minorUnits() << draws.shipping;
    for (const std::optional<QDateTime> &at :
         {fate.paid, fate.shipped, fate.completed, fate.cancelled}) {
        if (at)
            order << text(*at);
        else
            order.null();
    }
    order << text(planned.at) << text(updated);
    order.run();
    for (int l = 0; l < draws.lines.size(); ++l) {
        const Line &each = draws.lines.at(l);
        Statement &line = statements.line;
        line << each.id << written.id << qint64(l) + 1 << qint64(each.product) + 1 << each.quantity
             << each.price.minorUnits() << m_items.at(each.product).cost
             << each.discount.minorUnits() << each.net.minorUnits();
        line.run();
    }
    return written;
}

// A paid order's payment and stock sale movements, given back when it was cancelled.
void ScaleShopWriter::writeSale(const Written &order, const Draws &draws,
                                OrderStatements &statements)
{
    const QByteArray paidText = text(*order.fate.paid);
    statements.payment << order.id << draws.method << paidText
                       << draws.goods.minorUnits() + draws.shipping;
    statements.payment.run();
    Statement &movement = statements.movement;
    for (const Line &each : std::as_const(draws.lines)) {
        m_items[each.product].sold += each.quantity;
        movement << qint64(each.product) + 1 << paidText << QByteArray("sale") << -each.quantity
                 << order.id << order.number << m_actor;
        movement.run();
        if (order.fate.cancelled) {
            m_items[each.product].sold -= each.quantity;
            movement << qint64(each.product) + 1 << text(*order.fate.cancelled)
                     << QByteArray("cancel") << each.quantity << order.id << order.number
                     << m_actor;
            movement.run();
        }
    }
}

void ScaleShopWriter::writeShipment(const Written &order, const Draws &draws, int customer,
                                    Statement &into)
{
    if (!order.fate.shipped)
        return;
    into << order.id << draws.courier << draws.tracking << text(*order.fate.shipped);
    const Receiver &receiver = m_receivers.at(customer);
    into << receiver.name << receiver.phone << QByteArray(cities[receiver.city][0])
         << QByteArray(cities[receiver.city][1]) << QByteArray(cities[receiver.city][2])
         << receiver.detail;
    into.run();
}

// Commissions by CommissionRules: the seller and its uplines at payment, up to the
// shop's levels, a level whose beneficiary does not earn skipped, each line's net at the level's
// rate rounded half up, summed per level; all reversed when a paid order is cancelled.
void ScaleShopWriter::writeCommissions(const Written &order, const QList<Line> &lines,
                                       Statement &basis, Statement &entry)
{
    const DemoOrderFate &fate = order.fate;
    qint64 beneficiary = order.seller;
    for (int level = 1; level <= m_rates.size() && beneficiary != 0; ++level) {
        const qint64 current = beneficiary;
        beneficiary = m_upline.at(current - 1);
        if (!CommissionRules::earns(m_status.at(current - 1)))
            continue;
        const Rate rate = m_rates.at(level - 1);
        Money earned;
        for (const Line &each : lines) {
            basis << each.id << qint64(level) << current << qint64(rate.basisPoints());
            basis.run();
            earned += rate.of(each.net);
        }
        if (earned.isZero())
            continue; // nothing is recorded for 0
        entry << order.id << current << qint64(level) << QByteArray("commission")
              << earned.minorUnits() << text(*fate.paid);
        if (fate.completed)
            entry << Dates::toText(CommissionRules::availableOn(*fate.completed, m_holdDays));
        else
            entry.null();
        entry.run();
        if (fate.cancelled) {
            entry << order.id << current << qint64(level) << QByteArray("reversal")
                  << -earned.minorUnits() << text(*fate.cancelled);
            entry.null();
            entry.run();
        }
    }
}

// The opening stock: a year of sales and some left, as one movement each.
void ScaleShopWriter::writeOpeningStock()
{
    Statement initial(m_database, "INSERT INTO stock_movements (product_id, moved_at, kind, "
                                  "quantity, reference, actor) VALUES (?, ?, 'initial', ?, ?, ?)");
    Statement stock(m_database, "UPDATE products SET stock = ? WHERE id = ?");
    const QByteArray reference
        = QCoreApplication::translate("CatalogService", "opening stock").toUtf8();
    for (int i = 0; i < m_items.size(); ++i) {
        const qint64 left = m_random.bounded(60);
        if (m_items.at(i).sold + left > 0) {
            initial << qint64(i) + 1 << text(m_opening) << m_items.at(i).sold + left << reference
                    << m_actor;
            initial.run();
        }
        stock << left << qint64(i) + 1;
        stock.run();
    }
}

sqlite3 *sqliteHandle(Database &database)
{
    const QVariant handle = database.connection().driver()->handle();
    return handle.isValid() ? *static_cast<sqlite3 *const *>(handle.constData()) : nullptr;
}

// The secondary indexes and triggers (type, name, CREATE statement): dropped while the rows go
// in and made once at the end, from sorted rows, not row by row.
QList<std::tuple<QString, QString, QString>> derivedObjects(Database &database)
{
    QList<std::tuple<QString, QString, QString>> derived;
    QSqlQuery found = database.exec(
        QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', "
                       "'trigger') AND sql IS NOT NULL"));
    while (found.next())
        derived.append(
            {found.value(0).toString(), found.value(1).toString(), found.value(2).toString()});
    return derived;
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
    sqlite3 *const db = sqliteHandle(database);
    if (!db)
        throw DatabaseError(DatabaseError::Reason::Failed,
                            tr("The SQLite connection cannot be reached for writing in bulk."));

    ScaleShopWriter writer(m_shop, db, m_size, m_seed, m_now);
    writer.planOrders();

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
    // The triggers that keep the customers' search index are among the derived objects; the
    // index is rebuilt once at the end.
    const QList<std::tuple<QString, QString, QString>> derived = derivedObjects(database);
    const bool customerSearch
        = database
              .scalar(QStringLiteral(
                  "SELECT count(*) FROM sqlite_master WHERE name = 'customer_search'"))
              .toInt()
          > 0;
    database.inTransaction([&] {
        for (const auto &[type, name, create] : derived)
            database.exec(QStringLiteral("DROP %1 %2").arg(type.toUpper(), name));
        writer.writeProducts();
        writer.writeDistributors();
        writer.writeCustomers();
        writer.writeOrders(progress);
        writer.writeOpeningStock();
        for (const auto &[type, name, create] : derived)
            database.exec(create);
        if (customerSearch)
            database.exec(QStringLiteral("INSERT INTO customer_search (customer_search) "
                                         "VALUES ('rebuild')"));
        if (progress)
            progress(m_size.orders, m_size.orders);
    });
}

} // namespace MicroShop
