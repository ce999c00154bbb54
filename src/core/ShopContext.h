#pragma once

#include "ListSource.h"

#include <functional>
#include <memory>

namespace MicroShop {

class BackupStore;
class CatalogService;
class CommissionLedger;
class CustomerRepository;
class CustomerService;
class DistributorDirectory;
class DistributorRepository;
class DistributorService;
class ExportSource;
class OrderRepository;
class OrderWorkflow;
class ProductRepository;
class ReportSource;
class ShopDocuments;
class ShopSettings;
class Transactor;

// The lists a page can ask for; ShopLists (src/db) documents their columns and filters.
enum class ListKind { Products, Customers, Orders, StockMovements, Commissions, Payouts };

// Everything the desktop pages and the importers work with, as core services and interfaces:
// the app wires it to a database (src/db), so that nothing above core knows about SQL.
struct ShopContext
{
    ShopSettings &settings;
    CatalogService &catalog;
    CustomerService &customers;
    OrderWorkflow &orders;
    ProductRepository &productRepository;
    CustomerRepository &customerRepository;
    OrderRepository &orderRepository;
    DistributorDirectory &distributors;
    DistributorService &distributorService;
    DistributorRepository &distributorRepository;
    CommissionLedger &ledger;
    BackupStore &backups;
    Transactor &transactor;
    ExportSource &exports;
    std::function<std::unique_ptr<ListSource>(ListKind)> lists;
    std::function<QStringList()> productCategories; // distinct, sorted
    // The reports and the printed documents (src/reports; the app wires them in, as they are
    // not services of the database layer): the pages that show figures or print need them.
    ReportSource *reports;
    ShopDocuments *documents;
    // Runs work with the same services on a connection of its own, in the calling thread: what
    // long work off the UI thread uses (a connection belongs to the thread that opened it).
    std::function<void(const std::function<void(ShopContext &)> &work)> onOwnConnection;
};

} // namespace MicroShop
