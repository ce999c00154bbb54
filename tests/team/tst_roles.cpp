// What each role sees in the desktop (team.md "People and roles", docs/decisions.md "What each
// role sees in the desktop"): on a PostgreSQL shop, people of every role are added through
// TeamDirectory, the shop is opened as each of them, and the window shows only their pages and
// actions; Settings › Users adds, re-roles and removes a person, and says the refusal for the
// last owner. On SQLite the one user is the owner: every page, and Users says how to move the
// shop to a server.
#include "Database.h"
#include "Shop.h"
#include "TeamDirectory.h"
#include "TeamRoles.h"

#include "LanguageManager.h"
#include "ListPage.h"
#include "MainWindow.h"
#include "ProductListModel.h"
#include "ReportsPage.h"
#include "SettingsPage.h"
#include "UsersSection.h"

#include "TestClock.h"
#include "TestDatabases.h"
#include "Widgets.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <optional>
#include <utility>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

using Page = MainWindow::Page;

// A page's buttons and menu entries shown (or not) to the role.
struct Expected
{
    Page page;
    QStringList shown;
    QStringList hidden;
};

// Whether a button or menu entry of that name on a page is offered to the person.
std::optional<bool> offered(QWidget *page, const QString &name)
{
    if (auto *button = page->findChild<QPushButton *>(name))
        return !button->isHidden();
    if (auto *action = page->findChild<QAction *>(name))
        return action->isVisible();
    return std::nullopt;
}

} // namespace

Q_DECLARE_METATYPE(QList<Page>)
Q_DECLARE_METATYPE(QList<Expected>)

class TestRoles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aLocalShopIsItsOwner();
    void eachRoleSeesItsPagesAndActions_data();
    void eachRoleSeesItsPagesAndActions();
    void aClerkReadsReportsWithoutMarginsOrCommissions();
    void theOwnerAddsReRolesAndRemovesAPerson();
    void theLastOwnerIsRefusedWithAMessage();

private:
    QString person(const QString &role) const
    {
        return QStringLiteral("r%1_%2").arg(QCoreApplication::applicationPid()).arg(role);
    }
    QString password(const QString &role) const { return QStringLiteral("pw-%1-秘密").arg(role); }
    // The shop opened as that person, as the desktop app opens it; or as the superuser.
    std::unique_ptr<Shop> openAs(const QString &role = QString())
    {
        const DatabaseLocation location = role.isEmpty()
                                              ? m_location
                                              : m_location.signedInAs(person(role), password(role));
        return std::make_unique<Shop>(Database::open(location));
    }
    std::unique_ptr<MainWindow> windowFor(Shop &shop)
    {
        auto window = std::make_unique<MainWindow>(shop.context, m_languages);
        window->show();
        return window;
    }

    std::optional<TestDatabases> m_databases;
    DatabaseLocation m_location;
    LanguageManager m_languages;
    QStringList m_people; // added on the server, dropped at the end
};

