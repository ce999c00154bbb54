// The Audit log page as the owner uses it, offscreen: every change newest first with who, when,
// the kind and old -> new; the kind, user and date filters narrow the list; Export… writes the
// rows shown in `audit`'s columns (CSV with csv.md's BOM and CRLF).
#include "DesktopShop.h"
#include "ShopServices.h"

#include "AuditLogModel.h"
#include "AuditLogPage.h"
#include "LanguageManager.h"
#include "MainWindow.h"

#include "Clock.h"
#include "Dates.h"
#include "ShopSettings.h"

#include "TestClock.h"
#include "Widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestAuditLogPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsEveryChangeNewestFirst();
    void kindUserAndDatesNarrowTheList();
    void exportWritesTheRowsShown();

private:
    QString cellText(int row, int column) const
    {
        return m_page->model()->index(row, column).data().toString();
    }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Shop> m_shop;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
    AuditLogPage *m_page = nullptr;
    std::optional<QDateTime> m_fixed;
};

// Three changes in the shop's zone (Asia/Shanghai): alice edits the tea on 24 November, bob a
// customer at 00:01 on the 26th, alice a setting at 09:30 on the 26th.
void TestAuditLogPage::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_shop = openDesktopShop(m_folder->filePath(QStringLiteral("shop.db")));
    m_fixed = Clock::fixedInstant();
    ShopServices &shop = m_shop->services;
    // The shop's days are China's whatever zone the suite runs in (tests/run_at.sh); stored as
    // the shop's set-up, not as a change in the log.
    shop.settingsRepository.store(ShopSettings::timeZoneKey, QStringLiteral("Asia/Shanghai"));
    shop.settings.applyTimeZone();
    Product tea;
    tea.sku = QStringLiteral("TEA-01");
    tea.name = QStringLiteral("普洱");
    tea.price = *Money::parse(u"4");
    tea.stock = 10;
    shop.catalog.create(tea, *Dates::parseDateTime(u"2026-02-01 09:00"));
    Customer zhang;
    zhang.code = QStringLiteral("C1");
    zhang.name = QStringLiteral("张伟");
    shop.customerService.create(zhang);

    Clock::setFixedInstant(*Clock::parseInstant(QStringLiteral("2026-11-24T10:00:00+08:00")));
    m_shop->database->setActor(QStringLiteral("alice"));
    tea.id = shop.catalog.productBySku(QStringLiteral("TEA-01")).id;
    tea.price = *Money::parse(u"4.5");
    shop.catalog.update(tea);
    Clock::setFixedInstant(*Clock::parseInstant(QStringLiteral("2026-11-26T00:01:00+08:00")));
    m_shop->database->setActor(QStringLiteral("bob"));
    zhang = shop.customerService.customerByCode(QStringLiteral("C1"));
    zhang.name = QStringLiteral("张伟伟");
    shop.customerService.update(zhang);
    Clock::setFixedInstant(*Clock::parseInstant(QStringLiteral("2026-11-26T09:30:00+08:00")));
    m_shop->database->setActor(QStringLiteral("alice"));
    shop.settings.setValue(QStringLiteral("commission.levels"), QStringLiteral("3"));
    Clock::setFixedInstant(*m_fixed);

    m_languages = std::make_unique<LanguageManager>();
    m_languages->setLanguage(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(m_shop->context, *m_languages);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *sidebar = child<QListWidget>(m_window.get(), "sidebar");
    const QRect item = sidebar->visualItemRect(sidebar->item(MainWindow::AuditLog));
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, item.center());
    QCOMPARE(sidebar->item(MainWindow::AuditLog)->text(), QStringLiteral("Audit log"));
    m_page = static_cast<AuditLogPage *>(m_window->listPage(MainWindow::AuditLog));
    QCOMPARE(child<QStackedWidget>(m_window.get(), "pages")->currentWidget(), m_page);
}

void TestAuditLogPage::cleanup()
{
    if (m_fixed)
        Clock::setFixedInstant(*m_fixed);
    m_window.reset();
    m_languages.reset();
    m_shop.reset();
    m_folder.reset();
}

