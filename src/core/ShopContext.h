#pragma once

#include "ListSource.h"
#include "TeamRole.h"

#include <QString>

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
class PaymentReconciler;
class ProductRepository;
class ReportSource;
class ShopDocuments;
class ShopSettings;
class TeamPeople;
class Transactor;

// The lists a page can ask for; ShopLists (src/db) documents their columns and filters.
enum class ListKind { Products, Customers, Orders, StockMovements, Commissions, Payouts, AuditLog };

// Everything the desktop pages, the importers and the printed documents work with, as core
// services and interfaces: Shop (src/shop) wires it to a database (src/db), so that nothing above
// core knows about SQL.
struct ShopContext
{
    ShopSettings &settings;
    CatalogService &catalog;
    CustomerService &customers;
    OrderWorkflow &orders;
    PaymentReconciler &payments; // bills reconciled with the orders
    // The repositories to read: what changes the shop goes through the services above.
    const ProductRepository &productRepository;
    const CustomerRepository &customerRepository;
    const OrderRepository &orderRepository;
    const DistributorDirectory &distributors;
    DistributorService &distributorService;
    const DistributorRepository &distributorRepository;
    CommissionLedger &ledger;
    BackupStore &backups;
    Transactor &transactor;
    ExportSource &exports;
    std::function<std::unique_ptr<ListSource>(ListKind)> lists;
    std::function<QStringList()> productCategories; // distinct, sorted
    ReportSource *reports;
    // The printed documents (src/reports, above the database layer): set by the composition
    // root, Shop (src/shop), for the pages that print.
    ShopDocuments *documents;
    // Runs work with the same services on a connection of its own, in the calling thread: what
    // long work off the UI thread uses (a connection belongs to the thread that opened it).
    std::function<void(const std::function<void(ShopContext &)> &work)> onOwnConnection;
    // Who is signed in (team.md "People and roles"): the pages and actions the desktop offers
    // follow TeamAccess::may(role, ...). A local SQLite shop: Owner, no user name.
    TeamRole role = TeamRole::Owner;
    QString user; // the PostgreSQL login; empty on SQLite
    // The shop's people for Settings › Users: set by Shop on PostgreSQL, nullptr on SQLite.
    TeamPeople *people = nullptr;
};

} // namespace MicroShop
