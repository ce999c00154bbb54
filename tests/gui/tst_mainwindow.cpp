// The main window as a person uses it, offscreen: sidebar clicks, live language switch, settings
// typed and applied (or refused), the About box, and the page remembered between runs.
#include "DesktopShop.h"
#include "Migrations.h"
#include "ShopServices.h"

#include "DeferredIconStyle.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "SettingsPage.h"

#include "TestClock.h"
#include "Widgets.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

// Chinese is typed through an input method, which commits whole words to the widget.
void typeWithInputMethod(QWidget *widget, const QString &text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

void clickSidebar(QListWidget *sidebar, int row)
{
    const QRect rect = sidebar->visualItemRect(sidebar->item(row));
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sidebarClicksAndShortcutsSwitchPages();
    void languageSwitchesLive();
    void typedSettingsAreApplied();
    void badSettingsAreRefusedAndNothingChanges();
    void aboutNamesVersionAndDatabase();
    void deferredIconsDrawWhatTheStyleDraws();
    void remembersTheLastPage();
    void aQuitThatChangesNothingWritesNoSettings();
    void restoringTheLanguageWritesNoSettings();

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Shop> m_shop;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_shop = openDesktopShop(m_folder->filePath(QStringLiteral("shop.db")));
    m_languages = std::make_unique<LanguageManager>();
    m_languages->setLanguage(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(m_shop->context, *m_languages);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_languages.reset();
    m_shop.reset();
    m_folder.reset();
}

void TestMainWindow::sidebarClicksAndShortcutsSwitchPages()
{
    auto *sidebar = child<QListWidget>(m_window.get(), "sidebar");
    auto *pages = child<QStackedWidget>(m_window.get(), "pages");
    QCOMPARE(sidebar->count(), int(MainWindow::PageCount));
    const QStringList titles = {
        QStringLiteral("Dashboard"), QStringLiteral("Orders"),       QStringLiteral("Products"),
        QStringLiteral("Customers"), QStringLiteral("Distributors"), QStringLiteral("Commissions"),
        QStringLiteral("Reports"),   QStringLiteral("Settings"),     QStringLiteral("Audit log")};
    for (int row = 0; row < sidebar->count(); ++row) {
        QCOMPARE(sidebar->item(row)->text(), titles.at(row));
        clickSidebar(sidebar, row);
        QCOMPARE(pages->currentIndex(), row);
        QCOMPARE(m_window->currentPage(), MainWindow::Page(row));
    }
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), MainWindow::Orders);
    QTest::keyClick(m_window.get(), Qt::Key_8, Qt::ControlModifier);
    QCOMPARE(pages->currentWidget(), m_window->settingsPage());
}

