// The Distributors and Commissions pages offscreen: a lazy tree that passes Qt's model tester,
// drag and drop onto a new upline (and a refused cycle), search that reveals a deep distributor,
// and a settlement previewed then confirmed, checked against the database and the audit log.
#include "Database.h"
#include "ShopServices.h"

#include "CommissionListPage.h"
#include "DistributorTreePage.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "SettlementDialog.h"

#include "CommissionListModel.h"
#include "DistributorTreeModel.h"
#include "ProductListModel.h"

#include "TestValues.h"

#include "TestClock.h"
#include "Widgets.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {} // namespace

class TestDistributorPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void treeLoadsRecruitsOnlyWhenExpanded();
    void dragAndDropMovesUnderANewUpline();
    void aCycleIsRefusedAndNothingMoves();
    void searchRevealsADeepDistributor();
    void settlementIsPreviewedThenMade();

private:
    qint64 add(const QString &code, const QString &upline);
    QModelIndex indexOf(const QString &code);

    QTemporaryDir m_folder;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ShopServices> m_services;
    std::unique_ptr<ShopContext> m_shop;
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;
    DistributorTreePage *m_page = nullptr;
};

qint64 TestDistributorPages::add(const QString &code, const QString &upline)
{
    Distributor distributor;
    distributor.code = code;
    distributor.name = QStringLiteral("分销员 ") + code;
    distributor.joined = QDate(2026, 1, 1);
    if (!upline.isEmpty())
        distributor.uplineId = m_services->distributorService.distributorByCode(upline).id;
    return m_services->distributorService.create(distributor).id;
}

QModelIndex TestDistributorPages::indexOf(const QString &code)
{
    return m_page->model()->reveal(m_services->distributorService.distributorByCode(code).id);
}

