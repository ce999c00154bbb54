#pragma once

#include "Database.h"
#include "ShopParts.h"
#include "ShopServices.h"

#include <memory>

namespace MicroShop::Testing {

// The objects the app's main() wires together for its window, on a new SQLite file: what every
// GUI test opens its MainWindow (or pages) on, its reports and documents included.
struct DesktopShop
{
    explicit DesktopShop(const QString &path)
        : database(
            Database::open(DatabaseLocation::sqliteFile(path), Database::OpenMode::CreateOrUpgrade))
        , services(*database)
    {
        services.settings.applyTimeZone();                   // as the app does
        services.complete = completeWithReportsAndDocuments; // as the app does too
        context = std::make_unique<ShopContext>(services.context());
        parts = services.complete(services, *context);
    }

    std::unique_ptr<Database> database;
    ShopServices services;
    std::unique_ptr<ShopContext> context;
    std::shared_ptr<void> parts; // the context's reports and documents
};

} // namespace MicroShop::Testing
