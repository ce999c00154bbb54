#include "ShopSettings.h"

#include "Clock.h"
#include "Error.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace MicroShop {

namespace {

constexpr int maxShopNameLength = 100;
constexpr int maxSenderPhoneLength = 40;
constexpr int maxSenderAddressLength = 200;

std::optional<bool> parseBool(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == u"true" || v == u"1" || v == u"yes")
        return true;
    if (v == u"false" || v == u"0" || v == u"no")
        return false;
    return std::nullopt;
}

std::optional<int> parseWholeNumber(const QString &value)
{
    bool ok = false;
    const int number = value.trimmed().toInt(&ok);
    if (!ok || value.trimmed().startsWith(u'+'))
        return std::nullopt;
    return number;
}

} // namespace

QString ShopSettings::commissionRateKey(int level)
{
    return QStringLiteral("commission.rate.%1").arg(level);
}

QStringList ShopSettings::keys()
{
    return {shopNameKey,          currencyKey,          timeZoneKey,           senderNameKey,
            senderPhoneKey,       senderAddressKey,     allowNegativeStockKey, commissionLevelsKey,
            commissionRateKey(1), commissionRateKey(2), commissionRateKey(3),  holdDaysKey};
}

QStringList ShopSettings::currencies()
{
    return {QStringLiteral("CNY"), QStringLiteral("HKD"), QStringLiteral("MOP"),
            QStringLiteral("TWD"), QStringLiteral("USD"), QStringLiteral("EUR"),
            QStringLiteral("GBP"), QStringLiteral("SGD"), QStringLiteral("MYR"),
            QStringLiteral("AUD"), QStringLiteral("CAD"), QStringLiteral("NZD")};
}

QString ShopSettings::defaultValue(const QString &key)
{
    if (key == shopNameKey || key == senderNameKey || key == senderPhoneKey
        || key == senderAddressKey)
        return QString();
    if (key == currencyKey)
        return QStringLiteral("CNY");
    if (key == timeZoneKey) // until the merchant chooses: the computer's own
        return QString::fromLatin1(QTimeZone::systemTimeZoneId());
    if (key == allowNegativeStockKey)
        return QStringLiteral("false");
    if (key == commissionLevelsKey)
        return QStringLiteral("2");
    if (key == commissionRateKey(1))
        return QStringLiteral("10");
    if (key == commissionRateKey(2))
        return QStringLiteral("5");
    if (key == commissionRateKey(3))
        return QStringLiteral("2");
    if (key == holdDaysKey)
        return QStringLiteral("7");
    throw InputError(tr("\"%1\" is not a setting. The settings are: %2.")
                         .arg(key, keys().join(QStringLiteral(", "))));
}

