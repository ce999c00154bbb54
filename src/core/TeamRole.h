#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace MicroShop {

// The role of the person signed in to a shop (team.md "People and roles") and what the desktop
// offers that role: one table of rules (TeamRole.cpp, docs/decisions.md), pure, so that the
// window asks it rather than deciding page by page. The server enforces the same roles; this only
// keeps out of sight what it would refuse. A local SQLite shop is signed in as Owner.
enum class TeamRole { Owner, Manager, Clerk, Packer, Finance };

// What a role may see (the pages) or do (the actions of the pages).
enum class Capability {
    // Pages of the window.
    DashboardPage,
    OrdersPage,
    ProductsPage,
    CustomersPage,
    DistributorsPage,
    CommissionsPage,
    ReportsPage,
    SettingsPage,
    AuditLogPage,
    // Actions on the pages.
    EditProducts,  // new, edit, activate, restock, stocktake, import products
    EditCustomers, // new, edit, import customers
    CreateOrders,  // new, edit, import orders (a platform's export too)
    PayOrders,     // pay, import a payment bill
    ShipOrders,    // ship, print packing slips and labels, the courier file, tracking numbers
    CompleteOrders,
    CancelOrders, // cancel and refund
    PrintInvoices,
    EditDistributors, // new, edit, move, status, rebind customers
    Settle,           // run a settlement, record payouts
    ExportData,       // CSV and Excel exports of lists and reports
    SeeCosts,         // the cost column, margins, stock value
    ManageUsers,      // Settings › Users
    ChangeSettings,
    CapabilityCount
};

namespace TeamAccess {

// owner, manager, clerk, packer, finance: the names of TeamRoles (src/db) and `microshop-cli user`.
QString name(TeamRole role);
std::optional<TeamRole> fromName(const QString &name);
QList<TeamRole> all();

// The rules: whether that role may use that page or action.
bool may(TeamRole role, Capability capability);

} // namespace TeamAccess

} // namespace MicroShop
