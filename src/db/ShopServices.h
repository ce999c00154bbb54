#pragma once

#include "SqlAuditLog.h"
#include "SqlBackupStore.h"
#include "SqlCommissionRepository.h"
#include "SqlCustomerRepository.h"
#include "SqlDistributorDirectory.h"
#include "SqlDistributorRepository.h"
#include "SqlExportSource.h"
#include "SqlOrderRepository.h"
#include "SqlPaymentBillRepository.h"
#include "SqlProductRepository.h"
#include "SqlReportSource.h"
#include "SqlSettingsRepository.h"

#include "CatalogService.h"
#include "CommissionLedger.h"
#include "CustomerService.h"
#include "DistributorService.h"
#include "OrderWorkflow.h"
#include "PaymentReconciler.h"
#include "ShopContext.h"
#include "ShopSettings.h"

#include <functional>
#include <memory>

namespace MicroShop {

class Database;

// Every service of the shop wired to one open database: what the desktop app, the command line
// and the tests use, so that they all go through the same rules.
class ShopServices final
{
public:
    // commissions: a hook to use instead of the ledger (tests that watch the workflow).
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
    SqlPaymentBillRepository paymentBills;
    SqlDistributorRepository distributorRepository;
    SqlDistributorDirectory distributors; // through distributorRepository
    SqlCommissionRepository commissionRepository;
    SqlBackupStore backups;
    SqlExportSource exports;
    std::unique_ptr<ReportSource> reports;
    CatalogService catalog;
    CustomerService customerService;
    DistributorService distributorService;
    CommissionLedger ledger;
    OrderWorkflow workflow; // tells `ledger` (or the hook given) what happens to orders
    PaymentReconciler payments;

    // The same services as core interfaces, without printed documents (they live above this
    // layer: Shop, in src/shop, adds them). Its onOwnConnection opens services like these.
    ShopContext context();
};

} // namespace MicroShop
