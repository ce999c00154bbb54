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
    // The last now() and the second since the epoch it was read in: an import asks the time
    // thousands of times a second, and each conversion to local time reads the zone's file again.
    std::optional<qint64> lastSecond;
    QDateTime lastNow;
};

qint64 secondOf(const QDateTime &instant)
{
    const qint64 msecs = instant.toMSecsSinceEpoch();
    return msecs >= 0 ? msecs / 1000 : -((-msecs + 999) / 1000);
}

State &state()
{
    static State instance;
    return instance;
}

} // namespace

QDateTime Clock::now()
{
    const QDateTime at = instant();
    const qint64 second = secondOf(at);
    QTimeZone zone;
    {
        State &current = state();
        const QMutexLocker locker(&current.mutex);
        // The same second since the epoch is the same wall-clock second: zones change their
        // offset on whole seconds.
        if (current.lastSecond == second)
            return current.lastNow;
        zone = current.zone;
    }
    const QDateTime shop = zone.isValid() ? at.toTimeZone(zone) : at.toLocalTime();
    const QTime time = shop.time();
    // A wall-clock time in Qt::UTC, as Dates::parseDateTime() makes them (see Dates.h).
    QDateTime wallClock(shop.date(), QTime(time.hour(), time.minute(), time.second()), Qt::UTC);
    State &current = state();
    const QMutexLocker locker(&current.mutex);
    if (current.zone == zone) { // not set again meanwhile
        current.lastSecond = second;
        current.lastNow = wallClock;
    }
    return wallClock;
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
    current.lastSecond.reset();
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
