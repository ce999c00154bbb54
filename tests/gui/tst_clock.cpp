// The clock as an input: the shop's "now" comes from Clock (fixed here, in the shop's own time
// zone), and both demo generators and the Dashboard keep their promises at any instant — late
// evening, a second before midnight, the last day of a month and of a year, 29 February — on a
// computer in UTC and one in Asia/Shanghai (CTest runs this test under both: MICROSHOP_TEST_TZ).
#include "DatabaseCheck.h"
#include "DemoGenerator.h"
#include "DesktopShop.h"
#include "ScaleDemoGenerator.h"
#include "ShopServices.h"

#include "DashboardPage.h"
#include "LanguageManager.h"
#include "SettingsPage.h"

#include "Clock.h"
#include "Dates.h"
#include "ShopSettings.h"

#include "CliRunner.h"
#include "TestClock.h"
#include "TestValues.h"
#include "Widgets.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestClock : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void theClockReadsTheInstantInTheShopsZone();
    void aBadFixedInstantIsRefused();
    void aMorningInChinaIsTodayOnAComputerInUtc();
    void aShopTimeInTheComputersDaylightSavingGapIsKept();
    void theSettingsPageChoosesTheZone();

    void demoShopsKeepTheirPromisesAtAnyInstant_data();
    void demoShopsKeepTheirPromisesAtAnyInstant();

    void anHourLaterOnlyTheNewestOrdersHaveMovedOn();
    void theSameShopOnAComputerInUtcAndOneInShanghai();

private:
    void checkPromises(Database &database, const QDateTime &now, const QStringList &statuses);
    qint64 count(Database &database, const QString &sql);
    static Order orderNow(ShopServices &services, int units);

    QTemporaryDir m_folder;
    int m_shops = 0;
    const QDateTime m_suiteInstant = *Clock::fixedInstant();
};

void TestClock::cleanup()
{
    // Each test leaves the clock as the suite set it: its instant, the system's zone.
    Clock::setFixedInstant(m_suiteInstant);
    Clock::setTimeZone(QTimeZone());
}

// An order of `units` teas at 88.00 for a new customer, dated now (the clock's), in a new shop.
Order TestClock::orderNow(ShopServices &services, int units)
{
    Product tea;
    tea.sku = QStringLiteral("TEA-01");
    tea.name = QStringLiteral("普洱熟茶");
    tea.price = yuan("88.00");
    tea.stock = 10;
    tea = services.catalog.create(tea, Dates::now());
    Customer customer;
    customer.code = QStringLiteral("C0001");
    customer.name = QStringLiteral("张三");
    customer = services.customerService.create(customer);
    OrderDraft draft;
    draft.customerId = customer.id;
    draft.lines.append({tea.id, units, std::nullopt, Money()});
    return services.workflow.create(draft);
}

qint64 TestClock::count(Database &database, const QString &sql)
{
    QSqlQuery query = database.exec(sql);
    return query.next() ? query.value(0).toLongLong() : -1;
}

