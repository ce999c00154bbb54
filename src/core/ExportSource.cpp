#include "ExportSource.h"

namespace MicroShop {

QStringList ExportSource::columns(ExportKind kind)
{
    switch (kind) {
    case ExportKind::Products:
        return QStringLiteral("sku,name,category,unit,price,cost,stock,low_stock,barcode,active,"
                              "rate1,rate2,rate3")
            .split(u',');
    case ExportKind::Customers:
        return QStringLiteral("code,name,phone,wechat,wechat_remark,channel,distributor,receiver,"
                              "province,city,district,address,tags,notes")
            .split(u',');
    case ExportKind::Orders:
        return QStringLiteral("order_no,date,status,customer,distributor,sku,quantity,unit_price,"
                              "discount,shipping_fee,paid_at,shipped_at,completed_at,courier,"
                              "tracking,notes")
            .split(u',');
    case ExportKind::Stock:
        return QStringLiteral("sku,date,kind,quantity,reference").split(u',');
    case ExportKind::Distributors:
        return QStringLiteral("code,name,upline,phone,wechat,status,joined,notes").split(u',');
    case ExportKind::Commissions:
        return QStringLiteral("order_no,date,distributor,level,amount,status").split(u',');
    case ExportKind::Payouts:
        return QStringLiteral("payout_id,distributor,date,amount,entries").split(u',');
    case ExportKind::Shipping:
        return QStringLiteral("order_no,receiver,phone,province,city,district,address,items,"
                              "quantity,weight_kg,notes")
            .split(u',');
    }
    return {};
}

QString ExportSource::name(ExportKind kind)
{
    switch (kind) {
    case ExportKind::Products:
        return QStringLiteral("products");
    case ExportKind::Customers:
        return QStringLiteral("customers");
    case ExportKind::Orders:
        return QStringLiteral("orders");
    case ExportKind::Stock:
        return QStringLiteral("stock");
    case ExportKind::Distributors:
        return QStringLiteral("distributors");
    case ExportKind::Commissions:
        return QStringLiteral("commissions");
    case ExportKind::Payouts:
        return QStringLiteral("payouts");
    case ExportKind::Shipping:
        return QStringLiteral("shipping");
    }
    return {};
}

std::optional<ExportKind> ExportSource::kindOf(const QString &name)
{
    if (name == u"products")
        return ExportKind::Products;
    if (name == u"customers")
        return ExportKind::Customers;
    if (name == u"orders")
        return ExportKind::Orders;
    if (name == u"stock")
        return ExportKind::Stock;
    if (name == u"distributors")
        return ExportKind::Distributors;
    if (name == u"commissions")
        return ExportKind::Commissions;
    if (name == u"payouts")
        return ExportKind::Payouts;
    if (name == u"shipping")
        return ExportKind::Shipping;
    return std::nullopt;
}

void ShippingSelection::read(ExportKind kind, const std::function<bool(const QStringList &)> &row)
{
    if (kind == ExportKind::Shipping)
        m_leftOut = m_source.readShipping(m_orderIds, row);
    else
        m_source.read(kind, row);
}

} // namespace MicroShop
