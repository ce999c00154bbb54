// ShopSettings: the rules of every setting, on in-memory repositories.
#include "Error.h"
#include "ShopSettings.h"
#include "TestClock.h"

#include <QMap>
#include <QTest>

using namespace MicroShop;

namespace {

class MemorySettings final : public SettingsRepository
{
public:
    std::optional<QString> find(const QString &key) const override
    {
        if (!values.contains(key))
            return std::nullopt;
        return values.value(key);
    }
    QList<std::pair<QString, QString>> all() const override
    {
        QList<std::pair<QString, QString>> result;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            result.append({it.key(), it.value()});
        return result;
    }
    void store(const QString &key, const QString &value) override { values.insert(key, value); }

    QMap<QString, QString> values;
};

class MemoryAudit final : public AuditLog
{
public:
    void append(const AuditEntry &entry) override { entries.append(entry); }
    QList<AuditEntry> entries;
};

// Undoes the settings written by failed work, as a database transaction would.
class SnapshotTransactor final : public Transactor
{
public:
    explicit SnapshotTransactor(MemorySettings &settings)
        : m_settings(settings)
    {}
    void inTransaction(const std::function<void()> &work) override
    {
        const auto before = m_settings.values;
        ++m_depth;
        try {
            work();
        } catch (...) {
            --m_depth;
            m_settings.values = before;
            throw;
        }
        --m_depth;
    }
    bool inTransaction() const override { return m_depth > 0; }
    void takeTurn(const QString &) override {}

private:
    MemorySettings &m_settings;
    int m_depth = 0;
};

} // namespace

class TestShopSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaultsFollowDomainMd();
    void refusesLevelsOutsideOneToThree_data();
    void refusesLevelsOutsideOneToThree();
    void normalizesValidValues_data();
    void normalizesValidValues();
    void refusesBadValues_data();
    void refusesBadValues();
    void refusesUnknownKeys();
    void setValuesIsAllOrNothing();
    void changesAreAudited();
    void listsEveryKeyInOrder();
    void senderNameIsTheShopsUnlessSet();

private:
    MemorySettings m_repository;
    MemoryAudit m_audit;
};

void TestShopSettings::init()
{
    m_repository.values.clear();
    m_audit.entries.clear();
}

void TestShopSettings::defaultsFollowDomainMd()
{
    SnapshotTransactor transactor(m_repository);
    ShopSettings settings(m_repository, m_audit, transactor);
    QCOMPARE(settings.currency(), QStringLiteral("CNY"));
    QCOMPARE(settings.allowNegativeStock(), false);
    QCOMPARE(settings.commissionLevels(), 2);
    QCOMPARE(settings.commissionRate(1).basisPoints(), 1000);
    QCOMPARE(settings.commissionRate(2).basisPoints(), 500);
    QCOMPARE(settings.commissionRate(3).basisPoints(), 200);
    QCOMPARE(settings.holdDays(), 7);
}

void TestShopSettings::refusesLevelsOutsideOneToThree_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("hint");
    QTest::newRow("4") << "4"
                       << "pyramid selling";
    QTest::newRow("10") << "10"
                        << "pyramid selling";
    QTest::newRow("0") << "0"
                       << "1, 2 or 3";
    QTest::newRow("-1") << "-1"
                        << "1, 2 or 3";
    QTest::newRow("two") << "two"
                         << "whole number";
    QTest::newRow("2.5") << "2.5"
                         << "whole number";
    QTest::newRow("empty") << ""
                           << "whole number";
}

void TestShopSettings::refusesLevelsOutsideOneToThree()
{
    QFETCH(QString, value);
    QFETCH(QString, hint);
    SnapshotTransactor transactor(m_repository);
    ShopSettings settings(m_repository, m_audit, transactor);
    try {
        settings.setValue(ShopSettings::commissionLevelsKey, value);
        QFAIL("accepted");
    } catch (const InputError &error) {
        QVERIFY2(error.message().contains(hint), qPrintable(error.message()));
    }
    QVERIFY(m_repository.values.isEmpty());
    QVERIFY(m_audit.entries.isEmpty());
    QCOMPARE(settings.commissionLevels(), 2);
}