void TestClock::theClockReadsTheInstantInTheShopsZone()
{
    Clock::setFixedInstant(*Clock::parseInstant(QStringLiteral("2026-12-31T23:59:59+08:00")));
    Clock::setTimeZone(QTimeZone("Asia/Shanghai"));
    QCOMPARE(Dates::toText(Dates::now()), QStringLiteral("2026-12-31 23:59:59"));
    QCOMPARE(Dates::today(), QDate(2026, 12, 31));
    Clock::setTimeZone(QTimeZone("UTC"));
    QCOMPARE(Dates::toText(Dates::now()), QStringLiteral("2026-12-31 15:59:59"));
    Clock::setTimeZone(QTimeZone("America/Los_Angeles"));
    QCOMPARE(Dates::toText(Dates::now()), QStringLiteral("2026-12-31 07:59:59"));
    // Fixed means fixed: asked again later, the same second.
    QTest::qWait(1100);
    QCOMPARE(Dates::toText(Dates::now()), QStringLiteral("2026-12-31 07:59:59"));
    // Shop-local times compare with the ones read from the database, as wall clocks.
    QCOMPARE(Dates::now(), at("2026-12-31 07:59:59"));

    // The zone is a shop setting, the computer's own until chosen, and the clock follows it.
    const auto shop = openDesktopShop(m_folder.filePath(QStringLiteral("zone.db")));
    QCOMPARE(shop->services.settings.value(ShopSettings::timeZoneKey),
             QString::fromLatin1(QTimeZone::systemTimeZoneId()));
    QCOMPARE(Clock::timeZone(), QTimeZone::systemTimeZone());
    shop->services.settings.setValue(ShopSettings::timeZoneKey, QStringLiteral("Asia/Shanghai"));
    QCOMPARE(Clock::timeZone().id(), QByteArray("Asia/Shanghai"));
    QCOMPARE(Dates::toText(Dates::now()), QStringLiteral("2026-12-31 23:59:59"));
    // Opened again as the app opens it, the shop's zone is the clock's again.
    Clock::setTimeZone(QTimeZone("UTC"));
    const auto reopened = openDesktopShop(m_folder.filePath(QStringLiteral("zone.db")));
    QCOMPARE(Clock::timeZone().id(), QByteArray("Asia/Shanghai"));
    // A zone nobody knows changes nothing.
    QVERIFY_THROWS_EXCEPTION(InputError,
                             shop->services.settings.setValue(ShopSettings::timeZoneKey,
                                                              QStringLiteral("Mars/Olympus")));
    QCOMPARE(shop->services.settings.value(ShopSettings::timeZoneKey),
             QStringLiteral("Asia/Shanghai"));
    QCOMPARE(Clock::timeZone().id(), QByteArray("Asia/Shanghai"));
}

void TestClock::aBadFixedInstantIsRefused()
{
    QString error;
    // Without its offset an instant means a different moment on every computer.
    QVERIFY(!Clock::parseInstant(QStringLiteral("2026-11-30T07:30:00"), &error));
    QVERIFY2(error.contains(QStringLiteral("+08:00")), qPrintable(error));
    QVERIFY(!Clock::parseInstant(QStringLiteral("tomorrow"), &error));
    QCOMPARE(Clock::parseInstant(QStringLiteral("2026-11-29T23:30:00Z"))->toUTC(),
             QDateTime(QDate(2026, 11, 29), QTime(23, 30), Qt::UTC));

    // The command line refuses it before touching anything (a usage error, exit 2).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(Clock::fixedInstantVariable),
                       QStringLiteral("2026-11-30 7:30"));
    const QString db = m_folder.filePath(QStringLiteral("refused.db"));
    const CliResult result = runCli({QStringLiteral("--db"), db, QStringLiteral("init")},
                                    environment);
    QCOMPARE(result.status, 2);
    QVERIFY2(result.err.contains(QStringLiteral("MICROSHOP_NOW")), qPrintable(result.err));
    QVERIFY(!QFile::exists(db));
}

// A merchant in China at 07:30 (23:30 UTC the day before) sees this morning's order under today,
// on the Dashboard and in the order's date, whatever zone the computer itself is set to.
void TestClock::aMorningInChinaIsTodayOnAComputerInUtc()
{
    const auto shop = openDesktopShop(m_folder.filePath(QStringLiteral("morning.db")));
    shop->services.settings.setValue(ShopSettings::timeZoneKey, QStringLiteral("Asia/Shanghai"));
    Clock::setFixedInstant(*Clock::parseInstant(QStringLiteral("2026-11-29T23:30:00Z")));
    QCOMPARE(Dates::today(), QDate(2026, 11, 30));

    const Order order = orderNow(shop->services, 2); // dated now
    QCOMPARE(Dates::toText(order.date), QStringLiteral("2026-11-30 07:30:00"));
    QVERIFY(order.orderNo.contains(QStringLiteral("20261130")));
    shop->services.workflow.pay(order.orderNo, Dates::now(), PaymentMethod::WeChat);

    DashboardPage page(shop->context);
    page.show();
    page.refresh();
    QTRY_VERIFY(!page.isUpdating());
    QCOMPARE(child<QLabel>(&page, "dateLabel")->text(), QStringLiteral("2026-11-30"));
    const auto figure = [&page](const char *tile) {
        return child<QLabel>(child<QPushButton>(&page, tile), "figure")->text();
    };
    QCOMPARE(figure("todayTile"), QStringLiteral("176.00"));
    QCOMPARE(figure("toShipTile"), QStringLiteral("1"));
}

