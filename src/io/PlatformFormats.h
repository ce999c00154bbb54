#pragma once

#include "Order.h"
#include "Platform.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace MicroShop {

// What MicroShop reads from a row of a platform's order export.
enum class PlatformField {
    OrderNo,
    CreatedAt,
    PaidAt,
    ShippedAt,
    CompletedAt,
    Status,
    AfterSale,
    BuyerAccount,
    Receiver,
    Phone,
    Province,
    City,
    District,
    Detail,
    FullAddress, // province city district detail in one cell (Taobao)
    ItemCode,
    SpecCode,
    ItemName,
    Spec,
    Quantity,
    UnitPrice,
    GoodsTotal,
    ShippingFee,
    ShopDiscount,
    PaidAmount,
    Courier,
    Tracking,
    DistributorName,
    DistributorPhone,
};

// One platform's order export as platforms.md describes it: the header names of each field (the
// versions of the platform, the preferred first), the fields it cannot do without, and the
// header names that together tell this platform's file from the others'.
struct PlatformFormat
{
    struct Column
    {
        PlatformField field;
        QStringList names;
    };
    Platform platform;
    QList<Column> columns;
    QList<PlatformField> required;
    QStringList signature;

    QStringList namesOf(PlatformField field) const;
};

class PlatformFormats final
{
    Q_DECLARE_TR_FUNCTIONS(PlatformFormats)

public:
    static const QList<PlatformFormat> &all();
    static const PlatformFormat &of(Platform platform);
    // The platform whose signature the header has (names as cleaned by PlatformCells).
    static std::optional<Platform> detect(const QStringList &header);
    // "Youzan: 订单号, 订单实付金额; ...": what detection looked for, for a message.
    static QString signatures();

    // A status word of the platforms (订单状态) as MicroShop's status; nullopt when unknown.
    static std::optional<OrderStatus> status(const QString &word);
    // An after-sale word (售后状态, 退款状态): true refunded, false none; nullopt when unknown.
    static std::optional<bool> refunded(const QString &word);
    static QStringList statusWords(); // every known word, for a message
};

} // namespace MicroShop
