#pragma once

#include "ReportSource.h"

#include <memory>

namespace MicroShop {

class Database;

// The reports computed by the database (SQL over the orders and the ledger), behind the core's
// ReportSource: the class itself stays in the .cpp, so a report is named only by its interface,
// its computation and its descriptor (ReportCatalog).
std::unique_ptr<ReportSource> makeSqlReportSource(Database &database);

} // namespace MicroShop
