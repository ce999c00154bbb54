#pragma once

#include <memory>

namespace MicroShop {

class ShopServices;
struct ShopContext;

// Completes a context of `services` with what lives above the database layer: its reports
// (ShopReports) and printed documents (ShopDocuments). What it returns owns them: keep it for as
// long as the context is used. The app sets it as ShopServices::complete, so that the contexts
// of work off the UI thread get them too.
std::shared_ptr<void> completeWithReportsAndDocuments(ShopServices &services, ShopContext &context);

} // namespace MicroShop