QString ShopSettings::normalized(const QString &key, const QString &value)
{
    defaultValue(key); // refuses unknown keys

    if (key == shopNameKey) {
        QString name = value.trimmed();
        if (name.size() > maxShopNameLength)
            throw InputError(tr("The shop name is %1 characters long; keep it to %2.")
                                 .arg(name.size())
                                 .arg(maxShopNameLength));
        if (name.contains(u'\n') || name.contains(u'\r') || name.contains(u'\t'))
            throw InputError(tr("The shop name must be on one line."));
        return name;
    }
    if (key == senderNameKey || key == senderPhoneKey || key == senderAddressKey) {
        // Printed on one line of a label each (an address may wrap there, but is typed as one).
        QString text = value.trimmed();
        const int longest = key == senderNameKey    ? maxShopNameLength
                            : key == senderPhoneKey ? maxSenderPhoneLength
                                                    : maxSenderAddressLength;
        if (text.size() > longest)
            throw InputError(tr("%1 is %2 characters long; keep it to %3.")
                                 .arg(key)
                                 .arg(text.size())
                                 .arg(longest));
        if (text.contains(u'\n') || text.contains(u'\r') || text.contains(u'\t'))
            throw InputError(tr("%1 must be on one line.").arg(key));
        if (key == senderPhoneKey) {
            static const QRegularExpression phone(QStringLiteral("^[0-9+() -]*$"));
            if (!phone.match(text).hasMatch())
                throw InputError(tr("sender.phone \"%1\" is not a phone number: write digits, "
                                    "with spaces, dashes, brackets or a leading + if you like "
                                    "(0755-86001234, 138 0013 8000).")
                                     .arg(value));
        }
        return text;
    }
    if (key == currencyKey) {
        QString code = value.trimmed().toUpper();
        if (!currencies().contains(code))
            throw InputError(tr("\"%1\" is not a currency MicroShop can use. Use one of: %2.")
                                 .arg(value, currencies().join(QStringLiteral(", "))));
        return code;
    }
    if (key == timeZoneKey) {
        const QByteArray id = value.trimmed().toLatin1();
        if (id.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(id))
            throw InputError(tr("\"%1\" is not a time zone this computer knows. Write an IANA "
                                "time zone such as Asia/Shanghai, Asia/Hong_Kong or UTC.")
                                 .arg(value));
        return QString::fromLatin1(id);
    }
    if (key == allowNegativeStockKey) {
        const auto flag = parseBool(value);
        if (!flag)
            throw InputError(
                tr("stock.allow_negative must be true or false, not \"%1\".").arg(value));
        return *flag ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (key == commissionLevelsKey) {
        const auto levels = parseWholeNumber(value);
        if (!levels)
            throw InputError(
                tr("commission.levels must be a whole number: 1, 2 or 3, not \"%1\".").arg(value));
        if (*levels > maxCommissionLevels)
            throw InputError(
                tr("commission.levels cannot be %1: MicroShop pays at most 3 levels. In China a "
                   "scheme of three or more levels with thirty or more participants reaches the "
                   "threshold for prosecution as pyramid selling. Use 1, 2 or 3.")
                    .arg(*levels));
        if (*levels < 1)
            throw InputError(tr("commission.levels cannot be %1: use 1, 2 or 3.").arg(*levels));
        return QString::number(*levels);
    }
    if (key == holdDaysKey) {
        const auto days = parseWholeNumber(value);
        if (!days || *days < 0 || *days > maxHoldDays)
            throw InputError(tr("commission.hold_days must be a whole number of days from 0 to "
                                "%1, not \"%2\".")
                                 .arg(maxHoldDays)
                                 .arg(value));
        return QString::number(*days);
    }
    // commission.rate.N
    QString why;
    const auto rate = Rate::parse(value.trimmed(), &why);
    if (!rate)
        throw InputError(tr("%1: %2").arg(key, why));
    return rate->toString();
}

ShopSettings::ShopSettings(SettingsRepository &repository, AuditLog &audit, Transactor &transactor)
    : m_repository(repository)
    , m_audit(audit)
    , m_transactor(transactor)
{}

void ShopSettings::applyTimeZone(const SettingsRepository &repository)
{
    const auto stored = repository.find(timeZoneKey);
    Clock::setTimeZone(stored ? QTimeZone(stored->toLatin1()) : QTimeZone());
}

void ShopSettings::applyTimeZone() const
{
    applyTimeZone(m_repository);
}

QString ShopSettings::value(const QString &key) const
{
    const QString fallback = defaultValue(key);
    return m_repository.find(key).value_or(fallback);
}

QList<std::pair<QString, QString>> ShopSettings::all() const
{
    QList<std::pair<QString, QString>> result;
    const auto stored = m_repository.all();
    for (const QString &key : keys()) {
        QString current = defaultValue(key);
        for (const auto &[storedKey, storedValue] : stored) {
            if (storedKey == key)
                current = storedValue;
        }
        result.append({key, current});
    }
    return result;
}

void ShopSettings::setValue(const QString &key, const QString &value)
{
    setValues({{key, value}});
}

void ShopSettings::setValues(const QList<std::pair<QString, QString>> &changes)
{
    // Validate everything first so that one bad value stores nothing.
    QList<std::pair<QString, QString>> valid;
    for (const auto &[key, value] : changes)
        valid.append({key, normalized(key, value)});

    m_transactor.inTransaction([&] {
        for (const auto &[key, newValue] : valid) {
            const QString oldValue = value(key);
            if (oldValue == newValue)
                continue;
            m_repository.store(key, newValue);
            m_audit.append({QStringLiteral("settings.change"), QStringLiteral("setting"), key,
                            QStringLiteral("%1 -> %2").arg(oldValue, newValue)});
        }
    });
    for (const auto &[key, newValue] : valid) {
        if (key == timeZoneKey)
            applyTimeZone();
    }
}

QString ShopSettings::shopName() const
{
    return value(shopNameKey);
}

QString ShopSettings::currency() const
{
    return value(currencyKey);
}

bool ShopSettings::allowNegativeStock() const
{
    return parseBool(value(allowNegativeStockKey)).value_or(false);
}

int ShopSettings::commissionLevels() const
{
    return parseWholeNumber(value(commissionLevelsKey)).value_or(2);
}

Rate ShopSettings::commissionRate(int level) const
{
    return Rate::parse(value(commissionRateKey(level))).value_or(Rate());
}

int ShopSettings::holdDays() const
{
    return parseWholeNumber(value(holdDaysKey)).value_or(7);
}

QString ShopSettings::senderName() const
{
    const QString name = value(senderNameKey);
    return name.isEmpty() ? shopName() : name;
}

QString ShopSettings::senderPhone() const
{
    return value(senderPhoneKey);
}

QString ShopSettings::senderAddress() const
{
    return value(senderAddressKey);
}

} // namespace MicroShop
