// The Dashboard and the Reports page offscreen, on a demo shop dated today: each tile's figure
// against the database and the page it opens; every report as a table and a chart; the CSV file
// against microshop-cli's, the PDF's text and the chart's PNG. To look at the pages as pictures:
// tools/screenshots (microshop-screenshots FOLDER).
#include "DemoGenerator.h"
#include "DesktopShop.h"
#include "ReportSource.h"
#include "ShopServices.h"

#include "CommissionListPage.h"
#include "DashboardPage.h"
#include "DistributorTreePage.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "OrderListPage.h"
#include "ProductListPage.h"
#include "ReportChart.h"
#include "ReportsPage.h"

#include "DistributorTreeModel.h"
#include "PagedTableModel.h"

#include "ShopSettings.h"

#include "CliRunner.h"
#include "Dates.h"
#include "XlsxReader.h"

#include "TestClock.h"
#include "Widgets.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

QString pdfText(const QString &file)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-layout"), file, QStringLiteral("-")});
    process.waitForFinished(30000);
    // As printed, not normalised: documents print Chinese in a face that gives it back.
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestReportPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dashboardFiguresMatchTheDatabase();
    void dashboardTilesOpenTheirPageFiltered();
    void everyReportShowsATableAndAChart();
    void salesOverTimeAddUpToEveryCountedOrder();
    void distributorsReportAgreesWithTheLinesAndTheClosure();
    void badChoicesSayWhatToFix();
    void columnsSortByValue();
    void exportsHoldWhatThePageShows();
    void printButtonsOpenThePreview();
    void bigSumsFitTheirTiles();

private:
    qint64 count(const QString &sql);
    Money money(const QString &sql);

    QTemporaryDir m_folder;
    QString m_path;
    std::unique_ptr<Shop> m_desktop;
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;
};

qint64 TestReportPages::count(const QString &sql)
{
    QSqlQuery query = m_desktop->database->exec(sql);
    return query.next() ? query.value(0).toLongLong() : -1;
}

Money TestReportPages::money(const QString &sql)
{
    return Money::fromMinorUnits(count(sql));
}

