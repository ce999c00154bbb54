// microshop-screenshots FOLDER [LANGUAGE]: a demo shop in a temporary folder, shown in the main
// window as a merchant sees it, every page and every report saved as a PNG (and a report as PDF)
// into FOLDER: for people to look at the app, not a test. The clock is MICROSHOP_NOW's if set
// (MICROSHOP_NOW=2026-11-30T10:00:00+08:00 makes the same pictures every time), else now.

#include "AddressPasteDialog.h"
#include "BatchPrintDialog.h"
#include "DashboardPage.h"
#include "DeferredIconStyle.h"
#include "DemoGenerator.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "MoveShopDialog.h"
#include "OrderListPage.h"
#include "PaymentImportDialog.h"
#include "PlatformImportDialog.h"
#include "ReportCatalog.h"
#include "ReportsPage.h"
#include "ShipmentImportDialog.h"
#include "Shop.h"
#include "SignInDialog.h"

#include "Clock.h"
#include "Dates.h"
#include "Error.h"
#include "ListSource.h"
#include "Money.h"
#include "ShopContext.h"
#include "ShopSettings.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QItemSelection>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
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

// A personal WeChat bill with an income for each of the newest pending orders, in the bill
// dialog: its candidates offered, then one confirmed.
void shootPaymentDialog(Shop &shop, QWidget &window, const QString &scratch, const QDir &folder,
                        QStringList &written)
{
    QString bill = QString::fromUtf16(
        u"微信支付账单明细,,,,,,,,,,\n微信昵称：[小美的店],,,,,,,,,,\n"
        u"交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n");
    int incomes = 0;
    shop.database->forEachRow(
        QStringLiteral("SELECT substr(date, 1, 16), goods_total + shipping_fee FROM orders "
                       "WHERE status = 'pending' ORDER BY date DESC, id DESC LIMIT 3"),
        {}, [&](const SqlRow &row) {
            incomes += 1;
            bill += QString::fromUtf16(u"%1:5%2,转账,顾客%2,/,收入,¥%3,/,已存入零钱,"
                                       u"10000500012026113001%2\t,/,/\n")
                        .arg(row.value(0).toString())
                        .arg(incomes)
                        .arg(Money::fromMinorUnits(row.value(1).toLongLong()).toString());
        });
    QFile file(QDir(scratch).filePath(QStringLiteral("微信支付账单.csv")));
    if (incomes == 0 || !file.open(QIODevice::WriteOnly))
        return;
    file.write(bill.toUtf8());
    file.close();
    PaymentImportDialog dialog(shop.context, &window);
    dialog.show();
    dialog.openFile(file.fileName());
    const auto grab = [&](const QString &name) {
        settle(300);
        const QString path = folder.filePath(name);
        if (dialog.grab().save(path))
            written.append(path);
    };
    dialog.importNow();
    grab(QStringLiteral("dialog-payment-candidates.png"));
    if (auto *confirm = dialog.findChild<QPushButton *>(QStringLiteral("confirmButton0")))
        confirm->click();
    grab(QStringLiteral("dialog-payment-confirmed.png"));
}

