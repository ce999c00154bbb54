#include "Platform.h"

namespace MicroShop {

QList<Platform> Platforms::all()
{
    return {Platform::Youzan, Platform::Weidian, Platform::Taobao, Platform::Pinduoduo};
}

QString Platforms::code(Platform platform)
{
    switch (platform) {
    case Platform::Youzan:
        return QStringLiteral("youzan");
    case Platform::Weidian:
        return QStringLiteral("weidian");
    case Platform::Taobao:
        return QStringLiteral("taobao");
    case Platform::Pinduoduo:
        return QStringLiteral("pinduoduo");
    }
    return QString();
}

std::optional<Platform> Platforms::fromCode(const QString &code)
{
    for (const Platform platform : all()) {
        if (Platforms::code(platform) == code)
            return platform;
    }
    return std::nullopt;
}

QString Platforms::displayName(Platform platform)
{
    switch (platform) {
    case Platform::Youzan:
        return tr("Youzan");
    case Platform::Weidian:
        return tr("Weidian");
    case Platform::Taobao:
        return tr("Taobao");
    case Platform::Pinduoduo:
        return tr("Pinduoduo");
    }
    return QString();
}

} // namespace MicroShop
