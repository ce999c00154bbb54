// `microshop-cli audit` (cli.md): the audit log as time,user,kind,subject,details, oldest first,
// filtered by user, kind and days of the shop's calendar; an edit of a product or a customer
// says each field it changed, old -> new; a bad kind or day is refused (exit 1) and a bad
// command line is a usage error (exit 2); on the backend of $MICROSHOP_TEST_BACKEND.
#include "Clock.h"
#include "Database.h"
#include "Dates.h"
#include "ShopSettings.h"

#include "ShopFixture.h"
#include "TestClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace MicroShop;
using namespace MicroShop::Testing;

class TestCliAudit : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void columnsAndOldToNew();
    void oldestFirstAndJson();
    void filtersByUserAndKind();
    void daysAreTheShopsAcrossMidnight();
    void badKindsAndDaysAreRefused();
    void badCommandLinesAreUsageErrors();

private:
    // `audit ARGS --format csv`: its lines, the header first.
    QStringList audit(const QStringList &arguments, int expectedStatus = 0);
    static QDateTime instant(const char *iso)
    {
        return *Clock::parseInstant(QString::fromLatin1(iso));
    }

    ShopFixture m_fixture;
    std::optional<QDateTime> m_fixed;
};

// In the shop's zone (Asia/Shanghai, +08:00): alice edits the tea at 23:59 on 25 November, bob
// edits a customer at 00:01 on the 26th; both instants are on the 25th in UTC.
void TestCliAudit::init()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    m_fixed = Clock::fixedInstant();
    ShopServices &shop = m_fixture.services();
    // The shop's days are China's whatever zone the suite runs in (tests/run_at.sh); stored as
    // the shop's set-up, not as a change in the log.
    shop.settingsRepository.store(ShopSettings::timeZoneKey, QStringLiteral("Asia/Shanghai"));
    shop.settings.applyTimeZone();
    const QDateTime created = *Dates::parseDateTime(u"2026-02-01 09:00");
    Product tea;
    tea.sku = QStringLiteral("TEA-01");
    tea.name = QStringLiteral("普洱");
    tea.price = *Money::parse(u"4");
    tea.cost = *Money::parse(u"1.5");
    tea.stock = 40;
    shop.catalog.create(tea, created);
    Customer zhang;
    zhang.code = QStringLiteral("C1");
    zhang.name = QStringLiteral("张伟");
    zhang.phone = QStringLiteral("13800000001");
    shop.customerService.create(zhang);

    Clock::setFixedInstant(instant("2026-11-25T15:59:00Z"));
    m_fixture.database().setActor(QStringLiteral("alice"));
    Product edited = shop.catalog.productBySku(QStringLiteral("TEA-01"));
    edited.name = QStringLiteral("普洱茶");
    edited.price = *Money::parse(u"12");
    edited.notes = QStringLiteral("new harvest");
    shop.catalog.update(edited);
    shop.catalog.update(shop.catalog.productBySku(QStringLiteral("TEA-01"))); // no change, no row

    Clock::setFixedInstant(instant("2026-11-25T16:01:00Z"));
    m_fixture.database().setActor(QStringLiteral("bob"));
    Customer customer = shop.customerService.customerByCode(QStringLiteral("C1"));
    customer.name = QStringLiteral("张伟伟");
    customer.phone = QStringLiteral("13900000009");
    customer.tags = {QStringLiteral("VIP")};
    shop.customerService.update(customer);
    Clock::setFixedInstant(*m_fixed);
}

void TestCliAudit::cleanup()
{
    if (m_fixed)
        Clock::setFixedInstant(*m_fixed);
    m_fixture.closeShop();
}

QStringList TestCliAudit::audit(const QStringList &arguments, int expectedStatus)
{
    const CliResult result = m_fixture.cli(
        QStringList{QStringLiteral("audit")} + arguments
        + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    [&] { QVERIFY2(result.status == expectedStatus, qPrintable(result.err)); }();
    QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    for (QString &line : lines)
        line.remove(u'\r');
    return lines;
}

void TestCliAudit::columnsAndOldToNew()
{
    const QStringList product = audit({QStringLiteral("--kind"), QStringLiteral("product")});
    QCOMPARE(product,
             QStringList({QStringLiteral("time,user,kind,subject,details"),
                          QStringLiteral("2026-11-25 23:59:00,alice,product,product TEA-01,edit "
                                         "name: 普洱 -> 普洱茶; price: 4.00 -> 12.00; notes: "
                                         "(empty) -> new harvest")}));
    const QStringList customer = audit({QStringLiteral("--kind"), QStringLiteral("customer")});
    QCOMPARE(customer,
             QStringList({QStringLiteral("time,user,kind,subject,details"),
                          QStringLiteral("2026-11-26 00:01:00,bob,customer,customer C1,edit "
                                         "name: 张伟 -> 张伟伟; phone: 13800000001 -> "
                                         "13900000009; tags: (empty) -> VIP")}));
}

void TestCliAudit::oldestFirstAndJson()
{
    // One more change, made by the command line at the test's now (2026-11-26 12:00 unless
    // tests/run_at.sh sets another instant, always after the two above).
    QCOMPARE(m_fixture
                 .cli({QStringLiteral("config"), QStringLiteral("set"),
                       QStringLiteral("commission.levels"), QStringLiteral("3")})
                 .status,
             0);
    const QStringList lines = audit({QStringLiteral("--from"), QStringLiteral("2026-11-25")});
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(1).startsWith(u"2026-11-25 23:59:00,alice,product,"));
    QVERIFY(lines.at(2).startsWith(u"2026-11-26 00:01:00,bob,customer,"));
    QVERIFY2(lines.at(3).section(u',', 0, 0) > lines.at(2).section(u',', 0, 0)
                 && lines.at(3).endsWith(u",settings,setting commission.levels,change 2 -> 3"),
             qPrintable(lines.at(3)));

    const CliResult json = m_fixture.cli({QStringLiteral("audit"), QStringLiteral("--user"),
                                          QStringLiteral("bob"), QStringLiteral("--format"),
                                          QStringLiteral("json")});
    QCOMPARE(json.status, 0);
    const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.at(0).toObject();
    QCOMPARE(row.keys(), QStringList({QStringLiteral("details"), QStringLiteral("kind"),
                                      QStringLiteral("subject"), QStringLiteral("time"),
                                      QStringLiteral("user")}));
    QCOMPARE(row.value(QStringLiteral("user")).toString(), QStringLiteral("bob"));
    QCOMPARE(row.value(QStringLiteral("subject")).toString(), QStringLiteral("customer C1"));
}