void TestRoles::initTestCase()
{
    m_languages.setLanguage(QStringLiteral("en"));
    m_databases.emplace();
    QString error;
    m_location = m_databases->fresh(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Database::open(m_location, Database::OpenMode::CreateOrUpgrade);
    if (!m_databases->isPostgres())
        return;
    auto admin = Database::open(m_location);
    TeamDirectory directory(*admin);
    for (const QString &role : TeamRoles::names()) {
        directory.add(person(role), role, password(role));
        m_people << person(role);
    }
}

void TestRoles::cleanupTestCase()
{
    if (!m_databases || !m_databases->isPostgres()) {
        m_databases.reset();
        return;
    }
    const QString name = m_location.databaseName();
    m_databases.reset(); // drops the database, then its roles and people can go
    TestDatabases server;
    QStringList roles;
    for (const QString &role : TeamRoles::names())
        roles << QStringLiteral("\"%1_%2\"").arg(name, role);
    for (const QString &each : std::as_const(m_people))
        roles << QStringLiteral("\"%1\"").arg(each);
    server.adminExec(QStringLiteral("postgres"),
                     QStringLiteral("DROP ROLE IF EXISTS %1").arg(roles.join(u',')));
}

void TestRoles::aLocalShopIsItsOwner()
{
    if (m_databases->isPostgres())
        QSKIP("the SQLite side");
    Shop shop(Database::open(m_location));
    QCOMPARE(shop.context.role, TeamRole::Owner);
    QVERIFY(!shop.context.people);
    auto window = windowFor(shop);
    auto *sidebar = child<QListWidget>(window.get(), "sidebar");
    for (int page = 0; page < MainWindow::PageCount; ++page)
        QVERIFY2(!sidebar->item(page)->isHidden(), qPrintable(sidebar->item(page)->text()));
    window->showPage(MainWindow::Settings);
    QCOMPARE(window->currentPage(), MainWindow::Settings);
    auto *users = child<UsersSection>(window->settingsPage(), "usersGroup");
    QVERIFY(users->isVisibleTo(window.get()));
    const QString note = child<QLabel>(users, "usersNote")->text();
    QVERIFY2(note.contains(QStringLiteral("one user"))
                 && note.contains(QStringLiteral("Move this shop to a server")),
             qPrintable(note));
    QVERIFY(!users->findChild<QTableWidget *>(QStringLiteral("usersTable")));
    window->showPage(MainWindow::Products);
    QVERIFY(
        !window->listPage(MainWindow::Products)->view()->isColumnHidden(ProductListModel::Cost));
}

void TestRoles::eachRoleSeesItsPagesAndActions_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QList<Page>>("pages");
    QTest::addColumn<QList<Expected>>("actions");
    QTest::addColumn<bool>("seesCost");
    const QStringList orderMoves = {QStringLiteral("newButton"), QStringLiteral("editButton"),
                                    QStringLiteral("payButton"), QStringLiteral("cancelButton"),
                                    QStringLiteral("refundButton")};
    const QStringList shipping = {
        QStringLiteral("shipButton"),    QStringLiteral("label100x180"),
        QStringLiteral("packingSlipA4"), QStringLiteral("courierFileAction"),
        QStringLiteral("printButton"),   QStringLiteral("batchButton")};
    QTest::newRow("owner")
        << QStringLiteral("owner")
        << QList<Page>{MainWindow::Dashboard, MainWindow::Orders,       MainWindow::Products,
                       MainWindow::Customers, MainWindow::Distributors, MainWindow::Commissions,
                       MainWindow::Reports,   MainWindow::Settings,     MainWindow::AuditLog}
        << QList<Expected>{{MainWindow::Orders, orderMoves + shipping, {}},
                           {MainWindow::Commissions, {QStringLiteral("settleButton")}, {}}}
        << true;
    QTest::newRow("manager")
        << QStringLiteral("manager")
        << QList<Page>{MainWindow::Dashboard, MainWindow::Orders,       MainWindow::Products,
                       MainWindow::Customers, MainWindow::Distributors, MainWindow::Commissions,
                       MainWindow::Reports,   MainWindow::Settings}
        << QList<Expected>{{MainWindow::Orders, orderMoves + shipping, {}},
                           {MainWindow::Products, {QStringLiteral("newButton")}, {}},
                           {MainWindow::Commissions,
                            {QStringLiteral("exportButton")},
                            {QStringLiteral("settleButton")}}}
        << true;
    QTest::newRow("clerk")
        << QStringLiteral("clerk")
        << QList<Page>{MainWindow::Orders, MainWindow::Products, MainWindow::Customers,
                       MainWindow::Reports, MainWindow::Settings}
        << QList<Expected>{{MainWindow::Orders,
                            orderMoves + QStringList{QStringLiteral("invoiceA4")},
                            {QStringLiteral("shipButton"), QStringLiteral("label100x180"),
                             QStringLiteral("courierFileAction"), QStringLiteral("exportButton")}},
                           {MainWindow::Products,
                            {},
                            {QStringLiteral("newButton"), QStringLiteral("editButton"),
                             QStringLiteral("restockButton"), QStringLiteral("importButton")}},
                           {MainWindow::Customers,
                            {QStringLiteral("newButton"), QStringLiteral("editButton")},
                            {}}}
        << false;
    QTest::newRow("packer")
        << QStringLiteral("packer") << QList<Page>{MainWindow::Orders, MainWindow::Settings}
        << QList<Expected>{{MainWindow::Orders,
                            shipping + QStringList{QStringLiteral("trackingImportAction")},
                            orderMoves
                                + QStringList{QStringLiteral("completeButton"),
                                              QStringLiteral("invoiceA4"),
                                              QStringLiteral("importButton"),
                                              QStringLiteral("exportButton"),
                                              QStringLiteral("platformImportAction")}}}
        << false;
    QTest::newRow("finance")
        << QStringLiteral("finance")
        << QList<Page>{MainWindow::Dashboard, MainWindow::Orders,       MainWindow::Products,
                       MainWindow::Customers, MainWindow::Distributors, MainWindow::Commissions,
                       MainWindow::Reports,   MainWindow::Settings,     MainWindow::AuditLog}
        << QList<Expected>{{MainWindow::Orders,
                            {QStringLiteral("invoiceA4"), QStringLiteral("exportButton")},
                            orderMoves
                                + QStringList{QStringLiteral("shipButton"),
                                              QStringLiteral("outsideImportButton"),
                                              QStringLiteral("batchButton")}},
                           {MainWindow::Products,
                            {QStringLiteral("exportButton")},
                            {QStringLiteral("newButton"), QStringLiteral("stocktakeButton")}},
                           {MainWindow::Distributors,
                            {QStringLiteral("exportButton")},
                            {QStringLiteral("newButton"), QStringLiteral("moveButton")}},
                           {MainWindow::Commissions, {QStringLiteral("settleButton")}, {}}}
        << true;
}

