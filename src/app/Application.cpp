#include "Application.h"

#include "BackupService.h"
#include "Database.h"
#include "ServerWatch.h"
#include "Shop.h"
#include "ShopLists.h"
#include "ShopServices.h"

#include "Clock.h"
#include "Dates.h"
#include "Error.h"

#include "DeferredIconStyle.h"
#include "LanguageManager.h"
#include "ListPage.h"
#include "MainWindow.h"
#include "MoveShopDialog.h"
#include "PagedTableModel.h"
#include "ReportChart.h"
#include "SignInDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFutureWatcher>
#include <QIcon>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <QtConcurrent>

#include <utility>

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

// The Orders list with its first count (no search, no filters) taken ahead, on a connection of
// its own while the window is being built: at a million orders that count, a walk of a whole
// index, is the start's longest query, and the window needs no database while it builds menus
// and pages. Anything else goes to the list as it is.
class CountedAhead final : public ListSource
{
public:
    CountedAhead(std::unique_ptr<ListSource> source, QFuture<qint64> count)
        : m_source(std::move(source))
        , m_ahead(std::move(count))
    {}

    int columnCount() const override { return m_source->columnCount(); }

    using ListSource::count;
    qint64 count(const ListQuery &query, qint64 searchLimit) const override
    {
        if (m_ahead.isValid() && query.search.isEmpty() && query.filters.isEmpty()) {
            const qint64 counted = std::exchange(m_ahead, {}).result(); // once: rows change
            if (counted >= 0)
                return counted;
        }
        return m_source->count(query, searchLimit);
    }

    QList<QVariantList> fetch(const ListQuery &query, qint64 offset, int limit,
                              qint64 total) const override
    {
        return m_source->fetch(query, offset, limit, total);
    }

    void readKeys(const ListQuery &query, qint64 offset, qint64 limit,
                  const std::function<bool(qint64 key)> &key) const override
    {
        m_source->readKeys(query, offset, limit, key);
    }

private:
    std::unique_ptr<ListSource> m_source;
    mutable QFuture<qint64> m_ahead;
};

// As much of the file as the count may map (SQLite maps at most 2 GB as Debian builds it).
constexpr qint64 countMappedBytes = qint64(2) * 1024 * 1024 * 1024;

// The count of every order, on a connection of its own (-1 when it cannot be taken: the list
// then counts for itself).
qint64 countOrders(const DatabaseLocation &location)
{
    try {
        auto database = Database::open(location, Database::OpenMode::ExistingCurrent);
        // Read through memory mapped from the file instead of a copy a page (SQLite's pread):
        // half the time of the count for this one short-lived reading connection.
        database->exec(QStringLiteral("PRAGMA mmap_size = %1").arg(countMappedBytes));
        return ShopLists::orders(*database)->count(ListQuery());
    } catch (const Error &) {
        return -1;
    }
}

// Prints what bench/ measures once the Orders page shows its first rows (or, scrolled to its
// end, its last ones), then quits. "charts": where the charts module was loaded from, for
// tests/packaging_test.sh (the packaged program must find the packaged module).
void reportForBenchmark(MainWindow &window, const QString &what)
{
    if (what == u"charts") {
        const QString file = ReportChart::moduleFile();
        QTextStream(stdout) << "charts "
                            << (file.isEmpty()
                                    ? QStringLiteral("unavailable: ") + ReportChart::why()
                                    : file)
                            << Qt::endl;
        QCoreApplication::quit();
        return;
    }
    ListPage *orders = window.listPage(MainWindow::Orders);
    PagedTableModel *model = orders->model();
    if (what == u"orders-scrolled") {
        model->listWhole(); // every order, as scrolling to the end again and again lists them
        orders->view()->scrollToBottom();
        QCoreApplication::processEvents();
    }
    const int row = what == u"orders-scrolled" ? model->rowCount() - 1 : 0;
    const QString first = model->index(qMax(0, row), 0).data().toString();
    orders->view()->viewport()->repaint();
    QFile status(QStringLiteral("/proc/self/status"));
    QByteArray peak;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                peak = line.mid(6).simplified();
        }
    }
    // The rows the page counts (every order), of which it lists the first.
    QTextStream(stdout) << "rows " << model->count() << " shown " << first << " peak " << peak
                        << Qt::endl;
    QCoreApplication::quit();
}

// Qt's event loop cannot carry an exception: a database that fails under an event (a server lost
// while a page reloads) is said in the window's status bar instead of ending the program.
class DesktopApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        try {
            return QApplication::notify(receiver, event);
        } catch (const Error &error) {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (auto *window = qobject_cast<MainWindow *>(widget))
                    window->statusBar()->showMessage(error.message(), 10000);
            }
            return false;
        }
    }
};

} // namespace

