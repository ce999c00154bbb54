// microshop-screenshots FOLDER [LANGUAGE]: a demo shop in a temporary folder, shown in the main
// window as a merchant sees it, every page and every report saved as a PNG (and a report as PDF)
// into FOLDER: for people to look at the app, not a test. The clock is MICROSHOP_NOW's if set
// (MICROSHOP_NOW=2026-11-30T10:00:00+08:00 makes the same pictures every time), else now.

#include "DashboardPage.h"
#include "DemoGenerator.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ReportCatalog.h"
#include "ReportsPage.h"
#include "Shop.h"

#include "Clock.h"
#include "Dates.h"
#include "ShopSettings.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

using namespace MicroShop;

namespace {

// Lets the window draw (and background work finish) before it is grabbed.
void settle(int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    // Its own settings, not the merchant's window layout and language.
    QApplication::setOrganizationName(QStringLiteral("MicroShop"));
    QApplication::setApplicationName(QStringLiteral("MicroShop-screenshots"));
    QTextStream err(stderr);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() < 2 || arguments.size() > 3) {
        err << "usage: microshop-screenshots FOLDER [zh_CN|en]\n";
        return 2;
    }
    const QString clockError = Clock::useEnvironment();
    if (!clockError.isEmpty()) {
        err << clockError << "\n";
        return 2;
    }
    const QDir folder(arguments.at(1));
    if (!QDir().mkpath(folder.path())) {
        err << "Cannot make the folder " << folder.path() << "\n";
        return 1;
    }
    QTemporaryDir scratch;
    Shop shop(
        Database::open(DatabaseLocation::sqliteFile(scratch.filePath(QStringLiteral("demo.db"))),
                       Database::OpenMode::CreateOrUpgrade));
    shop.services.settings.applyTimeZone();
    shop.services.settings.setValue(ShopSettings::shopNameKey, QStringLiteral("小美的店"));
    DemoGenerator(shop.services, {30, 120, 25, 500}, 7, Dates::now()).run();

    LanguageManager languages;
    languages.setLanguage(arguments.value(2, QStringLiteral("zh_CN")));
    MainWindow window(shop.context, languages);
    window.resize(1300, 820);
    window.show();
    QStringList written;
    const auto save = [&](const QString &name) {
        settle(300);
        const QString file = folder.filePath(name);
        if (window.grab().save(file))
            written.append(file);
    };
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.showPage(MainWindow::Page(page));
        save(QStringLiteral("page-%1.png").arg(page));
    }
    window.showPage(MainWindow::Reports);
    ReportsPage *reports = window.reportsPage();
    for (int report = 0; report < ReportCatalog::reports().size(); ++report) {
        reports->showReport(report);
        save(QStringLiteral("report-%1.png").arg(report));
    }
    const QString pdf = folder.filePath(QStringLiteral("report.pdf"));
    if (reports->savePdf(pdf))
        written.append(pdf);
    QTextStream(stdout) << written.join(u'\n') << "\n";
    return 0;
}
