#include "PlatformFormats.h"

namespace MicroShop {

namespace {

using Field = PlatformField;

QStringList names(std::initializer_list<const char16_t *> list)
{
    QStringList result;
    for (const char16_t *name : list)
        result.append(QString::fromUtf16(name));
    return result;
}

// The after-sale columns every platform may have.
const QList<PlatformFormat::Column> afterSale = {
    {Field::AfterSale, names({u"售后状态", u"退款状态"})},
};

PlatformFormat youzan()
{
    return {Platform::Youzan,
            QList<PlatformFormat::Column>{
                {Field::OrderNo, names({u"订单号"})},
                {Field::CreatedAt, names({u"订单创建时间"})},
                {Field::PaidAt, names({u"买家付款时间"})},
                {Field::CompletedAt, names({u"交易成功时间"})},
                {Field::Status, names({u"订单状态"})},
                {Field::Receiver, names({u"收货人/提货人", u"收货人"})},
                {Field::Phone, names({u"收货人手机号/提货人手机号", u"收货人手机号"})},
                {Field::Province, names({u"收货人省份"})},
                {Field::City, names({u"收货人城市"})},
                {Field::District, names({u"收货人地区"})},
                {Field::Detail, names({u"详细收货地址/提货地址", u"详细收货地址"})},
                {Field::ItemCode, names({u"商品编码"})},
                {Field::SpecCode, names({u"规格编码"})},
                {Field::ItemName, names({u"商品名称"})},
                {Field::Spec, names({u"商品规格"})},
                {Field::Quantity, names({u"商品数量"})},
                {Field::UnitPrice, names({u"商品单价"})},
                {Field::GoodsTotal, names({u"商品金额合计"})},
                {Field::ShippingFee, names({u"运费"})},
                {Field::ShopDiscount, names({u"店铺优惠合计"})},
                {Field::PaidAmount, names({u"订单实付金额"})},
                {Field::Courier, names({u"商品发货物流公司"})},
                {Field::Tracking, names({u"商品发货物流单号"})},
                {Field::DistributorName, names({u"分销员"})},
                {Field::DistributorPhone, names({u"分销员手机号"})},
            } + afterSale,
            {Field::OrderNo, Field::CreatedAt, Field::Status, Field::ItemName, Field::Quantity,
             Field::PaidAmount},
            names({u"订单号", u"订单实付金额"})};
}

PlatformFormat weidian()
{
    return {Platform::Weidian,
            QList<PlatformFormat::Column>{
                {Field::OrderNo, names({u"订单编号"})},
                {Field::CreatedAt, names({u"下单时间"})},
                {Field::PaidAt, names({u"付款时间", u"支付时间"})},
                {Field::Status, names({u"订单状态"})},
                {Field::Receiver, names({u"收件人姓名", u"收件人/提货人姓名"})},
                {Field::Phone, names({u"收件人手机", u"收件人/提货人手机号"})},
                {Field::Province, names({u"省"})},
                {Field::City, names({u"市"})},
                {Field::District, names({u"区"})},
                {Field::Detail, names({u"收货详细地址", u"收货/提货详细地址"})},
                {Field::ItemCode, names({u"商品编码"})},
                {Field::ItemName, names({u"商品名称"})},
                {Field::Spec, names({u"商品型号"})},
                {Field::Quantity, names({u"购买数量", u"商品件数"})},
                {Field::UnitPrice, names({u"单品折扣后价格", u"商品价格"})},
                {Field::DistributorName, names({u"分销商注册姓名"})},
                {Field::DistributorPhone, names({u"分销商手机号"})},
            } + afterSale,
            {Field::OrderNo, Field::CreatedAt, Field::Status, Field::ItemName, Field::Quantity,
             Field::UnitPrice},
            {}};
}

PlatformFormat taobao()
{
    return {Platform::Taobao,
            QList<PlatformFormat::Column>{
                {Field::OrderNo, names({u"订单编号"})},
                {Field::CreatedAt, names({u"订单创建时间"})},
                {Field::PaidAt, names({u"订单付款时间"})},
                {Field::Status, names({u"订单状态"})},
                {Field::BuyerAccount, names({u"买家会员名"})},
                {Field::Receiver, names({u"收货人姓名"})},
                {Field::FullAddress, names({u"收货地址"})},
                {Field::Phone, names({u"联系手机"})},
                // The item report's columns first: a file that has them has one row per item.
                {Field::ItemName, names({u"标题", u"宝贝标题"})},
                {Field::Quantity, names({u"购买数量", u"宝贝总数量"})},
                {Field::UnitPrice, names({u"价格"})},
                {Field::ItemCode, names({u"商家编码"})},
                {Field::Spec, names({u"规格名称"})},
                {Field::GoodsTotal, names({u"买家应付货款"})},
                {Field::ShippingFee, names({u"买家应付邮费"})},
                {Field::PaidAmount, names({u"买家实际支付金额"})},
                {Field::Courier, names({u"物流公司"})},
                {Field::Tracking, names({u"物流单号"})},
            } + afterSale,
            {Field::OrderNo, Field::CreatedAt, Field::Status, Field::ItemName, Field::Quantity,
             Field::PaidAmount},
            names({u"订单编号", u"买家会员名"})};
}

PlatformFormat pinduoduo()
{
    return {Platform::Pinduoduo,
            QList<PlatformFormat::Column>{
                {Field::OrderNo, names({u"订单号"})},
                {Field::CreatedAt, names({u"订单成交时间"})},
                {Field::PaidAt, names({u"订单成交时间"})},
                {Field::ShippedAt, names({u"发货时间"})},
                {Field::CompletedAt, names({u"确认收货时间"})},
                {Field::Status, names({u"订单状态"})},
                {Field::Receiver, names({u"收货人"})},
                {Field::Phone, names({u"手机", u"收货人手机号"})},
                {Field::Province, names({u"省"})},
                {Field::City, names({u"市"})},
                {Field::District, names({u"区"})},
                {Field::Detail, names({u"街道", u"详细地址"})},
                {Field::ItemName, names({u"商品"})},
                {Field::Spec, names({u"商品规格"})},
                {Field::SpecCode, names({u"商家编码-规格维度"})},
                {Field::ItemCode, names({u"商家编码-商品维度"})},
                {Field::Quantity, names({u"商品数量(件)"})},
                {Field::GoodsTotal, names({u"商品总价(元)"})},
                {Field::ShippingFee, names({u"邮费(元)"})},
                {Field::ShopDiscount, names({u"店铺优惠折扣(元)"})},
                {Field::PaidAmount, names({u"用户实付金额(元)"})},
                {Field::Courier, names({u"快递公司"})},
                {Field::Tracking, names({u"快递单号"})},
            } + afterSale,
            {Field::OrderNo, Field::CreatedAt, Field::Status, Field::ItemName, Field::Quantity,
             Field::PaidAmount},
            names({u"订单号", u"用户实付金额(元)"})};
}

struct StatusWords
{
    OrderStatus status;
    QStringList words;
};

const QList<StatusWords> &statusTable()
{
    static const QList<StatusWords> table = {
        {OrderStatus::Pending, names({u"待付款", u"等待买家付款"})},
        {OrderStatus::Paid, names({u"待发货", u"已付款", u"买家已付款，等待卖家发货", u"待成团"})},
        {OrderStatus::Shipped, names({u"已发货", u"卖家已发货，等待买家确认", u"已发货，待签收"})},
        {OrderStatus::Completed, names({u"交易成功", u"已完成", u"已签收", u"已收货"})},
        {OrderStatus::Cancelled, names({u"交易关闭", u"已关闭", u"已取消"})},
    };
    return table;
}

} // namespace

QStringList PlatformFormat::namesOf(PlatformField field) const
{
    for (const Column &column : columns) {
        if (column.field == field)
            return column.names;
    }
    return {};
}

const QList<PlatformFormat> &PlatformFormats::all()
{
    static const QList<PlatformFormat> formats = {youzan(), weidian(), taobao(), pinduoduo()};
    return formats;
}

const PlatformFormat &PlatformFormats::of(Platform platform)
{
    for (const PlatformFormat &format : all()) {
        if (format.platform == platform)
            return format;
    }
    return all().constFirst();
}

std::optional<Platform> PlatformFormats::detect(const QStringList &header)
{
    // Weidian's receiver columns set it apart from Taobao's, which share 订单编号.
    const auto hasAll = [&header](const QStringList &wanted) {
        for (const QString &name : wanted) {
            if (!header.contains(name))
                return false;
        }
        return !wanted.isEmpty();
    };
    for (const PlatformFormat &format : all()) {
        if (hasAll(format.signature))
            return format.platform;
    }
    const PlatformFormat &weidianFormat = of(Platform::Weidian);
    if (header.contains(weidianFormat.namesOf(PlatformField::OrderNo).constFirst())) {
        for (const QString &receiver : weidianFormat.namesOf(PlatformField::Receiver)) {
            if (header.contains(receiver))
                return Platform::Weidian;
        }
    }
    return std::nullopt;
}

QString PlatformFormats::signatures()
{
    QStringList parts;
    for (const PlatformFormat &format : all()) {
        QStringList wanted = format.signature;
        if (wanted.isEmpty())
            wanted = {format.namesOf(PlatformField::OrderNo).constFirst(),
                      format.namesOf(PlatformField::Receiver).join(QStringLiteral(" | "))};
        parts.append(QStringLiteral("%1 (%2)").arg(Platforms::displayName(format.platform),
                                                   wanted.join(QStringLiteral(" + "))));
    }
    return parts.join(QStringLiteral("; "));
}

std::optional<OrderStatus> PlatformFormats::status(const QString &word)
{
    for (const StatusWords &entry : statusTable()) {
        if (entry.words.contains(word))
            return entry.status;
    }
    return std::nullopt;
}

std::optional<bool> PlatformFormats::refunded(const QString &word)
{
    if (word.isEmpty() || word == QString::fromUtf16(u"无售后或售后取消"))
        return false;
    if (word == QString::fromUtf16(u"退款成功") || word == QString::fromUtf16(u"已退款"))
        return true;
    return std::nullopt;
}

QStringList PlatformFormats::statusWords()
{
    QStringList words;
    for (const StatusWords &entry : statusTable())
        words += entry.words;
    return words;
}

} // namespace MicroShop
