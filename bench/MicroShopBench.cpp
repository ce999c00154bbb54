// microshop-bench: builds spec/product.md's shop once (microshop-cli demo --scale) and prints, for
// each item of the scale issue, MicroShop's figure beside the same work done by the sqlite3 tool
// on the same file in the same run, and their ratio. It measures and prints; it asserts nothing
// about speed (bench/README.md). `microshop-bench --help` for the options.
#include "Database.h"
#include "ExportSource.h"
#include "ListSelection.h"
#include "ListSource.h"
#include "Money.h"
#include "Shop.h"
#include "ShopDocuments.h"
#include "ShopExporter.h"
#include "ShopLists.h"
#include "TableFile.h"

#include "Dates.h"

#include "DistributorTreeModel.h"
#include "OrderListModel.h"
#include "PagedTableModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace MicroShop;

namespace {

QTextStream out(stdout);

// The app's start and its yardstick's: a start is short and the machine's load varies, so each is
// run this many times, alternating, and the fastest counts. 5 rounds left the ratio to the
// machine's noise (1.54 and 1.80 in two runs of one commit); 15 take about 5 s.
constexpr int startRounds = 15;
// The imports and their floor, each into a fresh copy of the shop: 10 to 15 s a run, and one run
// of the same import took 9 to 14 s on one afternoon. Alternating rounds, the fastest counts.
constexpr int importRounds = 3;

[[noreturn]] void fail(const QString &what)
{
    QTextStream(stderr) << "microshop-bench: " << what << Qt::endl;
    std::exit(1);
}

struct Figure
{
    QString what;
    double seconds = -1;   // MicroShop's (megabytes for the memory item)
    double reference = -1; // sqlite3's, or another yardstick's (-1: none)
    QString target;        // e.g. "ratio <= 2"
    double maxRatio = -1;  // the target's ratio, if any
    double maxSeconds = -1;
    QString note;
    QString referenceNote = {}; // the reference column's text, when it is not a time
};

// A program run to its end: its wall time in seconds; stdout kept in *output or written to file.
double timed(const QString &program, const QStringList &arguments, QString *output = nullptr,
             const QString &outputFile = {},
             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!outputFile.isEmpty())
        process.setStandardOutputFile(outputFile);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForStarted(30000))
        fail(QStringLiteral("cannot start %1").arg(program));
    process.waitForFinished(-1);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fail(QStringLiteral("%1 %2 failed: %3")
                 .arg(program, arguments.join(u' '),
                      QString::fromUtf8(process.readAllStandardError()).trimmed()));
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput());
    return seconds;
}

QString cli()
{
    return QStringLiteral(MICROSHOP_CLI_PATH);
}

QString sqlite3()
{
    QString found = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (found.isEmpty())
        fail(QStringLiteral("the sqlite3 tool is needed (apt install sqlite3)"));
    return found;
}

// The bench's order lines as a Youzan item-level export of the same orders (platforms.md): the
// customers' and distributors' phones from the shop they go into, MicroShop's statuses as Youzan's
// words, and the paid amount each order's total, so that the platform import pays the same sums.
void writeYouzanExport(const QString &sample, const QString &shopFile, const QString &file)
{
    const auto phones = [&shopFile](const char *table) {
        QString rows;
        timed(sqlite3(),
              {QStringLiteral("-csv"), shopFile,
               QStringLiteral("SELECT code, phone, name FROM %1").arg(QString::fromLatin1(table))},
              &rows);
        QHash<QString, QStringList> byCode;
        for (const QString &row : rows.split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList fields = row.trimmed().split(u',');
            byCode.insert(fields.value(0), fields);
        }
        return byCode;
    };
    const QHash<QString, QStringList> customers = phones("customers");
    const QHash<QString, QStringList> distributors = phones("distributors");
    const QHash<QString, QString> words = {
        {QStringLiteral("pending"), QStringLiteral("待付款")},
        {QStringLiteral("paid"), QStringLiteral("待发货")},
        {QStringLiteral("shipped"), QStringLiteral("已发货")},
        {QStringLiteral("completed"), QStringLiteral("交易成功")},
        {QStringLiteral("cancelled"), QStringLiteral("交易关闭")},
        {QStringLiteral("refunded"), QStringLiteral("交易关闭")}};
    const TableFile table = readTableFile(sample);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || !table.issues.isEmpty())
        fail(QStringLiteral("cannot write %1 from %2").arg(file, sample));
    out.write(QStringLiteral("订单号,订单创建时间,买家付款时间,交易成功时间,订单状态,收货人/提货人,"
                             "收货人手机号/提货人手机号,商品编码,商品名称,商品数量,商品单价,"
                             "商品金额合计,运费,订单实付金额,商品发货物流公司,商品发货物流单号,"
                             "分销员,分销员手机号\n")
                  .toUtf8());
    // Own columns: order_no,date,status,customer,distributor,sku,quantity,unit_price,discount,
    // shipping_fee,paid_at,shipped_at,completed_at,courier,tracking,notes; an order's rows follow
    // each other.
    const QList<CsvRecord> &rows = table.records;
    for (qsizetype first = 0; first < rows.size();) {
        const QStringList &head = rows.at(first).fields;
        qsizetype end = first;
        Money goods;
        while (end < rows.size() && rows.at(end).fields.value(0) == head.value(0)) {
            const QStringList &line = rows.at(end).fields;
            goods += Money::parse(line.value(7))->times(line.value(6).toLongLong())
                     - *Money::parse(line.value(8));
            ++end;
        }
        const Money shipping = *Money::parse(head.value(9));
        const QStringList customer = customers.value(head.value(3));
        const QStringList distributor = distributors.value(head.value(4));
        for (qsizetype i = first; i < end; ++i) {
            const QStringList &line = rows.at(i).fields;
            const QStringList fields = {head.value(0),
                                        head.value(1),
                                        head.value(10),
                                        head.value(12),
                                        words.value(head.value(2)),
                                        customer.value(2),
                                        customer.value(1),
                                        line.value(5),
                                        line.value(5),
                                        line.value(6),
                                        line.value(7),
                                        goods.toString(),
                                        shipping.toString(),
                                        (goods + shipping).toString(),
                                        head.value(13),
                                        head.value(14),
                                        distributor.value(2),
                                        distributor.value(1)};
            out.write(fields.join(u',').toUtf8() + '\n');
        }
        first = end;
    }
}

// A program run to its end under GNU time: its peak memory (resident) in megabytes.
double peakMegabytes(const QDir &folder, const QString &program, const QStringList &arguments)
{
    const QString time = QStandardPaths::findExecutable(QStringLiteral("time"),
                                                        {QStringLiteral("/usr/bin")});
    if (time.isEmpty())
        fail(QStringLiteral("GNU time is needed for the peak memory (apt install time)"));
    const QString peak = folder.filePath(QStringLiteral("peak.txt"));
    timed(time, QStringList{QStringLiteral("-f"), QStringLiteral("%M"), QStringLiteral("-o"), peak,
                            program}
                    + arguments);
    QFile file(peak);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("GNU time wrote no %1").arg(peak));
    return file.readAll().trimmed().toDouble() / 1024;
}

