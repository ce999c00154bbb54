#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "Platform.h"

#include <optional>

namespace MicroShop {

struct Address
{
    qint64 id = 0;
    QString receiver;
    QString phone;
    QString province;
    QString city;
    QString district;
    QString detail;
    bool isDefault = false;

    bool isEmpty() const
    {
        return receiver.isEmpty() && phone.isEmpty() && province.isEmpty() && city.isEmpty()
               && district.isEmpty() && detail.isEmpty();
    }
    QString oneLine() const; // 广东省 深圳市 南山区 科技园1号 (receiver phone)
};

// How the merchant reached the customer; a customer first met through a platform's order has
// that platform as its channel.
enum class Channel { Moments, Group, Referral, Offline, Other, Youzan, Weidian, Taobao, Pinduoduo };

class Channels final
{
    Q_DECLARE_TR_FUNCTIONS(Channels)

public:
    static QList<Channel> all();
    static QList<Channel> direct(); // the channels of a merchant's own: all but the platforms
    static Channel ofPlatform(Platform platform);
    static QString code(Channel channel);
    static std::optional<Channel> fromCode(const QString &code);
    static QString displayName(Channel channel);
};

// A customer (domain.md "Customers"): addresses, WeChat fields, and the distributor it is bound to.
struct Customer
{
    qint64 id = 0;
    // The record's row_version when read: a save over a newer one is refused (StaleError). 0 on
    // a new record, and for a save over whatever is stored (an import by its code).
    qint64 version = 0;
    QString code;
    QString name;
    QString phone;
    QString wechat;
    QString wechatRemark;
    Channel channel = Channel::Other;
    qint64 distributorId = 0; // 0: not bound
    QStringList tags;
    QString notes;
    QList<Address> addresses; // at most one isDefault
    QString platformAccount; // the buyer's account on the platform of its channel (Taobao 会员名)

    const Address *defaultAddress() const;
};

} // namespace MicroShop