// The shop is in China, the computer in Berlin: 02:30 on 28 March 2027 does not exist on the
// computer's clock (it springs from 02:00 to 03:00) but does in the shop, and is kept as it is.
// (Meaningful where CTest runs this test on a computer in Berlin, tst_clock_berlin.)
void TestClock::aShopTimeInTheComputersDaylightSavingGapIsKept()
{
    const auto shop = openDesktopShop(m_folder.filePath(QStringLiteral("gap.db")));
    shop->services.settings.setValue(ShopSettings::timeZoneKey, QStringLiteral("Asia/Shanghai"));
    Clock::setFixedInstant(*Clock::parseInstant(QStringLiteral("2027-03-28T02:30:00+08:00")));
    QCOMPARE(Dates::toText(Dates::now()), QStringLiteral("2027-03-28 02:30:00"));
    QCOMPARE(Dates::toText(*Dates::parseDateTime(u"2027-03-28 02:30")),
             QStringLiteral("2027-03-28 02:30:00"));
    QCOMPARE(Dates::now().addSecs(3600), at("2027-03-28 03:30"));

    const Order order = orderNow(shop->services, 1);
    shop->services.workflow.pay(order.orderNo, Dates::now(), PaymentMethod::WeChat);
    QCOMPARE(shop->database
                 ->scalar(QStringLiteral("SELECT date || ' ' || paid_at FROM orders WHERE id = ?"),
                          {order.id})
                 .toString(),
             QStringLiteral("2027-03-28 02:30:00 2027-03-28 02:30:00"));
}

// Settings › Shop › Time zone: the merchant picks a zone, sees what time it is there, applies
// it, and the shop's clock follows.
void TestClock::theSettingsPageChoosesTheZone()
{
    const auto shop = openDesktopShop(m_folder.filePath(QStringLiteral("settings.db")));
    Clock::setFixedInstant(*Clock::parseInstant(QStringLiteral("2026-11-29T23:30:00Z")));
    LanguageManager languages;
    languages.setLanguage(QStringLiteral("en"));
    SettingsPage page(shop->context, languages);
    page.show();
    auto *zones = child<QComboBox>(&page, "timeZoneCombo");
    const QString system = QString::fromLatin1(QTimeZone::systemTimeZoneId());
    QCOMPARE(zones->currentText(), system);
    // Another zone than the computer's own, eight hours ahead of UTC.
    const QString chosen = system == u"Asia/Shanghai" ? QStringLiteral("Asia/Hong_Kong")
                                                      : QStringLiteral("Asia/Shanghai");
    zones->setFocus();
    QTest::keyClicks(zones, chosen); // typed, as a person finds it in the list
    QCOMPARE(zones->currentText(), chosen);
    QCOMPARE(child<QLabel>(&page, "timeZoneNote")->text(),
             QStringLiteral("Now there: 2026-11-30 07:30 (UTC+08:00). This computer's zone: %1.")
                 .arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())));
    auto *apply = child<QPushButton>(&page, "applyButton");
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(shop->services.settings.value(ShopSettings::timeZoneKey), chosen);
    QCOMPARE(Clock::timeZone().id(), chosen.toLatin1());
    QCOMPARE(Dates::today(), QDate(2026, 11, 30));
    QVERIFY(!apply->isEnabled());
}