// Shipping in batches: the Orders page with several orders chosen, the batch's print dialog,
// their labels as one PDF, a tracking file checked, and an address pasted from a chat.
void shootShipping(Shop &shop, MainWindow &window, const QString &scratch, const QDir &folder,
                   QStringList &written)
{
    window.showPage(MainWindow::Orders);
    auto *orders = static_cast<OrderListPage *>(window.listPage(MainWindow::Orders));
    const QAbstractItemModel *model = orders->view()->model();
    orders->view()->selectionModel()->select(
        QItemSelection(model->index(2, 0), model->index(6, model->columnCount() - 1)),
        QItemSelectionModel::ClearAndSelect);
    settle(300);
    const QString page = folder.filePath(QStringLiteral("page-orders-selected.png"));
    if (window.grab().save(page))
        written.append(page);
    const auto grab = [&](QWidget &dialog, const QString &name) {
        dialog.show();
        settle(300);
        const QString file = folder.filePath(name);
        if (dialog.grab().save(file))
            written.append(file);
        dialog.close();
    };
    BatchPrintDialog print(
        QCoreApplication::translate("MicroShop::OrderListPage", "%n selected order(s)", nullptr, 5),
        &window);
    grab(print, QStringLiteral("dialog-batch-print.png"));

    QList<qint64> paid;
    QStringList tracking{QStringLiteral("order_no,courier,tracking")};
    QSqlQuery rows = shop.database->exec(QStringLiteral(
        "SELECT id, order_no FROM orders WHERE status = 'paid' ORDER BY id LIMIT 4"));
    while (rows.next()) {
        paid.append(rows.value(0).toLongLong());
        tracking.append(QStringLiteral("%1,SF,SF14%2")
                            .arg(rows.value(1).toString())
                            .arg(900000000 + paid.size()));
    }
    const QString labels = folder.filePath(QStringLiteral("labels.pdf"));
    try {
        shop.documents.writeOrdersPdf(ShopDocuments::OrderDocument::Label, paid,
                                      ShopDocuments::Paper::Label100x180, labels);
        written.append(labels);
    } catch (const Error &error) {
        QTextStream(stderr) << error.message() << "\n";
    }
    QFile file(QDir(scratch).filePath(QStringLiteral("运单号.csv")));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(tracking.join(u'\n').toUtf8());
        file.close();
        ShipmentImportDialog shipments(shop.context, &window);
        shipments.show();
        shipments.openFile(file.fileName());
        grab(shipments, QStringLiteral("dialog-tracking-import.png"));
    }
    AddressPasteDialog paste(&window);
    if (auto *text = paste.findChild<QPlainTextEdit *>())
        text->setPlainText(QString::fromUtf16(
            u"收货人：张三\n电话：+86 138-0013-8000\n地址：广东省深圳市南山区科技园南区1号"));
    grab(paste, QStringLiteral("dialog-paste-address.png"));
    // Team mode: signing in after a wrong password, and moving a shop to a server.
    SignInDialog signIn(
        QStringLiteral("192.168.1.10:5432/shop"), QStringLiteral("anna"), QString(),
        [](const QString &, const QString &) {
            return QStringLiteral("FATAL: password authentication failed for "
                                  "user \"anna\"");
        },
        &window);
    signIn.apply();
    grab(signIn, QStringLiteral("dialog-sign-in.png"));
    MoveShopDialog move(&window);
    grab(move, QStringLiteral("dialog-move-shop.png"));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setStyle(new DeferredIconStyle); // the app's (src/app/Application.cpp)
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
    // A Youzan export with an item no product matches, in the import dialog, before and after.
    const QList<QVariantList> products
        = shop.context.lists(ListKind::Products)->fetch({}, 0, 2, -1);
    const QString today = Dates::toText(Dates::today());
    QFile youzan(scratch.filePath(QStringLiteral("有赞订单.csv")));
    if (youzan.open(QIODevice::WriteOnly) && products.size() == 2) {
        youzan.write(QStringLiteral(
                         "订单号,订单创建时间,买家付款时间,订单状态,收货人/提货人,"
                         "收货人手机号/提货人手机号,收货人省份,收货人城市,收货人地区,"
                         "详细收货地址/提货地址,商品编码,商品名称,商品规格,商品数量,商品单价,运费,"
                         "订单实付金额\n"
                         "E20261130000101,%1 08:05:00,%1 08:06:00,待发货,王小丫,13912345678,"
                         "浙江省,杭州市,西湖区,文三路90号,%2,%3,,2,%4,6.00,%5\n"
                         "E20261130000102,%1 08:40:00,,待付款,赵*,139****0000,四川省,成都市,"
                         "武侯区,科华北路1号,YZ-88,夏日礼盒,大号,1,99.00,0,0\n")
                         .arg(today, products.at(0).value(1).toString(),
                              products.at(0).value(2).toString(),
                              products.at(0).value(5).toString(),
                              (Money::parse(products.at(0).value(5).toString())->times(2)
                               + *Money::parse(u"1"))
                                  .toString())
                         .toUtf8());
        youzan.close();
        PlatformImportDialog dialog(shop.context, &window);
        dialog.show();
        dialog.openFile(youzan.fileName());
        const auto grabDialog = [&](const QString &name) {
            settle(300);
            const QString file = folder.filePath(name);
            if (dialog.grab().save(file))
                written.append(file);
        };
        grabDialog(QStringLiteral("dialog-platform-import.png"));
        dialog.pickProduct(0, products.at(1).value(1).toString());
        dialog.importNow();
        grabDialog(QStringLiteral("dialog-platform-imported.png"));
    }
    shootPaymentDialog(shop, window, scratch.path(), folder, written);
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
    shootShipping(shop, window, scratch.path(), folder, written);
    // An icon the style reads when first drawn: the clear button of a search box with text, in
    // the window at its narrowest (where the menu bar's overflow button would show if the menus
    // did not fit).
    window.showPage(MainWindow::Orders);
    for (QLineEdit *search : window.findChildren<QLineEdit *>(QStringLiteral("searchEdit"))) {
        if (!search->isVisible())
            continue;
        search->setText(QStringLiteral("SO"));
        window.resize(520, 600);
        save(QStringLiteral("narrowest-window-search.png"));
        search->clear();
    }
    window.resize(1300, 820);
    const QString pdf = folder.filePath(QStringLiteral("report.pdf"));
    if (reports->savePdf(pdf))
        written.append(pdf);
    QTextStream(stdout) << written.join(u'\n') << "\n";
    return 0;
}
