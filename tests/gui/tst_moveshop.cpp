// Settings › Database › Move this shop to a server: the dialog's fields make the server's address
// (the password in the copy's address only), a server that cannot be reached is said and
// nothing is remembered; a copy that works says what it copied and that the check passed, and,
// accepted, is what this desktop opens from now on (without the password); a second copy into
// the same place is refused.
#include "DemoGenerator.h"
#include "DesktopShop.h"
#include "ShopServices.h"

#include "LanguageManager.h"
#include "MoveShopDialog.h"
#include "SettingsPage.h"
#include "Widgets.h"

#include "Database.h"
#include "DatabaseCheck.h"
#include "Dates.h"
#include "TestClock.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

// Presses button on the next message box once it is open (the progress dialog may come first);
// *text: what it said.
void answerMessageBox(QMessageBox::StandardButton button, QString *text)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        *text = box->text();
        QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
    timer->start();
}

} // namespace

class TestMoveShop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void anUnreachableServerIsSaidAndNothingRemembered();
    void aCopyIsCheckedAndRememberedWithoutThePassword();

private:
    QTemporaryDir m_folder;
    std::unique_ptr<Shop> m_desktop;
    LanguageManager m_languages;
    std::unique_ptr<SettingsPage> m_page;
};

void TestMoveShop::initTestCase()
{
    // This desktop's remembered database goes to the test's own settings (~/.qttest), cleared.
    QStandardPaths::setTestModeEnabled(true);
    DesktopDatabase::remember(QString());
    QCOMPARE(DesktopDatabase::remembered(), QString());
    m_desktop = openDesktopShop(m_folder.filePath(QStringLiteral("shop.db")));
    DemoGenerator(m_desktop->services, {12, 40, 10, 150}, 7, Dates::now()).run();
    m_languages.setLanguage(QStringLiteral("en"));
    m_page = std::make_unique<SettingsPage>(m_desktop->context, m_languages);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QVERIFY(child<QPushButton>(m_page.get(), "moveToServerButton")->isVisible());
    QVERIFY(!child<QPushButton>(m_page.get(), "copyToFileButton")->isVisible());
}

void TestMoveShop::anUnreachableServerIsSaidAndNothingRemembered()
{
    QString location;
    QString said;
    bool filled = false;
    onDialog([&](QWidget *widget) {
        auto *dialog = qobject_cast<MoveShopDialog *>(widget);
        QVERIFY(dialog);
        auto *copy = child<QPushButton>(dialog, "copyButton");
        QVERIFY(!copy->isEnabled()); // nothing typed yet
        QTest::keyClicks(child<QLineEdit>(dialog, "hostEdit"), QStringLiteral("127.0.0.1"));
        child<QSpinBox>(dialog, "portSpin")->setValue(1); // nothing listens there
        QTest::keyClicks(child<QLineEdit>(dialog, "databaseEdit"), QStringLiteral("shop"));
        QVERIFY(!copy->isEnabled());
        QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("owner"));
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("s@cret"));
        QCOMPARE(child<QLineEdit>(dialog, "passwordEdit")->echoMode(), QLineEdit::Password);
        QVERIFY(copy->isEnabled());
        location = dialog->location();
        QCOMPARE(dialog->locationWithoutPassword(),
                 QStringLiteral("postgresql://owner@127.0.0.1:1/shop"));
        filled = true;
        answerMessageBox(QMessageBox::Ok, &said);
        QTest::mouseClick(copy, Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(m_page.get(), "moveToServerButton"), Qt::LeftButton);
    QVERIFY(filled);
    QCOMPARE(location, QStringLiteral("postgresql://owner:s%40cret@127.0.0.1:1/shop"));
    QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty(), 20000);
    QVERIFY2(said.contains(QStringLiteral("Cannot connect")), qPrintable(said));
    QVERIFY(!said.contains(QStringLiteral("s@cret")));
    QVERIFY(child<QLabel>(m_page.get(), "statusLabel")
                ->text()
                .contains(QStringLiteral("Cannot connect")));
    QCOMPARE(DesktopDatabase::remembered(), QString());
}

void TestMoveShop::aCopyIsCheckedAndRememberedWithoutThePassword()
{
    const QString target = m_folder.filePath(QStringLiteral("moved/shop.db"));
    QString said;
    answerMessageBox(QMessageBox::Yes, &said);
    QVERIFY(m_page->copyShopTo(target, target));
    QVERIFY2(said.contains(QStringLiteral("The copy passed the check")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("150 orders")), qPrintable(said));
    QCOMPARE(DesktopDatabase::remembered(), target);
    QVERIFY(child<QLabel>(m_page.get(), "statusLabel")
                ->text()
                .contains(QStringLiteral("the next time it starts")));
    {
        auto copy = Database::open(DatabaseLocation::sqliteFile(target));
        QCOMPARE(copy->scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), 150);
        QCOMPARE(DatabaseCheck::findings(*copy), QStringList());
    }

    // Again into the same place: refused, said, and the copy there as it was.
    said.clear();
    answerMessageBox(QMessageBox::Ok, &said);
    QVERIFY(!m_page->copyShopTo(target, target));
    QVERIFY2(said.contains(QStringLiteral("it is not empty")), qPrintable(said));
    QCOMPARE(DesktopDatabase::remembered(), target);
}

MICROSHOP_TEST_MAIN(TestMoveShop)
#include "tst_moveshop.moc"
