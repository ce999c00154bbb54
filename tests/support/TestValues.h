#pragma once

#include "Dates.h"
#include "Money.h"

namespace MicroShop::Testing {

// Literal amounts and times for tests: yuan("12.30"), at("2026-03-01 10:00").
inline Money yuan(const char *text)
{
    return *Money::parse(QString::fromLatin1(text));
}

inline QDateTime at(const char *text)
{
    return *Dates::parseDateTime(QString::fromLatin1(text));
}

} // namespace MicroShop::Testing
