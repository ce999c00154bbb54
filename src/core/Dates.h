#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace MicroShop::Dates {

// Shop-local dates and times with no zone, as domain.md writes them: `YYYY-MM-DD` and
// `YYYY-MM-DD HH:MM[:SS]`. The database stores the same text, so it sorts and groups as dates.
// In memory a shop-local time is a QDateTime in Qt::UTC used as a plain wall clock: no zone's
// rules ever apply to it, so a time that falls in this computer's daylight-saving gap or overlap
// is kept as written, and times compare and add as on the shop's calendar.

std::optional<QDate> parseDate(QStringView text, QString *error = nullptr);

// Accepts a date alone too (midnight), so a CSV `paid_at` may carry only the day.
std::optional<QDateTime> parseDateTime(QStringView text, QString *error = nullptr);

QString toText(QDate date);          // 2026-11-25
QString toText(const QDateTime &at); // 2026-11-25 14:05:09

// The shop's today and now, from Clock (the shop's time zone; fixed in tests).
QDate today();
QDateTime now(); // to the second

} // namespace MicroShop::Dates
