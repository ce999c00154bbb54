#include "Clock.h"

#include <QMutex>
#include <QMutexLocker>

namespace MicroShop {

namespace {

// Read from any thread (background work asks the time too), set by the mains, the shop's
// settings and the tests.
struct State
{
    QMutex mutex;
    std::optional<QDateTime> fixed; // in UTC
    QTimeZone zone;                 // invalid: the system's
};

State &state()
{
    static State instance;
    return instance;
}

} // namespace

QDateTime Clock::now()
{
    QTimeZone zone;
    {
        State &current = state();
        const QMutexLocker locker(&current.mutex);
        zone = current.zone;
    }
    const QDateTime at = instant();
    const QDateTime shop = zone.isValid() ? at.toTimeZone(zone) : at.toLocalTime();
    const QTime time = shop.time();
    // A wall-clock time in Qt::UTC, as Dates::parseDateTime() makes them (see Dates.h).
    return QDateTime(shop.date(), QTime(time.hour(), time.minute(), time.second()), Qt::UTC);
}

QDateTime Clock::instant()
{
    const auto fixed = fixedInstant();
    return fixed ? *fixed : QDateTime::currentDateTimeUtc();
}

QDate Clock::today()
{
    return now().date();
}

QTimeZone Clock::timeZone()
{
    State &current = state();
    const QMutexLocker locker(&current.mutex);
    return current.zone.isValid() ? current.zone : QTimeZone::systemTimeZone();
}

void Clock::setTimeZone(const QTimeZone &zone)
{
    State &current = state();
    const QMutexLocker locker(&current.mutex);
    current.zone = zone;
}

void Clock::setFixedInstant(const QDateTime &instant)
{
    State &current = state();
    const QMutexLocker locker(&current.mutex);
    if (instant.isValid())
        current.fixed = instant.toUTC();
    else
        current.fixed.reset();
}

std::optional<QDateTime> Clock::fixedInstant()
{
    State &current = state();
    const QMutexLocker locker(&current.mutex);
    return current.fixed;
}

std::optional<QDateTime> Clock::parseInstant(const QString &text, QString *error)
{
    const QDateTime instant = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!instant.isValid() || instant.timeSpec() == Qt::LocalTime) {
        if (error)
            *error = tr("\"%1\" is not an instant: write a date, a time and its offset from "
                        "UTC, for example 2026-11-30T07:30:00+08:00 or 2026-11-29T23:30:00Z.")
                         .arg(text);
        return std::nullopt;
    }
    return instant;
}

QString Clock::useEnvironment()
{
    if (!qEnvironmentVariableIsSet(fixedInstantVariable))
        return QString();
    QString error;
    const auto instant = parseInstant(qEnvironmentVariable(fixedInstantVariable), &error);
    if (!instant)
        return QStringLiteral("%1: %2").arg(QString::fromLatin1(fixedInstantVariable), error);
    setFixedInstant(*instant);
    return QString();
}

} // namespace MicroShop