void TestDistributorPages::initTestCase()
{
    m_database = Database::open(
        DatabaseLocation::sqliteFile(m_folder.filePath(QStringLiteral("shop.db"))),
        Database::OpenMode::CreateOrUpgrade);
    m_services = std::make_unique<ShopServices>(*m_database);
    // Two trees: A with a chain A > B > C > ... > L (depth 12), and BIG with 1,000 recruits.
    m_database->inTransaction([&] {
        QString upline;
        for (char code = 'A'; code <= 'L'; ++code) {
            add(QString(QLatin1Char(code)), upline);
            upline = QString(QLatin1Char(code));
        }
        add(QStringLiteral("BIG"), QString());
        for (int i = 0; i < 1000; ++i)
            add(QStringLiteral("R%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("BIG"));
    });
    m_shop = std::make_unique<ShopContext>(m_services->context());
    m_languages.setLanguage(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(*m_shop, m_languages);
    m_window->resize(1300, 800);
    m_window->show();
    m_window->showPage(MainWindow::Distributors);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_page = m_window->distributorPage();
}

void TestDistributorPages::treeLoadsRecruitsOnlyWhenExpanded()
{
    // A model of its own, checked by Qt's model tester as it loads: the tester fetches what it
    // checks, so laziness is seen before the tester is attached. (Qt 6.4's tester runs its checks
    // inside modelReset before it records the reset as finished, so it cannot watch a lazy model
    // being reset; the page's model, which resets after a move, runs without it.)
    DistributorTreeModel lazy(m_services->distributorRepository);
    QCOMPARE(lazy.rowCount(), 2);
    QCOMPARE(lazy.rowCount(lazy.index(1, 0)), 0); // BIG's recruits: not read yet
    QVERIFY(lazy.hasChildren(lazy.index(1, 0)) && lazy.canFetchMore(lazy.index(1, 0)));
    QAbstractItemModelTester tester(&lazy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    lazy.fetchMore(lazy.index(1, 0));
    QCOMPARE(lazy.rowCount(lazy.index(1, 0)), 1000);
    const QModelIndex deepest = lazy.reveal(
        m_services->distributorService.distributorByCode(QStringLiteral("L")).id);
    QCOMPARE(deepest.data().toString(), QStringLiteral("L · 分销员 L"));
    QCOMPARE(lazy.parent(deepest).data().toString(), QStringLiteral("K · 分销员 K"));

    DistributorTreeModel *model = m_page->model();
    QCOMPARE(model->rowCount(), 2); // the roots: A and BIG
    const QModelIndex big = model->index(1, 0);
    QCOMPARE(big.data().toString(), QStringLiteral("BIG · 分销员 BIG"));
    QCOMPARE(model->index(1, DistributorTreeModel::TeamSize).data().toString(),
             QStringLiteral("1000"));
    QVERIFY(model->hasChildren(big));
    m_page->view()->expand(big);
    QCOMPARE(model->rowCount(big), 1000);
    QCOMPARE(model->index(999, 0, big).data().toString(), QStringLiteral("R0999 · 分销员 R0999"));
    QVERIFY(!model->hasChildren(model->index(0, 0, big)));
}

void TestDistributorPages::dragAndDropMovesUnderANewUpline()
{
    DistributorTreeModel *model = m_page->model();
    // What the tree view does when R0001 is dropped on D: the model's mime data, then the drop.
    const QModelIndex dragged = indexOf(QStringLiteral("R0001"));
    const QModelIndex target = indexOf(QStringLiteral("D"));
    QVERIFY(dragged.isValid() && target.isValid());
    std::unique_ptr<QMimeData> data(model->mimeData({dragged}));
    QVERIFY(model->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, target));
    model->dropMimeData(data.get(), Qt::MoveAction, -1, -1, target);
    QCoreApplication::processEvents();

    const Distributor moved = m_services->distributorService.distributorByCode(
        QStringLiteral("R0001"));
    QCOMPARE(m_services->distributors.codeOf(moved.uplineId), QStringLiteral("D"));
    QCOMPARE(moved.depth, 5);
    // The tree shows it under D, selected, and the panel says so.
    const QModelIndex shown = indexOf(QStringLiteral("R0001"));
    QCOMPARE(shown.parent().data().toString(), QStringLiteral("D · 分销员 D"));
    QCOMPARE(m_page->currentId(), moved.id);
    QVERIFY(child<QLabel>(m_page, "detailsLabel")->text().contains(QStringLiteral("depth 5")));
    QCOMPARE(m_database
                 ->scalar(QStringLiteral(
                     "SELECT details FROM audit_log WHERE action = 'distributor.move'"))
                 .toString(),
             QStringLiteral("BIG -> D"));
    QCOMPARE(m_services->distributorRepository.teamSize(
                 m_services->distributorService.distributorByCode(QStringLiteral("A")).id),
             12);
}

void TestDistributorPages::aCycleIsRefusedAndNothingMoves()
{
    DistributorTreeModel *model = m_page->model();
    QString warning;
    onDialog([&](QWidget *box) {
        warning = qobject_cast<QMessageBox *>(box)->text();
        qobject_cast<QMessageBox *>(box)->accept();
    });
    std::unique_ptr<QMimeData> data(model->mimeData({indexOf(QStringLiteral("B"))}));
    model->dropMimeData(data.get(), Qt::MoveAction, -1, -1, indexOf(QStringLiteral("K")));
    QVERIFY2(warning.contains(QStringLiteral("cycle")), qPrintable(warning));
    QCOMPARE(m_services->distributors.codeOf(
                 m_services->distributorService.distributorByCode(QStringLiteral("B")).uplineId),
             QStringLiteral("A"));
    QCOMPARE(m_database
                 ->scalar(QStringLiteral(
                     "SELECT count(*) FROM audit_log WHERE action = 'distributor.move'"))
                 .toInt(),
             1);
}

void TestDistributorPages::searchRevealsADeepDistributor()
{
    m_page->model()->reload(); // collapsed again
    auto *search = child<QLineEdit>(m_page, "searchEdit");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("L"));
    QTest::keyClick(search, Qt::Key_Return);
    const qint64 l = m_services->distributorService.distributorByCode(QStringLiteral("L")).id;
    QCOMPARE(m_page->currentId(), l);
    QVERIFY(m_page->view()->isExpanded(indexOf(QStringLiteral("K"))));
    QVERIFY(child<QLabel>(m_page, "detailsLabel")->text().contains(QStringLiteral("depth 12")));
}

void TestDistributorPages::settlementIsPreviewedThenMade()
{
    // One completed sale by D: D earns 10 % of 100.00, C 5 %; available 7 days after completion.
    Product tea;
    tea.sku = QStringLiteral("TEA");
    tea.name = QStringLiteral("茶");
    tea.price = yuan("100");
    tea.stock = 10;
    tea = m_services->catalog.create(tea, at("2026-01-01"));
    Customer buyer;
    buyer.code = QStringLiteral("C1");
    buyer.name = QStringLiteral("甲");
    buyer = m_services->customerService.create(buyer);
    OrderDraft draft;
    draft.orderNo = QStringLiteral("SO-1");
    draft.date = at("2026-03-01 10:00");
    draft.customerId = buyer.id;
    draft.distributorId = m_services->distributorService.distributorByCode(QStringLiteral("D")).id;
    draft.lines = {{tea.id, 1, std::nullopt, Money()}};
    m_services->workflow.create(draft);
    m_services->workflow.pay(QStringLiteral("SO-1"), at("2026-03-01 11:00"), PaymentMethod::WeChat);
    m_services->workflow.complete(QStringLiteral("SO-1"), at("2026-03-02 12:00"));

    Product gift;
    gift.sku = QStringLiteral("GIFT");
    gift.name = QStringLiteral("赠品");
    gift.rates[0] = Rate::fromBasisPoints(0);
    gift.rates[2] = Rate::fromBasisPoints(1250);
    m_services->catalog.create(gift, at("2026-01-01"));

    m_window->showPage(MainWindow::Commissions);
    auto *page = static_cast<CommissionListPage *>(m_window->listPage(MainWindow::Commissions));
    page->refresh();
    QCOMPARE(page->model()->rowCount(), 2);
    // The products that replace the shop's rates are listed with their own rates.
    QAbstractItemModel *overrides = child<QTableView>(page, "overridesView")->model();
    QCOMPARE(overrides->rowCount(), 1);
    QCOMPARE(overrides->index(0, ProductListModel::Rate1).data().toString(), QStringLiteral("0"));
    QCOMPARE(overrides->index(0, ProductListModel::Rate2).data().toString(), QString());
    QCOMPARE(overrides->index(0, ProductListModel::Rate3).data().toString(),
             QStringLiteral("12.5"));
    QString empty;
    int previewRows = -1;
    QString total;
    onDialog([&](QWidget *dialog) {
        auto *settlement = qobject_cast<SettlementDialog *>(dialog);
        auto *until = child<QDateEdit>(dialog, "untilEdit");
        until->setDate(QDate(2026, 3, 8)); // the day before the hold ends: nothing yet
        // Worked out off the UI thread: OK waits for it.
        QVERIFY(settlement->isPreviewing());
        QVERIFY(
            !dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        QTRY_VERIFY(!settlement->isPreviewing());
        empty = child<QLabel>(dialog, "totalLabel")->text();
        until->setDate(QDate(2026, 3, 9));
        QTRY_VERIFY(!settlement->isPreviewing());
        previewRows = child<QTableWidget>(dialog, "previewTable")->rowCount();
        total = child<QLabel>(dialog, "totalLabel")->text();
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(page, "settleButton"), Qt::LeftButton);
    QVERIFY2(empty.contains(QStringLiteral("Nothing to pay")), qPrintable(empty));
    QCOMPARE(previewRows, 2);
    QVERIFY2(total.contains(QStringLiteral("15.00")), qPrintable(total));
    QCOMPARE(m_database->scalar(QStringLiteral("SELECT count(*) FROM payouts")).toInt(), 2);
    QCOMPARE(child<QTableView>(page, "payoutsView")->model()->rowCount(), 2);
    QCOMPARE(page->model()->index(0, CommissionListModel::State).data().toString(),
             QStringLiteral("Settled"));
    QCOMPARE(m_database
                 ->scalar(QStringLiteral(
                     "SELECT count(*) FROM audit_log WHERE action = 'commission.payout'"))
                 .toInt(),
             2);
}

int main(int argc, char *argv[])
{
    QTemporaryDir configuration;
    qputenv("XDG_CONFIG_HOME", configuration.path().toUtf8());
    qputenv("QT_QPA_PLATFORM", "offscreen");
    MicroShop::Testing::fixClock();
    QApplication application(argc, argv);
    TestDistributorPages test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_distributorpages.moc"