void TestCliAudit::filtersByUserAndKind()
{
    const QStringList alice = audit({QStringLiteral("--user"), QStringLiteral("alice")});
    QCOMPARE(alice.size(), 2);
    QVERIFY(alice.at(1).contains(u",alice,product,product TEA-01,"));
    // The user is matched whole: a part of the name finds nothing.
    QCOMPARE(audit({QStringLiteral("--user"), QStringLiteral("ali")}).size(), 1);
    QCOMPARE(audit({QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--kind"),
                    QStringLiteral("customer")})
                 .size(),
             1);
    // A kind is the first part of the action: "order" finds an order's changes only.
    QCOMPARE(audit({QStringLiteral("--kind"), QStringLiteral("order")}).size(), 1);
    const QStringList customers = audit({QStringLiteral("--kind"), QStringLiteral("customer")});
    QCOMPARE(customers.size(), 2);
    QVERIFY(customers.at(1).contains(u",bob,customer,"));
}

void TestCliAudit::daysAreTheShopsAcrossMidnight()
{
    const QStringList on25 = audit({QStringLiteral("--from"), QStringLiteral("2026-11-25"),
                                    QStringLiteral("--to"), QStringLiteral("2026-11-25")});
    QCOMPARE(on25.size(), 2);
    QVERIFY(on25.at(1).contains(u",alice,"));
    const QStringList from26 = audit({QStringLiteral("--from"), QStringLiteral("2026-11-26")});
    QCOMPARE(from26.size(), 2);
    QVERIFY(from26.at(1).contains(u",bob,"));
    const QStringList to25 = audit({QStringLiteral("--to"), QStringLiteral("2026-11-25"),
                                    QStringLiteral("--kind"), QStringLiteral("product")});
    QCOMPARE(to25.size(), 2);
    QCOMPARE(audit({QStringLiteral("--to"), QStringLiteral("2026-11-24")}).size(), 1);
}

void TestCliAudit::badKindsAndDaysAreRefused()
{
    const CliResult kind = m_fixture.cli(
        {QStringLiteral("audit"), QStringLiteral("--kind"), QStringLiteral("orders")});
    QCOMPARE(kind.status, 1);
    QVERIFY2(kind.err.contains(u"\"orders\"") && kind.err.contains(u"order, payment, product"),
             qPrintable(kind.err));
    QVERIFY(kind.out.isEmpty());
    const CliResult day = m_fixture.cli(
        {QStringLiteral("audit"), QStringLiteral("--from"), QStringLiteral("2026-02-30")});
    QCOMPARE(day.status, 1);
    QVERIFY2(day.err.contains(u"--from") && day.err.contains(u"YYYY-MM-DD"), qPrintable(day.err));
    const CliResult backwards = m_fixture.cli({QStringLiteral("audit"), QStringLiteral("--from"),
                                               QStringLiteral("2026-11-26"), QStringLiteral("--to"),
                                               QStringLiteral("2026-11-25")});
    QCOMPARE(backwards.status, 1);
    QVERIFY2(backwards.err.contains(u"after"), qPrintable(backwards.err));
}

void TestCliAudit::badCommandLinesAreUsageErrors()
{
    QCOMPARE(m_fixture.cli({QStringLiteral("audit"), QStringLiteral("product")}).status, 2);
    QCOMPARE(
        m_fixture
            .cli({QStringLiteral("audit"), QStringLiteral("--until"), QStringLiteral("2026-11-26")})
            .status,
        2);
    QCOMPARE(m_fixture.cli({QStringLiteral("audit"), QStringLiteral("--kind")}).status, 2);
}

MICROSHOP_TEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cli_audit.moc"