void TestRoles::eachRoleSeesItsPagesAndActions()
{
    if (!m_databases->isPostgres())
        QSKIP("people and roles are PostgreSQL's");
    QFETCH(QString, role);
    QFETCH(QList<Page>, pages);
    QFETCH(QList<Expected>, actions);
    QFETCH(bool, seesCost);

    auto shop = openAs(role);
    QCOMPARE(TeamAccess::name(shop->context.role), role);
    QCOMPARE(shop->context.user, person(role));
    QCOMPARE(shop->context.people != nullptr, true);
    auto window = windowFor(*shop);
    auto *sidebar = child<QListWidget>(window.get(), "sidebar");
    QList<QAction *> goActions;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().size() == MainWindow::PageCount)
            goActions = menu->menu()->actions();
    }
    QCOMPARE(goActions.size(), int(MainWindow::PageCount));
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        const bool allowed = pages.contains(Page(page));
        const QString what = QStringLiteral("%1: %2").arg(role, sidebar->item(page)->text());
        QVERIFY2(sidebar->item(page)->isHidden() == !allowed, qPrintable(what));
        QVERIFY2(goActions.at(page)->isVisible() == allowed, qPrintable(what));
        QVERIFY2(goActions.at(page)->isEnabled() == allowed, qPrintable(what));
        QCOMPARE(window->mayShow(Page(page)), allowed);
    }
    // The window opens on a page of the role; a refused page is not shown, by code or shortcut.
    QVERIFY(pages.contains(window->currentPage()));
    if (!pages.contains(MainWindow::AuditLog)) {
        const Page before = window->currentPage();
        window->showPage(MainWindow::AuditLog);
        QCOMPARE(window->currentPage(), before);
        QTest::keyClick(window.get(), Qt::Key(Qt::Key_1 + int(MainWindow::AuditLog)),
                        Qt::ControlModifier);
        QCOMPARE(window->currentPage(), before);
    }
    // Settings: the language for everyone, the shop's own settings for the owner only.
    window->showPage(MainWindow::Settings);
    QCOMPARE(window->currentPage(), MainWindow::Settings);
    for (const char *shopPart : {"shopGroup", "commissionGroup", "databaseGroup", "applyButton"})
        QVERIFY2(child<QWidget>(window->settingsPage(), shopPart)->isVisibleTo(window.get())
                     == (role == u"owner"),
                 shopPart);
    QVERIFY(child<QWidget>(window->settingsPage(), "languageCombo")->isVisibleTo(window.get()));
    // Every page of the role opens and loads what it shows without a refusal from the server
    // (a message box would be one: it is closed and named).
    for (const Page page : std::as_const(pages)) {
        QString refusal;
        auto *watch = new QTimer(window.get());
        connect(watch, &QTimer::timeout, window.get(), [&refusal] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                refusal = box->text();
                box->reject();
            }
        });
        watch->start(20);
        window->showPage(page);
        QTest::qWait(100);
        delete watch;
        QCOMPARE(window->currentPage(), page);
        QVERIFY2(refusal.isEmpty(), qPrintable(role + QStringLiteral(": ") + refusal));
    }

    for (const Expected &expected : std::as_const(actions)) {
        window->showPage(expected.page);
        QCOMPARE(window->currentPage(), expected.page);
        QWidget *page
            = window->findChild<QStackedWidget *>(QStringLiteral("pages"))->currentWidget();
        for (const QString &name : expected.shown)
            QVERIFY2(offered(page, name) == std::optional<bool>(true),
                     qPrintable(role + QStringLiteral(" should see ") + name));
        for (const QString &name : expected.hidden)
            QVERIFY2(offered(page, name) == std::optional<bool>(false),
                     qPrintable(role + QStringLiteral(" should not see ") + name));
    }
    if (pages.contains(MainWindow::Products)) {
        window->showPage(MainWindow::Products);
        QCOMPARE(
            window->listPage(MainWindow::Products)->view()->isColumnHidden(ProductListModel::Cost),
            !seesCost);
    }
}