void TestReportPages::initTestCase()
{
    m_path = m_folder.filePath(QStringLiteral("shop.db"));
    m_desktop = openDesktopShop(m_path);
    m_desktop->services.settings.setValue(ShopSettings::shopNameKey, QStringLiteral("小美的店"));
    DemoGenerator(m_desktop->services, {30, 120, 25, 500}, 7, Dates::now()).run();
    m_languages.setLanguage(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(m_desktop->context, m_languages);
    m_window->resize(1300, 820);
    m_window->show();
    m_window->showPage(MainWindow::Dashboard);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The demo shop has something behind every tile.
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM orders WHERE status = 'paid'")) > 0);
}

void TestReportPages::dashboardFiguresMatchTheDatabase()
{
    DashboardPage *page = m_window->dashboardPage();
    // Off the UI thread: refresh() returns before the figures are there, then they come.
    page->refresh();
    QVERIFY(page->isUpdating());
    QVERIFY(child<QLabel>(page, "updatingLabel")->isVisible());
    QTRY_VERIFY(!page->isUpdating());
    QVERIFY(!child<QLabel>(page, "updatingLabel")->isVisible());
    const QString today = Dates::toText(Dates::today());
    const QString counted = QStringLiteral(
        "SELECT COALESCE(sum(l.net - l.refunded_amount), 0) FROM orders o JOIN order_lines l ON "
        "l.order_id = o.id WHERE o.status NOT IN ('pending', 'cancelled') AND ");
    const auto figure = [page](const char *tile) {
        return child<QLabel>(child<QPushButton>(page, tile), "figure")->text();
    };
    QCOMPARE(figure("todayTile"),
             money(counted + QStringLiteral("substr(o.date, 1, 10) = '%1'").arg(today)).toString());
    QCOMPARE(figure("monthTile"),
             money(counted + QStringLiteral("substr(o.date, 1, 7) = '%1'").arg(today.left(7)))
                 .toString());
    QCOMPARE(figure("toShipTile"),
             QString::number(count(QStringLiteral("SELECT count(*) FROM orders WHERE status = "
                                                  "'paid'"))));
    QCOMPARE(figure("lowStockTile"),
             QString::number(
                 count(QStringLiteral("SELECT count(*) FROM products WHERE stock <= low_stock"))));
    // Available: not paid out, and past its hold.
    QCOMPARE(figure("commissionsTile"),
             money(QStringLiteral("SELECT COALESCE(sum(amount), 0) FROM commission_entries "
                                  "WHERE payout_id IS NULL AND available_on <= '%1'")
                       .arg(today))
                 .toString());

    // The chart: one bar a day for 30 days, adding up to the 30 days' net sales. Drawn by the
    // charts module, loaded from the build tree (ReportChart::moduleFile).
    QVERIFY2(!ReportChart::moduleFile().isEmpty(), qPrintable(ReportChart::why()));
    auto *chartView = qobject_cast<QChartView *>(page->chartView());
    QVERIFY(chartView);
    const QList<QAbstractSeries *> series = chartView->chart()->series();
    QCOMPARE(series.size(), 1);
    const QBarSet *bars = static_cast<QAbstractBarSeries *>(series.constFirst())->barSets().first();
    QCOMPARE(bars->count(), 30);
    qreal sum = 0;
    for (int day = 0; day < bars->count(); ++day)
        sum += bars->at(day);
    const Money month = money(
        counted + QStringLiteral("o.date >= '%1'").arg(Dates::toText(Dates::today().addDays(-29))));
    QCOMPARE(qRound64(sum * 100), month.minorUnits());
}

void TestReportPages::dashboardTilesOpenTheirPageFiltered()
{
    DashboardPage *page = m_window->dashboardPage();
    const auto rows = [this](MainWindow::Page which) {
        PagedTableModel *model = m_window->listPage(which)->model();
        return qint64(model->rowCount());
    };
    // Orders to ship: the Orders page, paid orders only.
    QTest::mouseClick(child<QPushButton>(page, "toShipTile"), Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), MainWindow::Orders);
    QCOMPARE(rows(MainWindow::Orders),
             count(QStringLiteral("SELECT count(*) FROM orders WHERE status = 'paid'")));
    // This month's sales: the month's orders, every status.
    m_window->showPage(MainWindow::Dashboard);
    QTest::mouseClick(child<QPushButton>(page, "monthTile"), Qt::LeftButton);
    QCOMPARE(rows(MainWindow::Orders),
             count(QStringLiteral("SELECT count(*) FROM orders WHERE substr(date, 1, 7) = '%1'")
                       .arg(Dates::toText(Dates::today()).left(7))));
    // Low stock: the products to restock, whatever filters were on before.
    m_window->showPage(MainWindow::Dashboard);
    QTest::keyClick(child<QPushButton>(page, "lowStockTile"), Qt::Key_Space); // keyboard too
    QCOMPARE(m_window->currentPage(), MainWindow::Products);
    QCOMPARE(rows(MainWindow::Products),
             count(QStringLiteral("SELECT count(*) FROM products WHERE stock <= low_stock")));
    // Commissions to settle: the ledger's available entries.
    m_window->showPage(MainWindow::Dashboard);
    QTest::mouseClick(child<QPushButton>(page, "commissionsTile"), Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), MainWindow::Commissions);
    QCOMPARE(rows(MainWindow::Commissions),
             count(QStringLiteral("SELECT count(*) FROM commission_entries WHERE payout_id IS "
                                  "NULL AND available_on <= '%1'")
                       .arg(Dates::toText(Dates::today()))));
}

void TestReportPages::everyReportShowsATableAndAChart()
{
    m_window->showPage(MainWindow::Reports);
    ReportsPage *page = m_window->reportsPage();
    auto *range = child<QComboBox>(page, "rangeCombo");
    range->setCurrentIndex(4);            // all time
    QTest::keyClick(range, Qt::Key_Down); // "Custom range" would not move the dates
    QTest::keyClick(range, Qt::Key_Up);   // back to all time, through the user's path
    QCOMPARE(range->currentIndex(), 4);
    auto *view = child<QTableView>(page, "reportTable");
    auto *chart = child<QChartView>(page, "reportChart");
    auto *reports = child<QComboBox>(page, "reportCombo");
    QCOMPARE(reports->count(), int(ReportCatalog::reports().size()));
    for (int report = 0; report < reports->count(); ++report) {
        page->showReport(report);
        const ReportTable &table = page->table();
        QVERIFY2(!table.rows.isEmpty(), qPrintable(reports->itemText(report)));
        QCOMPARE(view->model()->rowCount(), int(table.rows.size()));
        QCOMPARE(view->model()->columnCount(), int(table.columns.size()));
        // Headers as a merchant reads them, not cli.md's codes.
        for (int column = 0; column < table.columns.size(); ++column)
            QVERIFY(view->model()->headerData(column, Qt::Horizontal).toString()
                    != table.columns.at(column));
        QVERIFY2(!chart->chart()->series().isEmpty(), qPrintable(reports->itemText(report)));
        QVERIFY(!chart->chart()->title().isEmpty());
    }
    // The best sellers keep the top N; the chart shows as many.
    page->showReport("Best sellers");
    QCOMPARE(page->table().rows.size(), 10);
}

