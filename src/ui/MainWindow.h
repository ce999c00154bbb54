#pragma once

#include <QHash>
#include <QMainWindow>
#include <QSet>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace MicroShop {

class LanguageManager;
class DashboardPage;
class DistributorTreePage;
class ListPage;
class ReportsPage;
class SettingsPage;
class ShopChanges;
struct ShopContext;

// The main window: the sidebar of spec/product.md's pages, the menus and their shortcuts, and
// the geometry and last page remembered between runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum Page {
        Dashboard,
        Orders,
        Products,
        Customers,
        Distributors,
        Commissions,
        Reports,
        Settings,
        AuditLog, // who changed what (the owner's, in team mode)
        PageCount
    };

    MainWindow(ShopContext &shop, LanguageManager &languages, QWidget *parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    void showPage(Page page); // nothing when the signed-in role may not use it
    // Whether the signed-in role (ShopContext::role) may use that page (TeamAccess::may).
    bool mayShow(Page page) const;
    // The pages, built if they were not yet.
    SettingsPage *settingsPage();
    ListPage *listPage(Page page); // the Products, Customers, Orders, Commissions or Audit log page
    DistributorTreePage *distributorPage();
    DashboardPage *dashboardPage();
    ReportsPage *reportsPage();
    // Writes the export of that kind (ExportKind) off the UI thread, with progress and Cancel:
    // CSV, or an Excel workbook when the name ends in .xlsx.
    bool exportCsvTo(int kind, const QString &file);
    // Follows other desktops' changes and the server connection (PostgreSQL): the page shown is
    // reloaded when others changed what it shows, the others when they are next shown; a lost
    // connection is said in a bar over the pages until it is back.
    void followChanges(ShopChanges *changes);
    // The pages that show a table's rows (the payload of schema step 6's notifications).
    static QList<Page> pagesShowing(const QString &table);

public slots:
    void showAbout();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void buildPage(Page page);
    Page firstPage() const; // the first page the role may use
    // Hides what the signed-in role may not use on a page just built (MainWindow.cpp's tables).
    void applyRole(Page page, QWidget *built);
    ListPage *addListPage(Page page, ListPage *listPage, int importKind, int exportKind);
    void importCsv(Page page, int kind);
    void importPlatformOrders();
    void importPaymentBill();
    void importShipments(); // tracking numbers back (ShipmentImportDialog)
    void exportCsv(int kind);
    void retranslate();
    void updateTitle();
    void tablesChanged(const QStringList &tables, bool byOthers);
    void reloadPage(Page page); // keeping what is chosen
    void showConnection(bool connected);

    ShopContext &m_shop;
    LanguageManager &m_languages;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    SettingsPage *m_settingsPage = nullptr;
    QLabel *m_shopHeader;
    QLabel *m_connectionBanner;
    ShopChanges *m_changes = nullptr;
    QSet<int> m_stale; // built pages that others changed while they were not shown
    QMenu *m_fileMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QList<QAction *> m_pageActions;
    QHash<int, ListPage *> m_listPages;
    DistributorTreePage *m_distributorPage = nullptr;
    DashboardPage *m_dashboardPage = nullptr;
    ReportsPage *m_reportsPage = nullptr;
    QSet<int> m_built; // pages built so far
};

} // namespace MicroShop
