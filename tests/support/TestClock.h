#pragma once

#include "Clock.h"

#include <QByteArray>
#include <QtGlobal>

namespace MicroShop::Testing {

// Every test runs at an instant and in a time zone it sets, never at the wall clock's: by default
// 2026-11-26 12:00 in Asia/Shanghai, or MICROSHOP_TEST_NOW (an ISO 8601 instant with its offset)
// and MICROSHOP_TEST_TZ (an IANA zone) when they are set, as `tests/run_at.sh` does to run the
// suite at other instants. The command-line tool started by a test gets the same instant through
// MICROSHOP_NOW and the same zone through TZ.
inline bool fixClock()
{
    const QByteArray zone = qEnvironmentVariableIsEmpty("MICROSHOP_TEST_TZ")
                                ? QByteArrayLiteral("Asia/Shanghai")
                                : qgetenv("MICROSHOP_TEST_TZ");
    qputenv("TZ", zone); // before anything asks for the system's zone
    const QString text = qEnvironmentVariableIsEmpty("MICROSHOP_TEST_NOW")
                             ? QStringLiteral("2026-11-26T12:00:00+08:00")
                             : qEnvironmentVariable("MICROSHOP_TEST_NOW");
    QString error;
    const auto instant = Clock::parseInstant(text, &error);
    if (!instant)
        qFatal("MICROSHOP_TEST_NOW: %s", qPrintable(error));
    Clock::setFixedInstant(*instant);
    qputenv(Clock::fixedInstantVariable, text.toLatin1());
    return true;
}

} // namespace MicroShop::Testing

// QTEST_MAIN and QTEST_GUILESS_MAIN with the clock fixed before anything runs.
#define MICROSHOP_TEST_MAIN(TestObject) \
    [[maybe_unused]] static const bool microshopClockFixed = MicroShop::Testing::fixClock(); \
    QTEST_MAIN(TestObject)
#define MICROSHOP_TEST_GUILESS_MAIN(TestObject) \
    [[maybe_unused]] static const bool microshopClockFixed = MicroShop::Testing::fixClock(); \
    QTEST_GUILESS_MAIN(TestObject)