void TestClock::demoShopsKeepTheirPromisesAtAnyInstant_data()
{
    QTest::addColumn<QString>("instant");
    QTest::newRow("late evening") << "2026-11-29T23:40:00+08:00";
    QTest::newRow("a second before midnight") << "2026-11-29T23:59:59+08:00";
    QTest::newRow("early morning") << "2026-11-30T00:30:00+08:00";
    QTest::newRow("evening in UTC, morning in China") << "2026-11-29T23:30:00Z";
    QTest::newRow("last day of a month") << "2026-03-31T23:30:00+08:00";
    QTest::newRow("last day of the year") << "2026-12-31T23:55:00+08:00";
    QTest::newRow("new year") << "2027-01-01T00:05:00+08:00";
    QTest::newRow("29 February") << "2028-02-29T12:00:00+08:00";
    QTest::newRow("29 February, late") << "2028-02-29T23:59:59Z";
}

// What the demo shops promise, at `now`: the statuses, the newest order awaiting payment and the
// one before it paid, nothing dated after now, a forest 12 deep, and `check` content with it.
void TestClock::checkPromises(Database &database, const QDateTime &now, const QStringList &statuses)
{
    QSqlQuery found = database.exec(QStringLiteral("SELECT DISTINCT status FROM orders"));
    QStringList present;
    while (found.next())
        present.append(found.value(0).toString());
    for (const QString &status : statuses)
        QVERIFY2(present.contains(status), qPrintable(status + u" missing: " + present.join(u',')));

    QSqlQuery newest = database.exec(
        QStringLiteral("SELECT status, date FROM orders ORDER BY date DESC, id DESC LIMIT 2"));
    QVERIFY(newest.next());
    QCOMPARE(newest.value(0).toString(), QStringLiteral("pending"));
    QVERIFY(newest.next());
    QCOMPARE(newest.value(0).toString(), QStringLiteral("paid"));

    const QString latest = database
                               .scalar(QStringLiteral(
                                   "SELECT max(t) FROM (SELECT max(date) AS t FROM orders UNION "
                                   "ALL SELECT max(paid_at) FROM orders UNION ALL SELECT "
                                   "max(shipped_at) FROM orders UNION ALL SELECT max(completed_at) "
                                   "FROM orders UNION ALL SELECT max(cancelled_at) FROM orders "
                                   "UNION ALL SELECT max(paid_at) FROM payments UNION ALL SELECT "
                                   "max(shipped_at) FROM shipments UNION ALL SELECT "
                                   "max(refunded_at) FROM refunds UNION ALL SELECT max(moved_at) "
                                   "FROM stock_movements UNION ALL SELECT max(created_at) FROM "
                                   "commission_entries) AS times"))
                               .toString();
    QVERIFY2(latest <= Dates::toText(now), qPrintable(latest + u" after " + Dates::toText(now)));

    QCOMPARE(count(database, QStringLiteral("SELECT max(depth) FROM distributors")), 12);
    QVERIFY(
        count(database, QStringLiteral("SELECT count(*) FROM distributors WHERE upline_id IS NULL"))
        > 1);
    const QStringList findings = DatabaseCheck::findings(database);
    QVERIFY2(findings.isEmpty(), qPrintable(findings.join(u'\n')));
}

