#pragma once

#include "Rate.h"
#include "Repositories.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

// The shop settings of domain.md: their names, defaults and rules, read and changed only here.
class ShopSettings final
{
    Q_DECLARE_TR_FUNCTIONS(ShopSettings)

public:
    static inline const QString shopNameKey = QStringLiteral("shop.name");
    static inline const QString currencyKey = QStringLiteral("currency");
    // An IANA zone such as Asia/Shanghai: where the shop's dates and times are local.
    static inline const QString timeZoneKey = QStringLiteral("shop.time_zone");
    static inline const QString allowNegativeStockKey = QStringLiteral("stock.allow_negative");
    static inline const QString commissionLevelsKey = QStringLiteral("commission.levels");
    static inline const QString holdDaysKey = QStringLiteral("commission.hold_days");
    // Who sends the parcels, printed small at the top of shipping labels.
    static inline const QString senderNameKey = QStringLiteral("sender.name");
    static inline const QString senderPhoneKey = QStringLiteral("sender.phone");
    static inline const QString senderAddressKey = QStringLiteral("sender.address");
    static QString commissionRateKey(int level); // commission.rate.1 .. .3

    static constexpr int maxCommissionLevels = 3;
    static constexpr int maxHoldDays = 365;

    static QStringList keys();
    static QString defaultValue(const QString &key);
    static QStringList currencies(); // currencies with two decimals, as amounts are written

    // The canonical text of a valid value ("7.50" -> "7.5", "TRUE" -> "true"); throws InputError
    // naming the key, the value and what is allowed.
    static QString normalized(const QString &key, const QString &value);

    ShopSettings(SettingsRepository &repository, AuditLog &audit, Transactor &transactor);

    // Makes the shop's stored time zone the clock's (Clock::setTimeZone); none stored, or one
    // this computer does not know: the computer's own. The mains call it once the shop is open,
    // and again after a restore.
    static void applyTimeZone(const SettingsRepository &repository);
    void applyTimeZone() const;

    QString value(const QString &key) const; // stored or default; throws InputError if unknown
    QList<std::pair<QString, QString>> all() const; // every key, in keys() order

    // Validates, stores and audits one change, all or nothing. A new time zone is the clock's
    // once stored (not to be called inside a transaction that may still roll back).
    void setValue(const QString &key, const QString &value);
    // Several changes at once (the settings page's Apply): all valid, or nothing stored.
    void setValues(const QList<std::pair<QString, QString>> &changes);

    QString shopName() const;
    QString currency() const;
    bool allowNegativeStock() const;
    int commissionLevels() const;
    Rate commissionRate(int level) const;
    int holdDays() const;
    QString senderName() const; // sender.name, or the shop's name when it is empty
    QString senderPhone() const;
    QString senderAddress() const;

private:
    SettingsRepository &m_repository;
    AuditLog &m_audit;
    Transactor &m_transactor;
};

} // namespace MicroShop
