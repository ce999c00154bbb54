// microshop-plain-orders: the yardstick of the app's start (issue 16), the plain Qt way to show a
// shop's orders: open the SQLite file as any connection does, the orders newest first through a
// QSqlQueryModel in a QTableView, then, once the window is shown with rows, print what the app
// prints for bench/ ("rows N shown FIRST") and quit. It uses none of MicroShop's code.
#include <QApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() != 2) {
        QTextStream(stderr) << "usage: microshop-plain-orders SHOP.db" << Qt::endl;
        return 2;
    }
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    database.setDatabaseName(arguments.at(1));
    if (!database.open()) {
        QTextStream(stderr) << database.lastError().text() << Qt::endl;
        return 1;
    }
    QSqlQuery(database).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    // The Orders page's columns, newest first (the orders_date index holds the id too).
    QSqlQueryModel model;
    model.setQuery(
        QStringLiteral("SELECT o.order_no, o.platform_no, o.date, c.name, c.phone, d.code, "
                       "o.status, o.goods_total, o.shipping_fee, o.goods_total + o.shipping_fee, "
                       "o.refunded_total, s.tracking FROM orders o "
                       "JOIN customers c ON c.id = o.customer_id "
                       "LEFT JOIN distributors d ON d.id = o.distributor_id "
                       "LEFT JOIN shipments s ON s.order_id = o.id "
                       "ORDER BY o.date DESC, o.id DESC"),
        database);
    if (model.lastError().isValid()) {
        QTextStream(stderr) << model.lastError().text() << Qt::endl;
        return 1;
    }
    QTableView view;
    view.setModel(&model);
    view.resize(1200, 780); // the app's window
    view.show();
    QTimer::singleShot(0, &view, [&view, &model] {
        const QString first = model.index(0, 0).data().toString();
        view.viewport()->repaint();
        QTextStream(stdout) << "rows " << model.rowCount() << " shown " << first << Qt::endl;
        QCoreApplication::quit();
    });
    return QApplication::exec();
}