// What an import of the bench's order lines writes, as SQL over sqlite3's bare table of them (the
// columns of csv.md's orders file, c1..c16): the same rows the import makes (as many of each, and
// the same stock; commissions at a flat 10% a level), without its checks.
QString importFloorSql(const QString &bareDatabase)
{
    return QStringLiteral(R"(
ATTACH %1 AS b;
BEGIN IMMEDIATE;
CREATE TEMP TABLE l AS SELECT rowid AS n, c1 AS order_no, c2 AS date, c3 AS status,
  c4 AS customer, c5 AS distributor, c6 AS sku, CAST(c7 AS INTEGER) AS quantity,
  CAST(round(c8 * 100) AS INTEGER) AS price, CAST(round(c9 * 100) AS INTEGER) AS discount,
  CAST(round(c10 * 100) AS INTEGER) AS shipping, nullif(c11, '') AS paid_at,
  nullif(c12, '') AS shipped_at, nullif(c13, '') AS completed_at, c14 AS courier,
  c15 AS tracking FROM b.bare;
CREATE INDEX temp.l_order ON l (order_no, n);
INSERT INTO orders (order_no, date, customer_id, distributor_id, status, goods_total,
  shipping_fee, paid_at, shipped_at, completed_at, cancelled_at, notes, created_at, updated_at)
  SELECT l.order_no, l.date, c.id, coalesce(d.id, c.distributor_id), l.status,
    sum(l.quantity * l.price - l.discount), l.shipping, l.paid_at, l.shipped_at, l.completed_at,
    CASE WHEN l.status = 'cancelled' THEN coalesce(l.paid_at, l.date) END, '', datetime('now'),
    datetime('now')
  FROM l JOIN customers c ON c.code = l.customer
  LEFT JOIN distributors d ON d.code = nullif(l.distributor, '')
  GROUP BY l.order_no ORDER BY min(l.n);
INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, unit_cost,
  discount, net)
  SELECT o.id, row_number() OVER (PARTITION BY l.order_no ORDER BY l.n), p.id, l.quantity,
    l.price, p.cost, l.discount,
    l.quantity * l.price - l.discount
  FROM l JOIN orders o ON o.order_no = l.order_no JOIN products p ON p.sku = l.sku;
INSERT INTO payments (order_id, method, paid_at, amount)
  SELECT id, 'other', paid_at, goods_total + shipping_fee FROM orders WHERE paid_at IS NOT NULL;
INSERT INTO stock_movements (product_id, moved_at, kind, quantity, order_id, reference, actor)
  SELECT ol.product_id, o.paid_at, 'sale', -ol.quantity, o.id, o.order_no, 'bench'
  FROM order_lines ol JOIN orders o ON o.id = ol.order_id WHERE o.paid_at IS NOT NULL;
INSERT INTO stock_movements (product_id, moved_at, kind, quantity, order_id, reference, actor)
  SELECT ol.product_id, o.cancelled_at, 'cancel', ol.quantity, o.id, o.order_no, 'bench'
  FROM order_lines ol JOIN orders o ON o.id = ol.order_id
  WHERE o.paid_at IS NOT NULL AND o.status = 'cancelled';
UPDATE products SET stock = stock + (SELECT coalesce(sum(m.quantity), 0) FROM stock_movements m
  WHERE m.product_id = products.id AND m.order_id IS NOT NULL);
INSERT INTO shipments (order_id, courier, tracking, shipped_at, receiver, phone, province, city,
  district, detail)
  SELECT o.id, l.courier, l.tracking, o.shipped_at, a.receiver, a.phone, a.province, a.city,
    a.district, a.detail
  FROM orders o JOIN l ON l.order_no = o.order_no
    AND l.n = (SELECT min(n) FROM l l2 WHERE l2.order_no = o.order_no)
  LEFT JOIN customer_addresses a ON a.customer_id = o.customer_id AND a.is_default = 1
  WHERE o.shipped_at IS NOT NULL;
INSERT INTO commission_basis (order_line_id, level, distributor_id, rate)
  SELECT ol.id, c.distance + 1, c.ancestor_id, 1000
  FROM order_lines ol JOIN orders o ON o.id = ol.order_id
  JOIN distributor_closure c ON c.descendant_id = o.distributor_id
    AND c.distance < coalesce((SELECT value FROM settings WHERE key = 'commission.levels'), 2)
  JOIN distributors d ON d.id = c.ancestor_id AND d.status = 'active'
  WHERE o.paid_at IS NOT NULL;
INSERT INTO commission_entries (order_id, distributor_id, level, kind, amount, created_at,
  available_on)
  SELECT ol.order_id, b.distributor_id, b.level, 'commission', sum(ol.net / 10), max(o.paid_at),
    CASE WHEN max(o.completed_at) IS NOT NULL THEN date(max(o.completed_at), '+7 days') END
  FROM commission_basis b JOIN order_lines ol ON ol.id = b.order_line_id
  JOIN orders o ON o.id = ol.order_id GROUP BY ol.order_id, b.distributor_id, b.level;
INSERT INTO commission_entries (order_id, distributor_id, level, kind, amount, created_at)
  SELECT e.order_id, e.distributor_id, e.level, 'reversal', -e.amount, o.cancelled_at
  FROM commission_entries e JOIN orders o ON o.id = e.order_id WHERE o.status = 'cancelled';
UPDATE customers SET last_order_date = (SELECT max(substr(date, 1, 10)) FROM orders
  WHERE customer_id = customers.id) WHERE id IN (SELECT customer_id FROM orders);
UPDATE customers SET distributor_id = (SELECT o.distributor_id FROM orders o
  WHERE o.customer_id = customers.id AND o.distributor_id IS NOT NULL ORDER BY o.id LIMIT 1)
  WHERE distributor_id IS NULL
    AND id IN (SELECT customer_id FROM orders WHERE distributor_id IS NOT NULL);
INSERT INTO audit_log (at, actor, action, entity, entity_id, details)
  SELECT datetime('now'), 'bench', 'order.cancel', 'order', order_no, 'from paid'
  FROM orders WHERE status = 'cancelled';
COMMIT;
)")
        .arg(
            QStringLiteral("'%1'").arg(QString(bareDatabase).replace(u'\'', QStringLiteral("''"))));
}

// Money as cli.md prints it, computed by SQLite from the fen.
QString money(const char *column)
{
    return QStringLiteral("printf('%d.%02d', %1 / 100, %1 % 100)").arg(QLatin1String(column));
}

QString text(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("-");
    return seconds < 1 ? QStringLiteral("%1 ms").arg(seconds * 1000, 0, 'f', 1)
                       : QStringLiteral("%1 s").arg(seconds, 0, 'f', 2);
}

// "fastest (slowest)" of rounds of one thing timed.
QString rounds(const QList<double> &seconds)
{
    const auto [fastest, slowest] = std::minmax_element(seconds.cbegin(), seconds.cend());
    return QStringLiteral("%1 (slowest %2)").arg(text(*fastest), text(*slowest));
}

double fastest(const QList<double> &seconds)
{
    return *std::min_element(seconds.cbegin(), seconds.cend());
}

// to made a fresh copy of the shop in from (whatever was at to goes first).
void copyAfresh(const QString &from, const QString &to)
{
    QFile::remove(to);
    if (!QFile::copy(from, to))
        fail(QStringLiteral("cannot copy %1 to %2").arg(from, to));
}

// The same orders from a platform's export (issue 12: within twice the time of MicroShop's own
// file, and read as a stream), timed in the import rounds beside the own file; the peak memory of
// one more such import beside sqlite3's .import of the same file.
QList<Figure> platformImport(const QDir &folder, const QString &youzan, const QString &before,
                             const QList<double> &seconds, const QList<double> &ownSeconds)
{
    // The memory of the same import again, into another copy, and of sqlite3 reading the file.
    const QString again = folder.filePath(QStringLiteral("platform-again.db"));
    copyAfresh(before, again);
    const double megabytes = peakMegabytes(folder, cli(),
                                           {QStringLiteral("--db"), again, QStringLiteral("import"),
                                            QStringLiteral("orders"), youzan});
    const QString bare = folder.filePath(QStringLiteral("youzan-bare.db"));
    QFile::remove(bare);
    const double sqliteMegabytes = peakMegabytes(
        folder, sqlite3(), {bare, QStringLiteral(".import --csv %1 youzan").arg(youzan)});
    return {{QStringLiteral("the same orders from a Youzan export"), fastest(seconds),
             fastest(ownSeconds),
             QStringLiteral("ratio <= 2 (own CSV, best of %1)").arg(importRounds), 2, -1,
             rounds(seconds), rounds(ownSeconds)},
            {QStringLiteral("its peak memory (a stream: the same for any length)"), megabytes,
             sqliteMegabytes, QStringLiteral("under 200 MB"), -1, 200,
             QStringLiteral("%1 MB").arg(megabytes, 0, 'f', 0),
             QStringLiteral("%1 MB (sqlite3 .import)").arg(sqliteMegabytes, 0, 'f', 0)}};
}

