#include "DemoGenerator.h"

#include "Database.h"
#include "DemoOrderFate.h"
#include "ShopServices.h"

#include "Error.h"

#include <QRandomGenerator>

namespace MicroShop {

namespace {

const QStringList surnames = {
    QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"), QStringLiteral("刘"),
    QStringLiteral("陈"), QStringLiteral("杨"), QStringLiteral("黄"), QStringLiteral("赵"),
    QStringLiteral("吴"), QStringLiteral("周"), QStringLiteral("徐"), QStringLiteral("孙"),
    QStringLiteral("马"), QStringLiteral("朱"), QStringLiteral("胡"), QStringLiteral("郭"),
    QStringLiteral("何"), QStringLiteral("林"), QStringLiteral("罗"), QStringLiteral("高")};
const QStringList givenNames = {
    QStringLiteral("芳"),   QStringLiteral("娜"),   QStringLiteral("敏"),   QStringLiteral("静"),
    QStringLiteral("丽"),   QStringLiteral("强"),   QStringLiteral("磊"),   QStringLiteral("洋"),
    QStringLiteral("艳"),   QStringLiteral("勇"),   QStringLiteral("军"),   QStringLiteral("杰"),
    QStringLiteral("娟"),   QStringLiteral("涛"),   QStringLiteral("明"),   QStringLiteral("超"),
    QStringLiteral("秀英"), QStringLiteral("桂英"), QStringLiteral("晓燕"), QStringLiteral("思雨"),
    QStringLiteral("子涵"), QStringLiteral("欣怡"), QStringLiteral("浩然"), QStringLiteral("雨萱")};
struct Place
{
    const char *province;
    const char *city;
    const char *districts[3];
};
const Place places[] = {
    {"广东省", "深圳市", {"南山区", "福田区", "宝安区"}},
    {"广东省", "广州市", {"天河区", "越秀区", "海珠区"}},
    {"浙江省", "杭州市", {"西湖区", "滨江区", "余杭区"}},
    {"江苏省", "南京市", {"鼓楼区", "玄武区", "江宁区"}},
    {"上海市", "上海市", {"浦东新区", "徐汇区", "静安区"}},
    {"北京市", "北京市", {"朝阳区", "海淀区", "东城区"}},
    {"四川省", "成都市", {"武侯区", "锦江区", "高新区"}},
    {"湖北省", "武汉市", {"武昌区", "洪山区", "江汉区"}},
    {"福建省", "厦门市", {"思明区", "湖里区", "集美区"}},
    {"山东省", "青岛市", {"市南区", "崂山区", "黄岛区"}},
};
const QStringList streets = {QStringLiteral("人民路"),   QStringLiteral("建设路"),
                             QStringLiteral("中山路"),   QStringLiteral("解放路"),
                             QStringLiteral("科技园路"), QStringLiteral("长江路")};
struct CatalogLine
{
    const char *category;
    const char *unit;
    const char *names[5];
    int minPrice; // yuan
    int maxPrice;
};
const CatalogLine catalog[] = {
    {"茶叶", "饼", {"普洱熟茶", "福鼎白茶", "武夷岩茶", "西湖龙井", "安化黑茶"}, 58, 398},
    {"护肤", "瓶", {"补水面膜", "精华液", "洁面乳", "防晒霜", "保湿乳液"}, 39, 299},
    {"零食", "袋", {"手工牛肉干", "坚果礼盒", "芒果干", "麻辣鸭脖", "黑糖话梅"}, 15, 128},
    {"母婴", "件", {"纯棉口水巾", "婴儿湿巾", "宝宝辅食碗", "儿童牙刷", "防胀气奶瓶"}, 19, 189},
    {"保健", "盒", {"燕窝礼盒", "阿胶糕", "枸杞原浆", "蜂蜜", "红枣片"}, 49, 599},
    {"服饰", "件", {"真丝围巾", "羊绒袜", "桑蚕丝睡衣", "针织开衫", "棉麻衬衫"}, 39, 459},
};
const QStringList couriers = {QStringLiteral("顺丰速运"), QStringLiteral("中通快递"),
                              QStringLiteral("圆通速递"), QStringLiteral("韵达快递"),
                              QStringLiteral("极兔速递")};

QString pick(QRandomGenerator &random, const QStringList &list)
{
    return list.at(random.bounded(int(list.size())));
}

QString personName(QRandomGenerator &random)
{
    return pick(random, surnames) + pick(random, givenNames);
}

QString phone(QRandomGenerator &random)
{
    static const int prefixes[] = {138, 139, 135, 136, 150, 151, 158, 186, 187, 177, 199};
    return QStringLiteral("%1%2")
        .arg(prefixes[random.bounded(int(std::size(prefixes)))])
        .arg(random.bounded(100000000), 8, 10, QLatin1Char('0'));
}

// The shop DemoGenerator makes, step by step through the services, in the order the dice are
// thrown, so that the same seed at the same instant gives the same shop: the catalog, the
// distributors, the customers, then the orders and what has happened to each.
class DemoShopMaker final
{
public:
    using Progress = std::function<void(qint64, qint64)>;