void TestShopSettings::normalizesValidValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stored");
    QTest::newRow("levels 3") << "commission.levels"
                              << "3"
                              << "3";
    QTest::newRow("levels 1 with spaces") << "commission.levels"
                                          << " 1 "
                                          << "1";
    QTest::newRow("rate 7.50") << "commission.rate.1"
                               << "7.50"
                               << "7.5";
    QTest::newRow("rate 0") << "commission.rate.3"
                            << "0"
                            << "0";
    QTest::newRow("hold 0") << "commission.hold_days"
                            << "0"
                            << "0";
    QTest::newRow("hold 30") << "commission.hold_days"
                             << "30"
                             << "30";
    QTest::newRow("negative TRUE") << "stock.allow_negative"
                                   << "TRUE"
                                   << "true";
    QTest::newRow("negative yes") << "stock.allow_negative"
                                  << "yes"
                                  << "true";
    QTest::newRow("negative 0") << "stock.allow_negative"
                                << "0"
                                << "false";
    QTest::newRow("currency lower") << "currency"
                                    << "usd"
                                    << "USD";
    QTest::newRow("shop name trimmed") << "shop.name"
                                       << "  小美的店 "
                                       << "小美的店";
    QTest::newRow("time zone") << "shop.time_zone"
                               << " Asia/Hong_Kong "
                               << "Asia/Hong_Kong";
    QTest::newRow("sender name trimmed") << "sender.name"
                                         << " 山间茶铺发货部 "
                                         << "山间茶铺发货部";
    QTest::newRow("sender phone") << "sender.phone"
                                  << "0755-8600 1234 "
                                  << "0755-8600 1234";
    QTest::newRow("sender phone international") << "sender.phone"
                                                << "+86 (138) 0013-8000"
                                                << "+86 (138) 0013-8000";
    QTest::newRow("sender address") << "sender.address"
                                    << "广东省深圳市南山区科技园南区1号"
                                    << "广东省深圳市南山区科技园南区1号";
    QTest::newRow("sender address emptied") << "sender.address"
                                            << "  "
                                            << "";
}

void TestShopSettings::normalizesValidValues()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, stored);
    SnapshotTransactor transactor(m_repository);
    ShopSettings settings(m_repository, m_audit, transactor);
    settings.setValue(key, value);
    QCOMPARE(settings.value(key), stored);
}

void TestShopSettings::refusesBadValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("rate 3 decimals") << "commission.rate.1"
                                     << "7.125";
    QTest::newRow("rate percent sign") << "commission.rate.1"
                                       << "10%";
    QTest::newRow("rate over 100") << "commission.rate.2"
                                   << "101";
    QTest::newRow("hold negative") << "commission.hold_days"
                                   << "-1";
    QTest::newRow("hold too long") << "commission.hold_days"
                                   << "366";
    QTest::newRow("negative maybe") << "stock.allow_negative"
                                    << "maybe";
    QTest::newRow("currency unknown") << "currency"
                                      << "XYZ";
    QTest::newRow("currency JPY") << "currency"
                                  << "JPY";
    QTest::newRow("shop name two lines") << "shop.name"
                                         << "a\nb";
    QTest::newRow("shop name too long") << "shop.name" << QString(101, u'x');
    QTest::newRow("time zone unknown") << "shop.time_zone"
                                       << "Mars/Olympus";
    QTest::newRow("time zone empty") << "shop.time_zone"
                                     << "";
    QTest::newRow("time zone an offset") << "shop.time_zone"
                                         << "+08:00";
    QTest::newRow("sender phone letters") << "sender.phone"
                                          << "call me";
    QTest::newRow("sender phone too long") << "sender.phone" << QString(41, u'1');
    QTest::newRow("sender name two lines") << "sender.name"
                                           << "a\rb";
    QTest::newRow("sender address two lines") << "sender.address"
                                              << "深圳市\n南山区";
    QTest::newRow("sender address too long") << "sender.address" << QString(201, u'路');
}