void TestReportPages::salesOverTimeAddUpToEveryCountedOrder()
{
    ReportsPage *page = m_window->reportsPage();
    page->setRange(QDate(2000, 1, 1), Dates::today());
    page->showReport("Sales over time");
    auto *period = child<QComboBox>(page, "periodCombo");
    const Money expected = money(QStringLiteral(
        "SELECT sum(l.net - l.refunded_amount) FROM orders o JOIN order_lines l ON l.order_id = "
        "o.id WHERE o.status NOT IN ('pending', 'cancelled')"));
    for (int by = 0; by < 3; ++by) {
        period->setCurrentIndex(by);
        page->refresh();
        Money net;
        for (const QStringList &row : page->table().rows)
            net += *Money::parse(row.at(4));
        QCOMPARE(net, expected);
    }
    // One distributor's team sells at least what it sells alone.
    const QString code = m_desktop->services.distributors.codeOf(
        count(QStringLiteral("SELECT distributor_id FROM orders WHERE distributor_id IS NOT NULL "
                             "ORDER BY id LIMIT 1")));
    child<QLineEdit>(page, "distributorEdit")->setText(code);
    page->refresh();
    const auto total = [page] {
        Money net;
        for (const QStringList &row : page->table().rows)
            net += *Money::parse(row.at(4));
        return net;
    };
    const Money alone = total();
    QVERIFY(alone > Money());
    child<QCheckBox>(page, "teamCheck")->setChecked(true);
    QVERIFY(total() >= alone);
    QVERIFY(page->title().contains(code));
    child<QCheckBox>(page, "teamCheck")->setChecked(false);
    // The commissions take the same code (their command's --distributor): its row alone, the
    // team box hidden, as `report commissions --distributor` has it.
    page->showReport("Commissions");
    QVERIFY(child<QLineEdit>(page, "distributorEdit")->isVisible());
    QVERIFY(!child<QCheckBox>(page, "teamCheck")->isVisible());
    QCOMPARE(page->table().rows.size(), 1);
    QCOMPARE(page->table().rows.constFirst().constFirst(), code);
    child<QLineEdit>(page, "distributorEdit")->clear();
    page->refresh();
    QVERIFY(page->table().rows.size() > 1);
    page->showReport("Sales over time");
}

// The report adds goods totals up the tree in memory; the same figures, asked of the lines and of
// the closure table in SQL (the demo has refunds and cancellations on distributors' orders).
void TestReportPages::distributorsReportAgreesWithTheLinesAndTheClosure()
{
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM orders WHERE refunded_total > 0 AND "
                                 "distributor_id IS NOT NULL"))
            > 0);
    const ReportTable table = m_desktop->context.reports->distributors(QDate(), QDate());
    QSqlQuery expected = m_desktop->database->exec(QStringLiteral(
        "WITH direct AS (SELECT o.distributor_id AS id, sum(l.net - l.refunded_amount) AS net "
        "FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status NOT IN "
        "('pending', 'cancelled') AND o.distributor_id IS NOT NULL GROUP BY o.distributor_id) "
        "SELECT d.code, (SELECT count(*) - 1 FROM distributor_closure c WHERE c.ancestor_id = "
        "d.id), COALESCE((SELECT net FROM direct WHERE direct.id = d.id), 0), COALESCE((SELECT "
        "sum(direct.net) FROM distributor_closure c JOIN direct ON direct.id = c.descendant_id "
        "WHERE c.ancestor_id = d.id), 0) FROM distributors d ORDER BY d.code"));
    int row = 0;
    for (; expected.next(); ++row) {
        QVERIFY(row < table.rows.size());
        const QStringList &shown = table.rows.at(row);
        QCOMPARE(shown.at(0), expected.value(0).toString());
        QCOMPARE(shown.at(4), expected.value(1).toString());
        QCOMPARE(shown.at(5), Money::fromMinorUnits(expected.value(2).toLongLong()).toString());
        QCOMPARE(shown.at(6), Money::fromMinorUnits(expected.value(3).toLongLong()).toString());
    }
    QCOMPARE(row, int(table.rows.size()));
}

