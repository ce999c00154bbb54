#include "MainWindow.h"

#include "AuditLogPage.h"
#include "BackgroundTask.h"
#include "CommissionListPage.h"
#include "CsvImportDialog.h"
#include "CustomerListPage.h"
#include "DashboardPage.h"
#include "DistributorTreePage.h"
#include "ExportFileDialog.h"
#include "ListPage.h"
#include "OrderListPage.h"
#include "PaymentImportDialog.h"
#include "PlatformImportDialog.h"
#include "ProductListPage.h"
#include "ReportsPage.h"
#include "SettingsPage.h"
#include "ShipmentImportDialog.h"

#include "Dates.h"
#include "Error.h"
#include "ExportSource.h"
#include "Repositories.h"
#include "ShopChanges.h"
#include "ShopContext.h"
#include "ShopExporter.h"
#include "ShopSettings.h"
#include "TeamRole.h"

#include "ProductListModel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace MicroShop {

namespace {

const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString pageKey = QStringLiteral("mainWindow/page");

// The capability (TeamRole.h) that shows each page, in the order of MainWindow::Page.
constexpr std::array pageCapabilities = {
    Capability::DashboardPage, Capability::OrdersPage,       Capability::ProductsPage,
    Capability::CustomersPage, Capability::DistributorsPage, Capability::CommissionsPage,
    Capability::ReportsPage,   Capability::SettingsPage,     Capability::AuditLogPage,
};
static_assert(pageCapabilities.size() == std::size_t(MainWindow::PageCount));

// The actions of the pages that a role may not use are hidden (docs/decisions.md "What each role
// sees in the desktop"): the button or menu entry of that objectName on that page is shown only
// to a role with one of the capabilities. A button whose menu is left empty is hidden too.
struct ActionRule
{
    MainWindow::Page page;
    const char *name;
    QList<Capability> anyOf;
};

const QList<ActionRule> &actionRules()
{
    using C = Capability;
    using W = MainWindow;
    static const QList<ActionRule> rules = {
        {W::Orders, "newButton", {C::CreateOrders}},
        {W::Orders, "editButton", {C::CreateOrders}},
        {W::Orders, "importButton", {C::CreateOrders}},
        {W::Orders, "platformImportAction", {C::CreateOrders}},
        {W::Orders, "payButton", {C::PayOrders}},
        {W::Orders, "paymentImportAction", {C::PayOrders}},
        {W::Orders, "shipButton", {C::ShipOrders}},
        {W::Orders, "shipmentImportAction", {C::ShipOrders}},
        {W::Orders, "packingSlipA4", {C::ShipOrders}},
        {W::Orders, "packingSlipReceipt", {C::ShipOrders}},
        {W::Orders, "label100x180", {C::ShipOrders}},
        {W::Orders, "label76x130", {C::ShipOrders}},
        {W::Orders, "printSelectedAction", {C::ShipOrders}},
        {W::Orders, "courierFileAction", {C::ShipOrders}},
        {W::Orders, "trackingImportAction", {C::ShipOrders}},
        {W::Orders, "invoiceA4", {C::PrintInvoices}},
        {W::Orders, "invoiceReceipt", {C::PrintInvoices}},
        {W::Orders, "completeButton", {C::CompleteOrders}},
        {W::Orders, "completeSelectedAction", {C::CompleteOrders}},
        {W::Orders, "selectAllAction", {C::ShipOrders, C::CompleteOrders}},
        {W::Orders, "cancelButton", {C::CancelOrders}},
        {W::Orders, "refundButton", {C::CancelOrders}},
        {W::Orders, "exportButton", {C::ExportData}},
        {W::Products, "newButton", {C::EditProducts}},
        {W::Products, "editButton", {C::EditProducts}},
        {W::Products, "activeButton", {C::EditProducts}},
        {W::Products, "restockButton", {C::EditProducts}},
        {W::Products, "stocktakeButton", {C::EditProducts}},
        {W::Products, "importButton", {C::EditProducts}},
        {W::Products, "exportButton", {C::ExportData}},
        {W::Products, "exportStockButton", {C::ExportData}},
        {W::Customers, "newButton", {C::EditCustomers}},
        {W::Customers, "editButton", {C::EditCustomers}},
        {W::Customers, "deleteButton", {C::EditCustomers}},
        {W::Customers, "rebindButton", {C::EditCustomers}},
        {W::Customers, "importButton", {C::EditCustomers}},
        {W::Customers, "exportButton", {C::ExportData}},
        {W::Distributors, "newButton", {C::EditDistributors}},
        {W::Distributors, "editButton", {C::EditDistributors}},
        {W::Distributors, "moveButton", {C::EditDistributors}},
        {W::Distributors, "statusButton", {C::EditDistributors}},
        {W::Distributors, "importButton", {C::EditDistributors}},
        {W::Distributors, "exportButton", {C::ExportData}},
        {W::Commissions, "settleButton", {C::Settle}},
        {W::Commissions, "exportButton", {C::ExportData}},
        {W::Commissions, "exportPayoutsButton", {C::ExportData}},
        {W::Reports, "csvButton", {C::ExportData}},
        {W::Reports, "pngButton", {C::ExportData}},
        {W::Reports, "pdfButton", {C::ExportData}},
        {W::AuditLog, "exportButton", {C::ExportData}},
    };
    return rules;
}

// The columns of a list page that only some roles see.
struct ColumnRule
{
    MainWindow::Page page;
    int column;
    Capability capability;
};

const QList<ColumnRule> &columnRules()
{
    static const QList<ColumnRule> rules = {
        {MainWindow::Products, ProductListModel::Cost, Capability::SeeCosts},
    };
    return rules;
}

QString pageTitle(MainWindow::Page page)
{
    switch (page) {
    case MainWindow::Dashboard:
        return MainWindow::tr("Dashboard");
    case MainWindow::Orders:
        return MainWindow::tr("Orders");
    case MainWindow::Products:
        return MainWindow::tr("Products");
    case MainWindow::Customers:
        return MainWindow::tr("Customers");
    case MainWindow::Distributors:
        return MainWindow::tr("Distributors");
    case MainWindow::Commissions:
        return MainWindow::tr("Commissions");
    case MainWindow::Reports:
        return MainWindow::tr("Reports");
    case MainWindow::Settings:
        return MainWindow::tr("Settings");
    case MainWindow::AuditLog:
        return MainWindow::tr("Audit log");
    case MainWindow::PageCount:
        break;
    }
    return QString();
}

} // namespace

