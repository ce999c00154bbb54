#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace MicroShop {

// The platforms a merchant sells on whose order exports MicroShop reads (platforms.md); an order
// imported from one keeps the platform and the platform's order number beside its own.
enum class Platform { Youzan, Weidian, Taobao, Pinduoduo };

class Platforms final
{
    Q_DECLARE_TR_FUNCTIONS(Platforms)

public:
    static QList<Platform> all();
    static QString code(Platform platform); // "youzan": the command line's and the database's word
    static std::optional<Platform> fromCode(const QString &code);
    static QString displayName(Platform platform); // 有赞 in Chinese
};

} // namespace MicroShop