void print(const QList<Figure> &figures, const QString &machine)
{
    out << "\nMicroShop scale benchmark on " << machine << "\n\n";
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
               .arg(QStringLiteral("what"), QStringLiteral("MicroShop"),
                    QStringLiteral("reference"), QStringLiteral("ratio"), QStringLiteral("target"),
                    QStringLiteral("met"));
    out << "| --- | --- | --- | --- | --- | --- |\n";
    for (const Figure &figure : figures) {
        const double ratio = figure.reference > 0 ? figure.seconds / figure.reference : -1;
        bool met = true;
        if (figure.maxRatio > 0)
            met = met && ratio >= 0 && ratio <= figure.maxRatio;
        if (figure.maxSeconds > 0)
            met = met && figure.seconds <= figure.maxSeconds;
        const bool judged = figure.maxRatio > 0 || figure.maxSeconds > 0;
        out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                   .arg(figure.what, figure.note.isEmpty() ? text(figure.seconds) : figure.note,
                        figure.referenceNote.isEmpty() ? text(figure.reference)
                                                       : figure.referenceNote,
                        ratio < 0 ? QStringLiteral("-") : QString::number(ratio, 'f', 2),
                        figure.target,
                        !judged ? QStringLiteral("-")
                        : met   ? QStringLiteral("yes")
                                : QStringLiteral("NO"));
    }
    out.flush();
}

QString machineDescription()
{
    QString cpu;
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : info.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
                break;
            }
        }
    }
    return QStringLiteral("%1, %2 cores, %3")
        .arg(cpu)
        .arg(QThread::idealThreadCount())
        .arg(QSysInfo::prettyProductName());
}

// ---- PostgreSQL (issue 14, "Scale"): the same shop copied into a server, MicroShop's lists and
// report beside psql running the same SQL in the same run.

QString psql()
{
    QString found = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (found.isEmpty())
        fail(QStringLiteral("the psql tool is needed (apt install postgresql-client)"));
    return found;
}

QString literal(const QString &text)
{
    return u'\'' + QString(text).replace(u'\'', QStringLiteral("''")) + u'\'';
}

// A statement as the app sent it, with its values written in for psql.
QString withValues(const QString &sql, const QVariantList &values)
{
    QString written;
    qsizetype next = 0;
    bool quoted = false;
    for (const QChar c : sql) {
        if (c == u'\'')
            quoted = !quoted;
        if (c != u'?' || quoted) {
            written += c;
            continue;
        }
        if (next >= values.size())
            fail(QStringLiteral("more placeholders than values in %1").arg(sql));
        const QVariant &value = values.at(next++);
        switch (value.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            written += value.toString();
            break;
        case QMetaType::Bool:
            written += value.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            break;
        default:
            written += value.isNull() ? QStringLiteral("NULL") : literal(value.toString());
        }
    }
    if (next != values.size())
        fail(QStringLiteral("more values than placeholders in %1").arg(sql));
    return written;
}

// Runs every item's statements in one psql session, `rounds` times: per item, the best round's
// sum of psql's own timings (\timing: sent, run and read back, without psql's start).
QList<double> psqlTimings(const QString &url, const QList<QStringList> &items, int rounds)
{
    QString script = QStringLiteral("\\timing on\n\\o /dev/null\n");
    for (int round = 0; round < rounds; ++round) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            script += QStringLiteral("\\echo ITEM %1\n").arg(i);
            for (const QString &statement : items.at(i))
                script += statement + QStringLiteral(";\n");
        }
    }
    QProcess process;
    process.start(psql(), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                           QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), url,
                           QStringLiteral("-f"), QStringLiteral("-")});
    if (!process.waitForStarted(30000))
        fail(QStringLiteral("cannot start psql"));
    process.write(script.toUtf8());
    process.closeWriteChannel();
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fail(QStringLiteral("psql failed: %1")
                 .arg(QString::fromUtf8(process.readAllStandardError()).trimmed()));
    QList<double> best(items.size(), -1);
    QList<double> sums(items.size(), 0);
    qsizetype current = -1;
    const auto close = [&] {
        if (current >= 0 && (best[current] < 0 || sums[current] < best[current]))
            best[current] = sums[current];
    };
    for (const QString &line : QString::fromUtf8(process.readAllStandardOutput()).split(u'\n')) {
        if (line.startsWith(QStringLiteral("ITEM "))) {
            close();
            current = line.mid(5).toInt();
            sums[current] = 0;
        } else if (line.startsWith(QStringLiteral("Time: ")) && current >= 0) {
            sums[current] += line.section(u' ', 1, 1).toDouble() / 1000;
        }
    }
    close();
    return best;
}

double bestOf(int rounds, const std::function<void()> &work)
{
    double best = -1;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer clock;
        clock.start();
        work();
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        if (best < 0 || seconds < best)
            best = seconds;
    }
    return best;
}