MainWindow::MainWindow(ShopContext &shop, LanguageManager &languages, QWidget *parent)
    : QMainWindow(parent)
    , m_shop(shop)
    , m_languages(languages)
    , m_sidebar(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_shopHeader(new QLabel(this))
    , m_connectionBanner(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_pages->setObjectName(QStringLiteral("pages"));

    // Pages are built the first time they are shown (or asked for): the window opens on one.
    for (int page = 0; page < PageCount; ++page) {
        auto *item = new QListWidgetItem(m_sidebar);
        item->setSizeHint(QSize(0, 36));
        m_pages->addWidget(new QWidget(this));
    }

    // The sidebar column: the shop's name over the list of pages.
    auto *sideColumn = new QWidget(this);
    sideColumn->setObjectName(QStringLiteral("sideColumn"));
    sideColumn->setFixedWidth(190);
    auto *sideLayout = new QVBoxLayout(sideColumn);
    sideLayout->setContentsMargins(0, 12, 0, 8);
    sideLayout->setSpacing(8);
    m_shopHeader->setObjectName(QStringLiteral("shopHeader"));
    m_shopHeader->setWordWrap(true);
    sideLayout->addWidget(m_shopHeader);
    sideLayout->addWidget(m_sidebar, 1);
    sideColumn->setStyleSheet(QStringLiteral(
        "#sideColumn { background: #f4f6f5; border-right: 1px solid #dcdfe3; }"
        "#shopHeader { font-size: 13pt; font-weight: bold; color: #07a152; padding: 0 18px; }"
        "QListWidget#sidebar { background: transparent; border: none; outline: 0;"
        " font-size: 11pt; }"
        "QListWidget#sidebar::item { padding-left: 12px; border-radius: 6px; margin: 1px 8px;"
        " color: #1f2329; }"
        "QListWidget#sidebar::item:selected { background: #07c160; color: white; }"
        "QListWidget#sidebar::item:hover:!selected { background: #e3e9e6; }"));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sideColumn);
    // Over the pages, a bar that says when the server cannot be reached (followChanges).
    m_connectionBanner->setObjectName(QStringLiteral("connectionBanner"));
    m_connectionBanner->setWordWrap(true);
    m_connectionBanner->setStyleSheet(
        QStringLiteral("#connectionBanner { background: #fff4e5; color: #8a4b00; padding: 8px 16px;"
                       " border-bottom: 1px solid #f0c36d; font-weight: bold; }"));
    m_connectionBanner->hide();
    auto *pageColumn = new QVBoxLayout;
    pageColumn->setContentsMargins(0, 0, 0, 0);
    pageColumn->setSpacing(0);
    pageColumn->addWidget(m_connectionBanner);
    pageColumn->addWidget(m_pages, 1);
    layout->addLayout(pageColumn, 1);
    setCentralWidget(central);

    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < PageCount)
            buildPage(Page(row));
        m_pages->setCurrentIndex(row);
        if (m_stale.remove(row))
            reloadPage(Page(row));
    });

    createMenus();
    retranslate();
    for (int page = 0; page < PageCount; ++page) {
        const bool allowed = mayShow(Page(page));
        m_sidebar->item(page)->setHidden(!allowed);
        m_pageActions.at(page)->setVisible(allowed);
        m_pageActions.at(page)->setEnabled(allowed);
    }

    QSettings state;
    if (!restoreGeometry(state.value(geometryKey).toByteArray()))
        resize(1200, 780);
    restoreState(state.value(stateKey).toByteArray());
    // The page the window opens on is built when the window is shown (showEvent), so that one
    // asked for before that (showPage) is the only one built.
    int page = state.value(pageKey, int(Dashboard)).toInt();
    if (page < 0 || page >= PageCount || !mayShow(Page(page)))
        page = firstPage();
    const QSignalBlocker quiet(m_sidebar);
    m_sidebar->setCurrentRow(page);
    m_pages->setCurrentIndex(page);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPage(Page page)
{
    if (m_built.contains(page))
        return;
    m_built.insert(page);
    QWidget *built = nullptr;
    if (page == Settings) {
        m_settingsPage = new SettingsPage(m_shop, m_languages, this);
        built = m_settingsPage;
        connect(m_settingsPage, &SettingsPage::settingsApplied, this, &MainWindow::updateTitle);
        connect(m_settingsPage, &SettingsPage::shopDataReplaced, this, &MainWindow::updateTitle);
    } else if (page == Distributors) {
        auto *tree = new DistributorTreePage(m_shop, this);
        m_distributorPage = tree;
        built = tree;
        connect(tree, &DistributorTreePage::importRequested, this, [this] {
            importCsv(MainWindow::Distributors, int(ShopImporter::Kind::Distributors));
        });
        connect(tree, &DistributorTreePage::exportRequested, this,
                [this] { exportCsv(int(ExportKind::Distributors)); });
    } else if (page == Commissions) {
        built = addListPage(Commissions, new CommissionListPage(m_shop, this), -1,
                            int(ExportKind::Commissions));
    } else if (page == Orders) {
        auto *orders = new OrderListPage(m_shop, this);
        built = addListPage(Orders, orders, int(ShopImporter::Kind::Orders),
                            int(ExportKind::Orders));
        connect(orders, &OrderListPage::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, 10000); });
        connect(orders, &OrderListPage::platformImportRequested, this,
                &MainWindow::importPlatformOrders);
        connect(orders, &OrderListPage::paymentImportRequested, this,
                &MainWindow::importPaymentBill);
        connect(orders, &OrderListPage::shipmentImportRequested, this,
                &MainWindow::importShipments);
    } else if (page == Customers) {
        built = addListPage(Customers, new CustomerListPage(m_shop, this),
                            int(ShopImporter::Kind::Customers), int(ExportKind::Customers));
    } else if (page == Products) {
        built = addListPage(Products, new ProductListPage(m_shop, this),
                            int(ShopImporter::Kind::Products), int(ExportKind::Products));
    } else if (page == AuditLog) {
        auto *audit = new AuditLogPage(m_shop, this);
        built = addListPage(AuditLog, audit, -1, -1); // its Export… writes what it shows
        connect(audit, &AuditLogPage::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    } else if (page == Reports) {
        m_reportsPage = new ReportsPage(m_shop, this);
        built = m_reportsPage;
    } else {
        m_dashboardPage = new DashboardPage(m_shop, this);
        built = m_dashboardPage;
        // The dashboard's tiles open the page behind their figure, filtered to what they count.
        connect(m_dashboardPage, &DashboardPage::ordersRequested, this,
                [this](const QString &status, QDate from, QDate to) {
                    showPage(Orders);
                    static_cast<OrderListPage *>(listPage(Orders))->showOrders(status, from, to);
                });
        connect(m_dashboardPage, &DashboardPage::lowStockRequested, this, [this] {
            showPage(Products);
            static_cast<ProductListPage *>(listPage(Products))->showLowStock();
        });
        connect(m_dashboardPage, &DashboardPage::commissionsRequested, this,
                [this](const QString &state) {
                    showPage(Commissions);
                    static_cast<CommissionListPage *>(listPage(Commissions))->showState(state);
                });
    }
    applyRole(page, built);
    // In the stack, in place of the empty page that held its place.
    const bool current = m_pages->currentIndex() == int(page);
    QWidget *placeholder = m_pages->widget(int(page));
    m_pages->insertWidget(int(page), built);
    m_pages->removeWidget(placeholder);
    placeholder->deleteLater();
    if (current)
        m_pages->setCurrentIndex(int(page));
}

