// Long work off the UI thread: an import of 20,000 products and an export of every order line run
// behind a progress dialog while the window keeps handling events; Cancel leaves the database as
// it was (and no file); run to the end, they do what the command line does.
#include "DesktopShop.h"
#include "ScaleDemoGenerator.h"
#include "ShopServices.h"

#include "BackgroundTask.h"
#include "CsvImportDialog.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "SettingsPage.h"
#include "Widgets.h"

#include "CatalogService.h"
#include "CommissionLedger.h"
#include "Database.h"
#include "Dates.h"
#include "ExportSource.h"
#include "ShopContext.h"
#include "ShopExporter.h"
#include "TestClock.h"
#include "XlsxReader.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

// Presses Cancel on the progress dialog as soon as it shows.
void cancelWhenShown(bool *pressed)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, pressed] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QProgressDialog *>(widget);
            if (dialog && dialog->isVisible() && dialog->objectName() == u"backgroundProgress") {
                QTest::mouseClick(dialog->findChild<QPushButton *>(), Qt::LeftButton);
                *pressed = true;
                timer->stop();
                timer->deleteLater();
                return;
            }
        }
    });
    timer->start();
}

} // namespace

class TestLongWork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cancelledImportChangesNothing();
    void importRunsWhileTheWindowPaints();
    void cancelledExportLeavesNoFile_data();
    void cancelledExportLeavesNoFile();
    void exportWritesWhatTheCommandLineWrites();
    void cancelledSettlementMakesNoPayout();
    void backupAndRestoreRunWhileTheWindowPaints();
    void workWithoutCancelCannotBeWalkedAwayFrom();

private:
    qint64 count(const char *sql) const;

    QTemporaryDir m_folder;
    std::unique_ptr<Shop> m_desktop;
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;
    QString m_products; // a CSV file of 20,000 new products
};

qint64 TestLongWork::count(const char *sql) const
{
    return m_desktop->database->scalar(QString::fromLatin1(sql)).toLongLong();
}

void TestLongWork::initTestCase()
{
    m_desktop = openDesktopShop(m_folder.filePath(QStringLiteral("shop.db")));
    ScaleDemoGenerator(m_desktop->services, {50, 2000, 500, 40000}, 5, Dates::now()).run();
    m_languages.setLanguage(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(m_desktop->context, m_languages);
    m_window->showPage(MainWindow::Orders);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    m_products = m_folder.filePath(QStringLiteral("products.csv"));
    QFile file(m_products);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("sku,name,price,stock\n");
    for (int i = 0; i < 20000; ++i)
        file.write(QStringLiteral("NEW-%1,新品 %1,%2.50,%3\n")
                       .arg(i)
                       .arg(10 + i % 90)
                       .arg(i % 7)
                       .toUtf8());
}

void TestLongWork::cancelledImportChangesNothing()
{
    const qint64 products = count("SELECT count(*) FROM products");
    const qint64 movements = count("SELECT count(*) FROM stock_movements");
    CsvImportDialog dialog(m_desktop->context, ShopImporter::Kind::Products, m_window.get());
    dialog.openFile(m_products);
    bool pressed = false;
    cancelWhenShown(&pressed);
    QVERIFY(!dialog.importNow());
    QVERIFY(pressed);
    QVERIFY2(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))
                 ->text()
                 .contains(QStringLiteral("cancelled")),
             "the dialog says the import was cancelled");
    QCOMPARE(count("SELECT count(*) FROM products"), products);
    QCOMPARE(count("SELECT count(*) FROM stock_movements"), movements);
}

void TestLongWork::importRunsWhileTheWindowPaints()
{
    const qint64 products = count("SELECT count(*) FROM products");
    int ticks = 0; // the UI thread's event loop, counted while the import runs
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start();
    CsvImportDialog dialog(m_desktop->context, ShopImporter::Kind::Products, m_window.get());
    dialog.openFile(m_products);
    QVERIFY(dialog.importNow());
    ticker.stop();
    QCOMPARE(dialog.report().created, 20000);
    QCOMPARE(count("SELECT count(*) FROM products"), products + 20000);
    QVERIFY2(ticks > 5, qPrintable(QString::number(ticks)));
}

void TestLongWork::cancelledExportLeavesNoFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("CSV") << QStringLiteral("cancelled.csv");
    QTest::newRow("Excel workbook") << QStringLiteral("cancelled.xlsx");
}

void TestLongWork::cancelledExportLeavesNoFile()
{
    QFETCH(QString, name);
    const QString file = m_folder.filePath(name);
    bool pressed = false;
    cancelWhenShown(&pressed);
    // Slowed down enough for the dialog to show: every thousand rows waits a little.
    QString message;
    const auto outcome = BackgroundTask::run(
        m_window.get(), m_desktop->context, QStringLiteral("export"),
        [file](ShopContext &shop, const ProgressCallback &progress) {
            ShopExporter exporter(shop.exports);
            exporter.setProgress([&progress](qint64 done, qint64 total) {
                QThread::msleep(20);
                return progress(done, total);
            });
            exporter.exportToFile(ExportKind::Orders, file);
        },
        &message);
    QVERIFY(pressed);
    QCOMPARE(outcome, BackgroundTask::Outcome::Cancelled);
    QVERIFY(!QFile::exists(file));
    QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));
}

void TestLongWork::exportWritesWhatTheCommandLineWrites()
{
    const QString file = m_folder.filePath(QStringLiteral("orders.csv"));
    QVERIFY(m_window->exportCsvTo(int(ExportKind::Orders), file));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    qint64 lines = 0;
    while (!written.atEnd()) {
        written.readLine();
        ++lines;
    }
    QCOMPARE(lines - 1, count("SELECT count(*) FROM order_lines"));

    // The same rows as an Excel workbook.
    const QString workbook = m_folder.filePath(QStringLiteral("orders.xlsx"));
    QVERIFY(m_window->exportCsvTo(int(ExportKind::Orders), workbook));
    const XlsxReader reader = XlsxReader::fromFile(workbook);
    QVERIFY(reader.issues().isEmpty());
    QCOMPARE(reader.header(), ExportSource::columns(ExportKind::Orders));
    QCOMPARE(qint64(reader.records().size()), count("SELECT count(*) FROM order_lines"));
}

void TestLongWork::cancelledSettlementMakesNoPayout()
{
    const qint64 available = count("SELECT count(DISTINCT distributor_id) FROM commission_entries "
                                   "WHERE payout_id IS NULL AND available_on IS NOT NULL");
    QVERIFY2(available > 300, qPrintable(QString::number(available)));
    bool pressed = false;
    cancelWhenShown(&pressed);
    const auto outcome = BackgroundTask::run(
        m_window.get(), m_desktop->context, QStringLiteral("settle"),
        [](ShopContext &shop, const ProgressCallback &progress) {
            // Slowed down enough for the dialog to show: every hundred payouts waits a little.
            shop.ledger.settle(Dates::today(), 0, [&progress](qint64 done, qint64 total) {
                QThread::msleep(200);
                return progress(done, total);
            });
        });
    QVERIFY(pressed);
    QCOMPARE(outcome, BackgroundTask::Outcome::Cancelled);
    QCOMPARE(count("SELECT count(*) FROM payouts"), 0);
    QCOMPARE(count("SELECT count(*) FROM commission_entries WHERE payout_id IS NOT NULL"), 0);
}