// The SQLite shop copied into the database microshop_bench of the server at `serverUrl` (a login
// that may create databases), unless `reuse` finds it there; then the PostgreSQL figures.
void postgresqlFigures(const QString &shop, const QString &serverUrl, bool reuse, bool full,
                       QList<Figure> &figures)
{
    QUrl url(serverUrl);
    url.setPath(QStringLiteral("/microshop_bench"));
    const QString benchUrl = url.toString();
    QString found;
    timed(psql(),
          {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-d"),
           serverUrl, QStringLiteral("-c"),
           QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = "
                          "'microshop_bench'")},
          &found);
    if (!reuse || found.trimmed() != u"1") {
        timed(psql(), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), serverUrl,
                       QStringLiteral("-c"),
                       QStringLiteral("DROP DATABASE IF EXISTS microshop_bench WITH (FORCE)"),
                       QStringLiteral("-c"), QStringLiteral("CREATE DATABASE microshop_bench")});
        out << "Copying the data set to " << url.toDisplayString(QUrl::RemovePassword) << "..."
            << Qt::endl;
        figures.append({QStringLiteral("PostgreSQL: copy --to (the data set)"),
                        timed(cli(), {QStringLiteral("--db"), shop, QStringLiteral("copy"),
                                      QStringLiteral("--to"), benchUrl}),
                        -1,
                        QStringLiteral("-"),
                        -1,
                        -1,
                        {}});
        timed(psql(), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), benchUrl,
                       QStringLiteral("-c"), QStringLiteral("VACUUM ANALYZE")});
    }
    const auto location = DatabaseLocation::parse(benchUrl);
    if (!location)
        fail(QStringLiteral("not a PostgreSQL URL: %1").arg(serverUrl));
    auto database = Database::open(*location);
    const int rounds = 3;
    // A customer's name and a part of a phone number, typed key by key (up to 4 characters).
    QString name;
    QString phone;
    timed(psql(),
          {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-d"),
           benchUrl, QStringLiteral("-c"),
           QStringLiteral("SELECT name FROM customers ORDER BY length(name) DESC, id LIMIT 1")},
          &name);
    timed(psql(),
          {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-d"),
           benchUrl, QStringLiteral("-c"),
           QStringLiteral("SELECT phone FROM customers ORDER BY id LIMIT 1")},
          &phone);
    const QStringList words = {name.trimmed().left(4), phone.trimmed().mid(3, 4)};

    struct Item
    {
        QString what;
        std::function<void()> app;
        QStringList sql; // what the app sent in a first round, values written in
        double maxSeconds;
    };
    QList<Item> items;
    // A list's first page as the page shows it: its count (up to firstSearchCount for a
    // search), with any lookups the search makes first, then the first page's rows. psql runs
    // the statements the app sent for it.
    const auto firstPage = [&database, &items](const QString &what,
                                               std::unique_ptr<ListSource> (*make)(Database &),
                                               const ListQuery &query, double maxSeconds) {
        const std::function<void()> app = [&database, make, query] {
            // As PagedTableModel asks: a search counted up to its first limit.
            const auto source = make(*database);
            const qint64 total = source->count(query, ListSource::firstSearchCount);
            const bool capped = !query.search.isEmpty() && total >= ListSource::firstSearchCount;
            source->fetch(query, 0, PagedTableModel::pageSize, capped ? -1 : total);
        };
        QStringList sent;
        database->setStatementObserver([&sent](const QString &sql, const QVariantList &values) {
            sent.append(withValues(sql, values));
        });
        app();
        database->setStatementObserver({});
        items.append({what, app, sent, maxSeconds});
    };
    ListQuery newest;
    newest.sortColumn = OrderListModel::Date;
    newest.descending = true;
    firstPage(QStringLiteral("Orders page: count and first 200, newest first"), &ShopLists::orders,
              newest, 1);
    firstPage(QStringLiteral("Customers page: count and first 200"), &ShopLists::customers,
              ListQuery(), 1);
    firstPage(QStringLiteral("Products page: count and first 200"), &ShopLists::products,
              ListQuery(), 1);
    ListQuery byCustomer;
    byCustomer.sortColumn = OrderListModel::Customer;
    firstPage(QStringLiteral("sort all orders by customer"), &ShopLists::orders, byCustomer, 1);
    // Numbers; the start of most phones; Latin letters nobody has.
    for (const QString &typed :
         {QStringLiteral("S"), QStringLiteral("SO"), QStringLiteral("SO2026"),
          QStringLiteral("SO202611"), QStringLiteral("13"), QStringLiteral("xq")}) {
        ListQuery query = newest;
        query.search = typed;
        firstPage(QStringLiteral("search orders as you type \"%1\"").arg(typed), &ShopLists::orders,
                  query, 0.1);
    }
    for (const QString &word : words)
        for (int length = 1; length <= word.size(); ++length) {
            ListQuery query = newest;
            query.search = word.left(length);
            firstPage(QStringLiteral("search orders as you type \"%1\"").arg(query.search),
                      &ShopLists::orders, query, 0.1);
        }

    QList<QStringList> statements;
    for (const Item &item : items)
        statements.append(item.sql);
    const QList<double> references = psqlTimings(benchUrl, statements, rounds);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items.at(i);
        figures.append({QStringLiteral("PostgreSQL: ") + item.what,
                        bestOf(rounds, item.app),
                        references.at(i),
                        item.maxSeconds >= 1 ? QStringLiteral("under 1 s (best of 3)")
                                             : QStringLiteral("under 100 ms (best of 3)"),
                        -1,
                        full ? item.maxSeconds : -1.0,
                        {}});
    }

    // report sales --by month: the command beside psql's run of the report's SQL, each started,
    // connected and run to its end.
    const QString sales = QStringLiteral(
        "SELECT substr(o.date, 1, 7), count(DISTINCT o.id), sum(l.net), sum(l.refunded_amount) "
        "FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status NOT IN ('pending', "
        "'cancelled') GROUP BY substr(o.date, 1, 7)");
    double report = -1;
    double reference = -1;
    for (int round = 0; round < rounds; ++round) {
        const double mine = timed(cli(), {QStringLiteral("--db"), benchUrl,
                                          QStringLiteral("report"), QStringLiteral("sales"),
                                          QStringLiteral("--by"), QStringLiteral("month"),
                                          QStringLiteral("--format"), QStringLiteral("csv")});
        const double theirs = timed(psql(), {QStringLiteral("-X"), QStringLiteral("-A"),
                                             QStringLiteral("-F,"), QStringLiteral("-d"), benchUrl,
                                             QStringLiteral("-c"), sales});
        report = report < 0 ? mine : std::min(report, mine);
        reference = reference < 0 ? theirs : std::min(reference, theirs);
    }
    figures.append({QStringLiteral("PostgreSQL: report sales --by month, everything"),
                    report,
                    reference,
                    QStringLiteral("ratio <= 1.5 (best of 3)"),
                    1.5,
                    -1,
                    {}});
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Builds a demo shop and prints MicroShop's figures beside sqlite3's on the same file."));
    parser.addHelpOption();
    const QCommandLineOption work(QStringLiteral("work"),
                                  QStringLiteral("Folder for the data set (default: temporary)."),
                                  QStringLiteral("folder"));
    const QCommandLineOption products(QStringLiteral("products"), QStringLiteral("Products."),
                                      QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption customers(QStringLiteral("customers"), QStringLiteral("Customers."),
                                       QStringLiteral("n"), QStringLiteral("200000"));
    const QCommandLineOption distributors(QStringLiteral("distributors"),
                                          QStringLiteral("Distributors."), QStringLiteral("n"),
                                          QStringLiteral("100000"));
    const QCommandLineOption orders(QStringLiteral("orders"), QStringLiteral("Orders."),
                                    QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption importLines(
        QStringLiteral("import-lines"),
        QStringLiteral("Order lines imported from CSV (default: all of them)."),
        QStringLiteral("n"));
    const QCommandLineOption reuse(
        QStringLiteral("reuse"),
        QStringLiteral("Keep the data set already in --work (skips making it and the import)."));
    const QCommandLineOption postgresql(
        QStringLiteral("postgresql"),
        QStringLiteral("Copy the data set into the database microshop_bench of this PostgreSQL "
                       "server (a login that may create databases) and measure it there beside "
                       "psql, instead of the SQLite figures."),
        QStringLiteral("url"));
    parser.addOptions(
        {work, products, customers, distributors, orders, importLines, reuse, postgresql});
    parser.process(application);

    QTemporaryDir temporary;
    const QDir folder(parser.isSet(work) ? parser.value(work) : temporary.path());
    if (!folder.exists() && !QDir().mkpath(folder.path()))
        fail(QStringLiteral("cannot make %1").arg(folder.path()));
    const QString shop = folder.filePath(QStringLiteral("shop.db"));
    const QStringList size = {QStringLiteral("--products"),     parser.value(products),
                              QStringLiteral("--customers"),    parser.value(customers),
                              QStringLiteral("--distributors"), parser.value(distributors),
                              QStringLiteral("--orders"),       parser.value(orders)};
    QList<Figure> figures;
    const bool full = parser.value(orders).toLongLong() >= 1000000;

    // The data set, once.
    const bool reused = parser.isSet(reuse) && QFile::exists(shop);
    for (const QString &file :
         reused ? QStringList()
                : QStringList{shop, shop + QStringLiteral("-wal"), shop + QStringLiteral("-shm")})
        QFile::remove(file);
    if (!reused) {
        timed(cli(), {QStringLiteral("--db"), shop, QStringLiteral("init")});
        out << "Making the data set (" << size.join(u' ') << ")..." << Qt::endl;
        figures.append({QStringLiteral("demo --scale (the data set)"),
                        timed(cli(), QStringList{QStringLiteral("--db"), shop,
                                                 QStringLiteral("demo"), QStringLiteral("--scale")}
                                         + size),
                        -1,
                        full ? QStringLiteral("under 60 s") : QStringLiteral("(small set)"),
                        -1,
                        full ? 60.0 : -1.0,
                        {}});
    }

    if (parser.isSet(postgresql)) {
        postgresqlFigures(shop, parser.value(postgresql), parser.isSet(reuse), full, figures);
        print(figures, machineDescription());
        return 0;
    }

    // Export of every order line, and sqlite3's CSV of the same columns.
    const QString exported = folder.filePath(QStringLiteral("orders.csv"));
    const double exportSeconds = timed(cli(),
                                       {QStringLiteral("--db"), shop, QStringLiteral("export"),
                                        QStringLiteral("orders"), exported});
    const QString exportSql
        = QStringLiteral(
              "SELECT o.order_no, o.date, o.status, c.code, COALESCE(d.code, ''), p.sku, "
              "l.quantity, %1, %2, %3, COALESCE(o.paid_at, ''), COALESCE(o.shipped_at, ''), "
              "COALESCE(o.completed_at, ''), COALESCE(s.courier, ''), COALESCE(s.tracking, ''), "
              "o.notes FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON "
              "p.id = l.product_id JOIN customers c ON c.id = o.customer_id LEFT JOIN "
              "distributors d ON d.id = o.distributor_id LEFT JOIN shipments s ON s.order_id = "
              "o.id ORDER BY o.order_no, l.line_no")
              .arg(money("l.unit_price"), money("l.discount"), money("o.shipping_fee"));
    const QString referenceFile = folder.filePath(QStringLiteral("orders-sqlite3.csv"));
    figures.append(
        {QStringLiteral("export all order lines to CSV"),
         exportSeconds,
         timed(sqlite3(), {QStringLiteral("-csv"), shop, exportSql}, nullptr, referenceFile),
         QStringLiteral("ratio <= 1.5"),
         1.5,
         -1,
         {}});

    // The courier batch file of every paid, unshipped order beside the export of every order
    // line: the same kind of streamed read and write, so it should take no longer.
    const QString shipping = folder.filePath(QStringLiteral("shipping.csv"));
    figures.append({QStringLiteral("export shipping (paid, unshipped orders) vs export orders"),
                    timed(cli(), {QStringLiteral("--db"), shop, QStringLiteral("export"),
                                  QStringLiteral("shipping"), shipping}),
                    exportSeconds,
                    QStringLiteral("ratio <= 1"),
                    1,
                    -1,
                    {},
                    QStringLiteral("%1 (export orders)").arg(text(exportSeconds))});

    // The Orders page's batch: every order selected (Ctrl+A, all that match), its keys read in
    // the list's order, and the courier file of the paid ones among them, as the page does it
    // off the UI thread; beside the export of every order line.
    {
        Shop opened(Database::open(DatabaseLocation::sqliteFile(shop)));
        QElapsedTimer clock;
        clock.start();
        ListSelection everything;
        everything.query.sortColumn = 0; // order_no
        everything.allMatching = true;
        const QList<qint64> ids = everything.keys(*opened.context.lists(ListKind::Orders));
        ShippingSelection chosen(opened.context.exports, ids);
        const qint64 rows = ShopExporter(chosen).exportToFile(
            ExportKind::Shipping, folder.filePath(QStringLiteral("shipping-selected.csv")));
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        figures.append({QStringLiteral("select all %L1 orders, courier file of the %L2 paid "
                                       "vs export orders")
                            .arg(ids.size())
                            .arg(rows),
                        seconds,
                        exportSeconds,
                        QStringLiteral("ratio <= 1"),
                        1,
                        -1,
                        {},
                        QStringLiteral("%1 (export orders)").arg(text(exportSeconds))});
    }

    // The same lines as an Excel workbook (issue 13) against the CSV export, timed under GNU time
    // for its peak memory too (libxlsxwriter's constant_memory: the same for any length).
    const QString workbook = folder.filePath(QStringLiteral("orders.xlsx"));
    QElapsedTimer workbookClock;
    workbookClock.start();
    const double workbookMegabytes = peakMegabytes(folder, cli(),
                                                   {QStringLiteral("--db"), shop,
                                                    QStringLiteral("export"),
                                                    QStringLiteral("orders"), workbook});
    const double workbookSeconds = double(workbookClock.nsecsElapsed()) / 1e9;
    figures.append({QStringLiteral("export all order lines to an Excel workbook"), workbookSeconds,
                    exportSeconds, QStringLiteral("ratio <= 6 (the CSV export)"), 6, -1,
                    QStringLiteral("%1 s, peak %2 MB")
                        .arg(workbookSeconds, 0, 'f', 2)
                        .arg(workbookMegabytes, 0, 'f', 0),
                    QStringLiteral("%1 s (CSV)").arg(exportSeconds, 0, 'f', 2)});

    // Import of order lines, validated with all their effects, into a shop with the same
    // products, customers and distributors; and sqlite3's .import of the same file.
    if (!reused) {
        QFile all(exported);
        if (!all.open(QIODevice::ReadOnly))
            fail(QStringLiteral("cannot read %1").arg(exported));
        const qint64 wanted = parser.isSet(importLines) ? parser.value(importLines).toLongLong()
                                                        : -1;
        const QString sample = folder.filePath(QStringLiteral("import.csv"));
        QFile sampleFile(sample);
        if (!sampleFile.open(QIODevice::WriteOnly))
            fail(QStringLiteral("cannot write %1").arg(sample));
        qint64 lines = -1; // the header is not a line
        QByteArray previousOrder;
        while (!all.atEnd()) {
            const QByteArray line = all.readLine();
            const QByteArray order = line.left(line.indexOf(','));
            // Whole orders only: stop at an order's first line once enough are taken.
            if (wanted >= 0 && lines >= wanted && order != previousOrder)
                break;
            sampleFile.write(line);
            previousOrder = order;
            ++lines;
        }
        sampleFile.close();
        const QString target = folder.filePath(QStringLiteral("import.db"));
        QFile::remove(target);
        timed(cli(), {QStringLiteral("--db"), target, QStringLiteral("init")});
        QStringList noOrders = size;
        noOrders.last() = QStringLiteral("0");
        timed(cli(), QStringList{QStringLiteral("--db"), target, QStringLiteral("demo"),
                                 QStringLiteral("--scale")}
                         + noOrders);
        // The target shop's stock is not the one the orders were sold from.
        timed(cli(),
              {QStringLiteral("--db"), target, QStringLiteral("config"), QStringLiteral("set"),
               QStringLiteral("stock.allow_negative"), QStringLiteral("true")});
        // The same shop before the import, for the import's rows written by SQL below.
        const QString floor = folder.filePath(QStringLiteral("floor.db"));
        const QString before = folder.filePath(QStringLiteral("before-import.db"));
        copyAfresh(target, before);
        const QString bare = folder.filePath(QStringLiteral("bare.db"));
        QFile::remove(bare);
        QStringList columns;
        for (int i = 1; i <= 16; ++i)
            columns.append(QStringLiteral("c%1 TEXT").arg(i));
        const double bareImport = timed(
            sqlite3(), {bare, QStringLiteral("CREATE TABLE bare (%1)").arg(columns.join(u',')),
                        QStringLiteral(".import --csv --skip 1 %1 bare").arg(sample)});
        const QString youzan = folder.filePath(QStringLiteral("youzan.csv"));
        writeYouzanExport(sample, before, youzan);
        const QString platformTarget = folder.filePath(QStringLiteral("platform.db"));
        // The own file, the Youzan export and the floor (the rows written by SQL, below), each
        // into a fresh copy of the shop before them, in alternating rounds so that all three meet
        // the same load. The last round's shops are checked against each other below.
        QList<double> importTimes, platformTimes, floorTimes;
        for (int round = 1; round <= importRounds; ++round) {
            out << "Importing " << lines << " order lines, then the same orders from a Youzan "
                << "export, then the floor (round " << round << " of " << importRounds << ")..."
                << Qt::endl;
            copyAfresh(before, target);
            importTimes.append(
                timed(cli(), {QStringLiteral("--db"), target, QStringLiteral("import"),
                              QStringLiteral("orders"), sample}));
            copyAfresh(before, platformTarget);
            platformTimes.append(
                timed(cli(), {QStringLiteral("--db"), platformTarget, QStringLiteral("import"),
                              QStringLiteral("orders"), youzan}));
            // Not a target: the rows that import writes (orders, lines, payments, shipments, stock
            // and its movements, commission basis and entries, bindings), written by sqlite3
            // itself from the bare table with set-based SQL and no checks: a floor under any
            // importer.
            copyAfresh(before, floor);
            floorTimes.append(
                timed(sqlite3(), {QStringLiteral("-bail"), floor, importFloorSql(bare)}));
        }
        const double importSeconds = fastest(importTimes);
        // The first round's yardstick, kept for comparison: no target (issue 16 replaced it by
        // the floor below).
        figures.append({QStringLiteral("import %1 order lines from CSV, beside .import").arg(lines),
                        importSeconds, bareImport, QStringLiteral("(.import: a bare table)"), -1,
                        -1, rounds(importTimes)});
        // Its peak memory, again into a copy of the shop before it: the file is read as a
        // stream (twice: checked, then applied in order of payment), never held.
        const QString again = folder.filePath(QStringLiteral("import-again.db"));
        copyAfresh(before, again);
        const double importMegabytes = peakMegabytes(folder, cli(),
                                                     {QStringLiteral("--db"), again,
                                                      QStringLiteral("import"),
                                                      QStringLiteral("orders"), sample});
        const QString bareAgain = folder.filePath(QStringLiteral("bare-again.db"));
        QFile::remove(bareAgain);
        const double bareMegabytes = peakMegabytes(
            folder, sqlite3(),
            {bareAgain, QStringLiteral("CREATE TABLE bare (%1)").arg(columns.join(u',')),
             QStringLiteral(".import --csv --skip 1 %1 bare").arg(sample)});
        figures.append({QStringLiteral("the own CSV import's peak memory (a stream, read twice)"),
                        importMegabytes, bareMegabytes, QStringLiteral("under 200 MB"), -1, 200,
                        QStringLiteral("%1 MB").arg(importMegabytes, 0, 'f', 0),
                        QStringLiteral("%1 MB (sqlite3 .import)").arg(bareMegabytes, 0, 'f', 0)});
        // Both must pay the same sums.
        const QString sums = QStringLiteral("SELECT count(*), sum(amount) FROM payments");
        QString own, platformPaid;
        timed(sqlite3(), {target, sums}, &own);
        timed(sqlite3(), {platformTarget, sums}, &platformPaid);
        if (own != platformPaid)
            fail(QStringLiteral("the Youzan export paid other sums than the own file: %1 against "
                                "%2")
                     .arg(platformPaid.trimmed(), own.trimmed()));
        const QList<Figure> platform = platformImport(folder, youzan, before, platformTimes,
                                                      importTimes);
        figures += platform;
        const double floorSeconds = fastest(floorTimes);
        // The floor holds as many rows of each kind as the import wrote, or it is no floor.
        const QString rows = QStringLiteral(
            "SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM order_lines), "
            "(SELECT count(*) FROM payments), (SELECT count(*) FROM shipments), "
            "(SELECT count(*) FROM stock_movements), (SELECT count(*) FROM commission_basis), "
            "(SELECT count(*) FROM commission_entries), (SELECT sum(stock) FROM products)");
        QString imported, floored;
        timed(sqlite3(), {target, rows}, &imported);
        timed(sqlite3(), {floor, rows}, &floored);
        if (imported != floored)
            fail(QStringLiteral("the SQL floor wrote other rows than the import: %1 against %2")
                     .arg(floored.trimmed(), imported.trimmed()));
        figures.append({QStringLiteral("the same import beside its rows written by SQL in sqlite3"),
                        importSeconds, floorSeconds,
                        QStringLiteral("ratio <= 2.5 (best of %1)").arg(importRounds), 2.5, -1,
                        rounds(importTimes), rounds(floorTimes)});
        // The Youzan export writes the same rows (its sums are checked equal above): the same
        // floor, the same target (issue 16).
        figures.append({QStringLiteral("the same orders from a Youzan export beside that floor"),
                        platform.constFirst().seconds, floorSeconds,
                        QStringLiteral("ratio <= 2.5 (best of %1)").arg(importRounds), 2.5, -1,
                        rounds(platformTimes), rounds(floorTimes)});
    }

    // Reports, and the same figures by SQL.
    const QString counted = QStringLiteral("o.status NOT IN ('pending', 'cancelled')");
    figures.append(
        {QStringLiteral("report sales --by month, everything"),
         timed(cli(), {QStringLiteral("--db"), shop, QStringLiteral("report"),
                       QStringLiteral("sales"), QStringLiteral("--by"), QStringLiteral("month"),
                       QStringLiteral("--format"), QStringLiteral("csv")}),
         timed(sqlite3(),
               {QStringLiteral("-csv"), shop,
                QStringLiteral("SELECT substr(o.date, 1, 7), count(DISTINCT o.id), %1, %2, %3 "
                               "FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE %4 "
                               "GROUP BY substr(o.date, 1, 7) ORDER BY 1")
                    .arg(money("sum(l.net)"), money("sum(l.refunded_amount)"),
                         money("sum(l.net - l.refunded_amount)"), counted)}),
         QStringLiteral("ratio <= 1.5"),
         1.5,
         -1,
         {}});
    figures.append(
        {QStringLiteral("report distributors (team sales of all)"),
         timed(cli(),
               {QStringLiteral("--db"), shop, QStringLiteral("report"),
                QStringLiteral("distributors"), QStringLiteral("--format"), QStringLiteral("csv")}),
         timed(
             sqlite3(),
             {QStringLiteral("-csv"), shop,
              QStringLiteral(
                  "WITH direct AS (SELECT o.distributor_id AS id, sum(l.net - "
                  "l.refunded_amount) AS net FROM orders o JOIN order_lines l ON l.order_id = "
                  "o.id WHERE %1 AND o.distributor_id IS NOT NULL GROUP BY o.distributor_id), "
                  "team AS (SELECT c.ancestor_id AS id, sum(direct.net) AS net FROM "
                  "distributor_closure c JOIN direct ON direct.id = c.descendant_id GROUP BY "
                  "c.ancestor_id), sizes AS (SELECT ancestor_id AS id, count(*) - 1 AS size "
                  "FROM distributor_closure GROUP BY ancestor_id) SELECT d.code, d.name, "
                  "COALESCE(u.code, ''), d.depth, COALESCE(s.size, 0), %2, %3 FROM "
                  "distributors d LEFT JOIN distributors u ON u.id = d.upline_id LEFT JOIN "
                  "direct ON direct.id = d.id LEFT JOIN team ON team.id = d.id LEFT JOIN sizes "
                  "s ON s.id = d.id ORDER BY d.code")
                  .arg(counted, money("COALESCE(direct.net, 0)"), money("COALESCE(team.net, 0)"))}),
         QStringLiteral("ratio <= 2, under 2 s"),
         2,
         2,
         {}});

    // The Dashboard's figures and a settlement's preview (issue 16), in process as the page and
    // the dialog compute them, beside sqlite3 running the statements the app sent for them; and
    // `check`, beside sqlite3's own integrity and foreign key checks, the floor under any check.
    {
        Shop opened(Database::open(DatabaseLocation::sqliteFile(shop)));
        Database &database = *opened.database;
        const QDate today = Dates::today();
        const auto inProcess = [&database, &shop, &figures,
                                full](const QString &what, const std::function<void()> &compute) {
            QStringList sent;
            database.setStatementObserver([&sent](const QString &sql, const QVariantList &values) {
                sent.append(withValues(sql, values) + u';');
            });
            compute();
            database.setStatementObserver({});
            double reference = -1;
            for (int round = 0; round < 3; ++round) {
                const double seconds = timed(sqlite3(), {shop, sent.join(u'\n')});
                reference = reference < 0 ? seconds : std::min(reference, seconds);
            }
            figures.append({what,
                            bestOf(3, compute),
                            reference,
                            QStringLiteral("under 1 s (best of 3)"),
                            -1,
                            full ? 1.0 : -1.0,
                            {}});
        };
        inProcess(QStringLiteral("Dashboard's figures"),
                  [&opened, today] { opened.services.reports->dashboard(today); });
        inProcess(QStringLiteral("settlement preview, every distributor up to today"),
                  [&opened, today] { opened.services.ledger.previewSettlement(today); });
    }
    figures.append({QStringLiteral("check (integrity, foreign keys, invariants)"),
                    timed(cli(), {QStringLiteral("--db"), shop, QStringLiteral("check")}),
                    timed(sqlite3(), {shop, QStringLiteral("PRAGMA integrity_check; PRAGMA "
                                                           "foreign_key_check;")}),
                    QStringLiteral("under 10 s"),
                    -1,
                    full ? 10.0 : -1.0,
                    {},
                    {}});

    // A settlement of every distributor up to today, on two copies of the shop: `settle` beside
    // sqlite3 writing the same payouts and marking the same entries with two set-based
    // statements (no audit, no checks): a floor under any settlement.
    {
        const QString settled = folder.filePath(QStringLiteral("settled.db"));
        const QString floor = folder.filePath(QStringLiteral("settled-floor.db"));
        for (const QString &copy : {settled, floor})
            copyAfresh(shop, copy);
        const QString until = literal(Dates::toText(Dates::today()));
        const QString sql
            = QStringLiteral(
                  "PRAGMA foreign_keys = ON; BEGIN; INSERT INTO payouts (distributor_id, "
                  "period_end, created_at, amount, entries, actor) SELECT e.distributor_id, %1, "
                  "%2, sum(e.amount), count(*), 'bench' FROM commission_entries e WHERE "
                  "e.payout_id IS NULL AND e.available_on IS NOT NULL AND e.available_on <= %1 "
                  "GROUP BY e.distributor_id HAVING sum(e.amount) > 0; UPDATE commission_entries "
                  "SET payout_id = (SELECT p.id FROM payouts p WHERE p.distributor_id = "
                  "commission_entries.distributor_id AND p.period_end = %1) WHERE payout_id IS "
                  "NULL AND available_on IS NOT NULL AND available_on <= %1 AND distributor_id "
                  "IN (SELECT distributor_id FROM payouts WHERE period_end = %1); COMMIT;")
                  .arg(until, literal(Dates::toText(Dates::now())));
        const double mine = timed(cli(),
                                  {QStringLiteral("--db"), settled, QStringLiteral("settle"),
                                   QStringLiteral("--until"), Dates::toText(Dates::today())});
        const double theirs = timed(sqlite3(), {floor, sql});
        // The same payouts, or it was not the same work.
        const QString sums = QStringLiteral(
            "SELECT count(*), sum(amount), sum(entries) FROM payouts; SELECT count(*) FROM "
            "commission_entries WHERE payout_id IS NOT NULL;");
        QString settledSums;
        QString floorSums;
        timed(sqlite3(), {settled, sums}, &settledSums);
        timed(sqlite3(), {floor, sums}, &floorSums);
        if (settledSums != floorSums)
            fail(QStringLiteral("the settlement and its floor paid differently: %1 against %2")
                     .arg(settledSums.simplified(), floorSums.simplified()));
        figures.append({QStringLiteral("settle every distributor up to today (%1 payouts)")
                            .arg(settledSums.section(u'|', 0, 0)),
                        mine,
                        theirs,
                        QStringLiteral("under 1 s"),
                        -1,
                        full ? 1.0 : -1.0,
                        {},
                        QStringLiteral("%1 (set-based SQL, a floor)").arg(text(theirs))});
        QFile::remove(settled);
        QFile::remove(floor);
    }

    // The desktop app's start to the Orders page showing rows, beside the plain Qt way to show
    // the same orders (microshop-plain-orders: QSqlQueryModel in a QTableView): each to its
    // first paint with rows, then quit; the rounds alternate so that both meet the same load.
    QProcessEnvironment app = QProcessEnvironment::systemEnvironment();
    app.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    app.insert(QStringLiteral("MICROSHOP_NO_DAILY_BACKUP"), QStringLiteral("1"));
    app.insert(QStringLiteral("XDG_CONFIG_HOME"), folder.filePath(QStringLiteral("config")));
    QProcessEnvironment shown = app;
    shown.insert(QStringLiteral("MICROSHOP_BENCH"), QStringLiteral("orders-shown"));
    // The yardstick again, linked to every shared library the app links
    // (microshop-plain-orders-linked): the loader loads and binds them before main, as it does the
    // app's. A floor under the app's start for those libraries (PrintSupport, the keychain, zint,
    // minizip). It loads no library the app does not, or it is no floor. (Earlier runs preloaded
    // them with LD_PRELOAD, which puts them ahead of everything else the loader searches: not the
    // way the app loads them.)
    {
        const auto librariesOf = [](const QString &program) {
            QString said;
            timed(QStringLiteral("ldd"), {program}, &said);
            QStringList names;
            for (const QString &line : said.split(u'\n', Qt::SkipEmptyParts))
                names.append(line.trimmed().section(u' ', 0, 0));
            names.sort();
            return names;
        };
        const QStringList appLibraries = librariesOf(QStringLiteral(MICROSHOP_APP_PATH));
        const QStringList linkedLibraries = librariesOf(
            QStringLiteral(MICROSHOP_PLAIN_ORDERS_LINKED_PATH));
        const auto notIn = [](const QStringList &these, const QStringList &those) {
            QStringList missing;
            for (const QString &library : these)
                if (!those.contains(library))
                    missing.append(library);
            return missing;
        };
        const QStringList extra = notIn(linkedLibraries, appLibraries);
        if (appLibraries.size() < 2 || !extra.isEmpty())
            fail(QStringLiteral("the linked yardstick loads libraries the app does not: %1 "
                                "(the app loads %2)")
                     .arg(extra.join(u' '), appLibraries.join(u' ')));
        // A build may keep a library the Release link drops as unneeded (the sanitizer build
        // keeps Qt Concurrent, whose template code Release inlines): the floor then lacks it,
        // which only makes the floor lower. Said, so that the figures say what they compare.
        const QStringList lacking = notIn(appLibraries, linkedLibraries);
        if (!lacking.isEmpty())
            out << "The linked yardstick does not load " << lacking.join(u' ')
                << ", which this build of the app loads." << Qt::endl;
    }
    QString said;
    QString plainSaid;
    QList<double> starts;
    QList<double> plainStarts;
    QList<double> linkedStarts;
    for (int round = 0; round < startRounds; ++round) {
        starts.append(timed(QStringLiteral(MICROSHOP_APP_PATH), {QStringLiteral("--db"), shop},
                            &said, {}, shown));
        plainStarts.append(
            timed(QStringLiteral(MICROSHOP_PLAIN_ORDERS_PATH), {shop}, &plainSaid, {}, app));
        linkedStarts.append(
            timed(QStringLiteral(MICROSHOP_PLAIN_ORDERS_LINKED_PATH), {shop}, nullptr, {}, app));
    }
    if (!said.startsWith(QStringLiteral("rows ")))
        fail(QStringLiteral("the app did not show the Orders page: %1").arg(said));
    // The list's count, taken on another connection as the window builds, is every order.
    QString orderCount;
    timed(sqlite3(), {shop, QStringLiteral("SELECT count(*) FROM orders")}, &orderCount);
    if (said.section(u' ', 1, 1) != orderCount.trimmed())
        fail(QStringLiteral("the app's Orders page counts %1 orders, the file holds %2")
                 .arg(said.section(u' ', 1, 1), orderCount.trimmed()));
    // Both show the same newest order first, or they did not do the same work.
    const QString newestShown = said.section(u' ', 3, 3).trimmed();
    if (plainSaid.section(u' ', 3, 3).trimmed() != newestShown)
        fail(QStringLiteral("the plain Qt program showed other orders than the app: %1 against %2")
                 .arg(plainSaid.trimmed(), said.trimmed()));
    figures.append({QStringLiteral("app start to the Orders page showing rows"), fastest(starts),
                    fastest(plainStarts),
                    QStringLiteral("ratio <= 1.5 (best of %1, QSqlQueryModel in a QTableView)")
                        .arg(startRounds),
                    1.5, -1, rounds(starts), rounds(plainStarts)});
    figures.append({QStringLiteral("the same, beside that program linked to the app's libraries"),
                    fastest(starts), fastest(linkedStarts),
                    QStringLiteral("(a floor for a program that links them)"), -1, -1,
                    rounds(starts), rounds(linkedStarts)});

    // The Orders list itself: sort a million by another column; search as you type.
    {
        auto database = Database::open(DatabaseLocation::sqliteFile(shop));
        OrderListModel model(ShopLists::orders(*database));
        model.index(0, 0).data(); // the first page, as the page opens
        QElapsedTimer clock;
        clock.start();
        model.sort(OrderListModel::Customer, Qt::AscendingOrder);
        model.index(0, OrderListModel::Customer).data();
        const double sort = double(clock.nsecsElapsed()) / 1e9;
        figures.append(
            {QStringLiteral("sort all orders by customer"),
             sort,
             timed(sqlite3(),
                   {shop, QStringLiteral("SELECT o.id, o.order_no, c.name FROM orders o JOIN "
                                         "customers c ON c.id = o.customer_id ORDER BY c.name, "
                                         "o.id LIMIT 100")}),
             QStringLiteral("under 1 s"),
             -1,
             1,
             {}});
        model.sort(OrderListModel::Date, Qt::DescendingOrder);
        model.index(0, 0).data();
        // Typing an order number, then a customer's name, key by key: the slowest key counts.
        double slowest = 0;
        QString slowestText;
        for (const QString &typed :
             {QStringLiteral("S"), QStringLiteral("SO"), QStringLiteral("SO2026"),
              QStringLiteral("SO202611"), QStringLiteral("SO20261126-"), QStringLiteral("张"),
              QStringLiteral("张伟"), QStringLiteral("139")}) {
            clock.restart();
            model.setSearch(typed);
            model.rowCount();
            model.index(0, 0).data();
            const double seconds = double(clock.nsecsElapsed()) / 1e9;
            if (seconds > slowest) {
                slowest = seconds;
                slowestText = typed;
            }
        }
        figures.append(
            {QStringLiteral("search as you type, slowest key (\"%1\")").arg(slowestText),
             slowest,
             timed(sqlite3(), {shop, QStringLiteral("SELECT id, order_no FROM orders WHERE "
                                                    "order_no >= 'SO2026' ORDER BY order_no "
                                                    "LIMIT 100")}),
             QStringLiteral("under 100 ms"),
             -1,
             0.1,
             {}});
    }

    // A distributor with 1,000 direct recruits, expanded in the tree.
    {
        Shop opened(Database::open(DatabaseLocation::sqliteFile(shop)));
        ShopServices &services = opened.services;
        Database *database = opened.database.get();
        qint64 root = 0;
        if (const auto existing = services.distributorRepository.findByCode(
                QStringLiteral("BENCH")))
            root = existing->id;
        else
            database->inTransaction([&] {
                Distributor distributor;
                distributor.joined = Dates::today();
                distributor.code = QStringLiteral("BENCH");
                distributor.name = QStringLiteral("基准");
                root = services.distributorService.create(distributor).id;
                distributor.uplineId = root;
                for (int i = 0; i < 1000; ++i) {
                    distributor.code = QStringLiteral("BENCH-%1").arg(i, 4, 10, QLatin1Char('0'));
                    services.distributorService.create(distributor);
                }
            });
        DistributorTreeModel tree(services.distributorRepository);
        const QModelIndex node = tree.reveal(root);
        QElapsedTimer clock;
        clock.start();
        if (tree.canFetchMore(node))
            tree.fetchMore(node);
        const int children = tree.rowCount(node);
        tree.index(children - 1, 0, node).data();
        const double expand = double(clock.nsecsElapsed()) / 1e9;
        if (children != 1000)
            fail(QStringLiteral("the tree shows %1 recruits of BENCH, not 1000").arg(children));
        figures.append({QStringLiteral("expand a distributor with 1,000 recruits"),
                        expand,
                        -1,
                        QStringLiteral("under 100 ms"),
                        -1,
                        0.1,
                        {}});
    }

    // 1,000 shipping labels (platforms.md, "Shipping in batches") as one PDF: the first thousand
    // orders by number, each read whole (lines, shipment, customer) and painted with its barcode.
    {
        Shop opened(Database::open(DatabaseLocation::sqliteFile(shop)));
        ListQuery query;
        query.sortColumn = 0; // order_no
        QList<qint64> ids;
        for (const QVariantList &row :
             opened.context.lists(ListKind::Orders)->fetch(query, 0, 1000, -1))
            ids.append(row.value(0).toLongLong());
        const QString labels = folder.filePath(QStringLiteral("labels.pdf"));
        QElapsedTimer clock;
        clock.start();
        opened.documents.writeOrdersPdf(ShopDocuments::OrderDocument::Label, ids,
                                        ShopDocuments::Paper::Label100x180, labels);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        figures.append({QStringLiteral("%1 shipping labels to one PDF").arg(ids.size()), seconds,
                        -1, QStringLiteral("under 10 s"), -1, 10,
                        QStringLiteral("%1 (%2 MB)")
                            .arg(text(seconds))
                            .arg(double(QFileInfo(labels).size()) / 1e6, 0, 'f', 1)});
    }

    // The app's peak memory once the Orders list is scrolled to its end.
    QProcessEnvironment scrolled = app;
    scrolled.insert(QStringLiteral("MICROSHOP_BENCH"), QStringLiteral("orders-scrolled"));
    const double scrollSeconds = timed(QStringLiteral(MICROSHOP_APP_PATH),
                                       {QStringLiteral("--db"), shop}, &said, {}, scrolled);
    const QString peak = said.section(QStringLiteral(" peak "), 1).trimmed(); // "95672 kB"
    const double megabytes = peak.section(u' ', 0, 0).toDouble() / 1024;
    Figure memory{QStringLiteral("app peak memory, Orders scrolled to the end"),
                  megabytes,
                  -1,
                  QStringLiteral("under 200 MB"),
                  -1,
                  200,
                  QStringLiteral("%1 MB (start and scroll: %2)")
                      .arg(megabytes, 0, 'f', 0)
                      .arg(text(scrollSeconds))};
    figures.append(memory);

    print(figures, machineDescription());
    return 0;
}