void MainWindow::followChanges(ShopChanges *changes)
{
    m_changes = changes;
    if (!changes)
        return;
    connect(changes, &ShopChanges::tablesChanged, this, &MainWindow::tablesChanged);
    connect(changes, &ShopChanges::connectionLost, this, [this] { showConnection(false); });
    connect(changes, &ShopChanges::connectionRestored, this, [this] {
        showConnection(true);
        // Others may have changed anything meanwhile, unheard.
        for (const int page : std::as_const(m_built))
            m_stale.insert(page);
        m_stale.remove(currentPage());
        reloadPage(currentPage());
    });
    showConnection(changes->isConnected());
}

QList<MainWindow::Page> MainWindow::pagesShowing(const QString &table)
{
    static const QHash<QString, QList<Page>> pages = {
        {QStringLiteral("products"), {Products, Dashboard, Commissions}},
        {QStringLiteral("stock_movements"), {Products, Dashboard}},
        {QStringLiteral("customers"), {Customers, Orders}},
        {QStringLiteral("customer_addresses"), {Customers, Orders}},
        {QStringLiteral("orders"), {Orders, Customers, Dashboard, Distributors}},
        {QStringLiteral("order_lines"), {Orders, Dashboard, Distributors}},
        {QStringLiteral("payments"), {Orders, Dashboard}},
        {QStringLiteral("shipments"), {Orders, Dashboard}},
        {QStringLiteral("refunds"), {Orders, Dashboard, Distributors}},
        {QStringLiteral("distributors"), {Distributors, Commissions, Customers}},
        {QStringLiteral("distributor_closure"), {Distributors}},
        {QStringLiteral("commission_entries"), {Commissions, Distributors, Dashboard}},
        {QStringLiteral("payouts"), {Commissions, Distributors, Dashboard}},
    };
    return pages.value(table);
}