void TestReportPages::badChoicesSayWhatToFix()
{
    ReportsPage *page = m_window->reportsPage();
    page->showReport("Sales over time");
    auto *code = child<QLineEdit>(page, "distributorEdit");
    code->setText(QStringLiteral("NOBODY"));
    page->refresh();
    auto *problem = child<QLabel>(page, "problemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("NOBODY")), qPrintable(problem->text()));
    QVERIFY(page->table().rows.isEmpty());
    code->clear();
    page->refresh();
    QVERIFY(!problem->isVisible());
    // A range that ends before it starts.
    page->setRange(Dates::today(), Dates::today().addDays(-5));
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QStringLiteral("ends before it starts")));
    page->setRange(QDate(2000, 1, 1), Dates::today());
    QVERIFY(!problem->isVisible());
}

void TestReportPages::columnsSortByValue()
{
    ReportsPage *page = m_window->reportsPage();
    page->showReport("Product margins");
    auto *view = child<QTableView>(page, "reportTable");
    const int net = int(page->table().columns.indexOf(QStringLiteral("net")));
    view->sortByColumn(net, Qt::DescendingOrder);
    QAbstractItemModel *model = view->model();
    for (int row = 1; row < model->rowCount(); ++row) {
        const Money above = *Money::parse(model->index(row - 1, net).data().toString());
        const Money below = *Money::parse(model->index(row, net).data().toString());
        QVERIFY2(above >= below, qPrintable(QStringLiteral("row %1").arg(row)));
    }
}

void TestReportPages::exportsHoldWhatThePageShows()
{
    ReportsPage *page = m_window->reportsPage();
    page->setRange(QDate(2000, 1, 1), Dates::today());
    page->showReport("Product margins");
    // CSV: the command line's figures, with the byte-order mark Excel needs for Chinese.
    const QString csv = m_folder.filePath(QStringLiteral("products.csv"));
    QVERIFY(page->saveTable(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.startsWith("\xEF\xBB\xBF"));
    const CliResult cli = runCli({QStringLiteral("--db"), m_path, QStringLiteral("report"),
                                  QStringLiteral("products"), QStringLiteral("--from"),
                                  QStringLiteral("2000-01-01"), QStringLiteral("--format"),
                                  QStringLiteral("csv")});
    QCOMPARE(cli.status, 0);
    QCOMPARE(QString::fromUtf8(written.mid(3)), cli.out);

    // An Excel workbook: the same table, its figures numbers (12.30 reads back as 12.3).
    const QString workbook = m_folder.filePath(QStringLiteral("products.xlsx"));
    QVERIFY(page->saveTable(workbook));
    const XlsxReader reader = XlsxReader::fromFile(workbook);
    QVERIFY(reader.issues().isEmpty());
    QCOMPARE(reader.header(), page->table().columns);
    QCOMPARE(reader.records().size(), page->table().rows.size());
    QVERIFY(!page->table().rows.isEmpty());
    for (int row = 0; row < page->table().rows.size(); ++row) {
        const QStringList &shownRow = page->table().rows.at(row);
        const QStringList &read = reader.records().at(row).fields;
        QCOMPARE(read.at(0), shownRow.at(0)); // sku, text
        QCOMPARE(read.at(1), shownRow.at(1)); // name, text
        for (int column = 2; column < shownRow.size(); ++column)
            QCOMPARE(read.at(column).toDouble(), shownRow.at(column).toDouble());
    }

    // PDF: the title, the shop, and the first product's figures.
    const QString pdf = m_folder.filePath(QStringLiteral("products.pdf"));
    QVERIFY(page->savePdf(pdf));
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("Product margins")), qPrintable(text.left(400)));
    QVERIFY(text.contains(QStringLiteral("小美的店")));
    const QStringList first = page->table().rows.constFirst();
    QVERIFY(text.contains(first.at(1)));
    QVERIFY(text.contains(first.at(5)));

    // PNG: the chart, drawn: many pixels that are neither white nor grey.
    const QString png = m_folder.filePath(QStringLiteral("products.png"));
    QVERIFY(page->savePng(png));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1600, 900));
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            const QColor pixel = image.pixelColor(x, y);
            coloured += pixel.hsvSaturation() > 80 ? 1 : 0;
        }
    }
    QVERIFY2(coloured > 2000, qPrintable(QString::number(coloured)));
    // A folder that cannot be written to: false, and the page says so (a message box).
    QTimer::singleShot(0, [] {
        if (QWidget *box = QApplication::activeModalWidget())
            box->close();
    });
    QVERIFY(!page->saveTable(QStringLiteral("/proc/no/such/folder/report.csv")));
    QTimer::singleShot(0, [] {
        if (QWidget *box = QApplication::activeModalWidget())
            box->close();
    });
    QVERIFY(!page->saveTable(QStringLiteral("/proc/no/such/folder/report.xlsx")));
    QVERIFY(!QFile::exists(QStringLiteral("/proc/no/such/folder/report.xlsx")));
}

