#include "Customer.h"

namespace MicroShop {

QString Address::oneLine() const
{
    QStringList parts;
    for (const QString &part : {province, city, district, detail}) {
        if (!part.isEmpty())
            parts.append(part);
    }
    QString text = parts.join(u' ');
    const QString who = QStringList{receiver, phone}.join(u' ').trimmed();
    if (!who.isEmpty())
        text += QStringLiteral(" (") + who + u')';
    return text.trimmed();
}

const Address *Customer::defaultAddress() const
{
    for (const Address &address : addresses) {
        if (address.isDefault)
            return &address;
    }
    return addresses.isEmpty() ? nullptr : &addresses.constFirst();
}

QList<Channel> Channels::all()
{
    QList<Channel> channels = direct();
    for (const Platform platform : Platforms::all())
        channels.append(ofPlatform(platform));
    return channels;
}

QList<Channel> Channels::direct()
{
    return {Channel::Moments, Channel::Group, Channel::Referral, Channel::Offline, Channel::Other};
}

Channel Channels::ofPlatform(Platform platform)
{
    switch (platform) {
    case Platform::Youzan:
        return Channel::Youzan;
    case Platform::Weidian:
        return Channel::Weidian;
    case Platform::Taobao:
        return Channel::Taobao;
    case Platform::Pinduoduo:
        return Channel::Pinduoduo;
    }
    return Channel::Other;
}

QString Channels::code(Channel channel)
{
    switch (channel) {
    case Channel::Moments:
        return QStringLiteral("moments");
    case Channel::Group:
        return QStringLiteral("group");
    case Channel::Referral:
        return QStringLiteral("referral");
    case Channel::Offline:
        return QStringLiteral("offline");
    case Channel::Other:
        return QStringLiteral("other");
    case Channel::Youzan:
        return Platforms::code(Platform::Youzan);
    case Channel::Weidian:
        return Platforms::code(Platform::Weidian);
    case Channel::Taobao:
        return Platforms::code(Platform::Taobao);
    case Channel::Pinduoduo:
        return Platforms::code(Platform::Pinduoduo);
    }
    return QString();
}

std::optional<Channel> Channels::fromCode(const QString &code)
{
    for (const Channel channel : all()) {
        if (Channels::code(channel) == code)
            return channel;
    }
    return std::nullopt;
}

QString Channels::displayName(Channel channel)
{
    switch (channel) {
    case Channel::Moments:
        return tr("WeChat Moments");
    case Channel::Group:
        return tr("WeChat group");
    case Channel::Referral:
        return tr("Referral");
    case Channel::Offline:
        return tr("Offline");
    case Channel::Other:
        return tr("Other");
    case Channel::Youzan:
        return Platforms::displayName(Platform::Youzan);
    case Channel::Weidian:
        return Platforms::displayName(Platform::Weidian);
    case Channel::Taobao:
        return Platforms::displayName(Platform::Taobao);
    case Channel::Pinduoduo:
        return Platforms::displayName(Platform::Pinduoduo);
    }
    return QString();
}

} // namespace MicroShop