void MainWindow::tablesChanged(const QStringList &tables, bool byOthers)
{
    QSet<int> changed;
    for (const QString &table : tables) {
        for (const Page page : pagesShowing(table))
            changed.insert(page);
    }
    const int shown = currentPage();
    for (const int page : std::as_const(changed)) {
        if (page == shown) {
            // This desktop's own action already reloaded the page it was taken on.
            if (byOthers)
                reloadPage(Page(page));
        } else if (m_built.contains(page)) {
            m_stale.insert(page); // reloaded when shown
        }
    }
}

void MainWindow::reloadPage(Page page)
{
    if (!m_built.contains(page))
        return; // built fresh when first shown
    if (ListPage *list = m_listPages.value(page))
        list->followChanges();
    else if (page == Distributors && m_distributorPage)
        m_distributorPage->refresh();
    else if (page == Dashboard && m_dashboardPage && m_dashboardPage->isVisible())
        m_dashboardPage->refresh(); // it reloads itself when shown
}

void MainWindow::showConnection(bool connected)
{
    m_connectionBanner->setVisible(!connected);
    if (!connected)
        m_connectionBanner->setText(
            tr("The server cannot be reached; reconnecting… Nothing was half-saved."));
}

ListPage *MainWindow::addListPage(Page page, ListPage *listPage, int importKind, int exportKind)
{
    m_listPages.insert(page, listPage);
    connect(listPage, &ListPage::importRequested, this,
            [this, page, importKind] { importCsv(page, importKind); });
    connect(listPage, &ListPage::exportRequested, this,
            [this, exportKind] { exportCsv(exportKind); });
    connect(listPage, &ListPage::exportKindRequested, this, [this](int kind) { exportCsv(kind); });
    return listPage;
}