    DemoShopMaker(ShopServices &shop, DemoGenerator::Size size, quint32 seed, const QDateTime &now,
                  const Progress &progress);

    void createProducts();
    void createDistributors();
    void createCustomers();
    void createOrders();

private:
    static constexpr int maxDepth = DemoGenerator::maxDepth;

    void step();
    Product drawProduct(int index);
    int drawUpline(int index);
    Customer drawCustomer(int index, const QList<Channel> &channels);
    QList<std::pair<QDateTime, int>> drawSchedule(); // date and customer index, by date
    Order placeOrder(const QDateTime &at, int customerIndex, int number);
    void playFate(const Order &order, const QDateTime &at, DemoOrderFate::Role role);
    void refund(const Order &order, const DemoOrderFate &fate, int roll);

    ShopServices &m_shop;
    DemoGenerator::Size m_size;
    QRandomGenerator m_random;
    QDateTime m_now;
    QDate m_today;
    QDate m_first;       // of the year of orders
    QDateTime m_opening; // a wall clock (Dates.h)
    Progress m_progress;
    qint64 m_total;
    qint64 m_done = 0;

    QList<Product> m_products;
    QList<qint64> m_distributors;
    QList<int> m_depths;
    QList<int> m_weights; // 1 + recruits so far
    QList<Customer> m_customers;
};

DemoShopMaker::DemoShopMaker(ShopServices &shop, DemoGenerator::Size size, quint32 seed,
                             const QDateTime &now, const Progress &progress)
    : m_shop(shop)
    , m_size(size)
    , m_random(seed)
    , m_now(now)
    , m_today(now.date())
    , m_first(m_today.addDays(-364))
    , m_opening(m_first.addDays(-1), QTime(8, 0), Qt::UTC)
    , m_progress(progress)
    , m_total(qint64(size.products) + size.customers + size.distributors + size.orders)
{}

void DemoShopMaker::step()
{
    ++m_done;
    if (m_progress && (m_done % 100 == 0 || m_done == m_total))
        m_progress(m_done, m_total);
}

// The catalog, with stock for a year of sales.
void DemoShopMaker::createProducts()
{
    for (int i = 0; i < m_size.products; ++i) {
        m_products.append(m_shop.catalog.create(drawProduct(i), m_opening));
        step();
    }
}

Product DemoShopMaker::drawProduct(int index)
{
    QRandomGenerator &random = m_random;
    const int i = index;
    const CatalogLine &line = catalog[i % std::size(catalog)];
    Product product;
    product.sku = QStringLiteral("SKU-%1").arg(i + 1, 4, 10, QLatin1Char('0'));
    product.name = QString::fromUtf8(line.names[(i / int(std::size(catalog))) % 5]);
    if (i >= int(std::size(catalog)) * 5)
        product.name += QStringLiteral(" %1号").arg(i / (int(std::size(catalog)) * 5) + 1);
    product.category = QString::fromUtf8(line.category);
    product.unit = QString::fromUtf8(line.unit);
    const int yuan = line.minPrice + random.bounded(line.maxPrice - line.minPrice + 1);
    product.price = Money::fromMinorUnits(qint64(yuan) * 100 + (random.bounded(2) ? 0 : 90));
    product.cost = product.price.scaled(40 + random.bounded(25), 100);
    product.stock = 20 + random.bounded(40) + qint64(m_size.orders) * 3 / qMax(1, m_size.products);
    product.lowStock = 10;
    product.barcode = QStringLiteral("69%1").arg(12345000 + i, 11, 10, QLatin1Char('0'));
    product.active = i % 29 != 28;
    return product;
}

// A forest like real ones: many roots, a few big teams, chains up to 12 deep. Each new
// distributor joins under someone chosen in proportion to the team that someone already has
// (the rich get richer), one in eight starts a tree of their own, and nobody joins below depth
// 12.
void DemoShopMaker::createDistributors()
{
    QRandomGenerator &random = m_random;
    // Every (n/12)th recruit joins the deepest chain, so that the forest is 12 deep from 12
    // distributors on, whatever the dice say.
    const int chainStep = qMax(1, m_size.distributors / maxDepth);
    int deepest = -1;
    for (int i = 0; i < m_size.distributors; ++i) {
        const int upline = i > 0 && i % chainStep == 0 && m_depths.at(deepest) < maxDepth
                               ? deepest
                               : drawUpline(i);
        Distributor distributor;
        distributor.code = QStringLiteral("D%1").arg(i + 1, 4, 10, QLatin1Char('0'));
        distributor.name = personName(random);
        distributor.phone = phone(random);
        distributor.wechat = QStringLiteral("wx_d%1").arg(i + 1);
        distributor.status = random.bounded(20) == 0 ? DistributorStatus::Suspended
                                                     : DistributorStatus::Active;
        distributor.joined = m_first.addDays(random.bounded(60));
        distributor.uplineId = upline < 0 ? 0 : m_distributors.at(upline);
        m_distributors.append(m_shop.distributorService.create(distributor).id);
        m_depths.append(upline < 0 ? 1 : m_depths.at(upline) + 1);
        if (deepest < 0 || m_depths.constLast() > m_depths.at(deepest))
            deepest = i;
        m_weights.append(m_depths.constLast()); // deeper recruits recruit more readily
        // Deep chains: a recruit's upline is usually a recent, deep recruiter.
        if (upline >= 0)
            m_weights[upline] += 2 + m_depths.at(upline) / 2;
        step();
    }
}

// The index of the upline of distributor `index` drawn by weight, or -1 for a new root.
int DemoShopMaker::drawUpline(int index)
{
    int upline = -1;
    if (index > 0 && m_random.bounded(8) != 0) {
        int weightSum = 0;
        for (int j = 0; j < m_weights.size(); ++j)
            weightSum += m_depths.at(j) < maxDepth ? m_weights.at(j) : 0;
        int pick = weightSum > 0 ? m_random.bounded(weightSum) : -1;
        for (int j = 0; j < m_weights.size() && pick >= 0; ++j) {
            if (m_depths.at(j) >= maxDepth)
                continue;
            pick -= m_weights.at(j);
            if (pick < 0)
                upline = j;
        }
    }
    return upline;
}

void DemoShopMaker::createCustomers()
{
    const QList<Channel> channels = Channels::direct();
    for (int i = 0; i < m_size.customers; ++i) {
        m_customers.append(m_shop.customerService.create(drawCustomer(i, channels)));
        step();
    }
}

Customer DemoShopMaker::drawCustomer(int index, const QList<Channel> &channels)
{
    QRandomGenerator &random = m_random;
    Customer customer;
    customer.code = QStringLiteral("C%1").arg(index + 1, 6, 10, QLatin1Char('0'));
    customer.name = personName(random);
    customer.phone = phone(random);
    customer.wechat = QStringLiteral("wxid_%1").arg(random.bounded(10000000), 7, 10,
                                                    QLatin1Char('0'));
    customer.wechatRemark = customer.name
                            + (random.bounded(3) == 0 ? QStringLiteral("（老客）") : QString());
    customer.channel = channels.at(random.bounded(int(channels.size())));
    if (random.bounded(6) == 0)
        customer.tags = {QStringLiteral("VIP")};
    const Place &place = places[random.bounded(int(std::size(places)))];
    Address address;
    address.receiver = customer.name;
    address.phone = customer.phone;
    address.province = QString::fromUtf8(place.province);
    address.city = QString::fromUtf8(place.city);
    address.district = QString::fromUtf8(place.districts[random.bounded(3)]);
    address.detail
        = QStringLiteral("%1%2号").arg(pick(random, streets)).arg(1 + random.bounded(300));
    address.isDefault = true;
    customer.addresses.append(address);
    return customer;
}

// Orders spread over the year, older ones settled into their final status.
void DemoShopMaker::createOrders()
{
    const QList<std::pair<QDateTime, int>> schedule = drawSchedule();
    QList<QDateTime> times;
    for (const auto &planned : schedule)
        times.append(planned.first);
    const QList<DemoOrderFate::Role> roles = DemoOrderFate::roles(times, m_now);
    int number = 0;
    for (const auto &[at, customerIndex] : schedule) {
        ++number;
        const Order order = placeOrder(at, customerIndex, number);
        step();
        playFate(order, at, roles.at(number - 1));
    }
}

QList<std::pair<QDateTime, int>> DemoShopMaker::drawSchedule()
{
    QRandomGenerator &random = m_random;
    QList<std::pair<QDateTime, int>> schedule;
    // One order in twenty is from the last week, so the dashboard has today's work to show.
    for (int i = 0; i < m_size.orders; ++i) {
        const QDateTime at = DemoOrderFate::orderTime(random, i, m_first, m_today, m_now);
        schedule.append({at, random.bounded(int(m_customers.size()))});
    }
    std::sort(schedule.begin(), schedule.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return schedule;
}

Order DemoShopMaker::placeOrder(const QDateTime &at, int customerIndex, int number)
{
    QRandomGenerator &random = m_random;
    const Customer &customer = m_customers.at(customerIndex);
    OrderDraft draft;
    draft.orderNo = QStringLiteral("SO%1-%2")
                        .arg(at.date().toString(QStringLiteral("yyyyMMdd")))
                        .arg(number, 5, 10, QLatin1Char('0'));
    draft.date = at;
    draft.customerId = customer.id;
    if (!m_distributors.isEmpty() && customer.distributorId == 0 && random.bounded(3) != 0)
        draft.distributorId = m_distributors.at(random.bounded(int(m_distributors.size())));
    const int shippingFee = random.bounded(3) == 0 ? 0 : 800 + 200 * random.bounded(5);
    draft.shippingFee = Money::fromMinorUnits(shippingFee);
    const int lineCount = 1 + random.bounded(3);
    for (int l = 0; l < lineCount; ++l) {
        const Product &product = m_products.at(random.bounded(int(m_products.size())));
        if (!product.active)
            continue;
        const Money discount = random.bounded(5) == 0 ? Money::fromMinorUnits(500) : Money();
        draft.lines.append({product.id, 1 + random.bounded(3), std::nullopt, discount});
    }
    if (draft.lines.isEmpty())
        draft.lines.append({m_products.constFirst().id, 1, std::nullopt, Money()});
    return m_shop.workflow.create(draft);
}

// Everything an order may need is drawn whether it happens or not: the hour then changes what
// has happened to the newest orders, and nothing else.
void DemoShopMaker::playFate(const Order &order, const QDateTime &at, DemoOrderFate::Role role)
{
    QRandomGenerator &random = m_random;
    const int roll = random.bounded(100);
    const int payMinutes = random.bounded(600);
    const int method = random.bounded(4);
    const QString courier = pick(random, couriers);
    const QString tracking = QStringLiteral("YT%1").arg(
        quint64(random.generate64() % 10000000000ULL), 10, 10, QLatin1Char('0'));
    const DemoOrderFate fate = DemoOrderFate::plan(at, m_now, roll, payMinutes, role);
    if (!fate.paid) {
        if (fate.cancelled)
            m_shop.workflow.cancel(order.orderNo, *fate.cancelled);
        return; // cancelled, or awaiting payment
    }
    // Sold out? Restock first, as a merchant would.
    for (const OrderLine &line : order.lines) {
        const Product current = *m_shop.products.findById(line.productId);
        if (current.stock < line.quantity * 2)
            m_shop.catalog.restock(current.sku, 50, at, DemoGenerator::tr("demo restock"));
    }
    const auto methods = PaymentMethods::all();
    m_shop.workflow.pay(order.orderNo, *fate.paid,
                        method == 0 ? methods.at(roll % int(methods.size()))
                                    : PaymentMethod::WeChat);
    if (fate.cancelled) {
        m_shop.workflow.cancel(order.orderNo, *fate.cancelled);
        return;
    }
    if (!fate.shipped)
        return; // paid, not shipped yet
    m_shop.workflow.ship(order.orderNo, courier, tracking, *fate.shipped);
    if (!fate.completed)
        return; // on its way
    m_shop.workflow.complete(order.orderNo, *fate.completed);
    if (fate.returned)
        refund(order, fate, roll);
}

// A return: part or all of it.
void DemoShopMaker::refund(const Order &order, const DemoOrderFate &fate, int roll)
{
    RefundRequest refund;
    refund.at = *fate.returned;
    refund.restock = roll % 2 == 0;
    refund.reason = DemoGenerator::tr("customer return");
    if (!fate.fullReturn && roll < 9)
        refund.lines.append({order.lines.constFirst().id, 1});
    else
        refund.refundShipping = true; // with no lines named: everything
    m_shop.workflow.refund(order.orderNo, refund);
}

} // namespace

DemoGenerator::DemoGenerator(ShopServices &shop, Size size, quint32 seed, const QDateTime &now)
    : m_shop(shop)
    , m_size(size)
    , m_seed(seed)
    , m_now(now)
    , m_today(now.date())
{}

void DemoGenerator::refuseUnlessEmpty(Database &database, Size size)
{
    const qint64 existing
        = database
              .scalar(
                  QStringLiteral("SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM "
                                 "customers) + (SELECT count(*) FROM distributors) + (SELECT "
                                 "count(*) FROM orders)"))
              .toLongLong();
    if (existing > 0)
        throw InputError(tr("demo fills an empty shop, and this one already has products, "
                            "customers, distributors or orders. Use a new database file."));
    if (size.products < 1 || size.customers < 1 || size.distributors < 0 || size.orders < 0)
        throw InputError(tr("demo needs at least 1 product and 1 customer, and no negative "
                            "counts."));
}

void DemoGenerator::run(const std::function<void(qint64, qint64)> &progress)
{
    refuseUnlessEmpty(m_shop.database, m_size);
    DemoShopMaker maker(m_shop, m_size, m_seed, m_now, progress);
    m_shop.database.inTransaction([&] {
        maker.createProducts();
        maker.createDistributors();
        maker.createCustomers();
        maker.createOrders();
    });
}

} // namespace MicroShop
