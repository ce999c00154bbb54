#pragma once

#include "Database.h"
#include "ShopDocuments.h"
#include "ShopReports.h"
#include "ShopServices.h"

#include <memory>

namespace MicroShop::Testing {

// The objects the app's main() wires together for its window, on a new SQLite file: what every
// GUI test opens its MainWindow (or pages) on.
struct DesktopShop
{
    explicit DesktopShop(const QString &path)
        : database(
            Database::open(DatabaseLocation::sqliteFile(path), Database::OpenMode::CreateOrUpgrade))
        , services(*database)
        , reports(*database)
        , documents(services)
        , context((services.complete = completeContext, services.context()))
    {
        context.reports = &reports;
        context.documents = &documents;
    }

    // As the app completes the contexts of work off the UI thread.
    static std::shared_ptr<void> completeContext(ShopServices &own, ShopContext &context)
    {
        auto parts = std::make_shared<std::pair<ShopReports, ShopDocuments>>(
            std::piecewise_construct, std::forward_as_tuple(own.database),
            std::forward_as_tuple(own));
        context.reports = &parts->first;
        context.documents = &parts->second;
        return parts;
    }

    std::unique_ptr<Database> database;
    ShopServices services;
    ShopReports reports;
    ShopDocuments documents;
    ShopContext context;
};

} // namespace MicroShop::Testing
