#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace MicroShop::Dates {

// Shop-local dates and times with no zone, as domain.md writes them: `YYYY-MM-DD` and
// `YYYY-MM-DD HH:MM[:SS]`. The database stores the same text, so it sorts and groups as dates.

std::optional<QDate> parseDate(QStringView text, QString *error = nullptr);

// Accepts a date alone too (midnight), so a CSV `paid_at` may carry only the day.
std::optional<QDateTime> parseDateTime(QStringView text, QString *error = nullptr);

QString toText(QDate date);          // 2026-11-25
QString toText(const QDateTime &at); // 2026-11-25 14:05:09

QDate today();
QDateTime now(); // to the second

} // namespace MicroShop::Dates