// team.md: a clerk gets no report of margins or commissions. The Reports page lists the others,
// each computed through the clerk's own login without a refusal, and leaves out the blank cost
// columns; a manager's lists every report.
void TestRoles::aClerkReadsReportsWithoutMarginsOrCommissions()
{
    if (!m_databases->isPostgres())
        QSKIP("people and roles are PostgreSQL's");
    const QStringList everyReport = {QStringLiteral("Sales over time"),
                                     QStringLiteral("Sales by channel"),
                                     QStringLiteral("Best sellers"),
                                     QStringLiteral("Product margins"),
                                     QStringLiteral("Stock value"),
                                     QStringLiteral("Top customers"),
                                     QStringLiteral("Repeat buyers"),
                                     QStringLiteral("Customers not seen for a while"),
                                     QStringLiteral("Distributors and teams"),
                                     QStringLiteral("Commissions"),
                                     QStringLiteral("Payment reconciliation")};
    QStringList clerks = everyReport;
    for (const QString &left :
         {QStringLiteral("Product margins"), QStringLiteral("Stock value"),
          QStringLiteral("Distributors and teams"), QStringLiteral("Commissions")})
        clerks.removeOne(left);
    for (const auto &[role, expected] : {std::pair{QStringLiteral("clerk"), clerks},
                                         std::pair{QStringLiteral("manager"), everyReport}}) {
        auto shop = openAs(role);
        auto window = windowFor(*shop);
        window->showPage(MainWindow::Reports);
        QCOMPARE(window->currentPage(), MainWindow::Reports);
        auto *combo = child<QComboBox>(window->reportsPage(), "reportCombo");
        QStringList listed;
        for (int entry = 0; entry < combo->count(); ++entry)
            listed << combo->itemText(entry);
        QCOMPARE(listed, expected);
        auto *problem = child<QLabel>(window->reportsPage(), "problemLabel");
        // Each entry shows the catalog's report it names; computing waits for the report.
        for (int entry = 0; entry < combo->count(); ++entry) {
            window->reportsPage()->showReport(combo->itemData(entry).toInt());
            QCOMPARE(combo->currentIndex(), entry);
            QVERIFY2(problem->text().isEmpty(),
                     qPrintable(role + u' ' + combo->itemText(entry) + QStringLiteral(": ")
                                + problem->text()));
            QVERIFY(!window->reportsPage()->table().columns.isEmpty());
        }
        window->reportsPage()->showReport("Best sellers");
        const QStringList columns = window->reportsPage()->table().columns;
        QCOMPARE(columns.contains(QStringLiteral("margin")), role == u"manager");
        QCOMPARE(columns.contains(QStringLiteral("cost")), role == u"manager");
        QVERIFY(columns.contains(QStringLiteral("net")));
    }
}

