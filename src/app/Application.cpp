#include "Application.h"

#include "BackupService.h"
#include "Database.h"
#include "ShopDocuments.h"
#include "ShopReports.h"
#include "ShopServices.h"

#include "Dates.h"
#include "Error.h"

#include "LanguageManager.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFutureWatcher>
#include <QIcon>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent>

namespace MicroShop {

namespace {

// The daily copy of the local file, made on a connection of its own off the UI thread.
QString makeDailyBackup(const DatabaseLocation &location)
{
    try {
        auto database = Database::open(location, Database::OpenMode::ExistingCurrent);
        const QString file = BackupService::makeDailyBackup(*database, Dates::today());
        return file.isEmpty()
                   ? QString()
                   : QApplication::translate("Application", "Daily backup saved to %1.").arg(file);
    } catch (const Error &error) {
        return QApplication::translate("Application", "The daily backup failed: %1")
            .arg(error.message());
    }
}

} // namespace

int runDesktopApplication(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MicroShop"));
    QApplication::setApplicationName(QStringLiteral("MicroShop"));
    QApplication::setApplicationDisplayName(QStringLiteral("MicroShop"));
    QApplication::setApplicationVersion(QStringLiteral(MICROSHOP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(MICROSHOP_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/microshop.svg")));

    LanguageManager languages;
    languages.restore();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Application", "MicroShop desktop back office"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(
        QStringLiteral("db"),
        QApplication::translate("Application",
                                "The database: an SQLite file or postgresql://USER@HOST/DB."),
        QStringLiteral("location"));
    parser.addOption(databaseOption);
    parser.process(application);

    std::unique_ptr<Database> database;
    try {
        const DatabaseLocation location = DatabaseLocation::resolve(parser.value(databaseOption));
        database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
    } catch (const Error &error) {
        QMessageBox::critical(
            nullptr, QApplication::translate("Application", "MicroShop"),
            QApplication::translate("Application", "MicroShop cannot open its database.\n\n%1")
                .arg(error.message()));
        return 3;
    }

    ShopServices services(*database);
    ShopReports reports(*database);
    ShopDocuments documents(services);
    ShopContext shop = services.context();
    shop.reports = &reports;
    shop.documents = &documents;
    MainWindow window(shop, languages);
    window.show();

    QFutureWatcher<QString> dailyBackup;
    if (database->isSqlite() && qEnvironmentVariable("MICROSHOP_NO_DAILY_BACKUP").isEmpty()) {
        QObject::connect(&dailyBackup, &QFutureWatcher<QString>::finished, &window, [&] {
            if (!dailyBackup.result().isEmpty())
                window.statusBar()->showMessage(dailyBackup.result(), 10000);
        });
        dailyBackup.setFuture(QtConcurrent::run(makeDailyBackup, database->location()));
    }
    const int status = QApplication::exec();
    dailyBackup.waitForFinished();
    return status;
}

} // namespace MicroShop