void TestReportPages::printButtonsOpenThePreview()
{
    // An order's invoice on receipt paper.
    m_window->showPage(MainWindow::Orders);
    auto *orders = static_cast<OrderListPage *>(m_window->listPage(MainWindow::Orders));
    orders->showOrders(QString(), QDate(), QDate());
    orders->view()->selectRow(0);
    const QString orderNo = orders->model()->index(0, 0).data().toString();
    QString title;
    QString name;
    onDialog([&title, &name](QWidget *dialog) {
        name = dialog->objectName();
        title = dialog->windowTitle();
        dialog->close();
    });
    child<QAction>(orders, "invoiceReceipt")->trigger();
    QCOMPARE(name, QStringLiteral("printPreview"));
    QCOMPARE(title, QStringLiteral("Print preview: Invoice %1").arg(orderNo));

    // A distributor's statement for the panel's period.
    m_window->showPage(MainWindow::Distributors);
    DistributorTreePage *tree = m_window->distributorPage();
    tree->view()->setCurrentIndex(tree->model()->index(0, 0));
    title.clear();
    onDialog([&title](QWidget *dialog) {
        title = dialog->windowTitle();
        dialog->close();
    });
    QTest::mouseClick(child<QPushButton>(tree, "statementButton"), Qt::LeftButton);
    QVERIFY2(title.startsWith(QStringLiteral("Print preview: Statement of ")), qPrintable(title));

    // The report on the page.
    m_window->showPage(MainWindow::Reports);
    m_window->reportsPage()->showReport("Top customers");
    title.clear();
    onDialog([&title](QWidget *dialog) {
        title = dialog->windowTitle();
        dialog->close();
    });
    QTest::mouseClick(child<QPushButton>(m_window->reportsPage(), "printButton"), Qt::LeftButton);
    QCOMPARE(title, QStringLiteral("Print preview: Top customers"));
}

void TestReportPages::bigSumsFitTheirTiles()
{
    // A sale of 99,999,999.90 today: sums of ten digits and more.
    ShopServices &services = m_desktop->services;
    Product gold;
    gold.sku = QStringLiteral("GOLD-BAR");
    gold.name = QStringLiteral("金条");
    gold.price = Money::fromMinorUnits(999999999);
    gold.stock = 100;
    gold = services.catalog.create(gold, Dates::now());
    OrderDraft draft;
    draft.orderNo = QStringLiteral("SO-BIG-1");
    draft.date = Dates::now();
    draft.customerId
        = m_desktop->database->scalar(QStringLiteral("SELECT min(id) FROM customers")).toLongLong();
    draft.lines.append({gold.id, 10, std::nullopt, Money()});
    services.workflow.create(draft);
    services.workflow.pay(draft.orderNo, Dates::now(), PaymentMethod::Bank);

    m_window->showPage(MainWindow::Dashboard);
    DashboardPage *page = m_window->dashboardPage();
    page->refresh();
    QTRY_VERIFY(!page->isUpdating());
    for (const char *tile :
         {"todayTile", "monthTile", "toShipTile", "lowStockTile", "commissionsTile"}) {
        auto *figure = child<QLabel>(child<QPushButton>(page, tile), "figure");
        QVERIFY2(QFontMetrics(figure->font()).horizontalAdvance(figure->text())
                     <= figure->contentsRect().width(),
                 qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(tile), figure->text())));
    }
    const QString today = child<QLabel>(child<QPushButton>(page, "todayTile"), "figure")->text();
    // A big sum, not a short one: the sale alone, or more with the demo's other sales today.
    QVERIFY2(today.size() >= QStringLiteral("99999999.90").size(), qPrintable(today));
}

MICROSHOP_TEST_MAIN(TestReportPages)
#include "tst_reportpages.moc"
