#include "TeamRole.h"

#include <array>

namespace MicroShop::TeamAccess {

namespace {

constexpr int roleCount = 5;

// One row per capability: owner, manager, clerk, packer, finance (docs/decisions.md "What each
// role sees in the desktop").
struct Rule
{
    Capability capability;
    std::array<bool, roleCount> roles;
};

constexpr bool o = true;
constexpr bool _ = false;

constexpr std::array rules = {
    // {owner, manager, clerk, packer, finance}
    Rule{Capability::DashboardPage, {o, o, _, _, o}},
    Rule{Capability::OrdersPage, {o, o, o, o, o}},
    Rule{Capability::ProductsPage, {o, o, o, _, o}},
    Rule{Capability::CustomersPage, {o, o, o, _, o}},
    Rule{Capability::DistributorsPage, {o, o, _, _, o}},
    Rule{Capability::CommissionsPage, {o, o, _, _, o}},
    Rule{Capability::ReportsPage, {o, o, o, _, o}},  // the clerk's: ReportCatalog::mayRead
    Rule{Capability::SettingsPage, {o, o, o, o, o}}, // the others: only the language
    Rule{Capability::AuditLogPage, {o, _, _, _, o}},
    Rule{Capability::EditProducts, {o, o, _, _, _}},
    Rule{Capability::EditCustomers, {o, o, o, _, _}},
    Rule{Capability::CreateOrders, {o, o, o, _, _}},
    Rule{Capability::PayOrders, {o, o, o, _, _}},
    Rule{Capability::ShipOrders, {o, o, _, o, _}},
    Rule{Capability::CompleteOrders, {o, o, o, _, _}},
    Rule{Capability::CancelOrders, {o, o, o, _, _}},
    Rule{Capability::PrintInvoices, {o, o, o, _, o}},
    Rule{Capability::EditDistributors, {o, o, _, _, _}},
    Rule{Capability::Settle, {o, _, _, _, o}},
    Rule{Capability::ExportData, {o, o, _, _, o}},
    Rule{Capability::SeeCosts, {o, o, _, _, o}},
    Rule{Capability::ManageUsers, {o, _, _, _, _}},
    Rule{Capability::ChangeSettings, {o, _, _, _, _}},
};

// Every capability has its row, in the order of the enum.
constexpr bool complete()
{
    if (rules.size() != std::size_t(Capability::CapabilityCount))
        return false;
    for (std::size_t row = 0; row < rules.size(); ++row) {
        if (std::size_t(rules[row].capability) != row)
            return false;
    }
    return true;
}
static_assert(complete(), "one rule per Capability, in the enum's order");

} // namespace

QString name(TeamRole role)
{
    switch (role) {
    case TeamRole::Owner:
        return QStringLiteral("owner");
    case TeamRole::Manager:
        return QStringLiteral("manager");
    case TeamRole::Clerk:
        return QStringLiteral("clerk");
    case TeamRole::Packer:
        return QStringLiteral("packer");
    case TeamRole::Finance:
        return QStringLiteral("finance");
    }
    return QString();
}

std::optional<TeamRole> fromName(const QString &name)
{
    for (const TeamRole role : all()) {
        if (TeamAccess::name(role) == name)
            return role;
    }
    return std::nullopt;
}

QList<TeamRole> all()
{
    return {TeamRole::Owner, TeamRole::Manager, TeamRole::Clerk, TeamRole::Packer,
            TeamRole::Finance};
}

bool may(TeamRole role, Capability capability)
{
    const auto row = std::size_t(capability);
    const auto column = std::size_t(role);
    if (row >= rules.size() || column >= std::size_t(roleCount))
        return false;
    return rules.at(row).roles.at(column);
}

} // namespace MicroShop::TeamAccess