void TestClock::demoShopsKeepTheirPromisesAtAnyInstant()
{
    QFETCH(QString, instant);
    Clock::setFixedInstant(*Clock::parseInstant(instant));
    const QDateTime now = Dates::now();
    // The clock reads the instant in the shop's zone (here the computer's own).
    QCOMPARE(Dates::toText(now), Clock::parseInstant(instant)
                                     ->toTimeZone(QTimeZone::systemTimeZone())
                                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));

    {
        const auto shop = openDesktopShop(
            m_folder.filePath(QStringLiteral("demo-%1.db").arg(++m_shops)));
        DemoGenerator(shop->services, {12, 40, 40, 150}, 42, now).run();
        checkPromises(*shop->database, now,
                      {QStringLiteral("pending"), QStringLiteral("paid"), QStringLiteral("shipped"),
                       QStringLiteral("completed"), QStringLiteral("cancelled"),
                       QStringLiteral("refunded")});
        if (QTest::currentTestFailed())
            return;

        // The Dashboard counts the same day, and what waits for shipping.
        DashboardPage page(shop->context);
        page.show();
        page.refresh();
        QTRY_VERIFY(!page.isUpdating());
        const QString today = Dates::toText(now.date());
        QCOMPARE(child<QLabel>(&page, "dateLabel")->text(), today);
        const auto figure = [&page](const char *tile) {
            return child<QLabel>(child<QPushButton>(&page, tile), "figure")->text();
        };
        QCOMPARE(figure("todayTile"),
                 Money::fromMinorUnits(
                     count(*shop->database,
                           QStringLiteral("SELECT COALESCE(sum(l.net - l.refunded_amount), 0) "
                                          "FROM orders o JOIN order_lines l ON l.order_id = o.id "
                                          "WHERE o.status NOT IN ('pending', 'cancelled') AND "
                                          "substr(o.date, 1, 10) = '%1'")
                               .arg(today)))
                     .toString());
        const qint64 toShip = count(*shop->database, QStringLiteral("SELECT count(*) FROM orders "
                                                                    "WHERE status = 'paid'"));
        QVERIFY(toShip >= 1);
        QCOMPARE(figure("toShipTile"), QString::number(toShip));
    }
    {
        const auto shop = openDesktopShop(
            m_folder.filePath(QStringLiteral("scale-%1.db").arg(++m_shops)));
        ScaleDemoGenerator(shop->services, {40, 300, 200, 3000}, 9, now).run();
        checkPromises(*shop->database, now,
                      {QStringLiteral("pending"), QStringLiteral("paid"), QStringLiteral("shipped"),
                       QStringLiteral("completed"), QStringLiteral("cancelled")});
    }
}

// An hour later the same seed makes the same shop: the same orders, customers, sellers, lines
// and parcels; only where the newest orders have got to may differ.
void TestClock::anHourLaterOnlyTheNewestOrdersHaveMovedOn()
{
    const auto lines = [](Database &database) {
        QStringList rows;
        QSqlQuery query = database.exec(QStringLiteral(
            "SELECT o.order_no, o.customer_id, o.shipping_fee, l.product_id, l.quantity, "
            "l.unit_price, l.discount FROM orders o JOIN order_lines l ON l.order_id = o.id "
            "ORDER BY o.id, l.id"));
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < 7; ++i)
                values.append(query.value(i).toString());
            rows.append(values.join(u'|'));
        }
        return rows;
    };
    const auto parcels = [](Database &database) {
        QHash<QString, QString> result;
        QSqlQuery query = database.exec(
            QStringLiteral("SELECT o.order_no, s.courier || ' ' || s.tracking FROM shipments s "
                           "JOIN orders o ON o.id = s.order_id"));
        while (query.next())
            result.insert(query.value(0).toString(), query.value(1).toString());
        return result;
    };
    const auto statuses = [](Database &database, const QString &before) {
        QStringList rows;
        QSqlQuery query = database.exec(
            QStringLiteral("SELECT order_no, status, COALESCE(distributor_id, 0) FROM orders "
                           "WHERE date < ? ORDER BY id"),
            {before});
        while (query.next())
            rows.append(query.value(0).toString() + u' ' + query.value(1).toString() + u' '
                        + query.value(2).toString());
        return rows;
    };
    for (const bool scale : {false, true}) {
        QList<QStringList> made;
        QList<QHash<QString, QString>> shipped;
        QList<QStringList> settled;
        // 06:00 and 07:00 where the shop is: before the day's first orders (8:00 on), which are
        // all moved to just before now at both hours.
        for (const int hour : {6, 7}) {
            Clock::setFixedInstant(
                QDateTime(QDate(2026, 11, 30), QTime(hour, 0), QTimeZone::systemTimeZone()));
            const auto shop = openDesktopShop(
                m_folder.filePath(QStringLiteral("hour-%1.db").arg(++m_shops)));
            if (scale)
                ScaleDemoGenerator(shop->services, {40, 300, 200, 3000}, 9, Dates::now()).run();
            else
                DemoGenerator(shop->services, {12, 40, 40, 150}, 42, Dates::now()).run();
            made.append(lines(*shop->database));
            shipped.append(parcels(*shop->database));
            settled.append(statuses(*shop->database, Dates::toText(Dates::now().addDays(-10))));
        }
        QVERIFY(made.at(0).size() > 150);
        QCOMPARE(made.at(1), made.at(0));
        // Orders older than ten days ended the same way, sold by the same people.
        QVERIFY(settled.at(0).size() > 100);
        QCOMPARE(settled.at(1), settled.at(0));
        // A parcel sent in both shops went with the same courier under the same number.
        int both = 0;
        for (auto it = shipped.at(0).cbegin(); it != shipped.at(0).cend(); ++it) {
            if (shipped.at(1).contains(it.key())) {
                ++both;
                QCOMPARE(shipped.at(1).value(it.key()), it.value());
            }
        }
        QVERIFY(both > 50);
    }
}