void TestMainWindow::languageSwitchesLive()
{
    auto *sidebar = child<QListWidget>(m_window.get(), "sidebar");
    clickSidebar(sidebar, MainWindow::Settings);
    auto *combo = child<QComboBox>(m_window.get(), "languageCombo");
    QCOMPARE(combo->currentData().toString(), QStringLiteral("en"));

    // The list is: follow the system, 中文, English. One key up picks Chinese.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(m_languages->language(), QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
    QCOMPARE(sidebar->item(MainWindow::Orders)->text(), QStringLiteral("订单"));
    QCOMPARE(sidebar->item(MainWindow::Distributors)->text(), QStringLiteral("分销员"));
    QCOMPARE(child<QLabel>(m_window->settingsPage(), "titleLabel")->text(), QStringLiteral("设置"));
    QCOMPARE(child<QPushButton>(m_window.get(), "applyButton")->text(), QStringLiteral("应用(&A)"));
    QVERIFY(
        child<QLabel>(m_window.get(), "complianceLabel")->text().contains(QStringLiteral("传销")));
    QCOMPARE(m_window->menuBar()->actions().constFirst()->text(), QStringLiteral("文件(&F)"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("zh_CN"));

    // And back: one key down is English again.
    QTest::keyClick(combo, Qt::Key_Down);
    QCoreApplication::processEvents();
    QCOMPARE(sidebar->item(MainWindow::Orders)->text(), QStringLiteral("Orders"));
    QCOMPARE(m_languages->language(), QStringLiteral("en"));
}

void TestMainWindow::typedSettingsAreApplied()
{
    clickSidebar(child<QListWidget>(m_window.get(), "sidebar"), MainWindow::Settings);
    auto *apply = child<QPushButton>(m_window.get(), "applyButton");
    QVERIFY(!apply->isEnabled()); // nothing to apply yet

    auto *name = child<QLineEdit>(m_window.get(), "shopNameEdit");
    QTest::mouseClick(name, Qt::LeftButton);
    typeWithInputMethod(name, QStringLiteral("小美的店"));
    auto *levels = child<QSpinBox>(m_window.get(), "levelsSpin");
    auto *rate3 = child<QLineEdit>(m_window.get(), "rate3Edit");
    QVERIFY(!rate3->isEnabled()); // two levels: no third rate
    levels->setFocus();
    QTest::keyClick(levels, Qt::Key_Up);
    QCOMPARE(levels->value(), 3);
    QVERIFY(rate3->isEnabled());
    auto *rate1 = child<QLineEdit>(m_window.get(), "rate1Edit");
    rate1->selectAll();
    QTest::keyClicks(rate1, QStringLiteral("7.50"));
    QTest::mouseClick(child<QCheckBox>(m_window.get(), "allowNegativeCheck"), Qt::LeftButton, {},
                      QPoint(5, 5));
    // The sender of shipping labels: its name left empty (the shop's).
    QCOMPARE(child<QLineEdit>(m_window.get(), "senderNameEdit")->placeholderText(),
             QStringLiteral("Empty: the shop's name"));
    auto *phone = child<QLineEdit>(m_window.get(), "senderPhoneEdit");
    QTest::mouseClick(phone, Qt::LeftButton);
    QTest::keyClicks(phone, QStringLiteral("0571-8888 6666"));
    auto *address = child<QLineEdit>(m_window.get(), "senderAddressEdit");
    QTest::mouseClick(address, Qt::LeftButton);
    typeWithInputMethod(address, QStringLiteral("浙江省杭州市西湖区梅家坞路18号"));
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);

    QCOMPARE(m_shop->services.settings.shopName(), QStringLiteral("小美的店"));
    QCOMPARE(m_shop->services.settings.commissionLevels(), 3);
    QCOMPARE(m_shop->services.settings.commissionRate(1).basisPoints(), 750);
    QCOMPARE(m_shop->services.settings.allowNegativeStock(), true);
    QCOMPARE(m_shop->services.settings.senderName(), QStringLiteral("小美的店"));
    QCOMPARE(m_shop->services.settings.senderPhone(), QStringLiteral("0571-8888 6666"));
    QCOMPARE(m_shop->services.settings.senderAddress(),
             QStringLiteral("浙江省杭州市西湖区梅家坞路18号"));
    QCOMPARE(rate1->text(), QStringLiteral("7.5")); // shown as stored
    QCOMPARE(child<QLabel>(m_window.get(), "statusLabel")->text(),
             QStringLiteral("Settings saved."));
    QVERIFY(!apply->isEnabled());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("小美的店 - MicroShop"));
    // Each change is in the audit log.
    QCOMPARE(m_shop->database->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 6);
}

void TestMainWindow::badSettingsAreRefusedAndNothingChanges()
{
    clickSidebar(child<QListWidget>(m_window.get(), "sidebar"), MainWindow::Settings);
    auto *levels = child<QSpinBox>(m_window.get(), "levelsSpin");
    levels->setFocus();
    levels->selectAll();
    QTest::keyClicks(levels, QStringLiteral("4"));
    QVERIFY(levels->value() <= 3); // four levels cannot even be typed

    auto *rate2 = child<QLineEdit>(m_window.get(), "rate2Edit");
    rate2->selectAll();
    QTest::keyClicks(rate2, QStringLiteral("5.125"));
    auto *hold = child<QSpinBox>(m_window.get(), "holdDaysSpin");
    hold->setValue(30);
    QTest::mouseClick(child<QPushButton>(m_window.get(), "applyButton"), Qt::LeftButton);

    const QString status = child<QLabel>(m_window.get(), "statusLabel")->text();
    QVERIFY2(status.contains(QStringLiteral("two decimals")), qPrintable(status));
    QCOMPARE(m_shop->services.settings.commissionRate(2).basisPoints(), 500);
    QCOMPARE(m_shop->services.settings.holdDays(),
             7); // the valid edit beside it was not stored either
    QCOMPARE(m_shop->database->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);

    QTest::mouseClick(child<QPushButton>(m_window.get(), "revertButton"), Qt::LeftButton);
    QCOMPARE(rate2->text(), QStringLiteral("5"));
    QCOMPARE(hold->value(), 7);
}