void TestShopSettings::refusesBadValues()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    SnapshotTransactor transactor(m_repository);
    ShopSettings settings(m_repository, m_audit, transactor);
    const QString before = settings.value(key);
    QVERIFY_THROWS_EXCEPTION(InputError, settings.setValue(key, value));
    QCOMPARE(settings.value(key), before);
    QVERIFY(m_repository.values.isEmpty());
}

void TestShopSettings::refusesUnknownKeys()
{
    SnapshotTransactor transactor(m_repository);
    ShopSettings settings(m_repository, m_audit, transactor);
    try {
        settings.setValue(QStringLiteral("commission.rate.4"), QStringLiteral("1"));
        QFAIL("accepted");
    } catch (const InputError &error) {
        QVERIFY(error.message().contains(QStringLiteral("commission.levels"))); // lists the keys
    }
    QVERIFY_THROWS_EXCEPTION(InputError, settings.value(QStringLiteral("nope")));
}

void TestShopSettings::setValuesIsAllOrNothing()
{
    SnapshotTransactor transactor(m_repository);
    ShopSettings settings(m_repository, m_audit, transactor);
    QVERIFY_THROWS_EXCEPTION(
        InputError,
        settings.setValues({{QStringLiteral("commission.levels"), QStringLiteral("3")},
                            {QStringLiteral("commission.rate.1"), QStringLiteral("abc")}}));
    QCOMPARE(settings.commissionLevels(), 2);
    QVERIFY(m_repository.values.isEmpty());
}

void TestShopSettings::changesAreAudited()
{
    SnapshotTransactor transactor(m_repository);
    ShopSettings settings(m_repository, m_audit, transactor);
    settings.setValue(QStringLiteral("commission.rate.1"), QStringLiteral("12"));
    settings.setValue(QStringLiteral("commission.rate.1"), QStringLiteral("12.00")); // no change
    QCOMPARE(m_audit.entries.size(), 1);
    QCOMPARE(m_audit.entries.constFirst().entityId, QStringLiteral("commission.rate.1"));
    QCOMPARE(m_audit.entries.constFirst().details, QStringLiteral("10 -> 12"));
}

void TestShopSettings::listsEveryKeyInOrder()
{
    SnapshotTransactor transactor(m_repository);
    ShopSettings settings(m_repository, m_audit, transactor);
    settings.setValue(QStringLiteral("shop.name"), QStringLiteral("Shop"));
    const auto all = settings.all();
    QCOMPARE(all.size(), ShopSettings::keys().size());
    QCOMPARE(all.constFirst().first, QStringLiteral("shop.name"));
    QCOMPARE(all.constFirst().second, QStringLiteral("Shop"));
    QCOMPARE(all.constLast().first, QStringLiteral("commission.hold_days"));
}

void TestShopSettings::senderNameIsTheShopsUnlessSet()
{
    SnapshotTransactor transactor(m_repository);
    ShopSettings settings(m_repository, m_audit, transactor);
    QCOMPARE(settings.senderName(), QString());
    settings.setValue(ShopSettings::shopNameKey, QStringLiteral("山间茶铺"));
    QCOMPARE(settings.senderName(), QStringLiteral("山间茶铺"));
    QCOMPARE(settings.value(ShopSettings::senderNameKey), QString());
    settings.setValue(ShopSettings::senderNameKey, QStringLiteral("茶铺仓库"));
    QCOMPARE(settings.senderName(), QStringLiteral("茶铺仓库"));
    settings.setValue(ShopSettings::senderNameKey, QString());
    QCOMPARE(settings.senderName(), QStringLiteral("山间茶铺"));
    settings.setValue(ShopSettings::senderPhoneKey, QStringLiteral("0571-8888 6666"));
    settings.setValue(ShopSettings::senderAddressKey,
                      QStringLiteral("浙江省杭州市西湖区龙井路1号"));
    QCOMPARE(settings.senderPhone(), QStringLiteral("0571-8888 6666"));
    QCOMPARE(settings.senderAddress(), QStringLiteral("浙江省杭州市西湖区龙井路1号"));
}

MICROSHOP_TEST_GUILESS_MAIN(TestShopSettings)
#include "tst_shopsettings.moc"