ListPage *MainWindow::listPage(Page page)
{
    buildPage(page);
    return m_listPages.value(page);
}

DistributorTreePage *MainWindow::distributorPage()
{
    buildPage(Distributors);
    return m_distributorPage;
}

DashboardPage *MainWindow::dashboardPage()
{
    buildPage(Dashboard);
    return m_dashboardPage;
}

SettingsPage *MainWindow::settingsPage()
{
    buildPage(Settings);
    return m_settingsPage;
}

ReportsPage *MainWindow::reportsPage()
{
    buildPage(Reports);
    return m_reportsPage;
}

void MainWindow::importCsv(Page page, int kind)
{
    CsvImportDialog dialog(m_shop, ShopImporter::Kind(kind), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    statusBar()->showMessage(tr("Imported %1 row(s): %2 created, %3 updated.")
                                 .arg(dialog.report().rows)
                                 .arg(dialog.report().created)
                                 .arg(dialog.report().updated),
                             10000);
    for (ListPage *listPage : std::as_const(m_listPages))
        listPage->refresh();
    if (m_distributorPage)
        m_distributorPage->refresh();
    Q_UNUSED(page);
}

void MainWindow::importPlatformOrders()
{
    PlatformImportDialog dialog(m_shop, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const PlatformImporter::Report &report = dialog.report();
    statusBar()->showMessage(tr("Imported orders: %1 created, %2 updated, %3 unchanged.")
                                 .arg(report.created)
                                 .arg(report.updated)
                                 .arg(report.unchanged),
                             10000);
    for (ListPage *listPage : std::as_const(m_listPages))
        listPage->refresh();
}

void MainWindow::importPaymentBill()
{
    PaymentImportDialog dialog(m_shop, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const PaymentReconciler::Counts &counts = dialog.report().counts;
    if (dialog.report().source)
        statusBar()->showMessage(tr("Imported the bill: %1 matched, %2 paid, %3 with a different "
                                    "amount, %4 unknown.")
                                     .arg(counts.matched)
                                     .arg(counts.applied)
                                     .arg(counts.mismatched)
                                     .arg(counts.unknown),
                                 10000);
    for (ListPage *listPage : std::as_const(m_listPages))
        listPage->refresh();
}

void MainWindow::importShipments()
{
    ShipmentImportDialog dialog(m_shop, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    statusBar()->showMessage(
        tr("Shipped %n order(s) from the tracking file.", nullptr, dialog.report().shipped), 10000);
    for (ListPage *listPage : std::as_const(m_listPages))
        listPage->refresh();
}

void MainWindow::exportCsv(int kind)
{
    const QString file = ExportFileDialog::chooseFile(
        this, tr("Export"),
        QStringLiteral("%1-%2").arg(ExportSource::name(ExportKind(kind)),
                                    Dates::toText(Dates::today())));
    if (file.isEmpty())
        return;
    exportCsvTo(kind, file);
}

bool MainWindow::exportCsvTo(int kind, const QString &file)
{
    qint64 rows = 0;
    QString message;
    const auto outcome = BackgroundTask::run(
        this, m_shop, tr("Exporting to %1…").arg(QDir::toNativeSeparators(file)),
        [&rows, kind, file](ShopContext &shop, const ProgressCallback &progress) {
            ShopExporter exporter(shop.exports);
            exporter.setProgress(progress);
            rows = exporter.exportToFile(ExportKind(kind), file);
        },
        &message);
    if (outcome == BackgroundTask::Outcome::Done)
        statusBar()->showMessage(
            tr("Exported %1 row(s) to %2.").arg(rows).arg(QDir::toNativeSeparators(file)), 10000);
    else if (outcome == BackgroundTask::Outcome::Cancelled)
        statusBar()->showMessage(tr("Export cancelled: no file was written."), 10000);
    else
        QMessageBox::warning(this, tr("Export"), message);
    return outcome == BackgroundTask::Outcome::Done;
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_sidebar->currentRow());
}

void MainWindow::showPage(Page page)
{
    if (mayShow(page))
        m_sidebar->setCurrentRow(int(page));
}

bool MainWindow::mayShow(Page page) const
{
    return page >= 0 && page < PageCount
           && TeamAccess::may(m_shop.role, pageCapabilities.at(std::size_t(page)));
}

MainWindow::Page MainWindow::firstPage() const
{
    for (int page = 0; page < PageCount; ++page) {
        if (mayShow(Page(page)))
            return Page(page);
    }
    return Orders; // every role has it
}

void MainWindow::applyRole(Page page, QWidget *built)
{
    const TeamRole role = m_shop.role;
    for (const ActionRule &rule : actionRules()) {
        if (rule.page != page
            || std::any_of(rule.anyOf.begin(), rule.anyOf.end(),
                           [role](Capability each) { return TeamAccess::may(role, each); }))
            continue;
        const QString name = QString::fromLatin1(rule.name);
        for (QWidget *widget : built->findChildren<QWidget *>(name))
            widget->hide();
        for (QAction *action : built->findChildren<QAction *>(name)) {
            action->setVisible(false);
            action->setEnabled(false);
        }
    }
    // A button of a menu with nothing left in it goes too.
    for (QPushButton *button : built->findChildren<QPushButton *>()) {
        const QMenu *menu = button->menu();
        if (!menu || menu->actions().isEmpty())
            continue;
        const QList<QAction *> actions = menu->actions();
        if (std::none_of(actions.begin(), actions.end(),
                         [](const QAction *action) { return action->isVisible(); }))
            button->hide();
    }
    for (const ColumnRule &rule : columnRules()) {
        if (rule.page == page && !TeamAccess::may(role, rule.capability)) {
            if (ListPage *list = m_listPages.value(page))
                list->view()->setColumnHidden(rule.column, true);
        }
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_goMenu = menuBar()->addMenu(QString());
    for (int page = 0; page < PageCount; ++page) {
        QAction *action = m_goMenu->addAction(QString(), this,
                                              [this, page] { showPage(Page(page)); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
        m_pageActions.append(action);
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
}

void MainWindow::retranslate()
{
    for (int page = 0; page < PageCount; ++page) {
        m_sidebar->item(page)->setText(pageTitle(Page(page)));
        m_pageActions.at(page)->setText(pageTitle(Page(page)));
    }
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_goMenu->setTitle(tr("&Go"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About MicroShop"));
    if (m_changes)
        showConnection(m_changes->isConnected());
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString shop = m_shop.settings.shopName();
    setWindowTitle(shop.isEmpty() ? tr("MicroShop") : tr("%1 - MicroShop").arg(shop));
    m_shopHeader->setText(shop.isEmpty() ? tr("MicroShop") : shop);
    statusBar()->showMessage(tr("Database: %1").arg(m_shop.backups.databaseName()));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About MicroShop"),
        tr("<h3>MicroShop %1</h3>"
           "<p>The back office of a micro-business merchant: products and stock, customers, "
           "orders, distributors and their commissions.</p>"
           "<p>Database: %2<br/>Schema version: %3</p>"
           "<p>Built with Qt %4.</p>")
            .arg(QStringLiteral(MICROSHOP_VERSION), m_shop.backups.databaseName().toHtmlEscaped())
            .arg(m_shop.backups.schemaVersion())
            .arg(QString::fromLatin1(qVersion())));
}

void MainWindow::showEvent(QShowEvent *event)
{
    buildPage(currentPage());
    QMainWindow::showEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_settingsPage && m_settingsPage->hasUnappliedChanges()) {
        showPage(Settings);
        const auto answer = QMessageBox::question(
            this, tr("Unsaved settings"),
            tr("Some settings were changed but not applied. Quit without applying them?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    // Only what changed: QSettings writes its whole file anew (a sync to the disk) for any
    // value set, even the one it holds already, and most quits change nothing.
    QSettings state;
    const auto keep = [&state](const QString &key, const QVariant &value) {
        QVariant stored = state.value(key); // an int comes back from the file as text
        if (!stored.isValid() || !stored.convert(value.metaType()) || stored != value)
            state.setValue(key, value);
    };
    keep(geometryKey, saveGeometry());
    keep(stateKey, saveState());
    keep(pageKey, int(currentPage()));
    event->accept();
}

} // namespace MicroShop
