// The rules of what each role sees in the desktop (TeamRole.h, team.md "People and roles"):
// every role against every page and action, as written in docs/decisions.md.
#include "TeamRole.h"
#include "TestClock.h"

#include <QTest>

using namespace MicroShop;

class TestTeamRole : public QObject
{
    Q_OBJECT

private slots:
    void namesGoBothWays();
    void ownerMayDoEverything();
    void eachRoleAgainstTheTable_data();
    void eachRoleAgainstTheTable();
    void outOfRangeIsRefused();
};

void TestTeamRole::namesGoBothWays()
{
    const QStringList expected = {QStringLiteral("owner"), QStringLiteral("manager"),
                                  QStringLiteral("clerk"), QStringLiteral("packer"),
                                  QStringLiteral("finance")};
    QStringList names;
    for (const TeamRole role : TeamAccess::all()) {
        names << TeamAccess::name(role);
        QCOMPARE(TeamAccess::fromName(TeamAccess::name(role)), std::optional<TeamRole>(role));
    }
    QCOMPARE(names, expected);
    QVERIFY(!TeamAccess::fromName(QStringLiteral("Owner")));
    QVERIFY(!TeamAccess::fromName(QString()));
    QVERIFY(!TeamAccess::fromName(QStringLiteral("admin")));
}

void TestTeamRole::ownerMayDoEverything()
{
    for (int capability = 0; capability < int(Capability::CapabilityCount); ++capability)
        QVERIFY2(TeamAccess::may(TeamRole::Owner, Capability(capability)),
                 qPrintable(QString::number(capability)));
}

// One row per role: what it may use, everything else refused.
void TestTeamRole::eachRoleAgainstTheTable_data()
{
    QTest::addColumn<TeamRole>("role");
    QTest::addColumn<QList<Capability>>("allowed");
    using C = Capability;
    QTest::newRow("manager")
        << TeamRole::Manager
        << QList<C>{C::DashboardPage,    C::OrdersPage,      C::ProductsPage,  C::CustomersPage,
                    C::DistributorsPage, C::CommissionsPage, C::ReportsPage,   C::EditProducts,
                    C::EditCustomers,    C::CreateOrders,    C::PayOrders,     C::ShipOrders,
                    C::CompleteOrders,   C::CancelOrders,    C::PrintInvoices, C::EditDistributors,
                    C::ExportData,       C::SeeCosts,        C::SettingsPage};
    QTest::newRow("clerk") << TeamRole::Clerk
                           << QList<C>{C::OrdersPage,    C::ProductsPage,   C::CustomersPage,
                                       C::ReportsPage,   C::EditCustomers,  C::CreateOrders,
                                       C::PayOrders,     C::CompleteOrders, C::CancelOrders,
                                       C::PrintInvoices, C::SettingsPage};
    QTest::newRow("packer") << TeamRole::Packer
                            << QList<C>{C::OrdersPage, C::ShipOrders, C::SettingsPage};
    QTest::newRow("finance") << TeamRole::Finance
                             << QList<C>{C::DashboardPage, C::OrdersPage,       C::ProductsPage,
                                         C::CustomersPage, C::DistributorsPage, C::CommissionsPage,
                                         C::ReportsPage,   C::AuditLogPage,     C::PrintInvoices,
                                         C::Settle,        C::ExportData,       C::SeeCosts,
                                         C::SettingsPage};
}

void TestTeamRole::eachRoleAgainstTheTable()
{
    QFETCH(TeamRole, role);
    QFETCH(QList<Capability>, allowed);
    for (int capability = 0; capability < int(Capability::CapabilityCount); ++capability) {
        const bool expected = allowed.contains(Capability(capability));
        QVERIFY2(
            TeamAccess::may(role, Capability(capability)) == expected,
            qPrintable(QStringLiteral("%1, capability %2: expected %3")
                           .arg(TeamAccess::name(role))
                           .arg(capability)
                           .arg(expected ? QStringLiteral("allowed") : QStringLiteral("refused"))));
    }
    // What team.md names outright.
    QVERIFY(!TeamAccess::may(role, Capability::ManageUsers));
    QVERIFY(!TeamAccess::may(role, Capability::ChangeSettings));
    QVERIFY(TeamAccess::may(role, Capability::SettingsPage)); // for the language
}

void TestTeamRole::outOfRangeIsRefused()
{
    QVERIFY(!TeamAccess::may(TeamRole::Owner, Capability::CapabilityCount));
    QVERIFY(!TeamAccess::may(TeamRole(42), Capability::OrdersPage));
}

MICROSHOP_TEST_GUILESS_MAIN(TestTeamRole)
#include "tst_teamrole.moc"