void TestAuditLogPage::showsEveryChangeNewestFirst()
{
    QCOMPARE(m_page->model()->rowCount(), 3);
    QCOMPARE(cellText(0, AuditLogModel::Time), QStringLiteral("2026-11-26 09:30:00"));
    QCOMPARE(cellText(0, AuditLogModel::User), QStringLiteral("alice"));
    QCOMPARE(cellText(0, AuditLogModel::Kind), QStringLiteral("Settings"));
    QCOMPARE(cellText(0, AuditLogModel::Subject), QStringLiteral("setting commission.levels"));
    QCOMPARE(cellText(0, AuditLogModel::Details), QStringLiteral("change 2 -> 3"));
    QCOMPARE(cellText(1, AuditLogModel::User), QStringLiteral("bob"));
    QCOMPARE(cellText(1, AuditLogModel::Details), QStringLiteral("edit name: 张伟 -> 张伟伟"));
    QCOMPARE(cellText(2, AuditLogModel::Kind), QStringLiteral("Products"));
    QCOMPARE(cellText(2, AuditLogModel::Subject), QStringLiteral("product TEA-01"));
    QCOMPARE(cellText(2, AuditLogModel::Details), QStringLiteral("edit price: 4.00 -> 4.50"));

    // A click on a row shows the change whole beside the list.
    auto *view = child<QTableView>(m_page, "listView");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(2, 0)).center());
    const QString details = child<QLabel>(m_page, "detailsLabel")->text();
    QVERIFY2(details.contains(u"alice") && details.contains(u"price: 4.00 -&gt; 4.50"),
             qPrintable(details));
}

void TestAuditLogPage::kindUserAndDatesNarrowTheList()
{
    auto *kinds = child<QComboBox>(m_page, "kindFilter");
    QCOMPARE(kinds->itemText(0), QStringLiteral("All kinds"));
    kinds->setCurrentIndex(kinds->findText(QStringLiteral("Customers")));
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(cellText(0, AuditLogModel::Subject), QStringLiteral("customer C1"));
    kinds->setCurrentIndex(0);
    QCOMPARE(m_page->model()->rowCount(), 3);

    auto *user = child<QLineEdit>(m_page, "userFilter");
    QTest::keyClicks(user, QStringLiteral("alice"));
    QCOMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(cellText(0, AuditLogModel::User), QStringLiteral("alice"));
    QCOMPARE(cellText(1, AuditLogModel::User), QStringLiteral("alice"));
    user->clear();

    // The 26th of the shop's calendar: bob's change one minute past midnight is on it.
    child<QDateEdit>(m_page, "fromDate")->setDate(QDate(2026, 11, 26));
    child<QDateEdit>(m_page, "toDate")->setDate(QDate(2026, 11, 26));
    QTest::mouseClick(child<QCheckBox>(m_page, "dateFilterCheck"), Qt::LeftButton);
    QCOMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(cellText(1, AuditLogModel::User), QStringLiteral("bob"));
    child<QDateEdit>(m_page, "toDate")->setDate(QDate(2026, 11, 25));
    child<QDateEdit>(m_page, "fromDate")->setDate(QDate(2026, 11, 24));
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(cellText(0, AuditLogModel::Kind), QStringLiteral("Products"));
}

void TestAuditLogPage::exportWritesTheRowsShown()
{
    auto *kinds = child<QComboBox>(m_page, "kindFilter");
    kinds->setCurrentIndex(kinds->findText(QStringLiteral("Customers")));
    const QString file = m_folder->filePath(QStringLiteral("audit.csv"));
    QString message;
    QVERIFY2(m_page->exportTo(file, &message), qPrintable(message));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // csv.md: UTF-8 with a byte order mark
    QCOMPARE(QString::fromUtf8(bytes.mid(3)),
             QStringLiteral("time,user,kind,subject,details\r\n"
                            "2026-11-26 00:01:00,bob,customer,customer C1,edit name: 张伟 -> "
                            "张伟伟\r\n"));

    kinds->setCurrentIndex(0); // everything, newest first as shown
    written.close();
    QVERIFY2(m_page->exportTo(file, &message), qPrintable(message));
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QStringList lines
        = QString::fromUtf8(written.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(1).startsWith(u"2026-11-26 09:30:00,alice,settings,"));
    QVERIFY(lines.at(3).startsWith(u"2026-11-24 10:00:00,alice,product,product TEA-01,"));
}

MICROSHOP_TEST_MAIN(TestAuditLogPage)
#include "tst_auditlogpage.moc"