// The same seed at the same instant is the same shop, whether the computer that makes it is set
// to UTC or to Asia/Shanghai, once the shop says where it is; and an order paid at 07:30 in China
// (23:30 UTC the day before) is paid today, the 30th, on either.
void TestClock::theSameShopOnAComputerInUtcAndOneInShanghai()
{
    QStringList exports;
    for (const char *zone : {"UTC", "Asia/Shanghai", "UTC"}) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TZ"), QString::fromLatin1(zone));
        environment.insert(QString::fromLatin1(Clock::fixedInstantVariable),
                           QStringLiteral("2026-11-29T23:30:00Z"));
        const QString db = m_folder.filePath(QStringLiteral("same-%1.db").arg(++m_shops));
        const auto run = [&](const QStringList &command) {
            const CliResult result = runCli(QStringList{QStringLiteral("--db"), db} + command,
                                            environment);
            if (result.status != 0)
                qWarning("%s: %s", qPrintable(command.join(u' ')), qPrintable(result.err));
            return result;
        };
        QCOMPARE(run({QStringLiteral("init")}).status, 0);
        QCOMPARE(run({QStringLiteral("config"), QStringLiteral("set"), ShopSettings::timeZoneKey,
                      QStringLiteral("Asia/Shanghai")})
                     .status,
                 0);
        QCOMPARE(
            run({QStringLiteral("demo"), QStringLiteral("--products"), QStringLiteral("12"),
                 QStringLiteral("--customers"), QStringLiteral("30"),
                 QStringLiteral("--distributors"), QStringLiteral("20"), QStringLiteral("--orders"),
                 QStringLiteral("120"), QStringLiteral("--seed"), QStringLiteral("5")})
                .status,
            0);
        // The newest order awaits payment; paid now, without a date.
        const CliResult pending = run(
            {QStringLiteral("export"), QStringLiteral("orders"), QStringLiteral("-")});
        QCOMPARE(pending.status, 0);
        QString newest;
        QString newestDate;
        for (const QString &line : pending.out.split(u'\n')) {
            const QStringList fields = line.split(u',');
            if (fields.size() > 2 && fields.at(2) == u"pending" && fields.at(1) > newestDate) {
                newest = fields.at(0);
                newestDate = fields.at(1);
            }
        }
        QVERIFY(!newest.isEmpty());
        QVERIFY2(newestDate <= u"2026-11-30 07:30:00", qPrintable(newestDate));
        QCOMPARE(run({QStringLiteral("order"), QStringLiteral("pay"), newest}).status, 0);
        const CliResult paid = run(
            {QStringLiteral("export"), QStringLiteral("orders"), QStringLiteral("-")});
        QCOMPARE(paid.status, 0);
        QVERIFY2(paid.out.contains(u',' + newestDate + u",paid,"), qPrintable(newest));
        QVERIFY(paid.out.contains(QStringLiteral(",2026-11-30 07:30:00,")));
        exports.append(paid.out);
    }
    QVERIFY(exports.at(0).count(u'\n') > 120);
    QCOMPARE(exports.at(1), exports.at(0));
    QCOMPARE(exports.at(2), exports.at(0));
}

MICROSHOP_TEST_MAIN(TestClock)
#include "tst_clock.moc"