int runDesktopApplication(int argc, char *argv[])
{
    DesktopApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MicroShop"));
    QApplication::setApplicationName(QStringLiteral("MicroShop"));
    QApplication::setApplicationDisplayName(QStringLiteral("MicroShop"));
    QApplication::setApplicationVersion(QStringLiteral(MICROSHOP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(MICROSHOP_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/microshop.svg")));
    QApplication::setStyle(new DeferredIconStyle); // the platform's style (or -style's)

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
    const QString clockError = Clock::useEnvironment();
    if (!clockError.isEmpty()) {
        QMessageBox::critical(nullptr, QApplication::translate("Application", "MicroShop"),
                              clockError);
        return 2;
    }

    std::unique_ptr<Database> database;
    QString signInNote;
    QFuture<qint64> ordersCount; // CountedAhead
    try {
        // --db, else $MICROSHOP_DB, else the database chosen in Settings (a shop moved to a
        // server), else the default file.
        QString chosen = parser.value(databaseOption);
        if (chosen.isEmpty() && qEnvironmentVariableIsEmpty("MICROSHOP_DB"))
            chosen = DesktopDatabase::remembered();
        const DatabaseLocation location = DatabaseLocation::resolve(chosen);
        if (location.isSqlite()) {
            database = Database::open(location, Database::OpenMode::CreateOrUpgrade);
            // Once the file is created or upgraded. A server's connection is not opened twice.
            // Not earlier either: begun as soon as the application existed, making its first SQL
            // connection while this thread made its own, one start in a bench run hung at its end
            // in Qt SQL's cleanup (docs/decisions.md, "The start and its yardstick").
            ordersCount = QtConcurrent::run(countOrders, database->location());
        } else {
            // Team mode: each person signs in (team.md); Cancel closes the program.
            const auto attempt = [&](const QString &user, const QString &password) {
                try {
                    database = Database::open(location.signedInAs(user, password),
                                              Database::OpenMode::CreateOrUpgrade);
                    return QString();
                } catch (const Error &error) {
                    return error.message();
                }
            };
            const QString server = QStringLiteral("%1:%2/%3")
                                       .arg(location.host())
                                       .arg(location.port())
                                       .arg(location.databaseName());
            if (!SignInDialog::signIn(server, location.user(), location.password(), attempt,
                                      &signInNote))
                return 0;
        }
    } catch (const Error &error) {
        QMessageBox::critical(
            nullptr, QApplication::translate("Application", "MicroShop"),
            QApplication::translate("Application", "MicroShop cannot open its database.\n\n%1")
                .arg(error.message()));
        return 3;
    }

    Shop shop(std::move(database));
    // The count taken ahead serves the Orders page built as the window opens (below), no later one.
    if (ordersCount.isValid()) {
        shop.context.lists = [lists = shop.context.lists, &ordersCount](ListKind kind) {
            std::unique_ptr<ListSource> source = lists(kind);
            if (kind != ListKind::Orders || !ordersCount.isValid())
                return source;
            return std::unique_ptr<ListSource>(
                std::make_unique<CountedAhead>(std::move(source), std::exchange(ordersCount, {})));
        };
    }
    // "Now" and "today" from here on are the shop's, whatever zone this computer is set to.
    shop.services.settings.applyTimeZone();
    MainWindow window(shop.context, languages);
    // A team server: follow the other desktops and the connection (nothing to hear on SQLite).
    std::unique_ptr<ServerWatch> watch;
    if (!shop.database->isSqlite()) {
        watch = std::make_unique<ServerWatch>(*shop.database);
        window.followChanges(watch.get());
    }
    // bench/ measures the start and the memory: MICROSHOP_BENCH=orders-shown|orders-scrolled
    // (or charts: reportForBenchmark).
    const QString bench = qEnvironmentVariable("MICROSHOP_BENCH");
    if (!bench.isEmpty())
        window.showPage(MainWindow::Orders);
    window.show(); // builds the page it opens on
    ordersCount = {};
    if (!signInNote.isEmpty())
        window.statusBar()->showMessage(signInNote, 15000);
    if (!bench.isEmpty())
        QTimer::singleShot(0, &window, [&window, bench] { reportForBenchmark(window, bench); });

    QFutureWatcher<QString> dailyBackup;
    if (shop.database->isSqlite() && qEnvironmentVariable("MICROSHOP_NO_DAILY_BACKUP").isEmpty()) {
        QObject::connect(&dailyBackup, &QFutureWatcher<QString>::finished, &window, [&] {
            if (!dailyBackup.result().isEmpty())
                window.statusBar()->showMessage(dailyBackup.result(), 10000);
        });
        dailyBackup.setFuture(QtConcurrent::run(makeDailyBackup, shop.database->location()));
    }
    const int status = QApplication::exec();
    dailyBackup.waitForFinished();
    return status;
}

} // namespace MicroShop