void TestRoles::theOwnerAddsReRolesAndRemovesAPerson()
{
    if (!m_databases->isPostgres())
        QSKIP("people and roles are PostgreSQL's");
    auto shop = openAs(QStringLiteral("owner"));
    auto window = windowFor(*shop);
    window->showPage(MainWindow::Settings);
    QCOMPARE(window->currentPage(), MainWindow::Settings);
    auto *users = child<UsersSection>(window->settingsPage(), "usersGroup");
    QVERIFY(users->isVisibleTo(window.get()));
    auto *table = child<QTableWidget>(users, "usersTable");
    auto *message = child<QLabel>(users, "usersMessage");
    const auto rowOf = [table](const QString &name) {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == name)
                return row;
        }
        return -1;
    };
    for (const QString &role : TeamRoles::names())
        QVERIFY2(rowOf(person(role)) >= 0, qPrintable(person(role)));

    // Add: the passwords must match; then the person is listed with the role chosen.
    const QString newcomer = person(QStringLiteral("new"));
    m_people << newcomer;
    bool mismatchSaid = false;
    onDialog([&](QWidget *dialog) {
        child<QLineEdit>(dialog, "nameEdit")->setText(newcomer);
        auto *role = child<QComboBox>(dialog, "roleCombo");
        role->setCurrentIndex(role->findText(QStringLiteral("Packer")));
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("s3cret"));
        QTest::keyClicks(child<QLineEdit>(dialog, "repeatEdit"), QStringLiteral("s3cre"));
        auto *addButton = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::mouseClick(addButton, Qt::LeftButton);
        auto *said = child<QLabel>(dialog, "messageLabel");
        mismatchSaid = dialog->isVisible() && said->isVisibleTo(dialog)
                       && said->text().contains(QStringLiteral("differ"));
        QTest::keyClicks(child<QLineEdit>(dialog, "repeatEdit"), QStringLiteral("s3cret"));
        QTest::mouseClick(addButton, Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(users, "addUserButton"), Qt::LeftButton);
    QVERIFY(mismatchSaid);
    QVERIFY2(rowOf(newcomer) >= 0, qPrintable(message->text()));
    auto *combo = child<QComboBox>(table, qPrintable(QStringLiteral("roleCombo_") + newcomer));
    QCOMPARE(combo->currentText(), QStringLiteral("Packer"));
    {
        auto admin = Database::open(m_location);
        QCOMPARE(TeamDirectory(*admin).roleOf(newcomer), QStringLiteral("packer"));
        // The newcomer signs in with the password typed.
        auto signedIn = Database::open(m_location.signedInAs(newcomer, QStringLiteral("s3cret")));
        QCOMPARE(signedIn->scalar(QStringLiteral("SELECT session_user")).toString(), newcomer);
    }

    // Change the role: one step up the list (Packer -> Clerk), as a person would with the keys.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Up);
    QVERIFY2(message->text().contains(QStringLiteral("is now")), qPrintable(message->text()));
    {
        auto admin = Database::open(m_location);
        QCOMPARE(TeamDirectory(*admin).roleOf(newcomer), QStringLiteral("clerk"));
    }
    combo = child<QComboBox>(table, qPrintable(QStringLiteral("roleCombo_") + newcomer));
    QCOMPARE(combo->currentText(), QStringLiteral("Clerk"));

    // The owner may not change their own role: said, and the row keeps it.
    auto *own = child<QComboBox>(
        table, qPrintable(QStringLiteral("roleCombo_") + person(QStringLiteral("owner"))));
    own->setFocus();
    QTest::keyClick(own, Qt::Key_Down);
    QVERIFY2(message->text().contains(QStringLiteral("own role")), qPrintable(message->text()));
    QCOMPARE(child<QComboBox>(
                 table, qPrintable(QStringLiteral("roleCombo_") + person(QStringLiteral("owner"))))
                 ->currentText(),
             QStringLiteral("Owner"));

    // Remove, confirmed.
    table->setCurrentCell(rowOf(newcomer), 0);
    onDialog([](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(users, "removeUserButton"), Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("was removed")), qPrintable(message->text()));
    QCOMPARE(rowOf(newcomer), -1);
    auto admin = Database::open(m_location);
    QCOMPARE(TeamDirectory(*admin).roleOf(newcomer), QString());
}

void TestRoles::theLastOwnerIsRefusedWithAMessage()
{
    if (!m_databases->isPostgres())
        QSKIP("people and roles are PostgreSQL's");
    // The server's superuser is an owner of every shop without being one of its people: the
    // owner person is the last owner among them.
    auto shop = openAs();
    QCOMPARE(shop->context.role, TeamRole::Owner);
    auto window = windowFor(*shop);
    window->showPage(MainWindow::Settings);
    auto *users = child<UsersSection>(window->settingsPage(), "usersGroup");
    auto *table = child<QTableWidget>(users, "usersTable");
    const QString owner = person(QStringLiteral("owner"));
    auto *combo = child<QComboBox>(table, qPrintable(QStringLiteral("roleCombo_") + owner));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down); // Owner -> Manager
    const QString said = child<QLabel>(users, "usersMessage")->text();
    QVERIFY2(said.contains(QStringLiteral("last owner")), qPrintable(said));
    QCOMPARE(
        child<QComboBox>(table, qPrintable(QStringLiteral("roleCombo_") + owner))->currentText(),
        QStringLiteral("Owner"));
    QCOMPARE(TeamDirectory(*shop->database).roleOf(owner), QStringLiteral("owner"));

    // Removing them is refused the same way, and they stay.
    QVERIFY(!users->removePerson(owner));
    QVERIFY(child<QLabel>(users, "usersMessage")->text().contains(QStringLiteral("last owner")));
    QCOMPARE(TeamDirectory(*shop->database).roleOf(owner), QStringLiteral("owner"));
}

MICROSHOP_TEST_MAIN(TestRoles)
#include "tst_roles.moc"
