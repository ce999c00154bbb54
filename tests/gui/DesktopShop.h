#pragma once

#include "Database.h"
#include "Shop.h"

#include <memory>

namespace MicroShop::Testing {

// The shop the app's main() opens for its window, on a new SQLite file: what every GUI test opens
// its MainWindow (or pages) on, its reports and documents included.
inline std::unique_ptr<Shop> openDesktopShop(const QString &path)
{
    auto shop = std::make_unique<Shop>(
        Database::open(DatabaseLocation::sqliteFile(path), Database::OpenMode::CreateOrUpgrade));
    shop->services.settings.applyTimeZone(); // as the app does
    return shop;
}

} // namespace MicroShop::Testing
