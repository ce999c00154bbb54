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
    return {Channel::Moments, Channel::Group, Channel::Referral, Channel::Offline, Channel::Other};
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
    }
    return QString();
}

} // namespace MicroShop
