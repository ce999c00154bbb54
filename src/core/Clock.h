#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace MicroShop {

// The program's one source of "now": the shop's local date and time, read from the system clock
// in the shop's time zone, or a fixed instant that a test (or MICROSHOP_NOW) sets. Everything that
// asks for the time (the services, the demo generators, default dates, backups' names, the
// ledger's hold days) asks here, through Dates::now() and Dates::today().
class Clock final
{
    Q_DECLARE_TR_FUNCTIONS(Clock)

public:
    // The environment variable that fixes the clock: an ISO 8601 instant with its offset,
    // e.g. 2026-11-30T07:30:00+08:00 or 2026-11-29T23:30:00Z.
    static inline const char *const fixedInstantVariable = "MICROSHOP_NOW";

    // The shop-local date and time to the second, with no zone: a wall-clock QDateTime in
    // Qt::UTC like the ones Dates::parseDateTime() makes, so that the two compare as such.
    static QDateTime now();
    static QDate today();
    // The current instant itself (in UTC): the fixed one, or the system clock's.
    static QDateTime instant();

    // The shop's time zone; until one is set, the system's.
    static QTimeZone timeZone();
    static void setTimeZone(const QTimeZone &zone); // an invalid zone means the system's again

    // A fixed instant (a point in time, any zone); an invalid one gives the system clock back.
    static void setFixedInstant(const QDateTime &instant);
    static std::optional<QDateTime> fixedInstant();

    // Fixes the clock from MICROSHOP_NOW when it is set. Returns an empty string, or what is
    // wrong with the variable's value (the clock is then left as it was).
    static QString useEnvironment();
    // The instant of an ISO 8601 text with an offset or Z; nullopt and *error otherwise.
    static std::optional<QDateTime> parseInstant(const QString &text, QString *error = nullptr);
};

} // namespace MicroShop
