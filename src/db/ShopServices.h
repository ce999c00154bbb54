#pragma once

#include "SqlAuditLog.h"
#include "SqlBackupStore.h"
#include "SqlCustomerRepository.h"
#include "SqlDistributorDirectory.h"
#include "SqlExportSource.h"
#include "SqlOrderRepository.h"
#include "SqlProductRepository.h"
#include "SqlSettingsRepository.h"

#include "CatalogService.h"
#include "CustomerService.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"
#include "ShopSettings.h"

namespace MicroShop {

class Database;

// Every service of the shop wired to one open database: what the desktop app, the command line
// and the tests use, so that they all go through the same rules.
class ShopServices final
{
public:
    explicit ShopServices(Database &database, CommissionHook *commissions = nullptr);
    ShopServices(const ShopServices &) = delete;
    ShopServices &operator=(const ShopServices &) = delete;

    Database &database;
    SqlSettingsRepository settingsRepository;
    SqlAuditLog audit;
    ShopSettings settings;
    SqlProductRepository products;
    SqlCustomerRepository customers;
    SqlOrderRepository orders;
    SqlDistributorDirectory distributors;
    SqlBackupStore backups;
    SqlExportSource exports;
    NoCommissions noCommissions;
    CatalogService catalog;
    CustomerService customerService;
    OrderWorkflow workflow;

    // The same services for the desktop pages.
    ShopContext context();
};

} // namespace MicroShop