// The app's style (Application.cpp) reads a bar's overflow icon and a search box's clear icon when
// they are first drawn: they must then be the platform style's own, at every size asked.
void TestMainWindow::deferredIconsDrawWhatTheStyleDraws()
{
    DeferredIconStyle style;
    const QStyle *base = style.baseStyle();
    QVERIFY(base != nullptr);
    for (const QStyle::StandardPixmap which :
         {QStyle::SP_ToolBarHorizontalExtensionButton, QStyle::SP_ToolBarVerticalExtensionButton,
          QStyle::SP_LineEditClearButton}) {
        const QIcon deferred = style.standardIcon(which);
        const QIcon own = base->standardIcon(which);
        QVERIFY(!own.isNull());
        QVERIFY(!deferred.isNull());
        for (const int side : {12, 16, 32}) {
            const QImage drawn = deferred.pixmap(side).toImage();
            QVERIFY2(!drawn.isNull(), qPrintable(QString::number(which)));
            QCOMPARE(drawn, own.pixmap(side).toImage());
            QCOMPARE(deferred.actualSize(QSize(side, side)), own.actualSize(QSize(side, side)));
        }
    }
    // Other icons are the base style's, unchanged.
    QCOMPARE(style.standardIcon(QStyle::SP_DialogOkButton).pixmap(16).toImage(),
             base->standardIcon(QStyle::SP_DialogOkButton).pixmap(16).toImage());
}

void TestMainWindow::aboutNamesVersionAndDatabase()
{
    QString shown;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box) {
            shown = box->text();
            box->accept();
        }
    });
    m_window->showAbout();
    QVERIFY2(shown.contains(QStringLiteral("MicroShop " MICROSHOP_VERSION)), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("shop.db")));
    QVERIFY(shown.contains(QStringLiteral("Schema version: %1").arg(Migrations::latestVersion())));
}

void TestMainWindow::remembersTheLastPage()
{
    clickSidebar(child<QListWidget>(m_window.get(), "sidebar"), MainWindow::Customers);
    m_window->resize(1280, 760);
    QVERIFY(m_window->close());
    m_window = std::make_unique<MainWindow>(m_shop->context, *m_languages);
    QCOMPARE(m_window->currentPage(), MainWindow::Customers);
    QCOMPARE(m_window->size(), QSize(1280, 760));
}

void TestMainWindow::aQuitThatChangesNothingWritesNoSettings()
{
    QVERIFY(m_window->close()); // the window's state as it is now
    const QString file = QSettings().fileName();
    QVERIFY2(QFile::exists(file), qPrintable(file));
    // Long before any run: the file system stamps real time, whatever clock the test is under
    // (tests/run_at.sh fakes the process's).
    const QDateTime old(QDate(2001, 1, 1), QTime(0, 0), Qt::UTC);
    {
        QFile settings(file);
        QVERIFY(settings.open(QIODevice::ReadWrite));
        QVERIFY(settings.setFileTime(old, QFileDevice::FileModificationTime));
    }
    m_window = std::make_unique<MainWindow>(m_shop->context, *m_languages);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->close());
    QCOMPARE(QFileInfo(file).lastModified().toUTC().toSecsSinceEpoch(), old.toSecsSinceEpoch());
    // Another page is written.
    m_window = std::make_unique<MainWindow>(m_shop->context, *m_languages);
    m_window->show();
    clickSidebar(child<QListWidget>(m_window.get(), "sidebar"), MainWindow::Products);
    QVERIFY(m_window->close());
    QVERIFY(QFileInfo(file).lastModified().toUTC().toSecsSinceEpoch() > old.toSecsSinceEpoch());
    m_window = std::make_unique<MainWindow>(m_shop->context, *m_languages);
    QCOMPARE(m_window->currentPage(), MainWindow::Products);
}

void TestMainWindow::restoringTheLanguageWritesNoSettings()
{
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), u"en"); // init()
    qputenv("MICROSHOP_LANGUAGE", "zh_CN");
    {
        LanguageManager forced;
        forced.restore();
        QCOMPARE(forced.effectiveLanguage(), u"zh_CN");
        QCoreApplication::processEvents();
        QCOMPARE(child<QListWidget>(m_window.get(), "sidebar")->item(MainWindow::Orders)->text(),
                 QStringLiteral("订单"));
    }
    qunsetenv("MICROSHOP_LANGUAGE");
    // The override was not remembered: the next start without it is in English again.
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), u"en");
    LanguageManager next;
    next.restore();
    QCOMPARE(next.language(), u"en");
    m_languages->setLanguage(QStringLiteral("en"));
}

int main(int argc, char *argv[])
{
    // Window state goes to a private folder, never the tester's own settings.
    QTemporaryDir configuration;
    qputenv("XDG_CONFIG_HOME", configuration.path().toUtf8());
    qputenv("QT_QPA_PLATFORM", "offscreen");
    MicroShop::Testing::fixClock();
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MicroShopTest"));
    QApplication::setApplicationName(QStringLiteral("MicroShopTest"));
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
