// Signing in to a shop on a PostgreSQL server (team.md): a wrong password is said in the dialog
// and nothing opens; the right one opens the shop as that person; a location that carries its
// password signs in without asking. Runs against the postgres fixture's server, with sign-ins
// that open the database as the desktop app does.
#include "Database.h"
#include "Migrations.h"
#include "SignInDialog.h"
#include "TestClock.h"
#include "TestDatabases.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestSignInDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aWrongPasswordIsSaidAndTheRightOneSignsIn();
    void aLocationWithItsPasswordSignsInWithoutAsking();

private:
    SignInDialog::Attempt opener()
    {
        return [this](const QString &user, const QString &password) {
            try {
                m_opened = Database::open(m_location.signedInAs(user, password),
                                          Database::OpenMode::CreateOrUpgrade);
                return QString();
            } catch (const Error &error) {
                return error.message();
            }
        };
    }

    TestDatabases m_databases;
    DatabaseLocation m_location;
    std::unique_ptr<Database> m_opened;
};

void TestSignInDialog::initTestCase()
{
    QVERIFY2(m_databases.isPostgres(), "run with MICROSHOP_TEST_BACKEND=postgresql");
    QString error;
    m_location = m_databases.fresh(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestSignInDialog::aWrongPasswordIsSaidAndTheRightOneSignsIn()
{
    SignInDialog dialog(QStringLiteral("127.0.0.1/shop"), m_location.user(), QString(), opener());
    auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QVERIFY(user && password);
    QCOMPARE(user->text(), m_location.user());
    QCOMPARE(password->echoMode(), QLineEdit::Password);

    password->setText(QStringLiteral("not-the-password"));
    QVERIFY(!dialog.apply());
    QVERIFY(!m_opened);
    bool said = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        said = said
               || (label->isVisibleTo(&dialog)
                   && label->text().contains(QStringLiteral("password authentication failed")));
    QVERIFY2(said, "the server's refusal is shown in the dialog");

    user->clear();
    QVERIFY(!dialog.apply()); // no user name: asked for, nothing tried
    QVERIFY(!m_opened);

    user->setText(m_location.user());
    password->setText(m_location.password());
    QVERIFY(dialog.apply());
    QVERIFY(m_opened);
    QCOMPARE(m_opened->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(m_opened->scalar(QStringLiteral("SELECT session_user")).toString(), m_location.user());
    m_opened.reset();
}

void TestSignInDialog::aLocationWithItsPasswordSignsInWithoutAsking()
{
    QString note;
    QVERIFY(SignInDialog::signIn(QStringLiteral("127.0.0.1/shop"), m_location.user(),
                                 m_location.password(), opener(), &note));
    QVERIFY(m_opened);
    QVERIFY(!m_opened->isSqlite());
    QVERIFY(note.isEmpty());
}

MICROSHOP_TEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