void TestLongWork::backupAndRestoreRunWhileTheWindowPaints()
{
    SettingsPage *page = m_window->settingsPage();
    int ticks = 0; // the UI thread's event loop, counted while the work runs
    QTimer ticker;
    ticker.setInterval(1);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    const QString backup = m_folder.filePath(QStringLiteral("backup.db"));
    const qint64 orders = count("SELECT count(*) FROM orders");
    const qint64 products = count("SELECT count(*) FROM products");
    ticker.start();
    QVERIFY(page->backUpTo(backup));
    ticker.stop();
    QVERIFY2(ticks > 0, qPrintable(QString::number(ticks))); // none if it blocked
    QCOMPARE(child<QLabel>(page, "statusLabel")->text(),
             QStringLiteral("Backed up to %1.").arg(QDir::toNativeSeparators(backup)));
    {
        auto copy = Database::open(DatabaseLocation::sqliteFile(backup));
        QCOMPARE(copy->scalar(QStringLiteral("SELECT count(*) FROM orders")).toLongLong(), orders);
    }

    // Something added after the backup is gone once it is restored.
    Product added;
    added.sku = QStringLiteral("AFTER-BACKUP");
    added.name = QStringLiteral("备份后的商品");
    added.price = Money::fromMinorUnits(990);
    m_desktop->services.catalog.create(added, Dates::now());
    QCOMPARE(count("SELECT count(*) FROM products"), products + 1);
    ticks = 0;
    ticker.start();
    QVERIFY(page->restoreNow(backup, QStringLiteral("backup.db")));
    ticker.stop();
    QVERIFY2(ticks > 0, qPrintable(QString::number(ticks))); // none if it blocked
    QCOMPARE(count("SELECT count(*) FROM products"), products);
    QCOMPARE(count("SELECT count(*) FROM orders"), orders);
    QCOMPARE(child<QLabel>(page, "statusLabel")->text(),
             QStringLiteral("Restored from backup.db."));

    // A file that is not a backup: said on the page, the shop as it was.
    const QString bogus = m_folder.filePath(QStringLiteral("not-a-backup.db"));
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a database");
    file.close();
    QVERIFY(!page->restoreNow(bogus, QStringLiteral("not-a-backup.db")));
    QVERIFY(!child<QLabel>(page, "statusLabel")->text().isEmpty());
    QCOMPARE(count("SELECT count(*) FROM products"), products);
}

void TestLongWork::workWithoutCancelCannotBeWalkedAwayFrom()
{
    m_window->showPage(MainWindow::Orders);
    bool tried = false;
    bool stayed = false;
    auto *timer = new QTimer;
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, timer, [&, timer] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QProgressDialog *>(widget);
            if (!dialog || !dialog->isVisible() || dialog->objectName() != u"backgroundProgress")
                continue;
            timer->stop();
            timer->deleteLater();
            QVERIFY(!dialog->findChild<QPushButton *>()); // no Cancel
            QTest::keyClick(dialog, Qt::Key_Escape);
            dialog->close();
            // The window it came from takes no clicks meanwhile: the sidebar stays on Orders.
            auto *sidebar = child<QListWidget>(m_window.get(), "sidebar");
            const QRect reports = sidebar->visualItemRect(sidebar->item(MainWindow::Reports));
            QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, reports.center());
            tried = true;
            stayed = dialog->isVisible() && m_window->currentPage() == MainWindow::Orders;
            return;
        }
    });
    timer->start();
    const auto outcome = BackgroundTask::run(
        m_window.get(), m_desktop->context, QStringLiteral("restore"),
        [](ShopContext &, const ProgressCallback &) { QThread::msleep(800); }, nullptr,
        BackgroundTask::Cancel::NotOffered);
    QCOMPARE(outcome, BackgroundTask::Outcome::Done);
    QVERIFY(tried);
    QVERIFY(stayed);
    // Once it is done the window answers again.
    auto *sidebar = child<QListWidget>(m_window.get(), "sidebar");
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {},
                      sidebar->visualItemRect(sidebar->item(MainWindow::Reports)).center());
    QCOMPARE(m_window->currentPage(), MainWindow::Reports);
    m_window->showPage(MainWindow::Orders);
}

MICROSHOP_TEST_MAIN(TestLongWork)
#include "tst_longwork.moc"
